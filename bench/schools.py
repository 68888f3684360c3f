"""Benchmark the schools page's callbacks: server time per callback, in three cases.

``python -m bench.schools [--db PATH] [--repeat N]``. Each callback is called as Dash calls it and its
answer serialised to JSON as Dash sends it, for the views a user opens most: the whole province, one
district, one level in one district (in English), the commune shading and a search. Cases: right after
a load (empty query cache: every query opens the warehouse), after a user changes the filters (answers
that do not depend on them are cached), and the same view repeated. The warehouse is only read.
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
VIEWS = {
    "province": {"lang": "vi", "year": None, "district": None, "level": None, "ownership": None},
    "district 474": {"lang": "vi", "year": None, "district": "474", "level": None, "ownership": None},
    "THPT in 481, en": {
        "lang": "en",
        "year": "2024-2025",
        "district": "481",
        "level": "THPT",
        "ownership": None,
    },
}


def calls(state: dict) -> dict[str, object]:
    """Callback name -> a function calling it with this page state."""
    from callbacks import schools as cb

    return {
        "fill_filters": lambda: cb.fill_filters(state),
        "show_kpis": lambda: cb.show_kpis(state),
        "show_target_progress": lambda: cb.show_target_progress(state),
        "show_points": lambda: cb.show_points(state),
        "show_areas (district)": lambda: cb.show_areas(state, "district"),
        "show_areas (commune)": lambda: cb.show_areas(state, "commune"),
        "select_school_in_list": lambda: cb.select_school_in_list({"rowId": "PT474001"}),
        "show_school": lambda: cb.show_school("PT474001", state),
        "show_comparison": lambda: cb.show_comparison(state, "spc"),
        "show_table": lambda: cb.show_table(state, None),
        "show_table (search)": lambda: cb.show_table(state, "quoc hoc"),
    }


def timed(call) -> float:
    """Milliseconds (wall) to run the callback and serialise its answer."""
    started = time.perf_counter()
    json.dumps(call(), cls=plotly.utils.PlotlyJSONEncoder)
    return (time.perf_counter() - started) * 1000


def after_load(call) -> float:
    """As after a new load: every query of the callback reads the warehouse."""
    clear_cache()
    return timed(call)


def after_new_filters(call) -> float:
    """As when a user changes a filter: another view's answers (province, all filters open) are cached."""
    clear_cache()
    for warm_up in calls(VIEWS["province"]).values():
        warm_up()
    return timed(call)


def measure(repeat: int) -> list[tuple[str, str, float, float, float]]:
    """(view, callback, after a load, after new filters, repeated) in ms, medians of ``repeat`` calls."""
    rows = []
    for view, state in VIEWS.items():
        for name, call in calls(state).items():
            timed(call)  # imports and first-use costs are not what a user waits for
            loaded = statistics.median(after_load(call) for _ in range(repeat))
            changed = (
                loaded
                if view == "province"
                else statistics.median(after_new_filters(call) for _ in range(repeat))
            )
            again = statistics.median(timed(call) for _ in range(repeat))
            rows.append((view, name, loaded, changed, again))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=config.WAREHOUSE, help="warehouse to read")
    parser.add_argument("--repeat", type=int, default=5, help="calls per callback and case")
    args = parser.parse_args()
    config.WAREHOUSE = args.db.resolve()
    rows = measure(args.repeat)
    print(
        f"schools callbacks on {config.WAREHOUSE}: wall ms, median of {args.repeat} calls, answer serialised"
    )
    print(f"  {'view':<18} {'callback':<24} {'after load':>10} {'new filter':>10} {'repeated':>9}")
    for view, name, loaded, changed, again in rows:
        flag = "" if changed < BUDGET_MS else f"  over {BUDGET_MS:.0f} ms"
        print(f"  {view:<18} {name:<24} {loaded:10.1f} {changed:10.1f} {again:9.1f}{flag}")
    print(
        f"slowest: after a load {max(r[2] for r in rows):.1f} ms, after new filters "
        f"{max(r[3] for r in rows):.1f} ms, repeated {max(r[4] for r in rows):.1f} ms "
        f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    main()
