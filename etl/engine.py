"""Load the changed files of one source in one pass: stage -> parse -> check -> split -> replace.

A source module describes itself with a ``Source``; this module does the rest the same way for all of
them, so that reconciliation (read = loaded + rejected + duplicates), duplicate handling and the
replacement of a corrected file's rows are written once. All changed files of a source are staged into
one table and checked together, so the cost is a few set-based statements per source, not per file.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from etl import extract
from etl.checks import Rule, checked_sql
from etl.errors import EtlError


@dataclass(frozen=True)
class Source:
    name: str                         # folder under data/raw and the name used in etl_runs
    table: str                        # warehouse table the rows land in
    columns: extract.Columns
    key: tuple[str, ...]              # identity of a row in ``table``
    parse_sql: str                    # SELECT … FROM stg s …: _file, _row, _in and typed target columns
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

    def add(self, other: FileCounts) -> None:
        for name in ("read", "loaded", "rejected", "duplicate"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def stage_files(con: duckdb.DuckDBPyConnection, source: Source, files: list[tuple[Path, str]],
                salt: str) -> tuple[dict[str, int], dict[str, str]]:
    """Stage every readable file into ``stg``; returns rows read per file and errors per file."""
    read, errors = {}, {}
    extract.create_stage(con, source.columns)
    for seq, (path, name) in enumerate(files):
        try:
            read[name] = extract.stage(con, path, source.columns, salt, f"{source.name}/{name}", name, seq)
        except EtlError as exc:
            errors[name] = str(exc)
    return read, errors


def load_staged(con: duckdb.DuckDBPyConnection, source: Source, read: dict[str, int]) -> dict[str, FileCounts]:
    """Replace every row the staged files contributed to ``source`` with what the files hold now."""
    if source.before:
        source.before(con)
    con.execute(f"CREATE OR REPLACE TEMP TABLE parsed AS {source.parse_sql}")
    con.execute(checked_sql(source.rules))
    names = list(read)
    con.execute(f"DELETE FROM {source.table} WHERE list_contains(?, source_file)", [names])
    con.execute("DELETE FROM rejected_rows WHERE source = ? AND list_contains(?, file_name)",
                [source.name, names])
    con.execute(_split_sql(source), [names])
    con.execute(_rejected_sql(source), [source.name])
    columns = ", ".join(source.targets)
    con.execute(f"INSERT INTO {source.table} ({columns}, source_file, source_row) "
                f"SELECT {columns}, _file, _row FROM final WHERE _kind = 'ok' ORDER BY _seq, _row")
    kinds = con.execute("SELECT _file, _kind, count(*) FROM final GROUP BY ALL").fetchall()
    counts = {name: FileCounts(read=n) for name, n in read.items()}
    for name, kind, n in kinds:
        attr = {"ok": "loaded", "rejected": "rejected", "duplicate": "duplicate"}[kind]
        setattr(counts[name], attr, n)
    return counts


def _split_sql(source: Source) -> str:
    """Classify each checked row as ok, rejected or duplicate (of an earlier row or of another file)."""
    key = ", ".join(source.key)
    joined = " AND ".join(f"x.{k} = c.{k}" for k in source.key)
    key_text = " || '/' || ".join(f"c.{k}::VARCHAR" for k in source.key)
    return f"""
    CREATE OR REPLACE TEMP TABLE final AS
    WITH positioned AS (SELECT *, _seq::BIGINT * 4294967296 + _row AS _pos FROM checked),
    repeated AS (SELECT {key} FROM positioned WHERE _rule IS NULL GROUP BY ALL HAVING count(*) > 1),
    firsts AS (
        SELECT {key}, min(_pos) AS _first_pos, arg_min(_file, _pos) AS _first_file,
               arg_min(_row, _pos) AS _first_row, arg_min({_RAW}, _pos) AS _first_raw
        FROM positioned SEMI JOIN repeated USING ({key}) WHERE _rule IS NULL GROUP BY ALL
    ),
    elsewhere AS (
        SELECT {key}, min(source_file) AS source_file, min(source_row) AS source_row
        FROM {source.table} SEMI JOIN (SELECT DISTINCT {key} FROM positioned) USING ({key})
        WHERE NOT list_contains(?, source_file) GROUP BY ALL
    )
    SELECT c.*, CASE
            WHEN c._rule IS NOT NULL THEN 'rejected'
            WHEN x.source_file IS NOT NULL OR c._pos > f._first_pos THEN 'duplicate'
            ELSE 'ok' END AS _kind,
        CASE WHEN c._rule IS NOT NULL THEN c._rule
             WHEN x.source_file IS NULL AND c._pos > f._first_pos AND f._first_raw = {_RAW}
                 THEN 'exact_duplicate'
             WHEN x.source_file IS NOT NULL OR c._pos > f._first_pos THEN 'duplicate_id' END AS _final_rule,
        CASE WHEN c._rule IS NOT NULL THEN c._reason
             WHEN x.source_file IS NOT NULL THEN format('row {{}}: id {{}} is already loaded from {{}} row {{}}',
                 c._row, {key_text}, x.source_file, x.source_row)
             WHEN c._pos > f._first_pos AND f._first_file = c._file THEN format(
                 'row {{}}: id {{}} repeats row {{}} of this file', c._row, {key_text}, f._first_row)
             WHEN c._pos > f._first_pos THEN format('row {{}}: id {{}} repeats {{}} row {{}}',
                 c._row, {key_text}, f._first_file, f._first_row)
        END AS _final_reason
    FROM positioned c
    LEFT JOIN firsts f USING ({key})
    LEFT JOIN elsewhere x ON {joined}
    """


# The raw row as JSON without our own columns (_file, _seq, _row lead the staged row).
_RAW = r"""regexp_replace(to_json(_in), '^\{"_file":"(?:[^"\\]|\\.)*","_seq":-?[0-9]+,"_row":-?[0-9]+,?', '{')"""


def _rejected_sql(source: Source) -> str:
    return f"""
    INSERT INTO rejected_rows (source, file_name, row_number, kind, rule, column_name, reason, raw)
    SELECT ?, _file, _row, _kind, _final_rule, CASE WHEN _kind = 'rejected' THEN _column END,
           _final_reason, ({_RAW})::JSON
    FROM final WHERE _kind <> 'ok' ORDER BY _seq, _row
    """
