"""Dự báo (Forecasts): one stored forecast at a time, with its history, bands, backtest and target date."""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import dcc, html

import ids
from i18n import normalize_lang, t
from pages import _parts as parts

dash.register_page(
    __name__,
    path="/forecasts",
    name=t("page.forecasts", "vi"),
    name_key="page.forecasts",
    order=70,
    title=f"{t('page.forecasts', 'vi')} · Huế IOC Analytics",
)


def _picker(dropdown_id: str, lang: str) -> dcc.Dropdown:
    # Options and value arrive with the callback that checks the URL's choice against the stored series.
    return dcc.Dropdown(id=dropdown_id, options=[], value=None, clearable=False, searchable=False,
                        placeholder=t("forecasts.indicator", lang) if dropdown_id == ids.FORECASTS_INDICATOR
                        else None)


def _filters(lang: str) -> dmc.SimpleGrid:
    key_field = html.Div(
        [html.Label(t("forecasts.key", lang), id=ids.FORECASTS_KEY_LABEL, className="field-label"),
         _picker(ids.FORECASTS_KEY, lang)],
        className="field",
    )
    return dmc.SimpleGrid(
        cols={"base": 1, "sm": 3},
        spacing="sm",
        mb="sm",
        children=[
            parts.field(t("forecasts.indicator", lang), _picker(ids.FORECASTS_INDICATOR, lang)),
            parts.field(t("forecasts.area", lang), _picker(ids.FORECASTS_AREA, lang)),
            key_field,
        ],
    )


def layout(lang: str | None = None, indicator: str | None = None, area: str | None = None,
           key: str | None = None, **_: object):
    """The page; the series comes from the query string (``?indicator=health_created_pct&area=474``)."""
    lang = normalize_lang(lang)
    state = {"lang": lang, "indicator": parts.one(indicator), "area": parts.one(area), "key": parts.one(key)}
    return parts.page(
        ids.FORECASTS_MAIN,
        t("forecasts.title", lang),
        t("forecasts.intro", lang),
        dcc.Store(id=ids.FORECASTS_STATE, data=state),
        dcc.Store(id=ids.FORECASTS_SELECTION),
        html.Div(id=ids.FORECASTS_EMPTY),
        parts.section(
            t("forecasts.chart", lang),
            _filters(lang),
            parts.graph(ids.FORECASTS_GRAPH),
            hint=t("forecasts.chart_hint", lang),
        ),
        dmc.SimpleGrid(
            cols={"base": 1, "md": 2},
            spacing="md",
            children=[
                parts.section(t("forecasts.trust", lang), html.Div(id=ids.FORECASTS_TRUST)),
                parts.section(t("forecasts.target", lang), html.Div(id=ids.FORECASTS_TARGET)),
            ],
        ),
    )
