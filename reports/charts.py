"""The briefing's charts: the print-only figure builders, and ``png`` which turns any figure into PNG bytes.

``png`` goes through kaleido and Debian's chromium with ONE renderer per process: the first call starts
kaleido's sync server (a chromium kept open, about half a second per image afterwards instead of four
seconds for a browser per image), and every later call reuses it. Calls are serialised by a lock: the
server answers one request at a time through shared queues. Nothing is downloaded: kaleido finds
``/usr/bin/chromium`` itself, plotly.js comes from the plotly package, and MathJax (a CDN script by
default) is switched off.

The map is drawn as filled outlines on plain axes, not as a ``geo`` subplot: plotly.js fetches a world
topojson from its CDN for every ``geo`` subplot, which fails offline.
"""

from __future__ import annotations

import json
import math
import threading
from itertools import pairwise

import kaleido
import pandas as pd
import plotly.graph_objects as go

from callbacks import figures, maps_health, theme
from i18n import fmt_percent, t

#: Pixel width of every chart; the template scales it to the page's text width (180 mm).
WIDTH = 900
#: Device pixels per CSS pixel, so lines and text stay sharp on paper.
SCALE = 2
DEFAULT_HEIGHT = 400
MONTH_FORMAT = {"vi": "%m/%Y", "en": "%b %Y"}

_render_lock = threading.Lock()
_started = False


def _start_renderer() -> None:
    global _started
    if not _started:
        kaleido.start_sync_server(mathjax=False, silence_warnings=True)
        _started = True


def png(fig: go.Figure | dict, width: int = WIDTH) -> bytes:
    """The figure (or a plain figure dict, see ``figures.plain``) as PNG bytes, at its own layout height
    (or ``DEFAULT_HEIGHT``)."""
    fig = go.Figure(fig) if isinstance(fig, dict) else fig
    height = fig.layout.height or DEFAULT_HEIGHT
    opts = {"format": "png", "width": width, "height": height, "scale": SCALE}
    global _started
    with _render_lock:
        _start_renderer()
        try:
            return kaleido.calc_fig_sync(fig, opts=opts)
        except Exception:
            # A dead chromium would fail every later call: stop the server so the next call starts anew.
            kaleido.stop_sync_server(silence_warnings=True)
            _started = False
            raise


# --- feedback: volume and on-time handling ------------------------------------------------------------


def feedback_trend(months: pd.DataFrame, target: float | None, lang: str) -> go.Figure:
    """Bars of reports received per month and a line of the share handled on time (right axis), with
    the on-time target as a dashed line. ``months``: ``month, received, on_time_pct``."""
    if months.empty:
        return figures.empty(lang)
    top = max(float(months["received"].fillna(0).max()), 1.0) * 1.7  # bars keep below the on-time line
    fig = figures.base(
        lang,
        height=360,
        margin={"t": 40, "r": 8, "l": 8, "b": 8},
        xaxis={"tickformat": MONTH_FORMAT[lang], "dtick": "M1", "title": None},
        yaxis={
            "title": {"text": t("briefing.axis.received", lang)}, "range": [0, top], "tickformat": ",d",
        },
        yaxis2={
            "title": {"text": t("briefing.axis.on_time", lang)}, "overlaying": "y", "side": "right",
            "range": [0, 105], "tickmode": "array", "tickvals": [0, 20, 40, 60, 80, 100], "showgrid": False,
        },
    )
    fig.add_bar(
        x=months["month"], y=months["received"], name=t("briefing.axis.received", lang),
        marker_color=theme.HUE_SHADES[3], texttemplate="%{y:,d}", textposition="outside", cliponaxis=False,
    )
    fig.add_scatter(
        x=months["month"], y=months["on_time_pct"], name=t("briefing.axis.on_time", lang), yaxis="y2",
        mode="lines+markers", line={"color": theme.PRIMARY, "width": 3},
    )
    if target is not None:
        label = t("briefing.target_line", lang, value=fmt_percent(target, lang, 0))
        fig.add_hline(
            y=target, yref="y2", line={"color": theme.ACCENT, "dash": "dash", "width": 2},
            annotation={"text": label, "font": {"color": theme.ACCENT}, "bgcolor": "#ffffff"},
            annotation_position="bottom left",
        )
    return fig


# --- health: coverage by district ---------------------------------------------------------------------


def _rings(geometry: dict) -> list[list[list[float]]]:
    """Outer rings of a GeoJSON Polygon or MultiPolygon."""
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"][0]]
    return [polygon[0] for polygon in geometry["coordinates"]]


def _centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """(area, x, y) of a ring by the shoelace formula (degrees are fine at this scale)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if area == 0:
        return 0.0, ring[0][0], ring[0][1]
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def _outline(rings: list, fill: str, selected: bool) -> go.Scatter:
    xs, ys = [], []
    for ring in rings:
        xs += [p[0] for p in ring] + [None]
        ys += [p[1] for p in ring] + [None]
    line = {"color": theme.TEXT, "width": 3} if selected else {"color": "#ffffff", "width": 1}
    return go.Scatter(
        x=xs, y=ys, mode="lines", fill="toself", fillcolor=fill, line=line, showlegend=False, hoverinfo="skip"
    )


def _band_labels(target: float, lang: str) -> list[str]:
    cuts = [fmt_percent(edge, lang, decimals=0) for edge in maps_health.edges(target)]
    labels = [t("health.legend.below", lang, hi=cuts[0])]
    labels += [t("health.legend.band", lang, lo=lo, hi=hi) for lo, hi in pairwise(cuts)]
    return [*labels, t("health.legend.reached", lang, lo=cuts[-1])]


def _legend(fig: go.Figure, target: float, lang: str) -> None:
    classes = list(zip(maps_health.CLASS_COLOURS, _band_labels(target, lang)))[::-1]
    for colour, label in [*classes, (maps_health.NO_DATA, t("health.legend.no_data", lang))]:
        fig.add_scatter(
            x=[None], y=[None], mode="markers", name=label,
            marker={"symbol": "square", "size": 14, "color": colour, "line": {"color": theme.MUTED, "width": 1}},
        )


def coverage_map(
    shapes: pd.DataFrame, coverage: dict[str, float], target: float, selected: str | None, lang: str
) -> go.Figure:
    """Districts filled by their band of coverage below the target (the health page's classes), each
    labelled with its name and value; ``selected`` outlined. ``shapes``: ``code, name_vi, geometry``;
    ``coverage``: district code -> %."""
    if shapes.empty:
        return figures.empty(lang)
    fig = figures.base(lang, height=560, margin={"t": 8, "r": 8, "l": 8, "b": 8}, legend={
        "orientation": "v", "x": 1.0, "xanchor": "right", "y": 1.0, "yanchor": "top", "bgcolor": "#ffffff",
    })
    labels, lats = [], []
    for code, name, text in zip(shapes["code"], shapes["name_vi"], shapes["geometry"]):
        rings = _rings(json.loads(text))
        value = coverage.get(code)
        fig.add_trace(_outline(rings, maps_health.colour(value, target), code == selected))
        _, x, y = max(_centroid(ring) for ring in rings)
        labels.append((x, y, f"<b>{name}</b><br>{fmt_percent(value, lang)}"))
        lats.append(y)
    for x, y, text in labels:  # on a white card: the darkest fill would swallow dark text
        fig.add_annotation(
            x=x, y=y, text=text, showarrow=False, bgcolor="rgba(255,255,255,0.85)", borderpad=2,
            font={"size": 11, "color": theme.TEXT},
        )
    _legend(fig, target, lang)
    ratio = math.cos(math.radians(sum(lats) / len(lats)))  # a degree of longitude is shorter than one of latitude
    fig.update_xaxes(visible=False, scaleanchor="y", scaleratio=ratio)
    fig.update_yaxes(visible=False)
    return fig
