"""Validate: parsing macros and the rule model every source uses.

A rule is a SQL condition over the ``parsed`` relation that is TRUE when a row breaks it, and a SQL
expression giving the reason a person can act on (row, column, value, what was expected). All SQL here
is constant text written by us; values only ever arrive as data.
"""
from __future__ import annotations

from dataclasses import dataclass

import duckdb

DATETIME_FORMATS = (
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M",
    "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%H:%M %d/%m/%Y", "%H:%M:%S %d/%m/%Y", "%Y-%m-%d", "%d/%m/%Y",
    "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y %H:%M", "%d-%m-%Y",
)
#: Times are stored as local time in Huế; an export with a zone suffix (Z, +07:00) is converted to it.
LOCAL_ZONE = "Asia/Ho_Chi_Minh"
_ZONED = r"(Z|[+-][0-9]{2}:?[0-9]{2})$"
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")

#: Rough bounds of Thừa Thiên Huế; a point outside them cannot be in the province.
LAT_RANGE = (15.95, 16.80)
LON_RANGE = (107.00, 108.25)


def _list(formats: tuple[str, ...]) -> str:
    return "[" + ", ".join(f"'{f}'" for f in formats) + "]"


MACROS = f"""
CREATE OR REPLACE TEMP MACRO blank(s) AS (s IS NULL OR trim(s) = '');
CREATE OR REPLACE TEMP MACRO fold(s) AS
    lower(strip_accents(replace(replace(trim(s), 'đ', 'd'), 'Đ', 'D')));
CREATE OR REPLACE TEMP MACRO parse_ts(s) AS CASE
    WHEN (length(trim(s)) > 19 OR right(trim(s), 1) = 'Z') AND regexp_matches(trim(s), '{_ZONED}') THEN TRY_CAST(trim(s) AS TIMESTAMPTZ) AT TIME ZONE '{LOCAL_ZONE}'
    ELSE coalesce(TRY_CAST(trim(s) AS TIMESTAMP), try_strptime(trim(s), {_list(DATETIME_FORMATS)})) END;
CREATE OR REPLACE TEMP MACRO parse_date(s) AS try_strptime(trim(s), {_list(DATE_FORMATS)})::DATE;
CREATE OR REPLACE TEMP MACRO parse_num(s) AS TRY_CAST(replace(trim(s), ',', '.') AS DOUBLE);
CREATE OR REPLACE TEMP MACRO grouped(s) AS
    regexp_full_match(trim(s), '-?[0-9]{{1,3}}([.,  ][0-9]{{3}})+');
CREATE OR REPLACE TEMP MACRO parse_int(s) AS
    CASE WHEN grouped(s) THEN TRY_CAST(regexp_replace(trim(s), '[.,  ]', '', 'g') AS BIGINT)
         WHEN TRY_CAST(replace(trim(s), ',', '.') AS DOUBLE) = floor(TRY_CAST(replace(trim(s), ',', '.') AS DOUBLE))
         THEN TRY_CAST(replace(trim(s), ',', '.') AS DOUBLE)::BIGINT END;
CREATE OR REPLACE TEMP MACRO in_lat(x) AS x BETWEEN {LAT_RANGE[0]} AND {LAT_RANGE[1]};
CREATE OR REPLACE TEMP MACRO in_lon(x) AS x BETWEEN {LON_RANGE[0]} AND {LON_RANGE[1]};
"""


def install_macros(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(MACROS)


@dataclass(frozen=True)
class Rule:
    code: str            # stable id, translated in the UI
    column: str | None   # canonical column the rule is about
    violated: str        # SQL: TRUE when the row breaks the rule
    reason: str          # SQL: the sentence stored in rejected_rows.reason


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def reason(column: str, expected: str) -> str:
    """SQL for "row 12, column lat: '61.2' — expected …" using the raw text of ``column``."""
    return (f"format('row {{}}, column {column}: ''{{}}'' — {{}}', _row, "
            f"coalesce(_in.{column}, ''), {_quote(expected)})")


def required(column: str) -> Rule:
    return Rule("missing_value", column, f"blank(_in.{column})",
                f"format('row {{}}, column {column}: empty — a value is required', _row)")


def typed(code: str, column: str, parsed: str, expected: str) -> Rule:
    """The raw text is present but did not parse into ``parsed``."""
    return Rule(code, column, f"NOT blank(_in.{column}) AND {parsed} IS NULL", reason(column, expected))


def check(code: str, column: str, violated: str, expected: str) -> Rule:
    return Rule(code, column, violated, reason(column, expected))


def plausible(column: str, parsed: str, ceiling: int, what: str) -> Rule:
    """Counts far beyond anything real are typos (an extra digit, a total pasted into a row)."""
    return check("implausible_value", column, f"{parsed} > {ceiling}",
                 f"more than {ceiling:,} {what} is not plausible; check the value")


def checked_sql(rules: tuple[Rule, ...], parse_sql: str) -> str:
    """Table ``checked``: the typed columns of ``parse_sql`` plus ``_broken``, the 1-based index of the
    first rule the row breaks (NULL when none). The raw row ``_in`` is used by the conditions but not
    kept: reasons are written later, only for the few rows that need one (``reasons_sql``)."""
    first = "CASE " + " ".join(f"WHEN {r.violated} THEN {i}" for i, r in enumerate(rules, 1)) + " END"
    return (f"CREATE OR REPLACE TEMP TABLE checked AS "
            f"SELECT * EXCLUDE (_in), {first if rules else 'NULL::INTEGER'} AS _broken FROM ({parse_sql})")


def rule_fields_sql(rules: tuple[Rule, ...]) -> tuple[str, str, str]:
    """SQL for the rule code, column and reason of ``_broken`` (reasons read ``_in`` and ``_row``)."""
    if not rules:
        return "NULL", "NULL", "NULL"
    codes = "[" + ", ".join(_quote(r.code) for r in rules) + "][_broken]"
    columns = "[" + ", ".join(_quote(r.column) if r.column else "NULL" for r in rules) + "][_broken]"
    reasons = "CASE _broken " + " ".join(f"WHEN {i} THEN {r.reason}" for i, r in enumerate(rules, 1)) + " END"
    return codes, columns, reasons
