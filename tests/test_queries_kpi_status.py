"""Targets, the status rule, the overview board and reporting periods, checked against hand arithmetic
on the rows of fixture_kpi."""

from __future__ import annotations

from datetime import date

import pytest
from fixture_kpi import ILLUSTRATIVE, build_kpi

import config
from queries import indicators, kpi_board, kpi_periods
from queries.db import clear_cache
from queries.kpi_periods import Period
from queries.kpi_status import Target, status, target_for, target_rows, targets

NOVEMBER = Period("month", date(2025, 11, 1))


@pytest.fixture(scope="module", autouse=True)
def kpi_warehouse(tmp_path_factory):
    path = build_kpi(tmp_path_factory.mktemp("kpi_status") / "warehouse.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", path)
        clear_cache()
        yield path
    clear_cache()


def target(indicator_id: str, area: str, grain: str = "month") -> Target | None:
    return target_for(indicators.get(indicator_id), area, "46", grain, target_rows(targets()))


# --- which target applies ----------------------------------------------------------------------------


def test_an_area_row_comes_first_then_the_province_row_then_the_catalogue_default():
    assert (target("feedback_on_time_pct", "474").value, target("feedback_on_time_pct", "474").basis) == (
        52.0,
        "area",
    )
    province = target("feedback_on_time_pct", "478")
    assert (province.value, province.basis, province.due_date) == (90.0, "province", date(2025, 12, 31))
    default = target("feedback_median_days", "478")
    assert (default.value, default.basis, default.legal_source) == (7.0, "default", None)
    assert target("feedback_per_10k", "46") is None


def test_a_province_count_is_no_target_for_a_district():
    assert target("traffic_crashes", "474") is None
    assert target("schools_smart_thpt", "474") is None
    assert target("schools_smart_thpt", "46").value == 2.0  # a stock: not scaled to the period


def test_a_yearly_target_of_a_flow_is_split_over_the_period():
    month, quarter, year = (target("traffic_crashes", "46", g) for g in ("month", "quarter", "year"))
    assert (month.value, month.yearly_value) == (2.0, 24.0)
    assert (quarter.value, quarter.yearly_value) == (6.0, 24.0)
    assert (year.value, year.yearly_value) == (24.0, None)


def test_an_illustrative_target_is_flagged_as_an_estimate():
    assert target("feedback_on_time_pct", "478").estimate
    assert not target("feedback_on_time_pct", "474").estimate
    assert Target(1, None, ILLUSTRATIVE.replace("hoạ", "họa"), "area").estimate  # either accent placement


# --- the status rule ---------------------------------------------------------------------------------

UP, DOWN = Target(90.0, date(2025, 12, 31), None, "area"), Target(10.0, date(2025, 12, 31), None, "area")


def test_status_is_on_target_on_the_good_side_and_off_target_beyond_five_percent():
    assert status(90.0, UP, "up") == "on_target"
    assert status(85.6, UP, "up") == "at_risk"  # 4.4 short, within 5 % of 90 (4.5)
    assert status(85.4, UP, "up") == "off_target"  # 4.6 short
    assert status(10.4, DOWN, "down") == "at_risk"
    assert status(10.6, DOWN, "down") == "off_target"
    assert status(9.0, DOWN, "down") == "on_target"


def test_status_without_a_value_or_a_target():
    assert status(None, UP, "up") == "no_data"
    assert status(float("nan"), UP, "up") == "no_data"
    assert status(50.0, None, "up") == "no_target"


def test_on_target_but_heading_to_miss_it_by_the_due_date_is_at_risk():
    june = Period("month", date(2025, 6, 1))  # six months to the due date
    falling = [96.0, 94.0, 92.0]  # -2 a month: 80 by December
    assert status(92.0, UP, "up", falling, june) == "at_risk"
    assert status(92.0, UP, "up", [91.0, 91.5, 92.0], june) == "on_target"
    december = Period("month", date(2025, 12, 1))  # the due date is reached: no projection
    assert status(92.0, UP, "up", falling, december) == "on_target"
    assert status(92.0, UP, "up", [None, 94.0, 92.0], june) == "on_target"  # too short a trend


# --- the board -----------------------------------------------------------------------------------------


def row(board, indicator_id: str, area: str) -> dict:
    return board[(board["indicator_id"] == indicator_id) & (board["area_code"] == area)].iloc[0].to_dict()


def test_the_board_compares_each_value_with_its_target_and_the_previous_periods():
    board = kpi_board.board(NOVEMBER)
    province = row(board, "feedback_on_time_pct", "46")
    assert (province["value"], province["target"], province["status"]) == (60.0, 90.0, "off_target")
    assert province["shortfall"] == pytest.approx(30 / 90)
    assert province["target_estimate"] and province["legal_source"] == ILLUSTRATIVE
    hue = row(board, "feedback_on_time_pct", "474")  # 50 % against its own 52 %: within 5 %
    assert (hue["value"], hue["target"], hue["status"]) == (50.0, 52.0, "at_risk")
    received = row(board, "feedback_received", "46")
    assert (received["value"], received["previous"], received["status"]) == (10, 1, "no_target")
    crashes = row(board, "traffic_crashes", "46")  # 2 in November against 24 a year
    assert (crashes["value"], crashes["previous"], crashes["target"], crashes["status"]) == (
        2,
        1,
        2.0,
        "on_target",
    )
    satisfaction = row(board, "feedback_satisfaction_pct", "46")
    assert satisfaction["detail"] == 100.0 * 4 / 6  # the rated share


def test_needs_attention_lists_off_target_before_at_risk_worst_first():
    board = kpi_board.board(NOVEMBER)
    attention = kpi_board.needs_attention(board)
    pairs = list(zip(attention["indicator_id"], attention["area_code"], attention["status"]))
    assert pairs[0] == ("feedback_on_time_pct", "46", "off_target")
    assert ("feedback_on_time_pct", "474", "at_risk") in pairs
    statuses = list(attention["status"])
    assert statuses == sorted(statuses, key=lambda s: s != "off_target")
    assert set(kpi_board.needs_attention(board, "474")["area_code"]) == {"474"}


def test_sparklines_hold_the_last_twelve_periods_with_a_value():
    lines = kpi_board.sparklines(kpi_board.history(NOVEMBER), "46", NOVEMBER)
    received = lines["feedback_received"]
    assert [start.date() for start in received.starts] == [date(2025, 9, 1), date(2025, 10, 1), date(2025, 11, 1)]
    assert received.values == [1, 1, 10]


# --- periods -------------------------------------------------------------------------------------------


def test_periods_have_keys_ends_and_neighbours():
    q4 = kpi_periods.parse("quarter", "2025-Q4")
    assert (q4.start, q4.end, q4.last_day, q4.key) == (
        date(2025, 10, 1),
        date(2026, 1, 1),
        date(2025, 12, 31),
        "2025-Q4",
    )
    assert q4.shift(-4).key == "2024-Q4"
    assert [p.key for p in Period("month", date(2025, 2, 1)).back(3)] == ["2024-12", "2025-01", "2025-02"]
    assert kpi_periods.parse("month", "2025-13") is None
    assert kpi_periods.parse("year", "2025-12") is None
    assert kpi_periods.parse("week", "2025") is None


def test_the_latest_complete_period_needs_data_up_to_its_last_day():
    assert kpi_periods.latest_complete("month", date(2025, 12, 31)).key == "2025-12"
    assert kpi_periods.latest_complete("month", date(2025, 12, 30)).key == "2025-11"
    assert kpi_periods.latest_complete("quarter", date(2025, 12, 1)).key == "2025-Q3"
    assert kpi_periods.latest_complete("year", date(2025, 12, 31)).key == "2025"
    keys = [p.key for p in kpi_periods.complete_periods("quarter", date(2025, 2, 3), date(2025, 12, 1))]
    assert keys == ["2025-Q3", "2025-Q2", "2025-Q1"]
    assert kpi_periods.periods_between(NOVEMBER, date(2026, 3, 31)) == 4
    assert kpi_periods.periods_between(NOVEMBER, date(2025, 11, 30)) == 0
