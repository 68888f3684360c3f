"""Benchmark the forecasting job: wall time, series count, backtest MASE and band coverage, on a copy.

``python -m bench.forecast_job [--db PATH] [--jobs N]``. The warehouse is copied to a temporary folder
first, so the served file is never opened for writing. MASE below 1.0 means the chosen models' errors are
smaller than the in-sample error of the seasonal naive forecast (see ``etl.forecast``). Coverage is pooled
over the held-out points of every series of an indicator: "the 80 % band held Y of Z".
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
from etl import forecast_job, run

WEEKLY = "feedback_received"


def measure(db: Path, n_jobs: int) -> tuple[float, dict, list[tuple]]:
    """Run the job on a copy of ``db``; (wall seconds, job summary, per-series MASE by indicator)."""
    with tempfile.TemporaryDirectory(prefix="hue-bench-") as folder:
        copy = Path(folder) / db.name
        shutil.copyfile(db, copy)
        with duckdb.connect(str(copy)) as con:
            con.execute(run.SCHEMA.read_text(encoding="utf-8"))   # a warehouse older than the count columns
            started = time.perf_counter()
            summary = forecast_job.run_all(con, n_jobs)
            wall = time.perf_counter() - started
            scores = con.execute("""
                SELECT indicator_id, count(*), avg(mase), median(mase), count(*) FILTER (WHERE mase < 1),
                       sum(inside_80), sum(inside_95), sum(backtest_points)
                FROM (SELECT DISTINCT indicator_id, area_code, series_key, mase, inside_80, inside_95,
                             backtest_points FROM forecasts)
                GROUP BY ALL ORDER BY indicator_id""").fetchall()
    return wall, summary, scores


def report(db: Path, n_jobs: int, wall: float, summary: dict, scores: list[tuple]) -> str:
    lines = [f"forecast job on a copy of {db}: {wall:.1f} s wall, {n_jobs} process(es)",
             f"series: {summary['series']} written, {summary['failed']} failed, {summary['rows']} rows"]
    for indicator, count, mean, median, below, *held in scores:
        lines.append(f"  {indicator:<22} {count:>4} series  mean MASE {mean:.2f}  median {median:.2f}  "
                     f"{below} below 1.0  {coverage(*held)}")
    weekly = next((s for s in scores if s[0] == WEEKLY), None)
    if weekly:
        lines.append(f"weekly reports: mean MASE of the chosen models {weekly[2]:.2f} "
                     f"vs 1.00 (seasonal naive); {coverage(*weekly[5:])}")
    return "\n".join(lines)


def coverage(inside_80: int | None, inside_95: int | None, points: int | None) -> str:
    """Pooled over the held-out points: "80 % band held 1,234 of 1,500 (82.3 %), 95 % band …"."""
    if not points:
        return "no backtest points"
    return ", ".join(f"{lv} % band held {n:,} of {points:,} ({100 * n / points:.1f} %)"
                     for lv, n in ((80, inside_80), (95, inside_95)))


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
