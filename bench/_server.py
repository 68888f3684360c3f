"""The real app served in this process (werkzeug, a pool of threads like gunicorn's) with a recorder of every callback request.

The recorder is added by the benchmark as Flask before/after_request hooks; the product has none. For
each POST ``/_dash-update-component`` it keeps the callback's name, the server time between the two
hooks (the whole Dash dispatch: inputs parsed, callback run, answer serialised), the answer's size and
the request body (replayed by bench/load.py and bench/_alone.py); the time and size also go back to the
client in ``X-Bench-Ms`` and ``X-Bench-Bytes`` headers.
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

UPDATE = "/_dash-update-component"


@dataclass
class Call:
    page: str
    view: int
    callback: str
    ms: float
    size: int
    status: int
    body: dict


@dataclass
class Recorder:
    """Callback requests, labelled with the page and view the driver says it is showing."""

    page: str = ""
    view: int = 0
    calls: list[Call] = field(default_factory=list)
    in_flight: int = 0
    last_change: float = field(default_factory=time.perf_counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def started(self) -> None:
        with self.lock:
            self.in_flight += 1
            self.last_change = time.perf_counter()

    def finished(self, call: Call | None) -> None:
        with self.lock:
            self.in_flight -= 1
            self.last_change = time.perf_counter()
            if call:
                self.calls.append(call)

    def quiet_for(self) -> float:
        """Seconds since the last callback request started or ended; 0 while one is running."""
        with self.lock:
            return 0.0 if self.in_flight else time.perf_counter() - self.last_change


def callback_names(dash_app) -> dict[str, str]:
    """Dash's output key -> the Python function that answers it (``module.function``)."""
    names = {}
    for output, entry in dash_app.callback_map.items():
        function = entry.get("callback")
        name = getattr(function, "__name__", None) or "?"
        module = getattr(function, "__module__", "") or ""
        if module.split(".")[0] == "dash":  # Dash's own: the pages container filled for the URL
            names[output] = "page layout (dash pages)"
        else:
            names[output] = f"{module.rsplit('.', 1)[-1]}.{name}"
    return names


def install(dash_app, recorder: Recorder) -> None:
    """Add the recording hooks to the app's Flask server."""
    from flask import g, request

    names: dict[str, str] = {}
    server = dash_app.server

    @server.before_request
    def _start():
        if request.path == UPDATE and request.method == "POST":
            recorder.started()
            g.bench_started = time.perf_counter()

    @server.after_request
    def _stop(response):
        started = g.pop("bench_started", None)
        if started is None:
            return response
        elapsed = (time.perf_counter() - started) * 1000
        body = request.get_json(silent=True) or {}
        if not names:
            names.update(callback_names(dash_app))
        output = body.get("output", "?")
        size = len(response.get_data()) if not response.direct_passthrough else 0
        call = Call(recorder.page, recorder.view, names.get(output, output), elapsed, size,
                    response.status_code, body)
        recorder.finished(call)
        response.headers["X-Bench-Ms"] = f"{elapsed:.3f}"  # for a client in another process (bench/_alone.py)
        response.headers["X-Bench-Bytes"] = str(size)
        return response

    @server.teardown_request
    def _failed(error):
        if error is not None and g.pop("bench_started", None) is not None:
            recorder.finished(None)


def pooled_server(host: str, port: int, wsgi_app, threads: int):
    """A werkzeug server answering from a fixed pool of threads, as gunicorn's gthread worker does.

    werkzeug's own threaded server starts a thread per request, so every callback would open a new
    DuckDB connection (queries/db.py keeps one per thread); a pool keeps them, as production does.
    HTTP/1.0 (no keep-alive), so an idle browser connection never holds a thread of the pool.
    """
    from concurrent.futures import ThreadPoolExecutor

    from werkzeug.serving import BaseWSGIServer

    class PooledServer(BaseWSGIServer):
        def __init__(self):
            super().__init__(host, port, wsgi_app)
            self.pool = ThreadPoolExecutor(threads, thread_name_prefix="bench-server")

        def process_request(self, request, client_address):
            self.pool.submit(self._answer, request, client_address)

        def _answer(self, request, client_address):
            try:
                self.finish_request(request, client_address)
            except OSError:  # a browser that went away; werkzeug answers the app's own errors
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

        def server_close(self):
            super().server_close()
            self.pool.shutdown(wait=True, cancel_futures=True)

    return PooledServer()


class Served:
    """``with Served(db, port) as served:`` the app on 127.0.0.1:port, recording into ``served.recorder``."""

    def __init__(self, db: Path, port: int, threads: int = 4):
        os.environ["HUE_WAREHOUSE"] = str(db)
        os.environ.setdefault("HUE_TILE_URL", "")  # no network: no base tiles to fetch
        import config

        config.WAREHOUSE = Path(db).resolve()
        config.TILE_URL = os.environ["HUE_TILE_URL"]
        import app as hue_app

        self.app = hue_app.app
        self.recorder = Recorder()
        install(self.app, self.recorder)
        self.port, self.threads = port, threads
        self.url = f"http://127.0.0.1:{port}"
        self._server = None
        self._thread = None

    def __enter__(self) -> Self:
        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request drowns the figures

        self._server = pooled_server("127.0.0.1", self.port, self.app.server, self.threads)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=10)


def save_bodies(calls: list[Call], path: Path) -> None:
    """The recorded request bodies, grouped by page view, for the load test to replay."""
    views: dict[tuple[str, int], list[dict]] = {}
    for call in calls:
        if call.status in (200, 204):
            views.setdefault((call.page, call.view), []).append(call.body)
    rows = [{"page": page, "view": view, "bodies": bodies} for (page, view), bodies in views.items()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
