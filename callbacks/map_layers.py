"""Point layers of the Bản đồ (Map explorer) page, each drawn only while its box is ticked: feedback
reports (per commune zoomed out, per ~100 m cell zoomed in), schools, traffic sensors, the month's
crashes and visitor information points. Every layer stays within a few thousand features.
"""

from __future__ import annotations

from dash import Input, Output, callback

import ids
from callbacks import maps_explorer
from callbacks.map import MONTH, STATE, chosen_month
from i18n import t
from queries import feedback_map, schools, traffic_crashes
from queries import map as map_queries
from queries.db import or_empty
from queries.feedback import Filters
from queries.traffic import TrafficFilter

EMPTY = maps_explorer.collection([])


@callback(
    Output(ids.MAP_SCHOOLS, "data"), Output(ids.MAP_SENSORS, "data"), Output(ids.MAP_VISITORS, "data"),
    Input(ids.MAP_LAYERS, "value"), STATE,
)
def show_places(layers: list | None, state: dict):
    """Schools (latest school year), traffic sensors and visitor information points."""
    layers, lang = set(layers or []), state["lang"]
    school_layer = maps_explorer.points(
        or_empty(schools.school_points, schools.SchoolFilter()), "schools", lambda row: row["name"]
    ) if "schools" in layers else EMPTY
    sensor_layer = maps_explorer.points(
        or_empty(map_queries.sensor_points), "sensors",
        lambda row: t("map.tip.sensor", lang, sensor=row["sensor_id"], corridor=row["corridor"]),
    ) if "sensors" in layers else EMPTY
    visitor_layer = maps_explorer.points(
        or_empty(map_queries.visitor_points), "visitors", lambda row: row["name"]
    ) if "visitors" in layers else EMPTY
    return school_layer, sensor_layer, visitor_layer


@callback(Output(ids.MAP_CRASHES, "data"), Input(ids.MAP_LAYERS, "value"), *MONTH, STATE)
def show_crashes(layers: list | None, index, months, state: dict):
    """The month's crashes (kind 'va chạm')."""
    month = chosen_month(index, months)
    if "crashes" not in (layers or []) or month is None:
        return EMPTY
    first, last = map_queries.month_days(month)
    crashes = or_empty(traffic_crashes.crash_points, TrafficFilter(first, last))
    lang = state["lang"]
    return maps_explorer.points(
        crashes, "crashes", lambda row: t("map.tip.crash", lang, severity=row["severity"] or "–")
    )


@callback(
    Output(ids.MAP_FEEDBACK, "data"), Input(ids.MAP_LAYERS, "value"), *MONTH,
    Input(ids.MAP_MAP, "zoom"), Input(ids.MAP_MAP, "bounds"), STATE,
)
def show_feedback(layers: list | None, index, months, zoom, bounds, state: dict):
    """The month's reports: totals per commune zoomed out, ~100 m cells zoomed in (small cells hidden)."""
    month = chosen_month(index, months)
    if "feedback" not in (layers or []) or month is None:
        return EMPTY
    filters, lang = Filters(*map_queries.month_days(month)), state["lang"]
    if zoom is not None and zoom >= maps_explorer.CELLS_ZOOM and bounds:
        (south, west), (north, east) = bounds
        return maps_explorer.feedback_cells(
            or_empty(feedback_map.cells_in_view, filters, (south, west, north, east)), lang
        )
    communes = or_empty(map_queries.boundaries, "commune")
    return maps_explorer.feedback_communes(or_empty(feedback_map.reports_per_commune, filters), communes, lang)
