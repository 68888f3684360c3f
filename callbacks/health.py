"""Callbacks of the Y tế (Health records) page: each reads the page state, asks queries.health, hands
the frames to the builders and returns. The state (language, month, district, commune, map level and
measure) comes from the URL; a changed filter or a click on the map writes the URL (callbacks/
health_view.py), which re-renders the page with the new state.

One cached query holds every area in every month, so the callbacks of all views share it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cached_property

import pandas as pd
from dash import Input, Output, callback

import ids
from callbacks import cards_health, figures_health, gap_health, lazy, maps_health
from callbacks.remembered import remembered
from i18n import t
from queries import health
from queries.db import or_empty
from queries.health import Goals

STATE = Input(ids.HEALTH_STATE, "data")
#: What each lazy section's callbacks read: the page state, once the section has neared the screen.
TREND = lazy.section_state(ids.HEALTH_TREND_PART, ids.HEALTH_STATE)
GAP = lazy.section_state(ids.HEALTH_GAP_PART, ids.HEALTH_STATE)
CHECKS = lazy.section_state(ids.HEALTH_CHECKS_PART, ids.HEALTH_STATE)


@dataclass(frozen=True)
class Scope:
    """What the view looks at: the month, the district and commune chosen (names and district), the
    targets and, when asked for, the month's figures of every area."""

    month: date | None
    district: str | None
    commune: dict | None
    targets: pd.DataFrame

    @cached_property
    def areas(self) -> pd.DataFrame:
        """Every area in the month, with its progress against the target that applies to it."""
        return or_empty(health.coverage, self.month) if self.month else pd.DataFrame()

    def row(self, level: str, code: str | None, reported: bool = True) -> dict | None:
        """The area's row of the month (only if it reported, unless told otherwise), or None."""
        rows = health.rows_of(self.areas, level, reported=reported)
        rows = rows[rows["code"] == code] if code and not rows.empty else rows.iloc[0:0]
        return rows.iloc[0].to_dict() if not rows.empty else None

    def goals(self, district: str | None = None) -> Goals:
        return health.goals_for(self.targets, district)


def chosen_month(state: dict) -> date | None:
    """The month in the URL, else the latest month with figures (None when there are none)."""
    if state.get("month"):
        return date.fromisoformat(f"{state['month']}-01")
    periods = or_empty(health.months)
    return None if periods.empty else pd.Timestamp(periods["period"].iloc[0]).date()


def scope(state: dict) -> Scope:
    """The view's scope; a commune alone implies its district."""
    commune = None
    if state.get("commune"):
        communes = or_empty(health.communes)
        match = communes[communes["code"] == state["commune"]] if not communes.empty else communes
        commune = match.iloc[0].to_dict() if not match.empty else None
    district = state.get("district") or (commune or {}).get("district_code")
    return Scope(chosen_month(state), district, commune, or_empty(health.targets))


@callback(
    Output(ids.HEALTH_MONTH_DROPDOWN, "options"),
    Output(ids.HEALTH_MONTH_DROPDOWN, "value"),
    Output(ids.HEALTH_DISTRICT_DROPDOWN, "options"),
    STATE,
)
def fill_filters(state: dict):
    lang, month = state["lang"], chosen_month(state)
    months = [
        {"label": figures_health.month_text(p, lang), "value": pd.Timestamp(p).strftime("%Y-%m")}
        for p in or_empty(health.months).get("period", [])
    ]
    districts = [
        {"label": figures_health.area_name(r, lang), "value": r["code"]}
        for r in or_empty(health.districts).to_dict("records")
    ]
    return months, (month.strftime("%Y-%m") if month else None), districts


def _expected(view: Scope, district: str | None) -> int:
    """Communes that should report: every commune of the area known to ``areas`` or reporting."""
    return len(health.rows_of(view.areas, "commune", district, reported=False))


@callback(Output(ids.HEALTH_KPI, "children"), Output(ids.HEALTH_SELECTION, "children"), STATE)
@remembered
def show_kpis(state: dict):
    lang, view = state["lang"], scope(state)
    groups = [
        (t("health.scope.province", lang), view.row("province", health.PROVINCE), _expected(view, None))
    ]
    if view.district:
        named = view.row("district", view.district, reported=False) or {"code": view.district}
        title = t("health.scope.district", lang, name=figures_health.area_name(named, lang))
        groups.append((title, view.row("district", view.district), _expected(view, view.district)))
    selection = None
    if view.commune:
        name = figures_health.area_name(view.commune, lang)
        row = view.row("commune", view.commune["code"])
        groups.append((t("health.scope.commune", lang, name=name), row, None))
        selection = t("health.selected", lang, name=name)
    return cards_health.kpis(groups, view.month, lang), selection


@callback(
    Output(ids.HEALTH_MAP_LAYER, "data"),
    Output(ids.HEALTH_MAP_LAYER, "hideout"),
    Output(ids.HEALTH_MAP_LEGEND, "children"),
    Output(ids.HEALTH_MAP_NOTE, "children"),
    STATE,
)
@remembered
def show_map(state: dict):
    lang, level, measure = state["lang"], state["level"], state["measure"]
    view = scope(state)
    shapes = maps_health.shapes_in(or_empty(health.area_shapes, level), level, view.district)
    if shapes.empty:
        return None, {}, None, None
    goals = view.goals(view.district)
    target = float(goals[measure]["target_value"]) if measure in goals else 100.0
    coverage = health.rows_of(view.areas, level)
    selected = view.district if level == "district" else (view.commune or {}).get("code")
    return (
        maps_health.feature_collection(shapes, level),
        maps_health.hideout(shapes, coverage, measure, target, selected, lang),
        maps_health.legend(measure, target, view.month, lang),
        maps_health.note(shapes, lang),
    )


@callback(Output(ids.HEALTH_TREND_GRAPH, "figure"), TREND, prevent_initial_call=True)
@remembered
def show_trend(state: dict):
    lang, view = state["lang"], scope(state)
    commune = view.commune or {}
    frame = or_empty(health.trend, commune.get("code"))
    name = figures_health.area_name(commune, lang) if commune else None
    goals = view.goals(view.district)
    return figures_health.trend(frame, or_empty(health.districts), goals, lang, view.district, name)


@callback(
    Output(ids.HEALTH_GAP_GRID, "columnDefs"),
    Output(ids.HEALTH_GAP_GRID, "rowData"),
    Output(ids.HEALTH_GAP_HINT, "children"),
    GAP,
    prevent_initial_call=True,
)
@remembered
def show_gap(state: dict):
    lang, measure, view = state["lang"], state["measure"], scope(state)
    communes = health.rows_of(view.areas, "commune", view.district)
    districts = health.rows_of(view.areas, "district", reported=False)
    frame = gap_health.ranked(communes, districts, measure, lang)
    return (*gap_health.grid(frame, lang), gap_health.hint(view.goals(view.district), measure, lang))


@callback(Output(ids.HEALTH_CHECKS, "children"), CHECKS, prevent_initial_call=True)
@remembered
def show_checks(state: dict):
    lang, view = state["lang"], scope(state)
    if view.month is None or view.areas.empty:
        return cards_health.empty(lang)
    area = view.row("district", view.district) if view.district else view.row("province", health.PROVINCE)
    communes = health.rows_of(view.areas, "commune", view.district, reported=False)
    return cards_health.checks(communes, area, or_empty(health.rejected_counts), view.month, lang)
