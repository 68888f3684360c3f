"""Bản đồ (Map explorer): any catalogue indicator as a choropleth by district or commune, point layers on
top, a month slider, and an area's profile on click. The URL holds the whole view
(``?indicator=health_created_pct&level=commune&month=2025-11&layers=schools,crashes&center=16.4,107.6&zoom=10``).
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
    path="/map",
    name=t("page.map", "vi"),
    name_key="page.map",
    order=60,
    title=f"{t('page.map', 'vi')} · Huế IOC Analytics",
)

CENTRE = (16.45, 107.55)
ZOOM = 9.25
LEVELS = ("district", "commune")
METHODS = ("quantile", "equal", "target")
LAYERS = ("feedback", "schools", "sensors", "crashes", "visitors")
DEFAULT_INDICATOR = "health_created_pct"


def _centre(text: str | None) -> list[float]:
    """``"16.4,107.6"`` -> [16.4, 107.6]; the province's centre for anything else."""
    try:
        lat, lon = (float(part) for part in (text or "").split(","))
    except ValueError:
        return list(CENTRE)
    return [lat, lon] if 15 < lat < 17.5 and 106.5 < lon < 108.7 else list(CENTRE)


def _zoom(text: str | None) -> float:
    try:
        return min(max(float(text), 7), 18)
    except (TypeError, ValueError):
        return ZOOM


def state_from_url(query: dict) -> dict:
    """The view the URL asks for, with safe defaults for anything missing or malformed."""
    layers = [name for name in (parts.one(query.get("layers")) or "").split(",") if name in LAYERS]
    level, method = parts.one(query.get("level")), parts.one(query.get("method"))
    return {
        "indicator": parts.one(query.get("indicator")) or DEFAULT_INDICATOR,
        "level": level if level in LEVELS else LEVELS[0],
        "method": method if method in METHODS else METHODS[0],
        "month": parts.one(query.get("month")),
        "layers": layers,
        "area": parts.one(query.get("area")),
        "center": _centre(parts.one(query.get("center"))),
        "zoom": _zoom(parts.one(query.get("zoom"))),
    }


def _segmented(control_id: str, choices: tuple[str, ...], value: str, prefix: str, lang: str):
    data = [{"label": t(f"{prefix}.{c}", lang), "value": c} for c in choices]
    return dmc.SegmentedControl(id=control_id, value=value, data=data, size="xs")


def _controls(state: dict, lang: str) -> html.Div:
    indicator = dcc.Dropdown(
        id=ids.MAP_INDICATOR, value=state["indicator"], clearable=False, searchable=False,
        options=[{"label": state["indicator"], "value": state["indicator"]}],
    )
    return html.Div(
        [
            parts.field(t("map.indicator", lang), indicator),
            parts.field(t("map.level", lang), _segmented(ids.MAP_LEVEL, LEVELS, state["level"], "map.level", lang)),
            parts.field(t("map.method", lang),
                        _segmented(ids.MAP_METHOD, METHODS, state["method"], "map.method", lang)),
        ],
        className="map-controls",
    )


def _time(lang: str) -> html.Div:
    slider = dcc.Slider(id=ids.MAP_MONTH, min=0, max=0, step=1, value=0, marks={}, updatemode="mouseup",
                        allow_direct_input=False)
    play = html.Button(t("map.play", lang), id=ids.MAP_PLAY, n_clicks=0, className="map-play",
                       **{"aria-pressed": "false"})
    label = html.Span(id=ids.MAP_MONTH_LABEL, className="map-month-label", **{"aria-live": "polite"})
    return html.Div(
        [html.Span(t("map.month", lang), className="field-label"), label, play,
         html.Div(slider, className="map-slider"), dcc.Interval(id=ids.MAP_TICK, interval=1500, disabled=True)],
        className="map-time",
    )


def _layers_control(state: dict, lang: str) -> html.Div:
    options = [{"label": t(f"map.layer.{name}", lang), "value": name} for name in LAYERS]
    checklist = dcc.Checklist(id=ids.MAP_LAYERS, options=options, value=state["layers"], inline=True,
                              className="map-layers", inputClassName="map-layer-input")
    return parts.field(t("map.layers", lang), checklist)


def _leaflet(state: dict) -> dl.Map:
    tiles = [dl.TileLayer(url=config.TILE_URL, attribution=config.TILE_ATTRIBUTION)] if config.TILE_URL else []
    point = {"variable": "hueMapExplorer.point"}
    areas = dl.GeoJSON(
        id=ids.MAP_AREAS, style={"variable": "hueMapExplorer.areaStyle"},
        onEachFeature={"variable": "hueMapExplorer.areaTooltip"}, hideout={},
    )
    layers = [dl.GeoJSON(id=layer_id, pointToLayer=point) for layer_id in
              (ids.MAP_FEEDBACK, ids.MAP_SCHOOLS, ids.MAP_SENSORS, ids.MAP_CRASHES, ids.MAP_VISITORS)]
    return dl.Map([*tiles, areas, *layers], id=ids.MAP_MAP, center=state["center"], zoom=state["zoom"],
                  minZoom=7, zoomSnap=0.25, className="map-explorer")


def layout(lang: str | None = None, **query: object):
    """The page; the view comes from the query string (see the module docstring)."""
    lang = normalize_lang(lang)
    state = {"lang": lang, **state_from_url(query)}
    profile = html.Aside(html.P(t("map.profile.empty", lang), className="section-hint"),
                         id=ids.MAP_PROFILE, className="map-profile", **{"aria-live": "polite"})
    region = html.Div(_leaflet(state), role="region", **{"aria-label": t("map.map_label", lang)})
    return parts.page(
        ids.MAP_MAIN, t("map.title", lang), t("map.intro", lang),
        dcc.Store(id=ids.MAP_STATE, data=state), dcc.Store(id=ids.MAP_MONTHS),
        dcc.Store(id=ids.MAP_SELECTED, data=state["area"]), dcc.Store(id=ids.MAP_URL_SINK),
        parts.section(
            t("map.section", lang), _controls(state, lang), _time(lang), _layers_control(state, lang),
            html.Div([html.Div([region, html.Div(id=ids.MAP_LEGEND, className="map-legend")],
                               className="map-column"), profile], className="map-layout"),
            hint=t("map.hint", lang),
        ),
    )
