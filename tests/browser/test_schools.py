"""The schools page in headless Chromium on the demo warehouse: what a planner does, and what it shows.

Expected figures come from the page's own queries on the same warehouse (the query tests check those
against independently computed numbers).
"""

from __future__ import annotations

from dash.testing.wait import until

import app as hue_app
import ids
from i18n import fmt_number
from queries import schools
from queries.schools import SchoolFilter
from tests.browser.scrolling import reveal

TIMEOUT = 30
SCHOOLS_VALUE = f"#{ids.SCHOOLS_KPI}-schools .schools-kpi-value"
STUDENTS_VALUE = f"#{ids.SCHOOLS_KPI}-students .schools-kpi-value"
MAP_MARKER = f"#{ids.SCHOOLS_MAP} .leaflet-marker-pane .school-marker"


def open_schools(dash_duo, query: str = "") -> None:
    dash_duo.start_server(hue_app.app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/schools{query}", timeout=TIMEOUT)
    dash_duo.wait_for_element(SCHOOLS_VALUE, timeout=TIMEOUT)


def choose(dash_duo, dropdown_id: str, option_text: str) -> None:
    """Open a dropdown, wait until the callback has filled its options, pick one."""
    dash_duo.wait_for_element(f"#{dropdown_id}", timeout=TIMEOUT).click()
    dash_duo.wait_for_contains_text(".dash-dropdown-options", option_text, timeout=TIMEOUT)
    options = dash_duo.find_elements(".dash-dropdown-option")
    next(o for o in options if o.text == option_text).click()


def expect_totals(dash_duo, f: SchoolFilter) -> None:
    totals = schools.summary(f).iloc[0]
    dash_duo.wait_for_text_to_equal(SCHOOLS_VALUE, fmt_number(totals["schools"], "vi"), timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(STUDENTS_VALUE, fmt_number(totals["students"], "vi"), timeout=TIMEOUT)


def test_filtering_by_level_and_district_then_clicking_a_school_shows_its_card(dash_duo, on_demo_warehouse):
    open_schools(dash_duo)
    expect_totals(dash_duo, SchoolFilter())

    choose(dash_duo, ids.SCHOOLS_LEVEL_DROPDOWN, "THPT")
    until(lambda: "level=THPT" in dash_duo.driver.current_url, TIMEOUT)
    expect_totals(dash_duo, SchoolFilter(level="THPT"))

    choose(dash_duo, ids.SCHOOLS_DISTRICT_DROPDOWN, "A Lưới")
    until(lambda: "district=481" in dash_duo.driver.current_url, TIMEOUT)
    expect_totals(dash_duo, SchoolFilter(level="THPT", district="481"))
    shown = schools.school_points(SchoolFilter(level="THPT", district="481"))
    until(lambda: len(dash_duo.find_elements(MAP_MARKER)) == len(shown), TIMEOUT)

    marker = dash_duo.find_elements(MAP_MARKER)[0]
    name = marker.get_attribute("title")
    marker.click()
    dash_duo.wait_for_text_to_equal(".schools-card-name", name, timeout=TIMEOUT)
    school_id = shown.set_index("name").loc[name, "school_id"]
    latest = schools.school_history(school_id).iloc[-1]
    card = dash_duo.find_element(f"#{ids.SCHOOLS_CARD}").text
    assert f"Học sinh\n{fmt_number(latest['students'], 'vi')}" in card
    assert f"Phòng học\n{fmt_number(latest['classrooms'], 'vi')}" in card
    assert latest["school_year"] in card and "Qua các năm học" in card
    assert dash_duo.get_logs() == []


def test_searching_a_name_without_accents_finds_the_school_and_a_row_click_opens_its_card(
    dash_duo, on_demo_warehouse
):
    open_schools(dash_duo, "?district=474")
    expect_totals(dash_duo, SchoolFilter(district="474"))
    grid = f"#{ids.SCHOOLS_TABLE_GRID}"
    reveal(dash_duo, grid)
    dash_duo.wait_for_element(f"{grid} .ag-row", timeout=TIMEOUT)

    search = dash_duo.find_element(f"#{ids.SCHOOLS_SEARCH_INPUT}")
    search.send_keys("quoc hoc")
    expected = schools.school_table(SchoolFilter(district="474"), "quoc hoc")
    assert list(expected["name"]) == ["Trường THPT chuyên Quốc Học"]
    until(lambda: len(dash_duo.find_elements(f"{grid} .ag-center-cols-container .ag-row")) == 1, TIMEOUT)
    dash_duo.wait_for_contains_text(grid, "Trường THPT chuyên Quốc Học", timeout=TIMEOUT)

    dash_duo.find_element(f"{grid} .ag-center-cols-container .ag-row .ag-cell").click()
    dash_duo.wait_for_text_to_equal(".schools-card-name", "Trường THPT chuyên Quốc Học", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{ids.SCHOOLS_CARD}", "★", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []
