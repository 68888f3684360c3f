"""Load one file of one source: stage -> parse -> check -> split -> replace its rows.

A source module describes itself with a ``Source``; this module does the rest the same way for all of
them, so that reconciliation (read = loaded + rejected + duplicates), duplicate handling and the
replacement of a corrected file's rows are written once.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from etl import extract
from etl.checks import Rule, checked_sql


@dataclass(frozen=True)
class Source:
    name: str                         # folder under data/raw and the name used in etl_runs
    table: str                        # warehouse table the rows land in
    columns: extract.Columns
    key: tuple[str, ...]              # identity of a row in ``table``
    parse_sql: str                    # SELECT … FROM stg s …: _row, _in and typed target columns
    rules: tuple[Rule, ...]
    targets: tuple[str, ...]          # columns of ``table`` filled from ``parsed`` (besides source_*)
    before: Callable[[duckdb.DuckDBPyConnection], None] | None = None  # lookups needed by parse_sql
    after: Callable[[duckdb.DuckDBPyConnection], None] | None = None   # rollups after the source loads
    patterns: tuple[str, ...] = ("*.csv", "*.xlsx", "*.json")


@dataclass
class FileCounts:
    read: int = 0
    loaded: int = 0
    rejected: int = 0
    duplicate: int = 0

    def reconciles(self) -> bool:
        return self.read == self.loaded + self.rejected + self.duplicate


def load_file(con: duckdb.DuckDBPyConnection, source: Source, path, file_name: str, salt: str) -> FileCounts:
    """Replace every row ``file_name`` contributed to ``source`` with what the file holds now."""
    label = f"{source.name}/{file_name}"
    read = extract.stage(con, path, source.columns, salt, label)
    if source.before:
        source.before(con)
    con.execute(f"CREATE OR REPLACE TEMP TABLE parsed AS {source.parse_sql}")
    con.execute(checked_sql(source.rules))
    con.execute(f"DELETE FROM {source.table} WHERE source_file = ?", [file_name])
    con.execute("DELETE FROM rejected_rows WHERE source = ? AND file_name = ?", [source.name, file_name])
    con.execute(_split_sql(source), [file_name])
    con.execute(_REJECTED_SQL, [source.name, file_name])
    columns = ", ".join(source.targets)
    con.execute(f"INSERT INTO {source.table} ({columns}, source_file, source_row) "
                f"SELECT {columns}, ?, _row FROM final WHERE _kind = 'ok'", [file_name])
    kinds = dict(con.execute("SELECT _kind, count(*) FROM final GROUP BY ALL").fetchall())
    return FileCounts(read, kinds.get("ok", 0), kinds.get("rejected", 0), kinds.get("duplicate", 0))


# The raw row as JSON without our own _row column (it is the first key of the staged row).
_RAW_JSON = r"""regexp_replace(to_json(_in), '^\{"_row":-?[0-9]+,?', '{')"""


def _split_sql(source: Source) -> str:
    """Classify each checked row as ok, rejected or duplicate (within the file or of another file)."""
    key = ", ".join(source.key)
    joined = " AND ".join(f"e.{k} = c.{k}" for k in source.key)
    key_text = " || '/' || ".join(f"c.{k}::VARCHAR" for k in source.key)
    return f"""
    CREATE OR REPLACE TEMP TABLE final AS
    WITH ranked AS (
        SELECT *, min(_row) FILTER (WHERE _rule IS NULL) OVER (PARTITION BY {key}) AS _first,
               {_RAW_JSON} AS _raw
        FROM checked
    ), firsts AS (SELECT _row AS _first, _raw AS _first_raw FROM ranked)
    SELECT c.*,
        CASE WHEN c._rule IS NOT NULL THEN 'rejected'
             WHEN c._first < c._row OR e.source_file IS NOT NULL THEN 'duplicate'
             ELSE 'ok' END AS _kind,
        CASE WHEN c._rule IS NOT NULL THEN c._rule
             WHEN c._first < c._row AND f._first_raw = c._raw THEN 'exact_duplicate'
             WHEN c._first < c._row OR e.source_file IS NOT NULL THEN 'duplicate_id' END AS _final_rule,
        CASE WHEN c._rule IS NOT NULL THEN c._reason
             WHEN c._first < c._row THEN format('row {{}}: id {{}} repeats row {{}} of this file',
                                                 c._row, {key_text}, c._first)
             WHEN e.source_file IS NOT NULL THEN format('row {{}}: id {{}} is already loaded from {{}} row {{}}',
                                                 c._row, {key_text}, e.source_file, e.source_row)
        END AS _final_reason
    FROM ranked c
    LEFT JOIN firsts f ON f._first = c._first
    LEFT JOIN (SELECT {key}, source_file, source_row FROM {source.table} WHERE source_file <> ?) e
           ON {joined}
    """


_REJECTED_SQL = """
    INSERT INTO rejected_rows (source, file_name, row_number, kind, rule, column_name, reason, raw)
    SELECT ?, ?, _row, _kind, _final_rule, CASE WHEN _kind = 'rejected' THEN _column END,
           _final_reason, _raw::JSON
    FROM final WHERE _kind <> 'ok' ORDER BY _row
"""
