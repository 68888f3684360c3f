"""Benchmark the overview's callbacks: server time per call on a warehouse, read-only.

``python -m bench.overview [--db PATH] [--repeat N]``. Each callback is called directly with a changing
period and area; the median wall-clock and CPU milliseconds over the calls are printed three ways (CPU
counts DuckDB's threads too, and shows the work itself when other processes share the cores):

- cold: every cached query answer forgotten first (a new warehouse, or the first visitor after a load);
- new view: reference data (areas, data dates, targets) and the grain's indicator history cached (one
  statement per grain and warehouse version), the view itself not (a reader picks a period nobody
  asked for yet);
- cached: the same call again (any later reader of that view).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import config
from callbacks import overview, overview_view
from queries import kpi, kpi_board, kpi_status
from queries.db import clear_cache, fetch
from queries.kpi_periods import Period, containing

DEFAULT_DB = config.ROOT / "data" / "warehouse.duckdb"
AREAS = (None, "474", "478", "481", "483")


def views(last_month: Period, count: int) -> list[dict]:
    """``count`` states cycling through grains, recent periods and areas."""
    states = []
    for i in range(count):
        grain = ("month", "month", "quarter", "year")[i % 4]
        period = containing(grain, last_month.shift(-i).start).shift(-1 if grain != "month" else 0)
        states.append(
            {
                "lang": ("vi", "en")[i % 2],
                "grain": grain,
                "period": period.key,
                "district": AREAS[i % len(AREAS)],
            }
        )
    return states


def _timed(call: Callable[[dict], object], state: dict) -> tuple[float, float]:
    """(wall, CPU) milliseconds of one call; CPU counts every thread of the process, DuckDB's included."""
    wall, cpu = time.perf_counter(), time.process_time()
    call(state)
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000


def _warm_reference(view: dict) -> None:
    kpi.areas(), kpi.data_dates(), kpi_status.targets()
    kpi_board.history(overview_view.period_of(view).shift(-1))


def view_of(state: dict) -> dict:
    return state if "period" in state and "grain" in state else state["view"]


def measure(name: str, call: Callable[[dict], object], states: list[dict]) -> list:
    """[callback, then the median wall and CPU milliseconds of: cold, new view, cached]."""
    runs: dict[str, list[tuple[float, float]]] = {"cold": [], "new": [], "cached": []}
    for state in states:
        clear_cache()
        runs["cold"].append(_timed(call, state))
        clear_cache()
        _warm_reference(view_of(state))
        runs["new"].append(_timed(call, state))
        runs["cached"].append(_timed(call, state))
    medians = [statistics.median(t[i] for t in times) for times in runs.values() for i in (0, 1)]
    return [name, *medians]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=DEFAULT_DB, help="warehouse file (opened read-only)")
    parser.add_argument("--repeat", type=int, default=12, help="calls per callback (views)")
    args = parser.parse_args(argv)
    config.WAREHOUSE = args.db.resolve()
    reports = fetch("SELECT count(*) AS n FROM feedback")["n"].iloc[0]
    last = overview_view.data_range(kpi.data_dates())[1]
    states = views(Period("month", containing("month", last).start), args.repeat)
    resolved = {id(s): overview.resolve_view(s)[0] for s in states}

    def show(state: dict):
        return overview.show_overview(resolved[id(state)])

    def remember(state: dict):
        view = resolved[id(state)]
        return overview_view.filters_search("quarter", view["period"], "474", view, grain_changed=True)

    def click(state: dict):
        return overview.choose_district({"rowId": "482", "colId": "name"}, resolved[id(state)])

    results = [
        measure("resolve_view", overview.resolve_view, states),
        measure("show_overview", show, states),
        measure("remember_filters", remember, states),
        measure("choose_district", click, states),
    ]

    def statement(state: dict):
        return kpi_board.history(overview_view.period_of(resolved[id(state)]))

    results.append(measure("  its indicator statement", statement, states))
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"Overview callbacks on {config.WAREHOUSE} ({reports:,} reports), median of {len(states)} views, ms"
    )
    print(f"(machine load average {load}; {config.DUCKDB_THREADS} DuckDB threads per query)")
    print(f"{'':<26}{'cold':>16}{'new view':>16}{'cached':>16}")
    print(f"{'callback':<26}" + f"{'wall':>9}{'CPU':>7}" * 3)
    for name, *numbers in results:
        print(f"{name:<26}" + "".join(f"{w:>9.1f}{c:>7.1f}" for w, c in zip(numbers[::2], numbers[1::2])))


if __name__ == "__main__":
    main()
