"""Pure map builders of the feedback page's hotspot map (dash-leaflet; JS in assets/feedback_map.js).

The commune outlines are sent once per page view; what changes with the filters is the layer's
``hideout``: each commune's colour bin and tooltip text. Zoomed in to ``POINTS_ZOOM`` or more, the
communes become outlines and the reports appear as ~100 m cells (coarsened and small cells left out by
``queries.feedback_map``).
"""

from __future__ import annotations

import json
from html import escape

import pandas as pd
from dash import html

from callbacks import theme
from i18n import fmt_number, t

#: From this zoom level on, ~100 m cells are drawn instead of commune colours.
POINTS_ZOOM = 14
#: Zoom used to show a chosen district.
DISTRICT_ZOOM = 11
#: Colours of the commune bins, lightest first (the product's purple).
BIN_COLOURS = [theme.HUE_SHADES[i] for i in (1, 3, 5, 7, 9)]


def _feature(row: dict, properties: dict) -> dict:
    return {"type": "Feature", "geometry": json.loads(row["geometry"]), "properties": properties}


def boundaries(frame: pd.DataFrame, lang: str) -> tuple[dict, dict]:
    """(communes, districts) as GeoJSON FeatureCollections with code, district and name."""
    layers = {"commune": [], "district": []}
    for row in [] if frame.empty else frame.to_dict("records"):
        props = {"code": row["code"], "district": row["parent_code"], "name": area_name(row, lang)}
        layers.setdefault(row["level"], []).append(_feature(row, props))
    return tuple(
        {"type": "FeatureCollection", "features": layers[level]} for level in ("commune", "district")
    )


def focus(frame: pd.DataFrame, district: str | None, commune: str | None) -> dict | None:
    """The map viewport for a chosen commune (close enough to see its cells) or district; None for neither."""
    code, zoom = (commune, POINTS_ZOOM) if commune else (district, DISTRICT_ZOOM)
    match = frame[frame["code"] == code] if code and not frame.empty else pd.DataFrame()
    if match.empty or pd.isna(match["lat"].iloc[0]):
        return None
    return {"center": [float(match["lat"].iloc[0]), float(match["lon"].iloc[0])], "zoom": zoom}


def bin_edges(counts: pd.Series) -> list[int]:
    """Upper edges of up to five bins holding about as many communes each (quantiles, whole reports)."""
    if counts.empty:
        return []
    edges = sorted({round(float(q)) for q in counts.quantile([0.2, 0.4, 0.6, 0.8, 1.0])})
    return edges[: len(BIN_COLOURS)]


def _bin(value: int, edges: list[int]) -> int:
    return next((i for i, edge in enumerate(edges) if value <= edge), len(edges) - 1)


def area_name(row: dict, lang: str) -> str:
    """An area's name: with accents in Vietnamese, ASCII in English (as on the other pages)."""
    return str((row.get("name") if lang == "vi" else row.get("name_ascii")) or row.get("name") or row["code"])


def commune_tooltip(row: dict, estimate: bool, lang: str) -> str:
    text = f"{area_name(row, lang)}: {t('feedback.n_reports', lang, n=fmt_number(row['reports'], lang))}"
    if row.get("per_10k") is not None and row["per_10k"] == row["per_10k"]:
        key = "feedback.map_rate_estimate" if estimate else "feedback.map_rate"
        text += f" · {t(key, lang, rate=fmt_number(row['per_10k'], lang, 1))}"
    return escape(text)


def commune_hideout(frame: pd.DataFrame, selected: str | None, zoom: float | None, lang: str) -> dict:
    """What the commune layer's style and tooltip functions read: bin and text per commune code."""
    edges = bin_edges(frame["reports"]) if not frame.empty else []
    estimate = not frame.empty and (frame["population_basis"] == "estimate").any()
    rows = [] if frame.empty else frame.to_dict("records")
    return {
        "bins": {r["code"]: _bin(int(r["reports"]), edges) for r in rows},
        "labels": {r["code"]: commune_tooltip(r, estimate, lang) for r in rows},
        "colours": BIN_COLOURS,
        "selected": selected,
        "outline": bool(zoom is not None and zoom >= POINTS_ZOOM),
        "none": t("feedback.map_none", lang),
    }


def legend(frame: pd.DataFrame, lang: str) -> list:
    """Swatches with the report counts each colour stands for, and the outline caveat."""
    if frame.empty:
        return [html.Span(t("empty.selection", lang))]
    edges = bin_edges(frame["reports"])
    lows = [1, *[e + 1 for e in edges[:-1]]]
    items = [
        html.Span(
            [
                html.Span(className=f"feedback-swatch feedback-bin-{i}"),
                f"{fmt_number(low, lang)}–{fmt_number(high, lang)}" if low < high else fmt_number(high, lang),
            ],
            className="feedback-legend-item",
        )
        for i, (low, high) in enumerate(zip(lows, edges))
    ]
    return [html.Span(t("feedback.legend_title", lang), className="feedback-legend-title"), *items]


def cells(frame: pd.DataFrame | None, lang: str) -> dict:
    """~100 m cells as GeoJSON points with their report count and tooltip (none for no frame)."""
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
            "properties": {
                "n": int(row["reports"]),
                "tooltip": t("feedback.n_reports", lang, n=fmt_number(row["reports"], lang)),
            },
        }
        for row in ([] if frame is None or frame.empty else frame.to_dict("records"))
    ]
    return {"type": "FeatureCollection", "features": features}


def map_note(zoom: float | None, summary: pd.DataFrame | None, shown: int, lang: str) -> str:
    """What the map shows at this zoom: communes, or how many cells and what was left out."""
    if zoom is None or zoom < POINTS_ZOOM:
        return t("feedback.map_note_communes", lang, zoom=POINTS_ZOOM)
    if summary is None or summary.empty or not summary.at[0, "cells"]:
        return t("feedback.map_note_no_cells", lang)
    row = summary.iloc[0]
    return t(
        "feedback.map_note_cells",
        lang,
        shown=fmt_number(shown, lang),
        cells=fmt_number(row["cells"], lang),
        hidden=fmt_number(row["cells"] - row["cells_shown"], lang),
        hidden_reports=fmt_number(row["reports"] - row["reports_shown"], lang),
    )
