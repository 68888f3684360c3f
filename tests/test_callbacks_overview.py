"""The overview's callbacks called directly on the hand-written warehouse of fixture_kpi: what the
cards, the "needs attention" list and the league table show, and the URL a change writes."""

from __future__ import annotations

from datetime import date
from urllib.parse import unquote

import pytest
from components import find
from dash import no_update
from fixture_kpi import build_kpi

import app  # noqa: F401  (registers the pages and callbacks)
import config
import i18n
import ids
from callbacks import figures_overview, overview, overview_view
from queries import indicators, kpi, kpi_board
from queries.db import clear_cache
from queries.kpi_sql import Query, Sql, grouped

STATE = {"lang": "vi", "grain": "month", "period": None, "district": None}


@pytest.fixture(scope="module", autouse=True)
def kpi_warehouse(tmp_path_factory):
    path = build_kpi(tmp_path_factory.mktemp("kpi_callbacks") / "warehouse.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", path)
        clear_cache()
        yield path
    clear_cache()


def texts(component) -> list[str]:
    """Every string in a component tree, in order."""
    if component is None:
        return []
    if isinstance(component, str):
        return [component]
    if isinstance(component, (list, tuple)):
        return [s for child in component for s in texts(child)]
    found = [getattr(component, "title", None)] if isinstance(getattr(component, "title", None), str) else []
    return found + texts(getattr(component, "children", None))


def shown(state: dict = STATE):
    view, *_ = overview.resolve_view(state)
    return view, overview.show_overview(view)


def test_the_view_defaults_to_the_latest_complete_month_and_fills_the_pickers():
    view, options, period, areas, area = overview.resolve_view(STATE)
    assert (view["period"], period, area) == ("2025-11", "2025-11", "province")  # data reach 1 December
    assert [o["label"] for o in options] == ["Tháng 11/2025", "Tháng 10/2025", "Tháng 9/2025"]
    assert areas[0] == {"label": "Toàn tỉnh", "value": "province"} and len(areas) == 10


def test_a_period_or_district_the_data_do_not_have_falls_back_to_the_default():
    view, *_ = overview.resolve_view({**STATE, "period": "2026-05", "district": "999"})
    assert (view["period"], view["district"]) == ("2025-11", None)
    view, *_ = overview.resolve_view({**STATE, "grain": "quarter", "period": "2025-Q3", "district": "474"})
    assert (view["period"], view["district"]) == ("2025-Q3", "474")


def test_one_callback_fills_the_pickers_and_what_the_view_shows():
    state = {**STATE, "grain": "quarter", "period": "2025-Q3", "district": "474"}
    view, options, period, areas, area, title, *shown_parts = overview.show_page(state)
    assert (view["period"], period, area) == ("2025-Q3", "2025-Q3", "474")
    assert options[0]["value"] == "2025-Q3" and len(areas) == 10
    assert title == overview.show_overview(view)[0] and title.endswith("Quý 3/2025")
    assert len(shown_parts) == 4  # cards, attention, league columns, league rows


def test_cards_show_value_target_status_changes_and_where_the_target_comes_from():
    _view, (title, cards, _attention, _cols, _rows) = shown()
    assert title == "Toàn tỉnh · Tháng 11/2025"
    on_time = texts(find(cards, ids.overview_card("feedback_on_time_pct")))
    assert "60,0 %" in on_time and "✕ Không đạt" in on_time
    assert "Chỉ tiêu: ≥ 90,0 %" in on_time and "Chỉ tiêu minh hoạ (ước tính)" in on_time
    assert any("Căn cứ: Chỉ tiêu minh hoạ" in s and "hạn 31/12/2025" in s for s in on_time)  # on hover
    received = texts(find(cards, ids.overview_card("feedback_received")))
    assert "10" in received and "▲ +900,0 %" in received  # 1 in October
    per_10k = texts(find(cards, ids.overview_card("feedback_per_10k")))
    assert "Dân số ước tính" in per_10k
    satisfaction = texts(find(cards, ids.overview_card("feedback_satisfaction_pct")))
    assert "Có đánh giá: 66,7 % số phản ánh đã xử lý" in satisfaction
    crashes = texts(find(cards, ids.overview_card("traffic_crashes")))
    assert "Chỉ tiêu: ≤ 2 (24/năm)" in crashes and "✓ Đạt chỉ tiêu" in crashes


def test_the_sparkline_draws_the_periods_with_a_value_and_the_target():
    _view, (_title, cards, *_rest) = shown()
    received = find(cards, ids.overview_spark("feedback_received"))
    assert [line.split(": ")[1] for line in received.title.split("\n")] == ["1", "1", "10"]
    assert received.src.startswith("data:image/svg+xml") and "polyline" in received.src
    on_time = find(cards, ids.overview_spark("feedback_on_time_pct"))
    assert on_time.title.split("\n")[-1] == "Chỉ tiêu: 90,0 %"
    assert "stroke-dasharray" in unquote(on_time.src)  # the target, dotted


def test_the_sparkline_puts_the_latest_point_last_and_the_target_at_its_height():
    svg = unquote(figures_overview.spark_svg([0.0, 0.5, 1.0], [10.0, 20.0, 30.0], target=20.0))
    points = [tuple(map(float, p.split(","))) for p in svg.split('points="')[1].split('"')[0].split()]
    assert [x for x, _ in points] == [6.0, 120.0, 234.0]
    assert points[0][1] > points[1][1] > points[2][1]  # higher values drawn higher up
    target_y = float(svg.split('y1="')[1].split('"')[0])
    assert target_y == points[1][1]


def test_the_league_table_has_a_status_coloured_cell_per_district_and_headline_indicator():
    _view, (*_cards, columns, rows) = shown()
    assert [c["field"] for c in columns][:2] == ["name", "feedback_verified_pct"]
    assert len(rows) == 9
    hue = next(r for r in rows if r["area_code"] == "474")
    expected = kpi.values("feedback_on_time_pct", date(2025, 11, 1), date(2025, 12, 1), "district", "474")
    assert hue["feedback_on_time_pct"] == expected["value"].iloc[0] == 50.0
    assert (hue["feedback_on_time_pct__text"], hue["feedback_on_time_pct__tone"]) == ("⚠ 50,0 %", "warn")
    assert next(r for r in rows if r["area_code"] == "476")["feedback_on_time_pct__text"] == "–"


def test_needs_attention_names_the_worst_first_and_links_to_its_page_with_the_filters():
    _view, (_title, _cards, attention, *_grid) = shown()
    first = attention.children[0]
    words = texts(first)
    assert words[0] == "✕ Không đạt" and words[1] == "Xử lý đúng hạn · Toàn tỉnh"
    assert first.children[-1].href == "/feedback?start=2025-11-01&end=2025-11-30"
    hue = next(i for i in attention.children if "Xử lý đúng hạn · Huế" in texts(i))
    assert hue.children[-1].href == "/feedback?start=2025-11-01&end=2025-11-30&district=474"


def test_a_chosen_district_shows_its_own_cards_and_links():
    _view, (title, cards, attention, _c, rows) = shown({**STATE, "district": "474", "lang": "en"})
    assert title == "Huế · Nov 2025"
    assert "50.0%" in texts(find(cards, ids.overview_card("feedback_on_time_pct")))
    # 8.5 working days against the catalogue's default of 7; 50 % against Huế's own 52 %
    assert [texts(i)[:2] for i in attention.children] == [
        ["✕ Off target", "Median handling time · Huế"],
        ["⚠ At risk", "Handled on time · Huế"],
    ]
    assert next(r for r in rows if r["area_code"] == "474")["selected"] is True


def test_an_indicator_added_to_the_catalogue_shows_as_a_card_and_a_league_column(monkeypatch):
    def verified_reports(scope):
        date_sql = Sql("CAST(date_trunc(?, requested_at) AS DATE)", (scope.grain,))
        facts = Sql(
            f"SELECT {date_sql.text} AS period_start, district_code, commune_code FROM feedback "
            "WHERE verified AND requested_at >= ? AND requested_at < ?",
            date_sql.params + (scope.start, scope.end),
        )
        counts = grouped("test_verified", facts, Sql("count(*) AS n"), scope)
        return Query(Sql("SELECT period_start, area_code, n AS value FROM test_verified"), (counts,))

    monkeypatch.setitem(i18n.STRINGS, "indicator.test_verified", ("Phản ánh hợp lệ (thử)", "Verified (test)"))
    monkeypatch.setitem(i18n.STRINGS, "indicator.test_verified.hint", ("Thử", "Test"))
    indicators.register(
        indicators.Indicator("test_verified", "count", "up", "sum", verified_reports, "/feedback")
    )
    try:
        _view, (_title, cards, _attention, columns, rows) = shown()
        card = texts(find(cards, ids.overview_card("test_verified")))
        assert "Phản ánh hợp lệ (thử)" in card and "8" in card  # 8 verified of 10 received in November
        assert "test_verified" in [c["field"] for c in columns]
        assert next(r for r in rows if r["area_code"] == "478")["test_verified"] == 4  # F4 F5 F6 F10
    finally:
        indicators.unregister("test_verified")


def test_changing_a_picker_writes_the_url_and_a_new_grain_keeps_the_time_of_year():
    view, *_ = overview.resolve_view(STATE)
    assert overview_view.filters_search("month", "2025-11", "province", view, False) is no_update
    assert overview_view.filters_search("month", "2025-10", "province", view, False) == "?period=2025-10"
    assert (
        overview_view.filters_search("month", "2025-11", "478", view, False) == "?period=2025-11&district=478"
    )
    # November 2025 is in Q4, which the data do not finish: the latest complete quarter instead
    assert (
        overview_view.filters_search("quarter", "2025-11", "province", view, True)
        == "?grain=quarter&period=2025-Q3"
    )
    english = {**view, "lang": "en"}
    assert (
        overview_view.filters_search("year", None, "province", english, True)
        == "?lang=en&grain=year&period=2024"
    )


def test_clicking_a_league_row_shows_that_district():
    view, *_ = overview.resolve_view(STATE)
    assert overview.choose_district({"rowId": "478", "colId": "name"}, view) == "?period=2025-11&district=478"
    assert overview.choose_district(None, view) is no_update


def test_without_a_warehouse_the_page_says_there_is_no_period(monkeypatch, tmp_path):
    monkeypatch.setattr(config, "WAREHOUSE", tmp_path / "missing.duckdb")
    view, options, *_ = overview.resolve_view(STATE)
    assert view["period"] is None and options == []
    _title, cards, _attention, _columns, rows = overview.show_overview(view)
    assert "Chưa có kỳ nào có đủ dữ liệu" in texts(cards)[0] and rows == []


def test_a_sparkline_without_values_says_so_instead_of_drawing():
    entry = indicators.get("feedback_received")
    empty = figures_overview.sparkline("spark", kpi_board.Spark([], []), entry, "month", "en")
    assert (empty.id, empty.children) == ("spark", i18n.t("empty.selection", "en"))
    assert "kpi-spark-empty" in empty.className
