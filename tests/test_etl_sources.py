"""Health, schools, traffic, places and targets: rules, types and the traffic rollups."""
from __future__ import annotations

import pytest
from etl_fixtures import CENTRES, PHU_THUAN, query, rejected, write_csv
from openpyxl import Workbook

from etl import run

LAT, LON = (str(v) for v in CENTRES[PHU_THUAN])


def load(tmp_path, files: dict[str, list[dict]]):
    raw, db = tmp_path / "raw", tmp_path / "w.duckdb"
    for name, rows in files.items():
        write_csv(raw / name, rows, bom=False)
    return db, run.run(raw, db)


def health(**changes):
    return {"commune_code": PHU_THUAN, "period": "2024-05", "population": "9000", "records_created": "8000",
            "records_complete": "5000", **changes}


@pytest.mark.parametrize("changes, rule, column", [
    ({"commune_code": "12345"}, "unknown_commune", "commune_code"),
    ({"period": "2024-13"}, "bad_period", "period"),
    ({"population": "nine"}, "bad_integer", "population"),
    ({"records_complete": "-4"}, "negative_count", "records_complete"),
    ({"records_created": "9001"}, "created_gt_population", "records_created"),
    ({"records_complete": "8001"}, "complete_gt_created", "records_complete"),
])
def test_health_rules(tmp_path, changes, rule, column):
    db, _ = load(tmp_path, {"health/h.csv": [health(period="2024-04"), health(**changes)]})
    assert [r[:4] for r in rejected(db, "health")] == [(3, "rejected", rule, column)]
    assert query(db, "SELECT district_code, period::VARCHAR, records_created FROM health_coverage") == [
        ("474", "2024-04-01", 8000)]


def write_schools_xlsx(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(list(rows[0]))
    for row in rows:
        sheet.append(list(row.values()))
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)


def school(**changes):
    return {"school_id": "S1", "name": "THPT Quốc Học", "level": "THPT",
            "ownership": "Công lập", "commune_code": PHU_THUAN, "lat": LAT, "lon": LON,
            "school_year": "2024-2025", "students": 1200, "classrooms": 36, "smart_classrooms": 2,
            "has_broadband": "có", **changes}


def test_schools_load_from_xlsx_with_rules(tmp_path):
    rows = [school(), school(school_id="S2", level="đại học"), school(school_id="S3", school_year="2024-2026"),
            school(school_id="S4", smart_classrooms=40), school(school_id="S5", has_broadband="không")]
    write_schools_xlsx(tmp_path / "raw" / "schools" / "2024.xlsx", rows)
    db, _ = load(tmp_path, {})
    assert [r[:4] for r in rejected(db, "schools")] == [
        (3, "rejected", "unknown_value", "level"), (4, "rejected", "bad_period", "school_year"),
        (5, "rejected", "smart_gt_classrooms", "smart_classrooms")]
    assert query(db, "SELECT school_id, level, ownership, year_start, has_broadband FROM schools ORDER BY 1") == [
        ("S1", "THPT", "công lập", 2024, True), ("S5", "THPT", "công lập", 2024, False)]


def sensor(sensor_id="HV-1", capacity="1000"):
    return {"sensor_id": sensor_id, "corridor": "Hùng Vương", "lat": LAT, "lon": LON,
            "capacity_veh_h": capacity, "commune_code": ""}


def count(hour, motorbikes, sensor_id="HV-1"):
    return {"sensor_id": sensor_id, "hour_start": f"2024-07-08 {hour:02d}:00:00", "motorbikes": str(motorbikes),
            "cars": "100", "trucks_buses": "10", "avg_speed_kmh": "31,5"}


def test_traffic_counts_roll_up_per_day_with_congestion_hours(tmp_path):
    hours = {7: 800, 8: 700, 12: 500, 17: 900}          # + 110 cars/trucks each hour
    counts = [count(h, m) for h, m in hours.items()] + [count(9, 50, sensor_id="XX-9")]
    db, _ = load(tmp_path, {"traffic_sensors/s.csv": [sensor()], "traffic_counts/c.csv": counts})
    vehicles = [m + 110 for m in hours.values()]
    congested = sum(v > 0.85 * 1000 for v in vehicles)
    assert query(db, "SELECT vehicles, hours_counted, congestion_hours, peak_ratio FROM traffic_daily") == [
        (sum(vehicles), 4, congested, max(vehicles) / 1000)]
    assert query(db, "SELECT sum(vehicles), sum(congestion_hours) FROM traffic_hour_of_week") == [
        (sum(vehicles), congested)]
    assert [r[2:4] for r in rejected(db, "traffic_counts")] == [("unknown_value", "sensor_id")]
    assert query(db, "SELECT commune_code FROM traffic_sensors") == [(PHU_THUAN,)]


def test_incidents_places_and_targets(tmp_path):
    incident = {"incident_id": "I1", "occurred_at": "08/07/2024 17:30", "kind": "Va chạm", "severity": "nặng",
                "deaths": "1", "injuries": "2", "lat": LAT, "lon": LON}
    place = {"place_id": "P1", "kind": "điểm hỗ trợ du khách", "name": "1 Phạm Hồng Thái", "lat": LAT,
             "lon": LON}
    targets = [{"indicator_id": "health_created_pct", "area_code": "", "target_value": "95",
                "due_date": "31/12/2025", "legal_source": "QĐ 5349/QĐ-BYT"},
               {"indicator_id": "health_created_pct", "area_code": "474", "target_value": "97,5",
                "due_date": "2025-12-31", "legal_source": "x"},
               {"indicator_id": "x", "area_code": "999", "target_value": "1", "due_date": "", "legal_source": ""}]
    db, _ = load(tmp_path, {"traffic_incidents/i.csv": [incident, {**incident, "incident_id": "I2",
                                                                    "kind": "cháy"}],
                            "places/p.csv": [place], "targets/t.csv": targets})
    assert query(db, "SELECT kind, deaths, injuries, commune_code FROM traffic_incidents") == [
        ("va chạm", 1, 2, PHU_THUAN)]
    assert query(db, "SELECT place_id, district_code FROM places") == [("P1", "474")]
    assert query(db, "SELECT area_code, target_value, due_date::VARCHAR FROM targets ORDER BY 1") == [
        ("46", 95.0, "2025-12-31"), ("474", 97.5, "2025-12-31")]
    assert [r[2:4] for r in rejected(db, "targets")] == [("unknown_commune", "area_code")]
