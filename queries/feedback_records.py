"""Citizen feedback, one row per report: the pages of the record table and the CSV export.

No personal data leaves here: never the reporter hash, the address or the exact location. Descriptions
are masked on the way out: phone numbers (9 to 11 digits from 0 or +84, any spacing) and names written
after a lowercase form of address ("ông Nguyễn Văn A", "chị Lan", "tôi là …") become ``***``. Street
names such as "đường Bà Triệu" keep their capital and are not touched.
"""

from __future__ import annotations

import pandas as pd

from queries.db import fetch
from queries.feedback import RATING_CASE, STATUS_CASE, Filters, where

MASK = "***"
_PHONE = r"(\+?84|0)([ .\-]?[0-9]){8,10}"
_FORMS_OF_ADDRESS = "anh|chị|ông|bà|cô|chú|bác|em|tôi là|tên là"
_NAME = rf"(^|[^\p{{L}}])({_FORMS_OF_ADDRESS})\s+\p{{Lu}}\p{{Ll}}*(\s+\p{{Lu}}\p{{Ll}}*)*"
MASKED_DESCRIPTION = (
    f"regexp_replace(regexp_replace(description, '{_PHONE}', '{MASK}', 'g'), '{_NAME}', '\\1\\2 {MASK}', 'g')"
)

#: Sortable grid column -> SQL expression; anything else sorts by receipt time.
SORTABLE = {
    "id": "id",
    "requested_at": "requested_at",
    "deadline_date": "deadline_date",
    "closed_at": "closed_at",
    "category": "category_name",
    "agency": "agency",
    "status": "status",
    "commune": "commune",
    "on_time": "on_time",
    "handling_days": "handling_days",
    "rating": "rating",
}
_DEFAULT_ORDER = "requested_at DESC, id"

_COLUMNS = (
    "SELECT f.service_request_id AS id, f.requested_at, f.deadline_date, f.closed_at, "
    "f.service_code AS category, f.service_name AS category_name, f.agency_responsible AS agency, "
    f"{STATUS_CASE} AS status, a.name_vi AS commune, a.name_ascii AS commune_ascii, f.on_time, "
    "f.handling_working_days AS handling_days, "
    f"{RATING_CASE} AS rating, f.description"
)
_FROM = (
    "FROM (SELECT service_request_id, requested_at, deadline_date, closed_at, service_code, service_name, "
    "agency_responsible, verified, on_time, handling_working_days, rating, description, commune_code "
    "FROM feedback WHERE {clause}) f LEFT JOIN areas a ON a.code = f.commune_code"
)


def order_by(sort: list[dict] | None) -> str:
    """ORDER BY from an AG Grid sort model (``[{"colId": "agency", "sort": "asc"}]``), known columns only."""
    terms = [
        f"{SORTABLE[s['colId']]} {'DESC' if s.get('sort') == 'desc' else 'ASC'} NULLS LAST"
        for s in sort or []
        if s.get("colId") in SORTABLE
    ]
    return ", ".join([*terms, _DEFAULT_ORDER])


def _records_sql(filters: Filters, sort: list[dict] | None) -> tuple[str, list]:
    clause, params = where(filters)
    rows = f"{_COLUMNS} {_FROM.format(clause=clause)}"
    order = order_by(sort)
    sql = (
        f"WITH rows AS ({rows}), page AS (SELECT * FROM rows ORDER BY {order} LIMIT ? OFFSET ?) "
        f"SELECT * REPLACE ({MASKED_DESCRIPTION} AS description) FROM page ORDER BY {order}"
    )
    return sql, params


def records(
    filters: Filters, offset: int = 0, limit: int = 20, sort: list[dict] | None = None
) -> pd.DataFrame:
    """One page of reports, sorted as asked (default: newest first), descriptions masked."""
    sql, params = _records_sql(filters, sort)
    return fetch(sql, [*params, max(int(limit), 0), max(int(offset), 0)])


def record_count(filters: Filters) -> pd.DataFrame:
    """One row: how many reports match the filters (``n``)."""
    clause, params = where(filters)
    return fetch(f"SELECT count(*) AS n FROM feedback WHERE {clause}", params)
