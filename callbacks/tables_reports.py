"""Pure builders of the reports page: the preview grid's columns and rows, the pickers' options and the
download links. A frame and a language in, plain dicts out.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from callbacks.tables import raw_value
from i18n import MISSING, fmt_date, fmt_datetime, fmt_number, href, is_missing, t
from queries.export_datasets import DATASETS, Dataset
from queries.exports import FORMATS, ExportRequest

_NUMERIC = ("int", "float", "pct")
_DECIMALS = {"int": 0, "float": 2, "pct": 1}


def export_href(request: ExportRequest, fmt: str, lang: str) -> str:
    """The ``/export`` URL of exactly this request (the same parameters the route parses)."""
    return href(f"/export/{request.dataset}.{fmt}", lang, **request.query())


def export_hrefs(request: ExportRequest | None, lang: str) -> list[str | None]:
    """One link per format, in ``FORMATS`` order; none for an invalid request."""
    return [export_href(request, fmt, lang) if request else None for fmt in FORMATS]


def briefing_href(month: str | None, area: str | None, lang: str) -> str | None:
    """The monthly briefing's URL (served by reports/routes_briefing.py)."""
    if not month:
        return None
    return f"/briefing.pdf?month={month}&area={area or 'province'}&lang={lang}"


def column_defs(entry: Dataset, columns: tuple[str, ...], lang: str) -> list[dict]:
    """Grid columns for the chosen columns; sorting happens in DuckDB, through the query layer."""
    defs = []
    for name in columns:
        column = entry.column(name)
        spec = {
            "field": name,
            "headerName": column.label(lang),
            "sortable": True,
            "valueFormatter": {"function": f"params.data ? params.data['{name}__text'] : ''"},
            "minWidth": 320 if name == "description" else 130,
        }
        if column.type in (*_NUMERIC, "suppressed"):
            spec["type"] = "rightAligned"
        defs.append(spec)
    return defs


def cell_text(value: object, kind: str, lang: str) -> str:
    """A cell as the reader sees it: vi-VN or en numbers and dates."""
    if is_missing(value):
        return MISSING
    if kind in _NUMERIC:
        return fmt_number(value, lang, _DECIMALS[kind])
    if kind == "date":
        return fmt_date(value, lang)
    if kind == "datetime":
        return fmt_datetime(value, lang)
    if kind == "bool":
        return t("feedback.yes" if value else "feedback.no", lang)
    return str(value)


def rows(frame: pd.DataFrame, entry: Dataset, lang: str) -> list[dict]:
    """Grid rows: each column's raw value and its written text."""
    out = []
    kinds = {name: entry.column(name).type for name in frame.columns}
    for record in frame.to_dict("records"):
        row = {}
        for name, value in record.items():
            row[name] = raw_value(value)
            row[f"{name}__text"] = cell_text(value, kinds[name], lang)
        out.append(row)
    return out


def dataset_options(lang: str) -> list[dict]:
    return [{"label": entry.title(lang), "value": entry.id} for entry in DATASETS.values()]


def column_options(entry: Dataset, lang: str) -> list[dict]:
    return [{"label": column.label(lang), "value": column.name} for column in entry.columns]


def area_options(areas: pd.DataFrame, lang: str, communes: bool = True) -> list[dict]:
    """Province first, then each district followed by its communes (indented)."""
    options = [{"label": t("reports.province", lang), "value": "province"}]
    if areas.empty:
        return options
    name = "name_vi" if lang == "vi" else "name_ascii"
    for district in areas[areas["level"] == "district"].itertuples():
        options.append({"label": getattr(district, name), "value": district.code})
        if communes:
            inside = areas[(areas["level"] == "commune") & (areas["parent_code"] == district.code)]
            options += [{"label": f"— {getattr(c, name)}", "value": c.code} for c in inside.itertuples()]
    return options


def month_options(first: date | None, last: date | None, lang: str) -> list[dict]:
    """Months with data, newest first (``2025-12`` labelled ``12/2025`` or ``Dec 2025``)."""
    if first is None or last is None:
        return []
    months = pd.period_range(first, last, freq="M")[::-1]
    return [
        {"label": f"{m.month:02d}/{m.year}" if lang == "vi" else m.strftime("%b %Y"), "value": str(m)}
        for m in months
    ]
