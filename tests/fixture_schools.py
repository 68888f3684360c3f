"""Hand-written schools for tests: a tmp warehouse from etl/schema.sql (via fixture_warehouse) plus
schools in three school years, two targets, two communes and square boundaries. Tests compute what they
expect from these rows, never by querying the warehouse.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
from fixture_warehouse import build

COLUMNS = (
    "school_id",
    "school_year",
    "year_start",
    "name",
    "level",
    "ownership",
    "commune_code",
    "district_code",
    "lat",
    "lon",
    "students",
    "classrooms",
    "smart_classrooms",
    "has_broadband",
)


def _row(school_id, year, name, level, ownership, commune, district, students, classrooms, smart, broadband):
    lat, lon = (16.46, 107.59) if district == "474" else (16.50, 107.70)
    return (
        school_id,
        f"{year}-{year + 1}",
        year,
        name,
        level,
        ownership,
        commune,
        district,
        lat,
        lon,
        students,
        classrooms,
        smart,
        broadband,
    )


#: Per-school ratios differ widely (25, 10, 30, 20, 35), so a mean of ratios differs from the ratio of sums.
#: S5 reports no classrooms and no broadband status: counted as a school, left out of both ratios.
ROWS = [
    _row("S1", 2024, "Trường THPT chuyên Quốc Học", "THPT", "công lập", "19753", "474", 1000, 40, 2, True),
    _row("S2", 2024, "Trường Tiểu học Đông Ba", "tiểu học", "công lập", "19753", "474", 100, 10, 0, False),
    _row("S3", 2024, "Trường THPT Phú Vang", "THPT", "công lập", "19990", "478", 300, 10, 1, True),
    _row(
        "S4",
        2024,
        "Trường Mầm non tư thục Hoa Sen",
        "mầm non",
        "ngoài công lập",
        "19990",
        "478",
        60,
        3,
        0,
        True,
    ),
    _row("S5", 2024, "Trường THCS Nguyễn Tri Phương", "THCS", "công lập", "19753", "474", 500, None, 0, None),
    _row("S6", 2024, "Trường THPT Đặng Trần Côn", "THPT", "công lập", "19753", "474", 700, 20, 1, True),
    _row("S1", 2023, "Trường THPT chuyên Quốc Học", "THPT", "công lập", "19753", "474", 900, 40, 0, True),
    _row("S3", 2023, "Trường THPT Phú Vang", "THPT", "công lập", "19990", "478", 280, 10, 0, True),
    _row("S6", 2023, "Trường THPT Đặng Trần Côn", "THPT", "công lập", "19753", "474", 650, 20, 0, False),
    _row("S1", 2022, "Trường THPT chuyên Quốc Học", "THPT", "công lập", "19753", "474", 850, 38, 0, True),
]
#: Three smart THPT schools due by 31/12/2023 (school year 2023-2024): first met in 2024-2025, one year late.
TARGETS = [
    ("schools_smart_thpt", "46", 3.0, date(2023, 12, 31), "Kế hoạch thử nghiệm"),
    ("schools_broadband_pct", "46", 100.0, date(2025, 12, 31), "Minh hoạ"),
]
SQUARE = {"type": "Polygon", "coordinates": [[[107.5, 16.4], [107.6, 16.4], [107.6, 16.5], [107.5, 16.4]]]}
COMMUNES = [("19753", "474", "Thuận Lộc", "Thuan Loc"), ("19990", "478", "Phú Đa", "Phu Da")]


def frame(rows=ROWS) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS)


def ratio_of_sums(rows: pd.DataFrame) -> float:
    both = rows.dropna(subset=["students", "classrooms"])
    return both["students"].sum() / both["classrooms"].sum()


def _add_rows(path: Path) -> None:
    con = duckdb.connect(str(path))
    try:
        marks = ", ".join("?" * (len(COLUMNS) + 2))
        con.executemany(
            f"INSERT INTO schools ({', '.join(COLUMNS)}, source_file, source_row) VALUES ({marks})",
            [[*r, "schools.xlsx", i + 2] for i, r in enumerate(ROWS)],
        )
        con.executemany("INSERT INTO targets VALUES (?, ?, ?, ?, ?, 'targets.csv', 2)", TARGETS)
        con.execute(
            "UPDATE areas SET geometry = ?, geometry_quality = 'official' WHERE level = 'district'",
            [json.dumps(SQUARE)],
        )
        con.executemany(
            "INSERT INTO areas (code, level, parent_code, name_vi, name_full_vi, name_ascii, "
            "geometry_quality, geometry) VALUES (?, 'commune', ?, ?, ?, ?, 'approximate', ?)",
            [(c, p, n, n, a, json.dumps(SQUARE)) for c, p, n, a in COMMUNES],
        )
    finally:
        con.close()


def build_schools(path: Path) -> Path:
    """The fixture warehouse without its own schools, plus the rows above."""
    build(path, schools=[])
    _add_rows(path)
    return path
