"""Pure map builders of the schools page: small frames in, GeoJSON dicts and the legend out.

Colours live in assets/schools.css: a school's level and an area's bin are CSS classes named here and
drawn by the functions in assets/schools_map.js. Boundaries are the warehouse's own GeoJSON text
(areas.geometry), so the map works with no tile layer at all.
"""

from __future__ import annotations

import itertools
import json
from html import escape

import numpy as np
import pandas as pd
from dash import html

from callbacks import maps
from i18n import fmt_number, label, t

#: Level -> index of its CSS class (school-level-N); the order of queries.schools.LEVELS.
LEVEL_INDEX = {"mầm non": 0, "tiểu học": 1, "THCS": 2, "THPT": 3, "khác": 4}
#: Shading bins by quantile (at most five; fewer when the areas have fewer distinct values).
QUANTILES = (0.2, 0.4, 0.6, 0.8)
NO_SCHOOLS = "none"
#: Margin around the schools' extent, in degrees (about 2 km), so edge markers are not cut.
PAD = 0.02


def area_name(row: dict, lang: str) -> str:
    """An area's name: with diacritics in Vietnamese, ASCII in English (as areas.name_ascii intends)."""
    return str(row.get("name_ascii") if lang == "en" and row.get("name_ascii") else row.get("name_vi") or "–")


def school_points(frame: pd.DataFrame) -> dict:
    """A GeoJSON FeatureCollection of schools: id, name, level class, smart, and the hover text (name)."""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [float(row["lon"]), float(row["lat"])]},
            "properties": {
                "school_id": row["school_id"],
                "name": row["name"],
                "tooltip": escape(row["name"]),
                "level_index": LEVEL_INDEX.get(row["level"], 4),
                "smart": bool(row["smart"]),
            },
        }
        for row in frame.to_dict("records")
    ]
    return maps.feature_collection(features)


def viewport(frame: pd.DataFrame) -> dict:
    """Fit the map to the schools shown (or to the province when there are none)."""
    return maps.viewport(frame, PAD)


def breaks(values: pd.Series) -> list[float]:
    """Upper edges between shading bins, from the quantiles of the values, rounded to one decimal."""
    clean = values.dropna().astype(float)
    if clean.nunique() < 2:
        return []
    return sorted(set(np.round(np.quantile(clean, QUANTILES), 1).tolist()))


def bin_of(value: object, edges: list[float]) -> str:
    """The CSS bin ("0"… or "none") of a value."""
    if value is None or pd.isna(value):
        return NO_SCHOOLS
    return str(int(np.searchsorted(edges, float(value), side="right")))


def areas(shapes: pd.DataFrame, ratios: pd.DataFrame, lang: str) -> tuple[dict, list[str]]:
    """(FeatureCollection of the areas with their bin and hover text, the legend's text of each bin)."""
    if shapes.empty:
        return maps.feature_collection([]), []
    values = (
        ratios.set_index("code")["students_per_classroom"] if not ratios.empty else pd.Series(dtype=float)
    )
    edges = breaks(values)
    features = []
    for row in shapes.to_dict("records"):
        value = values.get(row["code"])
        text = fmt_number(value, lang, 1)
        features.append(
            {
                "type": "Feature",
                "geometry": json.loads(row["geometry"]),
                "properties": {
                    "code": row["code"],
                    "bin": bin_of(value, edges),
                    "tooltip": escape(t("schools.tooltip.spc", lang, name=area_name(row, lang), value=text)),
                },
            }
        )
    return maps.feature_collection(features), bin_labels(edges, values, lang)


def _item(marker: html.Span, text: str) -> html.Span:
    return html.Span([marker, text], className="schools-legend-item")


def bin_labels(edges: list[float], values: pd.Series, lang: str) -> list[str]:
    """ "< 24,5", "24,5 – 25,0", …, "≥ 25,6"; a single bin is labelled with its one value."""
    if not edges:
        clean = values.dropna()
        return [fmt_number(clean.iloc[0], lang, 1)] if not clean.empty else []
    marks = [fmt_number(e, lang, 1) for e in edges]
    return [f"< {marks[0]}"] + [f"{a} – {b}" for a, b in itertools.pairwise(marks)] + [f"≥ {marks[-1]}"]


def legend(bins_text: list[str], approximate: bool, lang: str) -> list:
    """Level colours, the smart-school star, the shading bins and a note on the boundaries' quality."""
    levels = [
        _item(html.Span(className=f"school-marker school-level-{i}"), label("schools.level", level, lang))
        for level, i in LEVEL_INDEX.items()
    ]
    smart = _item(
        html.Span("★", className="school-marker school-smart school-level-3"), t("schools.legend.smart", lang)
    )
    bins = [
        _item(html.Span(className=f"schools-swatch schools-bin-{i}"), text)
        for i, text in enumerate(bins_text)
    ]
    bins.append(_item(html.Span(className="schools-swatch schools-bin-none"), t("schools.legend.none", lang)))
    note = "schools.legend.approximate" if approximate else "schools.legend.vintage"
    return [
        html.Div(
            [html.Span(t("schools.legend.levels", lang), className="schools-legend-title"), *levels, smart],
            className="schools-legend-group",
        ),
        html.Div(
            [html.Span(t("schools.legend.spc", lang), className="schools-legend-title"), *bins],
            className="schools-legend-group",
        ),
        html.P(t(note, lang), className="schools-legend-note"),
    ]
