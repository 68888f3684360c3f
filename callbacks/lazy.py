"""Lazy sections (pages/_parts.lazy): drawn once they near the screen, then fed the page state.

Two clientside callbacks per section, so gating costs no request:

- once the watcher (assets/lazy_sections.js) marks the section seen, its components are copied from
  their store into the page;
- the section's copy of the page state (a store among those components) follows the page state. It
  exists only once the section is drawn, so the section's callbacks, which read it with
  ``prevent_initial_call=True``, run when the reader scrolls to the section, not with the first view.

A callback whose components sit in two sections, or in a section and the first view, would find some of
them missing while the other is not drawn yet; tests/test_lazy_layout.py keeps every callback to one.
"""

from __future__ import annotations

from dash import Input, Output, State, clientside_callback

import ids

_DRAW_WHEN_SEEN = """(seen, content) => seen ? content : window.dash_clientside.no_update"""
_FOLLOW = """(state) => state || window.dash_clientside.no_update"""


def section_state(section: str, page_state_id: str) -> Input:
    """Register drawing and feeding ``section``; return the Input its callbacks read."""
    clientside_callback(
        _DRAW_WHEN_SEEN,
        Output(ids.lazy_body(section), "children"),
        Input(ids.lazy_seen(section), "data"),
        State(ids.lazy_content(section), "data"),
    )
    clientside_callback(_FOLLOW, Output(ids.lazy_state(section), "data"), Input(page_state_id, "data"))
    return Input(ids.lazy_state(section), "data")
