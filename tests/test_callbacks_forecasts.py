"""The forecasts page's callbacks, called directly on the hand-written warehouse, and its pure pieces:
target crossing on hand series, the backtest sentence, and picking the series from the URL."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import pytest
from components import find
from dash import no_update

import app  # noqa: F401  (registers the pages)
import config
import ids
from callbacks import figures_forecasts, forecast_choice
from callbacks import forecasts as page
from callbacks import format_forecasts as words
from pages import forecasts as forecasts_page
from queries import db
from tests import fixture_forecasts as fx


def _forecast(start: str, yhat: list[float], lo: list[float], hi: list[float]) -> pd.DataFrame:
    return pd.DataFrame({"ds": pd.date_range(start, periods=len(yhat), freq="MS"), "yhat": yhat,
                         "lo_80": lo, "hi_80": hi})


HISTORY = pd.DataFrame({"ds": pd.date_range("2025-01-01", periods=3, freq="MS"), "y": [80.0, 84.0, 88.0]})
# line reaches 95 in 03/2026, upper edge in 02/2026, lower edge in 05/2026
RISING = _forecast("2026-01-01", [91, 93, 95, 97, 99], [88, 89, 91, 93, 95], [94, 96, 98, 100, 100])


def test_target_crossing_by_line_and_band_edges():
    found = words.attainment(HISTORY, RISING, 95)
    assert (found.point, found.early, found.late) == (
        pd.Timestamp("2026-03-01"), pd.Timestamp("2026-02-01"), pd.Timestamp("2026-05-01"))
    assert not found.reached and found.latest == 88.0


def test_target_already_met_by_the_latest_actual():
    history = HISTORY.assign(y=[80.0, 96.0, None])  # the last month is a gap: the latest value is 96
    found = words.attainment(history, RISING, 95)
    assert found.reached and found.latest == 96.0 and found.latest_ds == pd.Timestamp("2025-02-01")


def test_target_never_crossed_within_the_forecast():
    found = words.attainment(HISTORY, RISING, 101)
    assert (found.point, found.early, found.late) == (None, None, None)
    assert words.due_chance(found, pd.Timestamp("2030-01-01")) == "none"


@pytest.mark.parametrize(("due", "chance"), [
    ("2026-06-30", "high"),   # the lower edge crosses in 05/2026
    ("2026-04-30", "even"),   # only the line (03/2026)
    ("2026-02-28", "low"),    # only the upper edge (02/2026)
    ("2026-01-31", "none"),
])
def test_chance_of_meeting_the_due_date_reads_the_band(due, chance):
    assert words.due_chance(words.attainment(HISTORY, RISING, 95), pd.Timestamp(due)) == chance


def _text(children) -> str:
    if isinstance(children, str):
        return children
    if isinstance(children, (list, tuple)):
        return " ".join(_text(c) for c in children)
    return _text(getattr(children, "children", "") or "")


def test_target_block_says_when_in_vietnamese_months():
    goal = {"target_value": 95.0, "due_date": pd.Timestamp("2026-04-30"), "legal_source": "QĐ 1/2020"}
    text = _text(words.target_view("health_created_pct", goal, HISTORY, RISING, "vi"))
    assert "dự kiến đạt vào 03/2026 (khoảng 02/2026 – 05/2026)" in text
    assert "Chỉ tiêu 95,0 %, hạn 30/04/2026" in text
    assert "Kịp hạn" in text and "khá (50–90 %)" in text


def test_target_block_after_the_horizon_and_without_a_target():
    goal = {"target_value": 98.0, "due_date": None, "legal_source": None}
    text = _text(words.target_view("health_created_pct", goal, HISTORY, RISING, "en"))
    assert "expected in 05/2026 (80% range 03/2026 to after 05/2026)" in text  # lower edge stays below 98
    assert "no target" in _text(words.target_view("feedback_received", None, HISTORY, RISING, "en"))


SCORES = {"indicator_id": "feedback_received", "model": "AutoETS", "mase": 0.81, "coverage_80": 0.75,
          "coverage_95": 0.9, "backtest_folds": 3, "backtest_points": 39, "inside_80": 30, "inside_95": 37}


def test_backtest_sentence_counts_the_tested_weeks_and_the_points_each_band_held():
    assert words.backtest_sentence(SCORES, "vi") == (
        "Thử 3 lần trên dữ liệu cũ, mỗi lần dự báo 13 tuần tiếp theo (tổng cộng 39 tuần được đối chiếu): mô "
        "hình lệch trung bình ít hơn 19 % so với dự báo ngây thơ theo mùa (MASE = 0,81; < 1 là tốt hơn); dải 80 % chứa giá "
        "trị thật 30 lần trên 39; dải 95 % 37 lần trên 39.")
    assert words.backtest_sentence(SCORES, "en") == (
        "Tested 3 times on past data, forecasting 13 weeks ahead each time (39 weeks checked in all): the model's "
        "average error was 19% smaller than that of a seasonal-naive forecast (MASE = 0.81; below 1 is "
        "better); the 80% band held the real value 30 times out of 39; the 95% band 37 times out of 39.")


def test_backtest_sentence_speaks_in_the_series_grain_with_vietnamese_thousands():
    days = {**SCORES, "indicator_id": "traffic_vehicles", "backtest_points": 1_092, "inside_80": 871,
            "inside_95": 1_040}
    vi = words.backtest_sentence(days, "vi")
    assert "mỗi lần dự báo 364 ngày tiếp theo (tổng cộng 1.092 ngày được đối chiếu)" in vi
    assert "dải 80 % chứa giá trị thật 871 lần trên 1.092; dải 95 % 1.040 lần trên 1.092." in vi
    months = {**SCORES, "indicator_id": "health_complete_pct", "backtest_folds": 1, "backtest_points": 24,
              "inside_80": 1, "inside_95": 24}
    en = words.backtest_sentence(months, "en")
    assert en.startswith("Tested once on past data, forecasting 24 months ahead: ")
    assert en.endswith("held the real value 1 time out of 24; the 95% band 24 times out of 24.")


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NA])
def test_backtest_sentence_without_stored_counts_gives_the_coverage_as_shares(missing):
    older = {**SCORES, "backtest_folds": missing, "backtest_points": missing, "inside_80": missing,
             "inside_95": missing}
    assert words.backtest_sentence(older, "vi") == (
        "Trong các lần kiểm tra trước, mô hình lệch trung bình ít hơn 19 % so với dự báo ngây thơ theo mùa "
        "(MASE = 0,81; < 1 là tốt hơn); dải 80 % chứa giá trị thật 75 % số lần, dải 95 % chứa 90 %.")
    worse = words.backtest_sentence({**older, "mase": 1.25, "model": "Naive (short series)"}, "en")
    assert "25% larger than that of a naive forecast (last value)" in worse and "MASE = 1.25" in worse
    assert "too short" in words.backtest_sentence({**SCORES, "mase": float("nan")}, "en")
    assert "too short" in words.backtest_sentence({**SCORES, "mase": None, "backtest_folds": 0}, "en")


SERIES = pd.DataFrame({
    "indicator_id": ["feedback_received", "feedback_received", "feedback_received", "traffic_vehicles"],
    "area_code": ["46", "474", "474", "46"],
    "series_key": ["", "Giao thông", "Môi trường", "Lê Lợi"],
})


def test_resolve_keeps_a_valid_choice_and_falls_back_level_by_level():
    assert forecast_choice.resolve(SERIES, "feedback_received", "474", "Môi trường") == {
        "indicator": "feedback_received", "area": "474", "key": "Môi trường"}
    assert forecast_choice.resolve(SERIES, "feedback_received", "474", "Lê Lợi")["key"] == "Giao thông"
    assert forecast_choice.resolve(SERIES, "nonsense", "999", None) == {
        "indicator": "feedback_received", "area": "46", "key": ""}
    assert forecast_choice.resolve(SERIES.iloc[0:0], None, None, None) is None


def test_a_new_indicator_drops_the_key_but_keeps_the_area():
    chosen = {"indicator": "feedback_received", "area": "474", "key": "Giao thông"}
    assert forecast_choice.search_params("health_created_pct", "474", "Giao thông", chosen) == {
        "indicator": "health_created_pct", "area": "474", "key": None}


@pytest.fixture
def warehouse(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "WAREHOUSE", fx.build(tmp_path / "w.duckdb"))


def test_choose_and_show_a_health_series(warehouse):
    out = page.choose({"lang": "vi", "indicator": "health_created_pct", "area": "474", "key": None})
    selection = out[8]
    assert selection == {"lang": "vi", "indicator": "health_created_pct", "area": "474", "key": ""}
    assert out[6] is True  # one series key only: the picker is disabled
    figure, trust, target = page.show(selection)
    figure = go.Figure(figure)  # a plain figure: Plotly's validators reject any invalid property here
    bands = [trace for trace in figure.data if trace.fill == "tonexty"]
    assert [trace.name for trace in bands] == ["Khoảng 95 %", "Khoảng 80 %"]
    assert list(bands[1].y) == [57.0, 60.0, 63.0]
    assert "MASE = 0,81" in _text(trust) and "AutoETS" in _text(trust)
    # the fixture's 3 folds of 20 months, 45 and 54 of the 60 points inside the bands
    assert "mỗi lần dự báo 20 tháng tiếp theo (tổng cộng 60 tháng được đối chiếu)" in _text(trust)
    assert "dải 80 % chứa giá trị thật 45 lần trên 60; dải 95 % 54 lần trên 60." in _text(trust)
    # the 474 target is the province's 95 %, not reached within 06/2025; its due date is later
    assert "chưa đạt trong 3 tháng tới (đến 06/2025)" in _text(target)


def test_warming_draws_the_series_the_page_opens_on_in_both_languages(warehouse):
    page._warm_the_first_view()
    for lang in ("vi", "en"):
        opened = page.choose(find(forecasts_page.layout(lang=lang), ids.FORECASTS_STATE).data)[8]
        before = len(db._cache)
        page.show(opened)
        assert "indicator" in opened and len(db._cache) == before  # answered from the warm cache
    before = len(db._cache)
    page.show({"lang": "vi", "indicator": "traffic_vehicles", "area": "46", "key": "Lê Lợi"})
    assert len(db._cache) > before  # a series nobody warmed


def test_url_keeps_the_picked_series(warehouse):
    selection = {"lang": "en", "indicator": "feedback_received", "area": "474", "key": "Giao thông"}
    assert page.remember("feedback_received", "474", "Giao thông", selection) is no_update
    assert page.remember("traffic_vehicles", "474", "Giao thông", selection) == (
        "?lang=en&indicator=traffic_vehicles&area=474")


def test_empty_forecasts_table_says_how_to_make_them(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "WAREHOUSE", fx.build(tmp_path / "empty.duckdb", forecasts=[]))
    out = page.choose({"lang": "vi", "indicator": None, "area": None, "key": None})
    assert "Chưa có dự báo — chạy python -m etl forecast" in _text(out[9])
    figure, trust, _ = page.show(out[8])
    assert figure.layout.annotations[0].text == "Chưa có dự báo — chạy python -m etl forecast"
    assert trust is None  # said once, above the chart


def test_chart_opens_on_recent_history_before_a_short_forecast():
    days = pd.DataFrame({"ds": pd.date_range("2021-01-01", "2025-12-31", freq="D"), "y": 1.0})
    ahead = pd.DataFrame({"ds": pd.date_range("2026-01-01", periods=28, freq="D"), "yhat": 1.0, "lo_80": 0.5,
                          "hi_80": 1.5, "lo_95": 0.2, "hi_95": 1.8})
    figure = figures_forecasts.forecast_chart(days, ahead, "vi")
    start, end = (pd.Timestamp(x) for x in figure["layout"]["xaxis"]["range"])
    assert (start, end) == (pd.Timestamp("2026-01-01") - pd.Timedelta(days=4 * 28), pd.Timestamp("2026-01-28"))
    months = HISTORY.assign(ds=pd.date_range("2025-10-01", periods=3, freq="MS"))
    short = figures_forecasts.forecast_chart(months, ahead, "vi")
    assert pd.Timestamp(short["layout"]["xaxis"]["range"][0]) == pd.Timestamp("2025-10-01")  # all of a short history
