"""Each recorded callback request alone: a fresh server, the recorded bodies replayed one at a time.

The recording holds 4–8 views per page, so a callback is called a handful of times: a p95 over so few
calls is simply the slowest one. The replay therefore runs ``rounds`` times, each round on a new, warmed
server process, so each callback has three times the calls for its p95 and no round is answered from the
cache an earlier one filled.

In the browser run a page fires its callbacks together onto a few threads sharing the machine's cores, so
each one's server time there is mostly waiting for its siblings. Here the same request bodies (recorded
by bench/http_pages.py, in recorded order, view by view) are POSTed to ``/_dash-update-component`` one
after another by a plain HTTP client, each only once the previous answer has arrived, so the server time
is the callback's own.

The server is a new process on the same warehouse (the browser run's query cache cannot flatter it)
with the bench's recording hooks (bench/_server.py), which return each request's server time and answer
size in ``X-Bench-Ms`` / ``X-Bench-Bytes``. Its warehouse watcher is off; instead ``warm_now()`` runs
once before it listens, as a production worker does after a load.

    python -m bench._alone --db data/warehouse.duckdb --port 8132   # the server alone (until SIGTERM)
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import requests

from bench import _scale
from bench._server import UPDATE, Call

TIMEOUT = 120


def start(db: str, port: int, threads: int) -> subprocess.Popen:
    """The fresh server process, warmed and answering /healthz (its one line of output: the warming)."""
    from bench.load import stop, wait_until_up

    env = {**os.environ, "HUE_WAREHOUSE": db, "HUE_TILE_URL": "", "HUE_WARM_SECONDS": "0"}
    command = [sys.executable, "-m", "bench._alone", "--db", db, "--port", str(port), "--threads", str(threads)]
    process = subprocess.Popen(command, cwd=_scale.HERE.parent, env=env, stdout=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        wait_until_up(process, port, seconds=600)  # listens only once warm_now() has finished
    except BaseException:
        stop(process)
        raise
    return process


def replay(url: str, visits: list[dict], names: dict[str, str]) -> list[Call]:
    """POST every recorded body of every page view, one at a time; pages' fresh reloads ("") skipped."""
    calls = []
    with requests.Session() as session:
        for visit in visits:
            if not visit["page"]:
                continue
            for body in visit["bodies"]:
                output = body.get("output", "?")
                response = session.post(url + UPDATE, json=body, timeout=TIMEOUT)
                ms = float(response.headers.get("X-Bench-Ms", "nan"))
                size = int(response.headers.get("X-Bench-Bytes", len(response.content)))
                calls.append(Call(visit["page"], visit["view"], names.get(output, output), ms, size,
                                  response.status_code, body))
    return calls


ROUNDS = 3


def measure(db: str, port: int, threads: int, bodies: Path, names: dict[str, str],
            rounds: int = ROUNDS) -> tuple[list[Call], str]:
    """(the replayed calls of every round, the servers' lines about their warming)."""
    from bench.load import stop

    visits = json.loads(bodies.read_text(encoding="utf-8"))
    calls, lines = [], []
    for _ in range(rounds):
        process = start(db, port, threads)
        try:
            calls += replay(f"http://127.0.0.1:{port}", visits, names)
        finally:
            stop(process)
        lines.append(process.stdout.read().strip())
    return calls, f"{rounds} rounds, each on a {lines[-1]}"


def serve(db: str, port: int, threads: int) -> None:
    """Import the app on ``db``, warm it once, then serve with the recording hooks until SIGTERM."""
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    from bench._server import Served

    served = Served(Path(db), port, threads)
    from queries import warm

    started = time.perf_counter()
    warmed = warm.warm_now()
    print(f"fresh server process, warmed once with queries.warm.warm_now() before listening "
          f"({warmed} warmers, {time.perf_counter() - started:.1f} s), as a worker does after a load", flush=True)
    with served:
        while True:
            time.sleep(1)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--port", type=int, default=8132)
    parser.add_argument("--threads", type=int, default=4)
    arguments = parser.parse_args()
    serve(arguments.db, arguments.port, arguments.threads)
