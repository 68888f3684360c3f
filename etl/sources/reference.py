"""Reference sources: points of interest (map layers) and indicator targets with their legal source."""
from __future__ import annotations

from etl.checks import check, required, typed
from etl.engine import Source
from etl.extract import Columns
from etl.sources.geo_checks import locate_missing, location_rules, location_sql
from etl.vocab import PROVINCE_CODE

_ITEMS, _JOINS = location_sql("lat", "lon")

PLACES = Source(
    name="places", table="places",
    columns=Columns(required=("place_id", "kind", "name", "lat", "lon"), optional=("commune_code",)),
    key=("place_id",),
    parse_sql=f"""
        SELECT s._file, s._seq, s._row, s AS _in, trim(s.place_id) AS place_id, nullif(trim(s.kind), '') AS kind,
               nullif(trim(s.name), '') AS name, {_ITEMS}
        FROM stg s {_JOINS}""",
    rules=(
        *(required(c) for c in ("place_id", "kind", "name")),
        *location_rules("lat", "lon", point_required=True),
    ),
    targets=("place_id", "kind", "name", "lat", "lon", "commune_code", "district_code"),
    before=locate_missing("lat", "lon"),
)

TARGETS = Source(
    name="targets", table="targets",
    columns=Columns(required=("indicator_id", "area_code", "target_value", "due_date", "legal_source")),
    key=("indicator_id", "area_code"),
    parse_sql=f"""
        SELECT s._file, s._seq, s._row, s AS _in, trim(s.indicator_id) AS indicator_id,
               coalesce(nullif(trim(s.area_code), ''), '{PROVINCE_CODE}') AS area_code,
               a.code IS NOT NULL AS _known_area,
               parse_num(s.target_value) AS target_value, parse_date(s.due_date) AS due_date,
               nullif(trim(s.legal_source), '') AS legal_source
        FROM stg s
        LEFT JOIN areas a ON a.code = coalesce(nullif(trim(s.area_code), ''), '{PROVINCE_CODE}')""",
    rules=(
        required("indicator_id"), required("target_value"),
        check("unknown_commune", "area_code", "NOT _known_area",
              "not an area code of the province (blank for the whole province, a district or commune code)"),
        typed("bad_number", "target_value", "target_value", "expected a number such as 95"),
        typed("bad_date", "due_date", "due_date", "expected a date such as 2025-12-31 or 31/12/2025"),
    ),
    targets=("indicator_id", "area_code", "target_value", "due_date", "legal_source"),
)
