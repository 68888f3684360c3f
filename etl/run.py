"""Run: load every changed raw file into a new copy of the warehouse and swap it in atomically.

- Idempotent: a file whose sha256 matches its last successful load is skipped; when nothing changed
  the warehouse file is not touched at all.
- Incremental: a changed file replaces only the rows it contributed (see ``etl.engine``).
- Atomic: work happens in a sibling file that ``os.replace`` moves over the warehouse at the end, so a
  failed or killed load leaves the served warehouse exactly as it was, and readers are never blocked.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb

import config
from etl import areas, checks, forecast_job, lookups, workdays
from etl.engine import FileCounts, Source, load_staged, stage_files
from etl.errors import EtlError, SourceMissing
from etl.sources import feedback, health, reference, schools, traffic

log = logging.getLogger(__name__)

#: Load order: lookups (areas, sensors) before the facts that use them.
SOURCES: tuple[Source, ...] = (
    reference.TARGETS, reference.PLACES, traffic.SENSORS, traffic.COUNTS, traffic.INCIDENTS,
    schools.SOURCE, health.SOURCE, feedback.SOURCE,
)
SOURCE_NAMES = tuple(s.name for s in SOURCES)
SCHEMA = Path(__file__).with_name("schema.sql")
CALENDAR_RANGE = (date(2018, 1, 1), date(2030, 12, 31))
DEMO_MARKER = "_demo.json"


@dataclass
class SourceResult:
    source: str
    files: int = 0
    skipped: int = 0
    counts: FileCounts = field(default_factory=FileCounts)
    seconds: float = 0.0
    error: str | None = None


@dataclass
class RunResult:
    results: list[SourceResult]
    written: bool

    @property
    def failed(self) -> list[SourceResult]:
        return [r for r in self.results if r.error]


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def source_files(raw_dir: Path, source: Source) -> list[Path]:
    folder = raw_dir / source.name
    if not folder.is_dir():
        return []
    found = {p for pattern in source.patterns for p in folder.rglob(pattern)}
    return sorted(p for p in found if p.is_file() and not p.name.startswith((".", "~$")))


def reference_digest() -> str:
    """Changes when the boundaries, the calendar or the schema change: then areas/calendar reload."""
    digest = hashlib.sha256()
    for path in [*areas.geo_files(), config.CALENDAR_FILE, SCHEMA]:
        digest.update(path.name.encode() + sha256(path).encode())
    return digest.hexdigest()


def previous_state(db: Path) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """(source, file) -> sha256 of its last successful load, and the meta table, from the warehouse."""
    if not db.exists():
        return {}, {}
    con = duckdb.connect(str(db), read_only=True)
    try:
        shas = con.execute("""
            SELECT source, file_name, arg_max(sha256, finished_at) FILTER (WHERE status = 'loaded')
            FROM etl_runs GROUP BY ALL""").fetchall()
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    finally:
        con.close()
    return {(s, f): sha for s, f, sha in shas if sha}, meta


def pii_salt() -> str:
    if config.PII_SALT:
        return config.PII_SALT
    path = config.PII_SALT_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(os.urandom(32).hex())
        path.chmod(0o600)
    return path.read_text().strip()


@dataclass(frozen=True)
class Plan:
    work: dict[str, list[tuple[Path, str, str]]]   # source -> [(path, file name, sha256)] to load
    skipped: dict[str, int]
    reference: str
    origin: str

    def nothing_to_do(self, meta: dict[str, str]) -> bool:
        return (not any(self.work.values()) and meta.get("reference_digest") == self.reference
                and meta.get("origin") == self.origin)


def make_plan(raw_dir: Path, db: Path, only: str | None) -> tuple[Plan, dict[str, str]]:
    if not raw_dir.is_dir():
        raise SourceMissing(f"raw folder {raw_dir} does not exist (run `python -m etl demo` for demo data)")
    loaded, meta = previous_state(db)
    work: dict[str, list] = {}
    skipped: dict[str, int] = {}
    for source in SOURCES:
        if only and source.name != only:
            continue
        files = [(p, p.relative_to(raw_dir / source.name).as_posix()) for p in source_files(raw_dir, source)]
        changed = [(p, name, sha256(p)) for p, name in files]
        work[source.name] = [f for f in changed if loaded.get((source.name, f[1])) != f[2]]
        skipped[source.name] = len(files) - len(work[source.name])
    origin = "demo" if (raw_dir / DEMO_MARKER).exists() else "operator"
    return Plan(work, skipped, reference_digest(), origin), meta


def run(raw_dir: Path | None = None, db: Path | None = None, only: str | None = None,
        progress=None, forecasts: bool = True) -> RunResult:
    """Load what changed under ``raw_dir`` into ``db``. ``progress(source, files)`` wraps file lists;
    ``forecasts=False`` leaves the forecasts as they were (``python -m etl forecast`` refreshes them)."""
    raw_dir, db = Path(raw_dir or config.RAW_DIR), Path(db or config.WAREHOUSE)
    plan, meta = make_plan(raw_dir, db, only)
    if db.exists() and plan.nothing_to_do(meta):
        return RunResult([SourceResult(s, plan.skipped[s], plan.skipped[s]) for s in plan.work], False)
    building = db.with_name(f".{db.name}.building-{os.getpid()}")
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
        _remove_abandoned_builds(db)
        if db.exists():
            shutil.copyfile(db, building)
        results = _build(building, plan, meta, progress or (lambda _s, files: files), forecasts)
        os.replace(building, db)
    except (OSError, duckdb.IOException) as exc:
        # A full disk or a read-only data folder: the served warehouse is untouched; say why, briefly.
        reason = str(exc).strip().splitlines()[0]
        raise EtlError(f"cannot write the warehouse in {db.parent} ({reason}); the served data is "
                       "unchanged") from exc
    finally:
        for leftover in (building, building.with_name(building.name + ".wal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    return RunResult(results, True)


def _remove_abandoned_builds(db: Path) -> None:
    """A killed load leaves its half-built file behind; it was never served, so it can go."""
    for stale in db.parent.glob(f".{db.name}.building-*"):
        pid = stale.name.rsplit("-", 1)[-1].split(".")[0]
        if pid.isdigit() and not _alive(int(pid)):
            stale.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _build(path: Path, plan: Plan, meta: dict[str, str], progress, forecasts: bool) -> list[SourceResult]:
    con = duckdb.connect(str(path), config={"threads": config.DUCKDB_THREADS})
    try:
        con.execute(SCHEMA.read_text(encoding="utf-8"))
        _prepare_session(con, refresh_reference=meta.get("reference_digest") != plan.reference)
        run_id = uuid.uuid4().hex[:12]
        results = [_load_source(con, source, plan, run_id, progress)
                   for source in SOURCES if source.name in plan.work]
        if forecasts and forecast_job.should_run(con, results):
            forecast_job.run_all(con)
        _set_meta(con, {"origin": plan.origin, "reference_digest": plan.reference})
        con.execute("CHECKPOINT")
        return results
    finally:
        con.close()


def _prepare_session(con: duckdb.DuckDBPyConnection, refresh_reference: bool) -> None:
    if refresh_reference or not con.execute("SELECT count(*) FROM areas").fetchall()[0][0]:
        areas.load_areas(con)
        con.execute("DELETE FROM calendar")
        con.register("calendar_frame", workdays.calendar_frame(*CALENDAR_RANGE))
        con.execute("INSERT INTO calendar BY NAME SELECT * FROM calendar_frame")
        con.unregister("calendar_frame")
    checks.install_macros(con)
    lookups.install_lookups(con)
    con.execute(workdays.working_day_index_sql())
    con.execute("CREATE OR REPLACE TEMP TABLE run_info AS SELECT ?::TIMESTAMP AS now_plus_day",
                [datetime.now() + timedelta(days=1)])


def _set_meta(con: duckdb.DuckDBPyConnection, values: dict[str, str]) -> None:
    for key, value in values.items():
        con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def _load_source(con, source: Source, plan: Plan, run_id: str, progress) -> SourceResult:
    """Stage the source's changed files (a bad file is reported and skipped), then load them at once."""
    files = plan.work[source.name]
    result = SourceResult(source.name, len(files) + plan.skipped[source.name], plan.skipped[source.name])
    started, began = time.perf_counter(), datetime.now()
    digests = {name: digest for _path, name, digest in files}
    con.begin()
    staged = [(p, n) for p, n, _d in progress(source.name, files)]
    read, errors, notes = stage_files(con, source, staged, pii_salt())
    counts = load_staged(con, source, read) if read else {}
    for name, message in errors.items():
        log.error("%s", message)
        _record(con, run_id, source.name, name, digests[name], FileCounts(), began, "failed", message)
    for name, file_counts in counts.items():
        _record(con, run_id, source.name, name, digests[name], file_counts, began, "loaded", notes.get(name))
        result.counts.add(file_counts)
    if source.after and counts:
        source.after(con)
    con.commit()
    result.error = "; ".join(errors.values()) or None
    result.seconds = time.perf_counter() - started
    return result


def _record(con, run_id, source, name, digest, counts: FileCounts, began, status, message) -> None:
    con.execute("INSERT INTO etl_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [run_id, source, name, digest, counts.read, counts.loaded, counts.rejected,
                 counts.duplicate, began, datetime.now(), status, message])
