"""``make bench``: run every benchmark in this folder and print its figures.

Each benchmark is its own module (``python -m bench.<name>`` runs one) and prints ratios against a
baseline measured in the same run, since the machine is shared and noisy. This runner runs them one
after another in fresh processes (so one's caches cannot flatter another), prints their output, and
writes it with a description of the machine to bench/out/results.md.
"""
from __future__ import annotations

import os
import pkgutil
import platform
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"


def benchmarks() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if not m.name.startswith("_"))


def machine() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (f"{platform.platform()}, Python {platform.python_version()}, {os.cpu_count()} cores, "
            f"{memory:.0f} GiB, load average {os.getloadavg()[0]:.1f} at start")


def run_one(name: str) -> str:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", f"bench.{name}"], cwd=HERE.parent, capture_output=True,
                          text=True, check=False)
    seconds = time.perf_counter() - started
    status = "" if done.returncode == 0 else f" — FAILED (exit {done.returncode}): {done.stderr.strip()[-300:]}"
    return f"## {name} ({seconds:.0f} s){status}\n\n```\n{done.stdout.strip()}\n```\n"


def main() -> int:
    OUT.mkdir(exist_ok=True)
    parts = [f"# Benchmarks, {datetime.now():%Y-%m-%d %H:%M}\n\n{machine()}\n"]
    print(parts[0])
    for name in benchmarks():
        print(f"running bench.{name} …", flush=True)
        section = run_one(name)
        print(section, flush=True)
        parts.append(section)
    (OUT / "results.md").write_text("\n".join(parts), encoding="utf-8")
    print(f"written to {OUT / 'results.md'}")
    return 0 if all("FAILED" not in p for p in parts) else 1


if __name__ == "__main__":
    sys.exit(main())
