"""The map explorer in headless Chromium on the demo warehouse: what a planner does, and what it shows.

Expected figures come from the page's queries on the same warehouse (the query tests check those against
independently computed numbers). Colours are checked on the SVG paths Leaflet drew from the style function.
"""

from __future__ import annotations

from dash.testing.wait import until
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import app as hue_app
import ids
from callbacks.format_overview import period_label, value_text
from i18n import t
from queries import indicators, schools
from queries import map as map_queries
from queries.kpi_periods import parse

TIMEOUT = 30
AREAS = f"#{ids.MAP_MAP} .leaflet-overlay-pane path.leaflet-interactive:not(.map-point)"
SCHOOL_POINTS = f"#{ids.MAP_MAP} path.map-point-schools"
LEGEND_TITLE = f"#{ids.MAP_LEGEND} .map-legend-title"
INDICATOR = "feedback_on_time_pct"


def fills(dash_duo) -> list[str]:
    return [p.get_attribute("fill") for p in dash_duo.find_elements(AREAS)]


def legend_title(indicator_id: str) -> str:
    return f"{t(f'indicator.{indicator_id}', 'vi')} ({t('map.unit.pct', 'vi')})"


def open_map(dash_duo, query: str = "") -> None:
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/map{query}", timeout=TIMEOUT)
    dash_duo.wait_for_element(LEGEND_TITLE, timeout=TIMEOUT)


def choose(dash_duo, dropdown_id: str, option_text: str) -> None:
    """Open a dropdown, wait until its options are there, pick one."""
    dash_duo.wait_for_element(f"#{dropdown_id}", timeout=TIMEOUT).click()
    dash_duo.wait_for_contains_text(".dash-dropdown-options", option_text, timeout=TIMEOUT)
    option = next(o for o in dash_duo.find_elements(".dash-dropdown-option") if o.text == option_text)
    dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", option)
    option.click()


def click_area(dash_duo, path) -> None:
    """A click on one outline (a plain click may land on a neighbour: outlines overlap their boxes)."""
    script = "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true}))"
    dash_duo.driver.execute_script(script, path)


def click_segment(dash_duo, control_id: str, text: str) -> None:
    control = dash_duo.find_element(f"#{control_id}")
    control.find_element(By.XPATH, f".//label[normalize-space()='{text}']").click()


def test_a_planner_picks_an_indicator_drills_into_a_district_moves_the_month_and_adds_schools(
    dash_duo, on_demo_warehouse
):
    dash_duo.start_server(hue_app.app)
    open_map(dash_duo)
    dash_duo.wait_for_text_to_equal(LEGEND_TITLE, legend_title("health_created_pct"), timeout=TIMEOUT)
    until(lambda: len(dash_duo.find_elements(AREAS)) == 9, TIMEOUT)
    before = fills(dash_duo)

    choose(dash_duo, ids.MAP_INDICATOR, t(f"indicator.{INDICATOR}", "vi"))
    dash_duo.wait_for_text_to_equal(LEGEND_TITLE, legend_title(INDICATOR), timeout=TIMEOUT)
    until(lambda: fills(dash_duo) != before, TIMEOUT)
    until(lambda: f"indicator={INDICATOR}" in dash_duo.driver.current_url, TIMEOUT)

    # a district clicked at district level: its profile, and the map switches to its communes
    click_area(dash_duo, dash_duo.find_elements(AREAS)[4])
    name = dash_duo.wait_for_element(".map-profile-name", timeout=TIMEOUT).text
    district = map_queries.boundaries("district").set_index("name").loc[name, "code"]
    until(lambda: len(dash_duo.find_elements(AREAS)) == len(map_queries.boundaries("commune")), TIMEOUT)
    until(lambda: "level=commune" in dash_duo.driver.current_url, TIMEOUT)
    month = parse("month", map_queries.months()["key"].iloc[-1])
    expect_profile(dash_duo, district, month)

    # one month back with the keyboard: the label, the profile and the URL follow
    dash_duo.find_element(f"#{ids.MAP_MONTH} [role='slider']").send_keys(Keys.ARROW_LEFT)
    earlier = month.shift(-1)
    dash_duo.wait_for_text_to_equal(f"#{ids.MAP_MONTH_LABEL}", period_label(earlier, "vi"), timeout=TIMEOUT)
    until(lambda: f"month={earlier.key}" in dash_duo.driver.current_url, TIMEOUT)
    expect_profile(dash_duo, district, earlier)

    dash_duo.find_element(f"#{ids.MAP_LAYERS} input[value='schools']").click()
    shown = schools.school_points(schools.SchoolFilter())
    until(lambda: len(dash_duo.find_elements(SCHOOL_POINTS)) == len(shown), TIMEOUT)
    until(lambda: "layers=schools" in dash_duo.driver.current_url, TIMEOUT)
    assert dash_duo.get_logs() == []

    # the copied link reopens the same view
    url = dash_duo.driver.current_url
    colours = fills(dash_duo)
    dash_duo.driver.get(url)
    dash_duo.wait_for_text_to_equal(LEGEND_TITLE, legend_title(INDICATOR), timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(f"#{ids.MAP_MONTH_LABEL}", period_label(earlier, "vi"), timeout=TIMEOUT)
    until(lambda: len(dash_duo.find_elements(SCHOOL_POINTS)) == len(shown), TIMEOUT)
    until(lambda: fills(dash_duo) == colours, TIMEOUT)
    expect_profile(dash_duo, district, earlier)
    assert dash_duo.get_logs() == []


def expect_profile(dash_duo, code: str, month) -> None:
    """The panel shows the query's value of the chosen indicator for the area and month."""
    profile = map_queries.area_profile(code, month).set_index("indicator_id")
    entry = indicators.get(INDICATOR)
    cell = f"#{ids.MAP_PROFILE} li[data-indicator='{INDICATOR}'] .map-profile-value"
    dash_duo.wait_for_text_to_equal(cell, value_text(entry, profile.loc[INDICATOR, "value"], "vi"), timeout=TIMEOUT)
    bars = dash_duo.find_elements(f"#{ids.MAP_PROFILE} li[data-indicator='{INDICATOR}'] .map-spark-bar")
    line = profile.loc[INDICATOR, "sparkline"]
    assert len(bars) == len(line) == 12
    assert [b.get_attribute("title") for b in bars] == [
        "–" if v is None else value_text(entry, v, "vi") for v in line
    ]


def test_switching_to_communes_and_the_class_method_restyles_the_map(dash_duo, on_demo_warehouse):
    dash_duo.start_server(hue_app.app)
    open_map(dash_duo, "?indicator=health_created_pct")
    until(lambda: len(dash_duo.find_elements(AREAS)) == 9, TIMEOUT)
    click_segment(dash_duo, ids.MAP_LEVEL, t("map.level.commune", "vi"))
    until(lambda: len(dash_duo.find_elements(AREAS)) == len(map_queries.boundaries("commune")), TIMEOUT)
    before = fills(dash_duo)
    click_segment(dash_duo, ids.MAP_METHOD, t("map.method.target", "vi"))
    dash_duo.wait_for_contains_text(f"#{ids.MAP_LEGEND}", t("map.legend.side.up.2", "vi"), timeout=TIMEOUT)
    until(lambda: fills(dash_duo) != before, TIMEOUT)
    until(lambda: "method=target" in dash_duo.driver.current_url, TIMEOUT)
    assert dash_duo.get_logs() == []
