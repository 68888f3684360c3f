"""Callbacks of the Báo cáo (Reports) page: the URL's choices checked by the export catalogue, the
preview (paged and sorted in DuckDB), the download links and the monthly briefing link.

The URL holds the choices (``?dataset=…&area=…&from=…&to=…&columns=…``), the same parameters as
``/export/<dataset>.<fmt>``: ``resolve`` runs them through ``queries.exports.parse``, the function the
route uses, so the preview, the count and the files always agree. Changing a picker writes a new URL.
"""

from __future__ import annotations

import pandas as pd
from dash import Input, Output, State, callback, no_update

import ids
from callbacks import tables_reports as tables
from i18n import fmt_number, is_missing, normalize_lang, search, t
from queries import exports, indicators, kpi
from queries.db import WarehouseUnavailable, or_empty
from queries.export_datasets import DATASETS
from queries.exports import ExportError, ExportRequest

DEFAULT_DATASET = "feedback_records"
URL_PARAMS = ("dataset", "area", "from", "to", "month", "indicator", "columns")
STATE = Input(ids.REPORTS_STATE, "data")


def resolve(params: dict) -> dict:
    """The page state: the checked request as URL parameters, or the reason it is not valid."""
    lang = normalize_lang(params.get("lang"))
    dataset = params.get("dataset") if params.get("dataset") in DATASETS else DEFAULT_DATASET
    args = {name: params[name] for name in URL_PARAMS[1:] if params.get(name)}
    if DATASETS[dataset].needs_indicator and not args.get("indicator"):
        args["indicator"] = indicators.all_indicators()[0].id
    try:
        request = exports.parse(dataset, args)
    except (ExportError, WarehouseUnavailable) as exc:
        return {"lang": lang, "dataset": dataset, "query": args, "error": str(exc)}
    return {"lang": lang, "dataset": dataset, "query": request.query(), "error": None}


def request_of(state: dict) -> ExportRequest | None:
    """The export a valid state stands for; None for an invalid one."""
    if not state or state.get("error"):
        return None
    return exports.parse(state["dataset"], state["query"])


@callback(Output(ids.REPORTS_STATE, "data"), Input(ids.REPORTS_PARAMS, "data"))
def resolve_state(params: dict):
    return resolve(params or {})


@callback(
    Output(ids.REPORTS_DATASET, "options"),
    Output(ids.REPORTS_AREA, "options"),
    Output(ids.REPORTS_INDICATOR, "options"),
    Output(ids.REPORTS_INDICATOR, "disabled"),
    Output(ids.REPORTS_COLUMNS, "options"),
    Output(ids.REPORTS_BRIEFING_AREA, "options"),
    Output(ids.REPORTS_BRIEFING_MONTH, "options"),
    Output(ids.REPORTS_BRIEFING_MONTH, "value"),
    Output(ids.REPORTS_PERIOD, "start_date"),
    Output(ids.REPORTS_PERIOD, "end_date"),
    STATE,
)
def fill_pickers(state: dict):
    """What each picker offers, in the page's language."""
    lang, entry = state["lang"], DATASETS[state["dataset"]]
    areas = or_empty(kpi.areas)
    span = or_empty(kpi.data_dates)
    first, last = (None, None) if span.empty else (span.at[0, "first"], span.at[0, "last"])
    indicator_options = [{"label": t(i.name_key, lang), "value": i.id} for i in indicators.all_indicators()]
    months = tables.month_options(_day(first), _day(last), lang)
    return (
        tables.dataset_options(lang),
        tables.area_options(areas, lang),
        indicator_options,
        not entry.needs_indicator,
        tables.column_options(entry, lang),
        tables.area_options(areas, lang, communes=False),
        months,
        months[0]["value"] if months else None,
        state["query"].get("from"),
        state["query"].get("to"),
    )


def _day(value):
    """A day from the data's range, None when the warehouse has no facts (NaT)."""
    return None if is_missing(value) else pd.Timestamp(value).date()


@callback(
    Output(ids.REPORTS_COUNT, "children"),
    Output(ids.REPORTS_NOTE, "children"),
    Output(ids.REPORTS_GRID, "columnDefs"),
    Output(ids.REPORTS_CSV, "href"),
    Output(ids.REPORTS_XLSX, "href"),
    Output(ids.REPORTS_PARQUET, "href"),
    STATE,
)
def show_summary(state: dict):
    """The row count, the preview's columns and the three download links of exactly these choices."""
    lang, entry = state["lang"], DATASETS[state["dataset"]]
    request = request_of(state)
    if request is None:
        return t("reports.invalid", lang, reason=state["error"]), None, [], None, None, None
    try:
        count = exports.count(request)
    except WarehouseUnavailable:
        return t("empty.selection", lang), None, [], None, None, None
    text = t("reports.count", lang, count=fmt_number(count, lang))
    note = t("reports.record_level", lang) if entry.record_level else None
    columns = tables.column_defs(entry, request.chosen_columns, lang)
    return (text, note, columns, *tables.export_hrefs(request, lang))


@callback(
    Output(ids.REPORTS_GRID, "getRowsResponse"),
    Input(ids.REPORTS_GRID, "getRowsRequest"),
    STATE,
)
def show_preview_rows(grid_request: dict | None, state: dict | None):
    """One block of rows for AG Grid's infinite model, sorted in DuckDB as the grid asks."""
    request = request_of(state) if grid_request and state else None
    if request is None:
        return no_update
    start, end = int(grid_request.get("startRow", 0)), int(grid_request.get("endRow", 100))
    try:
        frame = exports.preview(request, start, end - start, grid_request.get("sortModel"))
        total = exports.count(request)
    except WarehouseUnavailable:
        return {"rowData": [], "rowCount": 0}
    return {"rowData": tables.rows(frame, request.entry, state["lang"]), "rowCount": total}


@callback(
    Output(ids.APP_URL, "search", allow_duplicate=True),
    Input(ids.REPORTS_DATASET, "value"),
    Input(ids.REPORTS_AREA, "value"),
    Input(ids.REPORTS_PERIOD, "start_date"),
    Input(ids.REPORTS_PERIOD, "end_date"),
    Input(ids.REPORTS_INDICATOR, "value"),
    Input(ids.REPORTS_COLUMNS, "value"),
    State(ids.REPORTS_STATE, "data"),
    prevent_initial_call=True,
)
def remember_choices(dataset, area, start, end, indicator, columns, state):
    """Put the choices in the URL (a copied link reopens this view); a new dataset starts afresh."""
    if not state:
        return no_update
    return choices_search(dataset, area, start, end, indicator, columns, state)


def choices_search(dataset, area, start, end, indicator, columns, state: dict):
    """The URL query string for these picker values, or no_update when they are what the URL holds."""
    query = state.get("query", {})
    chosen = {
        "area": None if area in (None, "province") else area,
        "from": str(start)[:10] if start else None,
        "to": str(end)[:10] if end else None,
        "indicator": indicator if DATASETS.get(dataset) and DATASETS[dataset].needs_indicator else None,
        "columns": ",".join(columns) if columns else None,
    }
    if dataset != state["dataset"]:
        chosen.update(indicator=None, columns=None)
    now = {name: query.get(name) for name in chosen}
    if dataset == state["dataset"] and chosen == now:
        return no_update
    return search(state["lang"], dataset=dataset, **chosen)


@callback(
    Output(ids.REPORTS_BRIEFING_LINK, "href"),
    Input(ids.REPORTS_BRIEFING_MONTH, "value"),
    Input(ids.REPORTS_BRIEFING_AREA, "value"),
    STATE,
)
def briefing_link(month: str | None, area: str | None, state: dict):
    return tables.briefing_href(month, area, state["lang"])
