"""The monthly A4 briefing (``/briefing.pdf``) on the demo warehouse, through the Flask test client.

One PDF per language is generated for the whole module (a briefing costs seconds: queries, three charts
through chromium, WeasyPrint). Its text, read back with pypdf, is compared with figures computed here
with plain SQL and pandas on the same warehouse, written the vi-VN / en way by hand.
"""

from __future__ import annotations

import io
import struct
from datetime import timedelta

import duckdb
import pandas as pd
import plotly.graph_objects as go
import psutil
import pytest
from pypdf import PdfReader

import config
from app import app
from queries import kpi_board
from queries.kpi_periods import Period
from reports import briefing, charts

#: The template's layout: the indicators; what needs attention, feedback, traffic; the health map, notes.
PAGES = 3


@pytest.fixture(scope="module")
def client(demo_warehouse):
    """A test client of the app serving the demo warehouse (module-wide: the PDFs are shared)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", demo_warehouse.db)
        yield app.server.test_client()


def sql(demo_warehouse, text: str, params: list | None = None) -> pd.DataFrame:
    with duckdb.connect(str(demo_warehouse.db), read_only=True) as con:
        return con.execute(text, params or []).df()


@pytest.fixture(scope="module")
def facts(demo_warehouse) -> dict:
    """The latest complete month and the area picked for the English briefing, found here."""
    span = sql(
        demo_warehouse,
        "SELECT min(f) AS first, max(l) AS last FROM ("
        "SELECT min(requested_at)::DATE AS f, max(requested_at)::DATE AS l FROM feedback "
        "UNION ALL SELECT min(day), max(day) FROM traffic_daily "
        "UNION ALL SELECT min(period), max(period) FROM health_coverage)",
    ).iloc[0]
    last = pd.Timestamp(span["last"]).date()
    month_start = last.replace(day=1)
    if (last + timedelta(days=1)).month == last.month:  # the month of the last day is not complete
        month_start = (month_start - timedelta(days=1)).replace(day=1)
    month_end = (month_start + timedelta(days=32)).replace(day=1)
    district = sql(
        demo_warehouse,
        "SELECT code, name_vi FROM areas WHERE level = 'district' AND name_vi <> name_ascii ORDER BY code LIMIT 1",
    ).iloc[0]
    return {
        "first": pd.Timestamp(span["first"]).date().replace(day=1),
        "last": last,
        "start": month_start,
        "end": month_end,
        "key": f"{month_start:%Y-%m}",
        "district": str(district["code"]),
        "district_name": str(district["name_vi"]),
    }


def received_and_on_time(demo_warehouse, facts: dict, district: str | None) -> tuple[int, float]:
    """Reports received in the month, and the % on time of those closed in it (province or one district)."""
    rows = sql(
        demo_warehouse,
        "SELECT requested_at, closed_at, verified, on_time, district_code FROM feedback "
        "WHERE (requested_at >= ? AND requested_at < ?) OR (closed_at >= ? AND closed_at < ?)",
        [facts["start"], facts["end"], facts["start"], facts["end"]],
    )
    if district:
        rows = rows[rows["district_code"] == district]
    start, end = pd.Timestamp(facts["start"]), pd.Timestamp(facts["end"])
    received = int(((rows["requested_at"] >= start) & (rows["requested_at"] < end)).sum())
    closed = rows[rows["verified"] & (rows["closed_at"] >= start) & (rows["closed_at"] < end)]
    judged = closed["on_time"].dropna().astype(bool)
    return received, 100.0 * judged.sum() / len(judged)


def text_of(response) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(response.data)).pages]


@pytest.fixture(scope="module")
def vi_pdf(client):
    """The default briefing: latest month, whole province, Vietnamese."""
    return client.get("/briefing.pdf")


@pytest.fixture(scope="module")
def en_pdf(client, facts):
    """An English briefing for one district, month and area given in the link."""
    return client.get(f"/briefing.pdf?month={facts['key']}&area={facts['district']}&lang=en")


def test_default_briefing_is_the_latest_month_for_the_province_inline(vi_pdf, facts):
    assert vi_pdf.status_code == 200
    assert vi_pdf.mimetype == "application/pdf"
    assert vi_pdf.data.startswith(b"%PDF-")
    assert vi_pdf.headers["Content-Disposition"] == f'inline; filename="ban-tin-{facts["key"]}-province.pdf"'


def test_vietnamese_briefing_has_its_pages_numbered_and_dated(vi_pdf, facts):
    pages = text_of(vi_pdf)
    assert len(pages) == PAGES
    for number, text in enumerate(pages, start=1):
        assert f"Trang {number} / {PAGES}" in text
        assert f"Dữ liệu đến {facts['last']:%d/%m/%Y}" in text
    first = pages[0]
    assert "Tổng quan" in first
    assert f"Tháng {facts['start'].month}/{facts['start'].year} · Toàn tỉnh Thừa Thiên Huế" in first
    assert "DỮ LIỆU MẪU" in first  # the demo warehouse says so


def test_vietnamese_briefing_shows_the_month_figures_written_the_vi_way(vi_pdf, demo_warehouse, facts):
    received, on_time = received_and_on_time(demo_warehouse, facts, None)
    first = text_of(vi_pdf)[0]
    assert f"{received:,}".replace(",", ".") in first
    assert f"{on_time:.1f}".replace(".", ",") + " %" in first
    words = " ".join(first.split())  # table cells wrap their words over lines
    assert "Chỉ tiêu minh hoạ (ước tính)" in words  # an illustrative target is never shown as a fact
    assert "Dân số ước tính" in words


def test_vietnamese_briefing_lists_coverage_of_every_district(vi_pdf, demo_warehouse, facts):
    coverage = sql(
        demo_warehouse,
        "SELECT a.name_vi, 100.0 * sum(h.records_created) / sum(h.population) AS created, "
        "100.0 * sum(h.records_complete) / sum(h.population) AS complete FROM health_coverage h "
        "JOIN areas a ON a.code = h.district_code WHERE h.period = ? GROUP BY a.name_vi",
        [facts["start"]],
    )
    lines = text_of(vi_pdf)[2].splitlines()
    assert len(coverage) == 9
    for name, created, complete in coverage.itertuples(index=False):
        written = f"{name} {created:.1f} % {complete:.1f} %".replace(".", ",")
        assert any(line.startswith(written) for line in lines), written


def test_needs_attention_follows_the_overview(vi_pdf):
    second = text_of(vi_pdf)[1]
    assert "Cần chú ý" in second
    assert "Phản ánh hiện trường" in second and "Giao thông" in second


def test_english_briefing_for_a_district(en_pdf, demo_warehouse, facts):
    assert en_pdf.status_code == 200
    assert en_pdf.mimetype == "application/pdf"
    assert f'filename="ban-tin-{facts["key"]}-{facts["district"]}.pdf"' in en_pdf.headers["Content-Disposition"]
    pages = text_of(en_pdf)
    assert len(pages) == PAGES
    assert f"Page {PAGES} / {PAGES}" in pages[-1]
    received, on_time = received_and_on_time(demo_warehouse, facts, facts["district"])
    first = pages[0]
    assert "Overview" in first and facts["district_name"] in first
    assert f"{received:,}" in first
    assert f"{on_time:.1f}%" in first
    assert f"Data up to {facts['last'].day} {facts['last']:%b %Y}" in first


def test_feedback_chart_months_match_the_warehouse(client, demo_warehouse, facts):
    period = Period("month", facts["start"])
    months = briefing.feedback_months(kpi_board.history(period), "46", period)
    assert len(months) == briefing.TREND_MONTHS
    assert months["month"].max() == pd.Timestamp(facts["start"])
    counts = sql(
        demo_warehouse,
        "SELECT date_trunc('month', requested_at)::DATE AS month, count(*) AS n FROM feedback "
        "GROUP BY ALL ORDER BY month",
    )
    expected = dict(zip(pd.to_datetime(counts["month"]), counts["n"]))
    assert [expected[m] for m in months["month"]] == months["received"].astype(int).tolist()


@pytest.mark.parametrize(
    "query",
    ["month=2025-13", "month=12-2025", "month=", "month=1999-01", "area=999", "area=", "lang=fr", "lang=EN"],
)
def test_an_invalid_link_answers_400_with_a_reason(client, query):
    response = client.get(f"/briefing.pdf?{query}")
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    reason = response.get_data(as_text=True)
    assert reason.strip() and reason.count("\n") == 1


def test_a_month_after_the_data_answers_400(client, facts):
    response = client.get(f"/briefing.pdf?month={facts['end']:%Y-%m}")
    assert response.status_code == 400
    assert facts["key"] in response.get_data(as_text=True)  # the reason names the latest month


def _browsers() -> set[str]:
    """The chromium instances this process started, told apart by their profile folder (a browser's
    tabs and helpers come and go; a new browser always gets a new profile)."""
    profiles = set()
    for child in psutil.Process().children(recursive=True):
        if "chrom" in child.name().lower():
            profiles |= {arg for arg in child.cmdline() if arg.startswith("--user-data-dir=")}
    return profiles


def test_charts_reuse_one_renderer(vi_pdf):
    running = _browsers()
    image = charts.png(go.Figure(go.Bar(x=[1, 2], y=[3, 4])), width=400)
    assert running and _browsers() == running  # the briefing's renderer, not a new browser
    assert image.startswith(b"\x89PNG")
    width, height = struct.unpack(">II", image[16:24])
    assert (width, height) == (400 * charts.SCALE, charts.DEFAULT_HEIGHT * charts.SCALE)


def test_month_range_is_checked_against_the_data(client, facts):
    first, latest = briefing.month_range()
    assert latest.key == facts["key"]
    assert first.start == facts["first"]
