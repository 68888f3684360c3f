"""Shared test set-up: paths, settings for tests, the fixture warehouse and the browser options.

Settings are fixed before anything imports ``config``: no map tiles (offline, and every failed tile
request would be a browser console error) and a warehouse path inside a temporary folder, so no test
can touch the real ``data/warehouse.duckdb``.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from selenium.webdriver.chrome.options import Options

ROOT = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent
for folder in (ROOT, TESTS):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

os.environ["HUE_TILE_URL"] = ""
os.environ["HUE_WARM_SECONDS"] = "0"  # no background cache warming; tests/test_warm.py starts it itself
os.environ["HUE_AUTH"] = "off"  # sign-in is tested on its own (tests/test_auth.py)
os.environ["HUE_WAREHOUSE"] = str(Path(tempfile.mkdtemp(prefix="hue-tests-")) / "warehouse.duckdb")

# Imported after the environment above is set.
import fixture_warehouse

import config

DEMO_START, DEMO_END, DEMO_SCALE = date(2024, 1, 1), date(2025, 12, 31), 0.05


@pytest.fixture(scope="session", autouse=True)
def warehouse() -> Path:
    """The session's fixture warehouse, built once; ``config.WAREHOUSE`` points at it."""
    path = fixture_warehouse.build(Path(os.environ["HUE_WAREHOUSE"]))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", path)
        yield path
    shutil.rmtree(path.parent, ignore_errors=True)


@dataclass(frozen=True)
class DemoWarehouse:
    raw: Path   # the generated raw exports (tests compute expected figures from these with pandas)
    db: Path    # the warehouse the real ETL built from them


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory) -> DemoWarehouse:
    """A small but complete warehouse: the demo generator (2024–2025, 5 % scale) loaded by the real
    ETL, forecasts included. Built once per session (about 30 s), only when a test asks for it."""
    from etl import run
    from etl.demo import generate

    folder = tmp_path_factory.mktemp("demo")
    generate(folder / "raw", start=DEMO_START, end=DEMO_END, scale=DEMO_SCALE, progress=False, defects=False)
    run.run(folder / "raw", folder / "warehouse.duckdb")
    return DemoWarehouse(folder / "raw", folder / "warehouse.duckdb")


@pytest.fixture
def own_warehouse(tmp_path, monkeypatch) -> Path:
    """A fresh fixture warehouse only this test reads (it may replace or delete it), with an empty cache."""
    from queries import db

    path = fixture_warehouse.build(tmp_path / "own.duckdb")
    monkeypatch.setattr(config, "WAREHOUSE", path)
    db.clear_cache()
    yield path
    db.clear_cache()


@pytest.fixture
def on_demo_warehouse(demo_warehouse, monkeypatch) -> DemoWarehouse:
    """Point the app (queries, pages, browser tests) at the demo warehouse for one test."""
    monkeypatch.setattr(config, "WAREHOUSE", demo_warehouse.db)
    return demo_warehouse


def pytest_setup_options():
    """dash.testing hook: options for selenium's Chrome. Debian's chromium with its matching
    chromedriver on PATH; selenium 4.2 has no Selenium Manager, so nothing is downloaded."""
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
    ):
        options.add_argument(arg)
    return options
