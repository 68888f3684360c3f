"""Callbacks of the feedback page's figures and KPI cards: each reads the page state, asks a query and
hands the frame to a builder. The cards and the volume chart, on the first screen, read the URL's params
and check them (callbacks/feedback.py); the sections below read the checked state once seen."""

from __future__ import annotations

from datetime import date

from dash import Output, callback

import ids
from callbacks import cards_feedback as cards
from callbacks import figures_feedback as figs
from callbacks import figures_feedback_handling as handling_figs
from callbacks import lazy
from callbacks import tables_feedback as tables
from callbacks.feedback import PARAMS, default_params, fill_filters, filters_of, state_of
from callbacks.remembered import remembered
from queries import feedback, feedback_handling, feedback_volume
from queries.db import or_empty
from queries.warm import warmer

#: What each lazy section's callbacks read: the page state, once the section has neared the screen.
SHARES = lazy.section_state(ids.FEEDBACK_SHARES_PART, ids.FEEDBACK_STATE)
REASONS = lazy.section_state(ids.FEEDBACK_REASONS_PART, ids.FEEDBACK_STATE)
AGENCIES = lazy.section_state(ids.FEEDBACK_AGENCIES_PART, ids.FEEDBACK_STATE)
HANDLING = lazy.section_state(ids.FEEDBACK_HANDLING_PART, ids.FEEDBACK_STATE)
RATINGS = lazy.section_state(ids.FEEDBACK_RATINGS_PART, ids.FEEDBACK_STATE)
PER_10K = lazy.section_state(ids.FEEDBACK_PER10K_PART, ids.FEEDBACK_STATE)
LAZY = {"prevent_initial_call": True}


def _as_of(state: dict) -> date:
    return date.fromisoformat(state["as_of"])


@callback(Output(ids.FEEDBACK_KPIS, "children"), PARAMS)
@remembered
def show_summary(params: dict):
    """The KPI cards."""
    state = state_of(params)
    filters, lang = filters_of(state), state["lang"]
    summary = or_empty(feedback_volume.summary, filters)
    backlog = or_empty(feedback_handling.backlog_by_age, filters, _as_of(state))
    target = or_empty(feedback.on_time_target)
    return cards.kpi_cards(summary, backlog, target, state, lang)


@warmer
def _warm_the_first_view() -> None:
    """After a load, build the first screen of the page opened without filters, in both languages, and
    ask the lists its filters offer (a scan of every report for the categories and agencies)."""
    for lang in ("vi", "en"):
        show_summary(default_params(lang)), show_volume(default_params(lang)), fill_filters(default_params(lang))


@callback(Output(ids.FEEDBACK_VOLUME, "figure"), PARAMS)
@remembered
def show_volume(params: dict):
    state = state_of(params)
    filters, grain, split = filters_of(state), state["grain"], state["by"]
    frame = or_empty(feedback_volume.volume_over_time, filters, grain, split)
    previous = or_empty(feedback_volume.volume_previous_year, filters, grain)
    return figs.volume_chart(frame, previous, split, grain, state["lang"])


@callback(Output(ids.FEEDBACK_CATEGORY_GRAPH, "figure"), Output(ids.FEEDBACK_CHANNEL_GRAPH, "figure"), SHARES, **LAZY)
@remembered
def show_shares(state: dict):
    filters, lang = filters_of(state), state["lang"]
    return (
        figs.share_bars(
            or_empty(feedback_volume.volume_by, filters, "category"), "category", lang, state.get("category")
        ),
        figs.share_bars(
            or_empty(feedback_volume.volume_by, filters, "channel"), "channel", lang, state.get("channel")
        ),
    )


@callback(Output(ids.FEEDBACK_FUNNEL, "figure"), REASONS, **LAZY)
@remembered
def show_funnel(state: dict):
    """The status funnel, from the summary the cards read (the query's cache answers it)."""
    return figs.funnel(or_empty(feedback_volume.summary, filters_of(state)), state["lang"])


@callback(Output(ids.FEEDBACK_REASONS, "figure"), REASONS, **LAZY)
@remembered
def show_reasons(state: dict):
    return figs.reasons_bar(or_empty(feedback_volume.not_verified_reasons, filters_of(state)), state["lang"])


@callback(
    Output(ids.FEEDBACK_AGENCY_GRID, "columnDefs"),
    Output(ids.FEEDBACK_AGENCY_GRID, "rowData"),
    Output(ids.FEEDBACK_TARGET, "children"),
    AGENCIES,
    **LAZY,
)
@remembered
def show_agencies(state: dict):
    lang = state["lang"]
    frame = or_empty(feedback_handling.agencies, filters_of(state), _as_of(state))
    target = or_empty(feedback.on_time_target)
    goal = None if target.empty else float(target.at[0, "target_value"])
    return (*tables.agency_grid(frame, goal, lang), cards.target_note(target, lang))


@callback(Output(ids.FEEDBACK_HANDLING, "figure"), HANDLING, **LAZY)
@remembered
def show_handling(state: dict):
    frame = or_empty(feedback_handling.handling_days_by_category, filters_of(state))
    return handling_figs.handling_boxes(frame, state["lang"])


@callback(Output(ids.FEEDBACK_BACKLOG, "figure"), Output(ids.FEEDBACK_BACKLOG_NOTE, "children"), HANDLING, **LAZY)
@remembered
def show_backlog(state: dict):
    frame = or_empty(feedback_handling.backlog_by_age, filters_of(state), _as_of(state))
    return handling_figs.backlog_bars(frame, state["lang"]), cards.backlog_note(state, state["lang"])


@callback(
    Output(ids.FEEDBACK_RATED_NOTE, "children"),
    Output(ids.FEEDBACK_RATING_TIME, "figure"),
    Output(ids.FEEDBACK_RATING_CATEGORY, "figure"),
    RATINGS,
    **LAZY,
)
@remembered
def show_ratings(state: dict):
    """How many answered, and the ratings over time and by category."""
    filters, lang = filters_of(state), state["lang"]
    summary = or_empty(feedback_volume.summary, filters)
    over_time = or_empty(feedback_handling.ratings_over_time, filters, state["grain"])
    by_category = or_empty(feedback_handling.ratings_by_category, filters)
    return (
        cards.rated_note(summary, lang),
        handling_figs.ratings_over_time(over_time, state["grain"], lang),
        handling_figs.ratings_by_category(by_category, lang),
    )


@callback(Output(ids.FEEDBACK_PER10K, "figure"), PER_10K, **LAZY)
@remembered
def show_per_10k(state: dict):
    frame = or_empty(feedback_volume.per_10k, filters_of(state))
    # districts are listed until one is chosen, then its communes: only a chosen commune stands out
    return figs.per_10k_bars(frame, state["lang"], state.get("commune"))
