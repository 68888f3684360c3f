"""Warming: after a new warehouse is swapped in, the answers most views share are computed before a
reader asks, on the new file's version."""

from __future__ import annotations

import gc
import json
import os
import shutil
import time

import app  # noqa: F401  (registers the pages, the callbacks and every warmer)
import ids
from callbacks import feedback_charts, traffic
from pages import feedback as feedback_page
from pages import traffic as traffic_page
from queries import db, health, indicators, kpi, warm


def _grain_key(grain: str, levels: tuple = ("province", "district")) -> tuple:
    return (grain, levels, tuple(entry.id for entry in indicators.all_indicators()))


def test_warm_now_computes_each_grain_history_and_the_health_history(own_warehouse):
    assert not db.is_cached("kpi.history", _grain_key("month"))
    assert warm.warm_now() == len(warm._warmers)
    for grain in ("month", "quarter", "year"):
        assert db.is_cached("kpi.history", _grain_key(grain))
    before = len(db._cache)
    health.history(), kpi.history("quarter", ("province", "district"))  # answered from the cache: nothing new kept
    assert len(db._cache) == before


def test_after_warming_the_long_lived_objects_are_out_of_the_collectors_sight(own_warehouse):
    gc.unfreeze()
    warm.warm_now()
    frozen = gc.get_freeze_count()
    assert frozen > 10_000  # modules and the warm answers: a full collection no longer walks them
    gc.collect()
    assert gc.get_freeze_count() == frozen  # a collection leaves them frozen


def test_the_watcher_warms_a_newly_swapped_in_warehouse(own_warehouse, tmp_path):
    stop = warm.start(0.05)
    assert stop is not None and warm.start(0.05) is None  # one watcher per process
    try:
        _wait_for(lambda: db.is_cached("kpi.history", _grain_key("year")))
        fresh = tmp_path / "fresh.duckdb"
        shutil.copy(own_warehouse, fresh)
        os.replace(fresh, own_warehouse)  # what a load does: a new file (new inode) under the same name
        _wait_for(lambda: db.is_cached("kpi.history", _grain_key("year")))
    finally:
        stop.set()


def _wait_for(condition, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the cache was not warmed in time"
        time.sleep(0.05)


def _store_data(component, store_id: str):
    """The data of the store with this id inside a page layout."""
    if getattr(component, "id", None) == store_id:
        return component.data
    children = getattr(component, "children", None)
    children = children if isinstance(children, (list, tuple)) else [children]
    return next((found for child in children if child is not None and not isinstance(child, str)
                 if (found := _store_data(child, store_id)) is not None), None)


def _remembered(callback, *args) -> bool:
    key = json.dumps(args, sort_keys=True, separators=(",", ":"))
    catalogue = tuple(entry.id for entry in indicators.all_indicators())
    return db.is_cached(f"view:{callback.__module__}.{callback.__qualname__}", (key, catalogue))


def test_warming_builds_the_first_screen_of_feedback_and_traffic_as_their_pages_ask(own_warehouse):
    warm.warm_now()
    for lang in ("vi", "en"):
        asked = _store_data(feedback_page.layout(lang=lang), ids.FEEDBACK_PARAMS)
        assert _remembered(feedback_charts.show_summary, asked) and _remembered(feedback_charts.show_volume, asked)
        asked = _store_data(traffic_page.layout(lang=lang), ids.TRAFFIC_PARAMS)
        assert _remembered(traffic.show_kpis, asked) and _remembered(traffic.show_volume, asked, "week")
    assert not _remembered(traffic.show_volume, asked, "day")
