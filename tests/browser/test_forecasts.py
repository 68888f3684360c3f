"""The forecasts page in headless Chromium on the demo warehouse (its ETL ran the forecast job): a
planner picks a series and sees the band and the backtest in words with the stored numbers (how many
weeks were tested, how many times each band held the real value).

Expected figures come from the page's queries on the same warehouse (tests/test_queries_forecasts.py
checks those against hand-computed numbers).
"""

from __future__ import annotations

import pandas as pd
from dash.testing.wait import until

import app as hue_app
import ids
from callbacks.format_forecasts import backtest_sentence
from i18n import fmt_number, t
from queries import forecasts

TIMEOUT = 30
SENTENCE = f"#{ids.FORECASTS_TRUST} .forecasts-backtest"
TRACES = (  # the traces Plotly drew (typed arrays decoded); none until the graph has rendered
    "const graph = document.querySelector('#" + ids.FORECASTS_GRAPH + " .js-plotly-plot');"
    "return Array.from((graph && graph._fullData) || []).map(d => [d.name, d.fill || '', (d.y || []).length]);"
)


def expect_series(dash_duo, indicator: str, area: str, key: str) -> dict:
    """Wait for the backtest sentence of this series; returns its stored scores."""
    scores = forecasts.scores(indicator, area, key).iloc[0].to_dict()
    dash_duo.wait_for_text_to_equal(SENTENCE, backtest_sentence(scores, "vi"), timeout=TIMEOUT)
    return scores


def bands(dash_duo) -> list[list]:
    return [trace for trace in dash_duo.driver.execute_script(TRACES) if trace[1] == "tonexty"]


def district_series_with_backtest() -> dict:
    """A district's category series that has a backtest, not the district's first (so the test picks it)."""
    listed = forecasts.series_list()
    weekly = listed[(listed["indicator_id"] == "feedback_received") & (listed["level"] == "district")]
    for row in weekly.to_dict("records"):
        first_key = weekly.loc[weekly["area_code"] == row["area_code"], "series_key"].iloc[0]
        mase = forecasts.scores("feedback_received", row["area_code"], row["series_key"]).iloc[0]["mase"]
        if row["series_key"] != first_key and not pd.isna(mase):
            return {**row, "first_key": first_key}
    raise AssertionError("no district series with a backtest in the demo warehouse")


def test_picking_a_series_shows_its_band_backtest_and_target(dash_duo, on_demo_warehouse):
    dash_duo.start_server(hue_app.app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/forecasts", timeout=TIMEOUT)
    total = expect_series(dash_duo, "feedback_received", "46", "")
    until(lambda: [b[0] for b in bands(dash_duo)] == ["Khoảng 95 %", "Khoảng 80 %"], TIMEOUT)
    assert [b[2] for b in bands(dash_duo)] == [total["horizon"]] * 2

    series = district_series_with_backtest()
    dash_duo.select_dcc_dropdown(f"#{ids.FORECASTS_AREA}", series["name_vi"])
    until(lambda: f"area={series['area_code']}" in dash_duo.driver.current_url, TIMEOUT)
    # the re-rendered page has picked the district's first category: its pickers are filled
    dash_duo.wait_for_text_to_equal(f"#{ids.FORECASTS_KEY} .dash-dropdown-value", series["first_key"],
                                    timeout=TIMEOUT)
    dash_duo.select_dcc_dropdown(f"#{ids.FORECASTS_KEY}", series["series_key"])
    until(lambda: "key=" in dash_duo.driver.current_url, TIMEOUT)
    scores = expect_series(dash_duo, "feedback_received", series["area_code"], series["series_key"])
    sentence = dash_duo.find_element(SENTENCE).text
    assert f"(MASE = {fmt_number(scores['mase'], 'vi', 2)};" in sentence
    held, points = (fmt_number(scores[c], "vi") for c in ("inside_80", "backtest_points"))
    assert f"dải 80 % chứa giá trị thật {held} lần trên {points};" in sentence   # the stored Y out of Z
    assert f"dải 95 % {fmt_number(scores['inside_95'], 'vi')} lần trên {points}." in sentence
    assert f"(tổng cộng {points} tuần được đối chiếu)" in sentence
    assert f"Mô hình được chọn: {scores['model']}." in dash_duo.find_element(f"#{ids.FORECASTS_TRUST}").text
    until(lambda: [b[2] for b in bands(dash_duo)] == [scores["horizon"]] * 2, TIMEOUT)

    dash_duo.select_dcc_dropdown(f"#{ids.FORECASTS_INDICATOR}", t("indicator.health_created_pct", "vi"))
    until(lambda: "indicator=health_created_pct" in dash_duo.driver.current_url, TIMEOUT)
    expect_series(dash_duo, "health_created_pct", series["area_code"], "")
    dash_duo.wait_for_contains_text(f"#{ids.FORECASTS_TARGET}", "Chỉ tiêu 95,0 %", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []
