"""Warming the cache: when a new warehouse is swapped in, each worker computes the answers most views
share (a grain's indicator history, the health history …) before a reader asks for them.

Query modules register zero-argument warmers with ``@warmer``; ``start`` runs them in a daemon thread
whenever the warehouse file's version changes. A reader who arrives mid-warming waits for the same
computation (``db`` computes each answer once), so warming never doubles the work.

After warming, the objects built so far (modules, plotly's validators, the warm answers) are moved out of
the cyclic collector's sight (``gc.freeze``): a full collection otherwise walks some 230 000 long-lived
objects, a pause of about 150 ms in whichever reader's request happens to trigger it.
"""

from __future__ import annotations

import atexit
import gc
import logging
import threading
from collections.abc import Callable

import duckdb

from queries import db

log = logging.getLogger(__name__)

_warmers: list[Callable[[], object]] = []
_stop: threading.Event | None = None
#: How long exit waits for the warmer in progress (one warmer takes seconds even at ten times the demo).
EXIT_WAIT_SECONDS = 60.0


def warmer(compute: Callable[[], object]) -> Callable[[], object]:
    """Register ``compute`` to run after every new warehouse version."""
    _warmers.append(compute)
    return compute


def warm_now(stop: threading.Event | None = None) -> int:
    """Run every warmer once on the current warehouse (until ``stop`` is set); returns how many succeeded."""
    done = 0
    for compute in _warmers:
        if stop is not None and stop.is_set():
            return done
        try:
            compute()
            done += 1
        except db.WarehouseUnavailable:
            return done  # nothing to warm; the shell tells readers why
        except duckdb.InterruptException:
            return done  # the process is stopping
        except Exception:  # one broken warmer must not stop the others or the worker
            log.exception("warming %s failed", getattr(compute, "__qualname__", compute))
    _settle_heap()
    return done


def _settle_heap() -> None:
    """Collect once (what the last load's answers left in cycles included), then freeze the survivors."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _watch(every: float, stop: threading.Event) -> None:
    seen = None
    while not stop.is_set():
        try:
            version = db.warehouse_version()
        except db.WarehouseUnavailable:
            version = None
        if version is not None and version != seen:
            warm_now(stop)
            seen = version
        stop.wait(every)


def start(every: float) -> threading.Event | None:
    """Watch the warehouse in a daemon thread, one per process; ``every`` <= 0 does nothing.

    Returns the event that stops the watcher (None when it did not start)."""
    global _stop
    if every <= 0 or (_stop is not None and not _stop.is_set()):
        return None
    _stop = threading.Event()
    watcher = threading.Thread(target=_watch, args=(every, _stop), name="warm-cache", daemon=True)
    watcher.start()
    atexit.register(_finish, _stop, watcher)
    return _stop


def _finish(stop: threading.Event, watcher: threading.Thread) -> None:
    """At exit, let the warmer in progress end: a daemon thread stopped inside DuckDB aborts the process."""
    stop.set()
    watcher.join(timeout=EXIT_WAIT_SECONDS)
