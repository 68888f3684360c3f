"""A small warehouse for the health-records page: hand-written communes, months, stations and targets.

Built on ``fixture_warehouse.build`` (schema, districts, meta), plus communes with outlines, health
stations, targets (one district has its own) and rows the ETL left out. Tests compute what they expect
from the constants below.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import fixture_warehouse

MONTHS = [date(2025, m, 1) for m in range(6, 13)]  # June … December 2025
SHOWN = MONTHS[-1]

#: commune -> (district, name, population, {month: (records_created, records_complete)}).
COMMUNES: dict[str, tuple[str, str, int, dict[date, tuple[int, int]]]] = {
    # steady: +10 created a month on 1.000 people; not at 95 % by the province's due date
    "19744": ("474", "Phú Thuận", 1000, dict(zip(MONTHS, zip(range(800, 861, 10), range(500, 561, 10))))),
    # reached both targets long ago
    "19747": ("474", "Phú Bình", 2000, {m: (1960, 1300) for m in MONTHS}),
    # first report in December, and an implausible one: above 100 % and complete > created
    "19750": ("474", "Tây Lộc", 100, {SHOWN: (120, 130)}),
    # created coverage falling: never at this pace
    "19900": (
        "481",
        "Hồng Thủy",
        500,
        dict(zip(MONTHS, zip([450, 448, 446, 444, 442, 441, 440], range(100, 131, 5)))),
    ),
    # no report for December
    "19903": ("481", "Hồng Vân", 800, dict(zip(MONTHS[:-1], zip(range(700, 726, 5), [400] * 6)))),
    # reporting since September only: the pace counts three months
    "19906": ("481", "Hồng Hạ", 400, dict(zip(MONTHS[3:], zip(range(360, 373, 4), range(200, 216, 5))))),
}

PROVINCE_CREATED = ("health_created_pct", "46", 95.0, date(2025, 12, 31), "QĐ 5349/QĐ-BYT (12/11/2019)")
PROVINCE_COMPLETE = ("health_complete_pct", "46", 60.0, date(2019, 9, 30), "Mục tiêu của tỉnh")
A_LUOI_CREATED = ("health_created_pct", "481", 95.0, date(2026, 6, 30), "Kế hoạch của huyện (thử nghiệm)")
TARGETS = [
    PROVINCE_CREATED,
    PROVINCE_COMPLETE,
    A_LUOI_CREATED,
    ("feedback_on_time_pct", "46", 90.0, date(2025, 12, 31), "Chỉ tiêu minh hoạ"),
]

#: place_id, kind, name, commune
PLACES = [
    ("TYT-19744", "trạm y tế xã", "Trạm Y tế Phường Phú Thuận", "19744"),
    ("TYT-19747", "trạm y tế xã", "Trạm Y tế Phường Phú Bình", "19747"),
    ("TYT-19747-2", "trạm y tế xã", "Trạm Y tế Phường Phú Bình (cơ sở 2)", "19747"),
    ("TYT-19900", "trạm y tế xã", "Trạm Y tế Xã Hồng Thủy", "19900"),
    ("DL-01", "điểm hỗ trợ du khách", "Điểm hỗ trợ du khách", "19744"),
]

#: Rows of the health exports the ETL left out: rule -> how many.
REJECTED = {"complete_gt_created": 2, "created_gt_population": 1, "bad_period": 3}


def square(lon: float, lat: float, size: float = 0.05) -> str:
    """A small square outline as GeoJSON text."""
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]
    return json.dumps({"type": "Polygon", "coordinates": [ring]})


def health_rows() -> list[tuple]:
    """health_coverage rows: commune, district, period, population, created, complete."""
    return [
        (code, district, month, population, created, complete)
        for code, (district, _name, population, months) in COMMUNES.items()
        for month, (created, complete) in months.items()
    ]


def _rejected_groups() -> list[tuple]:
    return [
        ("health", "hssk_2025.csv", "rejected", rule, "records_created", n, 10 * i + 2)
        for i, (rule, n) in enumerate(REJECTED.items())
    ]


def build(path: Path) -> Path:
    """The fixture warehouse at ``path``."""
    fixture_warehouse.build(path, health=health_rows(), rejected=_rejected_groups())
    con = duckdb.connect(str(path))
    try:
        for i, code in enumerate(("474", "481")):
            con.execute(
                "UPDATE areas SET geometry = ?, geometry_quality = 'official' WHERE code = ?",
                [square(107.0 + i, 16.0, 0.5), code],
            )
        for i, (code, (district, name, population, _)) in enumerate(COMMUNES.items()):
            con.execute(
                "INSERT INTO areas (code, level, parent_code, name_vi, name_full_vi, name_ascii, "
                "population, population_basis, geometry_quality, geometry) "
                "VALUES (?, 'commune', ?, ?, ?, ?, ?, 'estimate', 'approximate', ?)",
                [
                    code,
                    district,
                    name,
                    f"Xã {name}",
                    f"ascii-{code}",
                    population * 3,
                    square(107.0 + 0.06 * i, 16.0),
                ],
            )
        con.executemany(
            "INSERT INTO places (place_id, kind, name, lat, lon, commune_code, source_file, source_row) "
            "VALUES (?, ?, ?, 16.4, 107.5, ?, 'places.csv', 2)",
            [list(p) for p in PLACES],
        )
        con.executemany(
            "INSERT INTO targets VALUES (?, ?, ?, ?, ?, 'targets.csv', 2)", [list(t) for t in TARGETS]
        )
    finally:
        con.close()
    return path
