"""Benchmark the forecasting job: wall time, series count and backtest MASE, on a copy of a warehouse.

``python -m bench.forecast_job [--db PATH] [--jobs N]``. The warehouse is copied to a temporary folder
first, so the served file is never opened for writing. MASE below 1.0 means the chosen models' errors are
smaller than the in-sample error of the seasonal naive forecast (see ``etl.forecast``).
"""
from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb

import config
from etl import forecast_job

WEEKLY = "feedback_received"


def measure(db: Path, n_jobs: int) -> tuple[float, dict, list[tuple]]:
    """Run the job on a copy of ``db``; (wall seconds, job summary, per-series MASE by indicator)."""
    with tempfile.TemporaryDirectory(prefix="hue-bench-") as folder:
        copy = Path(folder) / db.name
        shutil.copyfile(db, copy)
        with duckdb.connect(str(copy)) as con:
            started = time.perf_counter()
            summary = forecast_job.run_all(con, n_jobs)
            wall = time.perf_counter() - started
            scores = con.execute("""
                SELECT indicator_id, count(*), avg(mase), median(mase), count(*) FILTER (WHERE mase < 1)
                FROM (SELECT DISTINCT indicator_id, area_code, series_key, mase FROM forecasts)
                GROUP BY ALL ORDER BY indicator_id""").fetchall()
    return wall, summary, scores


def report(db: Path, n_jobs: int, wall: float, summary: dict, scores: list[tuple]) -> str:
    lines = [f"forecast job on a copy of {db}: {wall:.1f} s wall, {n_jobs} process(es)",
             f"series: {summary['series']} written, {summary['failed']} failed, {summary['rows']} rows"]
    for indicator, count, mean, median, below in scores:
        lines.append(f"  {indicator:<22} {count:>4} series  mean MASE {mean:.2f}  median {median:.2f}  "
                     f"{below} below 1.0")
    weekly = next((s for s in scores if s[0] == WEEKLY), None)
    if weekly:
        lines.append(f"weekly reports: mean MASE of the chosen models {weekly[2]:.2f} "
                     "vs 1.00 (seasonal naive)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.forecast_job", description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=config.WAREHOUSE, help="warehouse (default %(default)s)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default %(default)s)")
    args = parser.parse_args(argv)
    if not args.db.exists():
        print(f"error: no warehouse at {args.db}; run `python -m etl run` first", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    print(report(args.db, args.jobs, *measure(args.db, args.jobs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
