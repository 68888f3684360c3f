"""Traffic queries, each checked against numbers computed here with pandas from the hand-written hourly
counts and incidents of fixture_traffic and, at the end, from the demo generator's raw exports."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from fixture_traffic import CORRIDOR_A, CORRIDOR_B, INCIDENTS, PARTIAL_DAY, build_traffic, counts

import config
from queries import traffic, traffic_calendar, traffic_crashes, traffic_kpis
from queries.db import clear_cache
from queries.traffic import TrafficFilter


@pytest.fixture(scope="module", autouse=True)
def traffic_warehouse(tmp_path_factory):
    path = build_traffic(tmp_path_factory.mktemp("traffic") / "warehouse.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", path)
        clear_cache()
        yield path
    clear_cache()


SPRING = TrafficFilter(date(2025, 2, 1), date(2025, 4, 30))
RATIO = 0.85


def in_period(frame: pd.DataFrame, f: TrafficFilter) -> pd.DataFrame:
    keep = (frame["day"] >= f.start) & (frame["day"] <= f.end)
    if f.corridors:
        keep &= frame["corridor"].isin(f.corridors)
    if f.district:
        keep &= frame["district_code"] == f.district
    return frame[keep]


def congested(frame: pd.DataFrame) -> pd.Series:
    return frame["vehicles"] > RATIO * frame["capacity_veh_h"]


def incidents() -> pd.DataFrame:
    columns = ["incident_id", "occurred_at", "kind", "severity", "deaths", "injuries", "road_type",
               "corridor", "lat", "lon", "district_code"]
    return pd.DataFrame(INCIDENTS, columns=columns)


def crashes_in(f: TrafficFilter) -> pd.DataFrame:
    frame = incidents()
    keep = (frame["kind"] == "va chạm") & (frame["occurred_at"].dt.date >= f.start) & (
        frame["occurred_at"].dt.date <= f.end)
    if f.corridors:
        keep &= frame["corridor"].isin(f.corridors)
    if f.district:
        keep &= frame["district_code"] == f.district
    return frame[keep]


def kpi_row(f: TrafficFilter, period: str = "current") -> pd.Series:
    return traffic_kpis.kpis(f).set_index("period").loc[period]


def test_an_hour_is_congested_only_above_85_percent_of_capacity():
    hours = counts()
    edge = hours[(hours["sensor_id"] == "A-1") & (hours["hour_start"].isin(
        pd.to_datetime(["2025-03-03 07:00", "2025-03-03 08:00"])))]
    assert list(edge["vehicles"]) == [850, 851] and list(congested(edge)) == [False, True]
    got = kpi_row(SPRING)
    now = in_period(hours, SPRING)
    assert got["congestion_hours"] == congested(now).sum() > 0
    assert got["hours_counted"] == len(now)


def test_vehicles_per_day_is_per_counting_point_over_a_corridor_with_several_sensors():
    f = TrafficFilter(SPRING.start, SPRING.end, corridors=(CORRIDOR_A,))
    now = in_period(counts(), f)
    got = kpi_row(f)
    assert got["sensors"] == now["sensor_id"].nunique() == 3
    # a day counted for 12 hours weighs half a day, so the partial day does not drag the mean down
    assert (now["day"] == PARTIAL_DAY).sum() == 12
    assert got["vehicles_per_day"] == pytest.approx(24 * now["vehicles"].sum() / len(now), rel=1e-12)
    assert got["vehicles"] == now["vehicles"].sum()
    assert got["congestion_hours"] == congested(now).sum()


def test_the_same_period_last_year_is_the_comparison_row():
    f = TrafficFilter(date(2025, 3, 1), date(2025, 3, 31))
    before = in_period(counts(), TrafficFilter(date(2024, 3, 1), date(2024, 3, 31)))
    got = kpi_row(f, "previous")
    assert got["vehicles"] == before["vehicles"].sum()
    assert got["congestion_hours"] == congested(before).sum()
    assert got["vehicles_per_day"] == pytest.approx(24 * before["vehicles"].sum() / len(before), rel=1e-12)
    assert (got["crashes"], got["deaths"], got["injuries"]) == (1, 0, 1)  # C6, 10/3/2024


def test_a_vehicle_type_counts_only_that_type_and_congestion_stays_on_all_vehicles():
    f = TrafficFilter(SPRING.start, SPRING.end, vehicle="cars")
    now = in_period(counts(), f)
    got = kpi_row(f)
    assert got["vehicles"] == now["cars"].sum()
    assert got["vehicles_per_day"] == pytest.approx(24 * now["cars"].sum() / len(now), rel=1e-12)
    assert got["congestion_hours"] == congested(now).sum()


def test_a_district_keeps_its_sensors_and_its_crashes():
    f = TrafficFilter(date(2025, 1, 1), date(2025, 12, 31), district="474")
    now = in_period(counts(), f)
    got = kpi_row(f)
    assert set(now["sensor_id"]) == {"A-1", "A-2"}
    assert got["sensors"] == 2 and got["vehicles"] == now["vehicles"].sum()
    crashes = crashes_in(f)
    assert (got["crashes"], got["deaths"], got["injuries"]) == (
        len(crashes), crashes["deaths"].sum(), crashes["injuries"].sum()) == (2, 1, 2)


def test_crashes_count_only_collisions_and_the_last_day_until_midnight():
    f = TrafficFilter(date(2025, 3, 1), date(2025, 4, 30))
    got = kpi_row(f)
    expected = crashes_in(f)
    assert list(expected["incident_id"]) == ["C1", "C2", "C4"]  # J1 (jam) and F1 (flood) are left out
    assert (got["crashes"], got["deaths"], got["injuries"]) == (3, 1, 3)


def test_volume_series_per_day_and_per_week_and_corridor():
    f = TrafficFilter(date(2025, 3, 1), date(2025, 3, 31))
    now = in_period(counts(), f)
    daily = traffic.volume_series(f, "day")
    expected = now.groupby(["corridor", "day"]).agg(v=("vehicles", "sum"), h=("vehicles", "size"))
    expected = expected.reset_index()
    assert len(daily) == len(expected) == 4
    for got, want in zip(daily.to_dict("records"), expected.to_dict("records")):
        assert (got["corridor"], got["period_start"].date()) == (want["corridor"], want["day"])
        assert got["vehicles_per_day"] == pytest.approx(24 * want["v"] / want["h"], rel=1e-12)
    weekly = traffic.volume_series(f, "week").set_index(["corridor", "period_start"])
    week = now[now["day"].isin([date(2025, 3, 3), date(2025, 3, 8)])]  # Monday 3 and Saturday 8 March
    a = week[week["corridor"] == CORRIDOR_A]
    assert weekly.loc[(CORRIDOR_A, pd.Timestamp("2025-03-03")), "vehicles_per_day"] == pytest.approx(
        24 * a["vehicles"].sum() / len(a), rel=1e-12)


def test_hour_of_week_covers_the_whole_months_of_the_period():
    f = TrafficFilter(date(2025, 3, 5), date(2025, 3, 6))  # two days, yet March is read whole
    march = counts()[lambda c: c["hour_start"].dt.month.eq(3) & c["hour_start"].dt.year.eq(2025)]
    got = traffic.hour_of_week(f).set_index(["weekday", "hour"])
    monday_8 = march[(march["hour_start"].dt.dayofweek == 0) & (march["hour_start"].dt.hour == 8)]
    assert got.loc[(1, 8), "vehicles_per_hour"] == pytest.approx(monday_8["vehicles"].mean(), rel=1e-12)
    assert got.loc[(1, 8), "congested_pct"] == pytest.approx(100 * congested(monday_8).mean(), rel=1e-12)
    assert set(got.index.get_level_values("weekday")) == {1, 6}


def test_the_ranking_covers_every_corridor_whatever_the_corridor_filter():
    f = TrafficFilter(SPRING.start, SPRING.end, corridors=(CORRIDOR_B,))
    now = in_period(counts(), SPRING)
    got = traffic.corridor_ranking(f).set_index("corridor")
    hours = congested(now).groupby(now["corridor"]).sum().sort_values(ascending=False)
    assert list(got.index) == list(hours.index) and hours.iloc[0] > hours.iloc[1] > 0  # most first
    for corridor, part in now.groupby("corridor"):
        ratio = part["vehicles"] / part["capacity_veh_h"]
        daily_peak = ratio.groupby([part["sensor_id"], part["day"]]).max()
        assert got.loc[corridor, "congestion_hours"] == congested(part).sum()
        assert got.loc[corridor, "mean_peak_ratio"] == pytest.approx(daily_peak.mean(), rel=1e-12)
        assert got.loc[corridor, "max_peak_ratio"] == pytest.approx(daily_peak.max(), rel=1e-12)


def test_sensor_status_and_profile_of_one_sensor():
    f = TrafficFilter(date(2025, 3, 1), date(2025, 3, 31), district="474")
    status = traffic.sensor_status(f).set_index("sensor_id")
    assert list(status.index) == ["A-1", "A-2"]
    a1 = in_period(counts(), f)[lambda c: c["sensor_id"] == "A-1"]
    assert status.loc["A-1", "congestion_hours"] == congested(a1).sum()
    assert status.loc["A-1", "vehicles_per_day"] == pytest.approx(24 * a1["vehicles"].mean(), rel=1e-12)
    profile = traffic.sensor_profile("A-1", f).set_index(["day_type", "hour"])
    weekend_17 = a1[(a1["hour_start"].dt.dayofweek >= 5) & (a1["hour_start"].dt.hour == 17)]
    assert profile.loc[("weekend", 17), "vehicles_per_hour"] == weekend_17["vehicles"].mean()
    assert profile["capacity_veh_h"].unique().tolist() == [1000]
    assert profile["district_vi"].unique().tolist() == ["Huế"]


def test_without_a_sensor_the_profile_is_the_most_congested_sensors():
    f = TrafficFilter(SPRING.start, SPRING.end, corridors=(CORRIDOR_A,))
    now = in_period(counts(), f)
    hours = congested(now).groupby(now["sensor_id"]).sum().sort_values(ascending=False)
    assert hours.iloc[0] > hours.iloc[1]
    assert set(traffic.sensor_profile(None, f)["sensor_id"]) == {hours.index[0]}
    b_only = TrafficFilter(SPRING.start, SPRING.end, district="478")
    assert set(traffic.sensor_profile(None, b_only)["sensor_id"]) == {"B-1"}
    assert traffic.sensor_profile(None, TrafficFilter(date(2019, 1, 1), date(2019, 1, 31))).empty


def test_a_sensor_without_counts_in_the_period_still_names_itself():
    empty = traffic.sensor_profile("B-1", TrafficFilter(date(2023, 1, 1), date(2023, 1, 31)))
    assert len(empty) == 1 and pd.isna(empty["hour"].iloc[0]) and empty["corridor"].iloc[0] == CORRIDOR_B
    assert traffic.sensor_profile("nope", SPRING).empty


def test_crashes_by_month_fill_empty_months_with_zero():
    f = TrafficFilter(date(2025, 2, 15), date(2025, 5, 31))
    got = traffic_crashes.crashes_by_month(f)
    assert [m.strftime("%Y-%m") for m in got["month"]] == ["2025-02", "2025-03", "2025-04", "2025-05"]
    assert list(got["crashes"]) == [0, 2, 1, 2]
    assert list(got["deaths"]) == [0, 1, 0, 5] and list(got["injuries"]) == [0, 2, 1, 1]


def test_crashes_by_road_type_name_unknown_types():
    got = traffic_crashes.crashes_by_road_type(TrafficFilter(date(2025, 1, 1), date(2025, 12, 31)))
    expected = {"đô thị": 2, "nông thôn": 1, "quốc lộ": 1, "unknown": 1}  # C1 C2, C5, C3, C4
    assert dict(zip(got["road_type"], got["crashes"])) == expected


def test_crash_points_and_hotspot_cells():
    f = TrafficFilter(date(2025, 1, 1), date(2025, 12, 31), corridors=(CORRIDOR_A,))
    assert list(traffic_crashes.crash_points(f)["incident_id"]) == ["C1", "C2"]
    cells = traffic_crashes.crash_hotspots(TrafficFilter(date(2025, 1, 1), date(2025, 12, 31)))
    assert len(cells) == 1  # C1 and C2 share a cell; every other crash is alone in its own
    cell = cells.iloc[0]
    assert (cell["crashes"], cell["deaths"], cell["injuries"]) == (2, 1, 2)
    size = traffic_crashes.CELL_DEGREES
    assert cell["cell_row"] * size <= 16.4601 < (cell["cell_row"] + 1) * size
    assert cell["cell_col"] * size <= 107.5901 < (cell["cell_col"] + 1) * size


def test_holidays_join_days_off_across_a_weekend_and_flag_tet():
    every = traffic_calendar.holiday_periods()
    spans = [(r["first_day"].date(), r["last_day"].date(), r["tet"]) for r in every.to_dict("records")]
    assert spans == [(date(2025, 1, 27), date(2025, 2, 3), True),
                     (date(2025, 4, 30), date(2025, 5, 1), False),
                     (date(2025, 9, 2), date(2025, 9, 2), False)]
    assert every["names"].iloc[1] == "Ngày Chiến thắng · Ngày Quốc tế Lao động"
    clipped = traffic_calendar.within(every, date(2025, 2, 1), date(2025, 4, 30))
    assert [(r["first_day"].date(), r["last_day"].date()) for r in clipped.to_dict("records")] == [
        (date(2025, 2, 1), date(2025, 2, 3)), (date(2025, 4, 30), date(2025, 4, 30))]


def test_tourism_peaks_are_clipped_to_the_period():
    got = traffic_calendar.tourism_peaks(date(2025, 5, 1), date(2025, 6, 8))
    assert [(r["kind"], r["first_day"], r["last_day"]) for r in got.to_dict("records")] == [
        ("reunification", date(2025, 5, 1), date(2025, 5, 3)),
        ("summer", date(2025, 6, 1), date(2025, 6, 8)),
        ("festival", date(2025, 6, 6), date(2025, 6, 8)),
    ]


def test_lists_of_corridors_and_districts():
    listed = traffic.corridors().set_index("corridor")
    assert list(listed.index) == sorted([CORRIDOR_A, CORRIDOR_B])
    assert (listed.loc[CORRIDOR_A, "sensors"], listed.loc[CORRIDOR_B, "sensors"]) == (3, 1)
    districts = traffic.districts().set_index("code")
    assert districts.loc["474", "sensors"] == 2 and districts.loc["476", "sensors"] == 0
    assert list(traffic.district_shapes()["code"]) == ["474", "478"]


def _raw_counts(raw, year: int) -> pd.DataFrame:
    files = sorted((raw / "traffic_counts").glob(f"counts_{year}-*.csv"))
    hours = pd.concat([pd.read_csv(p, parse_dates=["hour_start"]) for p in files], ignore_index=True)
    sensors = pd.read_csv(raw / "traffic_sensors" / "sensors.csv")
    hours["vehicles"] = hours[["motorbikes", "cars", "trucks_buses"]].sum(axis=1)
    return hours.merge(sensors[["sensor_id", "corridor", "capacity_veh_h"]], on="sensor_id")


def test_kpis_of_the_demo_warehouse_match_its_raw_exports(on_demo_warehouse):
    raw = on_demo_warehouse.raw
    now, before = _raw_counts(raw, 2025), _raw_counts(raw, 2024)
    corridor = "Hùng Vương"
    f = TrafficFilter(date(2025, 1, 1), date(2025, 12, 31), corridors=(corridor,))
    got = traffic_kpis.kpis(f).set_index("period")
    for period, hours in (("current", now), ("previous", before)):
        part = hours[hours["corridor"] == corridor]
        assert got.loc[period, "congestion_hours"] == congested(part).sum()
        assert got.loc[period, "vehicles"] == part["vehicles"].sum()
        assert got.loc[period, "vehicles_per_day"] == pytest.approx(24 * part["vehicles"].mean(), rel=1e-12)
    crashes = pd.read_csv(raw / "traffic_incidents" / "incidents_2025.csv")
    crashes = crashes[(crashes["kind"] == "va chạm") & (crashes["corridor"] == corridor)]
    assert got.loc["current", "crashes"] == len(crashes)
    assert got.loc["current", "deaths"] == crashes["deaths"].sum()
    assert got.loc["current", "injuries"] == crashes["injuries"].sum()
    everything = traffic.corridor_ranking(f).set_index("corridor")["congestion_hours"]
    assert everything.to_dict() == congested(now).groupby(now["corridor"]).sum().to_dict()
