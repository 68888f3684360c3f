"""Pure builders of the overview: KPI cards, the "needs attention" list and the district league grid.

Each takes board rows (``queries.kpi_board.board``) and a language and returns components or
``(columnDefs, rowData)``; an empty board gives an explicit empty state.
"""

from __future__ import annotations

import dash_mantine_components as dmc
import pandas as pd
from dash import dcc, html

import ids
from callbacks import tables
from callbacks.figures_overview import sparkline
from callbacks.format_overview import (
    SYMBOLS,
    change,
    school_year,
    status_text,
    target_hover,
    target_text,
    tone,
    value_text,
)
from i18n import fmt_percent, href, is_missing, t
from queries import indicators
from queries.indicators import Indicator
from queries.kpi_board import Spark
from queries.kpi_periods import Period

DOMAINS = ("feedback", "health", "schools", "traffic", "other")
_NO_SPARK = Spark([], [])


def detail_href(page: str, period: Period, district: str | None, lang: str) -> str:
    """Link to an indicator's page with the area and the period in that page's own parameters."""
    if page == "/health":
        return href(page, lang, month=period.last_day.strftime("%Y-%m"), district=district)
    if page == "/schools":
        return href(page, lang, year=school_year(period.last_day), district=district)
    return href(
        page, lang, start=period.start.isoformat(), end=period.last_day.isoformat(), district=district
    )


def _status_badge(status: str, lang: str) -> html.Span:
    return html.Span(status_text(status, lang), className=f"kpi-status status-cell status-{tone(status)}")


def _target_line(entry: Indicator, row: dict, lang: str) -> html.P:
    parts: list = [t("overview.target", lang, value=target_text(entry, row, lang))]
    if row.get("target_estimate"):
        parts.append(html.Span(t("overview.estimate_target", lang), className="kpi-tag kpi-tag-estimate"))
    elif row.get("target_basis") == "default":
        parts.append(html.Span(t("overview.default_tag", lang), className="kpi-tag"))
    return html.P(parts, className="kpi-target", title=target_hover(row, lang) or None)


def _change_lines(entry: Indicator, row: dict, lang: str) -> html.Div:
    lines = []
    for column, key in (("previous", "overview.vs_previous"), ("last_year", "overview.vs_last_year")):
        text, direction = change(entry, row["value"], row[column], lang)
        lines.append(html.P([html.Span(text, className=f"kpi-change-{direction}"), f" {t(key, lang)}"]))
    return html.Div(lines, className="kpi-changes")


def _notes(entry: Indicator, row: dict, lang: str) -> list:
    notes = []
    if entry.detail == "rated_pct" and row.get("detail") is not None:
        notes.append(
            html.P(t("overview.rated", lang, value=fmt_percent(row["detail"], lang)), className="kpi-note")
        )
    if entry.population_based:
        notes.append(
            html.P(
                html.Span(t("overview.population_estimate", lang), className="kpi-tag kpi-tag-estimate"),
                className="kpi-note",
                title=t("overview.population_estimate_hint", lang),
            )
        )
    return notes


def kpi_card(entry: Indicator, row: dict, spark: Spark, period: Period, link: str, lang: str):
    """One indicator: name (definition on hover), value, status, target, sparkline, changes, notes."""
    head = html.Div(
        [
            html.H3(t(entry.name_key, lang), className="kpi-name", title=t(entry.hint_key, lang)),
            _status_badge(row["status"], lang),
        ],
        className="kpi-head",
    )
    graph = sparkline(
        ids.overview_spark(entry.id), spark, entry, period.grain, lang,
        None if is_missing(row["target"]) else row["target"],
    )
    body = [
        head,
        html.P(value_text(entry, row["value"], lang), className="kpi-value"),
        _target_line(entry, row, lang),
        graph,
        _change_lines(entry, row, lang),
        *_notes(entry, row, lang),
        dcc.Link(t("overview.details", lang), href=link, className="kpi-link"),
    ]
    return dmc.Paper(
        body,
        id=ids.overview_card(entry.id),
        className=f"kpi-card kpi-{tone(row['status'])}",
        withBorder=True,
        p="sm",
    )


def kpi_cards(
    board: pd.DataFrame,
    area: str,
    sparks: dict[str, Spark],
    period: Period,
    district: str | None,
    lang: str,
) -> list:
    """The cards of one area, grouped by domain; ``sparks`` maps an indicator to its sparkline points."""
    rows = board[board["area_code"] == area]
    if rows.empty:
        return [html.P(t("empty.selection", lang), className="overview-empty")]
    by_id = {r["indicator_id"]: r for r in rows.to_dict("records")}
    groups = []
    for domain in DOMAINS:
        entries = [e for e in indicators.all_indicators() if e.domain == domain and e.id in by_id]
        if not entries:
            continue
        cards = [
            kpi_card(
                e,
                by_id[e.id],
                sparks.get(e.id, _NO_SPARK),
                period,
                detail_href(e.page, period, district, lang),
                lang,
            )
            for e in entries
        ]
        groups.append(
            html.Div(
                [
                    html.H3(t(f"indicator.domain.{domain}", lang), className="overview-domain"),
                    dmc.SimpleGrid(cards, cols={"base": 1, "xs": 2, "md": 3, "xl": 4}, spacing="sm"),
                ]
            )
        )
    return groups


def attention_list(rows: pd.DataFrame, names: dict[str, str], period: Period, province: str, lang: str):
    """Off-target (then at-risk) indicators and areas, worst first, each linking to its page."""
    if rows.empty:
        return html.P(t("overview.attention_none", lang), className="overview-empty")
    items = []
    for row in rows.to_dict("records"):
        entry = indicators.get(row["indicator_id"])
        district = None if row["area_code"] == province else row["area_code"]
        title = t(
            "overview.attention_item",
            lang,
            name=t(entry.name_key, lang),
            area=names.get(row["area_code"], row["area_code"]),
        )
        target = t("overview.target", lang, value=target_text(entry, row, lang))
        figures = f"{value_text(entry, row['value'], lang)} · {target}"
        items.append(
            html.Li(
                [
                    _status_badge(row["status"], lang),
                    html.Span(title, className="attention-name"),
                    html.Span(figures, className="attention-figures", title=target_hover(row, lang) or None),
                    dcc.Link(
                        t("overview.details", lang),
                        href=detail_href(entry.page, period, district, lang),
                        className="attention-link",
                    ),
                ],
                className="attention-item",
            )
        )
    return html.Ul(items, className="attention-list")


def _league_cell(entry: Indicator, found: dict | None, lang: str) -> dict:
    """The raw value (for sorting), its text with the status symbol, and the tone of one cell."""
    value, state = (None, "no_data") if found is None else (found["value"], found["status"])
    symbol, text = SYMBOLS.get(state), value_text(entry, value, lang, unit=False)
    return {
        entry.id: None if is_missing(value) else float(value),
        f"{entry.id}__text": f"{symbol} {text}" if symbol else text,
        f"{entry.id}__tone": tone(state),
    }


def league_grid(board: pd.DataFrame, names: dict[str, str], selected: str | None, lang: str):
    """``(columnDefs, rowData)``: one row per district, one status-coloured column per headline indicator."""
    entries = indicators.headline()
    columns = [tables.Column(e.id, e.name_key, "status", min_width=120) for e in entries]
    defs = tables.column_defs(columns, lang)
    for spec, entry in zip(defs, entries):
        spec["headerTooltip"] = t(entry.hint_key, lang)
    district = {
        "field": "name",
        "headerName": t("overview.col.district", lang),
        "pinned": "left",
        "minWidth": 120,
        "sortable": True,
    }
    by_area: dict[str, dict[str, dict]] = {}
    for record in board.to_dict("records"):
        if record["area_code"] in names:
            by_area.setdefault(record["area_code"], {})[record["indicator_id"]] = record
    rows = []
    for code in sorted(by_area):
        row = {"area_code": code, "name": names[code], "selected": code == selected}
        for entry in entries:
            row.update(_league_cell(entry, by_area[code].get(entry.id), lang))
        rows.append(row)
    return [district, *defs], rows
