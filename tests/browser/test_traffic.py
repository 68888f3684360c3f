"""The traffic page in headless Chromium on the demo warehouse: what a planner does, and what it shows.

Expected figures come from the page's own queries on the same warehouse (the query tests check those
against independently computed numbers).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import app as hue_app
import ids
from i18n import fmt_number
from queries import traffic, traffic_kpis
from queries.traffic import TrafficFilter
from tests.browser.scrolling import reveal

TIMEOUT = 30
VEHICLES_VALUE = ".traffic-kpi-vehicles .traffic-kpi-value"
CONGESTION_VALUE = ".traffic-kpi-congestion .traffic-kpi-value"
CRASHES_VALUE = ".traffic-kpi-crashes .traffic-kpi-value"
SENSOR_MARKER = f"#{ids.TRAFFIC_MAP} .leaflet-marker-pane .traffic-sensor"
#: The demo warehouse holds 2024–2025: the page opens on the 12 months up to its last count.
YEAR = TrafficFilter(date(2025, 1, 1), date(2025, 12, 31))


def open_traffic(dash_duo, query: str = "") -> None:
    dash_duo.start_server(hue_app.app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/traffic{query}", timeout=TIMEOUT)
    dash_duo.wait_for_element(VEHICLES_VALUE, timeout=TIMEOUT)


def choose(dash_duo, dropdown_id: str, option_text: str) -> None:
    """Open a dropdown, wait until the callback has filled its options, pick one."""
    dash_duo.wait_for_element(f"#{dropdown_id}", timeout=TIMEOUT).click()
    dash_duo.wait_for_contains_text(".dash-dropdown-options", option_text, timeout=TIMEOUT)
    options = dash_duo.find_elements(".dash-dropdown-option")
    next(o for o in options if o.text == option_text).click()


def expect_kpis(dash_duo, f: TrafficFilter) -> None:
    row = traffic_kpis.kpis(f).set_index("period").loc["current"]
    for selector, column in ((VEHICLES_VALUE, "vehicles_per_day"), (CONGESTION_VALUE, "congestion_hours"),
                             (CRASHES_VALUE, "crashes")):
        dash_duo.wait_for_text_to_equal(selector, fmt_number(row[column], "vi"), timeout=TIMEOUT)


def margins_widened(dash_duo, graph_id: str) -> dict:
    """How far plotly.js's automargin had to widen a drawn graph's left and bottom margins (each widening
    lays the graph out again)."""
    return dash_duo.driver.execute_script(
        "const f = document.querySelector(arguments[0] + ' .js-plotly-plot')._fullLayout;"
        "return {left: f._size.l - f.margin.l, bottom: f._size.b - f.margin.b};",
        f"#{graph_id}",
    )


def type_date(dash_duo, selector: str, text: str) -> None:
    field = dash_duo.find_element(selector)
    field.click()
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(text, Keys.ENTER)


def plotted(dash_duo, graph_id: str) -> list[dict]:
    """The traces a graph shows in the browser: name and y values (decoded from Plotly's typed arrays)."""
    return dash_duo.driver.execute_script(
        "const g = document.querySelector(arguments[0] + ' .js-plotly-plot');"
        "return g && g._fullData ? g._fullData.map(t => ({name: t.name, y: Array.from(t.y || [])})) : [];",
        f"#{graph_id}",
    )


def test_corridor_period_vehicle_and_a_sensor_click_change_the_figures(dash_duo, on_demo_warehouse):
    open_traffic(dash_duo)
    expect_kpis(dash_duo, YEAR)

    choose(dash_duo, ids.TRAFFIC_CORRIDOR, "Hùng Vương")
    until(lambda: "corridor=H%C3%B9ng+V%C6%B0%C6%A1ng" in dash_duo.driver.current_url, TIMEOUT)
    expect_kpis(dash_duo, replace(YEAR, corridors=("Hùng Vương",)))  # the page has re-rendered
    choose(dash_duo, ids.TRAFFIC_CORRIDOR, "Lê Lợi")
    until(lambda: "corridor=L%C3%AA+L%E1%BB%A3i" in dash_duo.driver.current_url, TIMEOUT)
    two = replace(YEAR, corridors=("Hùng Vương", "Lê Lợi"))
    expect_kpis(dash_duo, two)

    type_date(dash_duo, f"#{ids.TRAFFIC_PERIOD}", "01/06/2025")
    until(lambda: "start=2025-06-01" in dash_duo.driver.current_url, TIMEOUT)
    summer = replace(two, start=date(2025, 6, 1))
    expect_kpis(dash_duo, summer)

    label = f"//*[@id='{ids.TRAFFIC_VEHICLE}']//label[normalize-space()='Ô tô con']"
    dash_duo.driver.find_element(By.XPATH, label).click()
    until(lambda: "vehicle=cars" in dash_duo.driver.current_url, TIMEOUT)
    cars = replace(summer, vehicle="cars")
    expect_kpis(dash_duo, cars)

    sensors = traffic.sensor_status(cars)
    reveal(dash_duo, f"#{ids.TRAFFIC_MAP}")
    until(lambda: len(dash_duo.find_elements(SENSOR_MARKER)) == len(sensors) >= 2, TIMEOUT)
    shown = dash_duo.find_element(".traffic-sensor-selected").get_attribute("title")
    other = next(s for s in sensors["sensor_id"] if s != shown)
    dash_duo.find_element(f"{SENSOR_MARKER}[title='{other}']").click()
    dash_duo.wait_for_contains_text(".traffic-profile-name", f"{other} · ", timeout=TIMEOUT)
    profile = traffic.sensor_profile(other, cars)
    weekdays = profile[profile["day_type"] == "weekday"].sort_values("hour")["vehicles_per_hour"]
    until(lambda: [round(y, 6) for y in plotted(dash_duo, ids.TRAFFIC_PROFILE)[0]["y"]] ==
          [round(y, 6) for y in weekdays], TIMEOUT)
    assert dash_duo.find_element(".traffic-sensor-selected").get_attribute("title") == other
    assert dash_duo.get_logs() == []


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_clicking_a_corridor_in_the_ranking_filters_the_page_by_it(dash_duo, on_demo_warehouse, lang):
    open_traffic(dash_duo, "?lang=en" if lang == "en" else "")
    ranking = traffic.corridor_ranking(YEAR)
    first = ranking["corridor"].iloc[0]
    bars = f"#{ids.TRAFFIC_RANK_CONGESTION} .bars .point path"
    reveal(dash_duo, f"#{ids.TRAFFIC_RANK_CONGESTION}")
    until(lambda: len(dash_duo.find_elements(bars)) == len(ranking), TIMEOUT)
    # Plotly takes clicks on its drag layer above the bars: click where the first (largest) bar is
    ActionChains(dash_duo.driver).move_to_element(dash_duo.find_elements(bars)[0]).click().perform()
    until(lambda: "corridor=" in dash_duo.driver.current_url, TIMEOUT)
    row = traffic_kpis.kpis(replace(YEAR, corridors=(first,))).set_index("period").loc["current"]
    value = fmt_number(row["vehicles_per_day"], lang)
    dash_duo.wait_for_text_to_equal(VEHICLES_VALUE, value, timeout=TIMEOUT)
    series = traffic.volume_series(replace(YEAR, corridors=(first,)), "week")
    until(lambda: [t["name"] for t in plotted(dash_duo, ids.TRAFFIC_VOLUME)][:1] == [first], TIMEOUT)
    assert len(plotted(dash_duo, ids.TRAFFIC_VOLUME)[0]["y"]) == len(series)
    assert margins_widened(dash_duo, ids.TRAFFIC_VOLUME) == {"left": 0, "bottom": 0}  # drawn in one pass
    assert dash_duo.get_logs() == []
