"""Traffic callbacks and builders called directly on the hand-written traffic (fixture_traffic)."""

from __future__ import annotations

from contextvars import copy_context
from datetime import date
from urllib.parse import parse_qs

import pandas as pd
import plotly.graph_objects as go
import plotly.io
import pytest
from components import text
from dash import no_update
from dash._callback_context import context_value
from dash._utils import AttributeDict
from fixture_traffic import CORRIDOR_A, CORRIDOR_B, SENSORS, build_traffic, counts

import app  # noqa: F401  (registers the pages and callbacks)
import config
import ids
from callbacks import figures_traffic_bars, maps_traffic
from callbacks import traffic as cb
from callbacks import traffic_map as map_cb
from i18n import fmt_number, fmt_percent
from queries.db import clear_cache

VI = {"lang": "vi", "start": "2025-02-01", "end": "2025-04-30", "corridor": [], "district": None,
      "vehicle": "all"}
EN = {**VI, "lang": "en"}
EMPTY = {**VI, "start": "2019-01-01", "end": "2019-01-31"}


@pytest.fixture(scope="module", autouse=True)
def traffic_warehouse(tmp_path_factory):
    path = build_traffic(tmp_path_factory.mktemp("traffic-cb") / "warehouse.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", path)
        clear_cache()
        yield path
    clear_cache()




def spring() -> pd.DataFrame:
    hours = counts()
    return hours[(hours["day"] >= date(2025, 2, 1)) & (hours["day"] <= date(2025, 4, 30))]


def test_the_state_defaults_to_the_12_months_up_to_the_latest_count():
    state = cb.resolve_state({"lang": "vi", "corridor": [], "vehicle": "bicycles"})
    assert (state["start"], state["end"]) == ("2024-05-01", "2025-04-30")
    assert state["vehicle"] == "all"
    swapped = cb.resolve({"start": "2025-03-31", "end": "2025-03-01", "vehicle": "cars"}, None)
    assert (swapped["start"], swapped["end"], swapped["vehicle"]) == ("2025-03-01", "2025-03-31", "cars")


def test_the_first_screen_checks_the_urls_params_itself():
    params = {"lang": "en", "corridor": [CORRIDOR_A], "vehicle": "bicycles"}
    state = cb.resolve_state(params)
    assert cb.resolve_state(state) == state  # checking a checked state changes nothing
    as_json = plotly.io.json.to_json_plotly
    assert as_json(cb.show_volume(params, "week")) == as_json(cb.show_volume(state, "week"))
    assert as_json(cb.show_kpis(params)) == as_json(cb.show_kpis(state))
    assert cb.fill_filters(params)[:2] == ("2024-05-01", "2025-04-30")


def test_filters_go_to_the_url_with_repeated_corridors_and_without_the_default_vehicle():
    assert cb.remember_filters("2025-02-01", "2025-04-30", [], None, "all", VI) is no_update
    url = cb.remember_filters("2025-02-01T00:00:00", "2025-04-30", [CORRIDOR_A, CORRIDOR_B], "474", "all", VI)
    query = parse_qs(url[1:])
    assert query == {"start": ["2025-02-01"], "end": ["2025-04-30"], "corridor": [CORRIDOR_A, CORRIDOR_B],
                     "district": ["474"]}
    assert parse_qs(cb.remember_filters("2025-02-01", "2025-04-30", [], None, "cars", EN)[1:]) == {
        "lang": ["en"], "start": ["2025-02-01"], "end": ["2025-04-30"], "vehicle": ["cars"]}


def test_a_click_on_a_ranked_corridor_filters_by_it_and_a_second_click_clears_it():
    click = {"points": [{"customdata": CORRIDOR_B}]}
    assert parse_qs(cb.corridor_search(click, VI)[1:])["corridor"] == [CORRIDOR_B]
    assert "corridor" not in parse_qs(cb.corridor_search(click, {**VI, "corridor": [CORRIDOR_B]})[1:])
    assert cb.corridor_search(None, VI) is no_update

    def run():
        context_value.set(AttributeDict(triggered_inputs=[{"prop_id": f"{ids.TRAFFIC_RANK_PEAK}.clickData"}]))
        return cb.pick_corridor(None, click, VI)

    assert "corridor=" in copy_context().run(run)


def test_kpi_cards_show_the_period_and_the_change_in_each_language():
    hours = spring()
    congested = int((hours["vehicles"] > 0.85 * hours["capacity_veh_h"]).sum())
    per_day = 24 * hours["vehicles"].sum() / len(hours)
    vi, en = text(cb.show_kpis(VI)), text(cb.show_kpis(EN))
    assert fmt_number(per_day, "vi") in vi and fmt_number(per_day, "en") in en
    assert f"Giờ ùn tắc {congested}" in vi
    assert fmt_percent(100 * congested / len(hours), "vi", 1) in vi
    assert "Crashes 3 Road crashes in the period ▲ up 200.0% on last year (1)" in en  # C1, C2, C4; C6
    april = text(cb.show_kpis({**VI, "start": "2025-04-01", "end": "2025-04-30"}))
    assert "Không có số liệu cùng kỳ năm trước" in april  # nothing was counted in April 2024
    assert "Không có dữ liệu cho lựa chọn này" in text(cb.show_kpis(EMPTY))


def test_the_change_line_says_up_or_down_with_a_symbol():
    from callbacks.cards_traffic import change_line

    assert change_line(110, 100, "vi") == "▲ tăng 10,0 % so với cùng kỳ (100)"
    assert change_line(90, 100, "en") == "▼ down 10.0% on last year (100)"
    assert change_line(3, 0, "vi") == "▲ tăng 3 so với cùng kỳ (0)"
    assert change_line(0, 0, "vi") == "= không đổi so với cùng kỳ"
    assert change_line(5, None, "en") == "No data for the same period last year"


def test_the_volume_chart_draws_a_line_per_corridor_and_marks_holidays_and_tourism_peaks():
    fig = go.Figure(cb.show_volume(VI, "day"))  # a plain figure, validated here
    names = [trace.name for trace in fig.data]
    assert names == [CORRIDOR_B, CORRIDOR_A, "Nghỉ lễ, Tết", "Cao điểm du lịch (ước tính)"]
    holidays = fig.data[2]
    assert len(holidays.x) == 2  # Tết from 27/1 (clipped to the period's 1/2) and 30/4–1/5 (clipped to 30/4)
    assert holidays.text[0].endswith("01/02/2025 – 03/02/2025") and "Tết" in fig.layout.annotations[0].text
    assert holidays.text[1] == "Ngày Chiến thắng · Ngày Quốc tế Lao động<br>30/04/2025"
    assert fig.data[3].text[0] == "Dịp nghỉ 30/4–1/5 (ngày ước tính)<br>29/04/2025 – 30/04/2025"
    assert fig.layout.separators == ",."
    assert len(fig.layout.shapes) == 3
    assert cb.show_volume(EMPTY, "week").layout.annotations[0].text == "Không có dữ liệu cho lựa chọn này"


def test_the_heatmap_shows_volume_or_congestion_and_says_which_months_it_reads():
    figure, note = cb.show_heatmap(VI, "congestion")
    fig = go.Figure(figure)
    assert list(fig.data[0].y) == ["T2", "T3", "T4", "T5", "T6", "T7", "CN"]
    hours = counts()
    monday_8 = hours[(hours["hour_start"].dt.dayofweek == 0) & (hours["hour_start"].dt.hour == 8)
                     & (hours["day"] >= date(2025, 2, 1)) & (hours["day"] <= date(2025, 4, 30))]
    share = 100 * (monday_8["vehicles"] > 0.85 * monday_8["capacity_veh_h"]).mean()
    assert fig.data[0].z[0][8] == pytest.approx(share)
    assert note == ("Tính trên các tháng trọn vẹn từ 01/02/2025 đến 30/04/2025, vì số liệu này được tổng hợp "
                    "theo tháng.")
    volume = go.Figure(cb.show_heatmap(EN, "volume")[0])
    assert volume.data[0].z[0][8] == pytest.approx(monday_8["vehicles"].mean())


def test_the_ranking_highlights_the_chosen_corridor_and_carries_it_for_clicks():
    congestion, peak = (go.Figure(fig) for fig in cb.show_ranking({**VI, "corridor": [CORRIDOR_B]}))
    bars = congestion.data[0]
    assert list(bars.customdata) == [CORRIDOR_A, CORRIDOR_B]
    assert list(bars.y) == [CORRIDOR_A, f"<b>{CORRIDOR_B}</b>"]
    assert bars.marker.color == (figures_traffic_bars.MUTED_BAR, figures_traffic_bars.theme.PRIMARY)
    assert peak.layout.shapes[0].x0 == 0.85


def test_the_profile_shows_the_most_congested_sensor_until_one_is_clicked():
    hours = spring()
    per_sensor = (hours["vehicles"] > 0.85 * hours["capacity_veh_h"]).groupby(hours["sensor_id"]).sum()
    assert per_sensor.idxmax() == "A-1" and per_sensor.nlargest(2).is_unique
    title, figure, hideout = map_cb.show_profile(None, VI)
    fig = go.Figure(figure)
    assert hideout == {"selected": "A-1"} and "A-1 · " in text(title)
    assert "nhiều giờ ùn tắc nhất" in text(title)
    assert [trace.name for trace in fig.data][:2] == ["Ngày thường (T2–T6)", "Cuối tuần (T7, CN)"]
    assert fig.data[2].y[0] == 1000  # A-1's capacity
    title, figure, hideout = map_cb.show_profile("B-1", {**VI, "vehicle": "cars"})
    fig = go.Figure(figure)
    assert hideout == {"selected": "B-1"} and "B-1 · " in text(title) and "đã chọn trên bản đồ" in text(title)
    assert len(fig.data) == 2  # no capacity lines for a single vehicle type
    click = {"properties": {"sensor_id": "A-3"}}
    assert map_cb.select_sensor(click) == "A-3" and map_cb.select_sensor(None) is no_update


def test_the_map_colours_sensors_by_congestion_and_joins_a_corridor_along_the_road():
    sensors, lines, viewport, legend = map_cb.show_sensors(VI)
    levels = {f["properties"]["sensor_id"]: f["properties"]["level"] for f in sensors["features"]}
    hours = spring()
    ratio = (hours["vehicles"] / hours["capacity_veh_h"]).groupby([hours["sensor_id"], hours["day"]]).max()
    expected = {s: maps_traffic.level_of(r) for s, r in ratio.groupby(level=0).mean().items()}
    assert levels == expected
    assert [f["properties"]["corridor"] for f in lines["features"]] == [CORRIDOR_A]  # B has one sensor
    ends = lines["features"][0]["geometry"]["coordinates"]
    where = {s[0]: [s[3], s[2]] for s in SENSORS}
    assert ends in ([where["A-1"], where["A-2"], where["A-3"]], [where["A-3"], where["A-2"], where["A-1"]])
    assert viewport["transition"] == "fitBounds"
    assert "Ùn tắc (> 0,85)" in text(legend)


def test_crashes_and_hotspots_on_the_map():
    year = {**VI, "start": "2025-01-01", "end": "2025-12-31"}
    points = map_cb.show_crashes(year)
    assert [f["properties"]["incident_id"] for f in points["features"]] == ["C1", "C2", "C4", "C3", "C5"]
    c4 = points["features"][2]["properties"]
    assert c4["severity"] == 0 and "Không rõ loại đường" in c4["tooltip"]
    assert "30/04/2025 23:59" in c4["tooltip"]
    cells = map_cb.show_hotspots(year)["features"]
    assert len(cells) == 1 and cells[0]["properties"]["bin"] == 0
    assert cells[0]["properties"]["tooltip"] == "2 vụ tai nạn · 1 người chết · 2 người bị thương"


def test_crash_charts_and_their_empty_states():
    year = {**EN, "start": "2025-01-01", "end": "2025-12-31"}
    trend = go.Figure(cb.show_crash_trend(year))
    assert [trace.name for trace in trend.data] == ["Crashes", "Deaths", "Injuries"]
    assert list(trend.data[0].y) == [0, 0, 2, 1, 2, 0, 0, 0, 0, 0, 0, 0]
    roads = go.Figure(cb.show_road_types(year))
    assert list(roads.data[0].y) == ["Road type unknown", "National road", "Rural road", "Urban road"]
    assert roads.data[0].text[-1] == "2 (40.0%)"
    assert cb.show_crash_trend(EMPTY).layout.annotations[0].text == "Không có dữ liệu cho lựa chọn này"
    assert cb.show_road_types(EMPTY).layout.annotations[0].text == "Không có dữ liệu cho lựa chọn này"


def test_filters_offer_every_corridor_and_district_and_name_the_comparison_period():
    start, end, corridors, districts, compare = cb.fill_filters(EN)
    assert (start, end) == ("2025-02-01", "2025-04-30")
    assert [o["value"] for o in corridors] == sorted([CORRIDOR_A, CORRIDOR_B])
    assert {"label": "Hue", "value": "474"} in districts
    assert compare == "Changes compare with the same period a year earlier: 1 Feb 2024 – 30 Apr 2024."
