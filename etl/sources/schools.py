"""Schools per school year (kindergartens and general schools), usually exported as XLSX."""
from __future__ import annotations

from etl import vocab
from etl.checks import check, plausible, required, typed
from etl.engine import Source
from etl.extract import Columns
from etl.sources.geo_checks import locate_missing, location_rules, location_sql

COUNTS = ("students", "classrooms", "smart_classrooms")
COLUMNS = Columns(
    required=("school_id", "name", "level", "ownership", "lat", "lon", "school_year", *COUNTS,
              "has_broadband"),
    optional=("commune_code",),
)
_ITEMS, _JOINS = location_sql("lat", "lon")

PARSE_SQL = f"""
SELECT s._file, s._seq, s._row, s AS _in,
    trim(s.school_id) AS school_id,
    CASE WHEN regexp_full_match(trim(s.school_year), '[0-9]{{4}}-[0-9]{{4}}')
          AND TRY_CAST(split_part(trim(s.school_year), '-', 2) AS INT)
              = TRY_CAST(split_part(trim(s.school_year), '-', 1) AS INT) + 1
         THEN trim(s.school_year) END AS school_year,
    TRY_CAST(split_part(trim(s.school_year), '-', 1) AS INTEGER) AS year_start,
    nullif(trim(s.name), '') AS name, lv.level, ow.ownership,
    parse_int(s.students) AS students, parse_int(s.classrooms) AS classrooms,
    parse_int(s.smart_classrooms) AS smart_classrooms, yn.value AS has_broadband,
    {_ITEMS}
FROM stg s
LEFT JOIN v_level lv ON lv.folded = fold(s.level)
LEFT JOIN v_ownership ow ON ow.folded = fold(s.ownership)
LEFT JOIN v_yes_no yn ON yn.folded = fold(s.has_broadband)
{_JOINS}
"""

RULES = (
    *(required(c) for c in ("school_id", "name", "level", "ownership", "school_year")),
    typed("unknown_value", "level", "level", "expected one of: " + ", ".join(vocab.SCHOOL_LEVELS)),
    typed("unknown_value", "ownership", "ownership",
          "expected one of: " + ", ".join(vocab.SCHOOL_OWNERSHIP)),
    typed("bad_period", "school_year", "school_year", "expected a school year such as 2024-2025"),
    typed("unknown_value", "has_broadband", "has_broadband", "expected có or không"),
    *(typed("bad_integer", c, c, "expected a whole number") for c in COUNTS),
    *(check("negative_count", c, f"{c} < 0", "a count cannot be negative") for c in COUNTS),
    plausible("students", "students", 10_000, "students in one school"),
    plausible("classrooms", "classrooms", 500, "classrooms in one school"),
    check("smart_gt_classrooms", "smart_classrooms", "smart_classrooms > classrooms",
          "more smart classrooms than classrooms"),
    *location_rules("lat", "lon", point_required=True),
)

SOURCE = Source(
    name="schools", table="schools", columns=COLUMNS, key=("school_id", "school_year"),
    parse_sql=PARSE_SQL, rules=RULES, before=locate_missing("lat", "lon"),
    targets=("school_id", "school_year", "year_start", "name", "level", "ownership", "commune_code",
             "district_code", "lat", "lon", *COUNTS, "has_broadband"),
)
