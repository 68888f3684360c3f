"""Phản ánh hiện trường (Citizen feedback): volume, deadline compliance by agency, handling time in
working days, open backlog by age, satisfaction, reports per 10,000 residents, a hotspot map and the
record table. Every filter lives in the URL (``?district=474&start=2025-01-01&end=2025-12-31``).
"""

from __future__ import annotations

import dash
import dash_ag_grid as dag
import dash_leaflet as dl
import dash_mantine_components as dmc
from dash import dcc, html

import config
import ids
from i18n import normalize_lang, t
from pages import _parts as parts

dash.register_page(
    __name__,
    path="/feedback",
    name=t("page.feedback", "vi"),
    name_key="page.feedback",
    order=10,
    title=f"{t('page.feedback', 'vi')} · Huế IOC Analytics",
)

#: URL parameters the page understands (besides ``lang``).
PARAMS = ("start", "end", "district", "commune", "category", "agency", "channel", "status", "grain", "by")
#: The map's first view: the whole province. (A centre, not bounds: dash-leaflet's viewport tracking
#: compares against the centre prop.)
PROVINCE_CENTER, PROVINCE_ZOOM = [16.36, 107.6], 9
_DROPDOWNS = (
    ("district", ids.FEEDBACK_DISTRICT),
    ("commune", ids.FEEDBACK_COMMUNE),
    ("category", ids.FEEDBACK_CATEGORY),
    ("agency", ids.FEEDBACK_AGENCY),
    ("channel", ids.FEEDBACK_CHANNEL),
    ("status", ids.FEEDBACK_STATUS),
)


def _dropdown(name: str, dropdown_id: str, value: str | None, lang: str) -> html.Div:
    # The chosen value is an option from the start, so the dropdown keeps it until its list arrives.
    control = dcc.Dropdown(
        id=dropdown_id,
        value=value,
        options=[{"label": value, "value": value}] if value else [],
        placeholder=t("common.all", lang),
        clearable=True,
        searchable=name in ("commune", "agency"),
    )
    return parts.field(t(f"feedback.filter.{name}", lang), control)


def _filters(state: dict, lang: str) -> dmc.Paper:
    period = dcc.DatePickerRange(
        id=ids.FEEDBACK_PERIOD,
        start_date=state["start"],
        end_date=state["end"],
        display_format="DD/MM/YYYY" if lang == "vi" else "D MMM YYYY",
        first_day_of_week=1,
        start_date_placeholder_text=t("feedback.filter.start", lang),
        end_date_placeholder_text=t("feedback.filter.end", lang),
        updatemode="bothdates",
    )
    controls = [parts.field(t("feedback.filter.period", lang), period)]
    controls += [_dropdown(name, control_id, state[name], lang) for name, control_id in _DROPDOWNS]
    clear = dmc.Button(t("feedback.clear", lang), id=ids.FEEDBACK_CLEAR, variant="light", size="xs")
    return dmc.Paper(
        [
            dmc.SimpleGrid(cols={"base": 1, "xs": 2, "md": 4}, spacing="sm", children=controls),
            html.Div(
                [html.P(id=ids.FEEDBACK_ACTIVE, className="feedback-active"), clear], className="feedback-bar"
            ),
        ],
        className="section feedback-filters",
        withBorder=True,
        p="md",
    )


def _segmented(control_id: str, value: str, choices: tuple[str, ...], prefix: str, lang: str):
    return dmc.SegmentedControl(
        id=control_id,
        value=value,
        data=[{"label": t(f"{prefix}.{c}", lang), "value": c} for c in choices],
        size="xs",
    )


def _volume(state: dict, lang: str) -> dmc.Paper:
    controls = html.Div(
        [
            _segmented(ids.FEEDBACK_GRAIN, state["grain"], ("day", "week", "month"), "feedback.grain", lang),
            _segmented(ids.FEEDBACK_SPLIT, state["by"], ("category", "channel"), "feedback.by", lang),
        ],
        className="feedback-bar",
    )
    return parts.section(
        t("feedback.volume", lang),
        controls,
        parts.graph(ids.FEEDBACK_VOLUME),
        hint=t("feedback.volume_hint", lang),
    )


def _pair(*sections: object) -> html.Div:
    """Two sections side by side on wide screens, stacked on phones."""
    return html.Div(list(sections), className="feedback-pair")


def _map(lang: str) -> dmc.Paper:
    tiles = (
        [dl.TileLayer(url=config.TILE_URL, attribution=config.TILE_ATTRIBUTION)] if config.TILE_URL else []
    )
    layers = [
        dl.GeoJSON(
            id=ids.FEEDBACK_MAP_COMMUNES,
            style={"variable": "hueFeedbackMap.communeStyle"},
            onEachFeature={"variable": "hueFeedbackMap.communeTooltip"},
        ),
        dl.GeoJSON(
            id=ids.FEEDBACK_MAP_DISTRICTS,
            style={"variable": "hueFeedbackMap.districtStyle"},
            interactive=False,
        ),
        dl.GeoJSON(id=ids.FEEDBACK_MAP_CELLS, pointToLayer={"variable": "hueFeedbackMap.cell"}),
    ]
    leaflet = dl.Map(
        tiles + layers,
        id=ids.FEEDBACK_MAP,
        center=PROVINCE_CENTER,
        zoom=PROVINCE_ZOOM,
        minZoom=8,
        maxZoom=17,
        className="feedback-map",
    )
    return parts.section(
        t("feedback.map", lang),
        html.Div(leaflet, role="region", **{"aria-label": t("feedback.map", lang)}),
        html.Div(id=ids.FEEDBACK_MAP_LEGEND, className="feedback-legend"),
        html.P(id=ids.FEEDBACK_MAP_NOTE, className="section-hint feedback-note", **{"aria-live": "polite"}),
        hint=t("feedback.map_hint", lang),
    )


def _agency_grid(lang: str):
    grid = parts.grid(ids.FEEDBACK_AGENCY_GRID, lang, height=440)
    grid.getRowId = "params.data.agency"  # a click hands the agency to the cross-filter as the row id
    return grid


def _records(lang: str) -> dmc.Paper:
    grid = dag.AgGrid(
        id=ids.FEEDBACK_RECORDS_GRID,
        columnDefs=[],
        rowModelType="infinite",
        defaultColDef={"sortable": True, "resizable": True, "wrapHeaderText": True, "autoHeaderHeight": True},
        dashGridOptions={
            "pagination": True,
            "paginationPageSize": 20,
            "paginationPageSizeSelector": False,
            "cacheBlockSize": 20,
            "maxBlocksInCache": 5,
            "localeText": parts.grid_words(lang),
            "suppressCellFocus": True,
            "enableCellTextSelection": True,
        },
        className="grid",
        style={"height": "560px"},
    )
    export = html.A(t("feedback.export", lang), id=ids.FEEDBACK_EXPORT, className="reports-download", href=None)
    return parts.section(
        t("feedback.records", lang),
        html.Div(
            [html.P(id=ids.FEEDBACK_RECORDS_COUNT, className="feedback-active"), export],
            className="feedback-bar",
        ),
        grid,
        hint=t("feedback.records_hint", lang),
    )


def layout(lang: str | None = None, **query: object):
    """The page; filters come from the query string, checked and completed by callbacks/feedback.py."""
    lang = normalize_lang(lang)
    params = {name: parts.one(query.get(name)) for name in PARAMS}
    shown = {**params, "grain": params["grain"] or "month", "by": params["by"] or "category"}
    return parts.page(
        ids.FEEDBACK_MAIN,
        t("feedback.title", lang),
        t("feedback.intro", lang),
        dcc.Store(id=ids.FEEDBACK_PARAMS, data={"lang": lang, **params}),
        dcc.Store(id=ids.FEEDBACK_STATE),
        _filters(shown, lang),
        html.Div(id=ids.FEEDBACK_KPIS, className="feedback-kpis"),
        _volume(shown, lang),
        parts.lazy(
            ids.FEEDBACK_SHARES_PART,
            _pair(
                parts.section(
                    t("feedback.by_category", lang),
                    parts.graph(ids.FEEDBACK_CATEGORY_GRAPH),
                    hint=t("feedback.click_hint", lang),
                ),
                parts.section(t("feedback.by_channel", lang), parts.graph(ids.FEEDBACK_CHANNEL_GRAPH)),
            ),
        ),
        parts.lazy(
            ids.FEEDBACK_REASONS_PART,
            _pair(
                parts.section(
                    t("feedback.funnel", lang),
                    parts.graph(ids.FEEDBACK_FUNNEL),
                    hint=t("feedback.funnel_hint", lang),
                ),
                parts.section(t("feedback.reasons", lang), parts.graph(ids.FEEDBACK_REASONS)),
            ),
        ),
        parts.lazy(
            ids.FEEDBACK_AGENCIES_PART,
            parts.section(
                t("feedback.agencies", lang),
                html.P(id=ids.FEEDBACK_TARGET, className="section-hint"),
                _agency_grid(lang),
                hint=t("feedback.agencies_hint", lang),
            ),
        ),
        parts.lazy(
            ids.FEEDBACK_HANDLING_PART,
            _pair(
                parts.section(
                    t("feedback.handling", lang),
                    parts.graph(ids.FEEDBACK_HANDLING),
                    hint=t("feedback.handling_hint", lang),
                ),
                parts.section(
                    t("feedback.backlog", lang),
                    html.P(id=ids.FEEDBACK_BACKLOG_NOTE, className="section-hint"),
                    parts.graph(ids.FEEDBACK_BACKLOG),
                ),
            ),
        ),
        parts.lazy(
            ids.FEEDBACK_RATINGS_PART,
            parts.section(
                t("feedback.satisfaction", lang),
                html.P(id=ids.FEEDBACK_RATED_NOTE, className="feedback-rated"),
                _pair(parts.graph(ids.FEEDBACK_RATING_TIME), parts.graph(ids.FEEDBACK_RATING_CATEGORY)),
                hint=t("feedback.satisfaction_hint", lang),
            ),
        ),
        parts.lazy(
            ids.FEEDBACK_PER10K_PART,
            parts.section(
                t("feedback.per10k", lang), parts.graph(ids.FEEDBACK_PER10K), hint=t("feedback.per10k_hint", lang)
            ),
        ),
        parts.lazy(ids.FEEDBACK_MAP_PART, _map(lang)),
        parts.lazy(ids.FEEDBACK_RECORDS_PART, _records(lang)),
    )
