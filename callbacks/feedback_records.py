"""Callbacks of the feedback page's hotspot map, record table (paged on the server) and CSV export."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from dash import Input, Output, State, callback, no_update

import ids
from callbacks import cards_feedback as cards
from callbacks import lazy
from callbacks import maps_feedback as maps
from callbacks import tables_feedback as tables
from callbacks.feedback import STATE, filters_of
from callbacks.remembered import remembered
from queries import export_choices, feedback_map, feedback_records
from queries.db import or_empty
from queries.exports import ExportRequest
from queries.warm import warmer

PAGE_SIZE = 20
#: What the map's and the table's callbacks read: the page state, once their section has neared the screen.
MAP = lazy.section_state(ids.FEEDBACK_MAP_PART, ids.FEEDBACK_STATE)
RECORDS = lazy.section_state(ids.FEEDBACK_RECORDS_PART, ids.FEEDBACK_STATE)


@callback(
    Output(ids.FEEDBACK_MAP_COMMUNES, "data"),
    Output(ids.FEEDBACK_MAP_DISTRICTS, "data"),
    Input(ids.lazy_seen(ids.FEEDBACK_MAP_PART), "data"),
    State(ids.FEEDBACK_PARAMS, "data"),
)
def show_boundaries(seen: bool, params: dict):
    """Commune and district outlines, once per page view when the map is drawn, as it nears the screen
    (the filters only restyle them)."""
    return outlines(params.get("lang") or "vi") if seen else (no_update, no_update)


@warmer
def _warm_outlines() -> None:
    outlines("vi"), outlines("en")


@remembered
def outlines(lang: str):
    """The outlines as GeoJSON (parsing ~160 geometries), built once per language and warehouse version."""
    return maps.boundaries(or_empty(feedback_map.boundaries), lang)


@callback(Output(ids.FEEDBACK_MAP, "viewport"), MAP, prevent_initial_call=True)
def focus_map(state: dict):
    """Fly to a chosen commune or district; the whole province otherwise (the page's first view)."""
    viewport = maps.focus(or_empty(feedback_map.boundaries), state.get("district"), state.get("commune"))
    return viewport if viewport else no_update


@callback(
    Output(ids.FEEDBACK_MAP_COMMUNES, "hideout"),
    Output(ids.FEEDBACK_MAP_LEGEND, "children"),
    MAP,
    Input(ids.FEEDBACK_MAP, "zoom"),
    prevent_initial_call=True,
)
def colour_communes(state: dict | None, zoom: float | None):
    if not state:
        return no_update, no_update
    frame = or_empty(feedback_map.reports_per_commune, filters_of(state))
    lang = state["lang"]
    return maps.commune_hideout(frame, state.get("commune"), zoom, lang), maps.legend(frame, lang)


@callback(
    Output(ids.FEEDBACK_MAP_CELLS, "data"),
    Output(ids.FEEDBACK_MAP_NOTE, "children"),
    MAP,
    Input(ids.FEEDBACK_MAP, "zoom"),
    Input(ids.FEEDBACK_MAP, "bounds"),
    prevent_initial_call=True,
)
def show_cells(state: dict | None, zoom: float | None, bounds: list | None):
    """~100 m cells inside the view when zoomed in far enough; nothing otherwise."""
    if not state:
        return no_update, no_update
    lang = state["lang"]
    if zoom is None or zoom < maps.POINTS_ZOOM or not bounds:
        return maps.cells(None, lang), maps.map_note(zoom, None, 0, lang)
    (south, west), (north, east) = bounds
    view, filters = (south, west, north, east), filters_of(state)
    frame = or_empty(feedback_map.cells_in_view, filters, view)
    summary = or_empty(feedback_map.cells_in_view_count, filters, view)
    return maps.cells(frame, lang), maps.map_note(zoom, summary, len(frame), lang)


@callback(
    Output(ids.FEEDBACK_RECORDS_GRID, "columnDefs"),
    Output(ids.FEEDBACK_RECORDS_COUNT, "children"),
    RECORDS,
    prevent_initial_call=True,
)
def show_record_columns(state: dict):
    count = or_empty(feedback_records.record_count, filters_of(state))
    return tables.record_columns(state["lang"]), cards.records_note(count, state["lang"])


@callback(
    Output(ids.FEEDBACK_RECORDS_GRID, "getRowsResponse"),
    Input(ids.FEEDBACK_RECORDS_GRID, "getRowsRequest"),
    RECORDS,
)
def show_record_page(request: dict | None, state: dict | None):
    """One block of rows for AG Grid's infinite model, sorted as the grid asks. The state is an input too:
    the grid may ask before the page state is resolved, and is answered as soon as it is."""
    if not request or not state:
        return no_update
    filters = filters_of(state)
    start, end = int(request.get("startRow", 0)), int(request.get("endRow", PAGE_SIZE))
    frame = or_empty(feedback_records.records, filters, start, end - start, request.get("sortModel"))
    count = or_empty(feedback_records.record_count, filters)
    return {
        "rowData": tables.record_rows(frame, state["lang"]),
        "rowCount": 0 if count.empty else int(count.at[0, "n"]),
    }


@callback(Output(ids.FEEDBACK_EXPORT, "href"), STATE)
def export_link(state: dict | None):
    """The /export link of exactly the reports the table shows: same period, area and filters, so a
    download of any size streams from the warehouse instead of travelling through a callback."""
    if not state:
        return None
    picks = tuple((name, state[name]) for name in export_choices.FEEDBACK_CHOICES if state.get(name))
    request = ExportRequest(
        "feedback_records", area=state.get("commune") or state.get("district"),
        start=date.fromisoformat(state["start"]), end=date.fromisoformat(state["end"]), picks=picks,
    )
    return f"/export/feedback_records.csv?{urlencode({**request.query(), 'lang': state['lang']})}"
