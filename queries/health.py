"""Questions the health-records page asks: coverage of e-health records against the province's targets.

The page's figures come from one question (``history``: every area in every month, see
``queries.health_sql``), answered once per warehouse version and cached; a month, a district or a
commune is then a selection of its rows. Coverage uses the population each commune reports with its
figures, not the estimate in ``areas``.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from queries.db import fetch
from queries.health_sql import COVERAGE, HISTORY_SQL, MEASURES, PROVINCE
from queries.warm import warmer

__all__ = ["COVERAGE", "MEASURES", "PROVINCE"]


@warmer
def history() -> pd.DataFrame:
    """Every area in every month with figures: coverage, flags, names, station, target that applies,
    change, pace, people and months to go, status (columns listed in ``queries.health_sql``).

    The page's callbacks ask at once; ``fetch`` computes it once and the others wait for its answer."""
    return fetch(HISTORY_SQL)


def months() -> pd.DataFrame:
    """Months with coverage figures, latest first."""
    return fetch(f"SELECT DISTINCT period FROM {COVERAGE} ORDER BY period DESC")


def districts() -> pd.DataFrame:
    """The province's districts: code and names."""
    return fetch("SELECT code, name_vi, name_ascii FROM areas WHERE level = 'district' ORDER BY code")


def communes() -> pd.DataFrame:
    """The province's communes: code, names and district."""
    return fetch(
        "SELECT code, name_vi, name_ascii, parent_code AS district_code FROM areas "
        "WHERE level = 'commune' ORDER BY code"
    )


def targets() -> pd.DataFrame:
    """Targets of the two measures for every area that has one: value, due date, legal source."""
    frame = fetch(
        "SELECT indicator_id, area_code, target_value, due_date, legal_source FROM targets "
        "WHERE indicator_id IN (?, ?) ORDER BY indicator_id, area_code",
        tuple(indicator for _, indicator in MEASURES.values()),
    )
    by_indicator = {indicator: measure for measure, (_, indicator) in MEASURES.items()}
    return frame.assign(measure=frame["indicator_id"].map(by_indicator))


def coverage(month: date) -> pd.DataFrame:
    """The province, every district and every commune in ``month`` (``history``'s rows of that month)."""
    frame = history()
    return frame[frame["period"] == pd.Timestamp(month)].drop(columns="period").reset_index(drop=True)


def trend(commune: str | None = None) -> pd.DataFrame:
    """Coverage % per month for the province, every district and (if given) one commune."""
    frame = history()
    keep = frame["reported"] & ((frame["level"] != "commune") | (frame["code"] == commune))
    columns = ["level", "code", "period", "created_pct", "complete_pct"]
    return frame.loc[keep, columns].sort_values(["level", "code", "period"], ignore_index=True)


def area_shapes(level: str) -> pd.DataFrame:
    """Outlines (GeoJSON text) of every district or every commune, with names and district."""
    return fetch(
        "SELECT code, name_vi, name_ascii, CASE level WHEN 'district' THEN code ELSE parent_code END "
        "AS district_code, geometry_quality, geometry FROM areas "
        "WHERE level = ? AND geometry IS NOT NULL ORDER BY code",
        (level,),
    )


def rejected_counts() -> pd.DataFrame:
    """Rows of the health exports the ETL left out, per rule."""
    return fetch(
        "SELECT rule, count(*) AS rows FROM rejected_rows WHERE source = 'health' GROUP BY rule ORDER BY rule"
    )


# --- picking rows (pure) -------------------------------------------------------------------------------

#: A measure's target as the page uses it: {"target_value", "due_date", "legal_source"}.
Goals = dict[str, dict]


def goals_for(all_targets: pd.DataFrame, district: str | None = None) -> Goals:
    """Measure -> the target that applies: the district's own where it has one, else the province's."""
    goals: Goals = {}
    for area in (PROVINCE, district) if district else (PROVINCE,):  # the district's, read last, wins
        for row in all_targets.to_dict("records") if not all_targets.empty else []:
            if row["area_code"] == area and row["measure"]:
                goals[row["measure"]] = {k: row[k] for k in ("target_value", "due_date", "legal_source")}
    return goals


def rows_of(frame: pd.DataFrame, level: str, district: str | None = None, reported: bool = True):
    """The rows of one level (of one district, if given), only those with figures unless told otherwise."""
    if frame.empty:
        return frame
    keep = frame["level"] == level
    if district:
        keep &= frame["district_code"] == district
    if reported:
        keep &= frame["reported"].astype(bool)
    return frame[keep].reset_index(drop=True)
