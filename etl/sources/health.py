"""E-health records (hồ sơ sức khỏe điện tử) per commune and month."""
from __future__ import annotations

from etl.checks import check, plausible, required, typed
from etl.engine import Source
from etl.extract import Columns

COUNTS = ("population", "records_created", "records_complete")
COLUMNS = Columns(required=("commune_code", "period", *COUNTS))

PARSE_SQL = """
SELECT s._file, s._seq, s._row, s AS _in,
    trim(s.commune_code) AS commune_code, a.parent_code AS district_code,
    date_trunc('month', try_strptime(trim(s.period), ['%Y-%m', '%m/%Y', '%Y-%m-%d', '%d/%m/%Y']))::DATE
        AS period,
    parse_int(s.population) AS population,
    parse_int(s.records_created) AS records_created,
    parse_int(s.records_complete) AS records_complete
FROM stg s
LEFT JOIN areas a ON a.level = 'commune' AND a.code = trim(s.commune_code)
"""

RULES = (
    *(required(c) for c in COLUMNS.required),
    check("unknown_commune", "commune_code", "district_code IS NULL",
          "not a commune code of Thừa Thiên Huế (expected a 5-digit GSO code such as 19744)"),
    typed("bad_period", "period", "period", "expected a month such as 2024-07"),
    *(typed("bad_integer", c, c, "expected a whole number") for c in COUNTS),
    *(check("negative_count", c, f"{c} < 0", "a count cannot be negative") for c in COUNTS),
    plausible("population", "population", 200_000, "residents in one commune"),
    check("created_gt_population", "records_created", "records_created > population",
          "more records created than residents; check population and records_created"),
    check("complete_gt_created", "records_complete", "records_complete > records_created",
          "more complete records than created ones; check records_complete"),
)

SOURCE = Source(
    name="health", table="health_coverage", columns=COLUMNS, key=("commune_code", "period"),
    parse_sql=PARSE_SQL, rules=RULES,
    targets=("commune_code", "district_code", "period", *COUNTS),
)
