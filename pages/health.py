"""Y tế (Health records): e-health record coverage by district and commune against the targets.

The view lives in the URL: ``?month=2025-12&district=474&commune=19744&level=commune&measure=complete``.
"""

from __future__ import annotations

import re

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
    path="/health",
    name=t("page.health", "vi"),
    name_key="page.health",
    order=20,
    title=f"{t('page.health', 'vi')} · Huế IOC Analytics",
)

LEVELS = ("district", "commune")
MEASURES = ("created", "complete")
#: Huế's centre and a zoom showing the whole province until the outlines arrive and are fitted.
MAP_CENTRE, MAP_ZOOM = (16.35, 107.6), 9


def _matching(value: object, pattern: str) -> str | None:
    """The single URL value if it has the expected shape, else None (a stray value never breaks the page)."""
    value = parts.one(value)
    return value if value and re.fullmatch(pattern, value) else None


def _choice(value: object, allowed: tuple[str, ...], default: str) -> str:
    value = parts.one(value)
    return value if value in allowed else default


def view_state(lang=None, month=None, district=None, commune=None, level=None, measure=None) -> dict:
    """The page state from the query string; communes are mapped by default once a district is chosen."""
    district = _matching(district, r"\d{3}")
    commune = _matching(commune, r"\d{5}")
    level = parts.one(level)
    return {
        "lang": normalize_lang(lang),
        "month": _matching(month, r"\d{4}-(0[1-9]|1[0-2])"),
        "district": district,
        "commune": commune,
        "level": _choice(level, LEVELS, "commune" if district or commune else "district"),
        "level_given": level in LEVELS,  # kept in the URL only when the reader chose it
        "measure": _choice(measure, MEASURES, "created"),
    }


def _dropdown(dropdown_id: str, value: str | None, placeholder: str, clearable: bool) -> dcc.Dropdown:
    # The chosen value is an option from the start, so the dropdown keeps it until the callback
    # fills the full list with labels.
    return dcc.Dropdown(
        id=dropdown_id,
        value=value,
        options=[{"label": value, "value": value}] if value else [],
        placeholder=placeholder,
        clearable=clearable,
        searchable=False,
    )


def _segmented(control_id: str, value: str, choices: tuple[str, ...], key: str, lang: str):
    data = [{"value": c, "label": t(f"{key}.{c}", lang)} for c in choices]
    return dmc.SegmentedControl(id=control_id, value=value, data=data, fullWidth=True, color="hue")


def _filters(state: dict) -> dmc.Paper:
    lang = state["lang"]
    controls = dmc.SimpleGrid(
        cols={"base": 1, "sm": 2, "lg": 4},
        spacing="sm",
        children=[
            parts.field(
                t("health.month", lang), _dropdown(ids.HEALTH_MONTH_DROPDOWN, state["month"], "…", False)
            ),
            parts.field(
                t("health.district", lang),
                _dropdown(
                    ids.HEALTH_DISTRICT_DROPDOWN, state["district"], t("health.all_districts", lang), True
                ),
            ),
            parts.field(
                t("health.level", lang),
                _segmented(ids.HEALTH_LEVEL_CONTROL, state["level"], LEVELS, "health.level", lang),
            ),
            parts.field(
                t("health.measure", lang),
                _segmented(ids.HEALTH_MEASURE_CONTROL, state["measure"], MEASURES, "health.measure", lang),
            ),
        ],
    )
    clear = html.Button(
        t("health.clear_commune", lang),
        id=ids.HEALTH_CLEAR_COMMUNE,
        className="health-clear" if state["commune"] else "health-clear health-hidden",
        type="button",
    )
    selection = html.Div([html.Span(id=ids.HEALTH_SELECTION), clear], className="health-selection")
    return dmc.Paper([controls, selection], className="section health-filters", withBorder=True, p="md")


def _map() -> html.Div:
    layers = []
    if config.TILE_URL:  # offline installs leave it empty: the outlines alone make the map
        layers.append(dl.TileLayer(url=config.TILE_URL, attribution=config.TILE_ATTRIBUTION))
    layers.append(
        dl.GeoJSON(
            id=ids.HEALTH_MAP_LAYER,
            data=None,
            zoomToBounds=True,
            style={"variable": "hueHealthMap.style"},
            onEachFeature={"variable": "hueHealthMap.bindTooltip"},
            hoverStyle={"variable": "hueHealthMap.hover"},
        )
    )
    leaflet = dl.MapContainer(
        layers,
        id=ids.HEALTH_MAP,
        center=MAP_CENTRE,
        zoom=MAP_ZOOM,
        zoomSnap=0.25,
        className="health-map",
        attributionControl=bool(config.TILE_URL),  # the tiles' licence asks for their credit
    )
    return html.Div(
        [
            leaflet,
            html.Div(
                [html.Div(id=ids.HEALTH_MAP_LEGEND), html.P(id=ids.HEALTH_MAP_NOTE, className="health-note")],
                className="health-map-side",
            ),
        ],
        className="health-map-wrap",
    )


def _gap(lang: str) -> list:
    button = html.Button(
        t("health.csv", lang), id=ids.HEALTH_GAP_CSV_BUTTON, className="health-csv", type="button"
    )
    return [
        html.P(id=ids.HEALTH_GAP_HINT, className="section-hint"),
        html.Div([button, dcc.Download(id=ids.HEALTH_GAP_CSV_DOWNLOAD)], className="health-actions"),
        parts.grid(ids.HEALTH_GAP_GRID, lang, height=480),
    ]


def layout(lang=None, month=None, district=None, commune=None, level=None, measure=None, **_: object):
    """The page; every filter comes from the query string so a copied link reopens the same view."""
    state = view_state(lang, month, district, commune, level, measure)
    lang = state["lang"]
    return parts.page(
        ids.HEALTH_MAIN,
        t("health.title", lang),
        t("health.intro", lang),
        dcc.Store(id=ids.HEALTH_STATE, data=state),
        _filters(state),
        parts.section(t("health.kpi", lang), html.Div(id=ids.HEALTH_KPI, className="health-kpis")),
        parts.section(t("health.map", lang), _map(), hint=t("health.map_hint", lang)),
        parts.lazy(
            ids.HEALTH_TREND_PART,
            parts.section(
                t("health.trend", lang),
                parts.graph(ids.HEALTH_TREND_GRAPH, modebar=True),
                hint=t("health.trend_hint", lang),
            ),
        ),
        parts.lazy(ids.HEALTH_GAP_PART, parts.section(t("health.gap", lang), *_gap(lang))),
        parts.lazy(
            ids.HEALTH_CHECKS_PART, parts.section(t("health.checks", lang), html.Div(id=ids.HEALTH_CHECKS))
        ),
    )
