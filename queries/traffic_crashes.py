"""Road crashes: the traffic page's questions about ``traffic_incidents`` of kind 'va chạm'.

The same ``TrafficFilter`` as the volumes: the period (both days included), the corridors (a crash
counts for a corridor when the police export names it), the district (of the crash's place). The
vehicle type does not apply: the export does not say which vehicles were involved.
"""

from __future__ import annotations

from datetime import timedelta

import pandas as pd

from queries.db import fetch
from queries.traffic import TrafficFilter

INCIDENTS = "traffic_incidents"
#: The incident kind that is a crash (etl/vocab.py INCIDENT_KINDS).
CRASH = "va chạm"
#: Severity levels, mildest first, as the export writes them.
SEVERITIES = ("nhẹ", "nghiêm trọng", "rất nghiêm trọng", "đặc biệt nghiêm trọng")
#: Road types as stored; a crash without one is counted as 'unknown'.
ROAD_TYPES = ("quốc lộ", "đô thị", "nông thôn")
UNKNOWN = "unknown"
#: Crash points sent to the map at most (a year holds about 160).
POINTS_LIMIT = 5000
#: Hotspot cells: about 550 m by 530 m at Huế's latitude; a cell is a hotspot from this many crashes.
CELL_DEGREES = 0.005
HOTSPOT_MIN_CRASHES = 2


def crash_where(f: TrafficFilter) -> tuple[str, tuple]:
    """Crashes of the filter: kind, period, district and corridors, with the bound values."""
    parts = ["kind = ?", "occurred_at >= ?", "occurred_at < ?", "(? IS NULL OR district_code = ?)"]
    params = [CRASH, f.start, f.end + timedelta(days=1), f.district, f.district]
    if f.corridors:
        parts.append(f"corridor IN ({', '.join('?' for _ in f.corridors)})")
        params += list(f.corridors)
    return " AND ".join(parts), tuple(params)


def summary_sql(f: TrafficFilter, label: str) -> tuple[str, tuple]:
    """One row labelled ``label``: crashes, deaths and injuries (read by ``queries.traffic_kpis``)."""
    where, params = crash_where(f)
    return (
        (f"SELECT '{label}' AS period, count(*) AS crashes, coalesce(sum(deaths), 0)::BIGINT AS deaths, "
        f"coalesce(sum(injuries), 0)::BIGINT AS injuries FROM {INCIDENTS} WHERE {where}"),
        params,
    )


def crash_points(f: TrafficFilter) -> pd.DataFrame:
    """Each crash of the filter with its place, time, severity, casualties, road type and corridor."""
    where, params = crash_where(f)
    return fetch(
        "SELECT incident_id, occurred_at, severity, deaths, injuries, road_type, corridor, lat, lon "
        f"FROM {INCIDENTS} WHERE {where} AND lat IS NOT NULL AND lon IS NOT NULL "
        "ORDER BY occurred_at, incident_id LIMIT ?",
        (*params, POINTS_LIMIT),
    )


def crash_hotspots(f: TrafficFilter) -> pd.DataFrame:
    """Grid cells (CELL_DEGREES square) holding at least HOTSPOT_MIN_CRASHES crashes: their south-west
    corner, crashes, deaths and injuries, most crashes first."""
    where, params = crash_where(f)
    return fetch(
        "SELECT floor(lat / ?)::BIGINT AS cell_row, floor(lon / ?)::BIGINT AS cell_col, "
        "count(*) AS crashes, sum(deaths)::BIGINT AS deaths, sum(injuries)::BIGINT AS injuries "
        f"FROM {INCIDENTS} WHERE {where} AND lat IS NOT NULL AND lon IS NOT NULL "
        "GROUP BY ALL HAVING count(*) >= ? ORDER BY crashes DESC, cell_row, cell_col",
        (CELL_DEGREES, CELL_DEGREES, *params, HOTSPOT_MIN_CRASHES),
    )


def crashes_by_month(f: TrafficFilter) -> pd.DataFrame:
    """Every month the period touches (zero when none) with its crashes, deaths and injuries."""
    where, params = crash_where(f)
    return fetch(
        "WITH months AS (SELECT range::DATE AS month FROM range(?::DATE, ?::DATE + INTERVAL 1 DAY, "
        "INTERVAL 1 MONTH)), "
        "crashes AS (SELECT date_trunc('month', occurred_at)::DATE AS month, count(*) AS crashes, "
        f"sum(deaths) AS deaths, sum(injuries) AS injuries FROM {INCIDENTS} WHERE {where} GROUP BY ALL) "
        "SELECT m.month, coalesce(c.crashes, 0)::BIGINT AS crashes, coalesce(c.deaths, 0)::BIGINT AS deaths, "
        "coalesce(c.injuries, 0)::BIGINT AS injuries FROM months AS m LEFT JOIN crashes AS c USING (month) "
        "ORDER BY m.month",
        (f.first_month, f.last_month, *params),
    )


def crashes_by_road_type(f: TrafficFilter) -> pd.DataFrame:
    """Crashes, deaths and injuries per road type ('unknown' when the export gives none), most first."""
    where, params = crash_where(f)
    return fetch(
        f"SELECT coalesce(road_type, '{UNKNOWN}') AS road_type, count(*) AS crashes, "
        "sum(deaths)::BIGINT AS deaths, sum(injuries)::BIGINT AS injuries "
        f"FROM {INCIDENTS} WHERE {where} GROUP BY ALL ORDER BY crashes DESC, road_type",
        params,
    )
