"""Benchmark the monthly A4 briefing (``/briefing.pdf``): how long a reader waits for the PDF.

``python -m bench.briefing [--db PATH] [--month YYYY-MM] [--area CODE|province] [--lang vi|en] [--repeat N]``

Stages timed: the queries (the overview's board, coverage, corridor ranking, freshness), each chart
through kaleido, and the HTML template with WeasyPrint's layout. Three situations:
- first call in a fresh process: starts the chromium renderer and imports WeasyPrint;
- warm: renderer running, query cache cleared (what a reader gets after a new load);
- warm, cached: renderer running and the queries cached (the same briefing asked again).
Baseline measured in the same run: one chart rendered by a browser started for it (kaleido without its
sync server), which is what the persistent renderer saves on every chart. The warehouse is only read.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import statistics
import time
from pathlib import Path

import kaleido
from pypdf import PdfReader

import config
from queries.db import clear_cache


def run_once(req) -> dict[str, float]:
    """Seconds per stage of one briefing; ``chart:<key>`` per chart."""
    from reports import briefing, charts

    times: dict[str, float] = {}
    started = time.perf_counter()
    data = briefing.content(req)
    times["queries"] = time.perf_counter() - started
    for chart in data["charts"]:
        begun = time.perf_counter()
        chart.image = briefing.data_uri(charts.png(chart.figure))
        times[f"chart:{chart.key}"] = time.perf_counter() - begun
    begun = time.perf_counter()
    document = briefing.to_pdf(briefing.html(data))
    times["html + WeasyPrint"] = time.perf_counter() - begun
    times["total"] = time.perf_counter() - started
    times["pages"] = len(PdfReader(io.BytesIO(document)).pages)
    return times


def one_shot_chart(req) -> float:
    """Seconds to render the first chart with a browser started for it alone."""
    from reports import briefing, charts

    figure = briefing.content(req)["charts"][0].figure
    opts = {"format": "png", "width": charts.WIDTH, "height": figure.layout.height or 400, "scale": charts.SCALE}
    begun = time.perf_counter()
    asyncio.run(kaleido.calc_fig(figure, opts=opts, kopts={"mathjax": False}))
    return time.perf_counter() - begun


def show(title: str, samples: list[dict[str, float]]) -> dict[str, float]:
    keys = [k for k in samples[0] if k != "pages"]
    medians = {k: statistics.median(s[k] for s in samples) for k in keys}
    print(f"{title} (median of {len(samples)}):")
    for key in keys:
        print(f"  {key:<22} {medians[key] * 1000:8.0f} ms")
    return medians


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("data/warehouse.duckdb"))
    parser.add_argument("--month")
    parser.add_argument("--area")
    parser.add_argument("--lang", default="vi")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    config.WAREHOUSE = args.db
    from reports import briefing

    req = briefing.resolve(args.month, args.area, args.lang)
    print(f"briefing {req.filename} on {args.db}")
    first = run_once(req)
    show("first call (starts the renderer, imports WeasyPrint, empty query cache)", [first])
    cold = []
    for _ in range(args.repeat):
        clear_cache()
        cold.append(run_once(req))
    show("warm renderer, query cache cleared", cold)
    cached = show("warm renderer, queries cached", [run_once(req) for _ in range(args.repeat)])
    print(f"pages: {int(first['pages'])}")
    per_chart = statistics.mean(v for k, v in cached.items() if k.startswith("chart:"))
    baseline = one_shot_chart(req)
    print(f"baseline: one chart with a browser started for it: {baseline * 1000:.0f} ms")
    print(f"ratio: a chart through the persistent renderer takes {per_chart / baseline:.2f}× the baseline")
    print(f"ratio: first call / warm cached call = {first['total'] / cached['total']:.1f}×")


if __name__ == "__main__":
    main()
