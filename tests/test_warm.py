"""Warming: after a new warehouse is swapped in, the answers most views share are computed before a
reader asks, on the new file's version."""

from __future__ import annotations

import os
import shutil
import time

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
