"""ETL speed: load the feedback exports at --scale 10 and compare with a bare DuckDB read_csv.

The figure is the ratio ETL / bare, both measured in this run on the same files (the machine is
shared and noisy, so absolute seconds mean little). The bare baseline is what the simplest loader does:
``CREATE TABLE … AS SELECT * FROM read_csv(file)`` with DuckDB's auto-detection, one file at a time
(the folder mixes `,` and `;` exports, so they cannot be read as one glob), and ``read_json`` for the
JSON month. The ETL does that plus header aliases, validation, deadlines in working days, the
point-in-commune lookup, duplicate checks and the atomic swap (the forecasts, a separate job timed
by bench/forecast_job.py, are left out).

    python -m bench.etl_feedback [--scale 10] [--repeat 3]
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import duckdb

from etl import run
from etl.demo import generate

OUT = Path(__file__).resolve().parent / "out"


def demo_feedback(scale: float) -> Path:
    """Feedback exports at ``scale`` (kept in bench/out between runs; regenerated when absent)."""
    raw = OUT / f"raw_feedback_x{scale:g}"
    if not (raw / "feedback").is_dir():
        generate(raw, scale=scale, only="feedback", progress=True)
    return raw


def bare_seconds(raw: Path) -> tuple[float, int]:
    con = duckdb.connect()
    started, rows = time.perf_counter(), 0
    for index, path in enumerate(sorted((raw / "feedback").iterdir())):
        reader = "read_json" if path.suffix == ".json" else "read_csv"
        con.execute(f"CREATE TABLE t{index} AS SELECT * FROM {reader}(?)", [str(path)])
        rows += con.execute(f"SELECT count(*) FROM t{index}").fetchone()[0]
    seconds = time.perf_counter() - started
    con.close()
    return seconds, rows


def etl_seconds(raw: Path) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        result = run.run(raw, Path(folder) / "w.duckdb", only="feedback", forecasts=False)
        seconds = time.perf_counter() - started
    return seconds, result.results[0].counts.loaded


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=10.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    raw = demo_feedback(args.scale)
    bare, etl = [], []
    for _ in range(args.repeat):  # interleaved, so both see the same machine load
        bare.append(bare_seconds(raw))
        etl.append(etl_seconds(raw))
    bare_s, etl_s = statistics.median(s for s, _ in bare), statistics.median(s for s, _ in etl)
    rows = etl[0][1]
    print(f"feedback at scale {args.scale:g}: {rows:,} reports in {len(list((raw / 'feedback').iterdir()))} files")
    print(f"bare DuckDB read (median of {args.repeat}): {bare_s:6.2f} s")
    print(f"ETL run --only feedback (median of {args.repeat}): {etl_s:6.2f} s")
    print(f"ratio ETL / bare: {etl_s / bare_s:.2f}  (goal ≤ 2.5)")
    return {"rows": rows, "bare_s": bare_s, "etl_s": etl_s, "ratio": etl_s / bare_s}


if __name__ == "__main__":
    main()
