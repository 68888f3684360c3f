"""Pure map builders of the health-records page: outlines as GeoJSON, colours and tooltips as the
layer's ``hideout``, the legend and the note on approximate outlines.

The outlines change only with the level (and the district whose communes are shown); colours and
tooltips travel separately in ``hideout``, read by ``assets/health_map.js``. Classes are fixed bands
below the target, so "reached" means the same on every map.
"""

from __future__ import annotations

import json
from functools import lru_cache
from html import escape
from itertools import pairwise

import pandas as pd
from dash import html

from callbacks import theme
from callbacks.figures_health import area_names, month_text
from i18n import fmt_number, fmt_percent, is_missing, t

#: Band edges as points below the target: [target-30, target-15), [target-15, target-5), …
BAND_STEPS = (30, 15, 5)
#: Light to dark; the last class is "target reached".
CLASS_COLOURS = [
    theme.HUE_SHADES[1],
    theme.HUE_SHADES[3],
    theme.HUE_SHADES[5],
    theme.HUE_SHADES[7],
    theme.HUE_SHADES[9],
]
NO_DATA = "#dee2e6"


def edges(target: float) -> list[float]:
    """Lower edges of the classes above the first: ``[T-30, T-15, T-5, T]`` (never below 0)."""
    return [max(target - step, 0.0) for step in BAND_STEPS] + [float(target)]


def colour(pct: object, target: float) -> str:
    """Fill colour of a coverage value: its band below the target, the darkest once reached."""
    if is_missing(pct):
        return NO_DATA
    return CLASS_COLOURS[sum(float(pct) >= edge for edge in edges(target))]


def shapes_in(shapes: pd.DataFrame, level: str, district: str | None) -> pd.DataFrame:
    """The outlines to draw: every district, or the communes of the chosen district (all without one)."""
    if shapes.empty or level != "commune" or not district:
        return shapes
    return shapes[shapes["district_code"] == district].reset_index(drop=True)


@lru_cache(maxsize=1024)
def _geometry(text: str) -> dict:
    # Outlines change only with a new load; parsing them once per text keeps the map callback fast.
    # Callers never modify the parsed geometry.
    return json.loads(text)


def feature_collection(shapes: pd.DataFrame, level: str) -> dict:
    """GeoJSON of the outlines; each feature carries its code, level and district for clicks."""
    features = [
        {
            "type": "Feature",
            "id": code,
            "properties": {"code": code, "level": level, "district_code": district},
            "geometry": _geometry(geometry),
        }
        for code, district, geometry in zip(shapes["code"], shapes["district_code"], shapes["geometry"])
    ]
    return {"type": "FeatureCollection", "features": features}


TIP_COLUMNS = ("created_pct", "complete_pct", "without_record")


def _tooltip(name: str, figures: tuple | None, lang: str) -> str:
    lines = [f"<b>{escape(name)}</b>"]
    if figures is None:
        return "<br>".join([*lines, escape(t("health.tip.no_data", lang))])
    created, complete, without = figures
    lines += [
        escape(t("health.tip.created", lang, value=fmt_percent(created, lang))),
        escape(t("health.tip.complete", lang, value=fmt_percent(complete, lang))),
        escape(t("health.tip.without", lang, n=fmt_number(without, lang))),
    ]
    return "<br>".join(lines)


def hideout(
    shapes: pd.DataFrame, coverage: pd.DataFrame, measure: str, target: float, selected: str | None, lang: str
) -> dict:
    """Per code: fill colour and tooltip HTML; plus the selected code (drawn with a thick outline)."""
    figures = {}
    if not coverage.empty and "created_pct" in coverage:
        figures = dict(zip(coverage["code"], zip(*(coverage[c] for c in TIP_COLUMNS))))
    which = TIP_COLUMNS.index(f"{measure}_pct")
    names = area_names(shapes, lang)
    fills, tips = {}, {}
    for code, name in zip(shapes["code"], names):
        row = figures.get(code)
        fills[code] = colour(row[which] if row else None, target)
        tips[code] = _tooltip(str(name), row, lang)
    return {"fills": fills, "tips": tips, "selected": selected, "noData": NO_DATA}


def _band_labels(target: float, lang: str) -> list[str]:
    cuts = [fmt_percent(e, lang, decimals=0) for e in edges(target)]
    labels = [t("health.legend.below", lang, hi=cuts[0])]
    labels += [t("health.legend.band", lang, lo=lo, hi=hi) for lo, hi in pairwise(cuts)]
    return [*labels, t("health.legend.reached", lang, lo=cuts[-1])]


def _legend_item(fill: str, text: str) -> html.Li:
    # The swatch colour is data, not styling: it must match the map's fill exactly.
    return html.Li([html.Span(className="health-swatch", style={"background": fill}), html.Span(text)])


def legend(measure: str, target: float, month: object, lang: str) -> html.Div:
    """Title (measure and month), the classes from the highest down, and the "no data" class."""
    title = t(
        "health.legend.title",
        lang,
        measure=t(f"health.measure.{measure}", lang),
        month=month_text(month, lang),
    )
    items = [_legend_item(c, text) for c, text in zip(CLASS_COLOURS, _band_labels(target, lang))][::-1]
    items.append(_legend_item(NO_DATA, t("health.legend.no_data", lang)))
    return html.Div(
        [html.H3(title, className="health-legend-title"), html.Ul(items, className="health-legend")]
    )


def note(shapes: pd.DataFrame, lang: str) -> str | None:
    """The warning that outlines are approximate, when any shown outline is."""
    if shapes.empty or not (shapes["geometry_quality"] == "approximate").any():
        return None
    return t("health.map_approx", lang)
