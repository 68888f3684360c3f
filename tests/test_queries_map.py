"""Queries of the map explorer, checked against the demo warehouse's raw files read with pandas."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from queries import map as map_queries
from queries.kpi_periods import Period

MONTH = Period("month", date(2025, 11, 1))
TARGET = 95.0  # targets.csv: health_created_pct, province-wide, due 31/12/2025


def raw_health(raw) -> pd.DataFrame:
    frames = [pd.read_csv(p, dtype={"commune_code": str}) for p in sorted((raw / "health").glob("*.csv"))]
    health = pd.concat(frames, ignore_index=True)
    return health.assign(created_pct=100.0 * health["records_created"] / health["population"])


def test_the_slider_offers_every_complete_month_of_the_demo_period(on_demo_warehouse):
    keys = list(map_queries.months()["key"])
    assert keys == [f"{y}-{m:02d}" for y in (2024, 2025) for m in range(1, 13)]


def expected_status(recent: list[float]) -> str:
    """The status rule worked by hand for an up-is-good rate one month before its due date."""
    value = recent[-1]
    if value < TARGET:
        return "off_target" if (TARGET - value) / TARGET > 0.05 else "at_risk"
    heading = value + (recent[-1] - recent[0]) / 2 * 1  # the line through 3 months, one month on
    return "at_risk" if heading < TARGET else "on_target"


def test_a_communes_profile_gives_its_health_coverage_target_status_and_rank(on_demo_warehouse):
    health = raw_health(on_demo_warehouse.raw)
    month = health[health["period"] == "2025-11"].set_index("commune_code")["created_pct"]
    commune = month.sort_values().index[len(month) // 2]
    profile = map_queries.area_profile(commune, MONTH).set_index("indicator_id")
    row = profile.loc["health_created_pct"]

    assert row["value"] == pytest.approx(month[commune], abs=1e-9)
    assert row["target"] == TARGET and row["target_basis"] == "province"
    assert row["rank"] == 1 + (month > month[commune]).sum()
    assert row["peers"] == len(month)
    mine = health[health["commune_code"] == commune].set_index("period")["created_pct"]
    assert row["status"] == expected_status([mine["2025-09"], mine["2025-10"], mine["2025-11"]])
    twelve = [mine.get(f"{y}-{m:02d}") for y, m in [(2024, 12), *((2025, m) for m in range(1, 12))]]
    assert row["sparkline"] == pytest.approx(twelve, abs=1e-9)


def test_a_months_colours_read_from_the_history_match_the_raw_figures(on_demo_warehouse):
    health = raw_health(on_demo_warehouse.raw)
    for key in ("2024-03", "2025-11"):
        month = health[health["period"] == key].set_index("commune_code")["created_pct"]
        got = map_queries.month_values("health_created_pct", Period("month", date.fromisoformat(f"{key}-01")),
                                       "commune").set_index("area_code")["value"]
        assert got.sort_index().to_dict() == pytest.approx(month.sort_index().to_dict(), abs=1e-9)


def test_a_profile_lists_every_catalogue_indicator_with_detail_at_that_level(on_demo_warehouse):
    from queries import indicators

    commune_profile = map_queries.area_profile("19753", MONTH)
    expected = [e.id for e in indicators.all_indicators() if "commune" in e.levels]
    assert list(commune_profile["indicator_id"]) == expected
    assert map_queries.area_profile("46", MONTH).empty  # the province is not an area of the map


def test_a_districts_value_and_rank_come_from_its_communes_summed(on_demo_warehouse):
    health = raw_health(on_demo_warehouse.raw)
    health = health[health["period"] == "2025-11"]
    parents = map_queries.boundaries("commune").set_index("code")["parent_code"]  # the area layout
    sums = health.assign(district=health["commune_code"].map(parents)).groupby("district")[
        ["records_created", "population"]
    ].sum()
    by_district = 100.0 * sums["records_created"] / sums["population"]
    profile = map_queries.area_profile("474", MONTH).set_index("indicator_id")
    row = profile.loc["health_created_pct"]
    assert row["value"] == pytest.approx(by_district["474"], abs=1e-9)
    assert row["peers"] == len(by_district) == 9
    assert row["rank"] == 1 + (by_district > by_district["474"]).sum()


def test_month_targets_apply_to_one_area_only_for_rates_and_medians(on_demo_warehouse):
    targets = pd.read_csv(on_demo_warehouse.raw / "targets" / "targets.csv")
    on_time = targets.set_index("indicator_id").loc["feedback_on_time_pct", "target_value"]
    assert map_queries.month_target("feedback_on_time_pct", MONTH) == on_time
    assert map_queries.month_target("feedback_median_days", MONTH) == 7  # the catalogue's default
    assert map_queries.month_target("traffic_crashes", MONTH) is None  # a province count, not an area's


def test_sensor_and_visitor_layers_hold_every_located_point(on_demo_warehouse):
    sensors = pd.read_csv(on_demo_warehouse.raw / "traffic_sensors" / "sensors.csv").dropna(subset=["lat", "lon"])
    places = pd.read_csv(on_demo_warehouse.raw / "places" / "places.csv")
    visitors = places[places["kind"] == "điểm hỗ trợ du khách"]
    assert sorted(map_queries.sensor_points()["sensor_id"]) == sorted(sensors["sensor_id"])
    assert sorted(map_queries.visitor_points()["place_id"]) == sorted(visitors["place_id"])


def test_boundaries_split_by_level(on_demo_warehouse):
    health = raw_health(on_demo_warehouse.raw)
    communes = map_queries.boundaries("commune")
    assert set(communes["code"]) == set(health["commune_code"])
    assert len(map_queries.boundaries("district")) == 9
    assert communes["geometry_quality"].eq("approximate").all()
