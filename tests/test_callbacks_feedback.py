"""The feedback page's callbacks called directly on the hand-written reports of ``fixture_feedback``."""

from __future__ import annotations

import csv
import io
from datetime import date

import fixture_feedback as fx
import pandas as pd
import plotly.graph_objects as go
import plotly.io
import pytest
from dash import no_update

import app  # noqa: F401  (registers the pages and callbacks)
import config
from callbacks import (
    cards_feedback,
    feedback,
    feedback_charts,
    feedback_records,
    maps_feedback,
    tables_feedback,
    theme,
)
from callbacks import figures_feedback as figs
from callbacks import figures_feedback_handling as handling_figs
from queries.db import clear_cache


@pytest.fixture(scope="module", autouse=True)
def feedback_warehouse(tmp_path_factory):
    path = fx.build(tmp_path_factory.mktemp("feedback-callbacks") / "warehouse.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", path)
        clear_cache()
        yield path
    clear_cache()


def state(lang="vi", **params) -> dict:
    """The page state for January 2025 (backlog at 07/02/2025, the data's last day is 03/02)."""
    resolved = feedback.resolve(
        {"lang": lang, "start": "2025-01-01", "end": "2025-01-31", **params},
        date(2024, 1, 10),
        date(2025, 2, 3),
    )
    return {**resolved, "as_of": fx.AS_OF.isoformat()}


def test_no_period_in_the_url_means_the_twelve_months_up_to_the_latest_report():
    resolved = feedback.resolve({"lang": "en"}, date(2024, 1, 10), date(2025, 2, 3))
    assert (resolved["start"], resolved["end"], resolved["as_of"]) == (
        "2024-02-05",
        "2025-02-03",
        "2025-02-03",
    )
    assert (resolved["grain"], resolved["by"], resolved["lang"]) == ("month", "category", "en")


def test_junk_in_the_url_is_dropped_and_a_reversed_period_put_right():
    resolved = feedback.resolve(
        {
            "start": "2025-03-01",
            "end": "2025-01-01",
            "status": "deleted",
            "channel": "fax",
            "grain": "hour",
            "district": "474",
        },
        date(2024, 1, 10),
        date(2025, 2, 3),
    )
    assert (resolved["start"], resolved["end"], resolved["as_of"]) == (
        "2025-01-01",
        "2025-03-01",
        "2025-02-03",
    )
    assert resolved["status"] is None and resolved["channel"] is None and resolved["grain"] == "month"
    assert resolved["district"] == "474"


def test_choosing_filters_writes_the_url_and_a_new_district_drops_a_commune_elsewhere():
    current = state(district="474", commune="19753")
    chosen = {name: current.get(name) for name in feedback.URL_ORDER}
    assert feedback.filters_search(chosen, current) is no_update
    assert feedback.filters_search({**chosen, "district": "478"}, current) == (
        "?start=2025-01-01&end=2025-01-31&district=478&grain=month&by=category"
    )
    alone = state()
    url = feedback.filters_search(
        {**{n: alone.get(n) for n in feedback.URL_ORDER}, "commune": "19990"}, alone
    )
    assert "district=478&commune=19990" in url
    assert feedback.filters_search({**chosen, "end": "2025-01-15T00:00:00"}, current).startswith(
        "?start=2025-01-01&end=2025-01-15&"
    )


def test_clicking_a_chart_filters_the_page_and_clicking_again_clears_it():
    current = state(lang="en")
    click = {"points": [{"customdata": "GT"}]}
    url = feedback.cross_filter_search(fx_id("category"), click, current)
    assert url == "?lang=en&start=2025-01-01&end=2025-01-31&category=GT&grain=month&by=category"
    assert "category=GT" not in feedback.cross_filter_search(
        fx_id("category"), click, {**current, "category": "GT"}
    )
    commune = {"points": [{"customdata": ["19990", "commune", "478"]}]}
    assert "district=478&commune=19990" in feedback.cross_filter_search(fx_id("area"), commune, current)
    row = {"rowId": fx.HEPCO, "colId": "agency"}
    assert "agency=C%C3%B4ng+ty" in feedback.cross_filter_search(fx_id("agency"), row, current)
    feature = {"type": "Feature", "properties": {"code": "19753", "district": "474"}}
    assert "district=474&commune=19753" in feedback.cross_filter_search(fx_id("map"), feature, current)
    assert (
        feedback.cross_filter_search(fx_id("category"), {"points": [{"customdata": None}]}, current)
        is no_update
    )


def fx_id(kind: str) -> str:
    """A component whose click filters by ``kind``."""
    return next(component for component, (_, k) in feedback.CLICKABLE.items() if k == kind)


def test_clear_filters_keeps_the_period_and_chart_settings():
    current = state(district="474", category="GT", grain="week")
    assert feedback.clear_filters(1, current) == "?start=2025-01-01&end=2025-01-31&grain=week&by=category"


def test_the_first_screen_checks_the_urls_params_itself():
    params = {"lang": "en", "start": "2025-01-01", "end": "2025-01-31", "status": "nonsense", "grain": "hour"}
    resolved = feedback.resolve_state(params)
    assert (resolved["status"], resolved["grain"], resolved["as_of"]) == (None, "month", "2025-01-31")
    assert feedback.state_of(params) == resolved and feedback.state_of(resolved) is resolved
    as_json = plotly.io.json.to_json_plotly
    assert as_json(feedback_charts.show_volume(params)) == as_json(feedback_charts.show_volume(resolved))
    assert as_json(feedback_charts.show_summary(params)) == as_json(feedback_charts.show_summary(resolved))
    assert as_json(feedback.fill_filters(params)) == as_json(feedback.fill_filters(resolved))
    assert feedback.fill_filters(params)[:2] == ("2025-01-01", "2025-01-31")


def test_kpi_cards_show_the_on_time_share_against_the_target_with_a_word():
    cards = feedback_charts.show_summary(state())
    rated = feedback_charts.show_ratings(state())[0]
    funnel = go.Figure(feedback_charts.show_funnel(state()))
    texts = [[p.children for p in card.children] for card in cards]
    on_time = next(t for t in texts if t[0] == "Xử lý đúng hạn")
    assert on_time[1] == "75,0 %" and on_time[2] == "✕ Không đạt"  # 6 of 8, target 90 %
    assert "Chỉ tiêu ≥ 90 %" in on_time
    past = next(t for t in texts if t[0] == "Còn mở, đã quá hạn")
    assert past[1] == "2"  # R5 and R11 at the end of 07/02/2025
    assert "66,7 %" in rated and "6 lượt đánh giá" in rated and "8 phản ánh đã xử lý" in rated
    assert list(funnel.data[0].x)[::-1] == [13, 10, 8, 6, 2, 6]


def test_agency_table_colours_each_unit_against_the_target_and_names_the_source():
    columns, rows, note = feedback_charts.show_agencies(state())
    by_agency = {r["agency"]: r for r in rows}
    assert (
        by_agency[fx.PHU_HOI]["status__tone"] == "ok"
        and by_agency[fx.PHU_HOI]["status__text"] == "✓ Đạt chỉ tiêu"
    )
    assert by_agency[fx.GTVT]["status__tone"] == "bad" and by_agency[fx.GTVT]["on_time_pct__text"] == "50,0 %"
    assert by_agency[fx.HEPCO]["p90_days__text"] == "9,4"
    assert fx.TARGET[4] in note and columns[1]["headerName"] == "Đơn vị xử lý"


def test_the_record_table_pages_on_the_server():
    request = {"startRow": 0, "endRow": 5, "sortModel": [{"colId": "requested_at", "sort": "asc"}]}
    first = feedback_records.show_record_page(request, state())
    assert first["rowCount"] == 13
    assert [r["id"] for r in first["rowData"]] == ["R1", "R5", "R2", "R7", "R8"]
    second = feedback_records.show_record_page({**request, "startRow": 5, "endRow": 10}, state())
    assert [r["id"] for r in second["rowData"]] == ["R9", "R10", "R12", "R13", "R14"]
    r1 = first["rowData"][0]
    assert r1["requested_at__text"] == "02/01/2025 09:00" and r1["status__text"] == "✓ Xử lý đúng hạn"
    assert "reporter_hash" not in r1 and r1["description"].endswith("anh *** ***")


def test_the_export_link_downloads_exactly_the_filtered_reports_with_formulas_neutralised():
    link = feedback_records.export_link(state(lang="en", district="474"))
    assert link.startswith("/export/feedback_records.csv?") and "area=474" in link
    response = app_client().get(link)
    assert response.status_code == 200
    content = response.get_data(as_text=True)
    assert content.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(content[1:])))[1:]  # after the statement line
    header, records = rows[0], rows[1:]
    assert header[0] == "Report id" and header[-1] == "Description (personal data masked)"
    expected = {r.id for r in fx.REPORTS if fx.in_period(r) and r.district == "474"}
    assert {row[0] for row in records} == expected and len(expected) == 11
    by_id = {row[0]: row for row in records}
    assert by_id["R7"][-1].startswith("'=HYPERLINK(")
    assert "hash-" not in content and "Trần Phú" not in content.replace("đường Trần Phú", "")


def test_the_export_link_carries_every_filter_of_the_table():
    link = feedback_records.export_link(state(district="474", channel="app", status="open"))
    response = app_client().get(link)
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True)[1:])))[2:]
    expected = {r.id for r in fx.REPORTS if fx.in_period(r) and r.district == "474" and r.channel == "app"
                and r.verified and r.closed is None}
    assert expected and {row[0] for row in rows} == expected


def app_client():
    from app import app as hue_app

    return hue_app.server.test_client()


def test_the_map_shows_communes_zoomed_out_and_only_big_enough_cells_zoomed_in():
    current = state()
    hideout, _legend = feedback_records.colour_communes(current, 9)
    assert set(hideout["bins"]) == {"19753", "19756", "19990"} and hideout["outline"] is False
    assert hideout["labels"]["19753"].startswith("Phú Hội: 8 phản ánh · 6,7 / 10.000 dân (dân số ước tính)")
    cells, note = feedback_records.show_cells(current, 9, [[16.0, 107.0], [16.8, 108.2]])
    assert cells["features"] == [] and "Phóng to" in note
    cells, note = feedback_records.show_cells(current, 15, [[16.40, 107.50], [16.52, 107.65]])
    assert [f["properties"]["n"] for f in cells["features"]] == [6]
    assert cells["features"][0]["geometry"]["coordinates"] == [107.59, 16.461]
    assert note.startswith("Đang hiển thị 1 ô") and "3 ô dưới 5 phản ánh (7 phản ánh) bị ẩn" in note
    assert feedback_records.focus_map(state(commune="19753", district="474")) == {
        "center": [16.462, 107.595],
        "zoom": maps_feedback.POINTS_ZOOM,
    }


def test_charts_speak_the_language_and_carry_codes_for_cross_filtering():
    volume = go.Figure(feedback_charts.show_volume(state(lang="en")))  # a plain figure, validated here
    assert volume.layout.separators == ".," and {t.name for t in volume.data} >= {"Same period last year"}
    assert volume.layout.template.layout.font.family == theme.FONT
    categories, _channels = (go.Figure(fig) for fig in feedback_charts.show_shares(state()))
    assert categories.layout.separators == ",." and list(categories.data[0].customdata)[-1] == "VSMT"
    per_10k = go.Figure(feedback_charts.show_per_10k(state(district="474")))
    assert [c[0] for c in per_10k.data[0].customdata] == ["19756", "19753"]
    assert "dân số ước tính" in per_10k.layout.xaxis.title.text


def test_handling_and_rating_charts_carry_codes_the_deadline_and_how_many_answered():
    # plain figures: building a go.Figure runs Plotly's validators, so an invalid property fails here
    handling = go.Figure(feedback_charts.show_handling(state()))
    backlog = go.Figure(feedback_charts.show_backlog(state())[0])
    over_time, by_category = (go.Figure(fig) for fig in feedback_charts.show_ratings(state(lang="en"))[1:])
    assert list(handling.data[0].customdata) == ["GT", "VSMT", "TTDT"]  # the slowest median first
    assert handling.layout.annotations[0].text == "Hạn xử lý trong dữ liệu: 7 ngày làm việc"
    assert handling.layout.shapes[0].x0 == 7 and handling.layout.shapes[0].line.dash == "dash"
    assert [list(bars.y) for bars in backlog.data] == [[2, 0, 0, 0], [0, 0, 1, 1]]  # R5 and R11 past
    assert list(backlog.data[1].text) == ["2", "0", "1", "1"] and backlog.layout.separators == ",."
    assert [d.name for d in over_time.data] == ["Satisfied", "Acceptable", "Dissatisfied", "Share rated"]
    assert list(over_time.data[-1].y) == [75.0]  # 6 rated of 8 handled
    assert list(by_category.data[0].customdata) == ["GT", "TTDT", "VSMT"]
    assert list(by_category.data[-1].text) == [" 1 · 50%", " 2 · 67%", " 3 · 100%"]


def test_the_reasons_chart_counts_the_reports_not_verified_with_their_share_of_all_received():
    reasons = go.Figure(feedback_charts.show_reasons(state(lang="en")))
    assert list(reasons.data[0].y) == ["Invalid or spam", "Duplicate"]  # R13; R12 and R14: the most on top
    assert list(reasons.data[0].x) == [1, 2]
    assert list(reasons.data[0].text) == [" 1 · 7.7%", " 2 · 15.4%"]  # of the 13 received
    assert reasons.data[0].customdata is None and reasons.layout.xaxis.range == (0, 3.2)


def test_the_volume_chart_leaves_more_room_for_longer_counts():
    # whether the room suffices is checked where it is drawn (tests/browser: margins_widened)
    def left_margin(reports: int) -> float:
        frame = pd.DataFrame({"bucket": pd.to_datetime(["2025-01-01"]), "key": "GT", "reports": [reports]})
        return figs.volume_chart(frame, frame.iloc[:0], "category", "month", "vi")["layout"]["margin"]["l"]

    assert left_margin(90) < left_margin(12_000) < left_margin(1_500_000)


def test_every_builder_draws_an_empty_state():
    empty = pd.DataFrame()
    built = [
        figs.volume_chart(empty, empty, "category", "month", "en"),
        figs.share_bars(empty, "channel", "en"),
        figs.funnel(empty, "en"),
        figs.reasons_bar(empty, "en"),
        figs.per_10k_bars(empty, "en"),
        handling_figs.handling_boxes(empty, "en"),
        handling_figs.backlog_bars(empty, "en"),
        handling_figs.ratings_over_time(empty, "month", "en"),
        handling_figs.ratings_by_category(empty, "en"),
    ]
    for fig in built:
        assert len(fig.layout.annotations) == 1 and fig.data == ()
    assert (
        cards_feedback.kpi_cards(empty, empty, empty, state(), "en").children == "No data for this selection"
    )
    assert (
        maps_feedback.cells(empty, "en")["features"] == [] and tables_feedback.record_rows(empty, "en") == []
    )
    assert tables_feedback.agency_grid(empty, 90.0, "en")[1] == []
