"""Facts about the warehouse: data-up-to date, demo flag, last load, row counts, health summary."""

from __future__ import annotations

import pytest
from fixture_warehouse import AREAS, ETL_RUNS, FEEDBACK, HEALTH, REJECTED, TRAFFIC_COUNTS, build

import config
from queries import meta


def test_data_up_to_is_the_latest_date_across_the_fact_tables():
    latest = max(
        [row[4].date() for row in FEEDBACK]
        + [row[1].date() for row in TRAFFIC_COUNTS]
        + [row[2] for row in HEALTH]
    )
    assert meta.data_up_to() == latest


def test_data_up_to_is_none_for_empty_fact_tables(tmp_path, monkeypatch):
    monkeypatch.setattr(
        config, "WAREHOUSE", build(tmp_path / "w.duckdb", feedback=[], health=[], traffic_counts=[])
    )
    assert meta.data_up_to() is None


def test_the_demo_flag_follows_meta_origin(tmp_path, monkeypatch):
    assert meta.is_demo() is True
    monkeypatch.setattr(config, "WAREHOUSE", build(tmp_path / "real.duckdb", meta=[("origin", "files")]))
    assert meta.is_demo() is False


def test_last_load_and_row_counts():
    assert meta.last_load() == max(run["finished_at"] for run in ETL_RUNS)
    counts = meta.row_counts()
    assert set(counts) == set(meta.CORE_TABLES)
    assert counts["areas"] == len(AREAS)
    assert counts["etl_runs"] == len(ETL_RUNS)
    assert counts["rejected_rows"] == sum(g[5] for g in REJECTED)
    assert counts["feedback"] == len(FEEDBACK)


def test_health_summary_is_ok_with_a_warehouse():
    summary = meta.health_summary()
    assert summary["status"] == "ok"
    assert summary["warehouse"] == str(config.WAREHOUSE)
    assert summary["last_load"] == max(run["finished_at"] for run in ETL_RUNS).isoformat()


@pytest.mark.parametrize(("content", "status"), [(None, "no_warehouse"), (b"not duckdb" * 500, "error")])
def test_health_summary_reports_a_missing_or_unreadable_warehouse(tmp_path, monkeypatch, content, status):
    path = tmp_path / "w.duckdb"
    if content:
        path.write_bytes(content)
    monkeypatch.setattr(config, "WAREHOUSE", path)
    summary = meta.health_summary()
    assert summary == {"status": status, "warehouse": str(path), "last_load": None, "row_counts": {}}
