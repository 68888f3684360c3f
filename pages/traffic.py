"""Giao thông (Traffic): KPI cards against the same period last year, volume over time with holidays and
tourism peaks, an hour × weekday heatmap, the corridor ranking, a map of sensors, corridors, crashes and
hotspots with a sensor's hourly profile, and the crash trend. Every filter lives in the URL
(``?corridor=Hùng Vương&start=2025-01-01&end=2025-12-31&vehicle=cars&district=474``).
"""

from __future__ import annotations

import dash
import dash_leaflet as dl
import dash_mantine_components as dmc
from dash import dcc, html

import config
import ids
from i18n import normalize_lang, t
from pages import _parts as parts

dash.register_page(
    __name__,
    path="/traffic",
    name=t("page.traffic", "vi"),
    name_key="page.traffic",
    order=40,
    title=f"{t('page.traffic', 'vi')} · Huế IOC Analytics",
)

#: URL parameters the page understands (besides ``lang``); ``corridor`` may repeat.
PARAMS = ("start", "end", "district", "vehicle")
VEHICLES = ("all", "motorbikes", "cars", "trucks_buses")
#: The map's first view: Huế city and its approaches (the callback then fits it to the sensors).
CITY_CENTER, CITY_ZOOM = [16.44, 107.6], 11


def many(value: object) -> list[str]:
    """Every value of a query-string parameter that may repeat (``corridor=A&corridor=B``)."""
    values = value if isinstance(value, (list, tuple)) else [value]
    return [str(v) for v in values if parts.one(v) is not None]


def _segmented(control_id: str, value: str, choices: tuple[str, ...], prefix: str, lang: str):
    return dmc.SegmentedControl(
        id=control_id,
        value=value,
        data=[{"label": t(f"{prefix}.{c}", lang), "value": c} for c in choices],
        size="xs",
        className="traffic-segmented",
    )


def _filters(params: dict, lang: str) -> dmc.Paper:
    period = dcc.DatePickerRange(
        id=ids.TRAFFIC_PERIOD, start_date=params["start"], end_date=params["end"],
        display_format="DD/MM/YYYY", first_day_of_week=1, updatemode="bothdates",
        start_date_placeholder_text=t("traffic.filter.from", lang),
        end_date_placeholder_text=t("traffic.filter.to", lang),
    )
    # chosen values are options from the start, so the controls keep them until their lists arrive
    corridor = dcc.Dropdown(
        id=ids.TRAFFIC_CORRIDOR, value=params["corridor"], multi=True, searchable=False,
        options=[{"label": c, "value": c} for c in params["corridor"]], placeholder=t("common.all", lang),
    )
    district = dcc.Dropdown(
        id=ids.TRAFFIC_DISTRICT, value=params["district"], clearable=True, searchable=False,
        options=[{"label": params["district"], "value": params["district"]}] if params["district"] else [],
        placeholder=t("common.all", lang),
    )
    vehicle = params["vehicle"] if params["vehicle"] in VEHICLES else "all"
    controls = [
        parts.field(t("traffic.filter.period", lang), period),
        parts.field(t("traffic.filter.corridor", lang), corridor),
        parts.field(t("traffic.filter.district", lang), district),
        parts.field(t("traffic.filter.vehicle", lang),
                    _segmented(ids.TRAFFIC_VEHICLE, vehicle, VEHICLES, "traffic.vehicle", lang)),
    ]
    return dmc.Paper(
        [dmc.SimpleGrid(cols={"base": 1, "sm": 2}, spacing="sm", children=controls),
         html.P(id=ids.TRAFFIC_COMPARE, className="traffic-compare")],
        className="section traffic-filters", withBorder=True, p="md",
    )


def _bar(*children: object) -> html.Div:
    return html.Div(list(children), className="traffic-bar")


def _pair(*sections: object) -> html.Div:
    """Two sections side by side on wide screens, stacked on phones."""
    return html.Div(list(sections), className="traffic-pair")


def _map(lang: str) -> html.Div:
    # no tile layer without a tile URL: the district outlines from the warehouse stand in for it
    tile = dl.TileLayer(url=config.TILE_URL, attribution=config.TILE_ATTRIBUTION)
    tiles = [tile] if config.TILE_URL else []
    overlays = [
        ("traffic.layer.districts", dl.GeoJSON(id=ids.TRAFFIC_MAP_DISTRICTS, interactive=False,
                                               style={"variable": "hueTrafficMap.districtStyle"})),
        ("traffic.layer.hotspots", dl.GeoJSON(id=ids.TRAFFIC_MAP_HOTSPOTS,
                                              style={"variable": "hueTrafficMap.hotspotStyle"})),
        ("traffic.layer.corridors", dl.GeoJSON(id=ids.TRAFFIC_MAP_CORRIDORS,
                                               style={"variable": "hueTrafficMap.corridorStyle"})),
        ("traffic.layer.crashes", dl.GeoJSON(
            id=ids.TRAFFIC_MAP_CRASHES, cluster=True, zoomToBoundsOnClick=True,
            superClusterOptions={"radius": 40, "maxZoom": 14},
            pointToLayer={"variable": "hueTrafficMap.crashMarker"},
            clusterToLayer={"variable": "hueTrafficMap.crashCluster"})),
        ("traffic.layer.sensors", dl.GeoJSON(id=ids.TRAFFIC_MAP_SENSORS,
                                             pointToLayer={"variable": "hueTrafficMap.sensorMarker"})),
    ]
    control = dl.LayersControl(
        [dl.Overlay(layer, name=t(key, lang), checked=True) for key, layer in overlays], collapsed=True,
    )
    leaflet = dl.Map([*tiles, control], id=ids.TRAFFIC_MAP, center=CITY_CENTER, zoom=CITY_ZOOM, minZoom=8,
                     maxZoom=17, zoomSnap=0.25, className="traffic-map")
    return html.Div(
        [html.Div(leaflet, role="region", **{"aria-label": t("traffic.map", lang)}),
         html.Div(id=ids.TRAFFIC_MAP_LEGEND, className="traffic-legend")],
        className="traffic-map-column",
    )


def _map_section(lang: str) -> dmc.Paper:
    profile = html.Aside(
        [html.H3(t("traffic.profile", lang), className="traffic-profile-heading"),
         html.Div(id=ids.TRAFFIC_PROFILE_TITLE, className="traffic-profile-title", **{"aria-live": "polite"}),
         parts.graph(ids.TRAFFIC_PROFILE)],
        className="traffic-profile",
    )
    return parts.section(
        t("traffic.map", lang),
        html.Div([_map(lang), profile], className="traffic-map-layout"),
        dcc.Store(id=ids.TRAFFIC_SENSOR_STORE),
        hint=t("traffic.map_hint", lang),
    )


def _charts(lang: str) -> list:
    volume = parts.section(
        t("traffic.volume", lang),
        _bar(_segmented(ids.TRAFFIC_GRAIN, "week", ("week", "day"), "traffic.grain", lang)),
        parts.graph(ids.TRAFFIC_VOLUME, modebar=True),
        hint=t("traffic.volume_hint", lang),
    )
    heatmap = parts.section(
        t("traffic.heatmap", lang),
        _bar(_segmented(ids.TRAFFIC_MEASURE, "volume", ("volume", "congestion"), "traffic.measure", lang)),
        parts.graph(ids.TRAFFIC_HEATMAP),
        html.P(id=ids.TRAFFIC_HEATMAP_NOTE, className="section-hint traffic-note"),
    )
    ranking = parts.section(
        t("traffic.ranking", lang),
        parts.graph(ids.TRAFFIC_RANK_CONGESTION),
        parts.graph(ids.TRAFFIC_RANK_PEAK),
        hint=t("traffic.ranking_hint", lang),
    )
    crashes = _pair(
        parts.section(t("traffic.crash_trend", lang), parts.graph(ids.TRAFFIC_CRASH_TREND),
                      hint=t("traffic.crash_trend_hint", lang)),
        parts.section(t("traffic.road_type", lang), parts.graph(ids.TRAFFIC_ROAD_TYPE),
                      hint=t("traffic.road_type_hint", lang)),
    )
    return [
        volume,
        parts.lazy(ids.TRAFFIC_PATTERNS_PART, _pair(heatmap, ranking)),
        parts.lazy(ids.TRAFFIC_MAP_PART, _map_section(lang)),
        parts.lazy(ids.TRAFFIC_CRASHES_PART, crashes),
    ]


def layout(lang: str | None = None, corridor: object = None, **query: object):
    """The page; filters come from the query string, checked and completed by callbacks/traffic.py."""
    lang = normalize_lang(lang)
    params = {name: parts.one(query.get(name)) for name in PARAMS}
    params["corridor"] = many(corridor)
    return parts.page(
        ids.TRAFFIC_MAIN,
        t("traffic.title", lang),
        t("traffic.intro", lang),
        dcc.Store(id=ids.TRAFFIC_PARAMS, data={"lang": lang, **params}),
        dcc.Store(id=ids.TRAFFIC_STATE),
        _filters(params, lang),
        html.Div(id=ids.TRAFFIC_KPIS, className="traffic-kpis", **{"aria-live": "polite"}),
        *_charts(lang),
    )
