"""Pure figure builders of the feedback page's handling and satisfaction charts: working days per
category, the open backlog by age band, and the three-level rating over time and by category.

Every builder draws an explicit empty state for an empty frame. Category marks carry their code in
``customdata`` so a click filters the page.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from callbacks import figures, theme
from callbacks.cards_feedback import category_label, share
from callbacks.figures_feedback import DATE_FORMATS
from i18n import fmt_number, fmt_percent, t

#: Rating level -> colour: no red or green here, those colours mean target status on this page.
RATING_COLOURS = {"satisfied": theme.PRIMARY, "acceptable": theme.HUE_SHADES[3], "dissatisfied": theme.ACCENT}
BAND_ORDER = ("le_7", "8_14", "15_30", "gt_30")


def handling_boxes(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Per category, working days to handle: box from the 25th to the 75th percentile, median line,
    whiskers at the 10th and 90th; the deadline (the longest in the period) as a dashed line."""
    if frame.empty:
        return figures.empty(lang)
    data = frame.sort_values(["p50", "p90"], ascending=False)
    deadline_days = int(frame["deadline_days"].max())
    labels = [category_label(k, n, lang) for k, n in zip(data["key"], data["name"])]
    fig = figures.base(
        lang,
        height=90 + 34 * len(data),
        showlegend=False,
        xaxis={"title": {"text": t("feedback.axis.working_days", lang)}, "rangemode": "tozero"},
        yaxis={"title": None},
    )
    fig.add_trace(
        go.Box(
            y=labels,
            q1=data["p25"],
            median=data["p50"],
            q3=data["p75"],
            lowerfence=data["p10"],
            upperfence=data["p90"],
            orientation="h",
            marker_color=theme.PRIMARY,
            fillcolor=theme.HUE_SHADES[1],
            customdata=list(data["key"]),
            name="",
            hoverinfo="x+y",
        )
    )
    fig.add_vline(
        x=deadline_days,
        line={"color": theme.STATUS["off_target"], "dash": "dash", "width": 1.5},
        annotation_text=t("feedback.deadline_line", lang, n=deadline_days),
        annotation_position="top",
        annotation_font={"color": theme.STATUS["off_target"], "size": 12},
    )
    return fig


def backlog_bars(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Reports open at the as-of day per age band, split into within and past their deadline."""
    if frame.empty or not frame["reports"].sum():
        return figures.empty(lang, "feedback.empty_backlog")
    data = frame.set_index("band").reindex(list(BAND_ORDER)).fillna(0)
    labels = [t(f"feedback.band.{b}", lang) for b in data.index]
    within = data["reports"] - data["past_deadline"]
    fig = figures.base(
        lang,
        barmode="stack",
        height=320,
        yaxis={
            "title": {"text": t("feedback.axis.open_reports", lang)},
            "rangemode": "tozero",
            "tickformat": ",d",
        },
        xaxis={"title": {"text": t("feedback.axis.age", lang)}},
    )
    fig.add_bar(
        x=labels,
        y=within,
        name=t("feedback.within_deadline", lang),
        marker_color=theme.HUE_SHADES[3],
        hovertemplate="%{x}: %{y:,d}<extra>%{fullData.name}</extra>",
    )
    fig.add_bar(
        x=labels,
        y=data["past_deadline"],
        name=t("feedback.past_deadline", lang),
        marker_color=theme.STATUS["off_target"],
        marker_pattern_shape="/",
        text=[fmt_number(n, lang) for n in data["reports"]],
        textposition="outside",
        constraintext="none",
        cliponaxis=False,
        hovertemplate="%{x}: %{y:,d}<extra>%{fullData.name}</extra>",
    )
    return fig


def _rating_bars(fig: go.Figure, data: pd.DataFrame, axis: str, lang: str, horizontal: bool) -> None:
    """One stacked bar trace per rating level, as the share (%) of the rated reports of each row."""
    for level, colour in RATING_COLOURS.items():
        pct = [share(n, r) for n, r in zip(data[level], data["rated"])]
        values = {"x": pct, "y": data[axis]} if horizontal else {"x": data[axis], "y": pct}
        fig.add_bar(
            **values,
            name=t(f"feedback.rating.{level}", lang),
            marker_color=colour,
            orientation="h" if horizontal else "v",
            customdata=list(data["key"]) if "key" in data else None,
            hovertemplate="%{fullData.name}: %{" + ("x" if horizontal else "y") + ":.1f} %<extra></extra>",
        )


def ratings_over_time(frame: pd.DataFrame, grain: str, lang: str) -> go.Figure:
    """Share of each rating level among rated reports per period, and the share of handled reports that
    were rated at all (the line): a high satisfaction on few answers reads as such."""
    if frame.empty or not frame["rated"].sum():
        return figures.empty(lang, "feedback.empty_ratings")
    date_format = DATE_FORMATS[lang]["month" if grain == "month" else "week"]
    fig = figures.base(
        lang,
        barmode="stack",
        height=360,
        hovermode="x unified",
        xaxis={"tickformat": date_format, "hoverformat": date_format, "title": None},
        yaxis={
            "title": {"text": t("feedback.axis.share", lang)},
            "range": [0, 100],
            "ticksuffix": " %" if lang == "vi" else "%",
        },
    )
    _rating_bars(fig, frame, "bucket", lang, horizontal=False)
    fig.add_scatter(
        x=frame["bucket"],
        y=[share(r, h) for r, h in zip(frame["rated"], frame["handled"])],
        name=t("feedback.rated_share", lang),
        mode="lines+markers",
        line={"color": theme.TEXT, "width": 2},
        marker={"symbol": "diamond", "size": 6},
        hovertemplate="%{fullData.name}: %{y:.1f} %<extra></extra>",
    )
    return fig


def ratings_by_category(frame: pd.DataFrame, lang: str) -> go.Figure:
    """Per category, the share of each rating level, and how many rated out of how many handled."""
    data = frame[frame["rated"] > 0] if not frame.empty else frame
    if data.empty:
        return figures.empty(lang, "feedback.empty_ratings")
    data = data.sort_values("rated")
    data = data.assign(label=[category_label(k, n, lang) for k, n in zip(data["key"], data["name"])])
    fig = figures.base(
        lang,
        barmode="stack",
        height=110 + 30 * len(data),
        margin={"r": 120},
        xaxis={
            "title": {"text": t("feedback.axis.share_rated", lang)},
            "range": [0, 100],
            "ticksuffix": " %" if lang == "vi" else "%",
        },
        yaxis={"title": None},
    )
    _rating_bars(fig, data, "label", lang, horizontal=True)
    fig.add_scatter(
        x=[100] * len(data),
        y=data["label"],
        mode="text",
        showlegend=False,
        hoverinfo="skip",
        text=[
            " "
            + t("feedback.n_rated", lang, rated=fmt_number(r, lang), pct=fmt_percent(share(r, h), lang, 0))
            for r, h in zip(data["rated"], data["handled"])
        ],
        textposition="middle right",
        cliponaxis=False,
        textfont={"color": theme.MUTED, "size": 11},
    )
    return fig
