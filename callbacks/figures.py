"""Pure figure builders: a small frame and a language in, a figure out (a plain dict, see ``plain``).

Every builder draws an explicit empty state for an empty frame. Number formats follow the language
through ``layout.separators`` (axes separate thousands in the "hue" template).
"""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from callbacks import theme
from i18n import fmt_number, label, plotly_separators, rule_label, t

_LABEL_MAX = 42
#: The product template as JSON, for figures built as plain dicts.
TEMPLATE_JSON = pio.templates[theme.TEMPLATE_NAME].to_plotly_json()


def base(lang: str, **layout: object) -> go.Figure:
    """An empty figure in the product template (Plotly's default, see ``theme``) with the language's number
    separators."""
    return go.Figure(layout={"separators": plotly_separators(lang), **layout})


def plain(lang: str, traces: list[dict], **layout: object) -> dict:
    """A figure as a plain dict in the product template with the language's number separators: how every
    chart with data on the pages is built (``empty``, and the briefing's charts printed as PNG through
    ``base``, still go through Plotly's objects).

    Plotly's object layer validates every property as it is set, which costs about three times the rest
    of building and sending a chart. Tests build a ``go.Figure`` from each plain figure, so an invalid
    property still fails there."""
    return {"data": traces, "layout": {"template": TEMPLATE_JSON, "separators": plotly_separators(lang), **layout}}


def days(column: pd.Series) -> np.ndarray:
    """Dates as whole days for a plain figure, sent as ``YYYY-MM-DD``: half the bytes of full timestamps
    in the response, the same instant to plotly.js. An array, not a frame's column (a frame would hold
    it as timestamps again)."""
    return pd.to_datetime(column).to_numpy().astype("datetime64[D]")


def measured_margins(top_value: float, lang: str, bottom: int = 40) -> dict:
    """Margins for a chart with dates below and counts up to ``top_value`` to the left, wide enough for
    its labels on a desktop screen. plotly.js's automargin only widens margins that are too narrow, and
    each widening lays the chart out again (a feedback volume chart: about 170 ms drawn from the
    template's small margins, 95 ms from these); on a phone, where dates tilt, it still widens them."""
    widest = len(fmt_number(top_value, lang))  # the longest tick label
    return {"margin": {"l": 34 + 8 * widest, "b": bottom}}  # the axis title's line, 12 px digits, a gap


def empty(lang: str, message_key: str = "empty.selection") -> go.Figure:
    """A blank figure that says why there is nothing to show."""
    fig = base(lang, height=220)
    fig.add_annotation(
        text=t(message_key, lang),
        x=0.5,
        y=0.5,
        xref="paper",
        yref="paper",
        showarrow=False,
        font={"size": 14, "color": theme.MUTED},
    )
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return fig


def _short(text: str) -> str:
    """At most two lines, so axis labels leave room for the bars on a phone."""
    text = text if len(text) <= _LABEL_MAX else text[: _LABEL_MAX - 1] + "…"
    return "<br>".join(textwrap.wrap(text, _LABEL_MAX // 2 + 2))


def _totals_text(totals: pd.DataFrame) -> dict:
    """Each bar's total written at its end, in the figure's number format."""
    return {
        "type": "scatter",
        "x": totals["rows"].to_numpy(),
        "y": totals["rule_text"].to_numpy(),
        "mode": "text",
        "texttemplate": " %{x:,d}",
        "textposition": "middle right",
        "showlegend": False,
        "hoverinfo": "skip",
        "cliponaxis": False,
        "textfont": {"color": theme.MUTED},
    }


def rejected_bar(frame: pd.DataFrame, lang: str) -> dict | go.Figure:
    """Horizontal bars of rows left out per rule, stacked by source, largest on top, totals at the end."""
    if frame.empty:
        return empty(lang)
    data = frame.assign(
        rule_text=[_short(rule_label(r, lang, reason)) for r, reason in zip(frame["rule"], frame["reason"])],
        source_text=[label("source", s, lang) for s in frame["source"]],
    )
    totals = data.groupby("rule_text", as_index=False)["rows"].sum().sort_values("rows")
    bars = [
        {
            "type": "bar",
            "x": part["rows"].to_numpy(),
            "y": part["rule_text"].to_numpy(),
            "name": part["source_text"].iloc[0],
            "orientation": "h",
            "marker": {"color": theme.SOURCE_COLOURS.get(source)},
            "hovertemplate": "%{y}<br>%{fullData.name}: %{x:,d}<extra></extra>",
        }
        for source, part in data.groupby("source", sort=True)
    ]
    return plain(
        lang,
        [*bars, _totals_text(totals)],
        barmode="stack",
        height=110 + 34 * len(totals),
        yaxis={"categoryorder": "array", "categoryarray": list(totals["rule_text"])},
        xaxis={"title": {"text": t("data.rows_axis", lang)}, "rangemode": "tozero",
               "range": [0, float(totals["rows"].max()) * 1.15]},
        legend={"traceorder": "normal"},
        margin={"r": 56},
    )
