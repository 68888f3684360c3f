"""Benchmark the health-records page's callbacks: server time per callback, cold, new month, and warm.

``python -m bench.health [--db PATH] [--repeat N]``. Each callback is called as Dash calls it and its
answer serialised to JSON as Dash would send it, for the views a planner opens most. Three situations:
cold (empty query cache, as after a new load), new month (the page's lookups are cached, the month's
figures are not: what a reader waits for after picking another month) and warm (everything cached).
The warehouse is only read.
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

BUDGET_MS = 100.0
BASE = {
    "lang": "vi",
    "month": None,
    "district": None,
    "commune": None,
    "level": "district",
    "level_given": False,
    "measure": "created",
}
VIEWS = {
    "province": BASE,
    "district 474, communes": {**BASE, "district": "474", "level": "commune"},
    "commune 19744, complete, en": {
        **BASE,
        "lang": "en",
        "district": "474",
        "commune": "19744",
        "level": "commune",
        "measure": "complete",
    },
}


def callbacks() -> dict[str, object]:
    """Callback name -> the callback, called with the page state."""
    from callbacks import health

    return {
        f.__name__: f
        for f in (
            health.fill_filters,
            health.show_kpis,
            health.show_map,
            health.show_trend,
            health.show_gap,
            health.show_checks,
        )
    }


def timed(call, state: dict) -> tuple[float, float]:
    """(wall ms, CPU ms) to run the callback and serialise its answer. CPU time says more than wall
    time on a machine busy with other work."""
    wall, cpu = time.perf_counter(), time.process_time()
    json.dumps(call(state), cls=plotly.utils.PlotlyJSONEncoder)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def medians(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def cold(call, state: dict) -> tuple[float, float]:
    clear_cache()
    return timed(call, state)


def new_month(call, state: dict, month: str) -> tuple[float, float]:
    """The lookups every view shares are cached (by a first view); the month's figures are not."""
    clear_cache()
    for warm in callbacks().values():
        warm(BASE)
    return timed(call, {**state, "month": month})


Times = tuple[float, float]


def measure(repeat: int, months: list[str]) -> list[tuple[str, str, Times, Times, Times]]:
    """(view, callback, cold, new month, warm) as median (wall, CPU) ms over ``repeat`` calls."""
    rows = []
    for view, state in VIEWS.items():
        for name, call in callbacks().items():
            timed(call, state)  # imports and first-use costs are not what a reader waits for
            first = medians([cold(call, state) for _ in range(repeat)])
            other = medians([new_month(call, state, months[i % len(months)]) for i in range(repeat)])
            again = medians([timed(call, state) for _ in range(repeat)])
            rows.append((view, name, first, other, again))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=config.WAREHOUSE, help="warehouse to read")
    parser.add_argument("--repeat", type=int, default=5, help="calls per callback and situation")
    args = parser.parse_args()
    config.WAREHOUSE = args.db.resolve()
    import app  # noqa: F401  (registers the page and its callbacks)
    from queries import health

    months = [p.strftime("%Y-%m") for p in health.months()["period"].iloc[1:7]]
    rows = measure(args.repeat, months)
    print(
        f"health callbacks on {config.WAREHOUSE}: median ms of {args.repeat} calls (wall / CPU), answer "
        f"serialised to JSON (budget {BUDGET_MS:.0f} ms)"
    )
    print(f"  {'view':<30} {'callback':<14} {'cold':>13} {'new month':>13} {'warm':>13}")
    for view, name, *times in rows:
        cells = " ".join(f"{wall:6.1f} /{cpu:5.1f}" for wall, cpu in times)
        flag = "" if times[1][0] < BUDGET_MS else "  over budget"
        print(f"  {view:<30} {name:<14} {cells}{flag}")
    for label, i in (("cold", 2), ("new month", 3), ("warm", 4)):
        print(
            f"slowest {label}: wall {max(r[i][0] for r in rows):.1f} ms, CPU {max(r[i][1] for r in rows):.1f} ms"
        )
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
