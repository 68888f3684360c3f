"""``make bench``: run the benchmarks in this folder, print one table of the figures that matter and each
benchmark's own output, and write both, with the machine described, to bench/results.md.

Each benchmark is its own module (``python -m bench.<name>`` runs one) and prints ratios against a
baseline measured in the same run, since the machine is shared and noisy. They run one after another in
fresh processes (so one's caches cannot flatter another), each in its own process group, stopped if it
outlives ``--timeout``.

    python -m bench                 # everything at demo scale, then the scaled ones at --scale 10
    python -m bench --quick         # demo scale only
    python -m bench --diagnostics   # also the per-page direct callback benchmarks
    python -m bench http_pages load # only these

The acceptance figures come from the HTTP and browser benchmark, the load test, the pandas baseline and
the ETL benchmark. The per-page benchmarks that call callbacks directly (overview, map, health, schools,
traffic) are diagnostics for finding where time goes: opt-in.
"""
from __future__ import annotations

import argparse
import json
import os
import pkgutil
import platform
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIGURES = HERE / "out" / "figures"
RESULTS = HERE / "results.md"
#: Run first, in this order (the load test replays what the browser run recorded).
FIRST = ("http_pages", "load", "baseline_pandas", "etl_load")
#: Also run at --scale 10 in a full run.
SCALED = ("http_pages", "baseline_pandas", "etl_load")
DIAGNOSTICS = ("overview", "map", "health", "schools", "traffic")


def benchmarks(diagnostics: bool) -> list[str]:
    found = sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if not m.name.startswith("_"))
    found = [n for n in found if diagnostics or n not in DIAGNOSTICS]
    return [n for n in FIRST if n in found] + [n for n in found if n not in FIRST]


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "?")
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (f"{platform.platform()}, Python {platform.python_version()}; {os.cpu_count()} cores ({cpu}), "
            f"{memory:.1f} GiB memory; load average {load} (1, 5, 15 min) at start. The machine is shared: "
            "read ratios and thresholds, not absolute times.")


def run_one(name: str, args: list[str], timeout: float) -> tuple[str, bool]:
    """One benchmark in a fresh process group; (its section of the results, whether it succeeded)."""
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", f"bench.{name}", *args], cwd=HERE.parent, text=True,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
        status = "" if process.returncode == 0 else f" — FAILED (exit {process.returncode}): {err.strip()[-300:]}"
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGTERM)  # lets it stop its own servers and browser
        try:
            out, err = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            out, err = process.communicate()
        status = f" — FAILED: stopped after {timeout:.0f} s"
    title = " ".join([name, *args])
    seconds = time.perf_counter() - started
    text = f"## {title} ({seconds:.0f} s){status}\n\n```\n{out.strip()}\n```\n"
    return text.replace(f"{HERE.parent}{os.sep}", ""), not status  # paths relative to the repository


def summary() -> str:
    """One Markdown table of every figure the benchmarks saved (bench/out/figures/*.json)."""
    lines = ["| benchmark | figure | scale | value | goal | met |", "|---|---|---|---|---|---|"]
    for path in sorted(FIGURES.glob("*.json"), key=lambda p: (p.stem.rsplit("_x", 1)[1], p.stem)):
        name, scale = path.stem.rsplit("_x", 1)
        for row in json.loads(path.read_text(encoding="utf-8")):
            met = {True: "yes", False: "**NO**", None: ""}[row.get("ok")]
            lines.append(f"| {name} | {row['what']} | {scale} | {row['value']} | {row.get('goal', '')} | {met} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--quick", action="store_true", help="demo scale only")
    parser.add_argument("--diagnostics", action="store_true", help="also the per-page direct benchmarks")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds allowed per benchmark")
    args = parser.parse_args(argv)
    names = args.names or benchmarks(args.diagnostics)
    runs = [(n, []) for n in names] + [(n, ["--scale", "10"]) for n in names if n in SCALED and not args.quick]
    shutil.rmtree(FIGURES, ignore_errors=True)
    head = f"# Benchmarks, {datetime.now():%Y-%m-%d %H:%M}\n\n{machine()}\n"
    print(head, flush=True)
    sections, ok = [], True
    for name, extra in runs:
        print(f"running bench.{name} {' '.join(extra)} …", flush=True)
        section, succeeded = run_one(name, extra, args.timeout)
        print(section, flush=True)
        sections.append(section)
        ok &= succeeded
    table = summary()
    print(table)
    command = "python -m bench" + (" --quick" if args.quick else "") + "".join(f" {n}" for n in args.names)
    RESULTS.write_text(f"{head}\nReproduce: `make bench` (or `{command}`).\n\n{table}\n" + "\n".join(sections),
                       encoding="utf-8")
    print(f"written to {RESULTS}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
