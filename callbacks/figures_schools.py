"""Pure figure builders of the schools page: a small frame and a language in, a Plotly figure out.

Every builder draws the explicit empty state for an empty frame. Numbers shown on bars and in cells are
written by i18n (``fmt_number`` / ``fmt_percent``); axes follow the language's separators. Charts are
plain figures (``figures.plain``), far cheaper than Plotly's validating objects; tests validate them
through ``go.Figure``.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from callbacks import theme
from callbacks.figures import empty, plain
from callbacks.maps_schools import area_name
from i18n import fmt_date, fmt_number, fmt_percent, is_missing, label, t
from queries.schools import LEVELS, PROVINCE

#: Light to dark gold, the map's shading scale (assets/schools.css), for the heatmap.
SEQUENTIAL = ["#fbf5e9", "#f3e1bd", "#e7c787", "#d3a24a", "#a87720"]
#: The same as (position, colour) pairs: plotly.js reads no bare list of colours, go.Figure made these.
COLOURSCALE = [[i / (len(SEQUENTIAL) - 1), colour] for i, colour in enumerate(SEQUENTIAL)]
DIM = theme.HUE_SHADES[3]


@dataclass(frozen=True)
class Metric:
    """A comparison indicator: its column, how it is written, and its name's string key."""

    column: str
    decimals: int
    percent: bool = False

    def text(self, value: object, lang: str) -> str:
        if self.percent:
            return fmt_percent(value, lang, self.decimals)
        return fmt_number(value, lang, self.decimals)


METRICS = {
    "spc": Metric("students_per_classroom", 1),
    "broadband": Metric("broadband_pct", 1, percent=True),
    "smart_rooms": Metric("smart_classroom_pct", 2, percent=True),
    "smart_schools": Metric("smart_schools", 0),
}


def _target_trace(per_year: pd.DataFrame, row: pd.Series, lang: str) -> dict:
    """The target as a dashed line across the years: a trace, so its caption sits in the legend and never
    covers a bar."""
    due = fmt_date(row["due_date"], lang)
    caption = t("schools.target.line", lang, value=fmt_number(row["target_value"], lang), due=due)
    return {
        "type": "scatter",
        "x": per_year["school_year"].tolist(),
        "y": [float(row["target_value"])] * len(per_year),
        "mode": "lines",
        "name": caption,
        "line": {"dash": "dash", "color": theme.ACCENT, "width": 2},
        "hoverinfo": "skip",
    }


def smart_target_progress(per_year: pd.DataFrame, target: pd.DataFrame, lang: str) -> dict | go.Figure:
    """Smart THPT schools per school year as bars, the target as a dashed line labelled with its due date."""
    if per_year.empty:
        return empty(lang)
    title = t("schools.target.bars", lang)
    top = max([float(per_year["smart_thpt"].max()), *target["target_value"].astype(float)])
    bars = {
        "type": "bar",
        "x": per_year["school_year"].tolist(),
        "y": per_year["smart_thpt"].to_numpy(),
        "name": title,
        "marker": {"color": theme.PRIMARY},
        "text": [fmt_number(v, lang) for v in per_year["smart_thpt"]],
        "textposition": "outside",
        "cliponaxis": False,
        "hovertemplate": "%{x}: %{text}<extra></extra>",
    }
    line = [] if target.empty else [_target_trace(per_year, target.iloc[0], lang)]
    yaxis = {"title": {"text": title}, "rangemode": "tozero", "dtick": 1, "range": [0, max(top, 1) * 1.3]}
    return plain(lang, [bars, *line], height=300, xaxis={"type": "category"}, yaxis=yaxis)


def _district_rows(frame: pd.DataFrame, metric: Metric) -> tuple[pd.DataFrame, pd.Series | None]:
    province = frame[frame["code"] == PROVINCE]
    districts = frame[frame["code"] != PROVINCE].sort_values(metric.column, na_position="first")
    return districts, (province.iloc[0] if not province.empty else None)


def _province_line(value: float, caption: str) -> dict:
    """A dashed vertical line with its caption on top (as layout items: add_vline costs far more time)."""
    line = {"dash": "dash", "color": theme.ACCENT, "width": 2}
    return {
        "shapes": [
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": value,
                "x1": value,
                "y0": 0,
                "y1": 1,
                "line": line,
            }
        ],
        "annotations": [
            {
                "xref": "x",
                "yref": "paper",
                "x": value,
                "y": 1,
                "yanchor": "bottom",
                "text": caption,
                "showarrow": False,
                "font": {"color": theme.TEXT},
            }
        ],
    }


def _bars_layout(metric_key: str, metric: Metric, province: pd.Series | None, top: float, lang: str) -> dict:
    """The x axis (up to a little past the longest bar) and the province's line when it has a value."""
    xaxis = {"title": {"text": t(f"schools.metric.{metric_key}", lang)}, "rangemode": "tozero"}
    if province is None or is_missing(province[metric.column]):
        return {"xaxis": xaxis} | ({"xaxis": {**xaxis, "range": [0, top * 1.2]}} if top > 0 else {})
    value = float(province[metric.column])
    caption = t("schools.province_line", lang, value=metric.text(value, lang))
    return {"xaxis": {**xaxis, "range": [0, max(top, value) * 1.2]}, **_province_line(value, caption)}


def district_bars(frame: pd.DataFrame, metric_key: str, selected: str | None, lang: str) -> dict | go.Figure:
    """Districts sorted by one indicator (largest on top), the chosen district marked, the province dashed."""
    if frame.empty:
        return empty(lang)
    metric = METRICS.get(metric_key, METRICS["spc"])
    districts, province = _district_rows(frame, metric)
    names = [
        ("▶ " if r["code"] == selected else "") + area_name(r, lang) for r in districts.to_dict("records")
    ]
    values = districts[metric.column].astype(float)
    top = float(values.max()) if values.notna().any() else 0.0
    colours = [theme.PRIMARY if selected in (None, code) else DIM for code in districts["code"]]
    bars = {
        "type": "bar",
        "x": values.to_numpy(),
        "y": names,
        "orientation": "h",
        "text": [metric.text(v, lang) for v in values],
        "marker": {"color": colours},
        "textposition": "outside",
        "cliponaxis": False,
        "hovertemplate": "%{y}: %{text}<extra></extra>",
        "showlegend": False,
    }
    yaxis = {"categoryorder": "array", "categoryarray": names}
    layout = _bars_layout(metric_key, metric, province, top, lang)
    return plain(lang, [bars], height=120 + 32 * len(districts), margin={"r": 64}, yaxis=yaxis, **layout)


def _matrix(frame: pd.DataFrame, column: str, codes: list[str], levels: list[str]) -> list[list]:
    """Rows of cells (district, level) -> value; None where the district has no school of that level."""
    cells = {(c, lv): v for c, lv, v in zip(frame["code"], frame["level"], frame[column])}
    return [
        [None if is_missing(cells.get((c, lv))) else float(cells[(c, lv)]) for lv in levels] for c in codes
    ]


def level_heatmap(frame: pd.DataFrame, metric_key: str, lang: str) -> dict | go.Figure:
    """District x level of one indicator, the province as the first row; empty cells have no schools."""
    if frame.empty:
        return empty(lang)
    metric = METRICS.get(metric_key, METRICS["spc"])
    levels = [lv for lv in LEVELS if lv in set(frame["level"])]
    by_code = {r["code"]: r for r in frame.drop_duplicates("code").to_dict("records")}
    codes = [PROVINCE] + sorted(c for c in by_code if c != PROVINCE)
    z = _matrix(frame, metric.column, codes, levels)
    rows = [t("schools.province", lang) if c == PROVINCE else area_name(by_code[c], lang) for c in codes]
    heatmap = {
        "type": "heatmap",
        "z": z,
        "x": [label("schools.level_short", lv, lang) for lv in levels],
        "y": rows,
        "text": [["" if v is None else metric.text(v, lang) for v in line] for line in z],
        "texttemplate": "%{text}",
        "customdata": [[label("schools.level", lv, lang) for lv in levels]] * len(rows),
        "colorscale": COLOURSCALE,
        "showscale": False,
        "xgap": 2,
        "ygap": 2,
        "hovertemplate": "%{y} · %{customdata}: %{text}<extra></extra>",
    }
    layout = {"xaxis": {"side": "top"}, "yaxis": {"autorange": "reversed"}}
    return plain(lang, [heatmap], height=140 + 30 * len(rows), **layout)
