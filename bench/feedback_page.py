"""Feedback page speed: every callback of /feedback called as Dash calls it, on a built warehouse.

Prints, per callback, the median server time of ``--repeat`` runs in three situations: the first view
(query cache empty: every query opens the file and runs), a filter change (lists, outlines and the
target already cached; every filtered query runs: each run picks another category), and a repeat view
(answers cached); and the size of the JSON response the browser receives. The CSV export is a link to
the /export route, measured by ``python -m bench.export``.

    python -m bench.feedback_page [--db data/warehouse.duckdb] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

import plotly.utils

import config

#: (name, callback, arguments built from the state) for the default view, plus the zoomed-in map.
HUE_CITY_VIEW = [[16.44, 107.55], [16.50, 107.62]]


def _calls(state: dict, params: dict) -> list[tuple[str, object, tuple]]:
    """(name, callback, its arguments for this state) for every callback of the page."""
    from callbacks import feedback, feedback_charts, feedback_records

    page = {"startRow": 0, "endRow": 20, "sortModel": []}
    deep = {"startRow": 2000, "endRow": 2020, "sortModel": [{"colId": "agency", "sort": "desc"}]}
    return [
        ("resolve_state", feedback.resolve_state, (params,)),
        ("fill_filters", feedback.fill_filters, (state,)),
        ("show_summary (KPIs)", feedback_charts.show_summary, (state,)),
        ("show_volume (month)", feedback_charts.show_volume, (state,)),
        ("show_volume (day)", feedback_charts.show_volume, ({**state, "grain": "day"},)),
        ("show_funnel", feedback_charts.show_funnel, (state,)),
        ("show_shares", feedback_charts.show_shares, (state,)),
        ("show_reasons", feedback_charts.show_reasons, (state,)),
        ("show_agencies", feedback_charts.show_agencies, (state,)),
        ("show_handling", feedback_charts.show_handling, (state,)),
        ("show_backlog", feedback_charts.show_backlog, (state,)),
        ("show_ratings", feedback_charts.show_ratings, (state,)),
        ("show_per_10k", feedback_charts.show_per_10k, (state,)),
        ("show_boundaries", feedback_records.show_boundaries, (True, params)),
        ("colour_communes", feedback_records.colour_communes, (state, 9)),
        ("show_cells (zoom 15, Huế)", feedback_records.show_cells, (state, 15, HUE_CITY_VIEW)),
        ("show_record_columns", feedback_records.show_record_columns, (state,)),
        ("show_record_page (1)", feedback_records.show_record_page, (page, state)),
        ("show_record_page (101, by agency)", feedback_records.show_record_page, (deep, state)),
    ]


def _size(output: object) -> int:
    return len(json.dumps(output, cls=plotly.utils.PlotlyJSONEncoder).encode())


def _ms(call, args: tuple) -> tuple[float, object]:
    started = time.perf_counter()
    output = call(*args)
    return 1000 * (time.perf_counter() - started), output


def _measure(
    index: int, states: list[dict], params: dict, repeat: int
) -> tuple[str, float, float, float, int]:
    """Name, first-view, filter-change and repeat-view milliseconds (medians) and response bytes."""
    from queries.db import clear_cache

    first, change, again = [], [], []
    for run in range(repeat):
        clear_cache()
        name, call, args = _calls(states[0], params)[index]
        elapsed, output = _ms(call, args)
        first.append(elapsed)
        again.append(_ms(call, args)[0])
        _, call, other = _calls(states[1 + run % (len(states) - 1)], params)[index]
        change.append(_ms(call, other)[0])
    return name, statistics.median(first), statistics.median(change), statistics.median(again), _size(output)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=config.WAREHOUSE)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    config.WAREHOUSE = args.db.resolve()

    import app  # noqa: F401  (registers the pages and callbacks)
    from callbacks import feedback
    from queries import feedback as queries

    params = {"lang": "vi", **{name: None for name in feedback.URL_ORDER}}
    state = feedback.resolve_state(params)
    states = [state, *({**state, "category": code} for code in queries.categories()["code"])]
    print(
        f"warehouse {config.WAREHOUSE}: {queries.data_range().at[0, 'reports']:,} reports; "
        f"period {state['start']} – {state['end']}; median of {args.repeat} runs"
    )
    print(f"{'callback':36} {'first ms':>9} {'filter ms':>10} {'repeat ms':>10} {'response KB':>12}")
    for index in range(len(_calls(state, params))):
        name, first, change, again, size = _measure(index, states, params, args.repeat)
        print(f"{name:36} {first:9.1f} {change:10.1f} {again:10.1f} {size / 1024:12.1f}")


if __name__ == "__main__":
    main()
