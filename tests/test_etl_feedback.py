"""Feedback loading: every validation rule with its stored reason, aliases, deadlines and personal data."""
from __future__ import annotations

from datetime import date

import pytest
from etl_fixtures import (
    FEEDBACK_HEADER,
    PHU_THUAN,
    PHU_THUAN_LAT,
    PHU_THUAN_LON,
    feedback_row,
    query,
    rejected,
    write_csv,
)

from etl import run


def load(tmp_path, rows, **csv_options):
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    write_csv(raw / "feedback" / "export.csv", rows, csv_options.pop("header", FEEDBACK_HEADER), **csv_options)
    result = run.run(raw, db)
    return db, result


BAD_ROWS = [  # (changes to a valid row, rule, column, words the reason must contain)
    ({"service_request_id": ""}, "missing_value", "service_request_id", "empty — a value is required"),
    ({"requested_datetime": "31/02/2024 10:00"}, "bad_datetime", "requested_datetime", "'31/02/2024 10:00'"),
    ({"status": "pending"}, "unknown_value", "status", "expected open or closed"),
    ({"status_detail": "Đã hủy"}, "unknown_value", "status_detail", "expected one of: Đã xử lý"),
    ({"rating": "tuyệt vời"}, "bad_rating", "rating", "expected one of: hài lòng, chấp nhận, không hài lòng"),
    ({"closed_datetime": "2024-07-01 08:00:00"}, "closed_before_requested", "closed_datetime",
     "closed before it was requested"),
    ({"requested_datetime": "2099-01-05 08:00:00", "closed_datetime": "", "updated_datetime": ""},
     "future_date", "requested_datetime", "in the future"),
    ({"lat": "16,4x"}, "bad_number", "lat", "expected a decimal latitude"),
    ({"lat": "107.59", "long": "16.47"}, "latlon_swapped", "lat", "look swapped"),
    ({"lat": "21.03", "long": "105.85"}, "outside_province", "lat", "outside Thừa Thiên Huế"),
    ({"commune_code": "99999"}, "unknown_commune", "commune_code", "not a commune code"),
    ({"commune_code": "", "lat": "16.10", "long": "108.20"}, "outside_province", "lat", "lies in no commune"),
]


@pytest.mark.parametrize("changes, rule, column, words", BAD_ROWS, ids=[b[1] + ":" + b[2] for b in BAD_ROWS])
def test_each_bad_row_is_rejected_with_an_actionable_reason(tmp_path, changes, rule, column, words):
    bad = feedback_row(**{"service_request_id": "2", **changes})
    db, result = load(tmp_path, [feedback_row(service_request_id="1"), bad])
    [(row, kind, stored_rule, stored_column, reason)] = rejected(db, "feedback")
    assert (row, kind, stored_rule, stored_column) == (3, "rejected", rule, column)
    assert reason.startswith("row 3, column") and words in reason
    assert query(db, "SELECT service_request_id FROM feedback") == [("1",)]
    counts = result.results[-1].counts
    assert (counts.read, counts.loaded, counts.rejected, counts.duplicate) == (2, 1, 1, 0)


def test_repeated_ids_are_kept_as_duplicates_not_lost(tmp_path):
    rows = [feedback_row(), feedback_row(), feedback_row(description="khác")]
    db, result = load(tmp_path, rows)
    assert [(r[0], r[1], r[2]) for r in rejected(db, "feedback")] == [
        (3, "duplicate", "exact_duplicate"), (4, "duplicate", "duplicate_id")]
    assert "repeats row 2" in rejected(db, "feedback")[1][4]
    assert result.results[-1].counts.reconciles()


def test_an_id_repeated_in_another_file_is_a_duplicate(tmp_path):
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    write_csv(raw / "feedback" / "a.csv", [feedback_row()], FEEDBACK_HEADER)
    write_csv(raw / "feedback" / "b.csv", [feedback_row(), feedback_row(service_request_id="9")],
              FEEDBACK_HEADER)
    run.run(raw, db)
    assert rejected(db, "feedback") == [
        (2, "duplicate", "exact_duplicate", None, "row 2: id 150330 repeats a.csv row 2")]


def test_an_id_loaded_by_an_earlier_run_is_a_duplicate(tmp_path):
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    write_csv(raw / "feedback" / "a.csv", [feedback_row()], FEEDBACK_HEADER)
    run.run(raw, db)
    write_csv(raw / "feedback" / "b.csv", [feedback_row(rating="")], FEEDBACK_HEADER)
    run.run(raw, db)
    assert rejected(db, "feedback") == [
        (2, "duplicate", "duplicate_id", None, "row 2: id 150330 is already loaded from a.csv row 2")]
    assert query(db, "SELECT source_file, rating FROM feedback") == [("a.csv", "hài lòng")]


@pytest.mark.parametrize("sent, deadline, handled, n", [
    ("2024-07-08 17:07:00", date(2024, 7, 17), "2024-07-17 13:44:00", 7),
    ("2023-01-21 19:30:00", date(2023, 2, 6), "2023-02-07 09:00:00", 7),  # 30 Tết: the break is skipped
    ("2021-05-31 14:11:00", date(2021, 6, 11), "2021-06-11 14:25:00", 9),  # 9 working days before 2022
])
def test_deadlines_match_the_portal(tmp_path, sent, deadline, handled, n):
    db, _ = load(tmp_path, [feedback_row(requested_datetime=sent, closed_datetime=handled,
                                         updated_datetime=handled)])
    stored = query(db, "SELECT deadline_date, deadline_working_days, handling_working_days, on_time "
                       "FROM feedback")[0]
    late = handled[:10] > deadline.isoformat()
    assert stored == (deadline, n, n + (1 if late else 0), not late)


def test_vietnamese_portal_headers_and_formats_load_like_open311(tmp_path):
    portal = ["Mã phản ánh", "Tình trạng", "Trạng thái xử lý", "Mã lĩnh vực", "Lĩnh vực", "Nội dung",
              "Đơn vị xử lý", "Ngày gửi", "Ngày cập nhật", "Hạn xử lý", "Ngày xử lý", "Địa chỉ", "Vĩ độ",
              "Kinh độ", "Kênh", "Đánh giá", "Mã ĐVHC", "Họ tên", "Số điện thoại"]
    row = feedback_row(status="đã đóng", requested_datetime="08/07/2024 17:07",
                       updated_datetime="17/07/2024 13:44", expected_datetime="17/07/2024 17:07",
                       closed_datetime="17/07/2024 13:44", lat=str(PHU_THUAN_LAT).replace(".", ","),
                       long=str(PHU_THUAN_LON).replace(".", ","), rating="Hài Lòng")
    values = {p: row[c] for p, c in zip(portal, FEEDBACK_HEADER)}
    db, result = load(tmp_path, [values], header=portal, delimiter=";")
    assert result.results[-1].counts.loaded == 1
    assert query(db, "SELECT status, requested_at::VARCHAR, lat, lon, rating, commune_code, "
                     "agency_responsible, service_name FROM feedback") == [
        ("closed", "2024-07-08 17:07:00", PHU_THUAN_LAT, PHU_THUAN_LON, "hài lòng", PHU_THUAN,
         "UBND phường Phú Thượng", "Vệ sinh môi trường")]


def test_open311_json_array_loads(tmp_path):
    import json

    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    record = dict(feedback_row(), lat=PHU_THUAN_LAT, long=PHU_THUAN_LON)
    (raw / "feedback").mkdir(parents=True)
    (raw / "feedback" / "requests.json").write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")
    run.run(raw, db)
    assert query(db, "SELECT service_request_id, lat FROM feedback") == [("150330", PHU_THUAN_LAT)]


def test_personal_data_never_reaches_the_warehouse(tmp_path, capsys):
    bad = feedback_row(service_request_id="2", lat="x")
    db, _ = load(tmp_path, [feedback_row(), bad])
    con_text = " ".join(str(v) for table in ("feedback", "rejected_rows", "etl_runs")
                        for row in query(db, f"SELECT * FROM {table}") for v in row)
    printed = capsys.readouterr()
    for secret in ("Trần Thị Bình", "0912 345 678", "0912345678"):
        assert secret not in con_text and secret not in printed.out + printed.err
    hashes = query(db, "SELECT DISTINCT reporter_hash FROM feedback")
    assert len(hashes) == 1 and len(hashes[0][0]) == 64


def test_a_missing_commune_is_found_from_the_point(tmp_path):
    db, _ = load(tmp_path, [feedback_row(commune_code="")])
    assert query(db, "SELECT commune_code, district_code, commune_from_point FROM feedback") == [
        (PHU_THUAN, "474", True)]


def test_unverified_reports_carry_their_reason_and_no_on_time_flag(tmp_path):
    db, _ = load(tmp_path, [feedback_row(status_detail="Trùng lặp", closed_datetime="", rating="")])
    assert query(db, "SELECT verified, not_verified_reason, on_time FROM feedback") == [
        (False, "duplicate", None)]
