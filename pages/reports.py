"""Báo cáo (Reports): pick a dataset, area, period and columns; preview it (paged and sorted on the
server) with its row count; download exactly that as CSV, XLSX or Parquet through plain links to
``/export/<dataset>.<fmt>``; and fetch the monthly A4 briefing. The choices live in the URL, with the
same parameter names as the export links (``?dataset=crashes&area=474&from=2025-01-01``).
"""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_mantine_components as dmc
from dash import dcc, html

import ids
from i18n import normalize_lang, t
from pages import _parts as parts

dash.register_page(
    __name__,
    path="/reports",
    name=t("page.reports", "vi"),
    name_key="page.reports",
    order=80,
    title=f"{t('page.reports', 'vi')} · Huế IOC Analytics",
)

#: URL parameters the page understands (besides ``lang``): the export route's, plus the dataset.
PARAMS = ("dataset", "area", "from", "to", "month", "indicator", "columns")
PAGE_SIZE = 50


def _dropdown(control_id: str, value, lang: str, **options) -> dcc.Dropdown:
    # The chosen value is an option from the start, so the dropdown keeps it until its list arrives.
    values = value if isinstance(value, list) else [value] if value else []
    return dcc.Dropdown(
        id=control_id,
        value=value,
        options=[{"label": v, "value": v} for v in values],
        placeholder=t("common.all", lang),
        **options,
    )


def _pickers(params: dict, lang: str) -> dmc.Paper:
    period = dcc.DatePickerRange(
        id=ids.REPORTS_PERIOD,
        start_date=params["from"],
        end_date=params["to"],
        display_format="DD/MM/YYYY" if lang == "vi" else "D MMM YYYY",
        first_day_of_week=1,
        start_date_placeholder_text=t("reports.start", lang),
        end_date_placeholder_text=t("reports.end", lang),
        updatemode="bothdates",
        clearable=True,
    )
    columns = params["columns"].split(",") if params["columns"] else []
    controls = [
        parts.field(
            t("reports.dataset", lang),
            _dropdown(ids.REPORTS_DATASET, params["dataset"] or "feedback_records", lang, clearable=False),
        ),
        parts.field(t("reports.area", lang), _dropdown(ids.REPORTS_AREA, params["area"] or "province", lang)),
        parts.field(t("reports.period", lang), period),
        parts.field(
            t("reports.indicator", lang), _dropdown(ids.REPORTS_INDICATOR, params["indicator"], lang)
        ),
    ]
    picker = _dropdown(ids.REPORTS_COLUMNS, columns, lang, multi=True)
    picker.placeholder = t("reports.columns_all", lang)
    return dmc.Paper(
        [
            dmc.SimpleGrid(cols={"base": 1, "xs": 2, "md": 4}, spacing="sm", children=controls),
            html.Div(parts.field(t("reports.columns", lang), picker), className="reports-columns"),
        ],
        className="section",
        withBorder=True,
        p="md",
    )


def _downloads(lang: str) -> html.Div:
    links = [
        html.A(label, id=link_id, className="reports-download", href=None)
        for label, link_id in (
            ("CSV", ids.REPORTS_CSV),
            ("XLSX", ids.REPORTS_XLSX),
            ("Parquet", ids.REPORTS_PARQUET),
        )
    ]
    return html.Div(
        [html.Span(t("reports.download", lang), className="field-label"), *links],
        className="reports-downloads",
        title=t("reports.download_hint", lang),
    )


def _preview(lang: str) -> dmc.Paper:
    grid = dag.AgGrid(
        id=ids.REPORTS_GRID,
        columnDefs=[],
        rowModelType="infinite",
        defaultColDef={"sortable": True, "resizable": True, "wrapHeaderText": True, "autoHeaderHeight": True},
        dashGridOptions={
            "pagination": True,
            "paginationPageSize": PAGE_SIZE,
            "paginationPageSizeSelector": False,
            "cacheBlockSize": PAGE_SIZE,
            "maxBlocksInCache": 4,
            "localeText": parts.grid_words(lang),
            "suppressCellFocus": True,
            "enableCellTextSelection": True,
        },
        className="grid",
        style={"height": "520px"},
    )
    return parts.section(
        t("reports.preview", lang),
        html.Div(
            [
                html.P(id=ids.REPORTS_COUNT, className="reports-count", **{"aria-live": "polite"}),
                _downloads(lang),
            ],
            className="reports-bar",
        ),
        html.P(id=ids.REPORTS_NOTE, className="section-hint"),
        grid,
        hint=t("reports.preview_hint", lang),
    )


def _briefing(lang: str) -> dmc.Paper:
    pickers = dmc.SimpleGrid(
        cols={"base": 1, "xs": 2},
        spacing="sm",
        children=[
            parts.field(
                t("reports.month", lang), dcc.Dropdown(id=ids.REPORTS_BRIEFING_MONTH, clearable=False)
            ),
            parts.field(
                t("reports.area", lang),
                # the province is offered from the start: a value missing from the options is cleared
                dcc.Dropdown(id=ids.REPORTS_BRIEFING_AREA, value="province", clearable=False,
                             options=[{"label": t("reports.province", lang), "value": "province"}]),
            ),
        ],
    )
    link = html.A(
        t("reports.briefing_link", lang), id=ids.REPORTS_BRIEFING_LINK, className="reports-download"
    )
    return parts.section(
        t("reports.briefing", lang),
        pickers,
        html.Div(link, className="reports-bar"),
        hint=t("reports.briefing_hint", lang),
    )


def layout(lang: str | None = None, **query: object):
    """The page; the choices come from the query string and are checked by callbacks/reports.py."""
    lang = normalize_lang(lang)
    params = {name: parts.one(query.get(name)) for name in PARAMS}
    return parts.page(
        ids.REPORTS_MAIN,
        t("reports.title", lang),
        t("reports.intro", lang),
        dcc.Store(id=ids.REPORTS_PARAMS, data={"lang": lang, **params}),
        dcc.Store(id=ids.REPORTS_STATE),
        _pickers(params, lang),
        _preview(lang),
        _briefing(lang),
    )
