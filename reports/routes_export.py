"""``GET /export/<dataset>.<fmt>``: every export as a URL (fmt csv, xlsx or parquet).

Parameters are the catalogue's filters (``area``, ``from``, ``to``, ``month``, ``indicator``,
``columns``) and ``lang``; the reports page links here with exactly its filters. A bad value answers
400 with a one-line reason in plain text; a missing warehouse answers 503. CSV streams batch by batch
from DuckDB; XLSX and Parquet are built in a spooled temporary file, then streamed.
"""

from __future__ import annotations

import logging

from flask import Blueprint, Response, request, stream_with_context

from i18n import normalize_lang
from queries import exports
from queries.db import WarehouseUnavailable
from queries.exports import ExportError
from reports import writers
from reports.export_info import content_disposition, describe

log = logging.getLogger(__name__)
blueprint = Blueprint("export", __name__)

MEDIA_TYPES = {
    "csv": "text/csv",  # Flask adds "; charset=utf-8" to text types
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}
#: Rows one worksheet holds (Excel's limit, less the header).
XLSX_MAX_ROWS = 1_048_575


def _plain(message: str, status: int) -> Response:
    return Response(message.splitlines()[0] + "\n", status=status, mimetype="text/plain")


def _body(fmt: str, req: exports.ExportRequest, lang: str):
    """The file's chunks: CSV generated while DuckDB streams; XLSX and Parquet from a spooled file."""
    info = describe(req, lang)
    schema, batches = exports.batches(req)
    if fmt == "csv":
        return writers.csv_chunks(info, batches)
    if fmt == "xlsx":
        return writers.file_chunks(writers.xlsx_file(info, batches))
    return writers.file_chunks(writers.parquet_file(info, schema, batches))


@blueprint.get("/export/<dataset>.<fmt>")
def export(dataset: str, fmt: str) -> Response:
    """One dataset, filtered as the URL says, in the asked format."""
    if fmt not in exports.FORMATS:
        return _plain(f"unknown format {fmt[:20]!r}: use csv, xlsx or parquet", 400)
    try:
        req = exports.parse(dataset, request.args.to_dict(flat=False))
        lang = normalize_lang(request.args.get("lang"))
        if fmt == "xlsx" and exports.count(req) > XLSX_MAX_ROWS:
            raise ExportError("too many rows for one XLSX sheet: use csv or parquet")
        body = _body(fmt, req, lang)
    except ExportError as exc:
        return _plain(str(exc), 400)
    except WarehouseUnavailable:
        log.exception("export of %s failed", dataset)
        return _plain("the data warehouse is not available", 503)
    response = Response(stream_with_context(body), mimetype=MEDIA_TYPES[fmt])
    response.headers["Content-Disposition"] = content_disposition(req, fmt, lang)
    response.headers["Cache-Control"] = "no-store"
    return response
