"""Every question the feedback page asks, checked against figures computed here in Python from the
hand-written reports of ``fixture_feedback`` (January 2025, across the Tết break)."""

from __future__ import annotations

import statistics
from collections import Counter
from datetime import date

import fixture_feedback as fx
import numpy as np
import pandas as pd
import pytest

import config
from etl.workdays import working_days_between
from queries import feedback, feedback_handling, feedback_map, feedback_records, feedback_volume
from queries.db import clear_cache

JANUARY = feedback.Filters(*fx.PERIOD)


@pytest.fixture(scope="module", autouse=True)
def feedback_warehouse(tmp_path_factory):
    path = fx.build(tmp_path_factory.mktemp("feedback") / "warehouse.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", path)
        clear_cache()
        yield path
    clear_cache()


def picked(**match) -> list[fx.Report]:
    """January's reports matching attribute values (``picked(agency=fx.HEPCO)``)."""
    return [r for r in fx.REPORTS if fx.in_period(r) and all(getattr(r, k) == v for k, v in match.items())]


def handled(reports) -> list[fx.Report]:
    return [r for r in reports if r.on_time is not None]


def p90(values) -> float:
    return float(np.percentile(values, 90))  # linear interpolation, as quantile_cont


def test_the_report_spanning_tet_counts_working_days_only():
    r3 = next(r for r in fx.REPORTS if r.id == "R3")
    # Fri 24/01 -> Wed 05/02: 27/01-02/02 are Tết and weekend days, so only 03, 04 and 05/02 count
    assert r3.handling_days == 3 and r3.deadline == date(2025, 2, 11) and r3.on_time
    frame = feedback_records.records(JANUARY, 0, 50)
    row = frame[frame["id"] == "R3"].iloc[0]
    assert row["handling_days"] == 3 and row["on_time"] and row["status"] == "on_time"


def test_summary_counts_each_step_and_the_working_day_median():
    month = picked()
    done = handled(month)
    days = [r.handling_days for r in done]
    ratings = Counter(r.rating for r in month if r.rating)
    row = feedback_volume.summary(JANUARY).iloc[0]
    assert row["received"] == len(month) == 13
    assert row["verified"] == sum(r.verified for r in month) == 10
    assert row["handled"] == len(done) == 8
    assert row["on_time"] == sum(r.on_time for r in done) == 6
    assert row["late"] == 2 and row["still_open"] == 2
    assert (row["rated"], row["satisfied"], row["acceptable"], row["dissatisfied"]) == (
        6,
        ratings["hài lòng"],
        ratings["chấp nhận"],
        ratings["không hài lòng"],
    )
    assert row["median_days"] == statistics.median(days) == 2.5
    assert row["p90_days"] == pytest.approx(p90(days)) and row["p90_days"] == pytest.approx(8.9)


def test_on_time_share_per_agency_median_p90_satisfaction_and_open_past_deadline(monkeypatch):
    monkeypatch.setattr(feedback_handling, "MIN_HANDLED_TO_RANK", 2)
    frame = feedback_handling.agencies(JANUARY, fx.AS_OF).set_index("agency")
    for agency in (fx.HEPCO, fx.PHU_HOI, fx.GTVT):
        reports = picked(agency=agency)
        done = handled(reports)
        rated = [r for r in reports if r.rating]
        row = frame.loc[agency]
        assert row["reports"] == len(reports) and row["handled"] == len(done)
        assert row["on_time_pct"] == pytest.approx(100 * sum(r.on_time for r in done) / len(done))
        assert row["median_days"] == statistics.median(r.handling_days for r in done)
        assert row["p90_days"] == pytest.approx(p90([r.handling_days for r in done]))
        assert row["rated"] == len(rated)
        assert row["satisfaction_pct"] == pytest.approx(
            100 * sum(r.rating == "hài lòng" for r in rated) / len(rated)
        )
        late_open = [
            r for r in fx.REPORTS if r.agency == agency and fx.open_at(r, fx.AS_OF) and r.deadline < fx.AS_OF
        ]
        assert row["open_past_deadline"] == len(late_open)
    assert frame.loc[fx.HEPCO, "open_past_deadline"] == 1  # R11, open since December
    assert list(frame.index) == [fx.PHU_HOI, fx.HEPCO, fx.GTVT]  # 100 %, 66,7 %, 50 %
    assert list(frame["rank"]) == [1, 2, 3]


def test_units_with_too_few_handled_reports_are_listed_but_not_ranked():
    frame = feedback_handling.agencies(JANUARY, fx.AS_OF)
    assert frame["rank"].isna().all() and len(frame) == 3


def test_backlog_age_bands_count_working_days_across_tet():
    open_then = [r for r in fx.REPORTS if fx.open_at(r, fx.AS_OF)]
    ages = {r.id: working_days_between(r.requested.date(), fx.AS_OF, fx.CAL) for r in open_then}
    assert ages == {"R4": 6, "R5": 21, "R6": 5, "R11": 43}

    def band(age):
        return "le_7" if age <= 7 else "8_14" if age <= 14 else "15_30" if age <= 30 else "gt_30"

    expected = Counter(band(a) for a in ages.values())
    past = Counter(band(ages[r.id]) for r in open_then if r.deadline < fx.AS_OF)
    frame = feedback_handling.backlog_by_age(JANUARY, fx.AS_OF)
    assert list(frame["band"]) == ["le_7", "8_14", "15_30", "gt_30"]
    assert dict(zip(frame["band"], frame["reports"])) == {b: expected[b] for b in frame["band"]}
    assert dict(zip(frame["band"], frame["past_deadline"])) == {b: past[b] for b in frame["band"]}


def test_backlog_on_an_earlier_day_counts_reports_closed_later_as_open():
    day = date(2025, 1, 10)
    frame = feedback_handling.backlog_by_age(JANUARY, day)
    open_then = {r.id for r in fx.REPORTS if fx.open_at(r, day)}
    assert open_then == {"R2", "R5", "R9", "R11"}  # R2 and R9 closed after 10/01
    assert frame["reports"].sum() == len(open_then)


def test_filters_narrow_every_count():
    def received(**kw):
        return int(feedback_volume.summary(feedback.Filters(*fx.PERIOD, **kw)).at[0, "received"])

    assert received(status="late") == sum(r.on_time is False for r in picked()) == 2
    assert received(status="open") == sum(r.verified and r.closed is None for r in picked()) == 2
    assert received(status="not_verified") == 3 and received(status="on_time") == 6
    assert received(agency=fx.HEPCO) == len(picked(agency=fx.HEPCO))
    assert received(channel="hotline") == 1 and received(district="478") == 2
    assert received(commune="19756") == 3 and received(category="GT") == 3


def test_volume_per_month_and_category_with_last_year_on_this_years_month():
    frame = feedback_volume.volume_over_time(JANUARY, "month", "category")
    counts = Counter(r.code for r in picked())
    assert dict(zip(frame["key"], frame["reports"])) == dict(counts)
    assert set(frame["bucket"].astype(str)) == {"2025-01-01"}
    previous = feedback_volume.volume_previous_year(JANUARY, "month")
    last_year = [r for r in fx.REPORTS if fx.in_period(r, date(2024, 1, 1), date(2024, 1, 31))]
    assert previous["bucket"].astype(str).tolist() == ["2025-01-01"]
    assert previous["reports"].tolist() == [len(last_year)]


def test_weekly_volume_starts_on_mondays():
    frame = feedback_volume.volume_over_time(JANUARY, "week", "channel")
    weeks = frame.groupby("bucket")["reports"].sum()
    assert all(day.weekday() == 0 for day in weeks.index)
    assert weeks.sum() == 13 and weeks[pd.Timestamp(2025, 1, 27)] == 1  # R6, received Thursday 30/01


def test_shares_by_channel_and_reasons_not_verified():
    frame = feedback_volume.volume_by(JANUARY, "channel").set_index("key")
    counts = Counter(r.channel for r in picked())
    assert frame["reports"].to_dict() == dict(counts)
    assert frame.loc["app", "share_pct"] == pytest.approx(100 * counts["app"] / 13)
    reasons = feedback_volume.not_verified_reasons(JANUARY).set_index("reason")
    assert reasons["reports"].to_dict() == {"duplicate": 2, "spam": 1}
    assert reasons.loc["duplicate", "share_pct"] == pytest.approx(100 * 2 / 13)


def test_reports_per_10k_residents_lists_every_district_then_the_communes_of_one():
    frame = feedback_volume.per_10k(JANUARY).set_index("code")
    assert len(frame) == 9 and frame.loc["476", "reports"] == 0
    assert frame.loc["474", "reports"] == 11
    assert frame.loc["474", "per_10k"] == pytest.approx(10_000 * 11 / 355_000)
    assert (frame["population_basis"] == "estimate").all()
    communes = feedback_volume.per_10k(feedback.Filters(*fx.PERIOD, district="474", commune="19753"))
    assert dict(zip(communes["code"], communes["reports"])) == {"19753": 8, "19756": 3}


def test_handling_time_percentiles_per_category():
    frame = feedback_handling.handling_days_by_category(JANUARY).set_index("key")
    for code in ("VSMT", "TTDT", "GT"):
        days = [r.handling_days for r in handled(picked(code=code))]
        row = frame.loc[code]
        assert row["handled"] == len(days)
        for q in (10, 25, 50, 75, 90):
            assert row[f"p{q}"] == pytest.approx(float(np.percentile(days, q)))
        assert row["deadline_days"] == 7


def test_ratings_over_time_and_by_category_carry_how_many_answered():
    month = feedback_handling.ratings_over_time(JANUARY, "month").iloc[0]
    assert (
        month["handled"],
        month["rated"],
        month["satisfied"],
        month["acceptable"],
        month["dissatisfied"],
    ) == (8, 6, 4, 1, 1)
    by_category = feedback_handling.ratings_by_category(JANUARY).set_index("key")
    assert by_category.loc[
        "VSMT", ["handled", "rated", "satisfied", "acceptable", "dissatisfied"]
    ].tolist() == [3, 3, 1, 1, 1]
    assert by_category.loc["TTDT", ["handled", "rated", "satisfied"]].tolist() == [3, 2, 2]


def test_map_counts_per_commune_and_coarsened_cells_with_small_ones_left_out():
    communes = feedback_map.reports_per_commune(JANUARY).set_index("code")
    assert communes["reports"].to_dict() == {"19753": 8, "19756": 3, "19990": 2}
    assert communes.loc["19753", "per_10k"] == pytest.approx(10_000 * 8 / 12_000)
    view = (16.40, 107.50, 16.52, 107.65)
    cells = feedback_map.cells_in_view(JANUARY, view)
    assert cells[["lat", "lon", "reports"]].values.tolist() == [[16.461, 107.590, 6.0]]
    summary = feedback_map.cells_in_view_count(JANUARY, view).iloc[0]
    assert (summary["cells"], summary["cells_shown"], summary["reports"], summary["reports_shown"]) == (
        4,
        1,
        13,
        6,
    )
    assert feedback_map.cells_in_view(JANUARY, (16.0, 107.0, 16.1, 107.1)).empty


def test_cells_are_capped_per_response(monkeypatch):
    monkeypatch.setattr(feedback_map, "MIN_CELL_REPORTS", 1)
    monkeypatch.setattr(feedback_map, "MAX_CELLS", 2)
    cells = feedback_map.cells_in_view(JANUARY, (16.40, 107.50, 16.52, 107.65))
    assert cells["reports"].tolist() == [6, 3]


def test_boundaries_carry_geometry_and_centre_points():
    frame = feedback_map.boundaries().set_index("code")
    assert list(frame.index) == ["19753", "19756", "19990"]
    assert frame.loc["19753", "geometry"].startswith('{"type":"Polygon"')
    assert frame.loc["19990", "parent_code"] == "478"


def test_records_mask_phone_numbers_and_names_and_carry_no_personal_columns():
    frame = feedback_records.records(JANUARY, 0, 50).set_index("id")
    assert not {"reporter_hash", "address", "lat", "lon"} & set(frame.columns)
    assert frame.loc["R1", "description"] == "Rác ứ đọng, gọi anh *** ***"
    assert frame.loc["R2", "description"] == "*** báo nước thải chảy ra đường"
    assert frame.loc["R8", "description"] == "Ngập nước trên đường Bà Triệu, chị *** báo"
    assert frame.loc["R9", "description"] == "-5 đèn tín hiệu hỏng"
    assert frame.loc["R1", "commune"] == "Phú Hội" and frame.loc["R9", "commune"] == "Phú Thuận"
    assert dict(frame["status"].value_counts()) == {"on_time": 6, "not_verified": 3, "late": 2, "open": 2}


def test_record_pages_follow_the_requested_order_newest_first_by_default():
    newest = sorted(picked(), key=lambda r: r.requested, reverse=True)
    first = feedback_records.records(JANUARY, 0, 5)
    assert first["id"].tolist() == [r.id for r in newest[:5]]
    second = feedback_records.records(JANUARY, 5, 5)
    assert second["id"].tolist() == [r.id for r in newest[5:10]]
    by_days = feedback_records.records(JANUARY, 0, 3, [{"colId": "handling_days", "sort": "desc"}])
    assert by_days["id"].tolist() == ["R2", "R9", "R6"]
    hostile = feedback_records.records(JANUARY, 0, 2, [{"colId": "1; DROP TABLE feedback", "sort": "asc"}])
    assert hostile["id"].tolist() == [r.id for r in newest[:2]]
    assert feedback_records.record_count(JANUARY).at[0, "n"] == 13


def test_filter_lists_period_and_target():
    span = feedback.data_range().iloc[0]
    assert (span["first_day"].date(), span["last_day"].date()) == (date(2024, 1, 10), date(2025, 2, 3))
    target = feedback.on_time_target().iloc[0]
    assert (target["target_value"], target["legal_source"]) == (90.0, fx.TARGET[4])
    assert feedback.communes("478")["code"].tolist() == ["19990"]
    assert feedback.districts()["code"].tolist()[:2] == ["474", "476"]
    assert feedback.categories()["code"].tolist()[0] == "VSMT"
    assert feedback.agencies()["agency"].tolist() == sorted({r.agency for r in fx.REPORTS if r.agency})
