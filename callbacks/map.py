"""Callbacks of the Bản đồ (Map explorer) page. The view lives in its controls and is mirrored into the
URL by a clientside function (assets/map_explorer.js) without re-rendering the page. Outlines are sent
once per level; an indicator, month or class method only changes the area layer's ``hideout``.
"""

from __future__ import annotations

from dash import ClientsideFunction, Input, Output, State, callback, clientside_callback, ctx, no_update

import ids
from callbacks import map_profile, maps_explorer
from callbacks.format_overview import period_label
from callbacks.remembered import remembered
from i18n import t
from queries import indicators
from queries import map as map_queries
from queries.db import or_empty
from queries.kpi_periods import Period, parse
from queries.warm import warmer

STATE = State(ids.MAP_STATE, "data")
MONTH = (Input(ids.MAP_MONTH, "value"), State(ids.MAP_MONTHS, "data"))


def chosen_month(index: object, months: list | None) -> Period | None:
    """The month the slider points at (the latest for anything out of range)."""
    if not months:
        return None
    index = index if isinstance(index, int) and 0 <= index < len(months) else len(months) - 1
    return parse("month", months[index])


@callback(
    Output(ids.MAP_MONTHS, "data"), Output(ids.MAP_MONTH, "max"), Output(ids.MAP_MONTH, "marks"),
    Output(ids.MAP_MONTH, "value"), Input(ids.MAP_STATE, "data"),
)
def fill_months(state: dict):
    """The slider's months, positioned on the URL's month or the latest; January marks each year."""
    keys = list(or_empty(map_queries.months).get("key", []))
    if not keys:
        return [], 0, {}, 0
    marks = {i: key[:4] for i, key in enumerate(keys) if key.endswith("-01")}
    value = keys.index(state["month"]) if state.get("month") in keys else len(keys) - 1
    return keys, len(keys) - 1, marks, value


@callback(Output(ids.MAP_MONTH_LABEL, "children"), *MONTH, STATE)
def show_month(index, months, state: dict):
    month = chosen_month(index, months)
    return period_label(month, state["lang"]) if month else t("map.no_months", state["lang"])


@callback(
    Output(ids.MAP_TICK, "disabled"), Output(ids.MAP_PLAY, "children"), Output(ids.MAP_PLAY, "aria-pressed"),
    Input(ids.MAP_PLAY, "n_clicks"), STATE,
)
def toggle_play(clicks: int | None, state: dict):
    """Odd clicks play the months one after another, even clicks pause."""
    playing = bool(clicks) and clicks % 2 == 1
    return not playing, t("map.pause" if playing else "map.play", state["lang"]), str(playing).lower()


@callback(
    Output(ids.MAP_MONTH, "value", allow_duplicate=True), Input(ids.MAP_TICK, "n_intervals"),
    State(ids.MAP_MONTH, "value"), State(ids.MAP_MONTHS, "data"), prevent_initial_call=True,
)
def next_month(_ticks, index, months):
    """One step of the animation, wrapping round to the first month."""
    return (int(index or 0) + 1) % len(months) if months else no_update


@callback(
    Output(ids.MAP_INDICATOR, "options"), Output(ids.MAP_INDICATOR, "value"),
    Input(ids.MAP_LEVEL, "value"), State(ids.MAP_INDICATOR, "value"), STATE,
)
def fill_indicators(level: str, current: str | None, state: dict):
    """Every catalogue indicator with detail at this level (adding one to the catalogue adds it here)."""
    entries = map_queries.mappable(level)
    options = [{"label": t(entry.name_key, state["lang"]), "value": entry.id} for entry in entries]
    known = [entry.id for entry in entries]
    return options, current if current in known else (known[0] if known else None)


@callback(Output(ids.MAP_AREAS, "data"), Input(ids.MAP_LEVEL, "value"), STATE)
def show_outlines(level: str, state: dict):
    return outlines(level, state["lang"])


@warmer
def _warm_outlines() -> None:
    for level in map_queries.MAP_LEVELS:
        outlines(level, "vi"), outlines(level, "en")


@remembered
def outlines(level: str, lang: str):
    """One level's outlines as GeoJSON, built once per level, language and warehouse version."""
    return maps_explorer.area_features(or_empty(map_queries.boundaries, level), lang)


@callback(
    Output(ids.MAP_AREAS, "hideout"), Output(ids.MAP_LEGEND, "children"),
    Input(ids.MAP_INDICATOR, "value"), Input(ids.MAP_LEVEL, "value"), Input(ids.MAP_METHOD, "value"),
    *MONTH, Input(ids.MAP_SELECTED, "data"), STATE,
)
def colour_areas(indicator_id, level, method, index, months, selected, state: dict):
    """Each area's class for the indicator and month, and the legend that explains the classes."""
    month, lang = chosen_month(index, months), state["lang"]
    shapes = or_empty(map_queries.boundaries, level)
    names = maps_explorer.area_names(shapes, lang)
    if indicator_id not in indicators.CATALOGUE or month is None:
        return maps_explorer.empty_hideout(names, selected, lang), maps_explorer.no_data_legend(lang)
    entry = indicators.get(indicator_id)
    values = or_empty(map_queries.month_values, indicator_id, month, level)
    target = map_queries.month_target(indicator_id, month) if method == "target" else None
    shown = method if method in maps_explorer.METHODS and (method != "target" or target) else "quantile"
    edges = maps_explorer.class_breaks(values.get("value"), shown, target)
    approximate = "approximate" in set(shapes.get("geometry_quality", []))
    return (
        maps_explorer.hideout(values, edges, shown, entry, names, selected, lang),
        maps_explorer.legend(entry, edges, shown, approximate, lang, no_target=shown != method),
    )


@callback(
    Output(ids.MAP_SELECTED, "data"), Output(ids.MAP_LEVEL, "value"), Output(ids.MAP_MAP, "viewport"),
    Input(ids.MAP_AREAS, "clickData"), State(ids.MAP_LEVEL, "value"), prevent_initial_call=True,
)
def select_area(click: dict | None, level: str):
    """Clicking an area opens its profile; a district at district level also zooms in to its communes."""
    properties = (click or {}).get("properties") or {}
    code = properties.get("code")
    if not code:
        return no_update, no_update, no_update
    if properties.get("level") == "district" and level == "district":
        view = maps_explorer.focus(or_empty(map_queries.boundaries, "district"), code)
        return code, "commune", view or no_update
    return code, no_update, no_update


@callback(Output(ids.MAP_PROFILE, "children"), Input(ids.MAP_SELECTED, "data"), *MONTH, STATE)
def show_profile(code: str | None, index, months, state: dict):
    """The selected area's profile for the month."""
    month, lang = chosen_month(index, months), state["lang"]
    area = or_empty(map_queries.area, code) if code else None
    if area is None or area.empty or month is None:
        return map_profile.empty(lang) if ctx.triggered_id != ids.MAP_MONTH or not code else no_update
    profile = or_empty(map_queries.area_profile, code, month)
    return map_profile.panel(area.iloc[0].to_dict(), profile.to_dict("records"), period_label(month, lang), lang)


clientside_callback(
    ClientsideFunction(namespace="hueMapExplorer", function_name="writeUrl"),
    Output(ids.MAP_URL_SINK, "data"),
    Input(ids.MAP_INDICATOR, "value"), Input(ids.MAP_LEVEL, "value"), Input(ids.MAP_MONTH, "value"),
    Input(ids.MAP_MONTHS, "data"), Input(ids.MAP_METHOD, "value"), Input(ids.MAP_LAYERS, "value"),
    Input(ids.MAP_SELECTED, "data"), Input(ids.MAP_MAP, "center"), Input(ids.MAP_MAP, "zoom"), STATE,
)
