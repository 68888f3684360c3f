"""Pure figure builder of the forecasts page: history, the forecast line and its 80 % / 95 % bands."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from callbacks import figures, theme
from i18n import t

#: The chart opens on this many forecast lengths of history before the forecast (zoom out: double-click).
HISTORY_SPANS = 4
HISTORY_COLOUR = theme.PRIMARY
_MONTH_MS = 28 * 86_400_000
#: Day and month under a month between ticks, month and year above (never one month written thrice).
DATE_TICKS = [{"dtickrange": [None, _MONTH_MS], "value": "%d/%m"}, {"dtickrange": [_MONTH_MS, None], "value": "%m/%Y"}]
FORECAST_COLOUR = theme.COLOURWAY[1]
TARGET_COLOUR = theme.ACCENT


def _rgba(hex_colour: str, alpha: float) -> str:
    red, green, blue = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha})"


def _band(forecast: pd.DataFrame, level: int, alpha: float, lang: str, number: str) -> list[dict]:
    """The upper edge, then the lower edge filled up to it: one legend entry and one hover line per band."""
    name, group, days = t(f"forecasts.trace.band{level}", lang), f"band{level}", figures.days(forecast["ds"])
    upper = {"type": "scatter", "x": days, "y": forecast[f"hi_{level}"].to_numpy(), "mode": "lines",
             "line": {"width": 0}, "legendgroup": group, "showlegend": False, "name": name, "hoverinfo": "skip"}
    lower = {"type": "scatter", "x": days, "y": forecast[f"lo_{level}"].to_numpy(), "mode": "lines",
             "line": {"width": 0}, "fill": "tonexty", "fillcolor": _rgba(FORECAST_COLOUR, alpha), "legendgroup": group,
             "name": name, "customdata": forecast[f"hi_{level}"].to_numpy(),
             "hovertemplate": f"{number} – {number.replace('%{y', '%{customdata')}"}
    return [upper, lower]


def _line(frame: pd.DataFrame, column: str, name: str, line: dict, number: str) -> dict:
    return {"type": "scatter", "x": figures.days(frame["ds"]), "y": frame[column].to_numpy(), "mode": "lines",
            "name": name, "line": line, "hovertemplate": number}


def _target_marks(target: float, text: str) -> dict:
    """The target as a dotted line across the chart, its label above the line's left end."""
    return {
        "shapes": [{"type": "line", "xref": "x domain", "x0": 0, "x1": 1, "yref": "y", "y0": target, "y1": target,
                    "line": {"color": TARGET_COLOUR, "dash": "dot", "width": 2}}],
        "annotations": [{"xref": "x domain", "x": 0, "xanchor": "left", "yref": "y", "y": target,
                         "yanchor": "bottom", "showarrow": False, "text": text, "font": {"color": TARGET_COLOUR}}],
    }


def window(history: pd.DataFrame, forecast: pd.DataFrame) -> list[pd.Timestamp]:
    """Recent history and the whole forecast, so 28 days ahead are not lost after years of days."""
    stamps = pd.to_datetime(forecast["ds"])
    step = stamps.iloc[1] - stamps.iloc[0] if len(stamps) > 1 else pd.Timedelta(days=1)
    start = stamps.iloc[0] - step * len(stamps) * HISTORY_SPANS
    if not history.empty:
        start = max(start, pd.to_datetime(history["ds"]).min())
    return [start, stamps.iloc[-1]]


def forecast_chart(history: pd.DataFrame, forecast: pd.DataFrame, lang: str, *, percent: bool = False,
                   target: float | None = None, target_text: str = "",
                   empty_key: str = "empty.selection") -> dict | go.Figure:
    """History (``ds``, ``y``) as a solid line, the forecast dashed inside its 95 % and 80 % bands, and
    the target as a dotted line when there is one. A plain figure (``figures.plain``): years of daily
    history through Plotly's validators cost more than the page's queries."""
    if forecast.empty:
        return figures.empty(lang, empty_key)
    suffix = " %" if percent and lang == "vi" else ("%" if percent else "")
    number = ("%{y:,.1f}" if percent else "%{y:,.0f}") + suffix
    traces = [
        _line(history, "y", t("forecasts.trace.history", lang), {"color": HISTORY_COLOUR, "width": 2}, number),
        *_band(forecast, 95, 0.15, lang, number),
        *_band(forecast, 80, 0.32, lang, number),
        _line(forecast, "yhat", t("forecasts.trace.forecast", lang),
              {"color": FORECAST_COLOUR, "width": 2, "dash": "dash"}, number),
    ]
    start, end = (stamp.strftime("%Y-%m-%d") for stamp in window(history, forecast))
    return figures.plain(
        lang, traces, height=420, hovermode="x unified", margin={"t": 48},
        xaxis={"tickformatstops": DATE_TICKS, "hoverformat": "%d/%m/%Y", "range": [start, end]},
        yaxis={"ticksuffix": suffix, "rangemode": "normal" if percent else "tozero"},
        **(_target_marks(target, target_text) if target is not None else {}),
    )
