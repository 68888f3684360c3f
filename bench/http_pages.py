"""Every page through the real HTTP endpoint, driven by headless chromium: callback server time, response
size, time to first render, and the worker's memory.

The app is served in this process (werkzeug, a pool of ``--threads`` threads as one gunicorn worker
has) on the chosen warehouse; hooks added by the bench
time every POST ``/_dash-update-component`` from request to response. Chromium visits each page, then
its other views one after another (filters, periods, areas, indicators, levels, languages — see
bench/_scenarios.py) the way the app's own links do, scrolling each view to the bottom so that every
section below the fold asks for its data (pages/_parts.lazy), then clicks the language switch. Afterwards, with
the server warm, each page is loaded afresh ``--renders`` times and the median time from navigation
start to its main content drawn (the first cards at the top, as a reader arriving sees) is printed, beside
the same for an address the app does not have (the shell alone: the machine's pace in this run). The
worker's RSS is read after all that. The request bodies
are saved to bench/out/requests.json (demo scale; requests_x10.json at scale 10) for bench/load.py.

Two callback figures come out, since the browser run fires a page's callbacks together onto ``--threads``
threads on a shared machine, where a callback's server time is mostly waiting for its siblings:

- *page load, concurrent*: server times seen during the browser run (for information; a page's
  concurrent experience is judged by its first render and by the load test);
- *each request alone*: afterwards a fresh server process on the same warehouse, warmed once with
  ``queries.warm.warm_now()``, answers the saved request bodies replayed one at a time by an HTTP client
  (bench/_alone.py), so each time is the callback's own; three rounds, each on a new server, so a p95 is
  taken over three times the calls of one browse rather than being the slowest of a handful. The p95 goal of issue #12 applies to this one.

    python -m bench.http_pages [--scale 10] [--port 8131] [--alone-port 8132] [--renders 5]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import sys
from collections import defaultdict
from pathlib import Path

import psutil

from bench import _alone, _scale
from bench._scenarios import CLICKS, SHELL_ONLY, VIEWS

LIMITS = {1: 100.0, 10: 250.0}  # p95 server ms per callback (issue #12)
MAX_KB, MAX_RENDER_MS = 300.0, 1500.0


def p95(values: list[float]) -> float:
    """95th percentile (linear between ranks; with few calls it is close to the slowest)."""
    if len(values) < 2:
        return values[0]
    return statistics.quantiles(values, n=20, method="inclusive")[18]


def drive(served, driver, renders: int) -> dict[str, list[float]]:
    """Visit every view of every page, click the controls, then time fresh loads; render ms per page."""
    from selenium.webdriver.common.by import By

    from bench import _browser

    recorder = served.recorder
    for path, views in VIEWS.items():
        recorder.page = path
        for index, query in enumerate(views):
            recorder.view = index
            if index == 0:
                _browser.first_render(driver, served.url + path + query)
            else:
                _browser.navigate(driver, path + query)
            _browser.settle(driver, recorder)
            _browser.read_through(driver, recorder)
        for offset, selector in enumerate(CLICKS, start=len(views)):
            recorder.view = offset
            driver.find_element(By.CSS_SELECTOR, selector).click()
            _browser.settle(driver, recorder)
    recorder.page = ""  # fresh loads below time the page, not its (now cached) callbacks
    times: dict[str, list[float]] = defaultdict(list)
    for _ in range(renders):
        for path in [*VIEWS, SHELL_ONLY]:
            times[path].append(_browser.first_render(driver, served.url + path) or float("inf"))
            _browser.settle(driver, recorder)
    return times


def callback_rows(calls) -> list[tuple]:
    """(page, callback, calls, median ms, p95 ms, max KB) in visiting order."""
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for call in calls:
        if call.page:
            groups[(call.page, call.callback)].append(call)
    return [
        (page, name, len(group), statistics.median(c.ms for c in group), p95([c.ms for c in group]),
         max(c.size for c in group) / 1024)
        for (page, name), group in groups.items()
    ]


def print_table(title: str, rows: list[tuple], limit: float) -> None:
    print(f"\n{title}\n{'page':<11}{'callback':<44}{'calls':>6}{'median ms':>10}{'p95 ms':>8}{'max KB':>8}")
    for page, name, count, median, high, kb in rows:
        flag = ("  SLOW" if high > limit else "") + ("  LARGE" if kb > MAX_KB else "")
        print(f"{page:<11}{name[:43]:<44}{count:>6}{median:>10.1f}{high:>8.1f}{kb:>8.1f}{flag}")


def print_errors(calls, what: str) -> None:
    failed = [c for c in calls if c.status != 200]
    print(f"non-200 answers ({what}): {len(failed)}"
          + "".join(f"\n  {c.status} {c.page} view {c.view} {c.callback}" for c in failed[:20]))


def report(rows: list[tuple], alone: list[tuple], renders: dict[str, list[float]], limit: float,
           rss_mb: float) -> list[dict]:
    shell = statistics.median(renders.pop(SHELL_ONLY))
    print(f"\n{'page':<11}{'first render ms (median, warm server)':>40}{'of which its own':>18}")
    for path, times in renders.items():
        median = statistics.median(times)
        print(f"{path:<11}{median:>40.0f}{median - shell:>18.0f}{'  SLOW' if median > MAX_RENDER_MS else ''}")
    print(f"the shell alone (an unknown address: navigation, badges, a 'not found' note): {shell:.0f} ms")
    slow, slow_alone = max(rows, key=lambda r: r[4]), max(alone, key=lambda r: r[4])
    large = max(rows + alone, key=lambda r: r[5])
    page, render = max(((p, statistics.median(t)) for p, t in renders.items()), key=lambda x: x[1])
    print(f"\nworker RSS after all pages: {rss_mb:.1f} MB (this process: the app, its caches, the bench recorder)")
    print(f"callback p95 ms, slowest (each request alone):     {slow_alone[4]:6.0f}  {slow_alone[0]} {slow_alone[1]}"
          f"  (goal < {limit:.0f})")
    print(f"callback p95 ms, slowest (page load, concurrent):  {slow[4]:6.0f}  {slow[0]} {slow[1]}  (information)")
    return [
        {"what": "callback p95 ms, slowest (each request alone)",
         "value": f"{slow_alone[4]:.0f} ({slow_alone[0]} {slow_alone[1]})",
         "goal": f"< {limit:.0f}", "ok": slow_alone[4] < limit},
        {"what": "callback p95 ms, slowest (page load, concurrent)", "value": f"{slow[4]:.0f} ({slow[0]} {slow[1]})",
         "goal": "", "ok": None},
        {"what": "response KB, largest", "value": f"{large[5]:.0f} ({large[0]} {large[1]})",
         "goal": f"< {MAX_KB:.0f}", "ok": large[5] < MAX_KB},
        {"what": "first render ms, slowest page", "value": f"{render:.0f} ({page})",
         "goal": f"< {MAX_RENDER_MS:.0f}", "ok": render < MAX_RENDER_MS},
        {"what": "first render ms, the shell alone (same run; the machine's pace)", "value": f"{shell:.0f}",
         "goal": "", "ok": None},
        {"what": "worker RSS MB", "value": f"{rss_mb:.1f}", "goal": "< 600", "ok": rss_mb < 600},
    ]


def shown(path: str) -> str:
    """``path`` relative to the repository when it lies inside it (results.md names no home folders)."""
    try:
        return str(Path(path).resolve().relative_to(_scale.HERE.parent))
    except ValueError:
        return str(path)


def present(args, db: str, calls, alone, source: str, renders: dict[str, list[float]], rss_mb: float) -> list[dict]:
    """Print both callback tables, the render times and the summary; the summary figures."""
    limit = LIMITS[int(args.scale)]
    print(f"warehouse {shown(db)} (scale {args.scale:g}); {len(calls)} callback requests in the browser run; "
          f"load average {os.getloadavg()[0]:.1f}; p95 limit {limit:.0f} ms (each request alone)\n"
          f"page load, concurrent: server time while chromium loads each view, its callbacks arriving together "
          f"on {args.threads} threads (includes waiting for sibling callbacks; for information)\n"
          f"each request alone: the same recorded requests replayed one at a time over HTTP on a fresh, "
          f"warmed server (the callback's own server time; the goal applies)")
    rows, alone_rows = callback_rows(calls), callback_rows(alone)
    print_table("page load, concurrent (browser run)", rows, limit)
    print_errors(calls, "browser run")
    print_table(f"each request alone ({len(alone)} requests replayed in recorded order from {source})",
                alone_rows, limit)
    print_errors(alone, "each request alone")
    return report(rows, alone_rows, renders, limit, rss_mb)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, choices=(1.0, 10.0))
    parser.add_argument("--port", type=int, default=8131)
    parser.add_argument("--alone-port", type=int, default=8132, help="the fresh server of the one-at-a-time replay")
    parser.add_argument("--threads", type=int, default=4, help="server threads (gunicorn --threads)")
    parser.add_argument("--renders", type=int, default=5, help="fresh loads per page for the render time")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stopped run still stops its servers
    args = parser.parse_args(argv)
    built = _scale.ensure(args.scale)
    from bench import _browser
    from bench._server import Served, callback_names, save_bodies

    with Served(built["db"], args.port, args.threads) as served, _browser.chromium() as driver:
        renders = drive(served, driver, args.renders)
        rss_mb = psutil.Process().memory_info().rss / 2**20
    calls = served.recorder.calls
    bodies = _scale.OUT / ("requests.json" if args.scale == 1 else f"requests_x{args.scale:g}.json")
    save_bodies(calls, bodies)
    alone, warming = _alone.measure(built["db"], args.alone_port, args.threads, bodies, callback_names(served.app))
    figures = present(args, built["db"], calls, alone, f"{shown(str(bodies))}; {warming}", renders, rss_mb)
    _scale.save_figures("http_pages", args.scale, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
