"""queries.forecasts against the hand-written warehouse of tests/fixture_forecasts.py."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

import config
from queries import forecasts
from tests import fixture_forecasts as fx


@pytest.fixture
def warehouse(tmp_path, monkeypatch):
    path = fx.build(tmp_path / "w.duckdb")
    monkeypatch.setattr(config, "WAREHOUSE", path)
    return path


def _days(*days: str) -> list[pd.Timestamp]:
    return [pd.Timestamp(d) for d in days]


def _series(frame: pd.DataFrame) -> list[tuple]:
    return [(pd.Timestamp(ds), None if pd.isna(y) else y) for ds, y in zip(frame["ds"], frame["y"])]


def test_province_weekly_reports_count_every_report_in_whole_weeks_only(warehouse):
    # 06/01: the reports of 07/01 and Sunday 12/01; 13/01: one; 20/01: one; 27/01: 29/01 and the one
    # without a district on 30/01. 01/01 and 03/02 fall in partial weeks.
    expected = list(zip(_days("2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27"), [2.0, 1.0, 1.0, 2.0]))
    assert _series(forecasts.history("feedback_received", "46", "")) == expected


def test_a_category_in_a_district_starts_at_its_first_report_with_zero_weeks_kept(warehouse):
    traffic_474 = forecasts.history("feedback_received", "474", "Giao thông")
    assert _series(traffic_474) == list(
        zip(_days("2025-01-06", "2025-01-13", "2025-01-20", "2025-01-27"), [2.0, 0.0, 0.0, 1.0]))
    environment_474 = forecasts.history("feedback_received", "474", "Môi trường")
    assert _series(environment_474) == list(zip(_days("2025-01-13", "2025-01-20", "2025-01-27"), [1.0, 0.0, 0.0]))
    assert _series(forecasts.history("feedback_received", "476", "Giao thông")) == list(
        zip(_days("2025-01-20", "2025-01-27"), [1.0, 0.0]))


def test_a_category_never_reported_in_whole_weeks_has_no_history(warehouse):
    # 476's only environment report is on 05/02, in the partial last week
    assert forecasts.history("feedback_received", "476", "Môi trường").empty


def test_health_share_per_district_leaves_out_a_trailing_month_with_fewer_communes(warehouse):
    created = forecasts.history("health_created_pct", "474", "")
    months = _days("2025-01-01", "2025-02-01", "2025-03-01")
    assert _series(created) == list(zip(months, [100 * 1500 / 4000, 100 * 1800 / 4000, 100 * 2200 / 4000]))
    complete = forecasts.history("health_complete_pct", "474", "")
    assert _series(complete) == list(zip(months, [100 * 400 / 4000, 100 * 550 / 4000, 100 * 700 / 4000]))
    full = forecasts.history("health_created_pct", "476", "")
    assert _series(full) == list(zip(_days("2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01"),
                                     [50.0, 55.0, 60.0, 65.0]))


def test_province_health_share_sums_all_communes(warehouse):
    created = forecasts.history("health_created_pct", "46", "")
    assert _series(created) == list(zip(_days("2025-01-01", "2025-02-01", "2025-03-01"),
                                        [100 * 2500 / 6000, 100 * 2900 / 6000, 100 * 3400 / 6000]))


def test_traffic_days_short_of_hours_or_without_a_full_day_sensor_are_gaps(warehouse):
    daily = forecasts.history("traffic_vehicles", "46", "Lê Lợi")
    assert _series(daily) == list(zip(
        _days("2025-01-01", "2025-01-02", "2025-01-03", "2025-01-04", "2025-02-01", "2025-02-02"),
        [1800.0, 1600.0, None, None, None, 1200.0]))


def test_series_list_names_areas_and_counts_horizon(warehouse):
    listed = forecasts.series_list()
    rows = list(zip(listed["indicator_id"], listed["area_code"], listed["series_key"], listed["horizon"],
                    listed["name_vi"], listed["model"]))
    assert rows == [
        ("feedback_received", "474", "Giao thông", 2, "Huế", "MSTL"),
        ("health_created_pct", "474", "", 3, "Huế", "AutoETS"),
        ("traffic_vehicles", "46", "Lê Lợi", 1, "Thừa Thiên Huế", "Naive (short series, no backtest)"),
    ]


def test_forecast_rows_of_one_series_oldest_first(warehouse):
    rows = forecasts.forecast("health_created_pct", "474", "")
    assert list(rows["ds"]) == _days("2025-04-01", "2025-05-01", "2025-06-01")
    assert list(rows["yhat"]) == [60.0, 64.0, 68.0]
    assert list(rows["lo_80"]) == [57.0, 60.0, 63.0]
    assert list(rows["hi_95"]) == [65.0, 70.0, 76.0]


COUNTS = ["backtest_folds", "backtest_points", "inside_80", "inside_95"]


def test_scores_give_the_stored_backtest_of_one_series(warehouse):
    row = forecasts.scores("feedback_received", "474", "Giao thông").iloc[0]
    assert (row["indicator_id"], row["model"], row["mase"], row["coverage_80"], row["coverage_95"],
            row["horizon"]) == ("feedback_received", "MSTL", 1.25, 0.5, 0.875, 2)
    assert [int(row[c]) for c in COUNTS] == [2, 8, 4, 7]   # 2 folds of 4 weeks; 4/8 = 0.5, 7/8 = 0.875
    assert pd.Timestamp(row["made_at"]) == pd.Timestamp(fx.MADE_AT)
    health = forecasts.scores("health_created_pct", "474", "").iloc[0]
    assert [int(health[c]) for c in COUNTS] == [3, 60, 45, 54]
    untested = forecasts.scores("traffic_vehicles", "46", "Lê Lợi").iloc[0]
    assert pd.isna(untested["mase"]) and [int(untested[c]) for c in COUNTS] == [0, 0, 0, 0]
    assert forecasts.scores("traffic_vehicles", "46", "Nowhere").empty


def test_scores_of_a_warehouse_from_before_the_counts_have_null_counts(tmp_path, monkeypatch):
    path = fx.build(tmp_path / "old.duckdb")
    with duckdb.connect(str(path)) as con:
        for column in COUNTS:
            con.execute(f"ALTER TABLE forecasts DROP COLUMN {column}")
    monkeypatch.setattr(config, "WAREHOUSE", path)
    row = forecasts.scores("feedback_received", "474", "Giao thông").iloc[0]
    assert (row["mase"], row["coverage_80"]) == (1.25, 0.5)
    assert all(pd.isna(row[c]) for c in COUNTS)


def test_target_is_the_areas_own_else_the_provinces(warehouse):
    own = forecasts.target("health_created_pct", "476").iloc[0]
    assert (own["target_value"], pd.Timestamp(own["due_date"])) == (90.0, pd.Timestamp(date(2026, 6, 30)))
    inherited = forecasts.target("health_created_pct", "474").iloc[0]
    assert (inherited["target_value"], inherited["area_code"]) == (95.0, "46")
    assert forecasts.target("health_complete_pct", "474").empty
