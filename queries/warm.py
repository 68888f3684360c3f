"""Warming the cache: when a new warehouse is swapped in, each worker computes the answers most views
share (a grain's indicator history, the health history …) before a reader asks for them.

Query modules register zero-argument warmers with ``@warmer``; ``start`` runs them in a daemon thread
whenever the warehouse file's version changes. A reader who arrives mid-warming waits for the same
computation (``db`` computes each answer once), so warming never doubles the work.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import duckdb

from queries import db

log = logging.getLogger(__name__)

_warmers: list[Callable[[], object]] = []
_stop: threading.Event | None = None


def warmer(compute: Callable[[], object]) -> Callable[[], object]:
    """Register ``compute`` to run after every new warehouse version."""
    _warmers.append(compute)
    return compute


def warm_now() -> int:
    """Run every warmer once on the current warehouse; returns how many succeeded."""
    done = 0
    for compute in _warmers:
        try:
            compute()
            done += 1
        except db.WarehouseUnavailable:
            return done  # nothing to warm; the shell tells readers why
        except duckdb.InterruptException:
            return done  # the process is stopping
        except Exception:  # one broken warmer must not stop the others or the worker
            log.exception("warming %s failed", getattr(compute, "__qualname__", compute))
    return done


def _watch(every: float, stop: threading.Event) -> None:
    seen = None
    while not stop.is_set():
        try:
            version = db.warehouse_version()
        except db.WarehouseUnavailable:
            version = None
        if version is not None and version != seen:
            warm_now()
            seen = version
        stop.wait(every)


def start(every: float) -> threading.Event | None:
    """Watch the warehouse in a daemon thread, one per process; ``every`` <= 0 does nothing.

    Returns the event that stops the watcher (None when it did not start)."""
    global _stop
    if every <= 0 or (_stop is not None and not _stop.is_set()):
        return None
    _stop = threading.Event()
    threading.Thread(target=_watch, args=(every, _stop), name="warm-cache", daemon=True).start()
    return _stop
