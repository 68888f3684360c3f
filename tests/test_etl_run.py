"""Whole runs: reconciliation, idempotency, replacement of a corrected file, failures and atomicity."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from etl_fixtures import FEEDBACK_HEADER, PHU_THUAN, feedback_row, query, rejected, write_csv

from etl import run

ROOT = Path(__file__).resolve().parents[1]
TABLES = ("areas", "calendar", "feedback", "health_coverage", "etl_runs", "rejected_rows", "meta")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(db: Path) -> dict[str, list]:
    return {t: sorted(query(db, f"SELECT * FROM {t}"), key=repr) for t in TABLES}


def health_rows(*changes: dict) -> list[dict]:
    base = {"commune_code": PHU_THUAN, "period": "2024-01", "population": "9000",
            "records_created": "8000", "records_complete": "5000"}
    return [{**base, **c} for c in changes]


@pytest.fixture
def raw(tmp_path) -> Path:
    raw = tmp_path / "raw"
    write_csv(raw / "feedback" / "2024-07.csv",
              [feedback_row(service_request_id=str(i)) for i in range(1, 6)]
              + [feedback_row(service_request_id="6", lat="bad"), feedback_row(service_request_id="1")],
              FEEDBACK_HEADER)
    write_csv(raw / "health" / "2024.csv", health_rows({}, {"period": "2024-02", "records_created": "8500"},
                                                       {"period": "2024-03", "records_complete": "8500"}))
    return raw


def test_counts_reconcile_per_file_and_are_recorded(raw, tmp_path):
    db = tmp_path / "w.duckdb"
    run.run(raw, db)
    recorded = query(db, "SELECT source, rows_read, rows_loaded, rows_rejected, rows_duplicate, status "
                         "FROM etl_runs ORDER BY source")
    assert recorded == [("feedback", 7, 5, 1, 1, "loaded"), ("health", 3, 2, 1, 0, "loaded")]
    assert query(db, "SELECT count(*) FROM rejected_rows") == [(3,)]


def test_a_second_run_skips_every_file_and_changes_nothing(raw, tmp_path):
    db = tmp_path / "w.duckdb"
    run.run(raw, db)
    before, tables = digest(db), snapshot(db)
    second = run.run(raw, db)
    assert not second.written
    assert all(r.files == r.skipped for r in second.results)
    assert digest(db) == before and snapshot(db) == tables


def test_a_corrected_file_replaces_its_own_rows_only(raw, tmp_path):
    db = tmp_path / "w.duckdb"
    run.run(raw, db)
    write_csv(raw / "feedback" / "2024-07.csv", [feedback_row(service_request_id="1", rating="chấp nhận"),
                                                  feedback_row(service_request_id="6")], FEEDBACK_HEADER)
    result = run.run(raw, db)
    assert [r.source for r in result.results if r.files != r.skipped] == ["feedback"]
    assert query(db, "SELECT service_request_id, rating FROM feedback ORDER BY 1") == [
        ("1", "chấp nhận"), ("6", "hài lòng")]
    assert rejected(db, "feedback") == []
    assert query(db, "SELECT count(*) FROM health_coverage") == [(2,)]


def test_a_missing_column_stops_that_source_and_the_others_still_load(raw, tmp_path):
    db = tmp_path / "w.duckdb"
    header = [h for h in FEEDBACK_HEADER if h != "requested_datetime"]
    write_csv(raw / "feedback" / "2024-07.csv", [feedback_row()], header)
    result = run.run(raw, db)
    [failed] = result.failed
    assert failed.error == "feedback/2024-07.csv: missing required column(s) requested_datetime"
    assert query(db, "SELECT count(*) FROM health_coverage") == [(2,)]
    assert query(db, "SELECT status, message FROM etl_runs WHERE source = 'feedback'") == [
        ("failed", failed.error)]


def test_the_cli_exits_non_zero_with_a_one_line_reason(raw, tmp_path):
    write_csv(raw / "health" / "2024.csv", [{"commune_code": PHU_THUAN}])
    done = subprocess.run([sys.executable, "-m", "etl", "run", "--raw", str(raw), "--db",
                           str(tmp_path / "w.duckdb"), "--quiet"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert done.stderr.strip().splitlines()[-1] == (
        "error: health/2024.csv: missing required column(s) period, population, records_created, "
        "records_complete")


@pytest.mark.parametrize("delay", [0.3, 1.0, 2.0])
def test_a_killed_load_leaves_the_served_warehouse_intact(raw, tmp_path, delay):
    db = tmp_path / "w.duckdb"
    run.run(raw, db)
    served = digest(db)
    rows = [feedback_row(service_request_id=str(i), commune_code="") for i in range(100, 40_100)]
    write_csv(raw / "feedback" / "big.csv", rows, FEEDBACK_HEADER)
    proc = subprocess.Popen([sys.executable, "-m", "etl", "run", "--raw", str(raw), "--db", str(db),
                             "--quiet"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert digest(db) == served
    result = run.run(raw, db)
    assert result.written and not result.failed
    assert query(db, "SELECT count(*) FROM feedback") == [(40_005,)]
    assert not list(tmp_path.glob(".w.duckdb.building-*"))
