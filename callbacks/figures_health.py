"""Pure builders of the health-records page: month labels and the coverage trend figure.

Frames come from ``queries.health``; every builder draws an explicit empty state for an empty frame.
"""

from __future__ import annotations

from html import escape

import pandas as pd
import plotly.graph_objects as go

from callbacks import figures, theme
from i18n import fmt_date, fmt_percent, t

MEASURES = ("created", "complete")
#: One colour per district when none is highlighted (the palette has eight; the ninth is a light purple).
DISTRICT_COLOURS = [*theme.COLOURWAY, theme.HUE_SHADES[3]]
BACKGROUND_LINE = "#cfc8d8"
_AXIS_DATES = {"vi": "%m/%Y", "en": "%b %Y"}


def month_text(month: object, lang: str) -> str:
    """A month as readers write it: vi ``12/2025``, en ``Dec 2025`` (built from i18n's date format)."""
    day = fmt_date(month, lang)
    if day == fmt_date(None, lang):
        return day
    return day[3:] if lang == "vi" else day.split(" ", 1)[1]


def area_name(row: dict, lang: str) -> str:
    """The area's name in the language (accents kept in Vietnamese, ASCII in English); its code if unknown."""
    name = row.get("name_vi") if lang == "vi" else row.get("name_ascii")
    return str(name) if isinstance(name, str) and name else str(row.get("code"))


def area_names(frame: pd.DataFrame, lang: str) -> pd.Series:
    """``area_name`` for every row of a frame with code, name_vi and name_ascii."""
    names = frame["name_vi" if lang == "vi" else "name_ascii"]
    return names.where(names.notna() & (names != ""), frame["code"]).astype(str)


def target_text(goals: dict[str, dict], measure: str, lang: str) -> str:
    """``Chỉ tiêu 95 %, hạn 31/12/2025``, or that no target is stored."""
    if measure not in goals:
        return t("health.no_target", lang)
    goal = goals[measure]
    value = fmt_percent(goal["target_value"], lang, decimals=0)
    return t("health.trend.target", lang, value=value, due=fmt_date(goal["due_date"], lang))


def _line_styles(codes: list[str], highlighted: str | None) -> dict[str, dict]:
    """District code -> line style: all coloured, or the highlighted one strong and the others faint."""
    if highlighted is None:
        return {
            c: {"color": DISTRICT_COLOURS[i % len(DISTRICT_COLOURS)], "width": 1.5}
            for i, c in enumerate(codes)
        }
    strong, faint = {"color": theme.PRIMARY, "width": 3}, {"color": BACKGROUND_LINE, "width": 1}
    return {c: strong if c == highlighted else faint for c in codes}


def _series(part: pd.DataFrame, name: str, line: dict, lang: str) -> list[dict]:
    """One line in each panel (created above, complete below), one legend entry for both."""
    suffix = " %" if lang == "vi" else "%"
    hover = f"{escape(name)}<br>%{{x|{_AXIS_DATES[lang]}}}: %{{y:.1f}}{suffix}<extra></extra>"
    months = figures.days(part["period"])
    return [
        {
            "type": "scatter",
            "mode": "lines",
            "x": months,
            "y": part[f"{measure}_pct"]
            .round(3)
            .astype(object)
            .where(part[f"{measure}_pct"].notna())
            .tolist(),
            "name": name,
            "legendgroup": name,
            "showlegend": panel == 1,
            "line": line,
            "xaxis": "x" if panel == 1 else "x2",
            "yaxis": "y" if panel == 1 else "y2",
            "hovertemplate": hover,
        }
        for panel, measure in enumerate(MEASURES, start=1)
    ]


def _target_marks(goals: dict[str, dict], span: tuple, lang: str) -> tuple[list[dict], list[dict]]:
    """Dashed target lines labelled with value and due date; a dotted line at the due date when it falls
    within the months shown (the last month counts to its end)."""
    shapes, notes = [], []
    for panel, measure in enumerate(MEASURES, start=1):
        if measure not in goals:
            continue
        x, y = ("x", "y") if panel == 1 else ("x2", "y2")
        value, due = float(goals[measure]["target_value"]), goals[measure]["due_date"]
        dash = {"color": theme.TEXT, "width": 1.5}
        shapes.append(
            {
                "type": "line",
                "xref": f"{x} domain",
                "yref": y,
                "x0": 0,
                "x1": 1,
                "y0": value,
                "y1": value,
                "line": {**dash, "dash": "dash"},
            }
        )
        notes.append(
            {
                "xref": f"{x} domain",
                "yref": y,
                "x": 0.01,
                "y": value,
                "yanchor": "top",
                "xanchor": "left",
                "showarrow": False,
                "text": escape(target_text(goals, measure, lang)),
                "font": {"size": 12, "color": theme.TEXT},
                "bgcolor": "rgba(255,255,255,0.8)",
            }
        )
        if (
            due is not None
            and not pd.isna(due)
            and span[0] <= pd.Timestamp(due) < span[1] + pd.DateOffset(months=1)
        ):
            day = pd.Timestamp(due).strftime("%Y-%m-%d")
            shapes.append(
                {
                    "type": "line",
                    "xref": x,
                    "yref": f"{y} domain",
                    "x0": day,
                    "x1": day,
                    "y0": 0,
                    "y1": 1,
                    "line": {**dash, "dash": "dot"},
                }
            )
    return shapes, notes


def _panel_titles(lang: str) -> list[dict]:
    return [
        {
            "xref": "paper",
            "yref": "paper",
            "x": 0,
            "y": top,
            "yanchor": "bottom",
            "xanchor": "left",
            "showarrow": False,
            "text": f"<b>{escape(t(f'health.card.{measure}', lang))}</b>",
        }
        for measure, top in zip(MEASURES, (1.0, 0.45))
    ]


def _layout(lang: str, shapes: list[dict], notes: list[dict]) -> dict:
    axis_y = {"range": [0, 101], "title": {"text": t("health.trend.axis", lang)}}
    return {
        "height": 640,
        "hovermode": "closest",
        "margin": {"t": 96, "l": 8, "r": 16, "b": 8},
        "legend": {"orientation": "h", "y": 1.04, "yanchor": "bottom", "x": 0},
        "xaxis": {"anchor": "y", "matches": "x2", "showticklabels": False, "type": "date"},
        "xaxis2": {"anchor": "y2", "tickformat": _AXIS_DATES[lang], "type": "date"},
        "yaxis": {**axis_y, "domain": [0.55, 1.0]},
        "yaxis2": {**axis_y, "domain": [0.0, 0.45]},
        "shapes": shapes,
        "annotations": _panel_titles(lang) + notes,
    }


def trend(
    frame: pd.DataFrame,
    names: pd.DataFrame,
    goals: dict[str, dict],
    lang: str,
    district: str | None = None,
    commune_name: str | None = None,
) -> dict | go.Figure:
    """Created % (top) and complete % (bottom) per month: one line per district (the chosen one
    highlighted), the province thick, the chosen commune in gold; target lines and due dates drawn.
    A plain figure (``figures.plain``): through Plotly's object layer it costs ten times more."""
    if frame.empty:
        return figures.empty(lang, "health.empty_month")
    labels = dict(zip(names["code"], area_names(names, lang))) if not names.empty else {}
    districts = frame[frame["level"] == "district"]
    styles = _line_styles(sorted(districts["code"].unique()), district)
    data = []
    for code, part in districts.groupby("code", sort=True):
        data += _series(part, labels.get(code, code), styles[code], lang)
    province = frame[frame["level"] == "province"]
    data += _series(province, t("health.trend.province", lang), {"color": theme.TEXT, "width": 3.5}, lang)
    commune = frame[frame["level"] == "commune"]
    if not commune.empty:
        name = commune_name or str(commune["code"].iloc[0])
        data += _series(commune, name, {"color": theme.ACCENT, "width": 3}, lang)
    shapes, notes = _target_marks(goals, (frame["period"].min(), frame["period"].max()), lang)
    return figures.plain(lang, data, **_layout(lang, shapes, notes))
