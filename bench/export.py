"""Export speed and memory: a 1-million-row CSV of citizen feedback through the real ``/export`` route,
against a bare DuckDB ``COPY (…) TO 'x.csv'`` of the same rows, both measured in this run.

The bench warehouse (``bench/out/export_warehouse.duckdb``) is the demo warehouse with its feedback rows
repeated under new ids until there are at least ``--rows`` of them (built once, kept between runs).
Memory is the peak growth of this process's resident set while the response streams (sampled every
10 ms), the figure that shows whether the export holds the whole file in memory.

    python -m bench.export [--rows 1000000]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import psutil

import config

OUT = Path(__file__).resolve().parent / "out"
WAREHOUSE = OUT / "export_warehouse.duckdb"
DATASET = "feedback_records"


def build_warehouse(rows: int) -> int:
    """The bench warehouse with at least ``rows`` reports; returns how many it holds."""
    if WAREHOUSE.exists():
        with duckdb.connect(str(WAREHOUSE), read_only=True) as con:
            held = con.execute("SELECT count(*) FROM feedback").fetchone()[0]
        if held >= rows:
            return held
    OUT.mkdir(exist_ok=True)
    shutil.copyfile(config.WAREHOUSE, WAREHOUSE)
    with duckdb.connect(str(WAREHOUSE)) as con:
        base = con.execute("SELECT count(*) FROM feedback").fetchone()[0]
        copies = -(-rows // base) - 1
        con.execute(
            "INSERT INTO feedback SELECT f.* REPLACE (f.service_request_id || '-' || r.k AS service_request_id) "
            "FROM feedback AS f, range(1, ? + 1) AS r(k)",
            [copies],
        )
        return con.execute("SELECT count(*) FROM feedback").fetchone()[0]


class PeakRss:
    """Samples this process's RSS in a thread; ``growth`` is the peak above the level at start."""

    def __init__(self):
        self.process, self.start, self.peak = psutil.Process(), 0, 0
        self._stop = threading.Event()

    def __enter__(self):
        self.start = self.peak = self.process.memory_info().rss
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self):
        while not self._stop.wait(0.01):
            self.peak = max(self.peak, self.process.memory_info().rss)

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    @property
    def growth(self) -> int:
        return self.peak - self.start


def route_export() -> tuple[float, int, int]:
    """Seconds, bytes and peak RSS growth of the CSV export through the Flask route."""
    import app as hue_app

    client = hue_app.app.server.test_client()
    size = 0
    with PeakRss() as memory:
        started = time.perf_counter()
        response = client.get(f"/export/{DATASET}.csv")
        for chunk in response.response:
            size += len(chunk)
        seconds = time.perf_counter() - started
    assert response.status_code == 200
    return seconds, size, memory.growth


def bare_copy() -> tuple[float, int, int]:
    """Seconds, bytes and peak RSS growth of DuckDB's own COPY of the same SELECT."""
    from queries import exports

    sql, params = exports._select(exports.parse(DATASET, {}))
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "x.csv"
        with PeakRss() as memory:
            started = time.perf_counter()
            with duckdb.connect(
                str(WAREHOUSE), read_only=True, config={"threads": config.DUCKDB_THREADS}
            ) as con:
                con.execute("SET enable_progress_bar = false")
                con.execute(f"COPY ({sql}) TO '{target}' (HEADER)", params)
            seconds = time.perf_counter() - started
        return seconds, target.stat().st_size, memory.growth


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    rows = build_warehouse(args.rows)
    config.WAREHOUSE = WAREHOUSE
    bare = bare_copy()
    route = route_export()
    mib = 2**20
    print(f"rows exported:               {rows:,}")
    print(
        f"bare DuckDB COPY:            {bare[0]:6.1f} s  {bare[1] / mib:7.1f} MiB  RSS +{bare[2] / mib:6.1f} MiB"
    )
    print(
        f"/export/{DATASET}.csv: {route[0]:6.1f} s  {route[1] / mib:7.1f} MiB  RSS +{route[2] / mib:6.1f} MiB"
    )
    print(f"ratio route / bare (time):   {route[0] / bare[0]:6.2f}")
    print(f"file size / peak RSS growth: {route[1] / max(route[2], 1):6.1f}")
    return {"rows": rows, "bare": bare, "route": route}


if __name__ == "__main__":
    main()
