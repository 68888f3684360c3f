"""The bad-input corpus (tests/data/bad): every malformed file gets a clear outcome and nothing valid
in the same run is lost; counts reconcile for every file."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from etl_fixtures import FEEDBACK_HEADER, feedback_row, query, write_csv

from etl import run

CORPUS = Path(__file__).resolve().parent / "data" / "bad"

#: file -> (status, rows loaded, [(row, rule, column)] left out, words of the etl_runs message or None)
EXPECTED = {
    "01_windows1258.csv": ("loaded", 2, [], "read as Windows-1258"),
    "02_utf16.csv": ("loaded", 2, [], "read as UTF-16"),
    "03_truncated_last_line.csv": ("loaded", 1, [(3, "missing_value", "requested_datetime")], None),
    "04_header_only.csv": ("loaded", 0, [], None),
    "05_empty.csv": ("failed", 0, [], "the file is empty (no header row)"),
    "06_unknown_columns.csv": ("loaded", 1, [], None),
    "07_missing_column.csv": ("failed", 0, [], "missing required column(s) lat"),
    "08_duplicate_header.csv": ("failed", 0, [], "columns 13 and 20 both mean 'lat'"),
    "09_swapped_latlon.csv": ("loaded", 1, [(3, "latlon_swapped", "lat")], None),
    "10_other_province.csv": ("loaded", 1, [(3, "outside_province", "lat")], None),
    "11_mixed_dates.csv": ("loaded", 3, [(5, "bad_datetime", "requested_datetime")], None),
    "12_timezones.csv": ("loaded", 2, [], None),
    "13_repeated_ids_a.csv": ("loaded", 2, [], None),
    "14_repeated_ids_b.csv": ("loaded", 1, [(2, "exact_duplicate", None)], None),
    "15_not_an_array.json": ("failed", 0, [], "expected a JSON array of objects"),
    "16_formula_text.csv": ("loaded", 3, [], None),
    "17_too_many_fields.csv": ("loaded", 2, [(3, "malformed_line", None)], None),
    "18_unterminated_quote.csv": ("loaded", 1, [(3, "malformed_line", None)], None),
    "19_semicolon_decimal_comma.csv": ("loaded", 1, [], None),
    "20_bad_codes.csv": ("loaded", 0, [(2, "bad_rating", "rating"), (3, "unknown_value", "status"),
                                       (4, "unknown_commune", "commune_code")], None),
    "21_future_and_order.csv": ("loaded", 0, [(2, "future_date", "requested_datetime"),
                                              (3, "closed_before_requested", "closed_datetime")], None),
    "22_thousands_separators.csv": ("loaded", 2, [], None),
    "23_negative_absurd_counts.csv": ("loaded", 0, [
        (2, "negative_count", "records_complete"), (3, "implausible_value", "population"),
        (4, "created_gt_population", "records_created"), (5, "complete_gt_created", "records_complete"),
        (6, "bad_period", "period")], None),
    "24_unknown_sensor_absurd.csv": ("loaded", 1, [(3, "unknown_value", "sensor_id"),
                                                   (4, "implausible_value", "motorbikes")], None),
    "25_bad_area.csv": ("loaded", 1, [(3, "unknown_commune", "area_code")], None),
    "26_bad_kind.csv": ("loaded", 1, [(3, "unknown_value", "kind")], None),
    "27_several_sheets_merged_header.xlsx": ("loaded", 2, [(6, "unknown_value", "level")],
                                             "read sheet 'Danh sách', header on row 3"),
    "28_vietnamese_headers.csv": ("loaded", 1, [], None),
    "29_binary_garbage.csv": ("failed", 0, [], "neither UTF-8, UTF-16 nor Windows-1258"),
}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    raw, db = folder / "raw", folder / "w.duckdb"
    shutil.copytree(CORPUS, raw, ignore=shutil.ignore_patterns("*.md"))
    write_csv(raw / "feedback" / "00_good.csv", [feedback_row(service_request_id=f"G{i}") for i in range(50)],
              FEEDBACK_HEADER)
    result = run.run(raw, db, forecasts=False)
    return db, result


def test_the_corpus_has_at_least_25_malformed_files():
    assert len([p for p in CORPUS.rglob("*") if p.is_file() and p.suffix != ".md"]) >= 26


@pytest.mark.parametrize("file_name", sorted(EXPECTED))
def test_each_bad_file_has_its_expected_outcome(loaded, file_name):
    db, _ = loaded
    status, rows_loaded, left_out, words = EXPECTED[file_name]
    [(got_status, read, got_loaded, rejected, duplicate, message)] = query(
        db, "SELECT status, rows_read, rows_loaded, rows_rejected, rows_duplicate, message FROM etl_runs "
            "WHERE file_name = ?", [file_name])
    assert (got_status, got_loaded) == (status, rows_loaded)
    assert read == got_loaded + rejected + duplicate
    assert query(db, "SELECT row_number, rule, column_name FROM rejected_rows WHERE file_name = ? "
                     "ORDER BY row_number", [file_name]) == left_out
    if words:
        assert words in message and (status == "loaded" or message.startswith(f"{_source(file_name)}/"))


def _source(file_name: str) -> str:
    return next(p.parent.name for p in CORPUS.rglob(file_name))


def test_nothing_valid_in_the_same_run_is_lost(loaded):
    db, result = loaded
    assert query(db, "SELECT count(*) FROM feedback WHERE service_request_id LIKE 'G%'") == [(50,)]
    assert {r.source for r in result.failed} == {"feedback"}
    assert query(db, "SELECT count(*) FROM schools") == [(2,)]


def test_messy_values_are_read_as_meant(loaded):
    db, _ = loaded
    assert query(db, "SELECT service_request_id, requested_at::VARCHAR FROM feedback "
                     "WHERE service_request_id IN ('B1201', 'B1202', 'B1103') ORDER BY 1") == [
        ("B1103", "2024-07-08 17:07:00"), ("B1201", "2024-07-08 17:07:00"), ("B1202", "2024-07-08 17:07:00")]
    assert query(db, "SELECT description FROM feedback WHERE service_request_id = 'B102'") == [
        ("Đường ngập sau mưa lớn",)]
    assert query(db, "SELECT period::VARCHAR, population, records_created, records_complete FROM "
                     "health_coverage ORDER BY period") == [("2024-01-01", 9000, 8000, 5000),
                                                            ("2024-02-01", 9100, 8100, 5050)]
    # the row after a malformed line keeps its own line number
    assert query(db, "SELECT source_row FROM feedback WHERE service_request_id = 'B1703'") == [(4,)]


def test_a_malformed_feedback_line_never_stores_its_text(loaded):
    db, _ = loaded
    assert query(db, "SELECT raw FROM rejected_rows WHERE rule = 'malformed_line' AND source = 'feedback'") == [
        (None,), (None,)]


def test_a_50_mb_export_loads_completely(tmp_path):
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    row = feedback_row(description="Rác thải tồn đọng lâu ngày " * 20)
    rows = [dict(row, service_request_id=f"L{i}") for i in range(95_000)]
    path = write_csv(raw / "feedback" / "big.csv", rows, FEEDBACK_HEADER)
    assert path.stat().st_size > 50 * 2**20
    result = run.run(raw, db, forecasts=False)
    assert result.results[-1].counts.loaded == 95_000
