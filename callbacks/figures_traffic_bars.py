"""Pure bar-chart builders of the traffic page: the corridor ranking (congestion hours, peak-hour volume
over capacity), crashes by month with deaths and injuries, and crashes by road type.

Each takes a small frame and the language, and draws an explicit empty state for an empty frame. Bars
carry their value as text, so no reading depends on colour; the chosen corridors are also named in bold.
Charts are plain figures (``figures.plain``), cheaper than Plotly's validating objects; tests build a
``go.Figure`` from each to validate them.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd
import plotly.graph_objects as go

from callbacks import theme
from callbacks.figures import empty, plain
from i18n import fmt_number, fmt_percent, label, t

CONGESTION_RATIO = 0.85
MUTED_BAR = theme.HUE_SHADES[2]
#: Plotly's month format per language (English month names are Plotly's own).
MONTH_FORMAT = {"vi": "%m/%Y", "en": "%b %Y"}


def _bar_colours(corridors: pd.Series, chosen: list[str]) -> list[str]:
    return [theme.PRIMARY if not chosen or c in chosen else MUTED_BAR for c in corridors]


def _corridor_labels(corridors: Iterable[str], chosen: list[str]) -> list[str]:
    return [f"<b>{c}</b>" if c in chosen else c for c in corridors]


def _ranked(order: list[str], chosen: list[str]) -> dict:
    """The layout of a ranking: largest on top; y labels with the chosen corridors in bold."""
    labels = _corridor_labels(order[::-1], chosen)
    return {
        "height": 120 + 34 * len(order),
        "yaxis": {"categoryorder": "array", "categoryarray": labels, "ticksuffix": " "},
    }


def _congestion_bar(data: pd.DataFrame, chosen: list[str], lang: str) -> dict:
    """The corridors' congestion hours, each written with its share of hours congested at the bar's end."""
    text = [
        t("traffic.rank.hours_text", lang, hours=fmt_number(h, lang), pct=fmt_percent(p, lang, 1))
        for h, p in zip(data["congestion_hours"], data["congested_pct"])
    ]
    return {
        "type": "bar",
        "x": data["congestion_hours"].to_numpy(),
        "y": _corridor_labels(data["corridor"], chosen),
        "orientation": "h",
        "marker": {"color": _bar_colours(data["corridor"], chosen)},
        "text": text,
        "textposition": "outside",
        "cliponaxis": False,
        "customdata": list(data["corridor"]),
        "showlegend": False,
        "hovertemplate": "%{customdata}: %{text}<extra></extra>",
    }


def rank_congestion(frame: pd.DataFrame, chosen: list[str], lang: str) -> dict | go.Figure:
    """Congestion hours per corridor with the share of hours congested, most first."""
    if frame.empty:
        return empty(lang)
    data = frame.sort_values(["congestion_hours", "mean_peak_ratio"], ascending=False)
    return plain(
        lang,
        [_congestion_bar(data, chosen, lang)],
        title={"text": t("traffic.rank.congestion", lang)},
        margin={"t": 40, "r": 90},
        xaxis={"rangemode": "tozero", "range": [0, max(float(data["congestion_hours"].max()), 1) * 1.3]},
        **_ranked(list(data["corridor"]), chosen),
    )


def _threshold_line() -> dict:
    return {
        "type": "line",
        "xref": "x",
        "yref": "paper",
        "x0": CONGESTION_RATIO,
        "x1": CONGESTION_RATIO,
        "y0": 0,
        "y1": 1,
        "line": {"color": theme.TEXT, "dash": "dash", "width": 1},
    }


def _threshold_label(text: str) -> dict:
    return {
        "x": CONGESTION_RATIO,
        "y": 1,
        "yref": "paper",
        "yanchor": "bottom",
        "xanchor": "left",
        "showarrow": False,
        "text": text,
        "font": {"size": 11, "color": theme.MUTED},
    }


def _peak_traces(data: pd.DataFrame, labels: list[str], chosen: list[str], lang: str) -> list[dict]:
    """Bars of the mean daily peak ratio and diamonds at the highest hour's, both carrying the corridor."""
    mean, peak = t("traffic.rank.mean_peak", lang), t("traffic.rank.max_peak", lang)
    outline = {"color": theme.TEXT, "width": 1}
    diamond = {"symbol": "diamond", "size": 10, "color": theme.ACCENT, "line": outline}
    corridors = list(data["corridor"])
    bars = {
        "type": "bar",
        "x": data["mean_peak_ratio"].to_numpy(),
        "y": labels,
        "orientation": "h",
        "name": mean,
        "customdata": corridors,
        "marker": {"color": _bar_colours(data["corridor"], chosen)},
        "hovertemplate": f"%{{customdata}}<br>{mean}: %{{x:.2f}}<extra></extra>",
    }
    marks = {
        "type": "scatter",
        "x": data["max_peak_ratio"].to_numpy(),
        "y": labels,
        "mode": "markers",
        "name": peak,
        "customdata": corridors,
        "marker": diamond,
        "hovertemplate": f"%{{customdata}}<br>{peak}: %{{x:.2f}}<extra></extra>",
    }
    return [bars, marks]


def rank_peak(frame: pd.DataFrame, chosen: list[str], lang: str) -> dict | go.Figure:
    """Mean daily peak-hour volume / capacity per corridor (bars), the highest hour (marks), threshold."""
    if frame.empty:
        return empty(lang)
    data = frame.sort_values("mean_peak_ratio", ascending=False)
    labels = _corridor_labels(data["corridor"], chosen)
    top = max(float(data["max_peak_ratio"].max()), CONGESTION_RATIO) * 1.12
    threshold = t("traffic.rank.threshold", lang, value=fmt_number(CONGESTION_RATIO, lang, 2))
    return plain(
        lang,
        _peak_traces(data, labels, chosen, lang),
        title={"text": t("traffic.rank.peak", lang)},
        margin={"t": 56, "b": 8},
        legend={"y": -0.08, "yanchor": "top"},
        xaxis={"range": [0, top], "tickformat": ".1f"},
        shapes=[_threshold_line()],
        annotations=[_threshold_label(threshold)],
        **_ranked(list(data["corridor"]), chosen),
    )


def _crash_traces(frame: pd.DataFrame, lang: str) -> list[dict]:
    """Crashes per month as bars, deaths and injuries as lines with marks."""
    months = frame["month"].to_numpy()
    crashes = {
        "type": "bar",
        "x": months,
        "y": frame["crashes"].to_numpy(),
        "name": t("traffic.series.crashes", lang),
        "marker": {"color": theme.PRIMARY},
        "hovertemplate": "%{y:,d}",
    }
    styles = {"deaths": (theme.COLOURWAY[4], "diamond"), "injuries": (theme.COLOURWAY[1], "circle")}
    people = [
        {
            "type": "scatter",
            "x": months,
            "y": frame[column].to_numpy(),
            "name": t(f"traffic.series.{column}", lang),
            "mode": "lines+markers",
            "line": {"color": colour, "width": 2},
            "marker": {"symbol": symbol, "size": 7},
            "hovertemplate": "%{y:,d}",
        }
        for column, (colour, symbol) in styles.items()
    ]
    return [crashes, *people]


def crash_trend(frame: pd.DataFrame, lang: str) -> dict | go.Figure:
    """Crashes per month (bars) with deaths and injuries (lines with marks)."""
    if frame.empty or int(frame[["crashes", "deaths", "injuries"]].to_numpy().sum()) == 0:
        return empty(lang)
    return plain(
        lang,
        _crash_traces(frame, lang),
        height=340,
        hovermode="x unified",
        margin={"t": 48},
        xaxis={"tickformat": MONTH_FORMAT[lang], "hoverformat": MONTH_FORMAT[lang]},
        yaxis={"title": {"text": t("traffic.axis.count", lang)}, "rangemode": "tozero"},
    )


def road_types(frame: pd.DataFrame, lang: str) -> dict | go.Figure:
    """Crashes per road type with their share of all crashes, most first."""
    if frame.empty or int(frame["crashes"].sum()) == 0:
        return empty(lang)
    data = frame.sort_values("crashes", ascending=False, kind="stable").iloc[::-1]  # most on top
    share = 100 * data["crashes"] / data["crashes"].sum()
    text = [
        t("traffic.road_type_text", lang, crashes=fmt_number(c, lang), pct=fmt_percent(p, lang, 1))
        for c, p in zip(data["crashes"], share)
    ]
    bars = {
        "type": "bar",
        "x": data["crashes"].to_numpy(),
        "y": [label("traffic.road", r, lang) for r in data["road_type"]],
        "orientation": "h",
        "marker": {"color": theme.COLOURWAY[3]},
        "text": text,
        "textposition": "outside",
        "cliponaxis": False,
        "showlegend": False,
        "hovertemplate": "%{y}: %{text}<extra></extra>",
    }
    axis = {"text": t("traffic.axis.crashes", lang)}
    return plain(
        lang,
        [bars],
        height=110 + 44 * len(data),
        margin={"t": 16, "r": 110},
        xaxis={"title": axis, "rangemode": "tozero", "range": [0, float(data["crashes"].max()) * 1.35]},
        yaxis={"ticksuffix": " "},
    )
