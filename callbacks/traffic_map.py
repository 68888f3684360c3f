"""Callbacks of the traffic page's map and sensor profile: district outlines, sensors coloured by
congestion with the corridor lines, crash points, hotspot cells, and the 24-hour profile of the sensor
clicked (by default the most congested one of the selection), outlined on the map.
"""

from __future__ import annotations

from dash import Input, Output, callback, no_update

import ids
from callbacks import cards_traffic, figures_traffic, lazy, maps_traffic
from callbacks.figures import empty
from callbacks.remembered import remembered
from callbacks.traffic import filter_of
from i18n import t
from queries import traffic, traffic_crashes
from queries.db import or_empty
from queries.warm import warmer

#: What the map's callbacks read: the page state, once the map has neared the screen.
MAP = lazy.section_state(ids.TRAFFIC_MAP_PART, ids.TRAFFIC_STATE)


@callback(Output(ids.TRAFFIC_MAP_DISTRICTS, "data"), Input(ids.lazy_seen(ids.TRAFFIC_MAP_PART), "data"))
def show_districts(seen: bool):
    """The district outlines, once per page view when the map is drawn, as it nears the screen."""
    return outlines() if seen else no_update


@warmer
@remembered
def outlines():
    """The outlines as GeoJSON (parsing the geometries), built once per warehouse version."""
    return maps_traffic.district_outlines(or_empty(traffic.district_shapes))


@callback(
    Output(ids.TRAFFIC_MAP_SENSORS, "data"),
    Output(ids.TRAFFIC_MAP_CORRIDORS, "data"),
    Output(ids.TRAFFIC_MAP, "viewport"),
    Output(ids.TRAFFIC_MAP_LEGEND, "children"),
    MAP,
    prevent_initial_call=True,
)
@remembered
def show_sensors(state: dict):
    frame, lang = or_empty(traffic.sensor_status, filter_of(state)), state["lang"]
    return (
        maps_traffic.sensors(frame, lang),
        maps_traffic.corridor_lines(frame),
        maps_traffic.viewport(frame),
        maps_traffic.legend(traffic_crashes.HOTSPOT_MIN_CRASHES, lang),
    )


@callback(Output(ids.TRAFFIC_MAP_CRASHES, "data"), MAP, prevent_initial_call=True)
@remembered
def show_crashes(state: dict):
    return maps_traffic.crashes(or_empty(traffic_crashes.crash_points, filter_of(state)), state["lang"])


@callback(Output(ids.TRAFFIC_MAP_HOTSPOTS, "data"), MAP, prevent_initial_call=True)
@remembered
def show_hotspots(state: dict):
    frame = or_empty(traffic_crashes.crash_hotspots, filter_of(state))
    return maps_traffic.hotspots(frame, traffic_crashes.CELL_DEGREES, state["lang"])


@callback(
    Output(ids.TRAFFIC_SENSOR_STORE, "data"),
    Input(ids.TRAFFIC_MAP_SENSORS, "clickData"),
    prevent_initial_call=True,
)
def select_sensor(click: dict | None):
    """The sensor last clicked on the map."""
    sensor_id = ((click or {}).get("properties") or {}).get("sensor_id")
    return sensor_id or no_update


@callback(
    Output(ids.TRAFFIC_PROFILE_TITLE, "children"),
    Output(ids.TRAFFIC_PROFILE, "figure"),
    Output(ids.TRAFFIC_MAP_SENSORS, "hideout"),
    Input(ids.TRAFFIC_SENSOR_STORE, "data"),
    MAP,
    prevent_initial_call=True,
)
@remembered
def show_profile(clicked: str | None, state: dict | None):
    """The clicked sensor's profile (the most congested sensor's until one is clicked), outlined on the map."""
    if not state:  # a sensor clicked before the map's state arrived
        return no_update, no_update, no_update
    f, lang = filter_of(state), state["lang"]
    frame = or_empty(traffic.sensor_profile, clicked, f)
    if frame.empty:
        return t("traffic.profile_none", lang), empty(lang, "traffic.profile_none"), {}
    sensor_id = str(frame["sensor_id"].iloc[0])
    title = cards_traffic.profile_title(frame, sensor_id, bool(clicked), f.first_month, f.months_end, lang)
    figure = figures_traffic.profile(frame, f.vehicle == "all", lang)
    return title, figure, {"selected": sensor_id}
