"""Warehouses the benchmarks run on: the demo one, or a ``--scale 10`` one built under bench/out.

The scale-10 raw files and warehouse are git-ignored and reused between runs; when they are built, the
seconds the generation and the load took are kept next to them (``build.json``), so every later run can
still report them.

    python -m bench._scale 10     # build (or reuse) the scale-10 raw files and warehouse
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import config

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
FIGURES = OUT / "figures"


def raw_dir(scale: float) -> Path:
    return config.RAW_DIR if scale == 1 else OUT / f"raw_x{scale:g}"


def warehouse(scale: float) -> Path:
    return config.WAREHOUSE if scale == 1 else OUT / f"warehouse_x{scale:g}.duckdb"


def _timed_etl(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "etl", *args], cwd=config.ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def ensure(scale: float) -> dict:
    """Raw folder and warehouse for ``scale`` (built when absent), with how long building them took."""
    raw, db = raw_dir(scale), warehouse(scale)
    record = raw.parent / f"build_x{scale:g}.json"
    if scale == 1:
        return {"raw": str(raw), "db": str(db), "generate_s": None, "load_s": None}
    built = json.loads(record.read_text()) if record.exists() else {}
    if not (raw / "feedback").is_dir():
        built["generate_s"] = _timed_etl("demo", "--scale", f"{scale:g}", "--out", str(raw))
        built.pop("load_s", None)
    if not db.exists() or "load_s" not in built:
        db.unlink(missing_ok=True)
        built["load_s"] = _timed_etl("run", "--quiet", "--raw", str(raw), "--db", str(db))
    record.write_text(json.dumps(built))
    return {"raw": str(raw), "db": str(db), **built}


def save_figures(name: str, scale: float, rows: list[dict]) -> None:
    """Figures for the runner's summary table: ``{"what", "value", "goal", "ok"}`` per row."""
    FIGURES.mkdir(parents=True, exist_ok=True)
    (FIGURES / f"{name}_x{scale:g}.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")


if __name__ == "__main__":
    print(json.dumps(ensure(float(sys.argv[1]) if len(sys.argv) > 1 else 10.0), indent=1))
