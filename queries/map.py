"""The map explorer (/map): the months it offers, an area's profile against its peers, and the point
layers drawn on top of the choropleth.

The choropleth itself is ``kpi.values`` of any catalogue indicator, and boundaries are
``feedback_map.boundaries``; the feedback layer reuses ``feedback_map``, schools ``schools.school_points``
and crashes ``traffic_crashes.crash_points``. Only the layers no other page asks for have SQL here.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

import pandas as pd

from queries import feedback_map, indicators, kpi
from queries.db import fetch
from queries.kpi_periods import Period, complete_periods
from queries.kpi_status import TREND_PERIODS, status, target_for, target_rows, targets
from queries.warm import warmer

SENSORS = "traffic_sensors"
PLACES = "places"
VISITOR_POINT = "điểm hỗ trợ du khách"
MAP_LEVELS = ("district", "commune")
PROFILE_COLUMNS = [
    "indicator_id", "value", "target", "target_basis", "target_estimate", "status", "rank", "peers",
    "sparkline",
]
#: Months in a profile's sparkline (the last is the month shown).
SPARK_MONTHS = 12


def months() -> pd.DataFrame:
    """``key`` (``2025-11``) of every complete month with data, oldest first: the time slider's stops."""
    dates = kpi.data_dates()
    if dates.empty or pd.isna(dates["first"].iloc[0]):
        return pd.DataFrame({"key": []})
    first, last = pd.Timestamp(dates["first"].iloc[0]).date(), pd.Timestamp(dates["last"].iloc[0]).date()
    return pd.DataFrame({"key": [p.key for p in reversed(complete_periods("month", first, last))]})


def mappable(level: str) -> list[indicators.Indicator]:
    """Catalogue indicators with a value per area of ``level``."""
    return [entry for entry in indicators.all_indicators() if level in entry.levels]


def area(area_code: str) -> pd.DataFrame:
    """One row: the area's code, level, parent, names, population and its basis (empty if unknown)."""
    known = kpi.areas()
    return known[known["code"] == area_code].reset_index(drop=True)


def _rank(values: dict[str, float], area_code: str, direction: str) -> tuple[float | None, int]:
    """(1 = best among the areas with a value, how many have one); ties share the better rank."""
    known = {code: v for code, v in values.items() if v is not None and not math.isnan(v)}
    if area_code not in known:
        return None, len(known)
    mine = known[area_code]
    better = sum(1 for v in known.values() if (v > mine if direction == "up" else v < mine))
    return float(better + 1), len(known)


def _history(level: str, month: Period, months: int) -> pd.DataFrame:
    """Every indicator with ``level`` detail, for every area of that level, over ``months`` months
    ending with ``month`` (a slice of the monthly history, computed once per warehouse version)."""
    return kpi.history_between("month", (level,), month.shift(1 - months).start, month.start)


@warmer
def _warm_level_histories() -> None:
    for level in MAP_LEVELS:
        kpi.prepare_history("month", (level,))


def month_values(indicator_id: str, month: Period, level: str) -> pd.DataFrame:
    """``area_code, value`` (+ extra columns) of one indicator for every area of ``level`` in ``month``:
    what ``kpi.values`` gives for that month, read from the monthly history."""
    frame = _history(level, month, 1)
    frame = frame[frame["indicator_id"] == indicator_id].dropna(axis="columns", how="all")
    return frame.drop(columns=["indicator_id", "period_start"]).reset_index(drop=True)


def _province_code() -> str:
    known = kpi.areas()
    return str(known.loc[known["level"] == "province", "code"].iloc[0])


def area_profile(area_code: str, month: Period) -> pd.DataFrame:
    """One row per indicator with detail at the area's level: its value in ``month``, the target that
    applies, status, and rank among the areas of the same level (1 = best, by the good direction)."""
    level = kpi.area_level(area_code)
    if level not in MAP_LEVELS:
        return pd.DataFrame(columns=PROFILE_COLUMNS)
    frame, rows, province = _history(level, month, SPARK_MONTHS), target_rows(targets()), _province_code()
    mine, peers_now = frame[frame["area_code"] == area_code], frame[frame["period_start"] == pd.Timestamp(month.start)]
    # indicator -> month -> value (this area), and indicator -> {area: value} (every area, this month)
    series: dict[str, dict[date, float]] = {}
    for ind, start, value in zip(mine["indicator_id"], mine["period_start"].dt.date, mine["value"]):
        series.setdefault(ind, {})[start] = value
    now: dict[str, dict[str, float]] = {}
    for ind, code, value in zip(peers_now["indicator_id"], peers_now["area_code"], peers_now["value"]):
        now.setdefault(ind, {})[code] = value
    records = []
    for entry in mappable(level):
        spark = [series.get(entry.id, {}).get(p.start, math.nan) for p in month.back(SPARK_MONTHS)]
        recent = spark[-TREND_PERIODS:]
        value = None if math.isnan(recent[-1]) else recent[-1]
        rank, peers = _rank(now.get(entry.id, {}), area_code, entry.direction)
        target = target_for(entry, area_code, province, "month", rows)
        records.append({
            "indicator_id": entry.id, "value": value, "target": target.value if target else None,
            "target_basis": target.basis if target else None, "target_estimate": bool(target and target.estimate),
            "status": status(value, target, entry.direction, recent, month), "rank": rank, "peers": peers,
            "sparkline": [None if math.isnan(v) else v for v in spark],
        })
    return pd.DataFrame.from_records(records, columns=PROFILE_COLUMNS)


def month_target(indicator_id: str, month: Period) -> float | None:
    """The province-wide target of an indicator for one month that a single area is held to (rates,
    shares and medians; None for counts, whose province target says nothing about one area)."""
    entry = indicators.get(indicator_id)
    if entry.additive:
        return None
    province = _province_code()
    # any code other than the province's: the target a single area inherits
    target = target_for(entry, f"{province}-area", province, "month", target_rows(targets()))
    return target.value if target else None


def sensor_points() -> pd.DataFrame:
    """Traffic sensors with a location: id, corridor, capacity (vehicles per hour)."""
    return fetch(
        f"SELECT sensor_id, corridor, capacity_veh_h, lat, lon FROM {SENSORS} "
        "WHERE lat IS NOT NULL AND lon IS NOT NULL ORDER BY sensor_id"
    )


def visitor_points() -> pd.DataFrame:
    """Visitor information points: id, name, location."""
    return fetch(
        f"SELECT place_id, name, lat, lon FROM {PLACES} WHERE kind = ? ORDER BY place_id", (VISITOR_POINT,)
    )


def month_days(month: Period) -> tuple[date, date]:
    """First and last day (both included) of a month, as the sector filters take them."""
    return month.start, month.end - timedelta(days=1)


def boundaries(level: str) -> pd.DataFrame:
    """Outlines of the districts or communes (``feedback_map.boundaries``, one cached read for both)."""
    shapes = feedback_map.boundaries()
    return shapes[shapes["level"] == level].reset_index(drop=True)
