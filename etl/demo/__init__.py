"""Seeded demo data: raw exports in the formats of DESIGN §3.1, written under ``data/raw/``.

``python -m etl demo`` calls ``add_arguments`` and ``run``; tests call ``generate``. The same seed and
arguments always give byte-identical files. Every figure is an estimate shaped by the parameters in
the research notes, and ``_demo.json`` marks the folder as demo data.
"""
from __future__ import annotations

import argparse
import json
import logging
import zlib
from datetime import date
from pathlib import Path

import numpy as np
from tqdm import tqdm

import config
from etl.demo import (
    days,
    feedback,
    feedback_files,
    health,
    incidents,
    places_targets,
    schools,
    traffic,
    writers,
)

log = logging.getLogger(__name__)

DEFAULT_SEED = 20190725
DEFAULT_START, DEFAULT_END = date(2021, 1, 1), date(2025, 12, 31)
FOLDERS = ["feedback", "health", "schools", "traffic_sensors", "traffic_counts", "traffic_incidents",
           "places", "targets"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, default=config.RAW_DIR,
                        help="folder for the raw files (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default: %(default)s)")
    parser.add_argument("--start", type=date.fromisoformat, default=DEFAULT_START,
                        help="first day, YYYY-MM-DD (default: %(default)s)")
    parser.add_argument("--end", type=date.fromisoformat, default=DEFAULT_END,
                        help="last day (default: %(default)s)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="multiplies feedback volume and sensors per corridor (default: %(default)s)")


def run(args: argparse.Namespace) -> int:
    counts = generate(args.out, seed=args.seed, start=args.start, end=args.end, scale=args.scale)
    log.info("demo data in %s: %s", args.out, ", ".join(f"{k} {v:,}" for k, v in counts.items()))
    return 0


def rng_for(seed: int, source: str) -> np.random.Generator:
    """An independent stream per source, so changing one source leaves the others' files unchanged."""
    return np.random.default_rng([seed, zlib.crc32(source.encode())])


def generate(out: Path, seed: int = DEFAULT_SEED, start: date = DEFAULT_START, end: date = DEFAULT_END,
             scale: float = 1.0, progress: bool = True, only: str | None = None,
             defects: bool = True) -> dict:
    """Write every demo source under ``out`` (or just feedback with ``only="feedback"``, for the
    ETL benchmark); ``defects=False`` leaves out the supplementary file with typical slips (for page
    tests that recompute figures from the raw files). Returns the rows written per source."""
    if start > end or scale <= 0:
        raise ValueError(f"need start <= end and scale > 0 (got {start}..{end}, scale {scale})")
    if only not in (None, "feedback"):
        raise ValueError(f"only='feedback' or None, not {only!r}")
    out = Path(out)
    writers.reset_folders(out, [only] if only else FOLDERS)
    marker = {"origin": "demo", "seed": seed, "start": start.isoformat(), "end": end.isoformat(),
              "scale": scale}
    (out / "_demo.json").write_text(json.dumps(marker, ensure_ascii=False) + "\n", encoding="utf-8")
    window = days.build_window(start, end, rng_for(seed, "events"))
    months = days.month_starts(start, end)
    counts = {"feedback": _feedback(out, window, months, seed, scale, progress, defects)}
    if only:
        return counts
    counts["health"] = _health(out, months, seed, progress)
    counts["schools"] = _schools(out, start, end, seed, progress)
    counts.update(_traffic(out, window, months, seed, scale, progress))
    counts["places"] = _single("places", progress, places_targets.write_places, places_targets.places(),
                               out / "places")
    counts["targets"] = _single("targets", progress, places_targets.write_targets, places_targets.targets(),
                                out / "targets")
    return counts


def _bar(source: str, total: int, progress: bool) -> tqdm:
    return tqdm(total=total, desc=source, unit="file", disable=not progress, leave=True)


def _single(source: str, progress: bool, write, *args) -> int:
    """A one-file source, with its own bar."""
    with _bar(source, 1, progress) as bar:
        rows = write(*args)
        bar.update(1)
    return rows


def _feedback(out: Path, window, months: list, seed: int, scale: float, progress: bool, defects: bool) -> int:
    reports = feedback.simulate(window, rng_for(seed, "feedback"), scale)
    labels = [m.strftime("%Y-%m") for m in months]
    with _bar("feedback", len(labels), progress) as bar:
        rng = rng_for(seed, "defects") if defects else None
        return feedback_files.write_all(reports, out / "feedback", labels, bar, rng)


def _health(out: Path, months: list, seed: int, progress: bool) -> int:
    frame = health.coverage(months, rng_for(seed, "health"))
    with _bar("health", frame["period"].str.slice(0, 4).nunique(), progress) as bar:
        return health.write(frame, out / "health", bar)


def _schools(out: Path, start: date, end: date, seed: int, progress: bool) -> int:
    rng = rng_for(seed, "schools")
    years = schools.school_years(start, end)
    register = schools.register(rng)
    with _bar("schools", len(years), progress) as bar:
        return schools.write(register, years, out / "schools", rng, bar)


def _traffic(out: Path, window, months: list, seed: int, scale: float, progress: bool) -> dict:
    rng = rng_for(seed, "traffic")
    table = traffic.sensors(rng, scale)
    values = traffic.counts(window, table, rng)
    counts = {"traffic_sensors": _single("traffic_sensors", progress, traffic.write_sensors, table,
                                         out / "traffic_sensors")}
    with _bar("traffic_counts", len(months), progress) as bar:
        counts["traffic_counts"] = traffic.write_counts(window, table, values, out / "traffic_counts", bar)
    frame = incidents.incidents(window, rng_for(seed, "incidents"))
    with _bar("traffic_incidents", frame["occurred_at"].dt.year.nunique(), progress) as bar:
        counts["traffic_incidents"] = incidents.write(frame, out / "traffic_incidents", bar)
    return counts
