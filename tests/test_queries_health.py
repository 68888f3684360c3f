"""Health-records queries, checked against numbers computed here from the fixture rows (and, for the
demo warehouse, from its raw CSV exports read with pandas)."""

from __future__ import annotations

import json
import math
from datetime import date

import pandas as pd
import pytest
from fixture_health import (
    A_LUOI_CREATED,
    COMMUNES,
    MONTHS,
    PROVINCE_COMPLETE,
    PROVINCE_CREATED,
    REJECTED,
    SHOWN,
    build,
)
from fixture_warehouse import AREAS

import config
from queries import db, health


@pytest.fixture(scope="module", autouse=True)
def health_warehouse(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("health") / "warehouse.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", path)
        yield path
    db.clear_cache()


def figures(month: date, district: str | None = None) -> tuple[int, int, int]:
    """(population, created, complete) summed over the communes reporting in ``month``."""
    rows = [
        (pop, *months[month])
        for district_code, _name, pop, months in COMMUNES.values()
        if month in months and district in (None, district_code)
    ]
    return tuple(sum(column) for column in zip(*rows))


def pct(month: date, district: str | None = None, which: int = 1) -> float:
    totals = figures(month, district)
    return 100 * totals[which] / totals[0]


def by_code(level: str, month: date = SHOWN) -> dict[str, dict]:
    frame = health.coverage(month)
    return {r["code"]: r for r in frame[frame["level"] == level].to_dict("records")}


def test_coverage_is_weighted_by_the_population_the_communes_report():
    for district in ("474", "481"):
        row = by_code("district")[district]
        population, created, complete = figures(SHOWN, district)
        assert (row["population"], row["records_created"], row["records_complete"]) == figures(
            SHOWN, district
        )
        assert row["created_pct"] == pytest.approx(100 * created / population, abs=1e-12)
        assert row["complete_pct"] == pytest.approx(100 * complete / population, abs=1e-12)
        assert row["without_record"] == population - created
    huế = by_code("district")["474"]
    assert huế["created_pct"] == pytest.approx(100 * 2940 / 3100)  # (860 + 1960 + 120) / (1000 + 2000 + 100)
    assert huế["created_pct"] != pytest.approx((86 + 98 + 120) / 3)  # not a mean of percentages
    province = by_code("province")["46"]
    assert (province["population"], province["records_created"]) == (4000, 3752)
    assert province["without_record"] == 248


def test_a_commune_uses_the_exports_population_not_the_estimate_in_areas():
    row = by_code("commune")["19744"]
    assert (row["population"], row["created_pct"], row["without_record"]) == (1000, 86.0, 140)


def test_change_on_last_month_and_pace_over_the_last_six_months():
    communes = by_code("commune")
    steady = communes["19744"]
    assert steady["created_change"] == pytest.approx(86.0 - 85.0)
    assert steady["pace_months"] == 6
    assert steady["created_pace"] == pytest.approx((86.0 - 80.0) / 6)
    late = communes["19906"]  # first report in September: three months of pace
    assert late["pace_months"] == 3
    assert late["created_pace"] == pytest.approx((93.0 - 90.0) / 3)
    assert late["complete_pace"] == pytest.approx((53.75 - 50.0) / 3)
    first = communes["19750"]  # first report this month: no pace, no change
    assert math.isnan(first["created_pace"]) and math.isnan(first["created_change"])
    province = by_code("province")["46"]
    assert province["created_change"] == pytest.approx(pct(SHOWN) - pct(MONTHS[-2]))
    assert province["created_pace"] == pytest.approx((pct(SHOWN) - pct(MONTHS[0])) / 6)


def test_people_and_months_to_the_target_at_the_current_pace():
    communes = by_code("commune")
    steady = communes["19744"]
    # 95 % of 1.000 people is 950; 860 have a record; 1 point a month from 86 % takes 9 months
    assert (steady["created_missing"], steady["created_months"]) == (90, 9)
    assert (steady["complete_missing"], steady["complete_months"]) == (40, 4)
    reached = communes["19747"]
    assert (reached["created_missing"], reached["created_months"], reached["created_status"]) == (
        0,
        0,
        "on_target",
    )
    falling = communes["19900"]  # 90 % in June, 88 % in December
    assert falling["created_missing"] == math.ceil(0.95 * 500) - 440
    assert math.isinf(falling["created_months"])
    assert falling["complete_months"] == math.ceil((60 - 26) / ((26 - 20) / 6))
    late = communes["19906"]
    assert (late["created_missing"], late["created_months"]) == (math.ceil(0.95 * 400) - 372, 2)
    assert (late["complete_missing"], late["complete_months"]) == (240 - 215, 5)


def test_status_compares_the_month_the_pace_reaches_the_target_with_the_due_date():
    communes = by_code("commune")
    assert communes["19744"]["created_status"] == "off_target"  # 9 months from December 2025 > 31/12/2025
    assert communes["19744"]["complete_status"] == "off_target"  # due in 2019, not reached
    assert communes["19906"]["created_status"] == "at_risk"  # A Lưới's own target: February 2026 < 30/06/2026
    assert communes["19900"]["created_status"] == "off_target"  # never at this pace
    assert communes["19750"]["created_status"] == "on_target"


def test_each_area_gets_its_districts_own_target_else_the_provinces():
    communes, districts = by_code("commune"), by_code("district")
    for row in (communes["19906"], districts["481"]):
        assert (row["created_target"], row["created_due"].date(), row["created_basis"]) == A_LUOI_CREATED[2:]
        assert (row["complete_target"], row["complete_due"].date()) == PROVINCE_COMPLETE[2:4]
    for row in (communes["19744"], districts["474"], by_code("province")["46"]):
        assert (row["created_target"], row["created_due"].date(), row["created_basis"]) == PROVINCE_CREATED[
            2:
        ]
    goals = health.goals_for(health.targets(), "481")
    assert goals["created"]["due_date"].date() == A_LUOI_CREATED[3]
    assert goals["complete"]["legal_source"] == PROVINCE_COMPLETE[4]
    assert health.goals_for(health.targets())["created"]["legal_source"] == PROVINCE_CREATED[4]


def test_communes_without_a_report_and_implausible_rows_are_flagged():
    frame = health.coverage(SHOWN)
    communes = frame[frame["level"] == "commune"]
    assert set(communes.loc[~communes["reported"], "code"]) == {"19903"}
    assert set(communes.loc[communes["reported"], "code"]) == set(COMMUNES) - {"19903"}
    huế = by_code("district")["474"]
    assert (huế["complete_gt_created"], huế["created_gt_population"]) == (1, 1)
    assert by_code("district")["481"]["complete_gt_created"] == 0
    november = health.coverage(MONTHS[-2])
    assert set(november.loc[(november["level"] == "commune") & ~november["reported"], "code"]) == {"19750"}


def test_stations_names_and_districts_come_with_the_communes():
    communes = by_code("commune")
    assert communes["19747"]["station"] == "Trạm Y tế Phường Phú Bình"
    assert communes["19744"]["station"] == "Trạm Y tế Phường Phú Thuận"  # not the visitor point
    assert pd.isna(communes["19906"]["station"])
    assert (communes["19906"]["name_vi"], communes["19906"]["district_code"]) == ("Hồng Hạ", "481")
    rows = health.rows_of(health.coverage(SHOWN), "commune", "481", reported=False)
    assert list(rows["code"]) == ["19900", "19903", "19906"]


def test_trend_gives_every_month_per_district_and_for_the_chosen_commune():
    frame = health.trend("19744")
    province = frame[frame["level"] == "province"].set_index("period")
    assert list(province.index.date) == MONTHS
    for month in MONTHS:
        assert province.at[pd.Timestamp(month), "created_pct"] == pytest.approx(pct(month))
        assert province.at[pd.Timestamp(month), "complete_pct"] == pytest.approx(pct(month, which=2))
    district = frame[(frame["level"] == "district") & (frame["code"] == "481")].set_index("period")
    assert district.at[pd.Timestamp(SHOWN), "created_pct"] == pytest.approx(pct(SHOWN, "481"))
    commune = frame[frame["level"] == "commune"]
    assert list(commune["created_pct"]) == pytest.approx([80.0 + i for i in range(7)])
    assert health.trend(None)["level"].isin(["province", "district"]).all()


def test_months_districts_communes_outlines_and_rows_left_out():
    assert list(health.months()["period"].dt.date) == MONTHS[::-1]
    assert list(health.districts()["code"]) == [a[0] for a in AREAS if a[1] == "district"]
    communes = health.communes().set_index("code")
    assert sorted(communes.index) == sorted(COMMUNES)
    assert communes.at["19906", "district_code"] == "481" and communes.at["19906", "name_vi"] == "Hồng Hạ"
    shapes = health.area_shapes("commune")
    assert set(shapes["code"]) == set(COMMUNES) and set(shapes["geometry_quality"]) == {"approximate"}
    assert list(health.area_shapes("district")["code"]) == ["474", "481"]  # only districts with outlines
    assert dict(zip(health.rejected_counts()["rule"], health.rejected_counts()["rows"])) == REJECTED


def test_coverage_matches_the_demo_exports(on_demo_warehouse):
    """Per district, the latest month of the demo warehouse against its raw CSV files."""
    files = sorted((on_demo_warehouse.raw / "health").glob("*.csv"))
    raw = pd.concat(pd.read_csv(p, dtype={"commune_code": str}) for p in files)
    latest = raw["period"].max()
    month = raw[raw["period"] == latest].assign(district=lambda f: f["commune_code"].map(_district_of()))
    sums = month.groupby("district")[["population", "records_created", "records_complete"]].sum()
    frame = health.coverage(date.fromisoformat(f"{latest}-01"))
    districts = frame[frame["level"] == "district"].set_index("code")
    for code, row in sums.iterrows():
        assert districts.at[code, "records_created"] == row["records_created"]
        assert districts.at[code, "without_record"] == row["population"] - row["records_created"]
        assert districts.at[code, "complete_pct"] == pytest.approx(
            100 * row["records_complete"] / row["population"]
        )
    province = frame[frame["level"] == "province"].iloc[0]
    assert province["population"] == month["population"].sum()


def _district_of() -> dict[str, str]:
    """Commune -> district, from the shipped boundaries the ETL read."""
    features = json.loads((config.GEO_DIR / "hue_communes_approx.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["code"]: f["properties"]["district_code"] for f in features["features"]}
