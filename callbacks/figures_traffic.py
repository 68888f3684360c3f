"""Pure figure builders of the traffic page's volume charts: volume over time with holidays and tourism
peaks, the hour × weekday heatmap and one sensor's 24-hour profile.

Each takes small frames and the language, and draws an explicit empty state for an empty frame. Colours
come from callbacks/theme.py; a corridor keeps its colour whatever the filters (its place in the list of
every corridor). Charts are plain figures (``figures.plain``), cheaper than Plotly's validating objects;
tests build a ``go.Figure`` from each to validate them.
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from callbacks import theme
from callbacks.figures import days, empty, measured_margins, plain
from i18n import fmt_date, t

HOLIDAY_FILL = "#868e96"
#: Tourism peak kind -> fill opacity (the summer season is long, so it is the lightest).
PEAK_OPACITY = {"summer": 0.10, "reunification": 0.28, "festival": 0.28}
HALF_DAY = pd.Timedelta(hours=12)
#: Heatmap scale from the product's purple, lightest first.
SEQUENTIAL = [
    [0.0, theme.HUE_SHADES[0]],
    [0.35, theme.HUE_SHADES[3]],
    [0.7, theme.HUE_SHADES[6]],
    [1.0, theme.HUE_SHADES[9]],
]


def corridor_colour(corridor: str, every: list[str]) -> str:
    """The corridor's colour: its place among every corridor, so filters never repaint it."""
    index = every.index(corridor) if corridor in every else len(every)
    return theme.COLOURWAY[index % len(theme.COLOURWAY)]


def _span_text(first: object, last: object, lang: str) -> str:
    first, last = fmt_date(first, lang), fmt_date(last, lang)
    return first if first == last else f"{first} – {last}"


def _band(first: object, last: object, colour: str, opacity: float) -> dict:
    """A shaded band over whole days, behind the lines (a layout shape: added once, with the others)."""
    return {
        "type": "rect",
        "xref": "x",
        "yref": "paper",
        "x0": pd.Timestamp(first) - HALF_DAY,
        "x1": pd.Timestamp(last) + HALF_DAY,
        "y0": 0,
        "y1": 1,
        "fillcolor": colour,
        "opacity": opacity,
        "layer": "below",
        "line": {"width": 0},
    }


def _band_marks(bands: pd.DataFrame, top: float, name: str, colour: str) -> dict:
    """One hoverable mark on top of each band, named in the legend (the bands themselves cannot hover)."""
    first, last = pd.to_datetime(bands["first_day"]), pd.to_datetime(bands["last_day"])
    return {
        "type": "scatter",
        "x": (first + (last - first) / 2).to_numpy(),
        "y": [top] * len(bands),
        "mode": "markers",
        "name": name,
        "text": list(bands["text"]),
        "marker": {"symbol": "triangle-down", "size": 11, "color": colour},
        "hovertemplate": "%{text}<extra></extra>",
        "cliponaxis": False,
    }


def _tet_label(first: object, lang: str) -> dict:
    return {
        "x": pd.Timestamp(first),
        "y": 1,
        "yref": "paper",
        "yanchor": "bottom",
        "text": t("traffic.tet", lang),
        "showarrow": False,
        "font": {"size": 11, "color": theme.MUTED},
    }


def _holidays(holidays: pd.DataFrame, top: float, lang: str) -> tuple[list, list, list]:
    """(shapes, annotations, traces) marking the days off: grey bands, "Tết" over Tết, hover marks."""
    if holidays.empty:
        return [], [], []
    texts = [
        f"{names}<br>{_span_text(a, b, lang)}"
        for names, a, b in zip(holidays["names"], holidays["first_day"], holidays["last_day"])
    ]
    rows = holidays.assign(text=texts)
    shapes = [_band(a, b, HOLIDAY_FILL, 0.3) for a, b in zip(rows["first_day"], rows["last_day"])]
    labels = [_tet_label(a, lang) for a, tet in zip(rows["first_day"], rows["tet"]) if tet]
    return shapes, labels, [_band_marks(rows, top, t("traffic.holidays", lang), HOLIDAY_FILL)]


def _peaks(peaks: pd.DataFrame, top: float, lang: str) -> tuple[list, list]:
    """(shapes, traces) marking the approximate tourism peaks: gold bands and hover marks."""
    if peaks.empty:
        return [], []
    texts = [
        f"{t(f'traffic.peak.{kind}', lang)}<br>{_span_text(a, b, lang)}"
        for kind, a, b in zip(peaks["kind"], peaks["first_day"], peaks["last_day"])
    ]
    rows = peaks.assign(text=texts)
    shapes = [
        _band(a, b, theme.ACCENT, PEAK_OPACITY.get(kind, 0.2))
        for kind, a, b in zip(rows["kind"], rows["first_day"], rows["last_day"])
    ]
    return shapes, [_band_marks(rows, top, t("traffic.tourism", lang), theme.ACCENT)]


def _corridor_lines(series: pd.DataFrame, every: list[str]) -> list[dict]:
    return [
        {
            "type": "scatter",
            "x": days(part["period_start"]),
            "y": part["vehicles_per_day"].to_numpy(),
            "mode": "lines",
            "name": corridor,
            "line": {"color": corridor_colour(corridor, every), "width": 1.8},
            "hovertemplate": f"{corridor}<br>%{{x|%d/%m/%Y}}: %{{y:,.0f}}<extra></extra>",
        }
        for corridor, part in series.groupby("corridor", sort=True)
    ]


def volume_chart(
    series: pd.DataFrame, holidays: pd.DataFrame, peaks: pd.DataFrame, every: list[str], lang: str
) -> dict | go.Figure:
    """Vehicles per day at a counting point, one line per corridor, with holiday and tourism bands.

    A plain figure (``figures.plain``): the page's first chart, asked again at every filter change."""
    if series.empty:
        return empty(lang)
    top = float(series["vehicles_per_day"].max()) * 1.06
    holiday_shapes, labels, holiday_marks = _holidays(holidays, top, lang)
    peak_shapes, peak_marks = _peaks(peaks, top, lang)
    return plain(
        lang,
        _corridor_lines(series, every) + holiday_marks + peak_marks,
        height=420,
        hovermode="closest",
        margin={"t": 56, **measured_margins(top * 1.04, lang)["margin"]},
        yaxis={"title": {"text": t("traffic.axis.vehicles_per_day", lang)}, "range": [0, top * 1.04],
               "tickformat": ",d"},  # 70.000 in Vietnamese, not plotly's 70k
        xaxis={"tickformat": "%d/%m/%Y" if lang == "vi" else "%d %b %Y"},
        shapes=holiday_shapes + peak_shapes,
        annotations=labels,
    )


def _weekday_labels(lang: str) -> list[str]:
    return [t(f"traffic.weekday.{d}", lang) for d in range(1, 8)]


def heatmap(frame: pd.DataFrame, measure: str, lang: str) -> dict | go.Figure:
    """Hour of day (columns) × weekday (rows, Monday on top): vehicles per hour or % of hours congested."""
    if frame.empty:
        return empty(lang)
    column = "congested_pct" if measure == "congestion" else "vehicles_per_hour"
    grid = frame.pivot(index="weekday", columns="hour", values=column).reindex(
        index=range(1, 8), columns=range(24)
    )
    number = (
        "%{z:,.1f} %"
        if measure == "congestion" and lang == "vi"
        else ("%{z:,.1f}%" if measure == "congestion" else "%{z:,.0f}")
    )
    cells = {
        "type": "heatmap",
        "z": grid.to_numpy(),
        "x": list(range(24)),
        "y": _weekday_labels(lang),
        "colorscale": SEQUENTIAL,
        "zmin": 0,
        "hovertemplate": f"%{{y}} %{{x}}h: {number} {t(f'traffic.hover.{measure}', lang)}<extra></extra>",
        "xgap": 1,
        "ygap": 1,
        "colorbar": {
            "title": {"text": t(f"traffic.scale.{measure}", lang), "side": "right"},
            "thickness": 12,
        },
    }
    return plain(
        lang,
        [cells],
        height=330,
        margin={"t": 16},
        xaxis={"title": {"text": t("traffic.axis.hour", lang)}, "dtick": 3, "showgrid": False},
        yaxis={"autorange": "reversed", "showgrid": False},
    )


def _profile_lines(frame: pd.DataFrame, lang: str) -> list[dict]:
    """The mean vehicles per hour on weekdays and at the weekend (a day type without counts left out)."""
    styles = {"weekday": (theme.PRIMARY, "solid"), "weekend": (theme.COLOURWAY[1], "dash")}
    lines = []
    for day_type, (colour, dash) in styles.items():
        part = frame[frame["day_type"] == day_type].sort_values("hour")
        if part.empty:
            continue
        name = t(f"traffic.day.{day_type}", lang)
        lines.append(
            {
                "type": "scatter",
                "x": part["hour"].to_numpy(),
                "y": part["vehicles_per_hour"].to_numpy(),
                "mode": "lines+markers",
                "name": name,
                "line": {"color": colour, "dash": dash, "width": 2},
                "marker": {"size": 5},
                "hovertemplate": f"{name}<br>%{{x}}h: %{{y:,.0f}}<extra></extra>",
            }
        )
    return lines


def _capacity_lines(capacity: float, lang: str) -> list[dict]:
    """The sensor's capacity (dotted) and the congestion threshold (dashed) across the day."""
    lines = ((1.0, "traffic.capacity_line", "dot"), (0.85, "traffic.threshold_line", "dash"))
    return [
        {
            "type": "scatter",
            "x": [-0.5, 23.5],
            "y": [float(capacity) * share] * 2,
            "mode": "lines",
            "name": t(key, lang),
            "line": {"color": theme.MUTED, "dash": dash, "width": 1.2},
            "hoverinfo": "skip",
        }
        for share, key, dash in lines
    ]


def profile(frame: pd.DataFrame, with_capacity: bool, lang: str) -> dict | go.Figure:
    """A sensor's mean vehicles per hour, weekdays and weekend; its capacity and the congestion
    threshold when all vehicles are counted (a single vehicle type is not compared with capacity)."""
    drawn = ["day_type", "hour", "vehicles_per_hour"]  # filtering all eleven columns took a third of the time
    hours = frame.loc[frame["hour"].notna(), drawn] if not frame.empty else frame
    if hours.empty:
        return empty(lang)
    capacity = frame["capacity_veh_h"].iloc[0]
    compared = with_capacity and not pd.isna(capacity)
    return plain(
        lang,
        _profile_lines(hours, lang) + (_capacity_lines(capacity, lang) if compared else []),
        height=320,
        margin={"t": 48},
        xaxis={"title": {"text": t("traffic.axis.hour", lang)}, "dtick": 3, "range": [-0.5, 23.5]},
        yaxis={"title": {"text": t("traffic.axis.vehicles_per_hour", lang)}, "rangemode": "tozero"},
    )
