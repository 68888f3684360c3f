"""Faults while loading: a full disk or a read-only data folder fails the load cleanly, the served
warehouse stays as it was, and the next run completes."""
from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest
from etl_fixtures import FEEDBACK_HEADER, feedback_row, write_csv

from etl import run

ROOT = Path(__file__).resolve().parents[1]

# Runs the ETL with a 64 KB cap on file size: writing the warehouse fails like a full disk (EFBIG).
DISK_FULL = """
import resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
from etl.__main__ import main
sys.exit(main(["run", "--raw", sys.argv[1], "--db", sys.argv[2], "--quiet", "--no-forecast"]))
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def loaded(tmp_path):
    raw, db = tmp_path / "raw", tmp_path / "data" / "w.duckdb"
    write_csv(raw / "feedback" / "a.csv", [feedback_row()], FEEDBACK_HEADER)
    run.run(raw, db, forecasts=False)
    write_csv(raw / "feedback" / "b.csv", [feedback_row(service_request_id=str(i)) for i in range(2000)],
              FEEDBACK_HEADER)
    return raw, db


def test_a_full_disk_fails_the_load_cleanly(loaded):
    raw, db = loaded
    served = digest(db)
    done = subprocess.run([sys.executable, "-c", DISK_FULL, str(raw), str(db)], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 2
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith(f"error: cannot write the warehouse in {db.parent}") and "Traceback" not in done.stderr
    assert digest(db) == served
    assert [p.name for p in db.parent.iterdir()] == [db.name]
    assert run.run(raw, db, forecasts=False).written


def test_a_read_only_data_folder_fails_the_load_cleanly(loaded):
    raw, db = loaded
    served = digest(db)
    if subprocess.run(["chattr", "+i", str(db.parent)], check=False, capture_output=True).returncode:
        pytest.skip("this file system cannot make a folder immutable")
    try:
        with pytest.raises(run.EtlError, match="cannot write the warehouse in .*the served data is unchanged"):
            run.run(raw, db, forecasts=False)
    finally:
        subprocess.run(["chattr", "-i", str(db.parent)], check=True)
    assert digest(db) == served
    assert run.run(raw, db, forecasts=False).written
