"""Benchmark the traffic page's callbacks: server time per callback, cold (empty query cache) and warm.

``python -m bench.traffic [--db PATH] [--repeat N] [--scale-up K]``. Each callback is called as Dash
calls it and its answer serialised to JSON as Dash would send it, for the views a planner opens most: a
year of the whole province, two corridors and one vehicle type over a summer, one district over five
years. Three situations: cold (empty query cache, as after a new load), new filter (the lookups every
view shares are cached, the filter's own figures are not: what a reader waits for after changing a
filter) and warm. CPU time is shown beside elapsed time: on a shared machine the elapsed time also
counts other programs' turns.

``--scale-up K`` first copies the warehouse to a temporary file with K times the sensors (each copy
counting what its original counted) and rebuilds the rollups with the ETL's own step, so K = 10 on the
full demo warehouse reads about 10 million hourly rows; the given warehouse is only read.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from contextvars import copy_context
from pathlib import Path

import duckdb
import plotly
from dash._callback_context import context_value
from dash._utils import AttributeDict

import config
import ids
from queries.db import clear_cache

BUDGET_MS = {"demo": 100.0, "scaled": 250.0}
BASE = {"lang": "vi", "start": "2025-01-01", "end": "2025-12-31", "corridor": [], "district": None,
        "vehicle": "all"}
VIEWS = {
    "province, 2025": BASE,
    "2 corridors, cars, summer, en": {**BASE, "lang": "en", "start": "2025-06-01", "end": "2025-08-31",
                                      "corridor": ["Hùng Vương", "Lê Lợi"], "vehicle": "cars"},
    "district 474, 2021-2025": {**BASE, "start": "2021-01-01", "district": "474"},
}


def calls(state: dict) -> dict[str, object]:
    """Callback name -> a function calling it with this page state."""
    import app  # noqa: F401  (registers the pages and callbacks)
    from callbacks import traffic as cb
    from callbacks import traffic_map as map_cb

    params = {name: state[name] for name in ("lang", "start", "end", "corridor", "district", "vehicle")}
    click = {"points": [{"customdata": "Lê Lợi"}]}

    def pick():
        trigger = {"prop_id": f"{ids.TRAFFIC_RANK_CONGESTION}.clickData"}
        context_value.set(AttributeDict(triggered_inputs=[trigger]))
        return cb.pick_corridor(click, None, state)

    return {
        "resolve_state": lambda: cb.resolve_state(params),
        "fill_filters": lambda: cb.fill_filters(state),
        "show_kpis": lambda: cb.show_kpis(state),
        "show_volume (week)": lambda: cb.show_volume(state, "week"),
        "show_volume (day)": lambda: cb.show_volume(state, "day"),
        "show_heatmap (volume)": lambda: cb.show_heatmap(state, "volume"),
        "show_heatmap (congestion)": lambda: cb.show_heatmap(state, "congestion"),
        "show_ranking": lambda: cb.show_ranking(state),
        "pick_corridor": lambda: copy_context().run(pick),
        "show_crash_trend": lambda: cb.show_crash_trend(state),
        "show_road_types": lambda: cb.show_road_types(state),
        "show_districts": lambda: map_cb.show_districts(params),
        "show_sensors": lambda: map_cb.show_sensors(state),
        "show_crashes": lambda: map_cb.show_crashes(state),
        "show_hotspots": lambda: map_cb.show_hotspots(state),
        "select_sensor": lambda: map_cb.select_sensor({"properties": {"sensor_id": "HV-01"}}),
        "show_profile (default)": lambda: map_cb.show_profile(None, state),
        "show_profile (clicked)": lambda: map_cb.show_profile("HV-01", state),
    }


def timed(call) -> tuple[float, float]:
    """Milliseconds to run the callback and serialise its answer: elapsed, and CPU time of this process
    (all its threads; on a shared machine the elapsed time also counts other programs' turns)."""
    started, cpu = time.perf_counter(), time.process_time()
    json.dumps(call(), cls=plotly.utils.PlotlyJSONEncoder)
    return (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000


def prime_lookups() -> None:
    """Cache what every view shares (data range, lists, calendar, outlines), as after a first page view."""
    from queries import traffic, traffic_calendar

    for lookup in (traffic.data_range, traffic.corridors, traffic.districts, traffic.district_shapes,
                   traffic_calendar.holiday_periods):
        lookup()


def measure(repeat: int) -> list[tuple]:
    """(view, callback, cold ms, cold CPU ms, new-filter ms, new-filter CPU ms, warm median ms)."""
    rows = []
    for view, state in VIEWS.items():
        for name, call in calls(state).items():
            clear_cache()
            cold = timed(call)
            clear_cache()
            prime_lookups()
            fresh = timed(call)
            warm = statistics.median(timed(call)[0] for _ in range(repeat))
            rows.append((view, name, *cold, *fresh, warm))
    return rows


def scaled_copy(source: Path, factor: int, folder: Path) -> Path:
    """A copy of the warehouse with ``factor`` times the sensors and counts, rollups rebuilt by the ETL."""
    from etl.sources.traffic import rebuild_rollups

    target = folder / f"traffic_x{factor}.duckdb"
    shutil.copyfile(source, target)
    con = duckdb.connect(str(target))
    try:
        con.execute("CREATE TEMP TABLE originals AS SELECT * FROM traffic_sensors")
        con.execute("CREATE TEMP TABLE copies AS SELECT k FROM range(1, ?) AS t(k)", [factor])
        con.execute(
            "INSERT INTO traffic_sensors SELECT s.sensor_id || '-x' || c.k, s.corridor, "
            "s.lat + c.k * 1e-4, s.lon + c.k * 1e-4, s.capacity_veh_h, s.commune_code, s.district_code, "
            "s.source_file, s.source_row FROM originals AS s, copies AS c"
        )
        con.execute(
            "INSERT INTO traffic_counts SELECT t.sensor_id || '-x' || c.k, t.hour_start, t.motorbikes, "
            "t.cars, t.trucks_buses, t.vehicles, t.avg_speed_kmh, t.source_file, t.source_row "
            "FROM traffic_counts AS t JOIN originals USING (sensor_id), copies AS c"
        )
        rebuild_rollups(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return target


def report(rows: list, budget: float) -> None:
    counts = duckdb.connect(str(config.WAREHOUSE), read_only=True)
    hourly = counts.execute("SELECT count(*) FROM traffic_counts").fetchone()[0]
    counts.close()
    print(f"traffic callbacks on {config.WAREHOUSE} ({hourly:,} hourly rows; ms, answer serialised; "
          f"budget {budget:.0f} ms). cold: empty cache; new filter: shared lookups cached; warm: all cached")
    print(f"  {'view':<30} {'callback':<26} {'cold':>7} {'cpu':>6} {'new':>7} {'cpu':>6} {'warm':>6}")
    for view, name, cold, cold_cpu, fresh, fresh_cpu, warm in rows:
        flag = "" if fresh < budget else "  over budget"
        print(f"  {view:<30} {name:<26} {cold:7.1f} {cold_cpu:6.1f} {fresh:7.1f} {fresh_cpu:6.1f} "
              f"{warm:6.1f}{flag}")
    for label, index in (("cold", 2), ("new filter", 4)):
        values = [r[index] for r in rows]
        print(f"{label}: slowest {max(values):.1f} ms, median {statistics.median(values):.1f} ms; "
              f"CPU slowest {max(r[index + 1] for r in rows):.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=config.WAREHOUSE, help="warehouse to read")
    parser.add_argument("--repeat", type=int, default=5, help="warm calls per callback")
    parser.add_argument("--scale-up", type=int, default=1, help="multiply the sensors and counts first")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hue-bench-traffic-") as folder:
        source = args.db.resolve()
        config.WAREHOUSE = scaled_copy(source, args.scale_up, Path(folder)) if args.scale_up > 1 else source
        report(measure(args.repeat), BUDGET_MS["scaled" if args.scale_up > 1 else "demo"])


if __name__ == "__main__":
    main()
