"""File exports and the reports page's preview: a request checked against the catalogue, its row count,
a page of its rows, and a stream of Arrow record batches for files of any size.

A request comes from URL parameters (``parse``) and goes back to them (``ExportRequest.query``), so the
page's download links and the ``/export/<dataset>.<fmt>`` route are one code path. Every value is
checked against the catalogue (``queries.export_datasets``), the ``areas`` table or the indicator
catalogue, and bound with ``?``; identifiers come only from the catalogue. A bad value raises
``ExportError`` with a one-line reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import closing
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import pandas as pd
import pyarrow as pa

import config
from queries import export_choices, export_indicator
from queries.db import WarehouseMissing, WarehouseUnreadable, fetch, warehouse_path
from queries.export_datasets import DATASETS, Dataset, ExportError

FORMATS = ("csv", "xlsx", "parquet")
PROVINCE = "province"
LANGS = ("vi", "en")
#: Rows per Arrow batch: large enough for speed, small enough to keep memory flat.
BATCH_ROWS = 50_000
MAX_VALUE_LENGTH = 200
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CODE = re.compile(r"^[0-9]{1,6}$")

__all__ = ["DATASETS", "FORMATS", "ExportError", "ExportRequest", "batches", "count", "parse", "preview"]


@dataclass(frozen=True)
class ExportRequest:
    """A checked export: dataset, area code (None = the province), period (both days included, None =
    all), indicator (indicator_by_area only) and columns (empty = all, else in catalogue order)."""

    dataset: str
    area: str | None = None
    start: date | None = None
    end: date | None = None
    indicator: str | None = None
    columns: tuple[str, ...] = ()
    picks: tuple[tuple[str, str], ...] = ()  # (choice, value) of queries.export_choices

    @property
    def entry(self) -> Dataset:
        return DATASETS[self.dataset]

    @property
    def chosen_columns(self) -> tuple[str, ...]:
        return self.columns or self.entry.column_names

    def query(self) -> dict[str, str]:
        """URL parameters that ``parse`` turns back into this request (none empty)."""
        values = {
            "area": self.area,
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
            "indicator": self.indicator,
            **dict(self.picks),
            "columns": ",".join(self.columns) if self.columns else None,
        }
        return {name: value for name, value in values.items() if value}


def _one(args: Mapping, name: str) -> str | None:
    value = args.get(name)
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    if value is None or str(value).strip() == "":
        return None
    value = str(value).strip()
    if len(value) > MAX_VALUE_LENGTH:
        raise ExportError(f"parameter {name!r} is too long")
    return value


def _day(name: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        if not _DAY.match(text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ExportError(f"parameter {name!r} must be a date YYYY-MM-DD, not {text!r}") from None


def _month(text: str | None) -> tuple[date, date] | None:
    if text is None:
        return None
    try:
        if not _MONTH.match(text):
            raise ValueError
        first = date.fromisoformat(f"{text}-01")
    except ValueError:
        raise ExportError(f"parameter 'month' must be YYYY-MM, not {text!r}") from None
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def area_level(code: str | None) -> str:
    """'province', 'district' or 'commune' of a known area code; ExportError for an unknown one."""
    if code is None:
        return PROVINCE
    if not _CODE.match(code):
        raise ExportError(f"unknown area {code!r}")
    frame = fetch("SELECT level FROM areas WHERE code = ?", (code,))
    if frame.empty:
        raise ExportError(f"unknown area {code!r}")
    return str(frame.iat[0, 0])


def _area(text: str | None) -> str | None:
    """An area code, or None for the whole province ('province' or the province's own code)."""
    if text is None or text == PROVINCE:
        return None
    return None if area_level(text) == PROVINCE else text


def _period(args: Mapping) -> tuple[date | None, date | None]:
    month = _month(_one(args, "month"))
    start, end = _day("from", _one(args, "from")), _day("to", _one(args, "to"))
    if month and (start or end):
        raise ExportError("give either 'month' or 'from'/'to', not both")
    if month:
        return month
    if start and end and start > end:
        raise ExportError("'from' is after 'to'")
    return start, end


def _columns(entry: Dataset, text: str | None) -> tuple[str, ...]:
    if text is None:
        return ()
    asked = [name.strip() for name in text.split(",") if name.strip()]
    unknown = [name for name in asked if name not in entry.column_names]
    if unknown:
        raise ExportError(f"dataset {entry.id!r} has no column {unknown[0]!r}")
    return tuple(name for name in entry.column_names if name in asked)


def _picks(entry: Dataset, args: Mapping) -> tuple[tuple[str, str], ...]:
    asked = ((name, _one(args, name)) for name in entry.choices)
    return tuple((name, export_choices.check(name, value)) for name, value in asked if value is not None)


def parse(dataset: str, args: Mapping) -> ExportRequest:
    """The checked request for ``dataset`` from URL parameters; ExportError names the first problem."""
    entry = DATASETS.get(dataset)
    if entry is None:
        raise ExportError(f"unknown dataset {str(dataset)[:MAX_VALUE_LENGTH]!r}")
    unknown = sorted(set(args) - set(entry.filters) - {"lang"})
    if unknown:
        raise ExportError(f"dataset {dataset!r} does not take parameter {unknown[0][:MAX_VALUE_LENGTH]!r}")
    lang = _one(args, "lang")
    if lang is not None and lang not in LANGS:
        raise ExportError(f"parameter 'lang' must be vi or en, not {lang!r}")
    start, end = _period(args)
    request = ExportRequest(
        dataset,
        area=_area(_one(args, "area")),
        start=start,
        end=end,
        indicator=_one(args, "indicator"),
        columns=_columns(entry, _one(args, "columns")),
        picks=_picks(entry, args),
    )
    if entry.needs_indicator:
        export_indicator.check(request.indicator, area_level(request.area))
    return request


def _conditions(request: ExportRequest) -> tuple[str, list]:
    entry, clauses, params = request.entry, ["TRUE"], []
    if entry.date_kind == "school_year":  # a school year runs from 1 September to 31 August
        if request.end:
            clauses.append(f"make_date({entry.date_column}, 9, 1) <= ?")
            params.append(request.end)
        if request.start:
            clauses.append(f"make_date({entry.date_column} + 1, 8, 31) >= ?")
            params.append(request.start)
    else:
        start = request.start
        if start and entry.date_kind == "month":
            start = start.replace(day=1)
        if start:
            clauses.append(f"{entry.date_column} >= ?")
            params.append(start)
        if request.end:
            clauses.append(f"{entry.date_column} < ?")
            params.append(request.end + timedelta(days=1))
    level = area_level(request.area)
    if level != PROVINCE:
        clauses.append(f"{entry.area_columns[0 if level == 'district' else 1]} = ?")
        params.append(request.area)
    for name, value in request.picks:
        clause, values = export_choices.condition(name, value)
        clauses.append(clause)
        params += values
    return " AND ".join(clauses), params


def _rows(request: ExportRequest) -> tuple[str, list]:
    """The dataset's rows (every column, raw) as SQL and bound values."""
    if request.entry.needs_indicator:
        return export_indicator.rows(request.indicator, request.area, request.start, request.end)
    where, params = _conditions(request)
    return request.entry.sql.format(where=where), params


def order_by(request: ExportRequest, sort: list[dict] | None = None) -> str:
    """ORDER BY from an AG Grid sort model over the dataset's columns (raw values), then its default."""
    entry = request.entry
    terms = [
        f"rows.{s['colId']} {'DESC' if s.get('sort') == 'desc' else 'ASC'} NULLS LAST"
        for s in sort or []
        if s.get("colId") in entry.column_names
    ]
    default = [f"rows.{name.strip()}" for name in entry.order.split(",")]
    return ", ".join([*terms, *default])


def _select(request: ExportRequest, sort: list[dict] | None = None) -> tuple[str, list]:
    rows, params = _rows(request)
    entry = request.entry
    exprs = ", ".join(entry.column(name).select() for name in request.chosen_columns)
    return f"WITH rows AS ({rows}) SELECT {exprs} FROM rows ORDER BY {order_by(request, sort)}", params


def count(request: ExportRequest) -> int:
    """How many rows the export holds."""
    rows, params = _rows(request)
    return int(fetch(f"SELECT count(*) AS n FROM ({rows})", params).iat[0, 0])


def preview(request: ExportRequest, offset: int = 0, limit: int = 100, sort: list[dict] | None = None):
    """One page of the export's rows, as the file would hold them (masked, suppressed), sorted as asked."""
    sql, params = _select(request, sort)
    return fetch(f"{sql} LIMIT ? OFFSET ?", [*params, max(int(limit), 0), max(int(offset), 0)])


def frame(request: ExportRequest) -> pd.DataFrame:
    """Every row of the export at once (small exports and tests; files stream with ``batches``)."""
    sql, params = _select(request)
    return fetch(sql, params)


def _open() -> duckdb.DuckDBPyConnection:
    """A private read-only connection: a long export must not hold the thread's shared one."""
    path = warehouse_path()
    if not path.exists():
        raise WarehouseMissing(f"no warehouse at {path}")
    con = duckdb.connect(":memory:", config={"threads": config.DUCKDB_THREADS})
    try:
        con.execute("SET enable_progress_bar = false")  # a long export must not draw on the server's stdout
        con.execute("ATTACH ? AS warehouse (READ_ONLY)", [str(path)])
        con.execute("USE warehouse")
    except duckdb.Error as exc:
        con.close()
        raise WarehouseUnreadable(f"cannot open {path}: {type(exc).__name__}") from None
    return con


def batches(request: ExportRequest, rows_per_batch: int = BATCH_ROWS) -> tuple[pa.Schema, Iterator]:
    """The export's schema and an iterator of Arrow record batches streamed from DuckDB; the connection
    closes when the iterator is exhausted or closed."""
    sql, params = _select(request)
    con = _open()
    try:
        reader = con.sql(sql, params=params).to_arrow_reader(rows_per_batch)
    except Exception:
        con.close()
        raise

    def stream() -> Iterator[pa.RecordBatch]:
        with closing(con):
            yield from reader

    return reader.schema, stream()
