"""Every page in headless Chromium: it renders, speaks both languages and logs no console errors.

Pages are taken from Dash's page registry, so a new page is covered as soon as it registers. A page's
root element is ``ids.<PAGE>_MAIN``; READY names what shows that its callbacks have filled it.
"""

from __future__ import annotations

import dash
import pytest
from dash.testing.wait import until

import app as hue_app
import config
import ids
from callbacks.shell import page_key, page_name
from tests.browser.scrolling import reveal

TIMEOUT = 30
PAGES = [p for p in dash.page_registry.values() if page_key(p) != "not_found_404"]
#: Path -> CSS selector that appears once the page's data has arrived (default: the page root).
READY = {"/data": f"#{ids.DATA_LASTLOAD_GRID} .ag-row"}
READY["/schools"] = f"#{ids.SCHOOLS_KPI_GRID} .schools-kpi-value"
READY["/feedback"] = f"#{ids.FEEDBACK_KPIS} .feedback-kpi-value"
READY["/health"] = f"#{ids.HEALTH_KPI} .health-card-value"
READY["/"] = f"#{ids.OVERVIEW_LEAGUE_GRID} .ag-row"
READY["/traffic"] = f"#{ids.TRAFFIC_KPIS} .traffic-kpi, #{ids.TRAFFIC_KPIS} .traffic-empty"
READY["/forecasts"] = f"#{ids.FORECASTS_TRUST} .forecasts-backtest, #{ids.FORECASTS_EMPTY} .forecasts-empty"
READY["/map"] = f"#{ids.MAP_LEGEND} .map-legend-title, #{ids.MAP_LEGEND} .map-legend-note"
READY["/reports"] = f"#{ids.REPORTS_CSV}[href]"


def main_selector(page: dict) -> str:
    return "#" + getattr(ids, f"{page_key(page).upper()}_MAIN")


def open_page(dash_duo, path: str) -> None:
    dash_duo.start_server(hue_app.app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}{path}", timeout=TIMEOUT)


def wait_ready(dash_duo, page: dict) -> None:
    dash_duo.wait_for_element(main_selector(page), timeout=TIMEOUT)
    dash_duo.wait_for_element(READY.get(page["path"], main_selector(page)), timeout=TIMEOUT)


def text_of(dash_duo, selector: str) -> str:
    return " ".join(e.text for e in dash_duo.find_elements(selector))


@pytest.mark.parametrize("page", PAGES, ids=[p["path"] for p in PAGES])
def test_page_renders_in_both_languages_without_console_errors(dash_duo, page):
    open_page(dash_duo, page["relative_path"])
    wait_ready(dash_duo, page)
    link = f"#{ids.nav_link(page_key(page))}"
    dash_duo.wait_for_text_to_equal(link, page_name(page, "vi"), timeout=TIMEOUT)
    assert dash_duo.get_logs() == []

    dash_duo.find_element(f"#{ids.APP_LANG_EN}").click()
    for other in PAGES:
        dash_duo.wait_for_text_to_equal(
            f"#{ids.nav_link(page_key(other))}", page_name(other, "en"), timeout=TIMEOUT
        )
    until(lambda: "lang=en" in dash_duo.find_element(link).get_attribute("href"), TIMEOUT)
    wait_ready(dash_duo, page)
    assert "lang=en" in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []


def test_switching_to_english_changes_the_number_format_of_the_rejected_rows_chart(dash_duo):
    axis = f"#{ids.DATA_REJECTED_GRAPH} .xaxislayer-above"
    open_page(dash_duo, "/data")
    reveal(dash_duo, f"#{ids.DATA_REJECTED_GRAPH}")
    dash_duo.wait_for_contains_text(axis, "1.000", timeout=TIMEOUT)
    assert "1,000" not in text_of(dash_duo, axis)
    # the chart was drawn by plotly.js's cartesian bundle (assets/plotly_bundle.js), not the full one
    loaded = dash_duo.driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert any("vendor/plotly-cartesian-" in name for name in loaded)
    assert not any("package_data/plotly.min.js" in name for name in loaded)
    dash_duo.wait_for_text_to_equal(f"#{ids.APP_ASOF}", "Dữ liệu đến 27/11/2026", timeout=TIMEOUT)

    dash_duo.find_element(f"#{ids.APP_LANG_EN}").click()
    reveal(dash_duo, f"#{ids.DATA_REJECTED_GRAPH}")
    dash_duo.wait_for_contains_text(axis, "1,000", timeout=TIMEOUT)
    assert "1.000" not in text_of(dash_duo, axis)
    dash_duo.wait_for_text_to_equal(f"#{ids.APP_ASOF}", "Data up to 27 Nov 2026", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{ids.APP_DEMO}", "DEMO DATA", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []


def choose(dash_duo, dropdown_id: str, option_text: str) -> None:
    """Open a dropdown, wait until the callback has filled its options, pick one."""
    dash_duo.wait_for_element(f"#{dropdown_id}", timeout=TIMEOUT).click()
    dash_duo.wait_for_contains_text(".dash-dropdown-options", option_text, timeout=TIMEOUT)
    options = dash_duo.find_elements(".dash-dropdown-option")
    next(o for o in options if o.text == option_text).click()


def test_choosing_a_source_filters_the_sample_of_rejected_rows(dash_duo):
    grid = f"#{ids.DATA_SAMPLE_GRID}"
    open_page(dash_duo, "/data")
    reveal(dash_duo, grid)
    dash_duo.wait_for_contains_text(grid, "feedback_2026_10.csv", timeout=TIMEOUT)

    choose(dash_duo, ids.DATA_SOURCE_DROPDOWN, "Hồ sơ sức khỏe điện tử")
    dash_duo.wait_for_contains_text(grid, "health_2026.xlsx", timeout=TIMEOUT)
    until(lambda: "feedback_2026" not in dash_duo.find_element(grid).text, TIMEOUT)
    assert "source=health" in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []


def test_a_missing_warehouse_shows_what_to_run_instead_of_an_error(dash_duo, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "WAREHOUSE", tmp_path / "missing.duckdb")
    open_page(dash_duo, "/data")
    dash_duo.wait_for_contains_text(f"#{ids.APP_ALERT}", "make run", timeout=TIMEOUT)
    reveal(dash_duo, f"#{ids.DATA_FILES_GRID}")
    dash_duo.wait_for_contains_text(
        f"#{ids.DATA_FILES_GRID}", "Không có dữ liệu cho lựa chọn này", timeout=TIMEOUT
    )
    assert dash_duo.get_logs() == []
