"""Pure table builders for dash-ag-grid: a frame and a language in, ``(columnDefs, rowData)`` out.

Cells keep their raw value (so sorting is numeric or chronological) and show the text ``i18n`` wrote,
kept beside it in ``<field>__text``. Status cells carry a word and a symbol, never colour alone.
An empty frame gives no rows; the grid then shows its translated "no data for this selection" overlay.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from i18n import fmt_date, fmt_datetime, fmt_number, is_missing, label, rule_label, t

#: Stored status -> tone, used as the cell's CSS class (status-ok, status-warn, …).
TONES = {
    "loaded": "ok",
    "fresh": "ok",
    "on_target": "ok",
    "stale": "warn",
    "at_risk": "warn",
    "failed": "bad",
    "off_target": "bad",
    "no_data": "none",
}
_LABELLED = ("status", "source", "rule", "kind")
#: Column kind -> narrowest width in px that shows its longest usual text in either language.
MIN_WIDTHS = {
    "number": 100,
    "date": 125,
    "datetime": 150,
    "status": 130,
    "source": 185,
    "rule": 250,
    "kind": 110,
}


@dataclass(frozen=True)
class Column:
    """One grid column: the frame's field, the header's string key and how cells are written."""

    field: str
    header: str
    kind: str = "text"  # text | number | date | datetime | status | source | rule | kind
    min_width: int | None = None  # default by kind (MIN_WIDTHS); the grid scrolls sideways below these


def _text(value: object, kind: str, lang: str, row: dict) -> str:
    if kind == "number":
        return fmt_number(value, lang)
    if kind == "date":
        return fmt_date(value, lang)
    if kind == "datetime":
        return fmt_datetime(value, lang)
    if is_missing(value):
        return "–"
    if kind == "rule":
        return rule_label(str(value), lang, row.get("reason"))
    if kind in ("status", "source", "kind"):
        return label(kind, value, lang)
    return str(value)


def raw_value(value: object) -> object:
    """A cell's sortable value: None for missing, ISO text for times, plain Python numbers."""
    if is_missing(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value.item() if hasattr(value, "item") else value


def column_defs(columns: list[Column], lang: str) -> list[dict]:
    """AG Grid column definitions with translated headers."""
    defs = []
    for col in columns:
        spec = {
            "field": col.field,
            "headerName": t(col.header, lang),
            "valueFormatter": {"function": f"params.data['{col.field}__text']"},
        }
        if col.kind == "number":
            spec["type"] = "rightAligned"
        if col.kind == "status":
            spec["cellClassRules"] = {
                f"status-cell status-{tone}": f"params.data['{col.field}__tone'] === '{tone}'"
                for tone in sorted(set(TONES.values()))
            }
        spec["minWidth"] = col.min_width or MIN_WIDTHS.get(col.kind, 140)
        defs.append(spec)
    return defs


def row_data(frame: pd.DataFrame, columns: list[Column], lang: str) -> list[dict]:
    """Rows with each column's raw value and its written text (and tone for status columns)."""
    rows = []
    for record in frame.to_dict("records"):
        row = {}
        for col in columns:
            value = record.get(col.field)
            text = _text(value, col.kind, lang, record)
            # coded columns sort by the label the reader sees; the others by their raw value
            row[col.field] = text if col.kind in _LABELLED else raw_value(value)
            row[f"{col.field}__text"] = text
            if col.kind == "status":
                row[f"{col.field}__tone"] = TONES.get(str(value), "none")
        rows.append(row)
    return rows


def grid(frame: pd.DataFrame, columns: list[Column], lang: str) -> tuple[list[dict], list[dict]]:
    """``(columnDefs, rowData)`` for a frame; no rows for an empty frame."""
    return column_defs(columns, lang), row_data(frame, columns, lang)


def options(frame: pd.DataFrame, field: str, kind: str, lang: str) -> list[dict]:
    """Dropdown options from a frame's codes, labelled in the language (rules fall back to their reason)."""
    if frame.empty:
        return []
    return [
        {"label": _text(row[field], kind, lang, row), "value": row[field]} for row in frame.to_dict("records")
    ]


_COUNTS = [
    Column("rows_read", "col.rows_read", "number"),
    Column("rows_loaded", "col.rows_loaded", "number"),
    Column("rows_rejected", "col.rows_rejected", "number"),
    Column("rows_duplicate", "col.rows_duplicate", "number"),
]
_SOURCE = Column("source", "col.source", "source")
_FINISHED = Column("finished_at", "col.finished_at", "datetime")
_STATUS = Column("status", "col.status", "status")

LAST_LOAD = [_SOURCE, _STATUS, _FINISHED, Column("files", "col.files", "number"), *_COUNTS]

FILES = [
    _SOURCE,
    Column("file_name", "col.file_name", min_width=180),
    _STATUS,
    *_COUNTS,
    _FINISHED,
    Column("sha256_prefix", "col.sha256"),
    Column("message", "col.message", min_width=220),
]

SAMPLE = [
    _SOURCE,
    Column("file_name", "col.file_name", min_width=180),
    Column("row_number", "col.row_number", "number"),
    Column("rule", "col.rule", "rule"),
    Column("kind", "col.kind", "kind"),
    Column("column_name", "col.column"),
    Column("reason", "col.reason", min_width=300),
    Column("raw", "col.raw", min_width=260),
]

FRESHNESS = [
    _SOURCE,
    _STATUS,
    Column("latest", "col.latest", "date"),
    Column("age_days", "col.age_days", "number"),
    Column("stale_after_days", "col.stale_after", "number"),
]
