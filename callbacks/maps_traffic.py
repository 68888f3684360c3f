"""Pure map builders of the traffic page: small frames in, GeoJSON dicts and the legend out.

Colours live in assets/traffic.css: a sensor's congestion level, a crash's severity and a hotspot's bin
are CSS classes named here and drawn by the functions in assets/traffic_map.js. District outlines are
the warehouse's own GeoJSON, so the map works with no tile layer at all. Corridor lines join a
corridor's sensors in order along the road's main direction: an approximation, labelled as such.
"""

from __future__ import annotations

import json
from html import escape

import numpy as np
import pandas as pd
from dash import html

from callbacks import maps
from i18n import fmt_datetime, fmt_number, is_missing, label, t

#: Sensor level by mean daily peak-hour volume / capacity: upper edges of free, steady and busy.
LEVEL_EDGES = (0.5, 0.7, 0.85)
LEVELS = ("free", "steady", "busy", "congested")
NO_DATA = "none"
#: Severity (as stored) -> index of its CSS class; unknown severities get -1.
SEVERITY_INDEX = {"nhẹ": 0, "nghiêm trọng": 1, "rất nghiêm trọng": 2, "đặc biệt nghiêm trọng": 3}
#: Hotspot bins by crashes per cell: upper edges (the last bin is open).
HOTSPOT_EDGES = (2, 4)
#: Margin around the sensors' extent, in degrees.
PAD = 0.01


def _point(lon: float, lat: float, properties: dict) -> dict:
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [float(lon), float(lat)]},
        "properties": properties,
    }


def level_of(ratio: object) -> str:
    """The congestion level of a mean peak-hour volume / capacity ("none" without data)."""
    if is_missing(ratio):
        return NO_DATA
    return LEVELS[int(np.searchsorted(LEVEL_EDGES, float(ratio), side="left"))]


def district_outlines(frame: pd.DataFrame) -> dict:
    """The districts' outlines as a FeatureCollection (code only: the layer is not interactive)."""
    if frame.empty:
        return maps.feature_collection([])
    return maps.feature_collection(
        [
            {"type": "Feature", "geometry": json.loads(row["geometry"]), "properties": {"code": row["code"]}}
            for row in frame.to_dict("records")
        ]
    )


def _sensor_tooltip(row: dict, level: str, lang: str) -> str:
    return t(
        "traffic.tooltip.sensor",
        lang,
        sensor=row["sensor_id"],
        corridor=row["corridor"],
        level=t(f"traffic.level.{level}", lang),
        ratio=fmt_number(row["mean_peak_ratio"], lang, 2),
        peak=fmt_number(row["max_peak_ratio"], lang, 2),
        vehicles=fmt_number(row["vehicles_per_day"], lang),
        hours=fmt_number(row["congestion_hours"], lang),
    )


def sensors(frame: pd.DataFrame, lang: str) -> dict:
    """Sensors as points: id, corridor, congestion level (CSS class) and the hover text."""
    features = []
    for row in frame.to_dict("records"):
        level = level_of(row["mean_peak_ratio"])
        features.append(
            _point(
                row["lon"],
                row["lat"],
                {
                    "sensor_id": row["sensor_id"],
                    "corridor": row["corridor"],
                    "level": level,
                    "tooltip": escape(_sensor_tooltip(row, level, lang)),
                },
            )
        )
    return maps.feature_collection(features)


def along_road(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Order of points along their main direction (first principal axis, lon scaled to metres-like)."""
    xy = np.column_stack([lon * np.cos(np.radians(lat.mean())), lat])
    centred = xy - xy.mean(axis=0)
    direction = np.linalg.svd(centred, full_matrices=False)[2][0]
    return np.argsort(centred @ direction, kind="stable")


def corridor_lines(frame: pd.DataFrame) -> dict:
    """One line per corridor with two sensors or more, joining them along the road (approximate)."""
    features = []
    for corridor, part in [] if frame.empty else frame.groupby("corridor", sort=True):
        if len(part) < 2:
            continue
        lon, lat = part["lon"].to_numpy(float), part["lat"].to_numpy(float)
        order = along_road(lon, lat)
        coordinates = [[float(lon[i]), float(lat[i])] for i in order]
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "LineString", "coordinates": coordinates},
                "properties": {"corridor": corridor, "tooltip": escape(corridor)},
            }
        )
    return maps.feature_collection(features)


def viewport(frame: pd.DataFrame) -> dict:
    """Fit the map to the sensors shown (or to the province when there are none)."""
    return maps.viewport(frame, PAD)


def _severity_text(severity: object, lang: str) -> str:
    return label("traffic.severity", "unknown" if is_missing(severity) else severity, lang)


def crashes(frame: pd.DataFrame, lang: str) -> dict:
    """Crash points: id, severity index (CSS class), deaths and the hover text."""
    features = []
    for row in frame.to_dict("records"):
        road = label("traffic.road", "unknown" if is_missing(row["road_type"]) else row["road_type"], lang)
        where = f"{road} · {row['corridor']}" if not is_missing(row["corridor"]) else road
        tooltip = t(
            "traffic.tooltip.crash",
            lang,
            time=fmt_datetime(row["occurred_at"], lang),
            severity=_severity_text(row["severity"], lang),
            deaths=fmt_number(row["deaths"], lang),
            injuries=fmt_number(row["injuries"], lang),
            road=where,
        )
        features.append(
            _point(
                row["lon"],
                row["lat"],
                {
                    "incident_id": row["incident_id"],
                    "severity": SEVERITY_INDEX.get(row["severity"], -1),
                    "deaths": int(row["deaths"]),
                    "tooltip": escape(tooltip),
                },
            )
        )
    return maps.feature_collection(features)


def hotspot_bin(count: int) -> int:
    """The hotspot bin (0, 1, 2…) of a cell's crash count."""
    return int(np.searchsorted(HOTSPOT_EDGES, count, side="left"))


def hotspots(frame: pd.DataFrame, cell: float, lang: str) -> dict:
    """Hotspot cells as squares with their bin (CSS class) and the hover text."""
    features = []
    for row in frame.to_dict("records"):
        south, west = row["cell_row"] * cell, row["cell_col"] * cell
        ring = [
            [west, south],
            [west + cell, south],
            [west + cell, south + cell],
            [west, south + cell],
            [west, south],
        ]
        tooltip = t(
            "traffic.tooltip.hotspot",
            lang,
            crashes=fmt_number(row["crashes"], lang),
            deaths=fmt_number(row["deaths"], lang),
            injuries=fmt_number(row["injuries"], lang),
        )
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Polygon", "coordinates": [ring]},
                "properties": {"bin": hotspot_bin(int(row["crashes"])), "tooltip": escape(tooltip)},
            }
        )
    return maps.feature_collection(features)


def _item(marker: html.Span, text: str) -> html.Span:
    return html.Span([marker, text], className="traffic-legend-item")


def _group(title: str, items: list) -> html.Div:
    return html.Div(
        [html.Span(title, className="traffic-legend-title"), *items], className="traffic-legend-group"
    )


def _level_text(level: str, lang: str) -> str:
    edges = [fmt_number(e, lang, 2) for e in LEVEL_EDGES]
    ranges = {
        "free": f"≤ {edges[0]}",
        "steady": f"{edges[0]} – {edges[1]}",
        "busy": f"{edges[1]} – {edges[2]}",
        "congested": f"> {edges[2]}",
    }
    return (
        f"{t(f'traffic.level.{level}', lang)} ({ranges[level]})"
        if level in ranges
        else t(f"traffic.level.{level}", lang)
    )


def legend(min_crashes: int, lang: str) -> list:
    """What the sensor colours, crash marks, hotspot cells and corridor lines mean."""
    levels = [
        _item(html.Span(className=f"traffic-sensor traffic-level-{level}"), _level_text(level, lang))
        for level in (*LEVELS, NO_DATA)
    ]
    severities = [
        _item(
            html.Span(className=f"traffic-crash traffic-severity-{i}"),
            label("traffic.severity", severity, lang),
        )
        for severity, i in SEVERITY_INDEX.items()
    ]
    bins = ["2", "3 – 4", "≥ 5"]
    cells = [
        _item(html.Span(className=f"traffic-swatch traffic-hotspot-{i}"), text) for i, text in enumerate(bins)
    ]
    line = _item(html.Span(className="traffic-line"), t("traffic.legend.corridors", lang))
    return [
        _group(t("traffic.legend.sensors", lang), levels),
        _group(t("traffic.legend.crashes", lang), severities),
        _group(t("traffic.legend.hotspots", lang, n=min_crashes), cells),
        html.Div(line, className="traffic-legend-group"),
    ]
