"""The health-records page in headless Chromium on the demo warehouse: what a planner does, and what
the page then shows.

Expected figures come from the page's own queries on the same warehouse (tests/test_queries_health.py
checks those against independently computed numbers).
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from dash.testing.wait import until
from selenium.webdriver.common.action_chains import ActionChains

import app as hue_app
import ids
from i18n import fmt_percent
from queries import health
from tests.browser.scrolling import reveal

TIMEOUT = 30
GROUPS = f"#{ids.HEALTH_KPI} .health-group"
MAP_PATHS = f"#{ids.HEALTH_MAP} .leaflet-overlay-pane path.leaflet-interactive"
GRID = f"#{ids.HEALTH_GAP_GRID}"
FIRST_COMMUNE = f"{GRID} .ag-pinned-left-cols-container [row-index='0'] [col-id='commune']"
FIRST_PCT = f"{GRID} .ag-center-cols-container [row-index='0'] [col-id='pct']"


def card_value(group: int, measure: str) -> str:
    return f"{GROUPS}:nth-of-type({group + 1}) .health-card-{measure} .health-card-value"


def url_params(dash_duo) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(dash_duo.driver.current_url).query).items()}


def row_of(month: date, level: str, code: str) -> dict:
    frame = health.coverage(month)
    return frame[(frame["level"] == level) & (frame["code"] == code)].iloc[0].to_dict()


def top_commune(month: date, measure: str, district: str | None = None) -> dict:
    """The first row of the gap table: most people missing, then lowest coverage, then code."""
    communes = health.rows_of(health.coverage(month), "commune", district)
    ranked = communes.sort_values(
        [f"{measure}_missing", f"{measure}_pct", "code"], ascending=[False, True, True]
    )
    return ranked.iloc[0].to_dict()


def expect_kpis(dash_duo, month: date, district: str | None = None, commune: str | None = None) -> None:
    areas = [("province", health.PROVINCE), ("district", district), ("commune", commune)]
    shown = [(level, code) for level, code in areas if code]
    for group, (level, code) in enumerate(shown):
        row = row_of(month, level, code)
        for measure in ("created", "complete"):
            expected = fmt_percent(row[f"{measure}_pct"], "vi")
            dash_duo.wait_for_text_to_equal(card_value(group, measure), expected, timeout=TIMEOUT)


def expect_gap_top(dash_duo, month: date, measure: str, district: str | None = None) -> None:
    top = top_commune(month, measure, district)
    reveal(dash_duo, GRID)
    dash_duo.wait_for_text_to_equal(FIRST_COMMUNE, top["name_vi"], timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(FIRST_PCT, fmt_percent(top[f"{measure}_pct"], "vi"), timeout=TIMEOUT)


def click_segment(dash_duo, control_id: str, label: str) -> None:
    reveal(dash_duo, f"#{control_id}")  # clear of the fixed header after a scroll down to the table
    labels = dash_duo.find_elements(f"#{control_id} label")
    next(element for element in labels if element.text == label).click()


def choose_month(dash_duo, shown: date, option_text: str) -> None:
    """Once the callback has filled the months (the shown one is then labelled), pick another."""
    dropdown = f"#{ids.HEALTH_MONTH_DROPDOWN}"
    dash_duo.wait_for_text_to_equal(
        f"{dropdown} .dash-dropdown-value", shown.strftime("%m/%Y"), timeout=TIMEOUT
    )
    reveal(dash_duo, dropdown)
    dash_duo.select_dcc_dropdown(dropdown, value=option_text)


def test_switching_measure_and_level_clicking_a_commune_and_changing_the_month(dash_duo, on_demo_warehouse):
    latest = health.months()["period"].iloc[0].date()
    dash_duo.start_server(hue_app.app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/health", timeout=TIMEOUT)
    expect_kpis(dash_duo, latest)
    expect_gap_top(dash_duo, latest, "created")
    until(lambda: len(dash_duo.find_elements(MAP_PATHS)) == 9, TIMEOUT)

    click_segment(dash_duo, ids.HEALTH_MEASURE_CONTROL, "Đầy đủ thông tin")
    until(lambda: url_params(dash_duo).get("measure") == "complete", TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{ids.HEALTH_MAP_LEGEND}", "Đầy đủ thông tin, tháng", timeout=TIMEOUT)
    expect_gap_top(dash_duo, latest, "complete")

    click_segment(dash_duo, ids.HEALTH_LEVEL_CONTROL, "Xã")
    until(lambda: len(dash_duo.find_elements(MAP_PATHS)) == 152, TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{ids.HEALTH_MAP_NOTE}", "gần đúng", timeout=TIMEOUT)

    ActionChains(dash_duo.driver).move_to_element(dash_duo.find_elements(MAP_PATHS)[40]).click().perform()
    until(lambda: "commune" in url_params(dash_duo), TIMEOUT)
    commune, district = url_params(dash_duo)["commune"], url_params(dash_duo)["district"]
    expect_kpis(dash_duo, latest, district, commune)
    expect_gap_top(dash_duo, latest, "complete", district)
    name = row_of(latest, "commune", commune)["name_vi"]
    dash_duo.wait_for_text_to_equal(f"#{ids.HEALTH_SELECTION}", f"Đang xem: {name}", timeout=TIMEOUT)
    reveal(dash_duo, f"#{ids.HEALTH_TREND_GRAPH}")
    dash_duo.wait_for_contains_text(f"#{ids.HEALTH_TREND_GRAPH} .legend", name, timeout=TIMEOUT)

    earlier = date(2024, 6, 1)
    assert (
        row_of(earlier, "province", "46")["complete_pct"] != row_of(latest, "province", "46")["complete_pct"]
    )
    choose_month(dash_duo, latest, "06/2024")
    until(lambda: url_params(dash_duo).get("month") == "2024-06", TIMEOUT)
    assert url_params(dash_duo)["commune"] == commune
    expect_kpis(dash_duo, earlier, district, commune)
    expect_gap_top(dash_duo, earlier, "complete", district)
    assert dash_duo.get_logs() == []


def test_a_link_from_the_overview_opens_the_districts_communes(dash_duo, on_demo_warehouse):
    latest = health.months()["period"].iloc[0].date()
    dash_duo.start_server(hue_app.app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/health?district=474&lang=en", timeout=TIMEOUT)
    communes = health.rows_of(health.coverage(latest), "commune", "474", reported=False)
    until(lambda: len(dash_duo.find_elements(MAP_PATHS)) == len(communes), TIMEOUT)
    row = row_of(latest, "district", "474")
    value = f"{GROUPS}:nth-of-type(2) .health-card-created .health-card-value"
    dash_duo.wait_for_text_to_equal(value, fmt_percent(row["created_pct"], "en"), timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{ids.HEALTH_KPI}", "Hue (district)", timeout=TIMEOUT)

    dash_duo.find_element(f"#{ids.HEALTH_DISTRICT_DROPDOWN} .dash-dropdown-clear").click()
    until(lambda: "district" not in url_params(dash_duo), TIMEOUT)
    until(lambda: len(dash_duo.find_elements(MAP_PATHS)) == 9, TIMEOUT)
    assert dash_duo.get_logs() == []


def test_sorting_the_gap_table_then_downloading_gives_the_rows_in_the_order_shown(
    dash_duo, on_demo_warehouse
):
    latest = health.months()["period"].iloc[0].date()
    dash_duo.start_server(hue_app.app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/health?district=481", timeout=TIMEOUT)
    communes = health.rows_of(health.coverage(latest), "commune", "481")
    lowest = communes.sort_values(["created_pct", "code"]).iloc[0]
    reveal(dash_duo, GRID)
    dash_duo.wait_for_element(FIRST_COMMUNE, timeout=TIMEOUT)

    dash_duo.find_element(f"{GRID} .ag-header-cell[col-id='pct']").click()  # ascending coverage
    dash_duo.wait_for_text_to_equal(FIRST_COMMUNE, lowest["name_vi"], timeout=TIMEOUT)
    dash_duo.find_element(f"#{ids.HEALTH_GAP_CSV_BUTTON}").click()
    folder = Path(dash_duo.download_path)
    until(lambda: [p for p in folder.glob("*.csv")], TIMEOUT)
    raw = next(folder.glob("*.csv")).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0][:3] == ["Hạng", "Xã/phường", "Huyện"]
    assert len(table) == len(communes) + 1
    assert table[1][1] == lowest["name_vi"] and table[1][3] == fmt_percent(lowest["created_pct"], "vi")
    assert dash_duo.get_logs() == []
