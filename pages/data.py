"""Dữ liệu (Data quality): last load per source, freshness, rows left out and why, files read."""

from __future__ import annotations

import dash
import dash_mantine_components as dmc
from dash import dcc

import ids
from i18n import label, normalize_lang, rule_label, t
from pages import _parts as parts

dash.register_page(
    __name__,
    path="/data",
    name=t("page.data", "vi"),
    name_key="page.data",
    order=90,
    title=f"{t('page.data', 'vi')} · Huế IOC Analytics",
)


def _dropdown(dropdown_id: str, value: str | None, text: str | None, lang: str) -> dcc.Dropdown:
    # The chosen value is an option from the start, so the dropdown keeps it until the callback
    # fills the full list.
    return dcc.Dropdown(
        id=dropdown_id,
        value=value,
        options=[{"label": text, "value": value}] if value else [],
        placeholder=t("common.all", lang),
        clearable=True,
        searchable=False,
    )


def _filters(source: str | None, rule: str | None, lang: str) -> dmc.SimpleGrid:
    return dmc.SimpleGrid(
        cols={"base": 1, "sm": 2},
        spacing="sm",
        mb="sm",
        children=[
            parts.field(
                t("data.source", lang),
                _dropdown(ids.DATA_SOURCE_DROPDOWN, source, label("source", source, lang), lang),
            ),
            parts.field(
                t("data.rule", lang),
                _dropdown(ids.DATA_RULE_DROPDOWN, rule, rule_label(rule or "", lang), lang),
            ),
        ],
    )


def layout(lang: str | None = None, source: str | None = None, rule: str | None = None, **_: object):
    """The page; filters come from the query string (``?source=health&rule=bad_period&lang=en``)."""
    lang, source, rule = normalize_lang(lang), parts.one(source), parts.one(rule)
    return parts.page(
        ids.DATA_MAIN,
        t("data.title", lang),
        t("data.intro", lang),
        dcc.Store(id=ids.DATA_STATE, data={"lang": lang, "source": source, "rule": rule}),
        parts.section(t("data.lastload", lang), parts.grid(ids.DATA_LASTLOAD_GRID, lang)),
        parts.section(
            t("data.freshness", lang),
            parts.grid(ids.DATA_FRESHNESS_GRID, lang),
            hint=t("data.freshness_hint", lang),
        ),
        parts.lazy(ids.DATA_REJECTED_PART, parts.section(t("data.rejected", lang), parts.graph(ids.DATA_REJECTED_GRAPH))),
        parts.lazy(
            ids.DATA_SAMPLE_PART,
            parts.section(
                t("data.sample", lang),
                _filters(source, rule, lang),
                parts.grid(ids.DATA_SAMPLE_GRID, lang, height=420),
                hint=t("data.sample_hint", lang),
            ),
        ),
        # every file ever loaded: a fixed height lets the grid draw only the rows in view
        parts.lazy(
            ids.DATA_FILES_PART,
            parts.section(t("data.files", lang), parts.grid(ids.DATA_FILES_GRID, lang, height=420)),
        ),
    )
