"""Pure figure builders of the feedback page: volume over time, volume by category and channel, the status
funnel, why reports were not verified, and reports per 10,000 residents.

Every builder draws an explicit empty state for an empty frame. Clickable marks carry the code they
filter by in ``customdata`` (see ``callbacks.feedback.clicked_filter``). Charts are plain figures
(``figures.plain``), cheaper to build and send than ``go.Figure``; tests validate them through ``go.Figure``.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from callbacks import figures, theme
from callbacks.cards_feedback import category_label, share
from callbacks.maps_feedback import area_name
from i18n import fmt_number, fmt_percent, t

#: Series drawn one by one in the volume chart; the rest are summed as "other categories".
MAX_SERIES = 7
OTHER = "__other__"
#: Plotly date formats for hover labels and axes, per language and grain.
DATE_FORMATS = {
    "vi": {"day": "%d/%m/%Y", "week": "%d/%m/%Y", "month": "%m/%Y"},
    "en": {"day": "%-d %b %Y", "week": "%-d %b %Y", "month": "%b %Y"},
}
MUTED_BAR = theme.HUE_SHADES[2]
#: One colour per category and per channel, the same in every chart and whatever is filtered.
CATEGORY_COLOURS = dict(
    zip(
        ("TTDT", "VSMT", "HTDT", "GT", "DDXD", "ANTT", "DIEN", "NUOC", "DTDL", "DVC", "KHAC"),
        [*theme.COLOURWAY, theme.HUE_SHADES[8], "#7a8fb8", "#a58a5a"],
    )
)
CHANNEL_COLOURS = dict(zip(("app", "web", "hotline", "social"), theme.COLOURWAY))


def key_colour(key: str, split: str) -> str:
    """The fixed colour of a category or channel; the muted bar for others and unknown codes."""
    return (CHANNEL_COLOURS if split == "channel" else CATEGORY_COLOURS).get(key, MUTED_BAR)


def key_label(key: str, split: str, lang: str, name: object = None) -> str:
    """The label of a category or channel code."""
    if key == OTHER:
        return t("feedback.other_series", lang)
    if split == "channel":
        return t(f"feedback.channel.{key}", lang) if key else t("feedback.unknown", lang)
    return category_label(key, name, lang) if key else t("feedback.unknown", lang)


def _top_keys(frame: pd.DataFrame) -> list[str]:
    totals = frame.groupby("key")["reports"].sum().sort_values(ascending=False)
    return list(totals.index[:MAX_SERIES])


def volume_chart(frame: pd.DataFrame, previous: pd.DataFrame, split: str, grain: str, lang: str) -> dict | go.Figure:
    """Stacked bars of reports per period and category (or channel), and last year's total as a line.

    A plain figure (``figures.plain``): the first chart of the page, asked again at every filter change."""
    if frame.empty:
        return figures.empty(lang)
    top = _top_keys(frame)
    data = frame.assign(key=frame["key"].where(frame["key"].isin(top), OTHER))
    data = data.groupby(["bucket", "key"], as_index=False)["reports"].sum()
    parts = dict(tuple(data.groupby("key")))
    traces = [_volume_bars(parts[key], key, split, lang) for key in [*top, OTHER] if key in parts]
    if not previous.empty:
        traces.append(_previous_year_line(previous, lang))
    date_format = DATE_FORMATS[lang][grain]
    highest = max(data.groupby("bucket")["reports"].sum().max(), previous["reports"].max() if len(previous) else 0)
    return figures.plain(
        lang,
        traces,
        barmode="stack",
        height=380,
        hovermode="x unified",
        xaxis={"tickformat": date_format, "hoverformat": date_format},
        yaxis={"title": {"text": t("feedback.axis.reports", lang)}, "rangemode": "tozero", "tickformat": ",d"},
        **figures.measured_margins(highest * 1.1, lang),  # 10 % for the axis's headroom
    )


def _volume_bars(part: pd.DataFrame, key: str, split: str, lang: str) -> dict:
    return {
        "type": "bar",
        "x": figures.days(part["bucket"]),
        "y": part["reports"].to_numpy(),
        "name": key_label(key, split, lang),
        "marker": {"color": key_colour(key, split)},
        "hovertemplate": "%{fullData.name}: %{y:,d}<extra></extra>",
    }


def _previous_year_line(previous: pd.DataFrame, lang: str) -> dict:
    return {
        "type": "scatter",
        "x": figures.days(previous["bucket"]),
        "y": previous["reports"].to_numpy(),
        "name": t("feedback.previous_year", lang),
        "mode": "lines",
        "line": {"color": theme.TEXT, "dash": "dot", "width": 2},
        "hovertemplate": "%{fullData.name}: %{y:,d}<extra></extra>",
    }


def _labelled_bars(x: object, labels: list[str], colour: object, texts: list[str], hover: str,
                   **extra: object) -> dict:
    """Horizontal bars with their text written past each bar's end, neither clipped nor shrunk."""
    return {
        "type": "bar",
        "x": x,
        "y": labels,
        "orientation": "h",
        "marker": {"color": colour},
        "text": texts,
        "textposition": "outside",
        "constraintext": "none",
        "cliponaxis": False,
        "hovertemplate": hover,
        **extra,
    }


def _count_bars(data: pd.DataFrame, labels: list[str], colour, lang: str, *, row_px: int, right: int,
                headroom: float, keys: list | None = None) -> dict:
    """Horizontal bars of ``data["reports"]`` (largest on top as given), count and share written beside."""
    texts = [
        f" {fmt_number(n, lang)} · {fmt_percent(p, lang)}" for n, p in zip(data["reports"], data["share_pct"])
    ]
    clickable = {} if keys is None else {"customdata": keys}  # the reasons are no filter: no code
    bars = _labelled_bars(
        data["reports"].to_numpy(), labels, colour, texts, "%{y}: %{x:,d}<extra></extra>", **clickable
    )
    return figures.plain(
        lang,
        [bars],
        height=90 + row_px * len(data),
        margin={"r": right},
        xaxis={
            "title": {"text": t("feedback.axis.reports", lang)},
            "rangemode": "tozero",
            "tickformat": ",d",
            "range": [0, float(data["reports"].max()) * headroom],
        },
    )


def share_bars(
    frame: pd.DataFrame, split: str, lang: str, selected: str | None = None
) -> dict | go.Figure:
    """Horizontal bars of reports per category or channel, largest on top, count and share written."""
    if frame.empty:
        return figures.empty(lang)
    data = frame.iloc[::-1]
    labels = [key_label(k, split, lang, n) for k, n in zip(data["key"], data["name"])]
    colours = [theme.PRIMARY if selected in (None, k) else MUTED_BAR for k in data["key"]]
    return _count_bars(data, labels, colours, lang, row_px=30, right=110, headroom=1.35, keys=list(data["key"]))


FUNNEL_STEPS = (  # step, count column, base column its share is of
    ("received", "received", None),
    ("verified", "verified", "received"),
    ("handled", "handled", "verified"),
    ("on_time", "on_time", "handled"),
    ("late", "late", "handled"),
    ("rated", "rated", "handled"),
)
_STEP_COLOURS = {"on_time": theme.STATUS["on_target"], "late": theme.STATUS["off_target"]}


def _step_text(row: pd.Series, column: str, base: str | None, lang: str) -> str:
    """`` 1.234 · 95,1 %``: the count and its share of the step it comes from (named in the hint)."""
    text = f" {fmt_number(row[column], lang)}"
    return text if base is None else f"{text} · {fmt_percent(share(row[column], row[base]), lang)}"


def funnel(summary: pd.DataFrame, lang: str) -> dict | go.Figure:
    """Received → verified → handled (on time / late) → rated: counts, and each step's share of its base."""
    if summary.empty or not summary.at[0, "received"]:
        return figures.empty(lang)
    row = summary.iloc[0]
    steps = list(FUNNEL_STEPS)[::-1]
    bars = _labelled_bars(
        [row[c] for _, c, _ in steps],
        [t(f"feedback.step.{step}", lang) for step, _, _ in steps],
        [_STEP_COLOURS.get(s, theme.PRIMARY) for s, _, _ in steps],
        [_step_text(row, column, base, lang) for _, column, base in steps],
        "%{y}: %{x:,d}<extra></extra>",
    )
    return figures.plain(
        lang,
        [bars],
        height=300,
        margin={"r": 16},
        xaxis={"visible": False, "range": [0, float(row["received"]) * 1.6]},
    )


def reasons_bar(frame: pd.DataFrame, lang: str) -> dict | go.Figure:
    """Reports not verified, per reason, with their share of all received."""
    if frame.empty:
        return figures.empty(lang, "feedback.empty_reasons")
    data = frame.iloc[::-1]
    labels = [t(f"feedback.reason.{r}", lang) for r in data["reason"]]
    return _count_bars(data, labels, theme.ACCENT, lang, row_px=34, right=16, headroom=1.6)


def per_10k_bars(frame: pd.DataFrame, lang: str, selected: str | None = None) -> dict | go.Figure:
    """Reports per 10,000 residents per district (or commune), with the raw count written beside; the
    axis says when the population is an estimate."""
    if frame.empty:
        return figures.empty(lang)
    data = frame.iloc[::-1]
    estimate = (frame["population_basis"] == "estimate").any()
    axis = t("feedback.axis.per10k_estimate" if estimate else "feedback.axis.per10k", lang)
    texts = [
        f" {fmt_number(v, lang, 1)} · {t('feedback.n_reports', lang, n=fmt_number(n, lang))}"
        for v, n in zip(data["per_10k"], data["reports"])
    ]
    bars = _labelled_bars(
        data["per_10k"].to_numpy(),
        [area_name(r, lang) for r in data.to_dict("records")],
        [theme.PRIMARY if selected in (None, c) else MUTED_BAR for c in data["code"]],
        texts,
        "%{y}: %{x:,.1f}<extra></extra>",
        customdata=[[c, lv, p] for c, lv, p in zip(data["code"], data["level"], data["parent_code"])],
    )
    return figures.plain(
        lang,
        [bars],
        height=90 + 26 * len(data),
        margin={"r": 16},
        xaxis={
            "title": {"text": axis},
            "rangemode": "tozero",
            "range": [0, float(data["per_10k"].max() or 1) * 1.9],
        },
    )
