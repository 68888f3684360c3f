"""Readers: turn one raw file (CSV, XLSX, JSON array) into a relation of text columns ``c0``, ``c1`` …
plus ``_row``, the row number a person would look up in the file (the header is row 1).

Real exports are messy, so the readers are forgiving where no information is lost and explicit where it
would be: a CSV that is not UTF-8 is read as UTF-16 (by its BOM) or Windows-1258, and the run says so;
CSV lines that cannot be split into the header's fields are kept as malformed rows with DuckDB's reason;
in a workbook the sheet and header row are the ones that name the most known columns, so title rows,
merged group headers and extra sheets do not get in the way.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import shutil
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from etl.errors import UnreadableFile

HEADER_SEARCH_ROWS = 20
_REJECTS = "csv_rejects"


@dataclass
class OpenedSource:
    headers: list[str]
    relation: str                     # SQL relation with _row, c0, c1 … (constant text, values bound)
    params: list
    con: duckdb.DuckDBPyConnection
    note: str | None = None           # how the file was read, when it is worth telling
    is_csv: bool = False
    cleanup: list[Path] = field(default_factory=list)

    def close(self) -> None:
        if not self.is_csv:
            self.con.unregister("stage_frame")
        for folder in self.cleanup:
            shutil.rmtree(folder, ignore_errors=True)


def open_source(con: duckdb.DuckDBPyConnection, path: Path, label: str,
                header_score: Callable[[list[str]], int]) -> OpenedSource:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return _open_csv(con, path, label)
    if suffix == ".xlsx":
        frame, note = _xlsx_frame(path, label, header_score)
        return _open_frame(con, frame, note)
    if suffix == ".json":
        return _open_frame(con, _json_frame(path, label), None)
    raise UnreadableFile(f"{label}: unsupported file type '{suffix}' (expected .csv, .xlsx or .json)")


# --- CSV -------------------------------------------------------------------------------------------

def _open_csv(con: duckdb.DuckDBPyConnection, path: Path, label: str) -> OpenedSource:
    readable, note, cleanup = _as_utf8(path, label)
    headers, delimiter = _sniff_csv(readable, label)
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(len(headers))) + "}"
    con.execute(f"DROP TABLE IF EXISTS {_REJECTS}; DROP TABLE IF EXISTS {_REJECTS}_scan")
    relation = (
        "(SELECT (row_number() OVER () + 1)::INTEGER AS _row, * FROM read_csv(?, auto_detect=false, "
        f"header=false, skip=1, delim=?, quote='\"', escape='\"', columns={columns}, null_padding=true, "
        f"encoding='utf-8', store_rejects=true, rejects_table='{_REJECTS}', "
        f"rejects_scan='{_REJECTS}_scan'))"
    )
    return OpenedSource(headers, relation, [str(readable), delimiter], con, note, True, cleanup)


def _as_utf8(path: Path, label: str) -> tuple[Path, str | None, list[Path]]:
    """The file itself when it is UTF-8; otherwise a UTF-8 copy (UTF-16 by BOM, else Windows-1258)."""
    head = path.open("rb").read(4)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif _is_utf8(path):
        return path, None, []
    else:
        encoding = "cp1258"
    try:
        text = unicodedata.normalize("NFC", path.read_text(encoding=encoding))
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"{label}: neither UTF-8, UTF-16 nor Windows-1258 text ({exc.reason} "
                             f"at byte {exc.start})") from exc
    folder = Path(tempfile.mkdtemp(prefix="hue-etl-"))
    copy = folder / path.name
    copy.write_text(text, encoding="utf-8")
    name = {"utf-16": "UTF-16", "cp1258": "Windows-1258"}[encoding]
    return copy, f"read as {name} (not UTF-8)", [folder]


def _is_utf8(path: Path) -> bool:
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with path.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 22), b""):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _sniff_csv(path: Path, label: str) -> tuple[list[str], str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = handle.readline()
    if not first.strip():
        raise UnreadableFile(f"{label}: the file is empty (no header row)")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return next(csv.reader(io.StringIO(first), delimiter=delimiter)), delimiter


def collect_malformed(con: duckdb.DuckDBPyConnection, source: OpenedSource, file_name: str,
                      seq: int) -> int:
    """Move the lines DuckDB could not split into ``stg_malformed`` and renumber the rows after them
    so every row keeps its line number in the file. Returns how many lines were malformed."""
    if not source.is_csv:
        return 0
    count = con.execute(f"SELECT count(*) FROM {_REJECTS}").fetchall()[0][0]
    if not count:
        return 0
    con.execute(f"INSERT INTO stg_malformed SELECT ?, ?, line::INTEGER, error_message, csv_line "
                f"FROM {_REJECTS}", [file_name, seq])
    good = con.execute("SELECT count(*) FROM stg WHERE _seq = ?", [seq]).fetchall()[0][0]
    con.execute(f"""
        UPDATE stg SET _row = m.line FROM (
            SELECT (row_number() OVER (ORDER BY line) + 1)::INTEGER AS numbered, line::INTEGER AS line
            FROM range(2, ? + ? + 2) t(line) WHERE line NOT IN (SELECT line FROM {_REJECTS})
        ) m WHERE stg._seq = ? AND stg._row = m.numbered""", [good, count, seq])
    return count


# --- Frames: XLSX and JSON -------------------------------------------------------------------------

def _open_frame(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, note: str | None) -> OpenedSource:
    """``frame``: first row is the header, then data rows with their row number as index."""
    header = [h if h is not None else "" for h in frame.iloc[0].tolist()]
    data = frame.iloc[1:].copy()
    data.columns = [f"c{i}" for i in range(len(header))]
    data = data.astype("string")
    data.insert(0, "_row", data.index.astype("int32"))
    con.register("stage_frame", data)
    return OpenedSource(header, "stage_frame", [], con, note)


def _cell_text(value) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).strip()
    return text or None


def _xlsx_frame(path: Path, label: str, header_score) -> tuple[pd.DataFrame, str | None]:
    """The sheet and header row naming the most known columns; rows above the header are skipped."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        raise UnreadableFile(f"{label}: not a readable XLSX workbook ({exc})") from exc
    best = None
    for sheet in book.worksheets:
        rows = {i: [_cell_text(v) for v in row] for i, row in enumerate(sheet.iter_rows(values_only=True), 1)
                if any(v is not None for v in row)}
        for index in list(rows)[:HEADER_SEARCH_ROWS]:
            score = header_score([h or "" for h in rows[index]])
            if best is None or score > best[0]:
                best = (score, sheet.title, index, rows)
    book.close()
    if best is None:
        raise UnreadableFile(f"{label}: the workbook has no data")
    _score, title, header_row, rows = best
    kept = {i: r for i, r in rows.items() if i >= header_row}
    note = None if (title, header_row) == (book.sheetnames[0], min(rows)) else \
        f"read sheet '{title}', header on row {header_row}"
    frame = pd.DataFrame.from_dict(kept, orient="index")
    return frame.where(frame.notna(), None), note


def _json_frame(path: Path, label: str) -> pd.DataFrame:
    try:
        records = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableFile(f"{label}: not valid UTF-8 JSON ({exc})") from exc
    if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
        raise UnreadableFile(f"{label}: expected a JSON array of objects (Open311 requests.json)")
    header = list(dict.fromkeys(key for record in records for key in record))
    rows = {0: header}  # JSON rows are numbered as records: the first object is row 1
    for index, record in enumerate(records, start=1):
        rows[index] = [_json_text(record.get(key)) for key in header]
    return pd.DataFrame.from_dict(rows, orient="index")


def _json_text(value) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None if value is None else json.dumps(value, ensure_ascii=False)
    return str(value)
