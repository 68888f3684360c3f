"""The indicator catalogue's queries, each checked against numbers computed here from the hand-written
rows of fixture_kpi (pandas or hand arithmetic), never by running the same SQL. November 2025 is the
month most rows are about; see fixture_kpi for what each row is there to test.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from fixture_kpi import POPULATION, build_kpi, frames

import config
from queries import indicators, kpi, kpi_board
from queries.db import clear_cache
from queries.kpi_periods import Period
from queries.kpi_sql import Query, Sql, bucket, grouped, in_scope

NOV = (date(2025, 11, 1), date(2025, 12, 1))
OCT = (date(2025, 10, 1), date(2025, 11, 1))
DISTRICTS = ["474", "476", "477", "478", "479", "480", "481", "482", "483"]


@pytest.fixture(scope="module", autouse=True)
def kpi_warehouse(tmp_path_factory):
    path = build_kpi(tmp_path_factory.mktemp("kpi") / "warehouse.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", path)
        clear_cache()
        yield path
    clear_cache()


def value(indicator_id: str, window=NOV, level="province", area=None) -> float | None:
    frame = kpi.values(indicator_id, *window, level, area)
    rows = frame[frame["area_code"] == (area or "46")]
    return None if rows.empty else rows["value"].iloc[0]


def by_area(indicator_id: str, window=NOV, level="district") -> dict[str, float]:
    frame = kpi.values(indicator_id, *window, level)
    return dict(zip(frame["area_code"], frame["value"]))


def in_window(frame: pd.DataFrame, column: str, window) -> pd.DataFrame:
    stamps = pd.to_datetime(frame[column])
    return frame[(stamps >= pd.Timestamp(window[0])) & (stamps < pd.Timestamp(window[1]))]


def closed_verified(window=NOV) -> pd.DataFrame:
    reports = frames()["feedback"]
    return in_window(reports[reports["verified"]], "closed_at", window)


# --- citizen feedback ------------------------------------------------------------------------------


def test_reports_received_and_verified_share_count_by_the_day_received():
    received = in_window(frames()["feedback"], "requested_at", NOV)
    assert value("feedback_received") == len(received) == 10
    assert value("feedback_verified_pct") == 100.0 * received["verified"].sum() / len(received)  # 8 of 10
    expected = received.groupby("district_code")["verified"].agg(["sum", "count"])
    got = by_area("feedback_verified_pct")
    assert got == {d: 100.0 * r["sum"] / r["count"] for d, r in expected.iterrows()}


def test_a_district_without_reports_counts_zero_not_missing():
    got = by_area("feedback_received")
    expected = in_window(frames()["feedback"], "requested_at", NOV)["district_code"].value_counts()
    assert got == {d: float(expected.get(d, 0)) for d in DISTRICTS}
    assert got["476"] == 0


def test_on_time_share_counts_verified_reports_closed_in_the_period_with_a_known_outcome():
    closed = closed_verified()
    assert sorted(closed["service_request_id"]) == ["F1", "F10", "F12", "F2", "F3", "F9"]
    # F1, F3, F10 on time; F2, F9 late; F12 has no deadline and no outcome: 3 of 5
    assert value("feedback_on_time_pct") == 60.0
    known = closed.dropna(subset=["on_time"])
    expected = known.groupby("district_code")["on_time"].agg(lambda s: 100.0 * s.astype(bool).sum() / len(s))
    assert by_area("feedback_on_time_pct") == expected.to_dict() == {"474": 50.0, "478": 100.0}


def test_on_time_share_by_commune():
    known = closed_verified().dropna(subset=["on_time"])
    expected = known.groupby("commune_code")["on_time"].agg(lambda s: 100.0 * s.astype(bool).sum() / len(s))
    assert by_area("feedback_on_time_pct", level="commune") == expected.to_dict()


def test_median_handling_days_of_reports_closed_in_the_period():
    closed = closed_verified()
    assert value("feedback_median_days") == closed["handling_working_days"].median() == 4.0  # 0 2 4 13 40
    # an even count takes the mean of the middle two: 474 closed 4, 13, 2, 40 -> 8.5
    assert by_area("feedback_median_days") == {"474": 8.5, "478": 0.0}


def test_satisfaction_is_the_satisfied_share_of_rated_reports_and_exposes_the_rated_share():
    closed = closed_verified()
    rated = closed.dropna(subset=["rating"])
    frame = kpi.values("feedback_satisfaction_pct", *NOV, "province")
    assert frame["value"].iloc[0] == 100.0 * (rated["rating"] == "hài lòng").sum() / len(rated) == 75.0
    assert frame["rated_pct"].iloc[0] == 100.0 * len(rated) / len(closed)  # 4 of 6


def test_open_past_deadline_is_a_snapshot_at_the_end_of_the_period():
    # end of November: F4 still open, F5 closed in December, F11 closed at 00:00 on 1 December;
    # F6 is due on 1 December, F9 closed on 12 November
    assert value("feedback_open_overdue") == 3
    assert value("feedback_open_overdue", OCT) == 1  # F9, due 24 September
    got = by_area("feedback_open_overdue")
    assert (got["474"], got["478"], got["476"]) == (1, 2, 0)


def test_reports_per_10k_residents_divide_by_the_estimated_population():
    received = in_window(frames()["feedback"], "requested_at", NOV)
    assert value("feedback_per_10k") == 10 * 10_000 / POPULATION["46"]
    communes = by_area("feedback_per_10k", level="commune")
    counts = received["commune_code"].value_counts()
    assert communes == {c: 10_000.0 * counts.get(c, 0) / POPULATION[c] for c in ("19753", "19756", "19990")}
    assert communes["19753"] == 2 * 10_000 / 12_000  # F2, F11


# --- health, schools, traffic ----------------------------------------------------------------------


def test_health_shares_come_from_the_latest_month_of_the_period():
    health = frames()["health"]
    november = health[health["period"] == date(2025, 11, 1)]
    created = 100.0 * november["records_created"].sum() / november["population"].sum()
    assert value("health_created_pct") == created == 74.5
    assert value("health_complete_pct") == 48.5
    q4 = (date(2025, 10, 1), date(2026, 1, 1))
    assert value("health_created_pct", q4) == created  # the quarter's latest month is November
    assert value("health_created_pct", OCT) == 100.0 * 22_100 / 29_000
    districts = by_area("health_created_pct")
    assert districts == {"474": created}  # 478 has no November row


def test_smart_upper_secondary_schools_and_broadband_come_from_the_school_year_at_period_end():
    august = (date(2025, 8, 1), date(2025, 9, 1))  # school year 2024-2025
    assert value("schools_smart_thpt", august) == 1
    assert value("schools_broadband_pct", august) == 50.0  # S3 did not answer
    assert value("schools_smart_thpt") == 2  # 2025-2026: S1, S2; S3 is not THPT; S4 has none
    assert value("schools_broadband_pct") == 75.0
    assert by_area("schools_smart_thpt") == {"474": 1, "478": 1}
    assert by_area("schools_broadband_pct") == {"474": 200 / 3, "478": 100.0}


def test_congestion_hours_sum_the_sensors_of_each_area():
    daily = in_window(frames()["daily"], "day", NOV)
    assert value("traffic_congestion_hours") == daily["congestion_hours"].sum() == 6
    # areas without a sensor have no value, not zero
    assert by_area("traffic_congestion_hours") == {"474": 5, "478": 1}


def test_crashes_deaths_and_injuries_count_collisions_only():
    crashes = in_window(frames()["incidents"], "occurred_at", NOV)
    crashes = crashes[crashes["kind"] == "va chạm"]
    assert value("traffic_crashes") == len(crashes) == 2
    assert value("traffic_deaths") == crashes["deaths"].sum() == 1
    assert value("traffic_injuries") == crashes["injuries"].sum() == 5
    got = by_area("traffic_injuries")
    assert (got["474"], got["478"], got["476"]) == (2, 3, 0)
    assert value("traffic_crashes", (date(2025, 12, 1), date(2026, 1, 1))) == 1  # at 00:00 on 1 December


# --- the generic entry points ----------------------------------------------------------------------


def test_values_of_an_area_keep_that_area_or_the_areas_inside_it():
    assert set(kpi.values("feedback_received", *NOV, "commune", "474")["area_code"]) == {"19753", "19756"}
    one = kpi.values("feedback_received", *NOV, "district", "478")
    assert one.to_dict("records") == [{"area_code": "478", "value": 5.0}]  # F4 F5 F6 F7 F10


def test_series_gives_one_value_per_period_ending_with_the_one_holding_end():
    series = kpi.series("feedback_received", "month", 3, date(2025, 11, 17))
    assert list(series["period_start"].dt.date) == [date(2025, 9, 1), date(2025, 10, 1), date(2025, 11, 1)]
    assert list(series["value"]) == [1, 1, 10]
    district = kpi.series("feedback_on_time_pct", "quarter", 2, date(2025, 12, 31), "474")
    # Q3 has no closure in 474; Q4: F1 and F3 on time, F2, F9 and F11 (closed in December) late
    assert list(district["value"]) == [100.0 * 2 / 5]


def test_one_statement_for_many_indicators_gives_what_each_gives_alone():
    scope = kpi.period_scope(Period("month", date(2025, 11, 1)).back(3), ("province", "district"))
    ids = [entry.id for entry in indicators.all_indicators()]
    together = kpi.table(ids, scope)
    for indicator_id in ids:
        alone = kpi.table([indicator_id], scope)
        part = together[together["indicator_id"] == indicator_id].reset_index(drop=True)
        pd.testing.assert_frame_equal(part[alone.columns], alone)


def test_a_registered_indicator_is_computed_with_the_others():
    def closed_reports(scope):
        date_sql, where = bucket("closed_at", scope), in_scope("closed_at", scope)
        facts = Sql(
            f"SELECT {date_sql.text} AS period_start, district_code, commune_code FROM feedback "
            f"WHERE {where.text}",
            date_sql.params + where.params,
        )
        counts = grouped("test_closed", facts, Sql("count(*) AS closed"), scope)
        return Query(Sql("SELECT period_start, area_code, closed AS value FROM test_closed"), (counts,))

    indicators.register(
        indicators.Indicator("test_closed", "count", "up", "sum", closed_reports, "/feedback")
    )
    try:
        assert "test_closed" in [e.id for e in indicators.headline()]
        reports = in_window(frames()["feedback"], "closed_at", NOV)
        assert value("test_closed") == len(reports)
        board = kpi_board.board(Period("month", date(2025, 11, 1)))
        row = board[(board["indicator_id"] == "test_closed") & (board["area_code"] == "474")].iloc[0]
        assert row["value"] == (reports["district_code"] == "474").sum()
    finally:
        indicators.unregister("test_closed")


def test_data_dates_span_the_fact_tables():
    dates = kpi.data_dates().iloc[0]
    assert pd.Timestamp(dates["first"]).date() == date(2025, 9, 15)  # F9
    assert pd.Timestamp(dates["last"]).date() == date(2025, 12, 1)  # traffic on 1 December
