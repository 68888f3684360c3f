"""Callbacks of the Dữ liệu (Data quality) page: each reads the page state, asks a query, hands the
frame to a builder. The page state (language and filters) comes from the URL; changing a filter
writes the URL, which re-renders the page with the new state.
"""

from __future__ import annotations

from dash import Input, Output, State, callback, ctx, no_update

import ids
from callbacks import figures, lazy, tables
from callbacks.remembered import remembered
from i18n import search
from queries import quality
from queries.db import or_empty

STATE = Input(ids.DATA_STATE, "data")
#: What each lazy section's callbacks read: the page state, once the section has neared the screen.
REJECTED = lazy.section_state(ids.DATA_REJECTED_PART, ids.DATA_STATE)
SAMPLE = lazy.section_state(ids.DATA_SAMPLE_PART, ids.DATA_STATE)
FILES = lazy.section_state(ids.DATA_FILES_PART, ids.DATA_STATE)


def _grid_outputs(grid_id: str) -> list[Output]:
    return [Output(grid_id, "columnDefs"), Output(grid_id, "rowData")]


@callback(*_grid_outputs(ids.DATA_LASTLOAD_GRID), STATE)
def show_last_load(state: dict):
    return tables.grid(or_empty(quality.last_load_per_source), tables.LAST_LOAD, state["lang"])


@callback(*_grid_outputs(ids.DATA_FRESHNESS_GRID), STATE)
def show_freshness(state: dict):
    return tables.grid(or_empty(quality.freshness), tables.FRESHNESS, state["lang"])


@callback(*_grid_outputs(ids.DATA_FILES_GRID), FILES, prevent_initial_call=True)
def show_files(state: dict):
    return tables.grid(or_empty(quality.files), tables.FILES, state["lang"])


@callback(Output(ids.DATA_REJECTED_GRAPH, "figure"), REJECTED, prevent_initial_call=True)
@remembered
def show_rejected(state: dict):
    return figures.rejected_bar(or_empty(quality.rejected_by_rule), state["lang"])


@callback(*_grid_outputs(ids.DATA_SAMPLE_GRID), SAMPLE, prevent_initial_call=True)
def show_sample(state: dict):
    frame = or_empty(quality.rejected_sample, state.get("source"), state.get("rule"))
    return tables.grid(frame, tables.SAMPLE, state["lang"])


@callback(
    Output(ids.DATA_SOURCE_DROPDOWN, "options"), Output(ids.DATA_RULE_DROPDOWN, "options"), SAMPLE,
    prevent_initial_call=True,
)
def fill_filters(state: dict):
    lang = state["lang"]
    sources = tables.options(or_empty(quality.rejected_sources), "source", "source", lang)
    rules = tables.options(or_empty(quality.rejected_rules, state.get("source")), "rule", "rule", lang)
    return sources, rules


@callback(
    Output(ids.APP_URL, "search", allow_duplicate=True),
    Input(ids.DATA_SOURCE_DROPDOWN, "value"),
    Input(ids.DATA_RULE_DROPDOWN, "value"),
    State(ids.DATA_STATE, "data"),
    prevent_initial_call=True,
)
def remember_filters(source: str | None, rule: str | None, state: dict):
    """Put the filters in the URL (a copied link reopens this view)."""
    return filters_search(source, rule, state, source_changed=ctx.triggered_id == ids.DATA_SOURCE_DROPDOWN)


def filters_search(source: str | None, rule: str | None, state: dict, source_changed: bool = False):
    """The query string for these filters in the page's language; a new source clears the rule."""
    if source_changed and source != state.get("source"):
        rule = None
    if (source, rule) == (state.get("source"), state.get("rule")):
        return no_update
    return search(state["lang"], source=source, rule=rule)
