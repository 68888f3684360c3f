"""Graphs load plotly.js's cartesian partial bundle (assets/plotly_bundle.js), so every trace type a
figure builder uses must be one that bundle draws; a new trace type outside it fails here, not silently
as a blank chart in the browser."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Trace types in plotly.js 4's cartesian bundle (dist/README.md, "plotly.js-cartesian-dist-min").
CARTESIAN = {"bar", "box", "contour", "heatmap", "histogram", "histogram2d", "histogram2dcontour", "image",
             "pie", "scatter", "scatterternary", "violin"}
BUNDLE = ROOT / "assets" / "vendor" / "plotly-cartesian-4.1.1.min.js"
#: ``"type"`` values of layout objects in plain figures (shapes, axes), not trace types.
NOT_TRACES = {"line", "rect", "circle", "path", "date", "category", "multicategory", "linear", "log"}


def used_trace_types() -> set[str]:
    """Trace types named by the builders that feed dcc.Graph: go.<Trace>(, add_<trace>(, and a plain
    figure's trace dicts ``"type": "<trace>"``."""
    found: set[str] = set()
    for path in (ROOT / "callbacks").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        found |= {name.lower() for name in re.findall(r"\bgo\.([A-Z][a-z0-9]+)\(", text)} - {"figure", "layout"}
        found |= set(re.findall(r"\.add_([a-z0-9]+)\(", text)) - {"trace", "traces", "annotation", "hline",
                                                                  "vline", "hrect", "vrect", "shape"}
        found |= set(re.findall(r'"type": "([a-z0-9]+)"', text)) - NOT_TRACES
    return found


def test_every_trace_type_the_figures_use_is_in_the_cartesian_bundle():
    used = used_trace_types()
    assert {"bar", "scatter", "heatmap", "box"} <= used  # the scan finds what is there
    assert used <= CARTESIAN, used - CARTESIAN


def test_the_bundle_is_the_version_the_python_figures_are_made_for():
    import plotly

    header = BUNDLE.read_text(encoding="utf-8")[:200]
    bundled = re.search(r"v(\d+\.\d+\.\d+)", header).group(1)
    shipped = (Path(plotly.__file__).parent / "package_data" / "plotly.min.js").read_text(encoding="utf-8")[:300]
    assert f"plotly.js v{bundled}" in shipped and "(cartesian - minified)" in header
