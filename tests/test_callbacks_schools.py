"""Schools callbacks and builders called directly on the hand-written schools (fixture_schools)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import plotly.graph_objects as go
import pytest
from components import text
from dash import no_update
from fixture_schools import build_schools, frame, ratio_of_sums

import app  # noqa: F401  (registers the pages and callbacks)
import config
from callbacks import cards_schools, figures_schools, maps, maps_schools, tables_schools
from callbacks import schools as cb
from i18n import fmt_number
from queries.db import clear_cache

VI = {"lang": "vi", "year": "2024-2025", "district": None, "level": None, "ownership": None}
EN = {**VI, "lang": "en"}


@pytest.fixture(scope="module", autouse=True)
def schools_warehouse(tmp_path_factory):
    path = build_schools(tmp_path_factory.mktemp("schools-cb") / "warehouse.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", path)
        clear_cache()
        yield path
    clear_cache()




def test_kpi_cards_show_counts_and_the_ratio_of_sums_in_each_language():
    now = frame().query("year_start == 2024")
    vi, en = text(cb.show_kpis(VI)), text(cb.show_kpis(EN))
    ratio = ratio_of_sums(now)
    assert fmt_number(ratio, "vi", 1) in vi and "26,0" in vi
    assert "26.0" in en
    assert "2.660" in vi and "2,660" in en  # students
    assert "Năm học 2024-2025" in vi and "+3 so với năm học 2023-2024" in vi  # 6 schools against 3


def test_the_smart_school_card_says_when_the_target_was_met_and_how_late():
    card = text(cb.show_kpis(VI))
    assert "Trường THPT thông minh (toàn tỉnh)" in card
    assert "Chỉ tiêu: 3, hạn 31/12/2023" in card
    assert "✓ Đạt chỉ tiêu" in card
    assert "Đạt từ năm học 2024-2025, muộn 1 năm học so với hạn" in card
    assert "Căn cứ: Kế hoạch thử nghiệm" in card
    earlier = text(cb.show_kpis({**VI, "year": "2023-2024"}))
    assert "⚠ Có nguy cơ" in earlier  # none yet, but 2023-2024 is the school year holding the due date
    english = text(cb.show_kpis(EN))
    assert "Met from school year 2024-2025, 1 school year(s) after the due date" in english


def test_target_status_uses_the_school_year_holding_the_due_date():
    due = date(2023, 12, 31)
    assert cards_schools.target_status(3, 3, due, 2024) == "on_target"
    assert cards_schools.target_status(2, 3, due, 2023) == "at_risk"
    assert cards_schools.target_status(2, 3, due, 2024) == "off_target"
    assert cards_schools.target_status(None, 3, due, 2024) == "no_data"


def test_filters_from_the_url_are_read_leniently():
    f = cb.school_filter({**VI, "level": "thpt", "ownership": "cong lap", "year": "2024"})
    assert (f.year, f.level, f.ownership) == (None, "THPT", "công lập")
    assert (
        cb.filters_search({"year": "2024-2025", "district": "474", "level": None, "ownership": None}, EN)
        == "?lang=en&year=2024-2025&district=474"
    )
    assert cb.filters_search({k: VI[k] for k in ("year", "district", "level", "ownership")}, VI) is no_update


def test_points_carry_ids_and_the_map_fits_the_schools():
    data, viewport = cb.show_points({**VI, "district": "478"})
    ids_shown = sorted(f["properties"]["school_id"] for f in data["features"])
    assert ids_shown == sorted(frame().query("year_start == 2024 and district_code == '478'")["school_id"])
    south, west = viewport["bounds"][0]
    assert south == pytest.approx(16.50 - maps_schools.PAD) and west == pytest.approx(
        107.70 - maps_schools.PAD
    )
    _empty, fallback = cb.show_points({**VI, "district": "481"})
    assert fallback["bounds"] == maps.PROVINCE_BOUNDS


def test_commune_shading_says_the_outlines_are_approximate():
    data, legend = cb.show_areas(VI, "commune")
    assert {f["properties"]["code"] for f in data["features"]} == {"19753", "19990"}
    assert "gần đúng" in text(legend)
    data, legend = cb.show_areas(EN, "district")
    assert len(data["features"]) == 9 and "approximate" not in text(legend)
    tooltips = {f["properties"]["code"]: f["properties"]["tooltip"] for f in data["features"]}
    hue = frame().query("year_start == 2024 and district_code == '474'")
    assert tooltips["474"] == f"Hue: {fmt_number(ratio_of_sums(hue), 'en', 1)} students per classroom"
    assert tooltips["481"].startswith("A Luoi: –")


def test_a_click_on_the_map_or_a_row_selects_that_school_and_shows_its_card():
    feature = {"type": "Feature", "properties": {"school_id": "S3", "name": "x"}}
    assert cb.select_school_on_map(feature) == "S3"
    assert cb.select_school_in_list({"rowId": "S1"}) == "S1"
    assert cb.select_school_on_map({"type": "Feature", "properties": {}}) is no_update
    card = text(cb.show_school("S1", VI))
    assert "Trường THPT chuyên Quốc Học" in card and "Số liệu năm học 2024-2025" in card
    assert "1.000" in card and "25,0" in card and "✓ Có" in card and "Thuận Lộc, Huế" in card
    assert all(year in card for year in ("2022-2023", "2023-2024", "2024-2025"))  # the trend
    assert cb.show_school(None, VI) is no_update
    assert "not found" in text(cb.show_school("nope", EN))


def test_the_target_chart_counts_smart_thpt_schools_per_year_against_the_dashed_target():
    # Builders return plain dicts: go.Figure reads them as attributes and runs Plotly's validators on them.
    fig = go.Figure(cb.show_target_progress(EN))
    bars, line = fig.data
    smart = frame().query("level == 'THPT' and smart_classrooms >= 1").groupby("school_year").size()
    assert list(bars.x) == ["2022-2023", "2023-2024", "2024-2025"]
    assert list(bars.y) == [smart.get(year, 0) for year in bars.x] == [0, 0, 3]  # S1, S3 and S6 in 2024
    assert list(bars.text) == ["0", "0", "3"]
    assert list(line.y) == [3.0, 3.0, 3.0] and line.name == "Target 3 (due 31 Dec 2023)"
    assert fig.layout.yaxis.range == pytest.approx((0, 3 * 1.3))


def test_the_comparison_marks_the_chosen_district_and_draws_the_province():
    bars, heatmap = map(go.Figure, cb.show_comparison({**VI, "district": "474"}, "spc"))
    rows = frame().query("year_start == 2024")
    assert "▶ Huế" in list(bars.data[0].y)
    assert bars.layout.annotations[0].text == f"Toàn tỉnh: {fmt_number(ratio_of_sums(rows), 'vi', 1)}"
    assert heatmap.data[0].y[0] == "Toàn tỉnh"
    broadband = go.Figure(cb.show_comparison(EN, "broadband")[0])
    assert sorted(broadband.data[0].text) == ["100.0%", "66.7%"]  # Phú Vang 2 of 2, Huế 2 of 3 known
    assert broadband.layout.annotations[0].text == "Province: 80.0%"  # 4 of the 5 schools that reported


def test_the_table_searches_without_accents_and_keeps_ids_for_clicks():
    _columns, rows = cb.show_table(VI, "quoc hoc")
    assert [r["school_id"] for r in rows] == ["S1"]
    assert rows[0]["students_per_classroom__text"] == "25,0" and rows[0]["level_text"] == "THPT"
    _columns, rows = cb.show_table(EN, "dang tran")
    assert rows[0]["name"] == "Trường THPT Đặng Trần Côn" and rows[0]["broadband_text"] == "✓ Yes"


def test_every_builder_draws_an_empty_state_for_an_empty_frame():
    empty = pd.DataFrame()
    for fig in (
        figures_schools.smart_target_progress(empty, empty, "en"),
        figures_schools.district_bars(empty, "spc", None, "en"),
        figures_schools.level_heatmap(empty, "spc", "en"),
    ):
        assert [a.text for a in fig.layout.annotations] == ["No data for this selection"]
    assert "No data for this selection" in text(
        cards_schools.kpi_cards(empty, empty, empty, empty, empty, "en")
    )
    assert tables_schools.school_list(empty, "vi")[1] == []
    assert maps_schools.school_points(empty)["features"] == []
