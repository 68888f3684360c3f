"""``GET /briefing.pdf?month=YYYY-MM&area=<district code | province>&lang=<vi | en>``: the monthly A4
briefing, served inline (the browser shows it; saving keeps a name like ``ban-tin-2025-11-province.pdf``).

Month defaults to the latest complete month with data, area to the province, language to Vietnamese. A
link the briefing cannot answer gets 400 (404 before any data) with a one-line plain-text reason.
"""

from __future__ import annotations

import logging

from flask import Blueprint, Response, request

from reports import briefing

log = logging.getLogger(__name__)
blueprint = Blueprint("briefing", __name__)


def _plain(reason: str, status: int) -> Response:
    return Response(reason + "\n", status=status, mimetype="text/plain")


@blueprint.get("/briefing.pdf")
def briefing_pdf() -> Response:
    """The briefing for the month, area and language of the query string."""
    args = request.args
    try:
        wanted = briefing.resolve(args.get("month"), args.get("area"), args.get("lang"))
    except briefing.BriefingError as error:
        return _plain(str(error), error.status)
    document = briefing.pdf(wanted)
    log.info("briefing %s: %d bytes", wanted.filename, len(document))
    return Response(
        document,
        mimetype="application/pdf",
        headers={"Content-Disposition": f'inline; filename="{wanted.filename}"'},
    )
