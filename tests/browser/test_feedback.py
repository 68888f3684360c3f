"""The citizen-feedback page in headless Chromium on the demo warehouse: a user sets a filter, clicks a
chart to cross-filter, pages the record table and reopens the link; what is shown is what the queries
give."""

from __future__ import annotations

import time
from datetime import date, timedelta

from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains

import app as hue_app
import ids
from i18n import fmt_number
from queries import feedback, feedback_records, feedback_volume
from tests.browser.scrolling import read_through, reveal

TIMEOUT = 30
RECEIVED = f"#{ids.FEEDBACK_KPIS} .feedback-kpi:first-child .feedback-kpi-value"
GRID = f"#{ids.FEEDBACK_RECORDS_GRID}"


def default_filters(**chosen) -> feedback.Filters:
    """The page's default period (the 12 months up to the latest report) with some filters."""
    last = feedback.data_range().at[0, "last_day"].date()
    return feedback.Filters(last - timedelta(days=364), last, **chosen)


def received_text(filters: feedback.Filters) -> str:
    return fmt_number(feedback_volume.summary(filters).at[0, "received"], "vi")


def first_id_on_page(page: int) -> str:
    return f"{GRID} .ag-row[row-index='{20 * page}'] [col-id='id']"


def choose(dash_duo, dropdown_id: str, option_text: str) -> None:
    """Open a dropdown, wait until its options have arrived, pick one."""
    dash_duo.wait_for_element(f"#{dropdown_id}", timeout=TIMEOUT).click()
    dash_duo.wait_for_contains_text(".dash-dropdown-options", option_text, timeout=TIMEOUT)
    next(o for o in dash_duo.find_elements(".dash-dropdown-option") if o.text == option_text).click()


def click_largest_category_bar(dash_duo) -> None:
    bars = dash_duo.find_elements(f"#{ids.FEEDBACK_CATEGORY_GRAPH} g.trace.bars g.point path")
    ActionChains(dash_duo.driver).move_to_element(bars[-1]).click().perform()  # the top bar is the largest


def test_filter_cross_filter_page_and_reopen_the_link(dash_duo, on_demo_warehouse):
    dash_duo.start_server(hue_app.app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/feedback", timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(RECEIVED, received_text(default_filters()), timeout=TIMEOUT)

    # a filter: the hotline channel
    choose(dash_duo, ids.FEEDBACK_CHANNEL, "Tổng đài 1900 1075")
    hotline = default_filters(channel="hotline")
    dash_duo.wait_for_text_to_equal(RECEIVED, received_text(hotline), timeout=TIMEOUT)
    assert "channel=hotline" in dash_duo.driver.current_url

    # cross-filter: click the largest category in the category chart
    top = feedback_volume.volume_by(hotline, "category").at[0, "key"]
    reveal(dash_duo, f"#{ids.FEEDBACK_CATEGORY_GRAPH}")
    dash_duo.wait_for_element(f"#{ids.FEEDBACK_CATEGORY_GRAPH} g.trace.bars g.point path", timeout=TIMEOUT)
    click_largest_category_bar(dash_duo)
    chosen = default_filters(channel="hotline", category=top)
    until(lambda: f"category={top}" in dash_duo.driver.current_url, TIMEOUT)
    dash_duo.wait_for_text_to_equal(RECEIVED, received_text(chosen), timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{ids.FEEDBACK_ACTIVE}", "Tổng đài 1900 1075", timeout=TIMEOUT)

    # page the record table: page 2 starts with the 21st report the query gives
    page_two = feedback_records.records(chosen, 20, 20)
    reveal(dash_duo, GRID)
    dash_duo.wait_for_text_to_equal(
        first_id_on_page(0), feedback_records.records(chosen, 0, 1).at[0, "id"], timeout=TIMEOUT
    )
    dash_duo.find_element(f"{GRID} .ag-paging-button[data-ref='btNext']").click()
    dash_duo.wait_for_text_to_equal(first_id_on_page(1), page_two.at[0, "id"], timeout=TIMEOUT)

    # the link reopens the same view
    link = dash_duo.driver.current_url
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/data", timeout=TIMEOUT)
    dash_duo.wait_for_page(url=link, timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(RECEIVED, received_text(chosen), timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{ids.FEEDBACK_CHANNEL}", "Tổng đài 1900 1075", timeout=TIMEOUT)

    # clear filters: back to the whole province for the same period
    dash_duo.find_element(f"#{ids.FEEDBACK_CLEAR}").click()
    dash_duo.wait_for_text_to_equal(RECEIVED, received_text(default_filters()), timeout=TIMEOUT)
    assert "category=" not in dash_duo.driver.current_url
    assert dash_duo.get_logs() == []


def test_a_link_from_the_overview_opens_one_district_in_english(dash_duo, on_demo_warehouse):
    start, end = date(2025, 1, 1), date(2025, 6, 30)
    dash_duo.start_server(hue_app.app)
    dash_duo.wait_for_page(
        url=f"{dash_duo.server_url}/feedback?lang=en&district=474&start={start}&end={end}", timeout=TIMEOUT
    )
    filters = feedback.Filters(start, end, district="474")
    expected = fmt_number(feedback_volume.summary(filters).at[0, "received"], "en")
    dash_duo.wait_for_text_to_equal(RECEIVED, expected, timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{ids.FEEDBACK_DISTRICT}", "Hue", timeout=TIMEOUT)
    reveal(dash_duo, f"#{ids.FEEDBACK_PER10K}")
    dash_duo.wait_for_contains_text(f"#{ids.FEEDBACK_PER10K}", "estimated population", timeout=TIMEOUT)

    # a click on a unit in the agency table filters the page by it
    first_unit = f"#{ids.FEEDBACK_AGENCY_GRID} .ag-row[row-index='0'] [col-id='agency']"
    reveal(dash_duo, f"#{ids.FEEDBACK_AGENCY_GRID}")
    dash_duo.wait_for_element(first_unit, timeout=TIMEOUT)
    agency = dash_duo.find_element(first_unit).text
    dash_duo.find_element(first_unit).click()
    until(lambda: "agency=" in dash_duo.driver.current_url, TIMEOUT)
    with_agency = feedback.Filters(start, end, district="474", agency=agency)
    expected = fmt_number(feedback_volume.summary(with_agency).at[0, "received"], "en")
    dash_duo.wait_for_text_to_equal(RECEIVED, expected, timeout=TIMEOUT)
    assert dash_duo.get_logs() == []


def still(dash_duo, paths: str):
    """The largest outline once it stays put for a moment (the map may still be flying); else None."""
    def largest():
        return max(dash_duo.find_elements(paths), key=lambda path: path.size["width"] * path.size["height"])

    before = largest().rect
    time.sleep(0.4)
    after = largest()
    return after if after.rect == before else None


def clicked_a_commune(dash_duo, paths: str) -> bool:
    """Click the largest commune outline once it stays put; whether the page took the click within a few
    seconds. Leaflet reads a click while the map still moves (a late fly or fit) as the start of a drag
    and drops it, so the caller tries again; the URL is checked first, as a second click on the chosen
    commune would clear it."""
    if "commune=" in dash_duo.driver.current_url:
        return True
    largest = still(dash_duo, paths)
    if largest is None:
        return False
    ActionChains(dash_duo.driver).move_to_element(largest).click().perform()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and "commune=" not in dash_duo.driver.current_url:
        time.sleep(0.1)
    return "commune=" in dash_duo.driver.current_url


def test_clicking_a_commune_on_the_map_filters_the_page_and_zooms_to_its_cells(dash_duo, on_demo_warehouse):
    dash_duo.start_server(hue_app.app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/feedback", timeout=TIMEOUT)
    dash_duo.wait_for_element(RECEIVED, timeout=TIMEOUT)
    read_through(dash_duo)
    reveal(dash_duo, f"#{ids.FEEDBACK_MAP}")
    dash_duo.wait_for_contains_text(f"#{ids.FEEDBACK_MAP_LEGEND}", "Số phản ánh mỗi xã", timeout=TIMEOUT)
    paths = f"#{ids.FEEDBACK_MAP} .leaflet-overlay-pane path.leaflet-interactive"
    until(lambda: len(dash_duo.find_elements(paths)) >= 100, TIMEOUT)  # the commune outlines have arrived
    until(lambda: clicked_a_commune(dash_duo, paths), TIMEOUT)  # once the map has flown to the province

    commune = dash_duo.driver.current_url.split("commune=")[1].split("&")[0]
    filters = default_filters(commune=commune)
    dash_duo.wait_for_text_to_equal(RECEIVED, received_text(filters), timeout=TIMEOUT)
    # the map flies to the commune, close enough for ~100 m cells: the note says what is shown or hidden
    until(
        lambda: dash_duo.find_element(f"#{ids.FEEDBACK_MAP_NOTE}").text.startswith(
            ("Đang hiển thị", "Không có phản ánh")
        ),
        TIMEOUT,
    )
    assert dash_duo.get_logs() == []
