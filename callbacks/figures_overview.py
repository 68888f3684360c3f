"""Figures of the overview: the 12-period sparkline of a KPI card.

Sparklines are built as plain figure dicts carrying the "hue" template: the page shows fifteen of them
at once, and validating fifteen ``go.Figure`` objects costs more server time (~20 ms each) than all the
SQL behind the page.
"""

from __future__ import annotations

import pandas as pd
import plotly.io as pio

from callbacks import theme
from callbacks.format_overview import period_label, value_text
from i18n import plotly_separators, t
from queries.indicators import Indicator
from queries.kpi_periods import containing

SPARK_HEIGHT = 72
_TEMPLATE = pio.templates[theme.TEMPLATE_NAME].to_plotly_json()
_HIDDEN = {"visible": False, "fixedrange": True}


def _layout(lang: str, **extra: object) -> dict:
    return {
        "template": _TEMPLATE,
        "separators": plotly_separators(lang),
        "height": SPARK_HEIGHT,
        "margin": {"l": 2, "r": 2, "t": 6, "b": 6},
        "showlegend": False,
        "hovermode": "closest",
        "xaxis": dict(_HIDDEN),
        "yaxis": dict(_HIDDEN),
        **extra,
    }


def empty_spark(lang: str) -> dict:
    """A blank sparkline that says there is nothing to draw."""
    note = {
        "text": t("empty.selection", lang),
        "x": 0.5,
        "y": 0.5,
        "xref": "paper",
        "yref": "paper",
        "showarrow": False,
        "font": {"size": 11, "color": theme.MUTED},
    }
    return {"data": [], "layout": _layout(lang, annotations=[note])}


def _target_line(target: float) -> dict:
    line = {"color": theme.MUTED, "width": 1, "dash": "dot"}
    return {
        "type": "line",
        "xref": "paper",
        "x0": 0,
        "x1": 1,
        "yref": "y",
        "y0": target,
        "y1": target,
        "line": line,
    }


def sparkline(
    frame: pd.DataFrame, entry: Indicator, grain: str, lang: str, target: float | None = None
) -> dict:
    """The values of the last periods as a line (the latest point marked), with the target dotted;
    hovering a point names its period and value in the language's format."""
    if frame.empty:
        return empty_spark(lang)
    days = [pd.Timestamp(stamp).date() for stamp in frame["period_start"].tolist()]
    values = [float(v) for v in frame["value"].tolist()]
    labels = [
        f"{period_label(containing(grain, day), lang)}: {value_text(entry, v, lang)}"
        for day, v in zip(days, values)
    ]
    trace = {
        "type": "scatter",
        "mode": "lines+markers",
        "x": [day.isoformat() for day in days],
        "y": values,
        "line": {"color": theme.PRIMARY, "width": 2},
        "marker": {"size": [4] * (len(frame) - 1) + [8], "color": theme.PRIMARY},
        "customdata": labels,
        "hovertemplate": "%{customdata}<extra></extra>",
        "name": t(entry.name_key, lang),
    }
    layout = _layout(lang)
    if target is not None:
        low, high = min(min(trace["y"]), target), max(max(trace["y"]), target)
        pad = (high - low) * 0.1 or abs(high) * 0.05 or 1
        layout["yaxis"]["range"] = [low - pad, high + pad]
        layout["shapes"] = [_target_line(target)]
    return {"data": [trace], "layout": layout}
