"""The read helper: parameterised reads, copies, the cache and its invalidation, missing warehouses."""

from __future__ import annotations

import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pandas as pd
import pytest
from fixture_warehouse import REJECTED, build

import config
from queries import db
from queries.db import WarehouseMissing, WarehouseUnreadable, fetch

COUNT_BY_SOURCE = "SELECT count(*) AS n FROM rejected_rows WHERE source = ?"


def rejected_total(groups, source=None) -> int:
    return sum(g[5] for g in groups if source is None or g[0] == source)


@pytest.fixture
def own_warehouse(tmp_path, monkeypatch):
    """A warehouse only this test uses (it may replace or delete it)."""
    path = build(tmp_path / "a.duckdb")
    monkeypatch.setattr(config, "WAREHOUSE", path)
    return path


def test_fetch_binds_parameters_and_returns_a_frame():
    frame = fetch(COUNT_BY_SOURCE, ("health",))
    assert isinstance(frame, pd.DataFrame)
    assert frame["n"].iloc[0] == rejected_total(REJECTED, "health")
    assert fetch(COUNT_BY_SOURCE, ["feedback"])["n"].iloc[0] == rejected_total(REJECTED, "feedback")


def test_callers_get_copies_and_cannot_change_the_cache():
    first = fetch("SELECT source, count(*) AS n FROM rejected_rows GROUP BY source ORDER BY source")
    first.loc[0, "n"] = -1
    first["extra"] = 1
    again = fetch("SELECT source, count(*) AS n FROM rejected_rows GROUP BY source ORDER BY source")
    assert (again["n"] > 0).all() and "extra" not in again


def test_a_repeated_read_is_answered_from_the_cache(monkeypatch):
    calls = []
    real = db._query
    monkeypatch.setattr(db, "_query", lambda *args: calls.append(args) or real(*args))
    sql = "SELECT count(*) AS n FROM etl_runs WHERE status = ?"
    assert fetch(sql, ("failed",)).equals(fetch(sql, ("failed",)))
    fetch(sql, ("loaded",))
    assert len(calls) == 2  # one per distinct parameter, none for the repeat


def test_replacing_the_warehouse_file_invalidates_the_cache(own_warehouse, tmp_path):
    assert fetch(COUNT_BY_SOURCE, ("health",))["n"].iloc[0] == rejected_total(REJECTED, "health")
    fewer = [g for g in REJECTED if g[3] != "bad_period"]
    os.replace(build(tmp_path / "b.duckdb", rejected=fewer), own_warehouse)
    assert fetch(COUNT_BY_SOURCE, ("health",))["n"].iloc[0] == rejected_total(fewer, "health")


def test_the_cache_keeps_at_most_the_configured_number_of_answers(monkeypatch):
    monkeypatch.setattr(config, "QUERY_CACHE_SIZE", 2)
    for source in ("feedback", "health", "traffic_counts"):
        fetch(COUNT_BY_SOURCE, (source,))
    assert len(db._cache) <= 2


def test_a_missing_warehouse_raises_warehouse_missing(own_warehouse):
    own_warehouse.unlink()
    with pytest.raises(WarehouseMissing):
        fetch("SELECT 1")


def test_a_file_that_is_not_a_warehouse_raises_warehouse_unreadable(tmp_path, monkeypatch):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"this is not a database" * 1000)
    monkeypatch.setattr(config, "WAREHOUSE", junk)
    with pytest.raises(WarehouseUnreadable):
        fetch("SELECT 1")


def test_or_empty_turns_an_unavailable_warehouse_into_an_empty_frame(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "WAREHOUSE", tmp_path / "absent.duckdb")
    assert db.or_empty(fetch, "SELECT 1").empty


def test_tables_lists_the_schema_tables():
    assert {"meta", "feedback", "etl_runs", "rejected_rows"} <= db.tables()


def test_threads_asking_for_the_same_answer_at_once_compute_it_once():
    calls, started = [], threading.Barrier(4)

    def slow_count():
        calls.append(1)
        time.sleep(0.2)  # long enough for every thread to ask while the first computes
        return fetch(COUNT_BY_SOURCE, ("health",))

    def ask():
        started.wait()
        return db.derived("test.slow_count", (), slow_count)

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: ask(), range(4)))
    assert len(calls) == 1
    assert all(a["n"].iloc[0] == rejected_total(REJECTED, "health") for a in answers)


def test_a_failed_computation_is_not_remembered_and_is_tried_again():
    attempts = []

    def flaky():
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("first attempt fails")
        return 42

    with pytest.raises(RuntimeError):
        db.derived("test.flaky", (), flaky)
    assert db.derived("test.flaky", (), flaky) == 42
    assert db.derived("test.flaky", (), flaky) == 42
    assert len(attempts) == 2


def test_threads_read_one_instance_through_cursors_of_their_own():
    def count(source: str) -> int:
        return int(db._query(db.warehouse_path(), db.warehouse_version(), COUNT_BY_SOURCE, (source,)).iat[0, 0])

    sources = ["health", "feedback"] * 8
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(count, sources))
    assert answers == [rejected_total(REJECTED, s) for s in sources]
    assert len(db._instances) == 1
