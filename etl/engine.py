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
from etl.checks import Rule, checked_sql, rule_fields_sql
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
                salt: str) -> tuple[dict[str, int], dict[str, str], dict[str, str]]:
    """Stage every readable file into ``stg``; returns rows read, errors and reading notes per file."""
    read, errors, notes = {}, {}, {}
    extract.create_stage(con, source.columns)
    for seq, (path, name) in enumerate(files):
        try:
            read[name], note = extract.stage(con, path, source.columns, salt, f"{source.name}/{name}",
                                             name, seq)
        except EtlError as exc:
            errors[name] = str(exc)
            continue
        if note:
            notes[name] = note
    return read, errors, notes


def load_staged(con: duckdb.DuckDBPyConnection, source: Source, read: dict[str, int]) -> dict[str, FileCounts]:
    """Replace every row the staged files contributed to ``source`` with what the files hold now."""
    if source.before:
        source.before(con)
    con.execute(checked_sql(source.rules, source.parse_sql))
    names = list(read)
    con.execute(f"DELETE FROM {source.table} WHERE list_contains(?, source_file)", [names])
    con.execute("DELETE FROM rejected_rows WHERE source = ? AND list_contains(?, file_name)",
                [source.name, names])
    con.execute(_duplicates_sql(source), [names])
    con.execute(_rejected_sql(source), [source.name, source.name])
    con.execute(_MALFORMED_SQL, [source.name, not _has_personal_data(source)])
    columns = ", ".join(source.targets)
    con.execute(f"INSERT INTO {source.table} ({columns}, source_file, source_row) "
                f"SELECT {columns}, _file, _row FROM checked ANTI JOIN dups USING (_seq, _row) "
                "WHERE _broken IS NULL")
    return _counts(con, read)


def _has_personal_data(source: Source) -> bool:
    return bool(source.columns.drop or source.columns.hash_as)


# A line DuckDB could not split into fields; its text is kept unless the source carries personal data.
_MALFORMED_SQL = """
    INSERT INTO rejected_rows (source, file_name, row_number, kind, rule, column_name, reason, raw)
    SELECT ?, _file, _row, 'rejected', 'malformed_line', NULL,
           format('row {}: the line does not split into the header''s columns ({})', _row, problem),
           CASE WHEN ? THEN to_json({'line': line}) END
    FROM stg_malformed ORDER BY _seq, _row
"""


def _counts(con: duckdb.DuckDBPyConnection, read: dict[str, int]) -> dict[str, FileCounts]:
    rows = con.execute("""
        SELECT f._file, count(c._row) FILTER (WHERE c._broken IS NOT NULL)
                   + (SELECT count(*) FROM stg_malformed m WHERE m._file = f._file),
               (SELECT count(*) FROM dups d WHERE d._file = f._file)
        FROM (SELECT DISTINCT _file FROM stg UNION SELECT DISTINCT _file FROM stg_malformed) f
        LEFT JOIN checked c ON c._file = f._file GROUP BY f._file""").fetchall()
    counts = {name: FileCounts(read=n) for name, n in read.items()}
    for name, rejected, duplicate in rows:
        file_counts = counts[name]
        file_counts.rejected, file_counts.duplicate = rejected, duplicate
        file_counts.loaded = file_counts.read - rejected - duplicate
    return counts


def _duplicates_sql(source: Source) -> str:
    """Table ``dups``: valid rows whose key came earlier in this batch or is loaded from another file."""
    key = ", ".join(source.key)
    joined = " AND ".join(f"x.{k} = o.{k}" for k in source.key)
    key_text = " || '/' || ".join(f"o.{k}::VARCHAR" for k in source.key)
    return f"""
    CREATE OR REPLACE TEMP TABLE dups AS
    WITH ok AS (SELECT {key}, _file, _seq, _row, _seq::BIGINT * 4294967296 + _row AS _pos
                FROM checked WHERE _broken IS NULL),
    repeated AS (SELECT {key} FROM ok GROUP BY ALL HAVING count(*) > 1),
    firsts AS (
        SELECT {key}, min(_pos) AS first_pos, arg_min(_file, _pos) AS first_file,
               arg_min(_seq, _pos) AS first_seq, arg_min(_row, _pos) AS first_row
        FROM ok SEMI JOIN repeated USING ({key}) GROUP BY ALL),
    elsewhere AS (
        SELECT {key}, min(source_file) AS source_file, min(source_row) AS source_row
        FROM {source.table} SEMI JOIN (SELECT DISTINCT {key} FROM ok) USING ({key})
        WHERE NOT list_contains(?, source_file) GROUP BY ALL)
    SELECT o._file, o._seq, o._row, {key_text} AS key_text, f.first_file, f.first_seq, f.first_row,
           x.source_file AS elsewhere_file, x.source_row AS elsewhere_row
    FROM ok o LEFT JOIN firsts f USING ({key}) LEFT JOIN elsewhere x ON {joined}
    WHERE x.source_file IS NOT NULL OR o._pos > f.first_pos
    """


# The raw row as JSON without our own columns (_file, _seq, _row lead the staged row).
_RAW = r"""regexp_replace(to_json({0}), '^\{{"_file":"(?:[^"\\]|\\.)*","_seq":-?[0-9]+,"_row":-?[0-9]+,?', '{{')"""


def _rejected_sql(source: Source) -> str:
    """Rejected rows with their rule and reason, then duplicates, each with the raw row as read."""
    code, column, reason = rule_fields_sql(source.rules)
    raw, first_raw = _RAW.format("_in"), _RAW.format("first")
    return f"""
    INSERT INTO rejected_rows (source, file_name, row_number, kind, rule, column_name, reason, raw)
    SELECT ?, _file, _row, 'rejected', {code}, {column}, {reason}, ({raw})::JSON
    FROM (SELECT c._file, c._seq, c._row, c._broken, s AS _in
          FROM checked c JOIN stg s USING (_seq, _row) WHERE c._broken IS NOT NULL)
    UNION ALL
    SELECT ?, d._file, d._row, 'duplicate',
           CASE WHEN d.elsewhere_file IS NULL AND {raw} = {first_raw} THEN 'exact_duplicate'
                ELSE 'duplicate_id' END, NULL,
           CASE WHEN d.elsewhere_file IS NOT NULL THEN format(
                    'row {{}}: id {{}} is already loaded from {{}} row {{}}',
                    d._row, d.key_text, d.elsewhere_file, d.elsewhere_row)
                WHEN d.first_file = d._file THEN format(
                    'row {{}}: id {{}} repeats row {{}} of this file', d._row, d.key_text, d.first_row)
                ELSE format('row {{}}: id {{}} repeats {{}} row {{}}', d._row, d.key_text, d.first_file,
                            d.first_row) END,
           ({raw})::JSON
    FROM dups d JOIN stg _in ON _in._seq = d._seq AND _in._row = d._row
    LEFT JOIN stg first ON first._seq = d.first_seq AND first._row = d.first_row
    ORDER BY 3
    """
