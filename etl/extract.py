"""Extract: read one raw file (CSV, XLSX or JSON array) into the staging table ``stg``.

``stg`` holds every known column as text under its canonical name, plus ``_row``: the row number as a
spreadsheet shows it (the header is row 1). Header names are matched case- and accent-insensitively and
through ``ALIASES`` (the Vietnamese headers of the Hue-S portal). Unknown columns are ignored. Personal
data never reaches ``stg``: name columns are dropped and phone columns become a salted hash here.

No header text from a file ever becomes SQL: the file is read positionally (``c0``, ``c1`` …) and only
our own canonical names are used as identifiers.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl import readers
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
    """(Re)create the empty tables that files of one source are appended to: ``stg`` for rows, and
    ``stg_malformed`` for CSV lines that could not be split into fields."""
    names = [*columns.required, *columns.optional, *columns.hash_as.values()]
    con.execute("CREATE OR REPLACE TEMP TABLE stg (_file VARCHAR, _seq INTEGER, _row INTEGER, "
                + ", ".join(f"{name} VARCHAR" for name in names) + ")")
    con.execute("CREATE OR REPLACE TEMP TABLE stg_malformed (_file VARCHAR, _seq INTEGER, _row INTEGER, "
                "problem VARCHAR, line VARCHAR)")


def stage(con: duckdb.DuckDBPyConnection, path: Path, columns: Columns, salt: str, label: str,
          file_name: str, seq: int) -> tuple[int, str | None]:
    """Append the rows of ``path`` to ``stg`` (malformed CSV lines to ``stg_malformed``); returns the
    number of rows read and a note on how the file was read (e.g. its encoding), if unusual."""
    source = readers.open_source(con, path, label, lambda headers: _known_count(headers, columns))
    try:
        positions = map_header(source.headers, columns, label)
        inserted = con.execute(
            f"INSERT INTO stg SELECT ?, ?, {_select_list(positions, columns)} FROM {source.relation}",
            [file_name, seq, *[salt] * len(columns.hash_as), *source.params]).fetchall()[0][0]
        malformed = readers.collect_malformed(con, source, file_name, seq)
    except duckdb.Error as exc:
        first_line = str(exc).strip().splitlines()[0]
        raise UnreadableFile(f"{label}: could not be read ({first_line})") from exc
    finally:
        source.close()
    return inserted + malformed, source.note


def _known_count(headers: list[str], columns: Columns) -> int:
    return len({canonical(h) for h in headers} & set(columns.known))


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
