"""Tổng quan (Overview): are we on target, where is it going wrong, is it getting better?

KPI cards from the indicator catalogue, a "needs attention" list and the district league table for one
period and area. The view lives in the URL: ``?grain=quarter&period=2025-Q4&district=474&lang=en``.
"""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import dcc, html

import ids
from i18n import normalize_lang, t
from pages import _parts as parts

dash.register_page(
    __name__,
    path="/",
    name=t("page.overview", "vi"),
    name_key="page.overview",
    order=0,
    title=f"{t('page.overview', 'vi')} · Huế IOC Analytics",
)

#: The area dropdown's value for the whole province (no ``district`` in the URL).
PROVINCE = "province"
#: Period grains, as queries/kpi_periods.py names them (pages do not import queries).
GRAINS = ("month", "quarter", "year")
DEFAULT_GRAIN = "month"


def view_state(lang=None, grain=None, period=None, district=None) -> dict:
    """The page state as the URL gives it; callbacks/overview.py checks it against the data."""
    grain = parts.one(grain)
    return {
        "lang": normalize_lang(lang),
        "grain": grain if grain in GRAINS else DEFAULT_GRAIN,
        "period": parts.one(period),
        "district": parts.one(district),
    }


def _dropdown(dropdown_id: str, value: str | None, text: str | None) -> dcc.Dropdown:
    # The chosen value is an option from the start; the callback replaces the list with labelled ones.
    return dcc.Dropdown(
        id=dropdown_id,
        value=value,
        options=[{"label": text or value, "value": value}] if value else [],
        clearable=False,
        searchable=False,
    )


def _filters(state: dict, lang: str) -> dmc.SimpleGrid:
    grains = [{"value": g, "label": t(f"overview.grain.{g}", lang)} for g in GRAINS]
    area = state["district"] or PROVINCE
    return dmc.SimpleGrid(
        cols={"base": 1, "sm": 3},
        spacing="sm",
        className="overview-filters",
        children=[
            parts.field(
                t("overview.grain", lang),
                dmc.SegmentedControl(
                    id=ids.OVERVIEW_GRAIN, data=grains, value=state["grain"], fullWidth=True
                ),
            ),
            parts.field(t("overview.period", lang), _dropdown(ids.OVERVIEW_PERIOD, state["period"], None)),
            parts.field(
                t("overview.area", lang),
                _dropdown(
                    ids.OVERVIEW_AREA, area, t("overview.province", lang) if area == PROVINCE else None
                ),
            ),
        ],
    )


def _league(lang: str):
    grid = parts.grid(ids.OVERVIEW_LEAGUE_GRID, lang)
    grid.getRowId = "params.data.area_code"
    grid.dashGridOptions = {
        **grid.dashGridOptions,
        "rowClassRules": {"overview-row-selected": "params.data.selected === true"},
        "tooltipShowDelay": 300,
    }
    grid.className = "grid overview-league"
    return grid


def layout(lang=None, grain=None, period=None, district=None, **_: object):
    """The page; the view comes from the query string and is filled by callbacks/overview.py."""
    state = view_state(lang, grain, period, district)
    lang = state["lang"]
    return parts.page(
        ids.OVERVIEW_MAIN,
        t("overview.title", lang),
        t("overview.intro", lang),
        dcc.Store(id=ids.OVERVIEW_STATE, data=state),
        dcc.Store(id=ids.OVERVIEW_VIEW),
        _filters(state, lang),
        parts.section(
            t("overview.attention", lang),
            html.Div(id=ids.OVERVIEW_ATTENTION, className="overview-attention"),
            hint=t("overview.attention_hint", lang),
        ),
        parts.section(
            t("overview.cards", lang),
            html.P(id=ids.OVERVIEW_CARDS_TITLE, className="overview-scope"),
            html.Div(id=ids.OVERVIEW_CARDS, className="overview-cards"),
            hint=t("overview.rule", lang),
        ),
        parts.section(t("overview.league", lang), _league(lang), hint=t("overview.league_hint", lang)),
    )
