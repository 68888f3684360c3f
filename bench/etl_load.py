"""ETL speed for every source: a full load of the raw folder against a bare DuckDB read of the same files.

The figure is the ratio ETL / bare, both measured in this run on the same files, interleaved (the
machine is shared and noisy). The bare baseline is the simplest loader: one ``CREATE TABLE … AS SELECT *
FROM read_csv(file)`` per CSV with DuckDB's auto-detection (``read_json`` for JSON; the Excel workbooks,
which DuckDB cannot read without a downloaded extension, through ``pandas.read_excel``). The ETL is
``etl.run.run`` into a new warehouse: header aliases, validation, working-day deadlines, the
point-in-commune lookup, duplicate checks, rollups and the atomic swap; the forecasts are a separate job
(bench/forecast_job.py) and left out. At ``--scale 10`` the raw files and warehouse are built under
bench/out when absent, and the seconds that took are printed.

    python -m bench.etl_load [--scale 10] [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd

from bench import _scale
from etl import run


def raw_files(raw: Path) -> list[Path]:
    return sorted(p for p in raw.glob("*/*") if p.is_file() and not p.name.startswith(("_", ".")))


def bare_seconds(files: list[Path]) -> tuple[float, int]:
    """Seconds to read every file into its own DuckDB table, and the rows read."""
    con = duckdb.connect()
    started, rows = time.perf_counter(), 0
    for index, path in enumerate(files):
        if path.suffix == ".xlsx":
            frame = pd.read_excel(path)  # noqa: F841  (read by DuckDB's replacement scan below)
            con.execute(f"CREATE TABLE t{index} AS SELECT * FROM frame")
        else:
            reader = "read_json" if path.suffix == ".json" else "read_csv"
            con.execute(f"CREATE TABLE t{index} AS SELECT * FROM {reader}(?)", [str(path)])
        rows += con.execute(f"SELECT count(*) FROM t{index}").fetchone()[0]
    seconds = time.perf_counter() - started
    con.close()
    return seconds, rows


def etl_seconds(raw: Path) -> tuple[float, int]:
    with tempfile.TemporaryDirectory(dir=_scale.OUT) as folder:
        started = time.perf_counter()
        result = run.run(raw, Path(folder) / "w.duckdb", forecasts=False)
        seconds = time.perf_counter() - started
    return seconds, sum(r.counts.loaded for r in result.results)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, choices=(1.0, 10.0))
    parser.add_argument("--repeat", type=int, default=None, help="default 3 at demo scale, 1 at scale 10")
    args = parser.parse_args(argv)
    repeat = args.repeat or (3 if args.scale == 1 else 1)
    _scale.OUT.mkdir(exist_ok=True)
    built = _scale.ensure(args.scale)
    raw = Path(built["raw"])
    files = raw_files(raw)
    bare, etl = [], []
    for _ in range(repeat):
        bare.append(bare_seconds(files))
        etl.append(etl_seconds(raw))
    bare_s, etl_s = statistics.median(s for s, _ in bare), statistics.median(s for s, _ in etl)
    size = sum(p.stat().st_size for p in files) / 2**20
    print(f"raw folder {raw} (scale {args.scale:g}): {len(files)} files, {size:.0f} MB, "
          f"{bare[0][1]:,} rows read bare, {etl[0][1]:,} rows loaded by the ETL")
    if built["generate_s"] is not None:
        print(f"building it took: demo generation {built['generate_s']:.0f} s, "
              f"`python -m etl run` with forecasts {built['load_s']:.0f} s")
    print(f"bare DuckDB read (median of {repeat}): {bare_s:7.1f} s")
    print(f"ETL, every source, no forecasts (median of {repeat}): {etl_s:7.1f} s")
    print(f"ratio ETL / bare: {etl_s / bare_s:.2f}  (goal ≤ 2.5)")
    figures = [{"what": "ETL / bare read_csv", "value": f"{etl_s / bare_s:.2f} ({etl_s:.0f} s / {bare_s:.0f} s)",
                "goal": "≤ 2.5", "ok": etl_s / bare_s <= 2.5}]
    if built["generate_s"] is not None:
        figures.append({"what": "scale-10 build: generation + load s",
                        "value": f"{built['generate_s']:.0f} + {built['load_s']:.0f}", "goal": "", "ok": None})
    _scale.save_figures("etl_load", args.scale, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
