"""Streaming file writers for exports: Arrow record batches in, CSV / XLSX / Parquet bytes out.

- CSV: UTF-8 with a BOM (so Excel shows Vietnamese correctly), a first line stating source, filters and
  generation time, then the header and the rows; a generator of byte chunks, one per batch, so a
  million-row export never sits in memory.
- XLSX: openpyxl's write-only workbook (rows go to disk as they come): typed cells with vi-VN display
  formats, a frozen bold header, and a second sheet stating source, filters and time.
- Parquet: pyarrow, batch by batch, with the same statement in the file's metadata.
XLSX and Parquet are written into a spooled temporary file (memory up to ``SPOOL_BYTES``, then disk),
then streamed out in chunks. Text a spreadsheet would run as a formula (starting with = + - @, a tab or
a carriage return) gets a leading apostrophe in CSV and XLSX (CSV injection); Parquet keeps data as is.
"""

from __future__ import annotations

import csv
import io
import json
import re
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA = r"^[=+\-@\t\r]"
SPOOL_BYTES = 16 * 2**20
CHUNK_BYTES = 2**20
#: Column type -> Excel number format. Excel draws separators in the reader's locale (vi-VN: 1.234,5).
XLSX_FORMATS = {
    "int": "#,##0",
    "suppressed": "#,##0",
    "float": "#,##0.0##",
    "pct": "#,##0.0",
    "date": "dd/mm/yyyy",
    "datetime": "dd/mm/yyyy hh:mm",
}
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class ExportInfo:
    """What an export states about itself, in the reader's language."""

    source: str
    filters: str
    generated: str
    names: tuple[str, ...]  # column names (Parquet)
    labels: tuple[str, ...]  # column headers (CSV, XLSX)
    types: tuple[str, ...]  # catalogue types (queries.export_datasets.TYPES)
    about_title: str = "Thông tin"
    data_title: str = "Dữ liệu"

    @property
    def line(self) -> str:
        return f"{self.source} | {self.filters} | {self.generated}"


def neutralise(text: str) -> str:
    """Text a spreadsheet would read as a formula gets a leading apostrophe."""
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _csv_line(values: Iterable[str]) -> bytes:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(list(values))
    return out.getvalue().encode("utf-8")


def _csv_column(column: pa.Array) -> pa.Array:
    if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
        flagged = pc.fill_null(pc.match_substring_regex(column, _FORMULA), False)
        return pc.if_else(flagged, pc.binary_join_element_wise("'", column, ""), column)
    if pa.types.is_timestamp(column.type):
        return pc.cast(column, pa.timestamp("s"), safe=False)  # whole seconds: "2025-01-02 09:00:00"
    return column


def csv_chunks(info: ExportInfo, batches: Iterable[pa.RecordBatch]) -> Iterator[bytes]:
    """The CSV export as byte chunks: BOM and statement line, header, then one chunk per batch."""
    yield BOM.encode("utf-8") + _csv_line([info.line]) + _csv_line(info.labels)
    options = pacsv.WriteOptions(include_header=False)
    for batch in batches:
        if batch.num_rows == 0:
            continue
        cleaned = pa.RecordBatch.from_arrays([_csv_column(c) for c in batch.columns], names=list(info.names))
        out = io.BytesIO()
        pacsv.write_csv(cleaned, out, options)
        yield out.getvalue()


def _xlsx_value(value: object, kind: str) -> object:
    if isinstance(value, str):
        if kind == "suppressed" and value.isdigit():
            return int(value)
        return neutralise(_ILLEGAL_XML.sub("", value))
    return value


def _xlsx_row(sheet, row: tuple, types: tuple[str, ...]) -> list:
    cells = []
    for value, kind in zip(row, types):
        value = _xlsx_value(value, kind)
        if value is None or kind not in XLSX_FORMATS or isinstance(value, str):
            cells.append(value)
            continue
        cell = WriteOnlyCell(sheet, value)
        cell.number_format = XLSX_FORMATS[kind]
        cells.append(cell)
    return cells


def _header(sheet, labels: Iterable[str]) -> list:
    bold = Font(bold=True)
    cells = []
    for label in labels:
        cell = WriteOnlyCell(sheet, neutralise(label))
        cell.font = bold
        cells.append(cell)
    return cells


def xlsx_file(info: ExportInfo, batches: Iterable[pa.RecordBatch]) -> IO[bytes]:
    """The XLSX export in a spooled temporary file, positioned at its start."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(info.data_title)
    sheet.freeze_panes = "A2"
    for index, label in enumerate(info.labels):
        sheet.column_dimensions[get_column_letter(index + 1)].width = min(max(len(label) + 2, 12), 60)
    sheet.append(_header(sheet, info.labels))
    for batch in batches:
        columns = [column.to_pylist() for column in batch.columns]
        for row in zip(*columns):
            sheet.append(_xlsx_row(sheet, row, info.types))
    about = book.create_sheet(info.about_title)
    for line in (info.source, info.filters, info.generated):
        about.append([neutralise(line)])
    about.append([])
    for name, label, kind in zip(info.names, info.labels, info.types):
        about.append([neutralise(label), name, kind])
    spool = _spool()
    book.save(spool)
    spool.seek(0)
    return spool


def _spool() -> IO[bytes]:
    # not a context manager: the open file is handed to ``file_chunks``, which closes it when streamed
    return tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)


def parquet_metadata(info: ExportInfo) -> dict[bytes, bytes]:
    labels = dict(zip(info.names, info.labels))
    return {
        b"hue.source": info.source.encode("utf-8"),
        b"hue.filters": info.filters.encode("utf-8"),
        b"hue.generated": info.generated.encode("utf-8"),
        b"hue.labels": json.dumps(labels, ensure_ascii=False).encode("utf-8"),
    }


def parquet_file(info: ExportInfo, schema: pa.Schema, batches: Iterable[pa.RecordBatch]) -> IO[bytes]:
    """The Parquet export in a spooled temporary file, positioned at its start."""
    schema = schema.with_metadata(parquet_metadata(info))
    spool = _spool()
    with pq.ParquetWriter(spool, schema) as writer:
        for batch in batches:
            writer.write_batch(pa.RecordBatch.from_arrays(batch.columns, schema=schema))
    spool.seek(0)
    return spool


def file_chunks(file: IO[bytes]) -> Iterator[bytes]:
    """A file's bytes in chunks; closes (and so deletes) it at the end."""
    with file:
        while chunk := file.read(CHUNK_BYTES):
            yield chunk
