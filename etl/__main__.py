"""``python -m etl``: demo (write demo raw files), run (load them into the warehouse)."""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

import config
from etl.errors import EtlError


def _progress(source: str, files: list):
    from tqdm import tqdm

    return tqdm(files, desc=f"{source:<18}", unit="file", leave=True, disable=not files)


def _summary(result) -> str:
    header = ("source", "files", "skipped", "read", "loaded", "rejected", "duplicates", "seconds")
    lines = [f"{header[0]:<18}" + "".join(f"{h:>11}" for h in header[1:])]
    for r in result.results:
        c = r.counts
        values = (r.files, r.skipped, c.read, c.loaded, c.rejected, c.duplicate, f"{r.seconds:.1f}")
        lines.append(f"{r.source:<18}" + "".join(f"{v:>11}" for v in values)
                     + (f"   FAILED: {r.error}" if r.error else ""))
    if not result.written:
        lines.append("Nothing changed: every file was skipped and the warehouse was left as it was.")
    return "\n".join(lines)


def cmd_run(args) -> int:
    from etl import run

    try:
        result = run.run(args.raw, args.db, args.only, progress=None if args.quiet else _progress,
                         forecasts=not args.no_forecast)
    except EtlError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(_summary(result))
    if result.failed:
        print("error: " + "; ".join(r.error for r in result.failed), file=sys.stderr)
        return 1
    return 0


def parser() -> argparse.ArgumentParser:
    from etl import demo, forecast_job
    from etl.run import SOURCE_NAMES

    top = argparse.ArgumentParser(prog="python -m etl", description="Huế IOC Analytics: load data.")
    commands = top.add_subparsers(dest="command", required=True)
    demo_cmd = commands.add_parser("demo", help="write realistic demo raw files (seeded)")
    demo.add_arguments(demo_cmd)
    demo_cmd.set_defaults(handler=demo.run)
    run_cmd = commands.add_parser("run", help="load data/raw into the warehouse (changed files only)")
    run_cmd.add_argument("--raw", type=Path, default=config.RAW_DIR, help="raw folder (default %(default)s)")
    run_cmd.add_argument("--db", type=Path, default=config.WAREHOUSE, help="warehouse (default %(default)s)")
    run_cmd.add_argument("--only", choices=SOURCE_NAMES, help="load only this source")
    run_cmd.add_argument("--quiet", action="store_true", help="no progress bars")
    run_cmd.add_argument("--no-forecast", action="store_true", help="do not refresh the forecasts")
    run_cmd.set_defaults(handler=cmd_run)
    forecast_cmd = commands.add_parser("forecast", help="recompute the forecasts (atomic swap)")
    forecast_cmd.add_argument("--db", type=Path, default=config.WAREHOUSE,
                              help="warehouse (default %(default)s)")
    forecast_cmd.add_argument("--jobs", type=int, default=2, help="worker processes (default %(default)s)")
    forecast_cmd.set_defaults(handler=forecast_job.cli)
    return top


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    args = parser().parse_args(argv)
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
