"""A small warehouse for tests: etl/schema.sql plus hand-written rows, built with SQL.

Tests compute what they expect from the constants below, never by querying the warehouse. To extend
it, add rows to a constant, or pass your own rows to ``build`` (``build(path, feedback=[...])``).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "etl" / "schema.sql"

#: Day the freshness tests take as "today".
TODAY = date(2026, 11, 28)

#: code, level, parent, name_vi, name_full_vi, name_ascii, unit_type_vi, population (rounded, fixture only)
AREAS = [
    ("46", "province", None, "Thừa Thiên Huế", "Tỉnh Thừa Thiên Huế", "Thua Thien Hue", "Tỉnh", 1_128_620),
    ("474", "district", "46", "Huế", "Thành phố Huế", "Hue", "Thành phố", 355_000),
    ("476", "district", "46", "Phong Điền", "Huyện Phong Điền", "Phong Dien", "Huyện", 90_000),
    ("477", "district", "46", "Quảng Điền", "Huyện Quảng Điền", "Quang Dien", "Huyện", 84_000),
    ("478", "district", "46", "Phú Vang", "Huyện Phú Vang", "Phu Vang", "Huyện", 165_000),
    ("479", "district", "46", "Hương Thủy", "Thị xã Hương Thủy", "Huong Thuy", "Thị xã", 103_000),
    ("480", "district", "46", "Hương Trà", "Thị xã Hương Trà", "Huong Tra", "Thị xã", 116_000),
    ("481", "district", "46", "A Lưới", "Huyện A Lưới", "A Luoi", "Huyện", 49_620),
    ("482", "district", "46", "Phú Lộc", "Huyện Phú Lộc", "Phu Loc", "Huyện", 136_000),
    ("483", "district", "46", "Nam Đông", "Huyện Nam Đông", "Nam Dong", "Huyện", 30_000),
]

_COLS = (
    "run_id",
    "source",
    "file_name",
    "sha256",
    "rows_read",
    "rows_loaded",
    "rows_rejected",
    "rows_duplicate",
    "started_at",
    "finished_at",
    "status",
    "message",
)


def _run(run_id, source, file_name, counts, finished, status="loaded", message=None):
    sha = (file_name.encode().hex() * 8)[:64]
    return dict(
        zip(
            _COLS,
            (run_id, source, file_name, sha, *counts, finished.replace(minute=0), finished, status, message),
        )
    )


#: One row per source file per run. r2 is the latest run of every source.
ETL_RUNS = [
    _run("r0", "health", "health_2026.xlsx", (1700, 1700, 0, 0), datetime(2026, 10, 1, 2, 3)),
    _run("r1", "feedback", "feedback_2026_10.csv", (4000, 3990, 10, 0), datetime(2026, 11, 1, 2, 4)),
    _run("r2", "feedback", "feedback_2026_10.csv", (4000, 3995, 5, 0), datetime(2026, 11, 28, 2, 4)),
    _run("r2", "feedback", "feedback_2026_11.csv", (5000, 3790, 1205, 5), datetime(2026, 11, 28, 2, 6)),
    _run("r2", "health", "health_2026.xlsx", (1800, 1793, 7, 0), datetime(2026, 11, 28, 2, 7)),
    _run("r2", "traffic_counts", "counts_2026_11.csv", (2400, 2393, 7, 0), datetime(2026, 11, 28, 2, 9)),
    _run(
        "r2",
        "traffic_counts",
        "counts_bad.csv",
        (0, 0, 0, 0),
        datetime(2026, 11, 28, 2, 10),
        "failed",
        "missing column hour_start",
    ),
]

#: Rows left out, as groups: source, file, kind, rule, column, how many, first row number.
#: 'odd_rule' stands for a code this version of the app has no label for.
REJECTED = [
    ("feedback", "feedback_2026_10.csv", "rejected", "outside_province", "lat", 3, 10),
    ("feedback", "feedback_2026_10.csv", "rejected", "closed_before_requested", "closed_datetime", 2, 40),
    ("feedback", "feedback_2026_11.csv", "rejected", "bad_datetime", "requested_datetime", 1200, 2),
    ("feedback", "feedback_2026_11.csv", "rejected", "missing_value", "service_request_id", 5, 1300),
    ("feedback", "feedback_2026_11.csv", "duplicate", "duplicate_id", "service_request_id", 5, 1400),
    ("health", "health_2026.xlsx", "rejected", "bad_period", "period", 4, 7),
    ("health", "health_2026.xlsx", "rejected", "created_gt_population", "records_created", 2, 30),
    ("health", "health_2026.xlsx", "rejected", "odd_rule", "population", 1, 50),
    ("traffic_counts", "counts_2026_11.csv", "rejected", "negative_count", "cars", 7, 100),
]

META = [("origin", "demo"), ("built_at", "2026-11-28T02:10:00")]

#: service_request_id, status, verified, service_code, requested_at, closed_at, commune, district
FEEDBACK = [
    (
        "HS-1",
        "closed",
        True,
        "VSMT",
        datetime(2026, 11, 2, 8, 30),
        datetime(2026, 11, 5, 9, 0),
        "19753",
        "474",
    ),
    (
        "HS-2",
        "closed",
        True,
        "GT",
        datetime(2026, 11, 10, 14, 0),
        datetime(2026, 11, 20, 9, 0),
        "19753",
        "474",
    ),
    ("HS-3", "open", True, "TTDT", datetime(2026, 11, 25, 7, 45), None, "19990", "478"),
    ("HS-4", "open", False, "KHAC", datetime(2026, 11, 27, 10, 15), None, None, None),
]
#: commune, district, period, population, records_created, records_complete
HEALTH = [
    ("19753", "474", date(2026, 9, 1), 12_000, 9_000, 7_500),
    ("19753", "474", date(2026, 10, 1), 12_000, 9_400, 7_900),
    ("19990", "478", date(2026, 10, 1), 8_000, 5_100, 3_000),
]
#: school_id, school_year, year_start, name, level, ownership, commune, district
SCHOOLS = [
    ("S1", "2024-2025", 2024, "THPT Quốc Học", "THPT", "công lập", "19753", "474"),
    ("S1", "2025-2026", 2025, "THPT Quốc Học", "THPT", "công lập", "19753", "474"),
]
#: sensor_id, hour_start, motorbikes, cars, trucks_buses, avg_speed_kmh
TRAFFIC_COUNTS = [
    ("CB-01", datetime(2026, 11, 20, 7, 0), 1500, 300, 40, 28.5),
    ("CB-01", datetime(2026, 11, 20, 8, 0), 1800, 350, 45, 22.0),
    ("CB-01", datetime(2026, 11, 20, 23, 0), 120, 30, 10, 41.0),
]


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: tuple[str, ...], rows: list) -> None:
    if rows:
        marks = ", ".join("?" for _ in columns)
        con.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", [list(r) for r in rows]
        )


def _insert_rejected(con: duckdb.DuckDBPyConnection, groups: list) -> None:
    for source, file_name, kind, rule, column, count, first_row in groups:
        con.execute(
            "INSERT INTO rejected_rows SELECT ?, ?, ? + i, ?, ?, ?, "
            "'row ' || (? + i) || ': ' || ? || ' failed ' || ?, json_object(?, 'bad value ' || i) "
            "FROM range(?) AS t(i)",
            [source, file_name, first_row, kind, rule, column, first_row, column, rule, column, count],
        )


#: table -> its columns in the order the constants above give them (plus source_file, source_row).
COLUMNS = {
    "areas": "code level parent_code name_vi name_full_vi name_ascii unit_type_vi population",
    "feedback": "service_request_id status verified service_code requested_at closed_at commune_code "
    "district_code source_file source_row",
    "health_coverage": "commune_code district_code period population records_created records_complete "
    "source_file source_row",
    "schools": "school_id school_year year_start name level ownership commune_code district_code "
    "source_file source_row",
    "traffic_counts": "sensor_id hour_start motorbikes cars trucks_buses vehicles avg_speed_kmh "
    "source_file source_row",
}


def _facts(feedback, health, schools, traffic_counts) -> dict[str, list]:
    """Fact rows as inserted: each with its source file and spreadsheet row number."""
    counts = [(s, h, m, c, tb, m + c + tb, v) for s, h, m, c, tb, v in traffic_counts]
    return {
        table: [(*row, file_name, i + 2) for i, row in enumerate(rows)]
        for table, file_name, rows in (
            ("feedback", "feedback_2026_11.csv", feedback),
            ("health_coverage", "health_2026.xlsx", health),
            ("schools", "schools.xlsx", schools),
            ("traffic_counts", "counts_2026_11.csv", counts),
        )
    }


def build(
    path: Path,
    *,
    etl_runs=ETL_RUNS,
    rejected=REJECTED,
    meta=META,
    feedback=FEEDBACK,
    health=HEALTH,
    schools=SCHOOLS,
    traffic_counts=TRAFFIC_COUNTS,
) -> Path:
    """Write a fresh warehouse at ``path`` (replacing any file there) and return the path."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    try:
        con.execute(SCHEMA.read_text(encoding="utf-8"))
        _insert(con, "meta", ("key", "value"), meta)
        _insert(con, "etl_runs", _COLS, [tuple(run[c] for c in _COLS) for run in etl_runs])
        _insert_rejected(con, rejected)
        tables = {"areas": AREAS, **_facts(feedback, health, schools, traffic_counts)}
        for table, rows in tables.items():
            _insert(con, table, tuple(COLUMNS[table].split()), rows)
    finally:
        con.close()
    return path
