"""The ``indicator_by_area`` export: one catalogue indicator, month by month, for an area and the areas
one level below it (the province and its districts; a district and its communes; one commune).

Values come from the indicator's own query (``queries.indicators``), composed by ``queries.kpi_sql``,
so the export shows exactly what the overview and the map show.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from queries import indicators
from queries.db import fetch
from queries.export_datasets import ExportError
from queries.kpi import data_dates
from queries.kpi_periods import Period, containing
from queries.kpi_sql import Scope, compose

#: Months one export may span (ten years): the statement holds one window per month.
MAX_MONTHS = 120
#: Level of the chosen area -> the levels the export lists.
LEVELS = {"province": ("province", "district"), "district": ("district", "commune"), "commune": ("commune",)}
_LEVEL_ORDER = "CASE a.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END"


def check(indicator_id: str | None, level: str) -> None:
    """The indicator exists and answers at the chosen area's level; ExportError otherwise."""
    if indicator_id is None:
        raise ExportError("dataset 'indicator_by_area' needs parameter 'indicator'")
    entry = indicators.CATALOGUE.get(indicator_id)
    if entry is None:
        raise ExportError(f"unknown indicator {indicator_id[:80]!r}")
    if level not in entry.levels:
        raise ExportError(f"indicator {indicator_id!r} has no values at {level} level")


def _day(value: object) -> date:
    """A day from the data's range; today when the warehouse holds no facts yet."""
    return date.today() if pd.isna(value) else pd.Timestamp(value).date()


def _months(start: date | None, end: date | None) -> list[Period]:
    span = data_dates()
    start = start or _day(span.at[0, "first"])
    end = end or _day(span.at[0, "last"])
    months, month = [], containing("month", start)
    while month.start <= end:
        months.append(month)
        month = month.shift(1)
        if len(months) > MAX_MONTHS:
            raise ExportError(f"an indicator export spans at most {MAX_MONTHS} months")
    return months


def rows(indicator_id: str, area: str | None, start: date | None, end: date | None) -> tuple[str, list]:
    """SQL and values: ``indicator_id, month, level, area_code, area, value, unit`` (+ ``level_order``)."""
    entry = indicators.get(indicator_id)
    level = (
        "province"
        if area is None
        else str(fetch("SELECT level FROM areas WHERE code = ?", (area,)).iat[0, 0])
    )
    levels = tuple(name for name in LEVELS[level] if name in entry.levels)
    months = _months(start, end)
    scope = Scope(tuple((m.start, m.end) for m in months), "month", levels)
    values = compose([(entry.id, entry.query(scope))])
    sql = (
        "SELECT v.indicator_id, CAST(v.period_start AS DATE) AS month, a.level, v.area_code, "
        f"a.name_vi AS area, CAST(v.value AS DOUBLE) AS value, CAST(? AS VARCHAR) AS unit, "
        f"{_LEVEL_ORDER} AS level_order FROM ({values.text}) v JOIN areas a ON a.code = v.area_code "
        "WHERE (CAST(? AS VARCHAR) IS NULL OR v.area_code = ? OR a.parent_code = ?)"
    )
    return sql, [entry.unit, *values.params, area, area, area]
