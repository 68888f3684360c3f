"""The seeded demo generator: byte-stable output and the contracts of DESIGN §3.1, checked independently."""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest
import shapely
from openpyxl import load_workbook
from shapely.geometry import shape

import config
from etl.demo import defects, generate

START, END, SCALE = date(2024, 12, 1), date(2025, 2, 28), 0.2
OPEN311 = ["service_request_id", "status", "status_detail", "service_code", "service_name", "description",
           "agency_responsible", "requested_datetime", "updated_datetime", "expected_datetime",
           "closed_datetime", "address", "lat", "long", "channel", "rating", "commune_code", "citizen_name",
           "citizen_phone"]
PORTAL = ["Mã phản ánh", "Tình trạng", "Trạng thái xử lý", "Mã lĩnh vực", "Lĩnh vực", "Nội dung",
          "Đơn vị xử lý", "Ngày gửi", "Ngày cập nhật", "Hạn xử lý", "Ngày xử lý", "Địa chỉ", "Vĩ độ",
          "Kinh độ", "Kênh", "Đánh giá", "Mã ĐVHC", "Họ tên", "Số điện thoại"]
PHONE = re.compile(r"(?<!\d)0\d{9}(?!\d)")


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The same arguments written twice; the second folder first holds stale files from an older run."""
    first, second = tmp_path_factory.mktemp("demo_a"), tmp_path_factory.mktemp("demo_b")
    (second / "feedback").mkdir()
    (second / "feedback" / "hue-s_1999-01.csv").write_text("stale", encoding="utf-8")
    (second / "notes").mkdir()
    (second / "notes" / "keep.txt").write_text("not ours", encoding="utf-8")
    counts = generate(first, start=START, end=END, scale=SCALE, progress=False)
    generate(second, start=START, end=END, scale=SCALE, progress=False)
    return first, second, counts


@pytest.fixture(scope="module")
def raw(runs) -> Path:
    return runs[0]


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _csv(path: Path, sep: str = ",") -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")), delimiter=sep))


def _feedback_rows(raw: Path) -> list[dict]:
    """Every report as Open311 field names with '.' decimals, whatever file shape it came in."""
    rows = []
    for path in sorted((raw / "feedback").iterdir()):
        if path.name == defects.FILE_NAME:
            continue  # the supplementary file repeats and breaks rows on purpose (tested below)
        if path.suffix == ".json":
            records = json.loads(path.read_text("utf-8"))
            rows += [{k: "" if v is None else str(v) for k, v in r.items()} for r in records]
        elif path.name.startswith("phan-anh_"):
            for r in _csv(path, ";"):
                row = dict(zip(OPEN311, r.values()))
                row["lat"], row["long"] = row["lat"].replace(",", "."), row["long"].replace(",", ".")
                rows.append(row)
        else:
            rows += _csv(path)
    return rows


def _communes() -> dict[str, shapely.Geometry]:
    with open(config.GEO_DIR / "hue_communes_approx.geojson", encoding="utf-8") as fh:
        return {f["properties"]["code"]: shape(f["geometry"]) for f in json.load(fh)["features"]}


def test_same_seed_and_arguments_give_identical_bytes(runs):
    first, second, _ = runs
    a, b = _files(first), _files(second)
    b.pop("notes/keep.txt")
    assert a.keys() == b.keys()
    assert [name for name in a if a[name] != b[name]] == []
    assert any(name.endswith(".xlsx") for name in a)


def test_rerun_replaces_its_folders_and_leaves_others_alone(runs):
    _, second, _ = runs
    assert not (second / "feedback" / "hue-s_1999-01.csv").exists()
    assert (second / "notes" / "keep.txt").read_text(encoding="utf-8") == "not ours"


def test_marker_says_demo_with_its_arguments(raw):
    marker = json.loads((raw / "_demo.json").read_text(encoding="utf-8"))
    assert marker == {"origin": "demo", "seed": 20190725, "start": "2024-12-01", "end": "2025-02-28",
                      "scale": 0.2}


def test_feedback_months_come_in_three_shapes(raw):
    names = sorted(p.name for p in (raw / "feedback").iterdir())
    assert names == ["hue-s_2025-01.csv", "hue-s_bo-sung.csv", "phan-anh_2024-12.csv", "requests_2025-02.json"]


def test_open311_csv_starts_with_bom_and_open311_header(raw):
    data = (raw / "feedback" / "hue-s_2025-01.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data[3:].decode("utf-8").splitlines()[0].split(",") == OPEN311


def test_portal_export_uses_semicolons_vietnamese_headers_and_local_formats(raw):
    data = (raw / "feedback" / "phan-anh_2024-12.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = _csv(raw / "feedback" / "phan-anh_2024-12.csv", ";")
    assert list(rows[0]) == PORTAL
    assert {r["Tình trạng"] for r in rows} <= {"đang mở", "đã đóng"}
    assert all(re.fullmatch(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", r["Ngày gửi"]) for r in rows)
    assert all(re.fullmatch(r"16,\d+", r["Vĩ độ"]) for r in rows)


def test_json_month_is_a_list_of_open311_objects(raw):
    records = json.loads((raw / "feedback" / "requests_2025-02.json").read_text(encoding="utf-8"))
    assert isinstance(records, list) and records
    assert all(list(r) == OPEN311 for r in records)
    assert all(isinstance(r["lat"], float) and isinstance(r["long"], float) for r in records)
    assert any(r["rating"] is None for r in records)


def test_feedback_ids_are_unique_and_count_matches(raw, runs):
    rows = _feedback_rows(raw)
    supplementary = _csv(raw / "feedback" / defects.FILE_NAME, ",")
    assert len(rows) + len(supplementary) == runs[2]["feedback"]
    assert len({r["service_request_id"] for r in rows}) == len(rows)


def test_the_supplementary_file_repeats_known_reports_and_carries_typical_slips(raw):
    rows = _csv(raw / "feedback" / defects.FILE_NAME, ",")
    monthly = {r["service_request_id"] for r in _feedback_rows(raw)}
    repeated = [r for r in rows if r["service_request_id"] in monthly]
    assert len(rows) == 20 and len(repeated) == 6
    assert {r["requested_datetime"] for r in rows} >= {"2025-02-31 09:15:00", ""}


def test_every_feedback_point_lies_inside_its_commune(raw):
    polygons = _communes()
    rows = [r for r in _feedback_rows(raw) if r["commune_code"]]
    assert rows
    outside = [r["service_request_id"] for r in rows
               if not polygons[r["commune_code"]].contains(shapely.Point(float(r["long"]), float(r["lat"])))]
    assert outside == []


def test_unverified_reports_have_no_agency_deadline_or_rating(raw):
    rejected = {"Trùng lặp", "Không đủ thông tin", "Không thuộc thẩm quyền", "Không hợp lệ"}
    rows = [r for r in _feedback_rows(raw) if r["status_detail"] in rejected]
    assert rows
    assert all(r["status"] in ("closed", "đã đóng") for r in rows)
    assert all(r["agency_responsible"] == r["expected_datetime"] == r["rating"] == "" for r in rows)


def test_phone_numbers_appear_only_in_the_phone_column(raw):
    for path in sorted(raw.rglob("*")):
        if path.suffix in (".csv", ".json"):
            text = path.read_text(encoding="utf-8-sig")
            rows = json.loads(text) if path.suffix == ".json" else list(csv.DictReader(
                io.StringIO(text), delimiter=";" if path.name.startswith("phan-anh_") else ","))
            rows = rows if isinstance(rows, list) else [rows]
        elif path.suffix == ".xlsx":
            values = list(load_workbook(path, read_only=True).active.values)
            rows = [dict(zip(values[0], row)) for row in values[1:]]
        else:
            continue
        for row in rows:
            for column, value in row.items():
                if column in ("citizen_phone", "Số điện thoại"):
                    assert re.fullmatch(r"09\d{8}", value), (path.name, value)
                else:
                    assert not PHONE.search(str(value)), (path.name, column, value)


def test_health_counts_never_fall_exceed_population_or_invert(raw):
    rows = sorted(_csv(raw / "health" / "hssk_2024.csv") + _csv(raw / "health" / "hssk_2025.csv"),
                  key=lambda r: (r["commune_code"], r["period"]))
    assert len(rows) == 152 * 3
    previous: dict[str, tuple[int, int]] = {}
    for r in rows:
        created, complete = int(r["records_created"]), int(r["records_complete"])
        people = int(r["population"])
        assert complete <= created <= people
        before = previous.get(r["commune_code"], (0, 0))
        assert created >= before[0] and complete >= before[1]
        previous[r["commune_code"]] = (created, complete)


def test_schools_2024_2025_match_the_published_totals(raw):
    book = load_workbook(raw / "schools" / "truong_hoc_2024-2025.xlsx", read_only=True)
    assert book.sheetnames == ["Danh sách"]
    values = list(book["Danh sách"].values)
    rows = [dict(zip(values[0], row)) for row in values[1:]]
    levels = {}
    for r in rows:
        levels[r["level"]] = levels.get(r["level"], 0) + 1
    assert len(rows) == 569
    assert levels == {"mầm non": 205, "tiểu học": 190, "THCS": 120, "THPT": 42, "khác": 12}
    assert sum(r["ownership"] == "ngoài công lập" for r in rows) == 37
    smart = {r["name"] for r in rows if r["smart_classrooms"] >= 1}
    assert len(smart) == 6 and "Trường THPT chuyên Quốc Học" in smart
    polygons = _communes()
    assert all(polygons[r["commune_code"]].contains(shapely.Point(r["lon"], r["lat"])) for r in rows)


def test_traffic_counts_cover_every_sensor_hour(raw, runs):
    sensors = _csv(raw / "traffic_sensors" / "sensors.csv")
    assert len(sensors) == 8  # one per corridor at this scale
    hours = ((END - START).days + 1) * 24
    assert runs[2]["traffic_counts"] == len(sensors) * hours
    rows = _csv(raw / "traffic_counts" / "counts_2025-01.csv")
    assert len(rows) == len(sensors) * 31 * 24
    assert len({(r["sensor_id"], r["hour_start"]) for r in rows}) == len(rows)


def test_incidents_lie_inside_the_province(raw):
    with open(config.GEO_DIR / "hue_districts.geojson", encoding="utf-8") as fh:
        province = shapely.union_all([shape(f["geometry"]) for f in json.load(fh)["features"]])
    rows = _csv(raw / "traffic_incidents" / "incidents_2025.csv")
    assert {r["kind"] for r in rows} <= {"va chạm", "ùn tắc", "ngập"}
    assert all(province.contains(shapely.Point(float(r["lon"]), float(r["lat"]))) for r in rows)


def test_places_and_targets(raw):
    places = _csv(raw / "places" / "places.csv")
    assert sum(p["kind"] == "trạm y tế xã" for p in places) == 152
    targets = {t["indicator_id"]: t for t in _csv(raw / "targets" / "targets.csv")}
    assert targets["health_created_pct"]["legal_source"].startswith("QĐ 5349/QĐ-BYT")
    assert targets["traffic_crashes"]["legal_source"] == "Chỉ tiêu minh hoạ (ước tính, dữ liệu mẫu)"
    assert all(t["area_code"] == "" for t in targets.values())
