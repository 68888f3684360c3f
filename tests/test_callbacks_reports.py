"""The reports page's callbacks, called directly on the fixture warehouse of ``fixture_feedback``
(January 2025): the URL's choices checked, the count, the download links and the preview pages."""

from __future__ import annotations

from collections import Counter

import fixture_feedback as fx
import pytest
from dash import no_update

import config
from callbacks import reports
from queries.db import clear_cache

JANUARY = {"from": "2025-01-01", "to": "2025-01-31"}


@pytest.fixture(scope="module", autouse=True)
def feedback_warehouse(tmp_path_factory):
    path = fx.build(tmp_path_factory.mktemp("reports") / "warehouse.duckdb")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", path)
        clear_cache()
        yield path
    clear_cache()


def january(**match) -> list[fx.Report]:
    return [r for r in fx.REPORTS if fx.in_period(r) and all(getattr(r, k) == v for k, v in match.items())]


def test_the_count_and_links_follow_the_url_choices():
    state = reports.resolve({"dataset": "feedback_records", "area": "474", **JANUARY})
    count, note, columns, csv, xlsx, parquet = reports.show_summary(state)
    assert count == f"{len(january(district='474'))} dòng"
    assert note and [c["field"] for c in columns][:2] == ["id", "requested_at"]
    assert csv == "/export/feedback_records.csv?area=474&from=2025-01-01&to=2025-01-31"
    assert xlsx.startswith("/export/feedback_records.xlsx?") and parquet.startswith(
        "/export/feedback_records.parquet?"
    )


def test_the_preview_pages_and_sorts_in_the_query_layer():
    state = reports.resolve({"dataset": "feedback_by_commune_category", "month": "2025-01"})
    block = reports.show_preview_rows(
        {"startRow": 0, "endRow": 2, "sortModel": [{"colId": "reports", "sort": "desc"}]}, state
    )
    counts = Counter((r.commune, r.code) for r in january())
    assert block["rowCount"] == len(counts)
    top = min(counts.items(), key=lambda item: (-item[1], item[0]))  # ties in the export's own order
    first = block["rowData"][0]
    assert (first["commune_code"], first["category_code"]) == top[0] and len(block["rowData"]) == 2
    assert first["reports"] == "< 5" if top[1] < 5 else str(top[1])


def test_an_invalid_choice_says_why_and_offers_no_download():
    state = reports.resolve({"dataset": "crashes", "area": "<script>alert(1)</script>"})
    count, _note, columns, *links = reports.show_summary(state)
    assert "unknown area" in count and columns == [] and links == [None, None, None]
    assert reports.show_preview_rows({"startRow": 0, "endRow": 50}, state) is no_update


def test_choosing_writes_the_url_and_a_new_dataset_drops_its_columns():
    state = reports.resolve({"dataset": "feedback_records", "columns": "id,status", **JANUARY})
    assert (
        reports.choices_search(
            "feedback_records", None, "2025-01-01", "2025-01-31", None, ["id", "status"], state
        )
        is no_update
    )
    moved = reports.choices_search(
        "feedback_records", "474", "2025-01-01", "2025-01-31", None, ["id", "status"], state
    )
    assert moved == "?dataset=feedback_records&area=474&from=2025-01-01&to=2025-01-31&columns=id%2Cstatus"
    other = reports.choices_search("crashes", None, "2025-01-01", "2025-01-31", None, ["id", "status"], state)
    assert other == "?dataset=crashes&from=2025-01-01&to=2025-01-31"


def test_the_briefing_link_names_month_area_and_language():
    state = reports.resolve({"lang": "en"})
    assert reports.briefing_link("2025-01", "474", state) == "/briefing.pdf?month=2025-01&area=474&lang=en"
    assert (
        reports.briefing_link("2025-01", None, state) == "/briefing.pdf?month=2025-01&area=province&lang=en"
    )
