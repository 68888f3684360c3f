"""Headless Debian chromium through selenium, with the options the browser tests use (nothing downloaded).

A small script runs in every document from its start and notes ``performance.now()`` (milliseconds since
navigation start) once the page's READY selector is present and Dash's "Loading…" placeholder is gone:
that is the time to first render, free of any polling delay on the Python side.
"""

from __future__ import annotations

import json
import time
from contextlib import contextmanager

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

from bench._scenarios import READY

OPTIONS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
           "--disable-background-networking", "--disable-extensions", "--no-first-run",
           "--disable-default-apps", "--window-size=1280,1000")
TIMEOUT = 30.0

_WATCH = """(() => {
  const ready = %s[location.pathname] || 'main';
  const timer = setInterval(() => {
    if (document.querySelector(ready) && !document.querySelector('._dash-loading')) {
      window.__benchReady = performance.now();
      clearInterval(timer);
    }
  }, 10);
})();"""
_NAVIGATE = ("window.history.pushState({}, '', arguments[0]);"
             "window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));")
_BUSY = "return !!document.querySelector('[data-dash-is-loading=\"true\"], ._dash-loading');"
_SCROLL = ("window.scrollBy(0, arguments[0]);"
           "return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;")


@contextmanager
def chromium():
    """A headless chromium that quits (with its chromedriver) whatever happens."""
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in OPTIONS:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.set_page_load_timeout(TIMEOUT)
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _WATCH % json.dumps(READY)})
        yield driver
    finally:
        driver.quit()


def first_render(driver, url: str) -> float | None:
    """Load ``url`` afresh; milliseconds from navigation start to the page drawn (None: not within 30 s)."""
    driver.get(url)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        ready = driver.execute_script("return window.__benchReady || null;")
        if ready is not None:
            return float(ready)
        time.sleep(0.05)
    return None


def settle(driver, recorder, quiet: float = 0.8) -> bool:
    """Wait until no callback has run for ``quiet`` seconds and nothing shows as loading."""
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if recorder.quiet_for() >= quiet and not driver.execute_script(_BUSY):
            return True
        time.sleep(0.1)
    return False


def read_through(driver, recorder, step: int = 800) -> None:
    """Scroll to the bottom a screen at a time, as a reader does, so every lazy section asks for its data
    (and its callbacks are measured); then back to the top."""
    for _ in range(50):
        at_end = driver.execute_script(_SCROLL, step)
        settle(driver, recorder, quiet=0.3)
        if at_end:
            break
    driver.execute_script("window.scrollTo(0, 0);")


def navigate(driver, path_and_query: str) -> None:
    """Go to another view the way the app's own links do (history push, no page reload)."""
    driver.execute_script(_NAVIGATE, path_and_query)
