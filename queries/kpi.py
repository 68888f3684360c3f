"""Computing catalogue indicators: the generic entry points every page uses.

- ``values(indicator_id, period_start, period_end, level, area_code=None)``: one value per area.
- ``series(indicator_id, grain, n_periods, end, area_code=None)``: one value per period (sparklines).
- ``table(indicator_ids, periods, levels)``: many indicators, periods and levels in ONE statement (the
  overview asks for everything it shows at once, and every callback of the page shares the cached answer).

Values are in the indicator's unit (percentages 0–100). All SQL runs in DuckDB, parameterised.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from queries import indicators
from queries.db import derived, fetch
from queries.kpi_periods import Period, containing
from queries.kpi_sql import Scope, compose

TABLE_COLUMNS = ["indicator_id", "period_start", "area_code", "value"]
#: Fact tables and the date column that places their rows in time: the range of periods with data.
DATA_DATES = (("feedback", "requested_at"), ("health_coverage", "period"), ("traffic_daily", "day"))


def areas() -> pd.DataFrame:
    """Province and districts (and communes): code, level, parent, names, population and its basis."""
    return fetch(
        "SELECT code, level, parent_code, name_vi, name_ascii, population, population_basis FROM areas "
        "ORDER BY CASE level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, code"
    )


def data_dates() -> pd.DataFrame:
    """One row: ``first`` and ``last`` day with data across the fact tables the indicators read
    (NaT when they are empty)."""
    parts = " UNION ALL ".join(
        f"SELECT CAST(min({column}) AS DATE) AS first, CAST(max({column}) AS DATE) AS last FROM {table}"
        for table, column in DATA_DATES
    )
    return fetch(f"SELECT min(first) AS first, max(last) AS last FROM ({parts})")


def table(indicator_ids: Sequence[str], scope: Scope) -> pd.DataFrame:
    """``indicator_id, period_start, area_code, value`` (+ extra columns such as ``rated_pct``) for every
    indicator, period and area of the scope, from one statement (one per set of levels when an
    indicator answers for only some of the scope's levels)."""
    groups: dict[tuple[str, ...], list] = {}
    for entry in (indicators.get(i) for i in indicator_ids):
        levels = tuple(level for level in scope.levels if level in entry.levels)
        if levels:
            groups.setdefault(levels, []).append(entry)
    frames = []
    for levels, entries in groups.items():
        part = Scope(scope.windows, scope.grain, levels)
        sql = compose([(entry.id, entry.query(part)) for entry in entries])
        frames.append(fetch(sql.text, sql.params))
    if not frames:
        return pd.DataFrame(columns=TABLE_COLUMNS)
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    frame["period_start"] = pd.to_datetime(frame["period_start"])
    frame["value"] = frame["value"].astype(float)
    return frame.sort_values(["indicator_id", "period_start", "area_code"], ignore_index=True)


def history(grain: str, levels: tuple[str, ...]) -> pd.DataFrame:
    """``table`` of every catalogue indicator, for the areas of ``levels``, in every period of ``grain``
    the data covers.

    Computed once per warehouse version (and warmed after a load, see ``queries.warm``): any period a
    reader picks is then a slice of it (``history_between``), not a new statement.
    """
    return _shared_history(grain, tuple(levels)).copy(deep=True)


def history_between(grain: str, levels: tuple[str, ...], first: date, last: date) -> pd.DataFrame:
    """Rows of ``history`` whose period starts between ``first`` and ``last`` (both included)."""
    frame = _shared_history(grain, tuple(levels))
    starts = frame["period_start"]
    return frame.loc[(starts >= pd.Timestamp(first)) & (starts <= pd.Timestamp(last))].reset_index(drop=True)


def prepare_history(grain: str, levels: tuple[str, ...]) -> None:
    """Compute ``history`` now if it is not cached yet (warmers call this after a load)."""
    _shared_history(grain, tuple(levels))


def _shared_history(grain: str, levels: tuple[str, ...]) -> pd.DataFrame:
    """The cached frame itself (not a copy): callers only read it or select rows into a new frame."""
    ids = tuple(entry.id for entry in indicators.all_indicators())
    return derived("kpi.history", (grain, levels, ids), lambda: _history(grain, levels, ids), copy=False)


def _history(grain: str, levels: tuple[str, ...], ids: tuple[str, ...]) -> pd.DataFrame:
    dates = data_dates()
    first, last = (dates.iat[0, 0], dates.iat[0, 1]) if not dates.empty else (None, None)
    if pd.isna(first) or pd.isna(last):
        return table([], period_scope([containing(grain, date.today())], levels))
    periods = [containing(grain, pd.Timestamp(last).date())]
    while periods[-1].start > pd.Timestamp(first).date():
        periods.append(periods[-1].shift(-1))
    return table(list(ids), period_scope(periods[::-1], levels))


def period_scope(periods: Sequence[Period], levels: Sequence[str]) -> Scope:
    """A scope of consecutive whole periods of one grain."""
    return Scope(tuple((p.start, p.end) for p in periods), periods[0].grain, tuple(levels))


def _within(frame: pd.DataFrame, area_code: str | None) -> pd.DataFrame:
    """Rows of one area, or of the areas inside it; all rows for None or the province."""
    if area_code is None:
        return frame
    known = areas()
    if known.loc[known["code"] == area_code, "level"].eq("province").any():
        return frame
    children = set(known.loc[known["parent_code"] == area_code, "code"])
    return frame[frame["area_code"].isin(children | {area_code})]


def values(
    indicator_id: str, period_start: date, period_end: date, level: str, area_code: str | None = None
) -> pd.DataFrame:
    """``area_code, value`` (+ extra columns) of one indicator for every area of ``level`` (or those of
    ``area_code`` and inside it) over ``period_start`` (included) to ``period_end`` (excluded)."""
    scope = Scope(((period_start, period_end),), None, (level,))
    frame = _within(table([indicator_id], scope), area_code)
    return frame.drop(columns=["indicator_id", "period_start"]).reset_index(drop=True)


def area_level(area_code: str | None) -> str:
    """'province', 'district' or 'commune' for a code; the province for None."""
    if area_code is None:
        return "province"
    known = areas()
    match = known.loc[known["code"] == area_code, "level"]
    if match.empty:
        raise KeyError(f"no area {area_code!r}")
    return str(match.iloc[0])


def series(
    indicator_id: str, grain: str, n_periods: int, end: date, area_code: str | None = None
) -> pd.DataFrame:
    """``period_start, value`` of one indicator for one area (the province by default), over the
    ``n_periods`` periods of ``grain`` ending with the one containing ``end``; periods without a value
    are left out."""
    level = area_level(area_code)
    periods = containing(grain, end).back(n_periods)
    frame = table([indicator_id], period_scope(periods, (level,)))
    if area_code is not None and level != "province":
        frame = frame[frame["area_code"] == area_code]
    return frame.drop(columns=["indicator_id", "area_code"]).reset_index(drop=True)
