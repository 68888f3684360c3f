"""Pure figure builders of the feedback page's handling and satisfaction charts: working days per
category, the open backlog by age band, and the three-level rating over time and by category.

Every builder draws an explicit empty state for an empty frame. Category marks carry their code in
``customdata`` so a click filters the page. Charts are plain figures (``figures.plain``): Plotly's object
layer, which validates every property as it is set, cost about three times the rest of building and
sending one; tests build a ``go.Figure`` from each to validate them.
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
#: Box trace property -> percentile column: the box spans p25-p75, whiskers reach p10 and p90.
BOX_PARTS = {"lowerfence": "p10", "q1": "p25", "median": "p50", "q3": "p75", "upperfence": "p90"}


def handling_boxes(frame: pd.DataFrame, lang: str) -> dict | go.Figure:
    """Per category, working days to handle: box from the 25th to the 75th percentile, median line,
    whiskers at the 10th and 90th; the deadline (the longest in the period) as a dashed line."""
    if frame.empty:
        return figures.empty(lang)
    data = frame.sort_values(["p50", "p90"], ascending=False)
    box = {
        "type": "box",
        "y": [category_label(k, n, lang) for k, n in zip(data["key"], data["name"])],
        **{part: data[column].to_numpy() for part, column in BOX_PARTS.items()},
        "orientation": "h",
        "marker": {"color": theme.PRIMARY},
        "fillcolor": theme.HUE_SHADES[1],
        "customdata": list(data["key"]),
        "name": "",
        "hoverinfo": "x+y",
    }
    return figures.plain(
        lang,
        [box],
        height=90 + 34 * len(data),
        showlegend=False,
        xaxis={"title": {"text": t("feedback.axis.working_days", lang)}, "rangemode": "tozero"},
        **_deadline_line(int(frame["deadline_days"].max()), lang),
    )


def _deadline_line(days: int, lang: str) -> dict:
    """The dashed vertical line at ``days`` and its label above the plot: the shape and annotation that
    ``fig.add_vline(..., annotation_position="top")`` made."""
    colour = theme.STATUS["off_target"]
    shape = {
        "type": "line",
        "xref": "x",
        "yref": "y domain",
        "x0": days,
        "x1": days,
        "y0": 0,
        "y1": 1,
        "line": {"color": colour, "dash": "dash", "width": 1.5},
    }
    note = {
        "text": t("feedback.deadline_line", lang, n=days),
        "xref": "x",
        "yref": "y domain",
        "x": days,
        "y": 1,
        "xanchor": "center",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"color": colour, "size": 12},
    }
    return {"shapes": [shape], "annotations": [note]}


def backlog_bars(frame: pd.DataFrame, lang: str) -> dict | go.Figure:
    """Reports open at the as-of day per age band, split into within and past their deadline."""
    if frame.empty or not frame["reports"].sum():
        return figures.empty(lang, "feedback.empty_backlog")
    data = frame.set_index("band").reindex(list(BAND_ORDER)).fillna(0)
    return figures.plain(
        lang,
        _backlog_traces(data, lang),
        barmode="stack",
        height=320,
        yaxis={
            "title": {"text": t("feedback.axis.open_reports", lang)},
            "rangemode": "tozero",
            "tickformat": ",d",
        },
        xaxis={"title": {"text": t("feedback.axis.age", lang)}},
    )


def _backlog_traces(data: pd.DataFrame, lang: str) -> list[dict]:
    """The bars within and past their deadline per age band (``data`` indexed by band, in order)."""
    labels = [t(f"feedback.band.{b}", lang) for b in data.index]
    hover = "%{x}: %{y:,d}<extra>%{fullData.name}</extra>"
    within = {
        "type": "bar",
        "x": labels,
        "y": (data["reports"] - data["past_deadline"]).to_numpy(),
        "name": t("feedback.within_deadline", lang),
        "marker": {"color": theme.HUE_SHADES[3]},
        "hovertemplate": hover,
    }
    past = {
        "type": "bar",
        "x": labels,
        "y": data["past_deadline"].to_numpy(),
        "name": t("feedback.past_deadline", lang),
        "marker": {"color": theme.STATUS["off_target"], "pattern": {"shape": "/"}},
        "text": [fmt_number(n, lang) for n in data["reports"]],  # the band's total, above its stack
        "textposition": "outside",
        "constraintext": "none",
        "cliponaxis": False,
        "hovertemplate": hover,
    }
    return [within, past]


def _rating_bars(data: pd.DataFrame, axis: str, lang: str, horizontal: bool) -> list[dict]:
    """One stacked bar trace per rating level, as the share (%) of the rated reports of each row."""
    rows = data[axis].to_numpy()
    # only category rows are clickable: their code goes along
    keys = {"customdata": list(data["key"])} if "key" in data else {}
    hover = "%{fullData.name}: %{" + ("x" if horizontal else "y") + ":.1f} %<extra></extra>"
    bars = []
    for level, colour in RATING_COLOURS.items():
        pct = [share(n, r) for n, r in zip(data[level], data["rated"])]  # None (a gap) where none rated
        bars.append(
            {
                "type": "bar",
                **({"x": pct, "y": rows} if horizontal else {"x": rows, "y": pct}),
                "name": t(f"feedback.rating.{level}", lang),
                "marker": {"color": colour},
                "orientation": "h" if horizontal else "v",
                **keys,
                "hovertemplate": hover,
            }
        )
    return bars


def _percent_axis(title_key: str, lang: str) -> dict:
    return {
        "title": {"text": t(title_key, lang)},
        "range": [0, 100],
        "ticksuffix": " %" if lang == "vi" else "%",
    }


def ratings_over_time(frame: pd.DataFrame, grain: str, lang: str) -> dict | go.Figure:
    """Share of each rating level among rated reports per period, and the share of handled reports that
    were rated at all (the line): a high satisfaction on few answers reads as such."""
    if frame.empty or not frame["rated"].sum():
        return figures.empty(lang, "feedback.empty_ratings")
    date_format = DATE_FORMATS[lang]["month" if grain == "month" else "week"]
    rated = {
        "type": "scatter",
        "x": frame["bucket"].to_numpy(),
        "y": [share(r, h) for r, h in zip(frame["rated"], frame["handled"])],
        "name": t("feedback.rated_share", lang),
        "mode": "lines+markers",
        "line": {"color": theme.TEXT, "width": 2},
        "marker": {"symbol": "diamond", "size": 6},
        "hovertemplate": "%{fullData.name}: %{y:.1f} %<extra></extra>",
    }
    return figures.plain(
        lang,
        [*_rating_bars(frame, "bucket", lang, horizontal=False), rated],
        barmode="stack",
        height=360,
        hovermode="x unified",
        xaxis={"tickformat": date_format, "hoverformat": date_format},
        yaxis=_percent_axis("feedback.axis.share", lang),
    )


def ratings_by_category(frame: pd.DataFrame, lang: str) -> dict | go.Figure:
    """Per category, the share of each rating level, and how many rated out of how many handled."""
    data = frame[frame["rated"] > 0] if not frame.empty else frame
    if data.empty:
        return figures.empty(lang, "feedback.empty_ratings")
    data = data.sort_values("rated")
    data = data.assign(label=[category_label(k, n, lang) for k, n in zip(data["key"], data["name"])])
    return figures.plain(
        lang,
        [*_rating_bars(data, "label", lang, horizontal=True), _rated_counts(data, lang)],
        barmode="stack",
        height=110 + 30 * len(data),
        margin={"r": 120},  # room for the counts written past the bars' end
        xaxis=_percent_axis("feedback.axis.share_rated", lang),
    )


def _rated_counts(data: pd.DataFrame, lang: str) -> dict:
    """Beside each category's bar: how many rated, and their share of the handled reports."""
    counts = [
        (fmt_number(r, lang), fmt_percent(share(r, h), lang, 0))
        for r, h in zip(data["rated"], data["handled"])
    ]
    return {
        "type": "scatter",
        "x": [100] * len(data),
        "y": data["label"].to_numpy(),
        "mode": "text",
        "showlegend": False,
        "hoverinfo": "skip",
        "text": [" " + t("feedback.n_rated", lang, rated=n, pct=p) for n, p in counts],
        "textposition": "middle right",
        "cliponaxis": False,
        "textfont": {"color": theme.MUTED, "size": 11},
    }
