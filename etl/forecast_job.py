"""The forecasting job: reads the facts, forecasts every published series, replaces the ``forecasts`` table.

Series (complete periods only, so a half-counted last week or month is never read as a drop):

- ``feedback_received``: reports per Monday-based week, per category (``series_key`` = service_name) and
  district, plus the province total (area '46', key ''); 13 weeks ahead, season 52. A week is complete when
  the loaded reports span all of it; a category's series starts at its first report in the district.
- ``health_created_pct`` / ``health_complete_pct``: 100 × records / population per month, per district and
  for the province; 24 months ahead, season 12, bounded 0-100 and non-decreasing. A trailing month that
  fewer communes reported than the month before is partial and left out.
- ``traffic_vehicles``: vehicles per day and corridor (area '46', key = corridor); 28 days ahead, season 7.
  A day with under 90 % of its month's best sensor-hours, or no sensor counted all 24 hours, is a gap.

Forecasting runs in worker processes (statsforecast is single-threaded); one failing series is logged and
left out, never stopping the load. ``cli`` is ``python -m etl forecast``: the same job on a copy of the
warehouse that replaces it atomically, like a load.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd

import config
from etl.vocab import PROVINCE_CODE

log = logging.getLogger(__name__)

#: Sources whose new files make the forecasts stale.
FACT_SOURCES = ("feedback", "health", "traffic_counts")
LEVELS = (80, 95)
COLUMNS = ["indicator_id", "area_code", "series_key", "ds", "yhat", "lo_80", "hi_80", "lo_95", "hi_95",
           "model", "mase", "coverage_80", "coverage_95", "made_at", "backtest_folds", "backtest_points",
           "inside_80", "inside_95"]


@dataclass(frozen=True)
class Task:
    indicator_id: str
    area_code: str
    series_key: str
    series: pd.Series
    horizon: int
    season_length: int
    bounds: tuple[float | None, float | None]
    monotone: bool = False


@dataclass(frozen=True)
class Outcome:
    task: Task
    frame: pd.DataFrame | None   # forecast rows without made_at; None when the series failed
    seconds: float
    error: str | None = None


def run_all(con: duckdb.DuckDBPyConnection, n_jobs: int = 2) -> dict:
    """Recompute every forecast from the facts on ``con`` and replace the ``forecasts`` rows."""
    started, made_at = time.perf_counter(), datetime.now().replace(microsecond=0)
    tasks = [*traffic_tasks(con), *feedback_tasks(con), *health_tasks(con)]   # longest first
    log.info("forecasting %d series with %d process(es)", len(tasks), n_jobs)
    outcomes = list(_outcomes(tasks, n_jobs))
    for failed in (o for o in outcomes if o.error):
        log.warning("forecast %s/%s/%s failed: %s", failed.task.indicator_id, failed.task.area_code,
                    failed.task.series_key, failed.error)
    rows = store(con, [o.frame for o in outcomes if o.frame is not None], made_at)
    by_indicator = _by(outcomes)
    for indicator, part in by_indicator.items():
        log.info("%s: %d series, %.1f s of fitting, mean MASE %.2f", indicator, part["series"],
                 part["seconds"], part["mean_mase"])
    failed = sum(o.error is not None for o in outcomes)
    seconds = round(time.perf_counter() - started, 1)
    log.info("forecasts: %d series, %d rows in %.1f s", len(outcomes) - failed, rows, seconds)
    return {"series": len(outcomes) - failed, "failed": failed, "rows": rows, "seconds": seconds,
            "by_indicator": by_indicator}


def should_run(con: duckdb.DuckDBPyConnection, results: Iterable) -> bool:
    """After a load: True when it read new files of a fact source, no forecasts exist beside facts, or
    they were made before the job stored its backtest counts (the page's "Y times out of Z")."""
    if any(r.source in FACT_SOURCES and r.files > r.skipped for r in results):
        return True
    counts = con.execute("""SELECT (SELECT count(*) FROM forecasts), (SELECT count(*) FROM feedback)
        + (SELECT count(*) FROM health_coverage) + (SELECT count(*) FROM traffic_daily),
        (SELECT count(*) FROM forecasts WHERE backtest_points IS NULL)""").fetchall()[0]
    return (counts[0] == 0 and counts[1] > 0) or counts[2] > 0


def feedback_tasks(con: duckdb.DuckDBPyConnection) -> list[Task]:
    """Weekly reports: the province total, and each category in each district where it was reported."""
    span = "SELECT min(requested_at)::DATE, max(requested_at)::DATE FROM feedback"
    first, last = con.execute(span).fetchall()[0]
    if first is None:
        return []
    start, stop = complete_weeks(first, last)
    if stop <= start:
        return []
    counts = con.execute("""
        SELECT date_trunc('week', requested_at)::DATE AS ds, district_code, service_name, count(*) AS n
        FROM feedback WHERE requested_at >= ? AND requested_at < ? GROUP BY ALL""", [start, stop]).df()
    weeks = pd.date_range(start, stop - timedelta(days=7), freq="W-MON")
    counts["ds"] = pd.to_datetime(counts["ds"])
    task = _maker("feedback_received", horizon=13, season_length=52, bounds=(0, None))
    found = [task(PROVINCE_CODE, "", counts.groupby("ds")["n"].sum().reindex(weeks, fill_value=0))]
    for (area, key), part in counts.dropna(subset=["district_code", "service_name"]).groupby(
            ["district_code", "service_name"]):
        weekly = part.set_index("ds")["n"].reindex(weeks, fill_value=0)
        found.append(task(area, key, weekly.loc[weekly.ne(0).idxmax():]))   # from its first report
    return found


def complete_weeks(first: date, last: date) -> tuple[date, date]:
    """[Monday, Monday) of the weeks that lie wholly within the days first..last."""
    start = first + timedelta(days=(7 - first.weekday()) % 7)
    stop = last - timedelta(days=(last.weekday() + 1) % 7) + timedelta(days=1)   # day after the last Sunday
    return start, stop


def health_tasks(con: duckdb.DuckDBPyConnection) -> list[Task]:
    """Monthly created % and complete % of e-health records, per district and for the province."""
    frame = con.execute("""
        SELECT period AS ds, district_code AS area_code, sum(records_created) AS created,
               sum(records_complete) AS complete, sum(population) AS population, count(*) AS communes
        FROM health_coverage GROUP BY ALL
        UNION ALL
        SELECT period, ?, sum(records_created), sum(records_complete), sum(population), count(*)
        FROM health_coverage GROUP BY period""", [PROVINCE_CODE]).df()
    found = []
    for area, part in frame.groupby("area_code"):
        part = _drop_partial_months(part.sort_values("ds"))
        for indicator, column in (("health_created_pct", "created"), ("health_complete_pct", "complete")):
            task = _maker(indicator, horizon=24, season_length=12, bounds=(0, 100), monotone=True)
            share = 100 * part[column] / part["population"].where(part["population"] > 0)
            found.append(task(area, "", share.set_axis(pd.to_datetime(part["ds"]))))
    return [t for t in found if t.series.notna().sum() >= 2]


def _drop_partial_months(part: pd.DataFrame) -> pd.DataFrame:
    """Trailing months fewer communes reported than the month before are still coming in."""
    while len(part) > 1 and part["communes"].iloc[-1] < part["communes"].iloc[-2]:
        part = part.iloc[:-1]
    return part


def traffic_tasks(con: duckdb.DuckDBPyConnection) -> list[Task]:
    """Daily vehicles per corridor; under-counted days become gaps for ``forecast.regular`` to fill."""
    frame = con.execute("""
        SELECT *, max(hours) OVER (PARTITION BY corridor, date_trunc('month', ds)) AS best
        FROM (SELECT corridor, day AS ds, sum(vehicles) AS vehicles, sum(hours_counted) AS hours,
                     max(hours_counted) AS longest
              FROM traffic_daily GROUP BY corridor, day)
        ORDER BY corridor, ds""").df()
    complete = (frame["hours"] >= 0.9 * frame["best"]) & (frame["longest"] >= 24)
    frame["vehicles"] = frame["vehicles"].astype(float).where(complete)
    task = _maker("traffic_vehicles", horizon=28, season_length=7, bounds=(0, None))
    found = [task(PROVINCE_CODE, corridor, part.set_index(pd.to_datetime(part["ds"]))["vehicles"])
             for corridor, part in frame.groupby("corridor")]
    return [t for t in found if t.series.notna().sum() >= 2]


def _maker(indicator_id: str, **spec) -> Callable[[str, str, pd.Series], Task]:
    """A Task builder for one indicator's horizon, season and bounds."""
    def task(area_code: str, series_key: str, series: pd.Series) -> Task:
        return Task(indicator_id, area_code, series_key, series.rename(None), **spec)
    return task


def forecast_one(task: Task) -> Outcome:
    """Forecast one series (runs in a worker process); errors come back as text, never raised."""
    from etl import forecast  # statsforecast takes seconds to import: only where forecasting happens

    began = time.perf_counter()
    try:
        result = forecast.forecast_with_scores(task.series, task.horizon, task.season_length, LEVELS,
                                               bounds=task.bounds, monotone=task.monotone)
    except Exception as exc:  # noqa: BLE001 - one bad series must not stop the others
        return Outcome(task, None, time.perf_counter() - began, f"{type(exc).__name__}: {exc}")
    frame = result.frame.assign(indicator_id=task.indicator_id, area_code=task.area_code,
                                series_key=task.series_key, mase=result.mase,
                                coverage_80=result.coverage[80], coverage_95=result.coverage[95],
                                backtest_folds=result.folds, backtest_points=result.points,
                                inside_80=result.inside[80], inside_95=result.inside[95])
    return Outcome(task, frame, time.perf_counter() - began)


def _outcomes(tasks: list[Task], n_jobs: int) -> Iterator[Outcome]:
    if n_jobs <= 1 or len(tasks) < 8:   # a worker costs ~3 s to start: not worth it for a handful
        yield from map(forecast_one, tasks)
        return
    # spawn: the parent holds DuckDB's threads, and forking a threaded process can deadlock
    with ProcessPoolExecutor(n_jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        yield from pool.map(forecast_one, tasks, chunksize=1)


def store(con: duckdb.DuckDBPyConnection, frames: list[pd.DataFrame], made_at: datetime) -> int:
    """Replace every row of ``forecasts`` in one transaction; returns the rows written."""
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=COLUMNS)
    table = table.assign(made_at=made_at)[COLUMNS]
    con.begin()
    try:
        con.execute("DELETE FROM forecasts")
        con.register("new_forecasts", table)
        con.execute("INSERT INTO forecasts BY NAME SELECT * REPLACE (ds::DATE AS ds) FROM new_forecasts")
        con.unregister("new_forecasts")
        con.commit()
    except Exception:
        con.rollback()
        raise
    return len(table)


def _by(outcomes: list[Outcome]) -> dict[str, dict]:
    done = [o for o in outcomes if o.frame is not None]
    found: dict[str, dict] = {}
    for o in done:
        part = found.setdefault(o.task.indicator_id, {"series": 0, "seconds": 0.0, "mase": []})
        part["series"] += 1
        part["seconds"] += o.seconds
        part["mase"].append(float(o.frame["mase"].iloc[0]))
    for part in found.values():
        scores = pd.Series(part.pop("mase"), dtype=float)
        part["seconds"], part["mean_mase"] = round(part["seconds"], 1), float(scores.mean())
    return found


def refresh(db: Path, n_jobs: int = 2) -> dict:
    """Run the job on a sibling copy of ``db`` and swap it in: readers and a failed run see the old file."""
    from etl import run

    run._remove_abandoned_builds(db)
    building = db.with_name(f".{db.name}.building-{os.getpid()}")   # the name run.py cleans up after
    try:
        shutil.copyfile(db, building)
        con = duckdb.connect(str(building), config={"threads": config.DUCKDB_THREADS})
        try:
            con.execute(run.SCHEMA.read_text(encoding="utf-8"))   # a warehouse older than the table
            summary = run_all(con, n_jobs)
            con.execute("CHECKPOINT")
        finally:
            con.close()
        os.replace(building, db)
    finally:
        building.unlink(missing_ok=True)
        building.with_name(building.name + ".wal").unlink(missing_ok=True)
    return summary


def cli(args) -> int:
    """``python -m etl forecast [--db PATH] [--jobs N]``: recompute the forecasts in place, atomically."""
    db = Path(getattr(args, "db", None) or config.WAREHOUSE)
    if not db.exists():
        print(f"error: no warehouse at {db}; run `python -m etl run` first", file=sys.stderr)
        return 2
    summary = refresh(db, getattr(args, "jobs", None) or 2)
    parts = ", ".join(f"{k} {v['series']}" for k, v in summary["by_indicator"].items())
    print(f"forecasts: {summary['series']} series ({parts}), {summary['rows']} rows, "
          f"{summary['failed']} failed, {summary['seconds']} s -> {db}")
    return 1 if summary["failed"] else 0
