"""Giáo dục (Schools): schools by level and ownership, students per classroom, smart classrooms and
broadband, progress to the smart-school target, a map with a card per school, a searchable list.
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
    path="/schools",
    name=t("page.schools", "vi"),
    name_key="page.schools",
    order=30,
    title=f"{t('page.schools', 'vi')} · Huế IOC Analytics",
)

#: The province's centre, shown until the callback fits the map to the schools.
CENTRE = [16.4, 107.6]
METRICS = ("spc", "broadband", "smart_rooms", "smart_schools")


def _dropdown(dropdown_id: str, value: str | None, placeholder: str) -> dcc.Dropdown:
    # The chosen value is an option from the start (labelled by the callback that fills the list).
    return dcc.Dropdown(
        id=dropdown_id,
        value=value,
        options=[{"label": value, "value": value}] if value else [],
        placeholder=placeholder,
        clearable=True,
        searchable=False,
    )


def _filters(state: dict, lang: str) -> dmc.SimpleGrid:
    fields = [
        ("schools.year", ids.SCHOOLS_YEAR_DROPDOWN, "year"),
        ("schools.district", ids.SCHOOLS_DISTRICT_DROPDOWN, "district"),
        ("schools.level_filter", ids.SCHOOLS_LEVEL_DROPDOWN, "level"),
        ("schools.ownership_filter", ids.SCHOOLS_OWNERSHIP_DROPDOWN, "ownership"),
    ]
    return dmc.SimpleGrid(
        cols={"base": 1, "xs": 2, "md": 4},
        spacing="sm",
        children=[
            parts.field(
                t(key, lang),
                _dropdown(
                    dropdown_id,
                    state[name],
                    t("schools.year_latest" if name == "year" else "common.all", lang),
                ),
            )
            for key, dropdown_id, name in fields
        ],
    )


def _segmented(control_id: str, choices: tuple[str, ...], prefix: str, lang: str) -> dmc.SegmentedControl:
    return dmc.SegmentedControl(
        id=control_id,
        value=choices[0],
        data=[{"label": t(f"{prefix}.{c}", lang), "value": c} for c in choices],
        size="xs",
        className="schools-segmented",
    )


def _layers() -> list:
    """Optional base tiles, the district or commune shading, then the schools (clustered when zoomed out)."""
    tiles = (
        [dl.TileLayer(url=config.TILE_URL, attribution=config.TILE_ATTRIBUTION)] if config.TILE_URL else []
    )
    return [
        *tiles,
        dl.GeoJSON(id=ids.SCHOOLS_AREAS_GEOJSON, style={"variable": "hueSchoolsMap.areaStyle"}),
        dl.GeoJSON(
            id=ids.SCHOOLS_POINTS_GEOJSON,
            cluster=True,
            zoomToBoundsOnClick=True,
            superClusterOptions={"radius": 48, "maxZoom": 13},
            pointToLayer={"variable": "hueSchoolsMap.schoolMarker"},
            clusterToLayer={"variable": "hueSchoolsMap.clusterMarker"},
        ),
    ]


def _map(lang: str) -> html.Div:
    leaflet = dl.Map(
        _layers(),
        id=ids.SCHOOLS_MAP,
        center=CENTRE,
        zoom=9,
        minZoom=8,
        zoomSnap=0.25,
        className="schools-map",
    )
    shade = _segmented(ids.SCHOOLS_SHADE_SEGMENTED, ("district", "commune"), "schools.shade", lang)
    shade_label = html.Span(t("schools.shade", lang), className="field-label")
    return html.Div(
        [
            html.Div([shade_label, shade], className="schools-bar"),
            html.Div(leaflet, role="region", **{"aria-label": t("schools.map_label", lang)}),
            html.Div(id=ids.SCHOOLS_LEGEND, className="schools-legend"),
        ],
        className="schools-map-column",
    )


def _map_section(lang: str) -> dmc.Paper:
    card = html.Aside(
        html.P(t("schools.card.empty", lang), className="section-hint"),
        id=ids.SCHOOLS_CARD,
        className="schools-card",
        **{"aria-live": "polite"},
    )
    return parts.section(
        t("schools.map", lang),
        html.Div([_map(lang), card], className="schools-map-layout"),
        dcc.Store(id=ids.SCHOOLS_SELECTED_STORE),
        hint=t("schools.map_hint", lang),
    )


def _target(lang: str) -> dmc.Paper:
    graph = parts.graph(ids.SCHOOLS_TARGET_GRAPH)
    return parts.section(t("schools.target", lang), graph, hint=t("schools.target_hint", lang))


def _comparison(lang: str) -> dmc.Paper:
    metric = dcc.Dropdown(
        id=ids.SCHOOLS_METRIC_DROPDOWN,
        value=METRICS[0],
        options=[{"label": t(f"schools.metric.{m}", lang), "value": m} for m in METRICS],
        clearable=False,
        searchable=False,
    )
    return parts.section(
        t("schools.compare", lang),
        html.Div(parts.field(t("schools.metric", lang), metric), className="schools-metric"),
        html.Div(
            [parts.graph(ids.SCHOOLS_DISTRICT_GRAPH), parts.graph(ids.SCHOOLS_LEVEL_GRAPH)],
            className="schools-compare",
        ),
        hint=t("schools.compare_hint", lang),
    )


def _table(lang: str) -> dmc.Paper:
    search = dmc.TextInput(
        id=ids.SCHOOLS_SEARCH_INPUT,
        label=t("schools.search", lang),
        placeholder=t("schools.search_placeholder", lang),
        debounce=300,
        leftSection="⌕",
        className="schools-search",
    )
    grid = parts.grid(ids.SCHOOLS_TABLE_GRID, lang, height=480)
    grid.getRowId = "params.data.school_id"  # a clicked row names its school
    return parts.section(t("schools.table", lang), search, grid, hint=t("schools.table_hint", lang))


def layout(
    lang: str | None = None,
    year: str | None = None,
    district: str | None = None,
    level: str | None = None,
    ownership: str | None = None,
    **_: object,
):
    """The page; filters come from the query string (``?district=474&level=THPT&year=2024-2025``)."""
    lang = normalize_lang(lang)
    chosen = {"year": year, "district": district, "level": level, "ownership": ownership}
    state = {"lang": lang, **{name: parts.one(value) for name, value in chosen.items()}}
    return parts.page(
        ids.SCHOOLS_MAIN,
        t("schools.title", lang),
        t("schools.intro", lang),
        dcc.Store(id=ids.SCHOOLS_STATE, data=state),
        _filters(state, lang),
        html.Div(id=ids.SCHOOLS_KPI_GRID, className="schools-kpis"),
        _map_section(lang),
        parts.lazy(ids.SCHOOLS_TARGET_PART, _target(lang)),
        parts.lazy(ids.SCHOOLS_COMPARE_PART, _comparison(lang)),
        parts.lazy(ids.SCHOOLS_TABLE_PART, _table(lang)),
    )
