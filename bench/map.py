"""Benchmark the map explorer's callbacks: server time and answer size per callback.

``python -m bench.map [--db PATH] [--repeat N]``. Each callback is called as Dash calls it and its answer
serialised to JSON as Dash sends it, for the heaviest views: commune outlines, every indicator's colours
at commune level, a district's and a commune's profile, every point layer ticked, feedback cells zoomed
in over Huế city. "After load" starts from an empty query cache; "repeated" is the median of N calls.
Budgets (issue #9): every callback under 250 ms, every answer under 500 KB. The warehouse is only read.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

import plotly

import config
from queries.db import clear_cache

BUDGET_MS, BUDGET_KB = 250.0, 500.0
STATE = {"lang": "vi"}
CITY = [[16.42, 107.54], [16.52, 107.64]]


def calls() -> dict[str, object]:
    """Callback name -> a function calling it for the latest month."""
    from callbacks import map as cb
    from callbacks import map_layers
    from queries import indicators

    months, _max, _marks, index = cb.fill_months(STATE)
    every = ["feedback", "schools", "sensors", "crashes", "visitors"]
    found = {
        "fill_months": lambda: cb.fill_months(STATE),
        "show_outlines (commune)": lambda: cb.show_outlines("commune", STATE),
        "profile (district 474)": lambda: cb.show_profile("474", index, months, STATE),
        "profile (commune 19753)": lambda: cb.show_profile("19753", index, months, STATE),
        "show_places (all)": lambda: map_layers.show_places(every, STATE),
        "show_crashes": lambda: map_layers.show_crashes(every, index, months, STATE),
        "feedback per commune": lambda: map_layers.show_feedback(every, index, months, 10, None, STATE),
        "feedback cells (city)": lambda: map_layers.show_feedback(every, index, months, 14, CITY, STATE),
    }
    for entry in indicators.all_indicators():
        found[f"colour {entry.id}"] = (
            lambda i=entry.id: cb.colour_areas(i, "commune", "quantile", index, months, None, STATE)
        )
    return found


def timed(call) -> tuple[float, int]:
    started = time.perf_counter()
    size = len(json.dumps(call(), cls=plotly.utils.PlotlyJSONEncoder))
    return (time.perf_counter() - started) * 1000, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=config.WAREHOUSE, help="warehouse to read")
    parser.add_argument("--repeat", type=int, default=5, help="calls per callback")
    args = parser.parse_args()
    config.WAREHOUSE = args.db.resolve()
    import app  # noqa: F401  (registers the callbacks and the page layouts they refer to)

    print(f"map callbacks on {config.WAREHOUSE}: wall ms (median of {args.repeat}), answer KB")
    print(f"  {'callback':<40} {'after load':>10} {'repeated':>9} {'KB':>7}")
    worst_ms = worst_kb = 0.0
    for name, call in calls().items():
        clear_cache()
        loaded, size = timed(call)
        again = statistics.median(timed(call)[0] for _ in range(args.repeat))
        kb = size / 1024
        flag = "" if loaded < BUDGET_MS and kb < BUDGET_KB else "  OVER BUDGET"
        print(f"  {name:<40} {loaded:10.1f} {again:9.1f} {kb:7.1f}{flag}")
        worst_ms, worst_kb = max(worst_ms, loaded), max(worst_kb, kb)
    print(f"slowest {worst_ms:.1f} ms (budget {BUDGET_MS:.0f}), largest {worst_kb:.1f} KB (budget {BUDGET_KB:.0f}) "
          f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")


if __name__ == "__main__":
    main()
