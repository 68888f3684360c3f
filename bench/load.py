"""Load test on loopback: the app under gunicorn (2 workers × 4 threads) on a warehouse, and a bounded
client of ``--users`` simulated readers for ``--seconds``.

Each reader, in its own thread, repeatedly picks a page view that chromium recorded (bench/http_pages.py
writes bench/out/requests.json; it is run first when the file is missing) and does what a browser does
for it: on a new page, GET the page, ``/_dash-layout`` and ``/_dash-dependencies``; then POST the view's
``/_dash-update-component`` bodies one after another; then reads for ``--think`` seconds (uniform) before
the next filter change or page. Printed: requests per second, p50/p95/p99 latency (client side, so it
includes queueing in gunicorn) and errors (HTTP ≥ 400, refused or timed-out requests). The client stops
by itself at the deadline and gunicorn is stopped after, whatever happens.

    python -m bench.load [--users 50] [--seconds 120] [--port 8133] [--think 1-3]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

from bench import _scale

REQUESTS_FILE = _scale.OUT / "requests.json"
TIMEOUT = 30


def start_gunicorn(db: str, port: int) -> subprocess.Popen:
    binary = Path(sys.executable).with_name("gunicorn")
    env = {**os.environ, "HUE_WAREHOUSE": db, "HUE_TILE_URL": ""}
    process = subprocess.Popen(
        [str(binary), "--workers", "2", "--threads", "4", "--bind", f"127.0.0.1:{port}", "--timeout", "120",
         "--log-level", "warning", "app:server"],
        cwd=_scale.HERE.parent, env=env, start_new_session=True,
    )
    try:
        wait_until_up(process, port)
    except BaseException:
        stop(process)
        raise
    return process


def wait_until_up(process: subprocess.Popen, port: int, seconds: float = 120) -> None:
    """Until /healthz answers 200 (workers import the app and open the warehouse first)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            if requests.get(f"http://127.0.0.1:{port}/healthz", timeout=10).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer /healthz within {seconds:.0f} s")


def stop(process: subprocess.Popen) -> None:
    """Stop the gunicorn we started (its master and workers: the process group it leads)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


class Tally:
    def __init__(self):
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}
        self.retried = 0
        self.lock = threading.Lock()

    def add(self, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds * 1000)
            if error:
                self.errors[error] = self.errors.get(error, 0) + 1


def _request(session, tally: Tally, method: str, url: str, body: dict | None = None) -> None:
    started = time.perf_counter()
    error = None
    for attempt in (1, 2):
        try:
            response = session.request(method, url, json=body, timeout=TIMEOUT)
            if response.status_code >= 400:
                error = f"HTTP {response.status_code} {url.rsplit('/', 1)[-1][:30]}"
            break
        except requests.ConnectionError as exc:
            # gunicorn closes a keep-alive connection idle for 2 s; a request sent on it as it closes
            # fails before any answer, and browsers send it again on a new connection: so do we, once.
            error = f"ConnectionError: {str(exc)[:80]}"
            if attempt == 1 and "aborted" in str(exc):
                tally.retried += 1
                error = None
                continue
            break
        except requests.RequestException as exc:
            error = type(exc).__name__
            break
    tally.add(time.perf_counter() - started, error)


def reader(base: str, views: list[dict], until: float, think: tuple[float, float], tally: Tally, seed: int):
    chance = random.Random(seed)
    page = None
    with requests.Session() as session:
        time.sleep(chance.uniform(0, think[1]))  # readers arrive over the first seconds, not at once
        while time.monotonic() < until:
            view = chance.choice(views)
            if view["page"] != page:
                page = view["page"]
                for path in (page, "/_dash-layout", "/_dash-dependencies"):
                    _request(session, tally, "GET", base + path)
            for body in view["bodies"]:
                if time.monotonic() >= until:
                    return
                _request(session, tally, "POST", base + "/_dash-update-component", body)
            time.sleep(min(chance.uniform(*think), max(0.0, until - time.monotonic())))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--port", type=int, default=8133)
    parser.add_argument("--think", default="1-3", help="seconds a reader looks at a view, min-max")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stopped run still stops its servers
    args = parser.parse_args(argv)
    think = tuple(float(x) for x in args.think.split("-"))
    if not REQUESTS_FILE.exists():
        subprocess.run([sys.executable, "-m", "bench.http_pages", "--renders", "1"], check=True,
                       cwd=_scale.HERE.parent, stdout=subprocess.DEVNULL)
    views = json.loads(REQUESTS_FILE.read_text(encoding="utf-8"))
    db = _scale.ensure(1)["db"]
    base = f"http://127.0.0.1:{args.port}"
    process = start_gunicorn(db, args.port)
    tally = Tally()
    try:
        until = time.monotonic() + args.seconds
        threads = [threading.Thread(target=reader, args=(base, views, until, think, tally, n), daemon=True)
                   for n in range(args.users)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=args.seconds + TIMEOUT + 5)
        elapsed = time.monotonic() - started
    finally:
        stop(process)
    return report(tally, elapsed, args, len(views))


def report(tally: Tally, elapsed: float, args, views: int) -> int:
    done = tally.latencies
    errors = sum(tally.errors.values())
    p50, p95, p99 = (percentile(done, s) for s in (0.50, 0.95, 0.99))
    print(f"gunicorn 2 workers × 4 threads on 127.0.0.1:{args.port}, demo warehouse; {args.users} readers for "
          f"{elapsed:.0f} s, think {args.think} s, {views} recorded views; load average {os.getloadavg()[0]:.1f}")
    print(f"requests {len(done):,}  ({len(done) / elapsed:.1f} per second)")
    print(f"latency ms: p50 {p50:.0f}  p95 {p95:.0f}  p99 {p99:.0f}  max {max(done):.0f}  "
          f"mean {statistics.mean(done):.0f}")
    print(f"requests sent again on a new connection after the server closed an idle one: {tally.retried}")
    print(f"errors {errors}" + "".join(f"\n  {n} × {what}" for what, n in sorted(tally.errors.items())))
    _scale.save_figures("load", 1, [
        {"what": f"load test errors ({args.users} users)", "value": str(errors), "goal": "0", "ok": errors == 0},
        {"what": f"load test p95 ms ({args.users} users)", "value": f"{p95:.0f}", "goal": "< 500", "ok": p95 < 500},
        {"what": "load test requests per second", "value": f"{len(done) / elapsed:.1f}", "goal": "", "ok": None},
    ])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
