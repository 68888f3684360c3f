"""Pure builders of the map explorer (/map): class breaks, the choropleth's ``hideout`` (each area's
class, read by the style function in assets/map_explorer.js, so a colour change never resends the
boundaries), the legend, the area features and the point layers.
"""

from __future__ import annotations

import itertools
import json
from html import escape

import numpy as np
import pandas as pd
from dash import html

from callbacks.format_overview import value_text
from i18n import fmt_number, is_missing, t
from queries.indicators import Indicator

METHODS = ("quantile", "equal", "target")
CLASSES = 5
NO_DATA = "none"
#: Classes around a target: the edges as fractions of it (within ±5 % is "at the target").
TARGET_EDGES = (0.9, 0.95, 1.05, 1.1)
#: Zoom from which feedback shows as ~100 m cells instead of per-commune totals.
CELLS_ZOOM = 13


def collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def class_breaks(values: pd.Series | None, method: str, target: float | None = None) -> list[float]:
    """Inner edges between classes: quantiles, equal steps between min and max, or around the target
    (``TARGET_EDGES``); fewer when the values allow fewer classes, none without two distinct values."""
    if method == "target" and target:
        return [round(target * share, 2) for share in TARGET_EDGES]
    clean = pd.Series(dtype=float) if values is None else values.dropna().astype(float)
    if clean.nunique() < 2:
        return []
    if method == "equal":
        edges = np.linspace(clean.min(), clean.max(), CLASSES + 1)[1:-1]
    else:
        edges = np.quantile(clean, np.linspace(0, 1, CLASSES + 1)[1:-1])
    return sorted(set(np.round(edges, 2).tolist()))


def class_of(value: object, edges: list[float]) -> str:
    """The class ("0"…, or "none" without a value) a value falls in."""
    if is_missing(value):
        return NO_DATA
    return str(int(np.searchsorted(edges, float(value), side="right")))


def palette(method: str, direction: str) -> str:
    """Sequential shades, or diverging ones around a target whose good side is up or down."""
    return f"target-{direction}" if method == "target" else "sequential"


def hideout(values: pd.DataFrame, edges: list[float], method: str, entry: Indicator, names: dict,
            selected: str | None, lang: str) -> dict:
    """What the style and tooltip functions read: each area's class and hover text, the palette and the
    selected area."""
    found = dict(zip(values.get("area_code", []), values.get("value", [])))
    missing = t("map.legend.no_data", lang)
    labels = {
        code: escape(f"{name}: {missing if is_missing(found.get(code)) else value_text(entry, found[code], lang)}")
        for code, name in names.items()
    }
    classes = {code: class_of(found.get(code), edges) for code in names}
    return {"classes": classes, "labels": labels, "palette": palette(method, entry.direction), "selected": selected}


def empty_hideout(names: dict, selected: str | None, lang: str) -> dict:
    """Every area in the "no data" class (no indicator or no month with data)."""
    labels = {code: f"{name}: {t('map.legend.no_data', lang)}" for code, name in names.items()}
    return {"classes": {}, "labels": labels, "palette": "sequential", "selected": selected}


def no_data_legend(lang: str) -> list:
    return [html.P(t("empty.selection", lang), className="map-legend-note")]


def area_names(shapes: pd.DataFrame, lang: str) -> dict[str, str]:
    """Code -> the area's name in the language (ASCII in English)."""
    column = "name_ascii" if lang == "en" else "name"
    return dict(zip(shapes.get("code", []), shapes.get(column, [])))


def area_features(shapes: pd.DataFrame, lang: str) -> dict:
    """Districts or communes as GeoJSON: code, level, parent, name (the hover text) and whether the
    outline is approximate."""
    features = []
    for row in shapes.to_dict("records"):
        name = row["name_ascii"] if lang == "en" and row.get("name_ascii") else row["name"]
        approximate = row.get("geometry_quality") == "approximate"
        features.append({
            "type": "Feature",
            "geometry": json.loads(row["geometry"]),
            "properties": {
                "code": row["code"], "level": row["level"], "parent": row["parent_code"], "name": name,
                "tooltip": escape(f"{name} ({t('map.approximate_short', lang)})" if approximate else name),
                "approximate": approximate,
            },
        })
    return collection(features)


def class_labels(entry: Indicator, edges: list[float], method: str, lang: str) -> list[str]:
    """"< a", "a – b", …, "≥ z" in the indicator's unit; around a target each class says which side."""
    if not edges:
        return [t("map.legend.one_class", lang)]
    marks = [value_text(entry, e, lang) for e in edges]
    texts = [f"< {marks[0]}"] + [f"{a} – {b}" for a, b in itertools.pairwise(marks)] + [f"≥ {marks[-1]}"]
    if method != "target":
        return texts
    good = "up" if entry.direction == "up" else "down"
    sides = [t(f"map.legend.side.{good}.{i}", lang) for i in range(len(texts))]
    return [f"{text} · {side}" for text, side in zip(texts, sides)]


def _swatch(css: str, text: str) -> html.Span:
    return html.Span([html.Span(className=f"map-swatch {css}"), text], className="map-legend-item")


def legend(
    entry: Indicator, edges: list[float], method: str, approximate: bool, lang: str, no_target: bool = False
) -> list:
    """Title with the unit, one swatch per class, the "no data" class, the boundary note; ``no_target``
    says classes around the target were asked for but the indicator has none (quantiles shown)."""
    pal = palette(method, entry.direction)
    items = [_swatch(f"map-{pal}-{i}", text) for i, text in enumerate(class_labels(entry, edges, method, lang))]
    items.append(_swatch("map-none", t("map.legend.no_data", lang)))
    unit = t(f"map.unit.{entry.unit}", lang)
    title = f"{t(entry.name_key, lang)} ({unit})"
    notes = [html.P(t(f"map.method.{method}.note", lang), className="map-legend-note")]
    if no_target:
        notes.append(html.P(t("map.legend.no_target", lang), className="map-legend-note"))
    if approximate:
        notes.append(html.P(t("map.legend.approximate", lang), className="map-legend-note"))
    if entry.population_based:
        notes.append(html.P(t("map.legend.estimate", lang), className="map-legend-note"))
    return [html.Span(title, className="map-legend-title"), html.Div(items, className="map-legend-items"), *notes]


def _point(lat, lon, properties: dict) -> dict:
    geometry = {"type": "Point", "coordinates": [round(float(lon), 5), round(float(lat), 5)]}
    return {"type": "Feature", "geometry": geometry, "properties": properties}


def points(frame: pd.DataFrame, kind: str, tooltip) -> dict:
    """A point layer of one kind; ``tooltip(row)`` writes each point's hover text."""
    return collection([
        _point(row["lat"], row["lon"], {"kind": kind, "tooltip": escape(tooltip(row))}) for row in frame.to_dict("records")
    ])


def feedback_communes(counts: pd.DataFrame, shapes: pd.DataFrame, lang: str) -> dict:
    """Reports per commune as one disc at each commune's centre, sized by the count."""
    centres = shapes.set_index("code")[["lat", "lon", "name"]] if not shapes.empty else pd.DataFrame()
    features = []
    for row in counts.to_dict("records"):
        if row["code"] not in centres.index:
            continue
        where = centres.loc[row["code"]]
        text = t("map.tip.reports", lang, name=where["name"], count=fmt_number(row["reports"], lang))
        features.append(_point(where["lat"], where["lon"], {"kind": "feedback", "count": int(row["reports"]),
                                                            "tooltip": escape(text)}))
    return collection(features)


def feedback_cells(cells: pd.DataFrame, lang: str) -> dict:
    """Reports per ~100 m cell (zoomed in)."""
    return collection([
        _point(row["lat"], row["lon"], {
            "kind": "feedback", "count": int(row["reports"]),
            "tooltip": t("map.tip.cell", lang, count=fmt_number(row["reports"], lang)),
        })
        for row in cells.to_dict("records")
    ])


def focus(shapes: pd.DataFrame, code: str) -> dict | None:
    """A viewport fitting one area's outline."""
    match = shapes[shapes["code"] == code]
    if match.empty:
        return None
    rings = np.array(_coordinates(json.loads(match["geometry"].iloc[0])))
    west, south = rings.min(axis=0)
    east, north = rings.max(axis=0)
    return {"bounds": [[float(south), float(west)], [float(north), float(east)]], "transition": "flyToBounds"}


def _coordinates(geometry: dict) -> list:
    """Every (lon, lat) pair of a Polygon or MultiPolygon."""
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [pair for polygon in polygons for ring in polygon for pair in ring]
