"""Callbacks of the Tổng quan (Overview) page.

The URL state is resolved against the data into the view (period, area); the view fills the cards, the
"needs attention" list and the league table from ONE board computation (the board's indicator statement
is cached, so a change of area re-uses it). Both steps run in one callback, ``show_page``: as a chain of
two the page waited a second round trip (and a second pass of Dash's renderer) before its cards.
Changing a picker or clicking a league row writes the URL, which re-renders the page with the new view.
"""

from __future__ import annotations

import itertools

from dash import Input, Output, State, callback, ctx, html

import ids
from callbacks import cards_overview, overview_view
from callbacks.format_overview import period_label
from callbacks.remembered import remembered
from i18n import t
from queries import kpi, kpi_board, kpi_periods
from queries.db import or_empty
from queries.warm import warmer

URL = Output(ids.APP_URL, "search", allow_duplicate=True)


@callback(
    Output(ids.OVERVIEW_VIEW, "data"),
    Output(ids.OVERVIEW_PERIOD, "options"),
    Output(ids.OVERVIEW_PERIOD, "value"),
    Output(ids.OVERVIEW_AREA, "options"),
    Output(ids.OVERVIEW_AREA, "value"),
    Output(ids.OVERVIEW_CARDS_TITLE, "children"),
    Output(ids.OVERVIEW_CARDS, "children"),
    Output(ids.OVERVIEW_ATTENTION, "children"),
    Output(ids.OVERVIEW_LEAGUE_GRID, "columnDefs"),
    Output(ids.OVERVIEW_LEAGUE_GRID, "rowData"),
    Input(ids.OVERVIEW_STATE, "data"),
)
def show_page(state: dict):
    """The checked view with its pickers, then what it shows (resolve_view, then show_overview)."""
    resolved = resolve_view(state)
    return (*resolved, *show_overview(resolved[0]))


def resolve_view(state: dict):
    """Check the URL's period and district against the data; fill the pickers."""
    areas = or_empty(kpi.areas)
    view = overview_view.resolve(state, or_empty(kpi.data_dates), areas)
    area = view["district"] or overview_view.PROVINCE
    return (
        view,
        overview_view.period_options(view),
        view["period"],
        overview_view.area_options(areas, view["lang"]),
        area,
    )


def _no_period(lang: str):
    message = html.P(t("overview.no_period", lang), className="overview-empty")
    return "", message, message, [], []


@remembered
def show_overview(view: dict):
    """KPI cards of the chosen area, the off-target list and the district league table."""
    lang, period = view["lang"], overview_view.period_of(view)
    if period is None:
        return _no_period(lang)
    history = or_empty(kpi_board.history, period)
    board = or_empty(kpi_board.board, period)
    names = overview_view.district_names(or_empty(kpi.areas))
    area = view["district"] or view["province"]
    area_name = names.get(view["district"]) or t("overview.province", lang)
    title = f"{area_name} · {period_label(period, lang)}"
    if board.empty:
        empty = html.P(t("empty.selection", lang), className="overview-empty")
        return title, empty, empty, *cards_overview.league_grid(board, {}, None, lang)
    sparks = kpi_board.sparklines(history, area, period)
    cards = cards_overview.kpi_cards(board, area, sparks, period, view["district"], lang)
    attention = cards_overview.attention_list(
        kpi_board.needs_attention(board, view["district"]),
        {**names, view["province"]: t("overview.province", lang)},
        period,
        view["province"],
        lang,
    )
    return title, cards, attention, *cards_overview.league_grid(board, names, view["district"], lang)


@callback(
    URL,
    Input(ids.OVERVIEW_GRAIN, "value"),
    Input(ids.OVERVIEW_PERIOD, "value"),
    Input(ids.OVERVIEW_AREA, "value"),
    State(ids.OVERVIEW_VIEW, "data"),
    prevent_initial_call=True,
)
def remember_filters(grain: str, period: str | None, area: str | None, view: dict | None):
    """Put the chosen grain, period and area in the URL (a copied link reopens this view)."""
    return overview_view.filters_search(grain, period, area, view, ctx.triggered_id == ids.OVERVIEW_GRAIN)


@callback(
    URL,
    Input(ids.OVERVIEW_LEAGUE_GRID, "cellClicked"),
    State(ids.OVERVIEW_VIEW, "data"),
    prevent_initial_call=True,
)
def choose_district(cell: dict | None, view: dict | None):
    """A click on a league-table row shows that district."""
    return overview_view.district_search((cell or {}).get("rowId"), view)


@warmer
def _warm_the_first_view() -> None:
    """After a load, build the views leaders open first, in both languages: the province in the latest
    complete month, and in the latest quarter and year that one click on the grain switches to."""
    for lang, grain in itertools.product(("vi", "en"), kpi_periods.GRAINS):
        view = resolve_view({"lang": lang, "grain": grain})[0]
        if view.get("period"):
            show_overview(view)
