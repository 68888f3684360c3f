"""Figures of the overview: the 12-period sparkline of a KPI card.

A sparkline is a small SVG image built here, not a Plotly graph: the page shows fifteen of them at once,
and fifteen Plotly graphs cost the browser about half a second of drawing before the page's first
paint, for a picture read at a glance. Its title (the browser's tooltip, and the text a screen reader
reads) names every period and value in the language's format, and the target.
"""

from __future__ import annotations

from urllib.parse import quote

from dash import html

from callbacks import theme
from callbacks.format_overview import period_label, value_text
from i18n import t
from queries.indicators import Indicator
from queries.kpi_board import Spark
from queries.kpi_periods import containing

#: Drawing box (the image stretches to the card's width; strokes keep their width).
WIDTH, HEIGHT, INSET = 240.0, 72.0, 6.0


def _scale(values: list[float], target: float | None) -> tuple[float, float]:
    """The lowest and highest y drawn: the values and target, with a tenth of the span spare."""
    low, high = min(values), max(values)
    if target is not None:
        low, high = min(low, target), max(high, target)
    pad = (high - low) * 0.1 or abs(high) * 0.05 or 1.0
    return low - pad, high + pad


def spark_svg(xs: list[float], values: list[float], target: float | None) -> str:
    """An SVG line through ``values`` at ``xs`` (0–1 across), the last point marked, the target dotted."""
    low, high = _scale(values, target)

    def y(value: float) -> float:
        return INSET + (HEIGHT - 2 * INSET) * (high - value) / (high - low)

    def x(share: float) -> float:
        return INSET + (WIDTH - 2 * INSET) * share

    points = " ".join(f"{x(share):.1f},{y(v):.1f}" for share, v in zip(xs, values))
    last_x, last_y = f"{x(xs[-1]):.1f}", f"{y(values[-1]):.1f}"
    stroke = f'stroke="{theme.PRIMARY}" vector-effect="non-scaling-stroke" stroke-linecap="round"'
    parts = [
        f'<polyline points="{points}" fill="none" stroke-width="2" stroke-linejoin="round" {stroke}/>',
        f'<line x1="{last_x}" y1="{last_y}" x2="{last_x}" y2="{last_y}" stroke-width="8" {stroke}/>',
    ]
    if target is not None:
        parts.insert(0, f'<line x1="0" y1="{y(target):.1f}" x2="{WIDTH:.0f}" y2="{y(target):.1f}" '
                        f'stroke="{theme.MUTED}" stroke-width="1" stroke-dasharray="2 3" '
                        'vector-effect="non-scaling-stroke"/>')
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" '
           f'preserveAspectRatio="none">{"".join(parts)}</svg>')
    return "data:image/svg+xml;utf8," + quote(svg)


def sparkline(spark_id: str, spark: Spark, entry: Indicator, grain: str, lang: str, target: float | None = None):
    """The values of the last periods as a line (the latest point marked), with the target dotted; its
    title lists each period and value. A note instead when there is nothing to draw."""
    if not spark.values:
        return html.P(t("empty.selection", lang), id=spark_id, className="kpi-spark kpi-spark-empty")
    days, values = spark.starts, spark.values
    span = (days[-1] - days[0]).total_seconds() or 1.0
    xs = [(day - days[0]).total_seconds() / span if len(days) > 1 else 1.0 for day in days]
    lines = [f"{period_label(containing(grain, day.date()), lang)}: {value_text(entry, v, lang)}"
             for day, v in zip(days, values)]
    if target is not None:
        lines.append(t("overview.target", lang, value=value_text(entry, target, lang)))
    label = "\n".join(lines)
    return html.Img(id=spark_id, src=spark_svg(xs, values, target), alt=label, title=label, className="kpi-spark")
