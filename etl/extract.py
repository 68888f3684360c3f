"""Extract: read one raw file (CSV, XLSX or JSON array) into the staging table ``stg``.

``stg`` holds every known column as text under its canonical name, plus ``_row``: the row number as a
spreadsheet shows it (the header is row 1). Header names are matched case- and accent-insensitively and
through ``ALIASES`` (the Vietnamese headers of the Hue-S portal). Unknown columns are ignored. Personal
data never reaches ``stg``: name columns are dropped and phone columns become a salted hash here.

No header text from a file ever becomes SQL: the file is read positionally (``c0``, ``c1`` …) and only
our own canonical names are used as identifiers.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from etl.errors import SchemaMismatch, UnreadableFile
from etl.text import snake

#: Header (folded to snake_case) -> canonical column. Add an export's header here, nowhere else.
ALIASES: dict[str, str] = {
    # Hue-S portal export (phản ánh hiện trường)
    "ma_phan_anh": "service_request_id",
    "tinh_trang": "status",
    "trang_thai_xu_ly": "status_detail",
    "ma_linh_vuc": "service_code",
    "linh_vuc": "service_name",
    "noi_dung": "description",
    "don_vi_xu_ly": "agency_responsible",
    "ngay_gui": "requested_datetime",
    "ngay_cap_nhat": "updated_datetime",
    "han_xu_ly": "expected_datetime",
    "ngay_xu_ly": "closed_datetime",
    "dia_chi": "address",
    "vi_do": "lat",
    "kinh_do": "long",
    "kenh": "channel",
    "danh_gia": "rating",
    "ma_dvhc": "commune_code",
    "ma_xa": "commune_code",
    "ho_ten": "citizen_name",
    "nguoi_phan_anh": "citizen_name",
    "so_dien_thoai": "citizen_phone",
    # Open311 spellings and common variants
    "longitude": "long",
    "latitude": "lat",
    "lng": "long",
    "service_request": "service_request_id",
}


@dataclass(frozen=True)
class Columns:
    """What a source expects: required and optional canonical columns, and personal-data columns."""

    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    drop: tuple[str, ...] = ()                    # personal data never read (names)
    hash_as: dict[str, str] = field(default_factory=dict)  # phone column -> hashed column name

    @property
    def known(self) -> tuple[str, ...]:
        return self.required + self.optional + self.drop + tuple(self.hash_as)


def canonical(header: str, aliases: dict[str, str] = ALIASES) -> str:
    key = snake(header)
    return aliases.get(key, key)


def map_header(headers: list[str], columns: Columns, file_label: str) -> dict[str, int]:
    """Canonical column -> position; refuses duplicate names and missing required columns."""
    positions: dict[str, int] = {}
    for index, header in enumerate(headers):
        name = canonical(header)
        if name not in columns.known:
            continue
        if name in positions:
            raise SchemaMismatch(
                f"{file_label}: columns {positions[name] + 1} and {index + 1} both mean '{name}'"
            )
        positions[name] = index
    missing = [name for name in columns.required if name not in positions]
    if missing:
        raise SchemaMismatch(f"{file_label}: missing required column(s) {', '.join(missing)}")
    return positions


def create_stage(con: duckdb.DuckDBPyConnection, columns: Columns) -> None:
    """(Re)create the empty table ``stg`` that files of one source are appended to."""
    names = [*columns.required, *columns.optional, *columns.hash_as.values()]
    con.execute("CREATE OR REPLACE TEMP TABLE stg (_file VARCHAR, _seq INTEGER, _row INTEGER, "
                + ", ".join(f"{name} VARCHAR" for name in names) + ")")


def stage(con: duckdb.DuckDBPyConnection, path: Path, columns: Columns, salt: str, label: str,
          file_name: str, seq: int) -> int:
    """Append the data rows of ``path`` to ``stg``; returns how many were read."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        headers, relation, params = _csv_relation(path, label)
    elif suffix in (".xlsx", ".json"):
        frame = _xlsx_frame(path, label) if suffix == ".xlsx" else _json_frame(path, label)
        headers, relation, params = _frame_relation(con, frame)
    else:
        raise UnreadableFile(f"{label}: unsupported file type '{suffix}' (expected .csv, .xlsx or .json)")
    positions = map_header([h or "" for h in headers], columns, label)
    select = _select_list(positions, columns)
    try:
        inserted = con.execute(f"INSERT INTO stg SELECT ?, ?, {select} FROM {relation}",
                               [file_name, seq, *[salt] * len(columns.hash_as), *params]).fetchone()[0]
    except duckdb.Error as exc:
        first_line = str(exc).strip().splitlines()[0]
        raise UnreadableFile(f"{label}: could not be read ({first_line})") from exc
    finally:
        if suffix != ".csv":
            con.unregister("stage_frame")
    return inserted


def _select_list(positions: dict[str, int], columns: Columns) -> str:
    select = ["_row"]
    for name in columns.required + columns.optional:
        select.append(f"c{positions[name]}" if name in positions else "NULL")
    for phone in columns.hash_as:
        if phone in positions:
            digits = f"regexp_replace(c{positions[phone]}, '[^0-9]', '', 'g')"
            select.append(f"CASE WHEN {digits} <> '' THEN sha256(? || {digits}) END")
        else:
            select.append("NULL")
    return ", ".join(select)


def _sniff_csv(path: Path, label: str) -> tuple[list[str], str]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"{label}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    if not first.strip():
        raise UnreadableFile(f"{label}: the file is empty (no header row)")
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return next(csv.reader(io.StringIO(first), delimiter=delimiter)), delimiter


def _csv_relation(path: Path, label: str) -> tuple[list[str], str, list]:
    headers, delimiter = _sniff_csv(path, label)
    names = [f"c{i}" for i in range(len(headers))]
    relation = ("(SELECT (row_number() OVER () + 1)::INTEGER AS _row, * FROM read_csv(?, header=false, "
                "skip=1, all_varchar=true, delim=?, quote='\"', escape='\"', names=?, null_padding=true, "
                "encoding='utf-8'))")
    return headers, relation, [str(path), delimiter, names]


def _frame_relation(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame) -> tuple[list[str], str, list]:
    """``frame``: first row is the header, then data rows with their row number as index."""
    header = frame.iloc[0].tolist()
    data = frame.iloc[1:].copy()
    data.columns = [f"c{i}" for i in range(len(header))]
    data = data.astype("string")
    data.insert(0, "_row", data.index.astype("int32"))
    con.register("stage_frame", data)
    return header, "stage_frame", []


def _cell_text(value) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if str(value).strip() else None


def _xlsx_frame(path: Path, label: str) -> pd.DataFrame:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        raise UnreadableFile(f"{label}: not a readable XLSX workbook ({exc})") from exc
    rows = {index: [_cell_text(v) for v in row]
            for index, row in enumerate(sheet.iter_rows(values_only=True), start=1)
            if any(v is not None for v in row)}
    if not rows:
        raise UnreadableFile(f"{label}: the first sheet is empty")
    frame = pd.DataFrame.from_dict(rows, orient="index")
    return frame.where(frame.notna(), None)


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
