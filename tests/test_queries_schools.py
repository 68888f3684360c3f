"""Schools queries, each checked against numbers computed here from hand-written rows (fixture_schools)
and, at the end, from the demo generator's raw workbooks read with pandas."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from fixture_schools import build_schools, frame, ratio_of_sums

import config
from queries import schools
from queries.db import clear_cache
from queries.schools import SchoolFilter


@pytest.fixture(scope="module", autouse=True)
def schools_warehouse(tmp_path_factory):
    path = build_schools(tmp_path_factory.mktemp("schools") / "warehouse.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", path)
        clear_cache()
        yield path
    clear_cache()


Y2024 = SchoolFilter(year="2024-2025")


def test_summary_sums_students_over_classrooms_instead_of_averaging_school_ratios():
    rows = frame()
    now = rows[rows["year_start"] == 2024]
    got = schools.summary(Y2024).iloc[0]
    assert got["schools"] == len(now) == 6
    assert got["students"] == now["students"].sum()
    assert got["classrooms"] == now["classrooms"].sum()
    expected = ratio_of_sums(now)  # (1000 + 100 + 300 + 60 + 700) / (40 + 10 + 10 + 3 + 20)
    assert got["students_per_classroom"] == pytest.approx(2160 / 83, abs=1e-12) == pytest.approx(expected)
    mean_of_ratios = (now["students"] / now["classrooms"]).mean()
    assert abs(got["students_per_classroom"] - mean_of_ratios) > 1


def test_summary_counts_smart_schools_smart_classrooms_and_the_broadband_share_of_known_schools():
    now = frame().query("year_start == 2024")
    got = schools.summary(Y2024).iloc[0]
    assert got["smart_schools"] == (now["smart_classrooms"] >= 1).sum() == 3
    assert got["smart_classrooms"] == now["smart_classrooms"].sum() == 4
    known = now["has_broadband"].dropna()
    assert got["broadband_schools"] == known.sum() == 4
    assert got["broadband_pct"] == pytest.approx(100 * known.sum() / len(known))  # 4 of 5 known, not of 6
    with_rooms = now.dropna(subset=["classrooms"])
    assert got["smart_classroom_pct"] == pytest.approx(
        100 * with_rooms["smart_classrooms"].sum() / with_rooms["classrooms"].sum()
    )


def test_summary_adds_the_previous_school_year_and_defaults_to_the_latest():
    before = frame().query("year_start == 2023")
    got = schools.summary(SchoolFilter())
    assert list(got["school_year"]) == ["2024-2025", "2023-2024"]
    assert got.iloc[1]["schools"] == len(before)
    assert got.iloc[1]["students_per_classroom"] == pytest.approx(ratio_of_sums(before))
    assert list(schools.summary(SchoolFilter(year="2022-2023"))["school_year"]) == ["2022-2023"]


def test_filters_narrow_by_district_level_and_ownership():
    rows = frame().query("year_start == 2024")
    hue = schools.summary(SchoolFilter(year="2024-2025", district="474")).iloc[0]
    assert hue["schools"] == (rows["district_code"] == "474").sum()
    assert hue["students_per_classroom"] == pytest.approx(ratio_of_sums(rows[rows["district_code"] == "474"]))
    thpt = schools.summary(SchoolFilter(year="2024-2025", level="THPT")).iloc[0]
    assert thpt["students"] == rows.loc[rows["level"] == "THPT", "students"].sum()
    private = schools.summary(SchoolFilter(year="2024-2025", ownership="ngoài công lập")).iloc[0]
    assert private["schools"] == 1 and private["students"] == 60
    assert schools.summary(SchoolFilter(year="2024-2025", district="481")).empty


def test_by_level_counts_schools_per_level_in_the_usual_order():
    rows = frame().query("year_start == 2024")
    got = schools.by_level(Y2024)
    assert list(got["level"]) == ["mầm non", "tiểu học", "THCS", "THPT"]
    assert dict(zip(got["level"], got["schools"])) == rows["level"].value_counts().to_dict()
    thpt = got.set_index("level").loc["THPT"]
    assert thpt["students_per_classroom"] == pytest.approx(ratio_of_sums(rows[rows["level"] == "THPT"]))


def test_by_district_adds_the_province_as_a_ratio_of_sums():
    rows = frame().query("year_start == 2024")
    got = schools.by_district(Y2024).set_index("code")
    assert list(got.index) == ["46", "474", "478"]
    for code, part in rows.groupby("district_code"):
        assert got.loc[code, "schools"] == len(part)
        assert got.loc[code, "students_per_classroom"] == pytest.approx(ratio_of_sums(part))
        assert got.loc[code, "broadband_pct"] == pytest.approx(100 * part["has_broadband"].dropna().mean())
    assert got.loc["46", "schools"] == len(rows)
    assert got.loc["46", "students_per_classroom"] == pytest.approx(ratio_of_sums(rows))
    assert got.loc["46", "name_vi"] == "Thừa Thiên Huế" and got.loc["478", "name_vi"] == "Phú Vang"


def test_by_district_level_splits_each_district_and_the_province_by_level():
    rows = frame().query("year_start == 2024")
    got = schools.by_district_level(Y2024).set_index(["code", "level"])
    expected = rows.groupby(["district_code", "level"]).size().to_dict()
    assert {k: v for k, v in got["schools"].items() if k[0] != "46"} == expected
    assert got.loc[("46", "THPT"), "schools"] == (rows["level"] == "THPT").sum()
    assert got.loc[("46", "THPT"), "students_per_classroom"] == pytest.approx(
        ratio_of_sums(rows[rows["level"] == "THPT"])
    )


def test_area_ratios_and_shapes_per_district_or_commune():
    rows = frame().query("year_start == 2024")
    communes = schools.area_ratios(Y2024, "commune").set_index("code")
    for code, part in rows.groupby("commune_code"):
        assert communes.loc[code, "students_per_classroom"] == pytest.approx(ratio_of_sums(part))
    districts = schools.area_ratios(SchoolFilter(year="2024-2025", level="THPT"), "district").set_index(
        "code"
    )
    assert districts.loc["478", "students"] == 300
    assert list(schools.area_shapes("district", "474")["code"]) == ["474"]
    assert len(schools.area_shapes("district")) == 9
    shapes = schools.area_shapes("commune", "478")
    assert list(shapes["code"]) == ["19990"] and shapes.iloc[0]["geometry_quality"] == "approximate"


def test_school_points_mark_smart_schools():
    got = schools.school_points(SchoolFilter(year="2024-2025", level="THPT")).set_index("school_id")
    assert sorted(got.index) == ["S1", "S3", "S6"]
    assert got["smart"].all()
    assert not schools.school_points(SchoolFilter(year="2023-2024"))["smart"].any()


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("quoc hoc", ["S1"]),
        ("QUỐC  học", ["S1"]),
        ("dang tran con", ["S6"]),
        ("dong ba", ["S2"]),
        ("thpt", ["S1", "S3", "S6"]),
        ("s4", ["S4"]),
        ("50%", []),
        ("", ["S1", "S2", "S3", "S4", "S5", "S6"]),
    ],
)
def test_the_school_list_search_ignores_accents_case_and_wildcards(typed, found):
    assert sorted(schools.school_table(Y2024, typed)["school_id"]) == found


def test_the_school_list_keeps_each_schools_own_figures():
    got = schools.school_table(Y2024).set_index("school_id")
    assert got.loc["S1", "students_per_classroom"] == 25.0 and got.loc["S1", "district_name"] == "Huế"
    assert pd.isna(got.loc["S5", "students_per_classroom"])
    assert got.loc["S3", "commune_name"] == "Phú Đa"


def test_school_history_lists_every_school_year_oldest_first():
    got = schools.school_history("S1")
    expected = frame().query("school_id == 'S1'").sort_values("year_start")
    assert list(got["school_year"]) == list(expected["school_year"])
    assert list(got["students"]) == list(expected["students"])
    assert schools.school_history("nope").empty


def test_smart_thpt_schools_per_year_and_when_the_target_was_first_met():
    rows = frame()
    smart = rows[(rows["level"] == "THPT") & (rows["smart_classrooms"] >= 1)]
    per_year = schools.smart_thpt_by_year()
    expected = {y: (smart["school_year"] == y).sum() for y in rows["school_year"].unique()}
    assert dict(zip(per_year["school_year"], per_year["smart_thpt"])) == expected
    target = schools.province_target(schools.SMART_THPT_TARGET).iloc[0]
    assert target["target_value"] == 3 and target["legal_source"] == "Kế hoạch thử nghiệm"
    progress = schools.target_progress(per_year, "smart_thpt", target["target_value"], date(2023, 12, 31))
    assert progress == schools.TargetProgress("2024-2025", 1, False)
    assert schools.province_target("no_such_indicator").empty


def test_target_progress_on_time_not_met_and_unknown_when_met_in_the_first_year_on_record():
    per_year = pd.DataFrame(
        {"school_year": ["2023-2024", "2024-2025"], "year_start": [2023, 2024], "smart_thpt": [5, 6]}
    )
    on_time = schools.target_progress(per_year, "smart_thpt", 5, date(2024, 5, 31))
    assert on_time == schools.TargetProgress("2023-2024", 0, True)
    unknown = schools.target_progress(per_year, "smart_thpt", 5, date(2020, 12, 31))
    assert unknown == schools.TargetProgress("2023-2024", None, True)
    assert schools.target_progress(per_year, "smart_thpt", 7, date(2020, 12, 31)).met_year is None
    assert schools.school_year_start(date(2020, 12, 31)) == 2020
    assert schools.school_year_start(date(2021, 8, 31)) == 2020


def test_url_values_are_matched_to_stored_values_without_accents():
    assert schools.fold("  Trường ĐẶNG  Trần Côn ") == "truong dang tran con"
    assert schools.canonical("thpt", schools.LEVELS) == "THPT"
    assert schools.canonical("mam-non", schools.LEVELS) == "mầm non"
    assert schools.canonical("ngoai cong lap", schools.OWNERSHIPS) == "ngoài công lập"
    assert schools.canonical("junk", schools.LEVELS) == "junk"
    assert schools.canonical(None, schools.LEVELS) is None


def _raw_workbooks(folder: Path) -> pd.DataFrame:
    """The demo generator's school workbooks as written, with each commune's district from data/geo."""
    raw = pd.concat(
        pd.read_excel(p, sheet_name="Danh sách", dtype={"commune_code": str, "school_id": str})
        for p in sorted(folder.glob("*.xlsx"))
    )
    geo = json.loads((config.GEO_DIR / "hue_communes_approx.geojson").read_text(encoding="utf-8"))
    parents = {f["properties"]["code"]: f["properties"]["district_code"] for f in geo["features"]}
    return raw.assign(
        district_code=raw["commune_code"].map(parents), has_broadband=raw["has_broadband"] == "có"
    )


def test_figures_match_the_demo_generators_raw_workbooks(on_demo_warehouse):
    raw = _raw_workbooks(on_demo_warehouse.raw / "schools")
    for year, part in raw.groupby("school_year"):
        got = schools.summary(SchoolFilter(year=year)).iloc[0]
        assert (got["schools"], got["students"], got["classrooms"]) == (
            len(part),
            part["students"].sum(),
            part["classrooms"].sum(),
        )
        assert got["students_per_classroom"] == pytest.approx(
            part["students"].sum() / part["classrooms"].sum()
        )
        assert got["broadband_pct"] == pytest.approx(100 * part["has_broadband"].mean())
        assert got["smart_schools"] == (part["smart_classrooms"] >= 1).sum()
    latest = raw[raw["school_year"] == raw["school_year"].max()]
    by_district = schools.by_district(SchoolFilter()).set_index("code")
    for code, part in latest.groupby("district_code"):
        assert by_district.loc[code, "schools"] == len(part)
        assert by_district.loc[code, "students_per_classroom"] == pytest.approx(
            part["students"].sum() / part["classrooms"].sum()
        )
    smart = raw[(raw["level"] == "THPT") & (raw["smart_classrooms"] >= 1)].groupby("school_year").size()
    per_year = schools.smart_thpt_by_year().set_index("school_year")["smart_thpt"]
    assert per_year[per_year > 0].to_dict() == smart.to_dict()
