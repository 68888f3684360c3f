"""The page state as a lazy section sees it (pages/_parts.lazy): copied from the page's state store once
the section has neared the screen, and on every change after that.

A section's callbacks take ``section_state(...)`` instead of the page state, with
``prevent_initial_call=True``: they run when the reader scrolls to the section, not with the first view.
The copy is a clientside callback, so gating costs no request.
"""

from __future__ import annotations

from dash import Input, Output, clientside_callback

import ids

_COPY_WHEN_SEEN = """(state, seen) => (seen && state) ? state : window.dash_clientside.no_update"""


def section_state(section: str, page_state_id: str) -> Input:
    """Register the copy for ``section`` and return the Input its callbacks read."""
    clientside_callback(
        _COPY_WHEN_SEEN,
        Output(ids.lazy_state(section), "data"),
        Input(page_state_id, "data"),
        Input(ids.lazy_seen(section), "data"),
    )
    return Input(ids.lazy_state(section), "data")
