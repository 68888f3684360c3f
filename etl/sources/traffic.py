"""Traffic: sensors, hourly counts per sensor and incidents; daily and hour-of-week rollups.

The rollups are rebuilt from ``traffic_counts`` after the counts load, so the pages never scan the
hourly table for a long period.
"""
from __future__ import annotations

import duckdb

from etl import vocab
from etl.checks import check, plausible, required, typed
from etl.engine import Source
from etl.extract import Columns
from etl.sources.geo_checks import locate_missing, location_rules, location_sql

_TS = "expected a date and time such as 2024-07-08 17:00"
_ITEMS, _JOINS = location_sql("lat", "lon")

SENSORS = Source(
    name="traffic_sensors", table="traffic_sensors",
    columns=Columns(required=("sensor_id", "corridor", "lat", "lon", "capacity_veh_h"),
                    optional=("commune_code",)),
    key=("sensor_id",),
    parse_sql=f"""
        SELECT s._file, s._seq, s._row, s AS _in, trim(s.sensor_id) AS sensor_id, nullif(trim(s.corridor), '') AS corridor,
               parse_int(s.capacity_veh_h) AS capacity_veh_h, {_ITEMS}
        FROM stg s {_JOINS}""",
    rules=(
        *(required(c) for c in ("sensor_id", "corridor", "capacity_veh_h")),
        typed("bad_integer", "capacity_veh_h", "capacity_veh_h", "expected a whole number of vehicles/hour"),
        check("negative_count", "capacity_veh_h", "capacity_veh_h <= 0", "capacity must be above zero"),
        *location_rules("lat", "lon", point_required=True),
    ),
    targets=("sensor_id", "corridor", "lat", "lon", "capacity_veh_h", "commune_code", "district_code"),
    before=locate_missing("lat", "lon"),
)

_VEHICLES = ("motorbikes", "cars", "trucks_buses")


def rebuild_rollups(con: duckdb.DuckDBPyConnection) -> None:
    """Replace traffic_daily and traffic_hour_of_week from traffic_counts."""
    con.execute("DELETE FROM traffic_daily")
    con.execute("DELETE FROM traffic_hour_of_week")
    base = f"""
        SELECT c.*, s.corridor, c.vehicles > {vocab.CONGESTION_RATIO} * s.capacity_veh_h AS congested,
               c.vehicles / s.capacity_veh_h AS ratio
        FROM traffic_counts c JOIN traffic_sensors s USING (sensor_id)"""
    con.execute(f"""
        INSERT INTO traffic_daily
        SELECT sensor_id, corridor, hour_start::DATE, sum(motorbikes), sum(cars), sum(trucks_buses),
               sum(vehicles), count(*), count(*) FILTER (WHERE congested), max(ratio)
        FROM ({base}) GROUP BY ALL""")
    con.execute(f"""
        INSERT INTO traffic_hour_of_week
        SELECT sensor_id, corridor, date_trunc('month', hour_start)::DATE, isodow(hour_start),
               hour(hour_start), count(*), sum(vehicles), sum(motorbikes), sum(cars), sum(trucks_buses),
               count(*) FILTER (WHERE congested)
        FROM ({base}) GROUP BY ALL""")


COUNTS = Source(
    name="traffic_counts", table="traffic_counts",
    columns=Columns(required=("sensor_id", "hour_start", *_VEHICLES), optional=("avg_speed_kmh",)),
    key=("sensor_id", "hour_start"),
    parse_sql="""
        SELECT s._file, s._seq, s._row, s AS _in, trim(s.sensor_id) AS sensor_id, ts.sensor_id IS NOT NULL AS _known_sensor,
               date_trunc('hour', parse_ts(s.hour_start)) AS hour_start,
               parse_int(s.motorbikes) AS motorbikes, parse_int(s.cars) AS cars,
               parse_int(s.trucks_buses) AS trucks_buses,
               parse_int(s.motorbikes) + parse_int(s.cars) + parse_int(s.trucks_buses) AS vehicles,
               parse_num(s.avg_speed_kmh) AS avg_speed_kmh
        FROM stg s LEFT JOIN traffic_sensors ts ON ts.sensor_id = trim(s.sensor_id)""",
    rules=(
        required("sensor_id"), required("hour_start"),
        check("unknown_value", "sensor_id", "NOT _known_sensor",
              "not a sensor listed in traffic_sensors; load the sensor list first"),
        typed("bad_datetime", "hour_start", "hour_start", _TS),
        *(typed("bad_integer", c, c, "expected a whole number of vehicles") for c in _VEHICLES),
        *(check("negative_count", c, f"{c} < 0", "a count cannot be negative") for c in _VEHICLES),
        *(plausible(c, c, 20_000, "vehicles in one hour at one sensor") for c in _VEHICLES),
        typed("bad_number", "avg_speed_kmh", "avg_speed_kmh", "expected a speed in km/h such as 32.5"),
        check("future_date", "hour_start", "hour_start > (SELECT now_plus_day FROM run_info)",
              "this hour is in the future"),
    ),
    targets=("sensor_id", "hour_start", *_VEHICLES, "vehicles", "avg_speed_kmh"),
    after=rebuild_rollups,
)

_PEOPLE = ("deaths", "injuries")

INCIDENTS = Source(
    name="traffic_incidents", table="traffic_incidents",
    columns=Columns(required=("incident_id", "occurred_at", "kind", "severity", *_PEOPLE, "lat", "lon"),
                    optional=("road_type", "corridor", "commune_code")),
    key=("incident_id",),
    parse_sql=f"""
        SELECT s._file, s._seq, s._row, s AS _in, trim(s.incident_id) AS incident_id, parse_ts(s.occurred_at) AS occurred_at,
               k.kind, nullif(trim(s.severity), '') AS severity,
               parse_int(s.deaths) AS deaths, parse_int(s.injuries) AS injuries,
               nullif(trim(s.road_type), '') AS road_type, nullif(trim(s.corridor), '') AS corridor, {_ITEMS}
        FROM stg s LEFT JOIN v_incident_kind k ON k.folded = fold(s.kind) {_JOINS}""",
    rules=(
        required("incident_id"), required("occurred_at"), required("kind"),
        typed("bad_datetime", "occurred_at", "occurred_at", _TS),
        typed("unknown_value", "kind", "kind", "expected one of: " + ", ".join(vocab.INCIDENT_KINDS)),
        *(typed("bad_integer", c, c, "expected a whole number of people") for c in _PEOPLE),
        *(check("negative_count", c, f"{c} < 0", "a count cannot be negative") for c in _PEOPLE),
        plausible("deaths", "deaths", 100, "deaths in one incident"),
        plausible("injuries", "injuries", 500, "injuries in one incident"),
        check("future_date", "occurred_at", "occurred_at > (SELECT now_plus_day FROM run_info)",
              "this date is in the future"),
        *location_rules("lat", "lon", point_required=True),
    ),
    targets=("incident_id", "occurred_at", "kind", "severity", *_PEOPLE, "road_type", "corridor",
             "lat", "lon", "commune_code", "district_code"),
    before=locate_missing("lat", "lon"),
)
