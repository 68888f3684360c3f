"""Pure figure builder of the forecasts page: history, the forecast line and its 80 % / 95 % bands."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from callbacks import theme
from callbacks.figures import base, empty
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


def _band(fig: go.Figure, forecast: pd.DataFrame, level: int, alpha: float, lang: str, number: str) -> None:
    """The upper edge, then the lower edge filled up to it: one legend entry and one hover line per band."""
    name = t(f"forecasts.trace.band{level}", lang)
    fig.add_scatter(x=forecast["ds"], y=forecast[f"hi_{level}"], mode="lines", line={"width": 0},
                    legendgroup=f"band{level}", showlegend=False, name=name, hoverinfo="skip")
    fig.add_scatter(x=forecast["ds"], y=forecast[f"lo_{level}"], mode="lines", line={"width": 0},
                    fill="tonexty", fillcolor=_rgba(FORECAST_COLOUR, alpha), legendgroup=f"band{level}",
                    name=name, customdata=forecast[f"hi_{level}"],
                    hovertemplate=f"{number} – {number.replace('%{y', '%{customdata')}")


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
                   empty_key: str = "empty.selection") -> go.Figure:
    """History (``ds``, ``y``) as a solid line, the forecast dashed inside its 95 % and 80 % bands, and
    the target as a dotted line when there is one."""
    if forecast.empty:
        return empty(lang, empty_key)
    suffix = " %" if percent and lang == "vi" else ("%" if percent else "")
    number = ("%{y:,.1f}" if percent else "%{y:,.0f}") + suffix
    fig = base(lang, height=420, hovermode="x unified", margin={"t": 48})
    fig.add_scatter(x=history["ds"], y=history["y"], mode="lines", name=t("forecasts.trace.history", lang),
                    line={"color": HISTORY_COLOUR, "width": 2}, hovertemplate=number)
    _band(fig, forecast, 95, 0.15, lang, number)
    _band(fig, forecast, 80, 0.32, lang, number)
    fig.add_scatter(x=forecast["ds"], y=forecast["yhat"], mode="lines", name=t("forecasts.trace.forecast", lang),
                    line={"color": FORECAST_COLOUR, "width": 2, "dash": "dash"}, hovertemplate=number)
    if target is not None:
        fig.add_hline(y=target, line={"color": TARGET_COLOUR, "dash": "dot", "width": 2},
                      annotation={"text": target_text, "font": {"color": TARGET_COLOUR}},
                      annotation_position="top left")
    fig.update_yaxes(ticksuffix=suffix, rangemode="normal" if percent else "tozero", title=None)
    fig.update_xaxes(title=None, tickformatstops=DATE_TICKS, hoverformat="%d/%m/%Y", range=window(history, forecast))
    return fig
