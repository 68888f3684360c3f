"""A tmp warehouse for the forecasts page: etl/schema.sql plus hand-written facts, targets and forecasts.

The expected answers live in the tests, worked out by hand from these rows.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb

from tests.fixture_warehouse import AREAS, SCHEMA

MADE_AT = datetime(2026, 1, 5, 3, 0)

#: requested_at, district, category. Whole weeks: Mon 06/01/2025 .. Sun 02/02/2025 (the first report is
#: on a Wednesday, the last on a Wednesday, so the weeks around them are partial).
FEEDBACK = [
    (datetime(2025, 1, 1, 10), "474", "Giao thông"),  # before the first whole week
    (datetime(2025, 1, 7, 8), "474", "Giao thông"),
    (datetime(2025, 1, 12, 23, 59), "474", "Giao thông"),  # Sunday: still week 06/01
    (datetime(2025, 1, 14, 9), "474", "Môi trường"),
    (datetime(2025, 1, 21, 9), "476", "Giao thông"),
    (datetime(2025, 1, 29, 9), "474", "Giao thông"),
    (datetime(2025, 1, 30, 9), None, "Giao thông"),  # no district: only the province total counts it
    (datetime(2025, 2, 3, 9), "474", "Giao thông"),  # week 03/02 is not whole
    (datetime(2025, 2, 5, 9), "476", "Môi trường"),
]

#: commune, district, month, population, created, complete. Commune 2 misses April (still coming in).
HEALTH = [
    ("c1", "474", date(2025, m, 1), 1000, created, complete)
    for m, created, complete in ((1, 500, 100), (2, 600, 150), (3, 700, 200), (4, 800, 250))
] + [
    ("c2", "474", date(2025, m, 1), 3000, created, complete)
    for m, created, complete in ((1, 1000, 300), (2, 1200, 400), (3, 1500, 500))
] + [
    ("c3", "476", date(2025, m, 1), 2000, created, complete)
    for m, created, complete in ((1, 1000, 10), (2, 1100, 20), (3, 1200, 30), (4, 1300, 40))
]

#: sensor, corridor, day, vehicles, hours counted.
TRAFFIC = [
    ("s1", "Lê Lợi", date(2025, 1, 1), 1000, 24),
    ("s2", "Lê Lợi", date(2025, 1, 1), 800, 24),
    ("s1", "Lê Lợi", date(2025, 1, 2), 1100, 24),
    ("s2", "Lê Lợi", date(2025, 1, 2), 500, 20),  # 44 of the month's best 48 hours: counts
    ("s1", "Lê Lợi", date(2025, 1, 3), 700, 20),
    ("s2", "Lê Lợi", date(2025, 1, 3), 600, 20),  # 40 < 43.2 hours: a gap
    ("s1", "Lê Lợi", date(2025, 1, 4), 700, 23),
    ("s2", "Lê Lợi", date(2025, 1, 4), 700, 23),  # enough hours, but no sensor counted all day: a gap
    ("s1", "Lê Lợi", date(2025, 2, 1), 900, 20),  # February's best is 24 hours
    ("s1", "Lê Lợi", date(2025, 2, 2), 1200, 24),
    ("s9", "Hùng Vương", date(2025, 1, 1), 5000, 24),
]

#: indicator, area, due date, value.
TARGETS = [
    ("health_created_pct", "46", 95.0, date(2025, 12, 31)),
    ("health_created_pct", "476", 90.0, date(2026, 6, 30)),
]

#: indicator, area, key, ds, yhat, lo_80, hi_80, lo_95, hi_95, model, mase, coverage_80, coverage_95, then the
#: backtest counts: folds, held-out points, inside the 80 % band, inside the 95 % band (45/60 = 0.75, …).
HEALTH_474 = ("AutoETS", 0.81, 0.75, 0.9, 3, 60, 45, 54)
ROADS_474 = ("MSTL", 1.25, 0.5, 0.875, 2, 8, 4, 7)
FORECASTS = [
    ("health_created_pct", "474", "", date(2025, 4, 1), 60.0, 57.0, 63.0, 55.0, 65.0, *HEALTH_474),
    ("health_created_pct", "474", "", date(2025, 5, 1), 64.0, 60.0, 68.0, 58.0, 70.0, *HEALTH_474),
    ("health_created_pct", "474", "", date(2025, 6, 1), 68.0, 63.0, 73.0, 60.0, 76.0, *HEALTH_474),
    ("feedback_received", "474", "Giao thông", date(2025, 2, 3), 1.2, 0.0, 2.5, 0.0, 3.1, *ROADS_474),
    ("feedback_received", "474", "Giao thông", date(2025, 2, 10), 1.4, 0.1, 2.7, 0.0, 3.4, *ROADS_474),
    ("traffic_vehicles", "46", "Lê Lợi", date(2025, 2, 3), 1500.0, 1300.0, 1700.0, 1200.0, 1800.0,
     "Naive (short series, no backtest)", None, None, None, 0, 0, 0, 0),
]
COLUMNS = ("indicator_id, area_code, series_key, ds, yhat, lo_80, hi_80, lo_95, hi_95, model, mase, coverage_80, "
           "coverage_95, backtest_folds, backtest_points, inside_80, inside_95, made_at")


def build(path: Path, forecasts: list | None = None) -> Path:
    """Write the warehouse at ``path``; ``forecasts=[]`` leaves the forecasts table empty."""
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    try:
        con.execute(SCHEMA.read_text(encoding="utf-8"))
        con.executemany("INSERT INTO areas (code, level, parent_code, name_vi, name_full_vi, name_ascii, "
                        "unit_type_vi, population) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", AREAS)
        con.executemany("INSERT INTO feedback (service_request_id, status, verified, requested_at, "
                        "district_code, service_name, source_file, source_row) "
                        "VALUES (?, 'open', true, ?, ?, ?, 'f.csv', ?)",
                        [(f"r{i}", at, district, name, i + 2) for i, (at, district, name) in enumerate(FEEDBACK)])
        con.executemany("INSERT INTO health_coverage VALUES (?, ?, ?, ?, ?, ?, 'h.xlsx', ?)",
                        [(*row, i + 2) for i, row in enumerate(HEALTH)])
        con.executemany("INSERT INTO traffic_daily VALUES (?, ?, ?, 0, 0, 0, ?, ?, 0, 0.5)", TRAFFIC)
        con.executemany("INSERT INTO targets VALUES (?, ?, ?, ?, 'QĐ 1/2020', 't.csv', ?)",
                        [(*row, i + 2) for i, row in enumerate(TARGETS)])
        rows = [(*row, MADE_AT) for row in (FORECASTS if forecasts is None else forecasts)]
        if rows:
            con.executemany(f"INSERT INTO forecasts ({COLUMNS}) VALUES ({', '.join('?' * 18)})", rows)
    finally:
        con.close()
    return path
