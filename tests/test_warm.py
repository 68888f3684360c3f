"""Warming: after a new warehouse is swapped in, the answers most views share are computed before a
reader asks, on the new file's version."""

from __future__ import annotations

import gc
import itertools
import os
import shutil
import time

from components import find

import app  # noqa: F401  (registers the pages, the callbacks and every warmer)
import ids
from callbacks import feedback, feedback_charts, overview, traffic
from pages import feedback as feedback_page
from pages import overview as overview_page
from pages import traffic as traffic_page
from queries import db, health, indicators, kpi, kpi_periods, warm


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


def _answered_from_the_cache(call, *args) -> bool:
    """Whether ``call(*args)`` kept nothing new: every answer it needed was already there."""
    before = len(db._cache)
    call(*args)
    return len(db._cache) == before


def test_warming_builds_the_first_screen_of_feedback_and_traffic_as_their_pages_ask(own_warehouse):
    warm.warm_now()
    for lang in ("vi", "en"):
        asked = find(feedback_page.layout(lang=lang), ids.FEEDBACK_PARAMS).data
        assert _answered_from_the_cache(feedback_charts.show_summary, asked)
        assert _answered_from_the_cache(feedback_charts.show_volume, asked)
        assert _answered_from_the_cache(feedback.fill_filters, asked)
        asked = find(traffic_page.layout(lang=lang), ids.TRAFFIC_PARAMS).data
        assert _answered_from_the_cache(traffic.show_kpis, asked)
        assert _answered_from_the_cache(traffic.show_volume, asked, "week")
    assert not _answered_from_the_cache(traffic.show_volume, asked, "day")  # a view nobody warmed


def test_warming_builds_the_overview_of_the_latest_month_quarter_and_year_as_the_page_asks(own_warehouse):
    warm.warm_now()
    latest = {}
    for lang, grain in itertools.product(("vi", "en"), kpi_periods.GRAINS):
        asked = find(overview_page.layout(lang=lang, grain=grain), ids.OVERVIEW_STATE).data
        latest[grain] = overview.resolve_view(asked)[0]["period"]
        if latest[grain]:  # the fixture's months end before a whole year does
            assert _answered_from_the_cache(overview.show_page, asked)
    assert latest["month"] and latest["quarter"]
    district = kpi.areas().query("level == 'district'")["code"].iloc[0]
    asked = find(overview_page.layout(lang="en", grain="quarter", district=district), ids.OVERVIEW_STATE).data
    assert not _answered_from_the_cache(overview.show_page, asked)  # a view nobody warmed
