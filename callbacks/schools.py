"""Callbacks of the Giáo dục (Schools) page: each reads the page state (language and filters from the
URL), asks a query and hands the frame to a builder. Changing a filter writes the URL, which re-renders
the page; the map's shading level, the comparison indicator and the search act on their own parts only.
"""

from __future__ import annotations

import re

from dash import Input, Output, State, callback, no_update

import ids
from callbacks import cards_schools, figures_schools, lazy, maps_schools, tables_schools
from callbacks.remembered import remembered
from i18n import label, search
from queries import schools
from queries.db import or_empty

STATE = Input(ids.SCHOOLS_STATE, "data")
#: What each lazy section's callbacks read: the page state, once the section has neared the screen.
TARGET = lazy.section_state(ids.SCHOOLS_TARGET_PART, ids.SCHOOLS_STATE)
COMPARE = lazy.section_state(ids.SCHOOLS_COMPARE_PART, ids.SCHOOLS_STATE)
TABLE = lazy.section_state(ids.SCHOOLS_TABLE_PART, ids.SCHOOLS_STATE)
_YEAR = re.compile(r"\d{4}-\d{4}")


def school_filter(state: dict) -> schools.SchoolFilter:
    """The filters the URL asked for, in stored form; a malformed year means the latest one."""
    year = state.get("year")
    return schools.SchoolFilter(
        year=year if year and _YEAR.fullmatch(year) else None,
        district=state.get("district"),
        level=schools.canonical(state.get("level"), schools.LEVELS),
        ownership=schools.canonical(state.get("ownership"), schools.OWNERSHIPS),
    )


@callback(
    Output(ids.SCHOOLS_YEAR_DROPDOWN, "options"),
    Output(ids.SCHOOLS_DISTRICT_DROPDOWN, "options"),
    Output(ids.SCHOOLS_LEVEL_DROPDOWN, "options"),
    Output(ids.SCHOOLS_OWNERSHIP_DROPDOWN, "options"),
    STATE,
)
def fill_filters(state: dict):
    lang = state["lang"]
    years = or_empty(schools.school_years)
    districts = or_empty(schools.districts)
    return (
        [{"label": y, "value": y} for y in years.get("school_year", [])],
        [
            {"label": maps_schools.area_name(r, lang), "value": r["code"]}
            for r in districts.to_dict("records")
        ],
        [{"label": label("schools.level", v, lang), "value": v} for v in schools.LEVELS],
        [{"label": label("schools.ownership", v, lang), "value": v} for v in schools.OWNERSHIPS],
    )


@callback(
    Output(ids.APP_URL, "search", allow_duplicate=True),
    Input(ids.SCHOOLS_YEAR_DROPDOWN, "value"),
    Input(ids.SCHOOLS_DISTRICT_DROPDOWN, "value"),
    Input(ids.SCHOOLS_LEVEL_DROPDOWN, "value"),
    Input(ids.SCHOOLS_OWNERSHIP_DROPDOWN, "value"),
    State(ids.SCHOOLS_STATE, "data"),
    prevent_initial_call=True,
)
def remember_filters(year, district, level, ownership, state: dict):
    """Put the filters in the URL (a copied link reopens this view)."""
    return filters_search({"year": year, "district": district, "level": level, "ownership": ownership}, state)


def filters_search(chosen: dict, state: dict):
    """The query string for these filters in the page's language; no update when nothing changed."""
    if all(chosen[k] == state.get(k) for k in chosen):
        return no_update
    return search(state["lang"], **chosen)


@callback(Output(ids.SCHOOLS_KPI_GRID, "children"), STATE)
@remembered
def show_kpis(state: dict):
    f = school_filter(state)
    return cards_schools.kpi_cards(
        or_empty(schools.summary, f),
        or_empty(schools.by_level, f),
        or_empty(schools.smart_thpt_by_year),
        or_empty(schools.province_target, schools.SMART_THPT_TARGET),
        or_empty(schools.province_target, schools.BROADBAND_TARGET),
        state["lang"],
    )


@callback(Output(ids.SCHOOLS_TARGET_GRAPH, "figure"), TARGET, prevent_initial_call=True)
@remembered
def show_target_progress(state: dict):
    return figures_schools.smart_target_progress(
        or_empty(schools.smart_thpt_by_year),
        or_empty(schools.province_target, schools.SMART_THPT_TARGET),
        state["lang"],
    )


@callback(Output(ids.SCHOOLS_POINTS_GEOJSON, "data"), Output(ids.SCHOOLS_MAP, "viewport"), STATE)
@remembered
def show_points(state: dict):
    points = or_empty(schools.school_points, school_filter(state))
    return maps_schools.school_points(points), maps_schools.viewport(points)


@callback(
    Output(ids.SCHOOLS_AREAS_GEOJSON, "data"),
    Output(ids.SCHOOLS_LEGEND, "children"),
    STATE,
    Input(ids.SCHOOLS_SHADE_SEGMENTED, "value"),
)
@remembered
def show_areas(state: dict, area_level: str | None):
    f, lang = school_filter(state), state["lang"]
    area_level = "commune" if area_level == "commune" else "district"
    shapes = or_empty(schools.area_shapes, area_level, f.district)
    data, bins_text = maps_schools.areas(shapes, or_empty(schools.area_ratios, f, area_level), lang)
    approximate = bool(not shapes.empty and shapes["geometry_quality"].eq("approximate").any())
    return data, maps_schools.legend(bins_text, approximate, lang)


# Two callbacks, one per place a school is clicked: the list is drawn only once scrolled to, and a
# callback's components must all be on the page.
@callback(Output(ids.SCHOOLS_SELECTED_STORE, "data"), Input(ids.SCHOOLS_POINTS_GEOJSON, "clickData"),
          prevent_initial_call=True)
def select_school_on_map(map_click: dict | None):
    """The school last clicked on the map (a feature)."""
    return ((map_click or {}).get("properties") or {}).get("school_id") or no_update


@callback(Output(ids.SCHOOLS_SELECTED_STORE, "data", allow_duplicate=True),
          Input(ids.SCHOOLS_TABLE_GRID, "cellClicked"), prevent_initial_call=True)
def select_school_in_list(row_click: dict | None):
    """The school last clicked in the list (a row, keyed by school id)."""
    return (row_click or {}).get("rowId") or no_update


@callback(Output(ids.SCHOOLS_CARD, "children"), Input(ids.SCHOOLS_SELECTED_STORE, "data"), STATE)
def show_school(school_id: str | None, state: dict):
    if not school_id:
        return no_update
    history = or_empty(schools.school_history, school_id)
    return cards_schools.school_card(history, school_filter(state).year, state["lang"])


@callback(
    Output(ids.SCHOOLS_DISTRICT_GRAPH, "figure"),
    Output(ids.SCHOOLS_LEVEL_GRAPH, "figure"),
    COMPARE,
    Input(ids.SCHOOLS_METRIC_DROPDOWN, "value"),
    prevent_initial_call=True,
)
@remembered
def show_comparison(state: dict | None, metric: str | None):
    if not state:  # the metric changed before the section was seen
        return no_update, no_update
    f, lang = school_filter(state), state["lang"]
    every = f.all_districts()
    return (
        figures_schools.district_bars(or_empty(schools.by_district, every), metric, f.district, lang),
        figures_schools.level_heatmap(or_empty(schools.by_district_level, every), metric, lang),
    )


@callback(
    Output(ids.SCHOOLS_TABLE_GRID, "columnDefs"),
    Output(ids.SCHOOLS_TABLE_GRID, "rowData"),
    TABLE,
    Input(ids.SCHOOLS_SEARCH_INPUT, "value"),
    prevent_initial_call=True,
)
@remembered
def show_table(state: dict | None, text: str | None):
    if not state:  # a search typed before the section was seen
        return no_update, no_update
    frame = or_empty(schools.school_table, school_filter(state), text)
    return tables_schools.school_list(frame, state["lang"])
