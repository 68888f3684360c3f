"""Health-records callbacks and builders called directly on the fixture warehouse of fixture_health."""

from __future__ import annotations

import base64
import csv
import io

import pandas as pd
import plotly.graph_objects as go
import pytest
from components import text
from dash import no_update
from fixture_health import build

import app  # noqa: F401  (registers the pages and callbacks)
import config
import ids
from callbacks import cards_health, figures_health, gap_health, health, health_view, maps_health
from queries import db

VI = {
    "lang": "vi",
    "month": None,
    "district": None,
    "commune": None,
    "level": "district",
    "level_given": False,
    "measure": "created",
}
A_LUOI = {**VI, "district": "481", "level": "commune"}


@pytest.fixture(scope="module", autouse=True)
def health_warehouse(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("health-callbacks") / "warehouse.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", path)
        yield path
    db.clear_cache()




def test_kpi_cards_show_value_target_basis_due_date_and_people_without_a_record():
    cards, selection = health.show_kpis(A_LUOI)
    shown = text(cards)
    # A Lưới in December: (440 + 372) / (500 + 400) created, (130 + 215) / 900 complete
    assert "90,2 %" in shown and "38,3 %" in shown
    assert "88 người" in shown and "2/3 xã đã báo cáo" in shown
    assert "Chỉ tiêu 95 %, hạn 30/06/2026" in shown  # the district's own target
    assert "Căn cứ: Kế hoạch của huyện (thử nghiệm)" in shown
    assert "Chỉ tiêu 95 %, hạn 31/12/2025" in shown and "Căn cứ: QĐ 5349/QĐ-BYT (12/11/2019)" in shown
    assert "248 người" in shown  # the province: 4.000 - 3.752
    assert selection is None


def test_choosing_a_commune_adds_its_cards_with_people_and_months_to_go():
    cards, selection = health.show_kpis({**VI, "commune": "19744", "level": "commune"})
    shown = text(cards)
    assert selection == "Đang xem: Phú Thuận"
    assert "Còn thiếu 90 người để đạt chỉ tiêu · Khoảng 9 tháng nữa với tốc độ 6 tháng gần nhất" in shown
    assert "+1,0 điểm % so với tháng trước" in shown
    never, _ = health.show_kpis({**VI, "commune": "19900", "lang": "en"})
    assert "Not reached at the current pace" in text(never)


def test_a_commune_without_a_report_this_month_says_so_and_a_month_without_figures_is_empty():
    cards, selection = health.show_kpis({**VI, "commune": "19903"})
    assert "Hồng Vân Không có số liệu tháng này" in text(cards) and selection == "Đang xem: Hồng Vân"
    assert "90,2 %" in text(cards)  # its district, A Lưới, implied by the commune
    empty_month = {**VI, "month": "2019-01"}
    assert text(health.show_kpis(empty_month)[0]) == "Chưa có số liệu hồ sơ sức khỏe cho tháng và khu vực này"
    assert text(health.show_checks(empty_month)) == "Chưa có số liệu hồ sơ sức khỏe cho tháng và khu vực này"
    assert health.show_gap(empty_month)[1] == []


def test_the_map_colours_communes_by_band_and_marks_missing_reports_and_approximate_outlines():
    data, hideout, legend, note = health.show_map(A_LUOI)
    assert [f["properties"]["code"] for f in data["features"]] == ["19900", "19903", "19906"]
    fills = hideout["fills"]
    assert fills["19903"] == maps_health.NO_DATA  # no December report
    assert fills["19900"] == maps_health.CLASS_COLOURS[2]  # 88 %: 80 to under 90
    assert fills["19906"] == maps_health.CLASS_COLOURS[3]  # 93 %: 90 to under 95
    assert "88,0 %" in hideout["tips"]["19900"] and "Không có số liệu" in hideout["tips"]["19903"]
    assert "✓ Từ 95 % trở lên (đạt chỉ tiêu)" in text(legend) and "Không có số liệu" in text(legend)
    assert "gần đúng" in note
    districts, by_district, _legend, district_note = health.show_map(VI)
    assert [f["properties"]["code"] for f in districts["features"]] == ["474", "481"]
    assert district_note is None and by_district["selected"] is None


def test_the_complete_measure_uses_bands_around_its_own_target():
    _data, hideout, legend, _note = health.show_map({**A_LUOI, "measure": "complete"})
    assert hideout["fills"]["19900"] == maps_health.CLASS_COLOURS[0]  # 26 %: under 60 - 30
    assert "Đầy đủ thông tin, tháng 12/2025" in text(legend)


def test_the_trend_draws_districts_province_commune_and_the_target_with_its_due_date():
    figure = health.show_trend({**A_LUOI, "commune": "19744"})
    names = [trace["name"] for trace in figure["data"] if trace["showlegend"]]
    assert names == ["Huế", "A Lưới", "Toàn tỉnh", "Phú Thuận"]
    assert figure["layout"]["separators"] == ",."
    notes = [a["text"] for a in figure["layout"]["annotations"]]
    assert "Chỉ tiêu 95 %, hạn 30/06/2026" in notes and "Chỉ tiêu 60 %, hạn 30/09/2019" in notes
    commune = next(t for t in figure["data"] if t["name"] == "Phú Thuận" and t["yaxis"] == "y")
    assert commune["y"] == pytest.approx([80.0 + i for i in range(7)])
    due_lines = [s for s in figure["layout"]["shapes"] if s["line"]["dash"] == "dot"]
    assert due_lines == []  # 30/06/2026 lies after the last month shown
    english = health.show_trend({**VI, "lang": "en"})
    assert english["layout"]["separators"] == ".," and any(t["name"] == "Province" for t in english["data"])
    go.Figure(figure), go.Figure(english)  # plain figures: Plotly's validators reject any invalid property


def test_the_gap_table_ranks_communes_by_people_missing_with_pace_and_months():
    columns, rows, hint = health.show_gap(VI)
    assert [r["commune"] for r in rows] == ["Phú Thuận", "Hồng Thủy", "Hồng Hạ", "Phú Bình", "Tây Lộc"]
    assert [r["missing"] for r in rows] == [90, 35, 8, 0, 0]
    first, never, late, reached = rows[0], rows[1], rows[2], rows[3]
    assert (first["pct__text"], first["change__text"], first["pace__text"]) == ("86,0 %", "+1,0", "+1,00")
    assert (first["months__text"], first["status__text"]) == ("9", "✕ Không đạt")
    assert never["months__text"] == "Không đạt với tốc độ hiện tại" and never["months"] == gap_health.NEVER
    assert (late["months"], late["status__text"]) == (2, "⚠ Có nguy cơ")
    assert (reached["months__text"], reached["station"]) == ("Đã đạt", "Trạm Y tế Phường Phú Bình")
    assert [c["field"] for c in columns if c.get("pinned")] == ["rank", "commune"]
    assert "chỉ tiêu 95 %, hạn 31/12/2025" in hint
    _columns, a_luoi, _hint = health.show_gap({**A_LUOI, "measure": "complete"})
    assert [r["commune"] for r in a_luoi] == ["Hồng Thủy", "Hồng Hạ"]  # 170 and 25 people missing
    assert [r["missing"] for r in a_luoi] == [170, 25]


def test_the_csv_download_holds_exactly_the_rows_shown_in_their_order_with_a_bom():
    columns, rows, _hint = health.show_gap(VI)
    shown = rows[::-1]  # the reader sorted the grid the other way round
    sent = health_view.download_gap(1, shown, rows, columns, VI)
    content = sent["content"]
    raw = base64.b64decode(content) if sent.get("base64") else content.encode("utf-8")
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0] == [c["headerName"] for c in columns]
    assert [line[1] for line in table[1:]] == [r["commune"] for r in shown]
    assert table[-1][columns.index(next(c for c in columns if c["field"] == "pct"))] == "86,0 %"
    assert sent["filename"] == "ho-so-suc-khoe_xa-con-thieu_2025-12.csv"
    assert health_view.download_gap(1, None, rows, columns, {**A_LUOI, "month": "2025-11"})[
        "filename"
    ].endswith("_2025-11_481.csv")


def test_data_checks_count_missing_reports_implausible_rows_and_rows_left_out():
    checks = text(health.show_checks({**VI, "district": "474"}))
    assert "Xã chưa có báo cáo tháng 12/2025: 0" in checks
    assert "Dòng có số hồ sơ đầy đủ lớn hơn số đã tạo lập: 1" in checks
    assert "Dòng có số hồ sơ đã tạo lập vượt dân số (trên 100 %): 1" in checks
    assert "Dòng bị loại khi nạp số liệu y tế (mọi tháng): 6" in checks
    everywhere = health.show_checks({**VI, "lang": "en"})
    assert "Communes with no report for Dec 2025: 1" in text(everywhere) and "Hong Van" not in text(
        everywhere
    )
    link = everywhere.children[-1].children[-1]
    assert link.href == "/data?lang=en&source=health"


def test_filters_and_clicks_go_into_the_url():
    assert health_view.view_search(A_LUOI) == "?district=481"  # level follows the district by default
    chosen = health_view.changed_view(A_LUOI, ids.HEALTH_LEVEL_CONTROL, "district")
    assert health_view.view_search(chosen) == "?district=481&level=district"
    moved = health_view.changed_view({**A_LUOI, "commune": "19900"}, ids.HEALTH_DISTRICT_DROPDOWN, "474")
    assert health_view.view_search(moved) == "?district=474"
    latest = health_view.changed_view(VI, ids.HEALTH_MONTH_DROPDOWN, "2025-12")
    assert latest["month"] is None  # the month shown by default is not written
    assert health_view.changed_view(VI, ids.HEALTH_MONTH_DROPDOWN, "2025-08")["month"] == "2025-08"
    click = {"properties": {"code": "19906", "level": "commune", "district_code": "481"}}
    assert health_view.view_search(health_view.clicked_view({**VI, "lang": "en"}, click)) == (
        "?lang=en&district=481&commune=19906"
    )
    district_click = {"properties": {"code": "474", "level": "district", "district_code": "474"}}
    assert health_view.view_search(health_view.clicked_view(VI, district_click)) == "?district=474"
    assert health_view.pick_on_map(click, {**A_LUOI, "commune": "19906"}) is no_update


def test_every_builder_draws_an_empty_state_for_an_empty_frame():
    empty = pd.DataFrame()
    figure = figures_health.trend(empty, empty, {}, "en")
    assert [a.text for a in figure.layout.annotations] == ["No health-record figures for this month and area"]
    assert gap_health.grid(gap_health.ranked(empty, empty, "created", "vi"), "vi")[1] == []
    assert (
        text(cards_health.kpis([("x", None, None)], None, "vi"))
        == "Chưa có số liệu hồ sơ sức khỏe cho tháng và khu vực này"
    )
    shapes = pd.DataFrame({"code": ["19744"], "name_vi": ["Phú Thuận"], "name_ascii": ["Phu Thuan"]})
    assert maps_health.hideout(shapes, pd.DataFrame(columns=["code"]), "created", 95, None, "vi")[
        "fills"
    ] == {"19744": maps_health.NO_DATA}


def test_a_missing_warehouse_gives_empty_states_not_errors(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "WAREHOUSE", tmp_path / "missing.duckdb")
    assert health.fill_filters(VI) == ([], None, [])
    assert "Chưa có số liệu" in text(health.show_kpis(VI)[0])
    assert health.show_map(VI) == (None, {}, None, None)
    assert health.show_gap(VI)[1] == []
    assert "Chưa có số liệu" in text(health.show_checks(VI))


def test_the_map_has_a_tile_layer_only_when_one_is_configured(monkeypatch):
    from dash_leaflet import TileLayer

    from pages import health as page

    def tile_layers(layout) -> list:
        found, stack = [], [layout]
        while stack:
            node = stack.pop()
            if isinstance(node, TileLayer):
                found.append(node)
            children = getattr(node, "children", None)
            stack.extend(children if isinstance(children, list) else [children] if children else [])
        return found

    monkeypatch.setattr(config, "TILE_URL", "")
    assert tile_layers(page.layout()) == []
    monkeypatch.setattr(config, "TILE_URL", "http://127.0.0.1/tiles/{z}/{x}/{y}.png")
    assert [layer.url for layer in tile_layers(page.layout())] == ["http://127.0.0.1/tiles/{z}/{x}/{y}.png"]


def test_the_url_fills_the_page_state_and_ignores_what_it_cannot_use():
    from pages.health import view_state

    assert view_state(district="474") == {**VI, "district": "474", "level": "commune"}
    state = view_state(lang="en", month="2024-13", district="DROP TABLE", commune=["19744", "x"], level="map")
    assert state == {**VI, "lang": "en", "commune": "19744", "level": "commune"}
    assert view_state(month="2024-06", level="district", measure="complete")["level_given"] is True
