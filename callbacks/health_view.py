"""Callbacks that change the Y tế (Health records) view: filters and map clicks write the URL (so a
copied link reopens the view), and the gap table's CSV download.
"""

from __future__ import annotations

from dash import Input, Output, State, callback, ctx, dcc, no_update

import ids
from callbacks import gap_health
from callbacks.health import chosen_month
from i18n import search, t

URL = Output(ids.APP_URL, "search", allow_duplicate=True)


def view_search(view: dict) -> str:
    """The query string of a view; the map level only when the reader chose it, the measure only when
    it is not the default."""
    return search(
        view["lang"],
        month=view.get("month"),
        district=view.get("district"),
        commune=view.get("commune"),
        level=view["level"] if view.get("level_given") else None,
        measure=view["measure"] if view.get("measure") != "created" else None,
    )


def changed_view(state: dict, control: str | None, value: object) -> dict:
    """The view after one control changed: a new district clears the commune and the chosen level."""
    view = dict(state)
    if control == ids.HEALTH_MONTH_DROPDOWN:
        latest = chosen_month({**state, "month": None})
        shown_by_default = state.get("month") is None and latest and value == latest.strftime("%Y-%m")
        view["month"] = state.get("month") if shown_by_default else value
    elif control == ids.HEALTH_DISTRICT_DROPDOWN and value != state.get("district"):
        view.update(district=value, commune=None, level_given=False)
    elif control == ids.HEALTH_LEVEL_CONTROL:
        view.update(level=value, level_given=True)
    elif control == ids.HEALTH_MEASURE_CONTROL:
        view["measure"] = value
    elif control == ids.HEALTH_CLEAR_COMMUNE:
        view["commune"] = None
    return view


def clicked_view(state: dict, feature: dict | None) -> dict:
    """The view after a click on the map: a district opens its communes; a commune is selected."""
    props = (feature or {}).get("properties") or {}
    view = dict(state)
    if props.get("level") == "district":
        view.update(district=props.get("code"), commune=None, level_given=False)
    elif props.get("level") == "commune":
        view.update(district=props.get("district_code"), commune=props.get("code"))
    return view


def _search_if_changed(state: dict, view: dict):
    new = view_search(view)
    return no_update if new == view_search(state) else new


@callback(
    URL,
    Input(ids.HEALTH_MONTH_DROPDOWN, "value"),
    Input(ids.HEALTH_DISTRICT_DROPDOWN, "value"),
    Input(ids.HEALTH_LEVEL_CONTROL, "value"),
    Input(ids.HEALTH_MEASURE_CONTROL, "value"),
    Input(ids.HEALTH_CLEAR_COMMUNE, "n_clicks"),
    State(ids.HEALTH_STATE, "data"),
    prevent_initial_call=True,
)
def remember_filters(month, district, level, measure, _clear, state: dict):
    """Put the changed filter in the URL."""
    control = ctx.triggered_id
    values = {
        ids.HEALTH_MONTH_DROPDOWN: month,
        ids.HEALTH_DISTRICT_DROPDOWN: district,
        ids.HEALTH_LEVEL_CONTROL: level,
        ids.HEALTH_MEASURE_CONTROL: measure,
    }
    return _search_if_changed(state, changed_view(state, control, values.get(control)))


@callback(
    URL, Input(ids.HEALTH_MAP_LAYER, "clickData"), State(ids.HEALTH_STATE, "data"), prevent_initial_call=True
)
def pick_on_map(feature: dict | None, state: dict):
    """A click on a district or commune selects it (in the URL)."""
    return _search_if_changed(state, clicked_view(state, feature))


@callback(
    Output(ids.HEALTH_GAP_CSV_DOWNLOAD, "data"),
    Input(ids.HEALTH_GAP_CSV_BUTTON, "n_clicks"),
    State(ids.HEALTH_GAP_GRID, "virtualRowData"),
    State(ids.HEALTH_GAP_GRID, "rowData"),
    State(ids.HEALTH_GAP_GRID, "columnDefs"),
    State(ids.HEALTH_STATE, "data"),
    prevent_initial_call=True,
)
def download_gap(_clicks, shown_rows, rows, columns, state: dict):
    """The gap table as CSV: the rows in the order the grid shows them (after any sort), as written."""
    if not columns:
        return no_update
    month = chosen_month(state)
    parts = [
        t("health.csv_name", state["lang"]),
        month.strftime("%Y-%m") if month else None,
        state.get("district"),
    ]
    name = "_".join(p for p in parts if p) + ".csv"
    return dcc.send_bytes(
        gap_health.csv_bytes(columns, shown_rows if shown_rows is not None else rows or []), name
    )
