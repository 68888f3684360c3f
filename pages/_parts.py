"""Pieces every page uses: the page frame, a section card, a grid and a graph with the house defaults.

The leading underscore keeps Dash from registering this module as a page.
"""

from __future__ import annotations

import re

import dash_ag_grid as dag
import dash_mantine_components as dmc
from dash import dcc, html

import ids
from i18n import t

#: What a URL value may look like: codes, dates, ids and names (letters with accents, digits, spaces,
#: ``_ - – . , : / ( )``), at most 120 characters. Anything else (quotes, ``;``, ``<``, ``=``, huge
#: values) is dropped here so the page falls back to its default; callbacks then check the value
#: against the catalogue and the codes in the warehouse.
URL_VALUE = re.compile(r"[\w \-–.,:/()]{1,120}")


def one(value: object) -> str | None:
    """A single query-string value: the first of a repeated parameter, None for empty or malformed."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    return str(value) if value not in (None, "") and URL_VALUE.fullmatch(str(value)) else None


def page(main_id: str, title: str, intro: str, *children: object) -> html.Main:
    """The root of a page: its id (``<page>-page-main``), a heading, one line of introduction, content."""
    header = html.Header([html.H1(title, className="page-title"), html.P(intro, className="page-intro")])
    return html.Main([header, *children], id=main_id, className="page-main")


def section(title: str, *children: object, hint: str | None = None) -> dmc.Paper:
    """A titled card; ``hint`` is a short line under the title."""
    head = [html.H2(title, className="section-title")]
    if hint:
        head.append(html.P(hint, className="section-hint"))
    return dmc.Paper([*head, *children], className="section", withBorder=True, p="md")


def lazy(section: str, *content: object) -> html.Div:
    """Content drawn only once it nears the screen (assets/lazy_sections.js, callbacks/lazy.py).

    Until then its components wait, as JSON, in a store: a chart, grid or map below the fold costs the
    first view nothing, not even an empty frame. ``section`` names it (``<page>-<part>``); its callbacks
    read ``callbacks.lazy.section_state(section, …)``, and each callback's components live in one section.
    """
    waiting = [dcc.Store(id=ids.lazy_state(section)), *content]
    return html.Div(
        [
            dcc.Store(id=ids.lazy_seen(section), data=False),
            dcc.Store(id=ids.lazy_content(section), data=waiting),
            html.Div(id=ids.lazy_body(section), className="lazy-body"),
        ],
        className="lazy-section",
        **{"data-lazy-store": ids.lazy_seen(section)},
    )


def grid(grid_id: str, lang: str, height: int | None = None) -> dag.AgGrid:
    """An AG Grid filled by a callback; its overlays speak the page's language. No height: fits its rows."""
    options = {
        "domLayout": "normal" if height else "autoHeight",
        "localeText": {"noRowsToShow": t("empty.selection", lang), "loadingOoo": "…"},
        "suppressCellFocus": True,
        "enableCellTextSelection": True,
    }
    return dag.AgGrid(
        id=grid_id,
        columnDefs=[],
        rowData=None,
        defaultColDef={"sortable": True, "resizable": True, "wrapHeaderText": True, "autoHeaderHeight": True},
        columnSize="responsiveSizeToFit",
        dashGridOptions=options,
        className="grid",
        style={"height": f"{height}px"} if height else {},
    )


#: What a graph shows until its callback answers: no axes to lay out, so drawing it costs next to nothing
#: (plotly.js's default empty figure draws and measures a full set of axes).
BLANK_FIGURE = {"data": [], "layout": {"xaxis": {"visible": False}, "yaxis": {"visible": False}, "height": 360}}


def graph(graph_id: str, modebar: bool = False) -> dcc.Graph:
    """A Plotly graph; the tool bar (zoom, PNG download) only where it helps."""
    config = {
        "displaylogo": False,
        "responsive": True,
        "displayModeBar": "hover" if modebar else False,
        "modeBarButtonsToRemove": ["lasso2d", "select2d", "autoScale2d", "toggleSpikelines"],
    }
    return dcc.Graph(id=graph_id, figure=BLANK_FIGURE, config=config, className="graph")


def field(label_text: str, control: object) -> html.Div:
    """A labelled filter control."""
    return html.Div([html.Label(label_text, className="field-label"), control], className="field")


def grid_words(lang: str) -> dict:
    """AG Grid's own words (paging, empty, loading) and number separators in the page's language."""
    words = {
        key: t(f"grid.{key}", lang)
        for key in ("page", "of", "to", "more", "firstPage", "previousPage", "nextPage", "lastPage")
    }
    separators = {"thousandSeparator": ".", "decimalSeparator": ","} if lang == "vi" else {}
    return {"noRowsToShow": t("empty.selection", lang), "loadingOoo": "…", **words, **separators}
