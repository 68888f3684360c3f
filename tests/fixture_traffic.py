"""Hand-written traffic for tests: a tmp warehouse from etl/schema.sql (via fixture_warehouse) plus four
sensors on two corridors, their hourly counts on a few days of 2024 and 2025, crashes and other
incidents, days off and district outlines. The rollups are built by the ETL's own step
(``etl.sources.traffic.rebuild_rollups``). Tests compute what they expect from the rows below with
pandas, never by querying the warehouse.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pandas as pd
from fixture_warehouse import build

from etl.sources.traffic import rebuild_rollups

CORRIDOR_A, CORRIDOR_B = "Đường Ánh Sáng", "Đường Bờ Sông"
#: sensor_id, corridor, lat, lon, capacity, commune, district. Corridor A crosses two districts.
SENSORS = [
    ("A-1", CORRIDOR_A, 16.4600, 107.5900, 1000, "19753", "474"),
    ("A-2", CORRIDOR_A, 16.4650, 107.6000, 2000, "19753", "474"),
    ("A-3", CORRIDOR_A, 16.4300, 107.6400, 1000, "19969", "479"),
    ("B-1", CORRIDOR_B, 16.5200, 107.6800, 500, "19990", "478"),
]
#: Hourly shape (share of the sensor's base volume), night low, two peaks.
SHAPE = [0.05] * 6 + [0.5, 0.9, 0.7, 0.5, 0.5, 0.6, 0.6, 0.5, 0.5, 0.6, 0.8, 0.95, 0.8, 0.4, 0.3, 0.2, 0.1,
                      0.05]
#: Sensor -> base volume (vehicles per hour at shape 1).
BASE = {"A-1": 900, "A-2": 1500, "A-3": 700, "B-1": 460}
#: Counted days: Monday 3/3/2025, Saturday 8/3/2025, Wednesday 30/4/2025 (a holiday, busier), 1/4/2025,
#: and Monday 4/3/2024 (last year). A-1 also counts only the first 12 hours of Friday 28/2/2025.
DAYS = {date(2025, 3, 3): 1.0, date(2025, 3, 8): 0.8, date(2025, 4, 30): 1.2, date(2025, 4, 1): 1.0,
        date(2024, 3, 4): 0.9}
PARTIAL_DAY = date(2025, 2, 28)
#: Exactly at the threshold (850 of 1000 = 0.85: not congested) and one vehicle above it (congested).
EDGE_HOURS = {("A-1", datetime(2025, 3, 3, 7)): 850, ("A-1", datetime(2025, 3, 3, 8)): 851}


def _split(total: int, sensor: str, hour: int) -> tuple[int, int, int]:
    """Motorbikes, cars, trucks and buses adding up to ``total`` (shares vary by sensor and hour)."""
    cars = total * (10 + hour % 5) // 100 + (2 if sensor == "A-2" else 0)
    trucks = total * (3 + hour % 3) // 100
    return total - cars - trucks, cars, trucks


def count_rows() -> list[tuple]:
    """sensor_id, hour_start, motorbikes, cars, trucks_buses, avg_speed_kmh."""
    rows = []
    for sensor, base in BASE.items():
        hours = [(d, h, f) for d, f in DAYS.items() for h in range(24)]
        if sensor == "A-1":
            hours += [(PARTIAL_DAY, h, 1.0) for h in range(12)]
        for day, hour, factor in hours:
            start = datetime(day.year, day.month, day.day, hour)
            total = EDGE_HOURS.get((sensor, start), round(base * SHAPE[hour] * factor))
            rows.append((sensor, start, *_split(total, sensor, hour), 40.0))
    return rows


def counts() -> pd.DataFrame:
    """The hourly counts joined to their sensor, as the tests read them."""
    frame = pd.DataFrame(count_rows(), columns=["sensor_id", "hour_start", "motorbikes", "cars",
                                                "trucks_buses", "avg_speed_kmh"])
    frame["vehicles"] = frame[["motorbikes", "cars", "trucks_buses"]].sum(axis=1)
    frame["day"] = frame["hour_start"].dt.date
    return frame.merge(sensors(), on="sensor_id")


def sensors() -> pd.DataFrame:
    return pd.DataFrame(SENSORS, columns=["sensor_id", "corridor", "lat", "lon", "capacity_veh_h",
                                          "commune_code", "district_code"])


#: incident_id, occurred_at, kind, severity, deaths, injuries, road_type, corridor, lat, lon, district.
#: C1 and C2 share a ~500 m cell (a hotspot); C6 is last year; J1 and F1 are not crashes.
INCIDENTS = [
    ("C1", datetime(2025, 3, 1, 17, 5), "va chạm", "nghiêm trọng", 1, 0, "đô thị", CORRIDOR_A, 16.4601,
     107.5901, "474"),
    ("C2", datetime(2025, 3, 20, 18, 40), "va chạm", "nhẹ", 0, 2, "đô thị", CORRIDOR_A, 16.4603, 107.5903,
     "474"),
    ("C3", datetime(2025, 5, 2, 7, 0), "va chạm", "rất nghiêm trọng", 2, 1, "quốc lộ", CORRIDOR_B, 16.5201,
     107.6801, "478"),
    ("C4", datetime(2025, 4, 30, 23, 59), "va chạm", "nhẹ", 0, 1, None, None, 16.3000, 107.5000, "479"),
    ("C5", datetime(2025, 5, 31, 0, 1), "va chạm", "đặc biệt nghiêm trọng", 3, 0, "nông thôn", None, 16.2000,
     107.4000, "481"),
    ("C6", datetime(2024, 3, 10, 8, 0), "va chạm", "nhẹ", 0, 1, "đô thị", CORRIDOR_A, 16.4600, 107.5900,
     "474"),
    ("J1", datetime(2025, 3, 3, 7, 30), "ùn tắc", None, 0, 0, "đô thị", CORRIDOR_A, 16.4600, 107.5900, "474"),
    ("F1", datetime(2025, 3, 4, 9, 0), "ngập", None, 0, 0, "đô thị", None, 16.4700, 107.6000, "474"),
]
#: Days off as the calendar stores them: Tết 2025 (the weekend inside it unnamed) and 30/4–1/5.
DAYS_OFF = [
    (date(2025, 1, 27), "Tết Nguyên đán Ất Tỵ"), (date(2025, 1, 28), "Tết Nguyên đán Ất Tỵ"),
    (date(2025, 1, 29), "Tết Nguyên đán Ất Tỵ"), (date(2025, 1, 30), "Tết Nguyên đán Ất Tỵ"),
    (date(2025, 1, 31), "Tết Nguyên đán Ất Tỵ"), (date(2025, 2, 3), "Mùng sáu (nghỉ bù)"),
    (date(2025, 4, 30), "Ngày Chiến thắng"), (date(2025, 5, 1), "Ngày Quốc tế Lao động"),
    (date(2025, 9, 2), "Quốc khánh"),
]
SQUARE = '{"type": "Polygon", "coordinates": [[[107.5, 16.4], [107.7, 16.4], [107.7, 16.6], [107.5, 16.4]]]}'


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: str, rows: list[tuple]) -> None:
    names = columns.split()
    marks = ", ".join("?" for _ in names)
    con.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})", [list(r) for r in rows])


def _calendar(first: date, last: date) -> list[tuple]:
    named = dict(DAYS_OFF)
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return [(d, d.weekday() < 5 and d not in named, named.get(d)) for d in days]


def build_traffic(path: Path) -> Path:
    """The fixture warehouse at ``path`` with the traffic rows above and the ETL's rollups."""
    build(path, traffic_counts=[])
    con = duckdb.connect(str(path))
    try:
        _insert(con, "traffic_sensors",
                "sensor_id corridor lat lon capacity_veh_h commune_code district_code source_file source_row",
                [(*s, "sensors.csv", i + 2) for i, s in enumerate(SENSORS)])
        _insert(con, "traffic_counts",
                "sensor_id hour_start motorbikes cars trucks_buses vehicles avg_speed_kmh source_file "
                "source_row",
                [(s, h, m, c, tb, m + c + tb, v, "counts.csv", i + 2)
                 for i, (s, h, m, c, tb, v) in enumerate(count_rows())])
        _insert(con, "traffic_incidents", "incident_id occurred_at kind severity deaths injuries road_type "
                "corridor lat lon district_code source_file source_row",
                [(*r, "incidents.csv", i + 2) for i, r in enumerate(INCIDENTS)])
        days = _calendar(date(2024, 1, 1), date(2025, 12, 31))
        _insert(con, "calendar", "day is_working_day day_off_name", days)
        con.execute("UPDATE areas SET geometry = ? WHERE code IN ('474', '478')", [SQUARE])
        rebuild_rollups(con)
    finally:
        con.close()
    return path
