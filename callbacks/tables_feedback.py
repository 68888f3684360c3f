"""Pure table builders of the feedback page: the agency league table, the pages of the record table and
the CSV export of exactly what is filtered.

Cells keep their raw value for sorting and show the text i18n wrote (``<field>__text``), as in
``callbacks.tables``; status cells carry a symbol and a word besides their colour.
"""

from __future__ import annotations

import pandas as pd

from callbacks.cards_feedback import category_label, status_for
from callbacks.tables import Column, column_defs, raw_value
from i18n import MISSING, fmt_date, fmt_datetime, fmt_number, fmt_percent, is_missing, t
from queries.feedback_records import SORTABLE

AGENCY_COLUMNS = [
    Column("rank", "feedback.col.rank", "number", min_width=80),
    Column("agency", "feedback.col.agency", min_width=260),
    Column("status", "feedback.col.status", "status", min_width=150),
    Column("on_time_pct", "feedback.col.on_time_pct", "number", min_width=110),
    Column("reports", "feedback.col.reports", "number"),
    Column("median_days", "feedback.col.median_days", "number", min_width=120),
    Column("p90_days", "feedback.col.p90_days", "number", min_width=120),
    Column("open_past_deadline", "feedback.col.open_past_deadline", "number", min_width=130),
    Column("satisfaction_pct", "feedback.col.satisfaction_pct", "number", min_width=120),
    Column("rated", "feedback.col.rated", "number"),
]
RECORD_COLUMNS = [
    Column("id", "feedback.col.id", min_width=100),
    Column("requested_at", "feedback.col.requested_at", "datetime"),
    Column("deadline_date", "feedback.col.deadline_date", "date"),
    Column("closed_at", "feedback.col.closed_at", "datetime"),
    Column("category", "feedback.col.category", min_width=170),
    Column("agency", "feedback.col.agency", min_width=240),
    Column("status", "feedback.col.status", "status", min_width=150),
    Column("commune", "feedback.col.commune", min_width=130),
    Column("on_time", "feedback.col.on_time", min_width=110),
    Column("handling_days", "feedback.col.handling_days", "number", min_width=120),
    Column("rating", "feedback.col.rating", min_width=140),
    Column("description", "feedback.col.description", min_width=360),
]
_TONES = {
    "on_target": "ok",
    "at_risk": "warn",
    "off_target": "bad",
    "no_data": "none",
    "on_time": "ok",
    "open": "warn",
    "late": "bad",
    "not_verified": "none",
}
_PERCENT = ("on_time_pct", "satisfaction_pct")
_DAYS = ("median_days", "p90_days")


def _agency_text(field: str, value: object, lang: str) -> str:
    if field in _PERCENT:
        return fmt_percent(value, lang)
    if field in _DAYS:
        return fmt_number(value, lang, 1)
    if field == "status":
        return t(f"status.{value}", lang)
    if field == "agency":
        return str(value)
    return fmt_number(value, lang)


def agency_grid(frame: pd.DataFrame, target: float | None, lang: str) -> tuple[list[dict], list[dict]]:
    """``(columnDefs, rowData)`` of the agency table; a unit's status is its on-time % against the target."""
    rows = []
    for record in [] if frame.empty else frame.to_dict("records"):
        record["status"] = status_for(
            None if is_missing(record["on_time_pct"]) else record["on_time_pct"], target
        )
        row = {}
        for col in AGENCY_COLUMNS:
            value = record.get(col.field)
            row[col.field] = None if is_missing(value) else value
            row[f"{col.field}__text"] = _agency_text(col.field, value, lang)
        row["status"] = row["status__text"]  # sorts by the word the reader sees
        row["status__tone"] = _TONES[record["status"]]
        rows.append(row)
    return column_defs(AGENCY_COLUMNS, lang), rows


def _record_text(field: str, record: dict, lang: str) -> str:
    value = record.get(field)
    if field == "category":
        return category_label(value, record.get("category_name"), lang)
    if field == "commune" and lang != "vi" and not is_missing(record.get("commune_ascii")):
        return str(record["commune_ascii"])
    if field in ("status", "rating") and not is_missing(value):
        return t(f"feedback.{field}.{value}", lang)
    if field == "on_time" and not is_missing(value):
        return t("feedback.yes" if value else "feedback.no", lang)
    if field == "handling_days":
        return fmt_number(value, lang)
    if field in ("requested_at", "closed_at"):
        return fmt_datetime(value, lang)
    if field == "deadline_date":
        return fmt_date(value, lang)
    return MISSING if is_missing(value) else str(value)


def record_rows(frame: pd.DataFrame, lang: str) -> list[dict]:
    """Rows of one page of the record table."""
    rows = []
    for record in [] if frame.empty else frame.to_dict("records"):
        row = {}
        for col in RECORD_COLUMNS:
            row[col.field] = raw_value(record.get(col.field))
            row[f"{col.field}__text"] = _record_text(col.field, record, lang)
        row["status__tone"] = _TONES.get(record.get("status"), "none")
        rows.append(row)
    return rows


def record_columns(lang: str) -> list[dict]:
    """Column definitions of the record table; rows not yet loaded (infinite model) show blank cells."""
    defs = column_defs(RECORD_COLUMNS, lang)
    for spec in defs:
        spec["sortable"] = spec["field"] in SORTABLE  # sorted in DuckDB, so only what the query can sort
        spec["valueFormatter"] = {"function": f"params.data ? params.data['{spec['field']}__text'] : ''"}
        if "cellClassRules" in spec:
            spec["cellClassRules"] = {
                name: f"params.data !== undefined && {rule}" for name, rule in spec["cellClassRules"].items()
            }
    return defs
