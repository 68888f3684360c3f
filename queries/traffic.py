"""Traffic volumes and congestion: the questions the traffic page asks of the sensor rollups.

Every figure comes from the ETL's rollups (``traffic_daily``, ``traffic_hour_of_week``), never from the
hourly ``traffic_counts`` table, so a year of data costs a few thousand rows. A congested hour is one with
vehicles above 0.85 of the sensor's capacity (computed by the ETL on all vehicles, whatever the vehicle
filter). Volumes are per counting point: the vehicles counted divided by the sensor-hours counted, so a
corridor with three sensors is not three times as busy as one with a single sensor.

Every question takes one ``TrafficFilter``: a period (both days included), corridors (none = all), a
district (GSO code of the sensor's district) and a vehicle type. Crashes are asked in
``queries.traffic_crashes``; holidays and tourism peaks in ``queries.traffic_calendar``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd

from queries.db import fetch

DAILY = "traffic_daily"
HOUR_OF_WEEK = "traffic_hour_of_week"
SENSORS = "traffic_sensors"
#: Vehicle filter -> the rollup column it reads.
VEHICLE_COLUMNS = {
    "all": "vehicles", "motorbikes": "motorbikes", "cars": "cars", "trucks_buses": "trucks_buses"
}
VEHICLES = tuple(VEHICLE_COLUMNS)
GRAINS = {"day": "day", "week": "week"}
#: The congestion threshold of the ETL (etl/vocab.py CONGESTION_RATIO), shown on the charts.
CONGESTION_RATIO = 0.85


def previous_year(day: date) -> date:
    """The same day a year earlier (29 February becomes 28 February)."""
    return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)


@dataclass(frozen=True)
class TrafficFilter:
    """What the page shows: ``start`` to ``end`` (inclusive), some corridors (none = all), a district, a
    vehicle type (a key of VEHICLE_COLUMNS)."""

    start: date
    end: date
    corridors: tuple[str, ...] = ()
    district: str | None = None
    vehicle: str = "all"

    @property
    def column(self) -> str:
        return VEHICLE_COLUMNS.get(self.vehicle, "vehicles")

    @property
    def first_month(self) -> date:
        return self.start.replace(day=1)

    @property
    def last_month(self) -> date:
        return self.end.replace(day=1)

    @property
    def months_end(self) -> date:
        """The last day of the period's last month (the monthly rollup covers it whole)."""
        return (self.last_month + timedelta(days=32)).replace(day=1) - timedelta(days=1)

    def last_year(self) -> TrafficFilter:
        """The same period a year earlier, same corridors, district and vehicle."""
        return replace(self, start=previous_year(self.start), end=previous_year(self.end))

    def all_corridors(self) -> TrafficFilter:
        return replace(self, corridors=())


def scope_sql(f: TrafficFilter, alias: str = "s") -> tuple[str, tuple]:
    """Condition on the sensors table ``alias``: the chosen corridors and district, with its values."""
    parts, params = [f"(? IS NULL OR {alias}.district_code = ?)"], [f.district, f.district]
    if f.corridors:
        parts.append(f"{alias}.corridor IN ({', '.join('?' for _ in f.corridors)})")
        params += list(f.corridors)
    return " AND ".join(parts), tuple(params)


def _daily_where(f: TrafficFilter) -> tuple[str, tuple]:
    scope, params = scope_sql(f)
    return f"d.day BETWEEN ? AND ? AND {scope}", (f.start, f.end, *params)


def _weekly_where(f: TrafficFilter) -> tuple[str, tuple]:
    scope, params = scope_sql(f)
    return f"h.month BETWEEN ? AND ? AND {scope}", (f.first_month, f.last_month, *params)


def data_range() -> pd.DataFrame:
    """First and last day with traffic counts (one row; NaT when there are none)."""
    return fetch(f"SELECT min(day) AS first_day, max(day) AS last_day FROM {DAILY}")


def corridors() -> pd.DataFrame:
    """Every corridor with its number of sensors and its highest sensor capacity, by name."""
    return fetch(
        f"SELECT corridor, count(*) AS sensors, max(capacity_veh_h) AS capacity FROM {SENSORS} "
        "GROUP BY corridor ORDER BY corridor"
    )


def districts() -> pd.DataFrame:
    """Every district (code, names) with how many sensors it holds."""
    return fetch(
        f"SELECT a.code, a.name_vi, a.name_ascii, count(s.sensor_id) AS sensors FROM areas AS a "
        f"LEFT JOIN {SENSORS} AS s ON s.district_code = a.code WHERE a.level = 'district' "
        "GROUP BY ALL ORDER BY a.code"
    )


def summary_sql(f: TrafficFilter, label: str) -> tuple[str, tuple]:
    """One row labelled ``label``: sensors, vehicles, sensor-hours counted, congested hours and vehicles
    per day at a counting point (``queries.traffic_kpis`` reads it for two periods at once)."""
    where, params = _daily_where(f)
    sql = (
        f"SELECT '{label}' AS period, count(DISTINCT d.sensor_id) AS sensors, "
        f"coalesce(sum(d.{f.column}), 0)::BIGINT AS vehicles, coalesce(sum(d.hours_counted), 0)::BIGINT "
        "AS hours_counted, coalesce(sum(d.congestion_hours), 0)::BIGINT AS congestion_hours, "
        f"24.0 * sum(d.{f.column}) / nullif(sum(d.hours_counted), 0) AS vehicles_per_day "
        f"FROM {DAILY} AS d JOIN {SENSORS} AS s USING (sensor_id) WHERE {where}"
    )
    return sql, params


def volume_series(f: TrafficFilter, grain: str = "week") -> pd.DataFrame:
    """Vehicles per day at a counting point, per corridor and day (or week, starting Monday)."""
    where, params = _daily_where(f)
    part = GRAINS.get(grain, "week")
    return fetch(
        f"SELECT d.corridor, date_trunc('{part}', d.day)::DATE AS period_start, "
        f"24.0 * sum(d.{f.column}) / nullif(sum(d.hours_counted), 0) AS vehicles_per_day, "
        "sum(d.hours_counted)::BIGINT AS hours_counted "
        f"FROM {DAILY} AS d JOIN {SENSORS} AS s USING (sensor_id) WHERE {where} "
        "GROUP BY ALL ORDER BY d.corridor, period_start",
        params,
    )


def hour_of_week(f: TrafficFilter) -> pd.DataFrame:
    """Per ISO weekday (1 = Monday) and hour: vehicles per sensor-hour and % of sensor-hours congested,
    over the whole months the period touches (the rollup is monthly)."""
    where, params = _weekly_where(f)
    return fetch(
        f"SELECT h.weekday, h.hour, sum(h.{f.column}) / sum(h.hours_counted) AS vehicles_per_hour, "
        "100.0 * sum(h.congestion_hours) / sum(h.hours_counted) AS congested_pct, "
        f"sum(h.hours_counted)::BIGINT AS hours_counted FROM {HOUR_OF_WEEK} AS h "
        f"JOIN {SENSORS} AS s USING (sensor_id) WHERE {where} GROUP BY ALL ORDER BY h.weekday, h.hour",
        params,
    )


def corridor_ranking(f: TrafficFilter) -> pd.DataFrame:
    """Every corridor (the corridor choice is ignored, the district kept): congested hours, % of hours
    congested, mean daily peak-hour volume/capacity and the highest hour's, most congested first."""
    where, params = _daily_where(f.all_corridors())
    return fetch(
        "SELECT d.corridor, count(DISTINCT d.sensor_id) AS sensors, sum(d.congestion_hours)::BIGINT "
        "AS congestion_hours, sum(d.hours_counted)::BIGINT AS hours_counted, "
        "100.0 * sum(d.congestion_hours) / sum(d.hours_counted) AS congested_pct, "
        "avg(d.peak_ratio) AS mean_peak_ratio, max(d.peak_ratio) AS max_peak_ratio "
        f"FROM {DAILY} AS d JOIN {SENSORS} AS s USING (sensor_id) WHERE {where} "
        "GROUP BY d.corridor ORDER BY congestion_hours DESC, mean_peak_ratio DESC, d.corridor",
        params,
    )


def sensor_status(f: TrafficFilter) -> pd.DataFrame:
    """Every chosen sensor with its place, capacity and, in the period, vehicles per day, congested
    hours and peak-hour volume/capacity (NULL figures for a sensor without counts)."""
    scope, scope_params = scope_sql(f)
    return fetch(
        "SELECT s.sensor_id, s.corridor, s.lat, s.lon, s.capacity_veh_h, s.district_code, "
        f"24.0 * sum(d.{f.column}) / nullif(sum(d.hours_counted), 0) AS vehicles_per_day, "
        "sum(d.congestion_hours)::BIGINT AS congestion_hours, sum(d.hours_counted)::BIGINT AS hours_counted, "
        "avg(d.peak_ratio) AS mean_peak_ratio, max(d.peak_ratio) AS max_peak_ratio "
        f"FROM {SENSORS} AS s LEFT JOIN {DAILY} AS d ON d.sensor_id = s.sensor_id AND d.day BETWEEN ? AND ? "
        f"WHERE {scope} AND s.lat IS NOT NULL AND s.lon IS NOT NULL GROUP BY ALL ORDER BY s.sensor_id",
        (f.start, f.end, *scope_params),
    )


def sensor_profile(sensor_id: str | None, f: TrafficFilter) -> pd.DataFrame:
    """One sensor's 24-hour profile over the months the period touches; without an id, the profile of
    the filter's sensor with the most congested hours in the period (then the highest mean peak ratio).
    Its corridor, capacity and district, then per day type ('weekday' Monday to Friday, 'weekend') and
    hour the vehicles per hour and % of hours congested. One row without hour when it has no counts then;
    no row for an unknown id (or no sensor with counts)."""
    where, params = _daily_where(f)
    busiest = (
        f"SELECT d.sensor_id FROM {DAILY} AS d JOIN {SENSORS} AS s USING (sensor_id) WHERE {where} "
        "GROUP BY d.sensor_id ORDER BY sum(d.congestion_hours) DESC, avg(d.peak_ratio) DESC, d.sensor_id "
        "LIMIT 1"
    )
    return fetch(
        f"WITH chosen AS (SELECT coalesce(?, ({busiest})) AS sensor_id) "
        "SELECT s.sensor_id, s.corridor, s.capacity_veh_h, s.district_code, a.name_vi AS district_vi, "
        "a.name_ascii AS district_ascii, CASE WHEN h.weekday >= 6 THEN 'weekend' WHEN h.weekday >= 1 "
        "THEN 'weekday' END AS day_type, h.hour, "
        f"sum(h.{f.column}) / sum(h.hours_counted) AS vehicles_per_hour, "
        "100.0 * sum(h.congestion_hours) / sum(h.hours_counted) AS congested_pct, "
        f"sum(h.hours_counted)::BIGINT AS hours_counted FROM chosen JOIN {SENSORS} AS s USING (sensor_id) "
        "LEFT JOIN areas AS a ON a.code = s.district_code "
        f"LEFT JOIN {HOUR_OF_WEEK} AS h ON h.sensor_id = s.sensor_id AND h.month BETWEEN ? AND ? "
        "GROUP BY ALL ORDER BY day_type, h.hour",
        (sensor_id, *params, f.first_month, f.last_month),
    )


def district_shapes() -> pd.DataFrame:
    """District outlines (GeoJSON text) with their names, for the map's background."""
    return fetch(
        "SELECT code, name_vi, name_ascii, geometry FROM areas "
        "WHERE level = 'district' AND geometry IS NOT NULL ORDER BY code"
    )
