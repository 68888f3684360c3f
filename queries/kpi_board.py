"""The overview's board: every catalogue indicator for one period, for the province and each district,
with its previous period, the same period a year before, its target and its status.

Everything comes from ONE indicator statement over the last periods (``kpi.table``), so the KPI cards,
the league table and the "needs attention" list of a page share a single cached answer.
"""

from __future__ import annotations

import math
from datetime import date
from typing import NamedTuple

import pandas as pd

from queries import indicators, kpi
from queries.db import derived
from queries.kpi_periods import PER_YEAR, Period
from queries.kpi_status import TREND_PERIODS, Target, shortfall, status, target_for, target_rows, targets
from queries.warm import warmer

#: Periods in a sparkline.
SPARK_PERIODS = 12
LEVELS = ("province", "district")
BOARD_COLUMNS = [
    "indicator_id",
    "area_code",
    "value",
    "previous",
    "last_year",
    "detail",
    "target",
    "target_yearly",
    "target_basis",
    "due_date",
    "legal_source",
    "target_estimate",
    "status",
    "shortfall",
]


class Spark(NamedTuple):
    """A sparkline's points: period starts and values, oldest first."""

    starts: list[pd.Timestamp]
    values: list[float]


def history_length(grain: str) -> int:
    """Periods the board reads: a sparkline's worth, and back to the same period last year."""
    return max(SPARK_PERIODS, PER_YEAR[grain] + 1, TREND_PERIODS)


def history(period: Period) -> pd.DataFrame:
    """``kpi.table`` of every indicator for the province and districts, periods ending with ``period``
    (a slice of the grain's whole history, computed once per warehouse version)."""
    first = period.shift(1 - history_length(period.grain)).start
    return kpi.history_between(period.grain, LEVELS, first, period.start)


@warmer
def _warm_grain_histories() -> None:
    for grain in PER_YEAR:
        kpi.prepare_history(grain, LEVELS)


def sparklines(frame: pd.DataFrame, area_code: str, period: Period) -> dict[str, Spark]:
    """Indicator id -> the ``(period starts, values)`` of its last ``SPARK_PERIODS`` periods with a value,
    for one area (plain lists: fifteen small frames would cost more than the cards they feed)."""
    if frame.empty:
        return {}
    first = pd.Timestamp(period.shift(1 - SPARK_PERIODS).start)
    mask = (frame["area_code"] == area_code) & (frame["period_start"] >= first) & frame["value"].notna()
    rows = frame.loc[mask]
    points: dict[str, Spark] = {}
    for indicator, start, value in zip(rows["indicator_id"], rows["period_start"].tolist(), rows["value"]):
        dates, values = points.setdefault(indicator, Spark([], []))
        dates.append(start)
        values.append(float(value))
    return points


def _number(value: object) -> float | None:
    return None if value is None or math.isnan(value) else float(value)


def _values_by_period(frame: pd.DataFrame) -> dict[tuple[str, str], dict[date, float]]:
    """(indicator, area) -> {period start: value}, plain Python for the per-row work below."""
    found: dict[tuple[str, str], dict[date, float]] = {}
    if frame.empty:
        return found
    starts = frame["period_start"].dt.date.tolist()
    for ind, area, start, value in zip(
        frame["indicator_id"], frame["area_code"], starts, frame["value"].tolist()
    ):
        found.setdefault((ind, area), {})[start] = value
    return found


def _details(frame: pd.DataFrame, period: Period) -> dict[tuple[str, str], float]:
    """The extra column each indicator names (e.g. rated_pct), in the chosen period."""
    found = {}
    if frame.empty:
        return found
    current = frame[frame["period_start"] == pd.Timestamp(period.start)]
    for entry in indicators.all_indicators():
        if entry.detail and entry.detail in current.columns:
            rows = current[current["indicator_id"] == entry.id]
            found.update({(entry.id, a): v for a, v in zip(rows["area_code"], rows[entry.detail])})
    return found


def _row(entry, area: str, series: dict, period: Period, target: Target | None, detail) -> dict:
    def at(p: Period) -> float | None:
        return _number(series.get(p.start))

    value = at(period)
    recent = [at(period.shift(-i)) for i in range(TREND_PERIODS - 1, -1, -1)]
    return {
        "indicator_id": entry.id,
        "area_code": area,
        "value": value,
        "previous": at(period.shift(-1)),
        "last_year": at(period.shift(-PER_YEAR[period.grain])),
        "detail": _number(detail),
        "target": target.value if target else None,
        "target_yearly": target.yearly_value if target else None,
        "target_basis": target.basis if target else None,
        "due_date": target.due_date if target else None,
        "legal_source": target.legal_source if target else None,
        "target_estimate": bool(target and target.estimate),
        "status": status(value, target, entry.direction, recent, period),
        "shortfall": shortfall(value, target, entry.direction),
    }


def board(period: Period, frame: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per indicator and area (province, then districts) for ``period``: value, previous
    period, same period last year, detail, target (value, yearly value, basis, due date, source,
    estimate flag), status and shortfall (relative distance on the wrong side of the target).

    Without ``frame`` (the period's ``history``), kept per period and catalogue until the next load: the
    overview's views of one period (the province, each district) share it."""
    if frame is None:
        catalogue = tuple(entry.id for entry in indicators.all_indicators())
        key = (period.grain, period.start, catalogue)
        return derived("kpi_board.board", key, lambda: board(period, history(period)))
    known = kpi.areas()
    province = known.loc[known["level"] == "province", "code"]
    if province.empty:
        return pd.DataFrame(columns=BOARD_COLUMNS)
    province_code = str(province.iloc[0])
    codes = [province_code, *known.loc[known["level"] == "district", "code"]]
    series, details, rows = _values_by_period(frame), _details(frame, period), target_rows(targets())
    records = []
    for entry in indicators.all_indicators():
        for area in codes:
            target = target_for(entry, area, province_code, period.grain, rows)
            records.append(
                _row(
                    entry,
                    area,
                    series.get((entry.id, area), {}),
                    period,
                    target,
                    details.get((entry.id, area)),
                )
            )
    return pd.DataFrame.from_records(records, columns=BOARD_COLUMNS)


def needs_attention(frame: pd.DataFrame, area_code: str | None = None, limit: int = 8) -> pd.DataFrame:
    """Board rows off target (then at risk), worst first; only one area's when ``area_code`` is given."""
    rows = frame[frame["status"].isin(["off_target", "at_risk"])]
    if area_code is not None:
        rows = rows[rows["area_code"] == area_code]
    rank = rows["status"].map({"off_target": 0, "at_risk": 1})
    rows = rows.assign(_rank=rank, _gap=rows["shortfall"].fillna(0).replace(math.inf, 1e9))
    rows = rows.sort_values(
        ["_rank", "_gap", "indicator_id", "area_code"], ascending=[True, False, True, True]
    )
    return rows.drop(columns=["_rank", "_gap"]).head(limit).reset_index(drop=True)
