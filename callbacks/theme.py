"""The product palette and the one Plotly template, registered as ``pio.templates["hue"]``.

The same colours are CSS variables in ``assets/theme.css``; keep the two in step.
"""

from __future__ import annotations

import plotly.graph_objects as go
import plotly.io as pio

FONT = '"Inter", "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif'

#: Huế purple, lightest to darkest; shade 6 is the primary colour (Mantine palette "hue").
HUE_SHADES = [
    "#f5f0fa",
    "#e8dcf3",
    "#d0b8e6",
    "#b691d8",
    "#9f6fcb",
    "#8a55bd",
    "#6f3fa3",
    "#5b2a86",
    "#4a2170",
    "#38185a",
]
PRIMARY = HUE_SHADES[6]
ACCENT = "#c8912b"  # imperial gold
TEXT = "#1f2430"
MUTED = "#5c6370"
GRID = "#ebe6f0"

#: Categorical series colours; no red or green, which belong to the statuses.
COLOURWAY = [PRIMARY, "#17808a", ACCENT, "#3b6fb6", "#b8487a", "#6b7f2a", "#5c6b7a", "#a0522d"]

#: One colour per data source, the same in every chart and language.
SOURCE_COLOURS = {
    "feedback": COLOURWAY[0],
    "health": COLOURWAY[1],
    "schools": COLOURWAY[2],
    "traffic_counts": COLOURWAY[3],
    "traffic_incidents": COLOURWAY[4],
    "traffic_sensors": COLOURWAY[5],
    "places": COLOURWAY[6],
    "targets": COLOURWAY[7],
}

#: Status colours; always shown with a word or symbol as well.
STATUS = {"on_target": "#2b8a3e", "at_risk": "#d9480f", "off_target": "#c92a2a", "no_data": "#868e96"}

TEMPLATE_NAME = "hue"

_AXIS = {
    "gridcolor": GRID,
    "zerolinecolor": GRID,
    "linecolor": GRID,
    "automargin": True,
    "separatethousands": True,
    "title": {"font": {"size": 12, "color": MUTED}},
    "tickfont": {"size": 12, "color": MUTED},
}

pio.templates[TEMPLATE_NAME] = go.layout.Template(
    layout={
        "font": {"family": FONT, "size": 13, "color": TEXT},
        "colorway": COLOURWAY,
        "paper_bgcolor": "#ffffff",
        "plot_bgcolor": "#ffffff",
        "margin": {"l": 8, "r": 16, "t": 32, "b": 8},
        "title": {"font": {"size": 15}, "x": 0, "xanchor": "left"},
        "legend": {"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0, "title": {"text": ""}},
        "hoverlabel": {"font": {"family": FONT, "size": 13}, "bgcolor": "#ffffff", "bordercolor": GRID},
        "xaxis": _AXIS,
        "yaxis": _AXIS,
        "bargap": 0.3,
    }
)
# The default of every figure: given by name, each figure would deep-copy it through Plotly's validators
# (about 3 ms a figure); as the default it is copied without them.
pio.templates.default = TEMPLATE_NAME

#: Mantine theme for dmc.MantineProvider, from the same palette.
MANTINE_THEME = {
    "primaryColor": "hue",
    "primaryShade": 6,
    "colors": {"hue": HUE_SHADES},
    "fontFamily": FONT,
    "headings": {"fontFamily": FONT},
    "defaultRadius": "md",
}
