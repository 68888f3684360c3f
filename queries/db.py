"""The one way the app reads the warehouse: ``fetch`` and its cache.

Each process opens one read-only DuckDB instance per version of the file (the file ATTACHed to a private
in-memory database, so an old and a new version never share a cached instance) and each thread queries
it through a cursor of its own; a new instance opens when the ETL has swapped in a new file with
``os.replace``. Opening costs tens of milliseconds, so reusing instance and cursors keeps callbacks fast,
and one instance per process shares one buffer pool among the threads.
Results are memoised in a small LRU keyed by the SQL, its parameters and the file's version (inode,
mtime, size), so a swapped-in warehouse is read on the next call. Callers get copies.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

import duckdb
import pandas as pd

import config

log = logging.getLogger(__name__)


class WarehouseUnavailable(RuntimeError):
    """The warehouse cannot be read at all; the shell tells the user what to do."""


class WarehouseMissing(WarehouseUnavailable):
    """The warehouse file does not exist (not built yet, or the path is wrong)."""


class WarehouseUnreadable(WarehouseUnavailable):
    """The warehouse file exists but DuckDB cannot open it (damaged, or not a DuckDB file)."""


Version = tuple[int, int, int]
T = TypeVar("T")

_cache: OrderedDict[tuple, object] = OrderedDict()
_lock = threading.Lock()
#: Keys being computed right now, and the event their waiters wait on.
_running: dict[tuple, threading.Event] = {}


def warehouse_path() -> Path:
    """The warehouse file, read from config at call time so tests can point it elsewhere."""
    return Path(config.WAREHOUSE)


def warehouse_version(path: Path | None = None) -> Version:
    """(inode, mtime in ns, size) of the warehouse file; raises WarehouseMissing when it is absent."""
    path = path or warehouse_path()
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        raise WarehouseMissing(f"no warehouse at {path}") from None
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


_local = threading.local()
#: (file, version) -> the DuckDB instance reading it; threads query it through cursors of their own.
_instances: dict[tuple[str, Version], duckdb.DuckDBPyConnection] = {}
_instances_lock = threading.Lock()


def _instance(path: Path, version: Version) -> duckdb.DuckDBPyConnection:
    """The one read-only instance of this version of the warehouse in this process, opened on first use.

    One instance per process, not per thread: the threads of a worker then share its buffer pool (pages
    one callback read are warm for the next) and its memory. An older version's instance lives on until
    the last cursor on it is dropped."""
    key = (str(path), version)
    with _instances_lock:
        con = _instances.get(key)
        if con is not None:
            return con
        con = duckdb.connect(":memory:", config={"threads": config.DUCKDB_THREADS})
        try:
            con.execute("ATTACH ? AS warehouse (READ_ONLY)", [str(path)])
        except duckdb.Error as exc:
            con.close()
            if not path.exists():
                raise WarehouseMissing(f"no warehouse at {path}") from None
            raise WarehouseUnreadable(f"cannot open {path}: {type(exc).__name__}") from None
        _instances.clear()
        _instances[key] = con
        return con


def _connection(path: Path, version: Version) -> duckdb.DuckDBPyConnection:
    """This thread's cursor on this version's instance (DuckDB cursors are not shared across threads)."""
    held = getattr(_local, "held", None)
    if held is not None and held[0] == (str(path), version):
        return held[1]
    if held is not None:
        held[1].close()  # a cursor on an older version: only this thread used it
        _local.held = None
    cursor = _instance(path, version).cursor()
    cursor.execute("USE warehouse")
    _local.held = ((str(path), version), cursor)
    return cursor


def _query(path: Path, version: Version, sql: str, params: tuple) -> pd.DataFrame:
    return _connection(path, version).execute(sql, list(params)).df()


def _remember(key: tuple, frame: object) -> None:
    with _lock:
        _cache[key] = frame
        _cache.move_to_end(key)
        while len(_cache) > max(config.QUERY_CACHE_SIZE, 0):
            _cache.popitem(last=False)


def _cached(key: tuple, compute: Callable[[], T]) -> T:
    """The cached value for ``key``, computing it once even when several threads ask at the same time.

    A page fires its callbacks together, and after a load they all miss the cache for the same queries;
    the first computes, the others wait for its answer instead of repeating the work on the same cores.
    """
    while True:
        with _lock:
            if key in _cache:
                _cache.move_to_end(key)
                return _cache[key]
            running = _running.get(key)
            if running is None:
                _running[key] = threading.Event()
                break
        running.wait()
        if max(config.QUERY_CACHE_SIZE, 0) == 0:
            break  # nothing is kept, so there is nothing to wait for: compute our own
    try:
        value = compute()
        _remember(key, value)
        return value
    finally:
        with _lock:
            done = _running.pop(key, None)
        if done is not None:
            done.set()


def fetch(sql: str, params: Sequence[object] = ()) -> pd.DataFrame:
    """Run one parameterised (``?``) read on the warehouse and return a copy of the cached answer."""
    path = warehouse_path()
    params = tuple(params)
    version = warehouse_version(path)
    frame = _cached((str(path), version, sql, params), lambda: _query(path, version, sql, params))
    return frame.copy(deep=True)


def derived(name: str, args: tuple, compute: Callable[[], T], copy: bool = True) -> T:
    """``compute()`` memoised in the same LRU as ``fetch``, keyed by ``name``, ``args`` and the file version.

    For answers built from several reads and some pandas work that many views share (a whole grain's
    indicator history, say); a swapped-in warehouse is recomputed on first use. Frames come back as copies
    unless ``copy`` is False, for callers that only select rows from them (a copy of a large frame costs
    more than the selection).
    """
    path = warehouse_path()
    found = _cached((str(path), warehouse_version(path), name, args), compute)
    return found.copy(deep=True) if copy and isinstance(found, pd.DataFrame) else found


def is_cached(name: str, args: tuple) -> bool:
    """Whether ``derived(name, args, …)`` would answer from the cache for the current warehouse."""
    path = warehouse_path()
    with _lock:
        return (str(path), warehouse_version(path), name, args) in _cache


def fetch_value(sql: str, params: Sequence[object] = ()) -> object:
    """The first column of the first row, or None for an empty answer."""
    frame = fetch(sql, params)
    return None if frame.empty else frame.iat[0, 0]


def tables() -> frozenset[str]:
    """Names of the tables present in the warehouse (older builds may lack newer tables)."""
    frame = fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")
    return frozenset(frame["table_name"])


def clear_cache() -> None:
    """Forget every cached answer (tests; the version key makes this unnecessary in the app)."""
    with _lock:
        _cache.clear()


def or_empty(query: Callable[..., pd.DataFrame], *args: object, **kwargs: object) -> pd.DataFrame:
    """The query's frame, or an empty one when the warehouse is unavailable or lacks a table.

    The shell says why (missing or unreadable warehouse); /healthz reports an incomplete build.
    """
    try:
        return query(*args, **kwargs)
    except WarehouseUnavailable:
        return pd.DataFrame()
    except duckdb.CatalogException as exc:
        log.warning("warehouse %s lacks what %s needs: %s", warehouse_path(), query.__name__, exc)
        return pd.DataFrame()
