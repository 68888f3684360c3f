"""The reports page in headless Chromium on the demo warehouse: a user picks a dataset and an area, the
preview's count is the query's, and the page's CSV link downloads exactly the filtered rows."""

from __future__ import annotations

import io

import pandas as pd
import requests
from dash.testing.wait import until

import app as hue_app
import ids
from i18n import fmt_number, t
from queries import exports

TIMEOUT = 30
QUERY = "?dataset=crashes&from=2025-01-01&to=2025-06-30"


def choose(dash_duo, dropdown_id: str, option_text: str) -> None:
    """Open a dropdown, wait until its options have arrived, pick one."""
    dash_duo.wait_for_element(f"#{dropdown_id}", timeout=TIMEOUT).click()
    dash_duo.wait_for_contains_text(".dash-dropdown-options", option_text, timeout=TIMEOUT)
    next(o for o in dash_duo.find_elements(".dash-dropdown-option") if o.text == option_text).click()


def test_filter_preview_and_download_the_filtered_csv(dash_duo, on_demo_warehouse):
    dash_duo.start_server(hue_app.app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/reports{QUERY}", timeout=TIMEOUT)
    whole = exports.parse("crashes", {"from": "2025-01-01", "to": "2025-06-30"})
    dash_duo.wait_for_text_to_equal(
        f"#{ids.REPORTS_COUNT}", f"{fmt_number(exports.count(whole))} dòng", timeout=TIMEOUT
    )

    choose(dash_duo, ids.REPORTS_AREA, "Huế")
    until(lambda: "area=474" in dash_duo.driver.current_url, TIMEOUT)
    chosen = exports.parse("crashes", {"area": "474", "from": "2025-01-01", "to": "2025-06-30"})
    expected = exports.frame(chosen)
    assert 0 < len(expected) < exports.count(whole)
    dash_duo.wait_for_text_to_equal(
        f"#{ids.REPORTS_COUNT}", f"{fmt_number(len(expected))} dòng", timeout=TIMEOUT
    )
    dash_duo.wait_for_contains_text(f"#{ids.REPORTS_GRID}", expected.at[0, "incident_id"], timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{ids.REPORTS_GRID} .ag-paging-panel", "Trang 1 /", timeout=TIMEOUT)
    dash_duo.wait_for_contains_text(f"#{ids.REPORTS_BRIEFING_AREA}", t("reports.province", "vi"), timeout=TIMEOUT)

    until(
        lambda: "area=474" in (dash_duo.find_element(f"#{ids.REPORTS_CSV}").get_attribute("href") or ""),
        TIMEOUT,
    )
    link = dash_duo.find_element(f"#{ids.REPORTS_CSV}").get_attribute("href")
    response = requests.get(link, timeout=TIMEOUT)
    assert response.status_code == 200 and response.content.startswith(b"\xef\xbb\xbf")
    got = pd.read_csv(io.BytesIO(response.content), encoding="utf-8-sig", skiprows=1, dtype=str)
    assert got["Mã vụ"].tolist() == expected["incident_id"].tolist()
    assert set(got["Huyện/thị xã/thành phố"]) == {"Huế"}
    assert dash_duo.get_logs() == []
