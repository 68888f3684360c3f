"""Hand-written facts for the indicator tests: a tmp warehouse from etl/schema.sql (via fixture_warehouse)
with reports, e-health months, schools, traffic sensors and days, incidents, targets and three communes.

Tests compute what they expect from these constants (pandas or hand arithmetic), never by querying.
The interesting month is November 2025; every row says what it is there to test.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import duckdb
import pandas as pd
from fixture_warehouse import AREAS, build

#: code, parent district, population (estimates, as the ETL marks them)
COMMUNES = [("19753", "474", 12_000), ("19756", "474", 8_000), ("19990", "478", 9_000)]
POPULATION = {code: pop for code, *_rest, pop in AREAS} | {code: pop for code, _d, pop in COMMUNES}

FEEDBACK_COLUMNS = (
    "service_request_id", "status", "verified", "requested_at", "closed_at", "deadline_date",
    "handling_working_days", "on_time", "rating", "commune_code", "district_code",
)
SAT, OK, UNSAT = "hài lòng", "chấp nhận", "không hài lòng"
DISTRICT_OF = {code: district for code, district, _pop in COMMUNES}


def _report(rid, verified, received, closed, deadline, days, on_time, rating, commune):
    """One report, open without a closing time; times as 'YYYY-MM-DD HH:MM', the district from the commune."""
    stamp = datetime.fromisoformat
    return (rid, "closed" if closed else "open", verified, stamp(received), closed and stamp(closed),
            deadline and date.fromisoformat(deadline), days, on_time, rating, commune, DISTRICT_OF[commune])


# fmt: off
FEEDBACK = [
    # received in October, closed on time in November: counts for November's outcomes only
    _report("F1", True, "2025-10-28 09:00", "2025-11-03 10:00", "2025-11-06", 4, True, SAT, "19753"),
    _report("F2", True, "2025-11-03 08:00", "2025-11-20 16:00", "2025-11-12", 13, False, UNSAT, "19753"),
    _report("F3", True, "2025-11-05 14:00", "2025-11-07 09:00", "2025-11-14", 2, True, None, "19756"),
    # open at the end of November, deadline passed: overdue
    _report("F4", True, "2025-11-10 07:00", None, "2025-11-19", None, None, None, "19990"),
    # closed in December after its November deadline: overdue at the end of November, outcome in December
    _report("F5", True, "2025-11-20 15:00", "2025-12-05 11:00", "2025-11-28", 11, False, OK, "19990"),
    # due on 1 December: not yet overdue at the end of November
    _report("F6", True, "2025-11-21 10:00", None, "2025-12-01", None, None, None, "19990"),
    # not verified: received, nothing else
    _report("F7", False, "2025-11-25 11:00", "2025-11-25 12:00", None, None, None, None, "19990"),
    _report("F8", False, "2025-11-26 16:00", "2025-11-26 17:00", None, None, None, None, "19756"),
    # received in September, late through October, closed in November
    _report("F9", True, "2025-09-15 09:00", "2025-11-12 09:00", "2025-09-24", 40, False, SAT, "19753"),
    _report("F10", True, "2025-11-28 08:00", "2025-11-28 15:00", "2025-12-09", 0, True, SAT, "19990"),
    # closed at 00:00 on 1 December: still open at the end of November, outcome in December
    _report("F11", True, "2025-11-14 09:00", "2025-12-01 00:00", "2025-11-25", 11, False, None, "19753"),
    # verified and closed without a known deadline: closed, but no on-time outcome and no handling days
    _report("F12", True, "2025-11-02 09:00", "2025-11-04 09:00", None, None, None, None, "19756"),
]
# fmt: on
HEALTH_COLUMNS = (
    "commune_code",
    "district_code",
    "period",
    "population",
    "records_created",
    "records_complete",
)
#: 19990 has no November row: November (the latest month of Q4 so far) leaves it out.
HEALTH = [
    ("19753", "474", date(2025, 10, 1), 12_000, 9_000, 7_000),
    ("19753", "474", date(2025, 11, 1), 12_000, 9_300, 7_300),
    ("19756", "474", date(2025, 10, 1), 8_000, 5_000, 2_000),
    ("19756", "474", date(2025, 11, 1), 8_000, 5_600, 2_400),
    ("19990", "478", date(2025, 10, 1), 9_000, 8_100, 4_500),
]
SCHOOL_COLUMNS = (
    "school_id",
    "school_year",
    "year_start",
    "name",
    "level",
    "ownership",
    "commune_code",
    "district_code",
    "smart_classrooms",
    "has_broadband",
)
SCHOOLS = [
    ("S1", "2024-2025", 2024, "THPT A", "THPT", "công lập", "19753", "474", 2, True),
    ("S2", "2024-2025", 2024, "THPT B", "THPT", "công lập", "19990", "478", 0, False),
    ("S3", "2024-2025", 2024, "Tiểu học C", "tiểu học", "công lập", "19756", "474", 1, None),  # no answer
    ("S1", "2025-2026", 2025, "THPT A", "THPT", "công lập", "19753", "474", 2, True),
    ("S2", "2025-2026", 2025, "THPT B", "THPT", "công lập", "19990", "478", 1, True),
    ("S3", "2025-2026", 2025, "Tiểu học C", "tiểu học", "công lập", "19756", "474", 1, False),  # not THPT
    ("S4", "2025-2026", 2025, "THPT D", "THPT", "công lập", "19753", "474", 0, True),
]
SENSORS = [("CB-1", "Hùng Vương", 6000, "19753", "474"), ("CB-2", "QL49B", 1200, "19990", "478")]
#: sensor, day, congestion hours
DAILY = [
    ("CB-1", date(2025, 10, 30), 5),
    ("CB-1", date(2025, 11, 3), 2),
    ("CB-1", date(2025, 11, 4), 3),
    ("CB-2", date(2025, 11, 4), 1),
    ("CB-2", date(2025, 12, 1), 4),
]
INCIDENT_COLUMNS = (
    "incident_id",
    "occurred_at",
    "kind",
    "deaths",
    "injuries",
    "commune_code",
    "district_code",
)
INCIDENTS = [
    ("I1", datetime(2025, 11, 2, 18), "va chạm", 1, 2, "19753", "474"),
    ("I2", datetime(2025, 11, 15, 7), "va chạm", 0, 3, "19990", "478"),
    ("I3", datetime(2025, 11, 20, 17), "ùn tắc", 0, 0, "19753", "474"),  # not a crash
    ("I4", datetime(2025, 10, 5, 21), "va chạm", 2, 0, "19753", "474"),
    ("I5", datetime(2025, 12, 1, 0), "va chạm", 1, 1, "19990", "478"),  # December
]
ILLUSTRATIVE = "Chỉ tiêu minh hoạ (ước tính, dữ liệu mẫu)"
#: indicator, area, value, due date, legal source
TARGETS = [
    ("feedback_on_time_pct", "46", 90.0, date(2025, 12, 31), ILLUSTRATIVE),
    ("feedback_on_time_pct", "474", 52.0, date(2025, 12, 31), "QĐ 123/QĐ-UBND"),
    ("traffic_crashes", "46", 24.0, date(2025, 12, 31), ILLUSTRATIVE),
    ("schools_smart_thpt", "46", 2.0, date(2020, 12, 31), "Đề án giáo dục thông minh"),
]


def frames() -> dict[str, pd.DataFrame]:
    """The facts as pandas frames, for tests computing what they expect."""
    return {
        "feedback": pd.DataFrame(FEEDBACK, columns=FEEDBACK_COLUMNS),
        "health": pd.DataFrame(HEALTH, columns=HEALTH_COLUMNS),
        "schools": pd.DataFrame(SCHOOLS, columns=SCHOOL_COLUMNS),
        "daily": pd.DataFrame(DAILY, columns=["sensor_id", "day", "congestion_hours"]).merge(
            pd.DataFrame(
                SENSORS, columns=["sensor_id", "corridor", "capacity", "commune_code", "district_code"]
            )
        ),
        "incidents": pd.DataFrame(INCIDENTS, columns=INCIDENT_COLUMNS),
    }


def _insert(con, table: str, columns: tuple[str, ...], rows: list) -> None:
    names = [*columns, "source_file", "source_row"]
    marks = ", ".join("?" for _ in names)
    con.executemany(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})",
        [[*row, f"{table}.csv", i + 2] for i, row in enumerate(rows)],
    )


def build_kpi(path: Path) -> Path:
    """The fixture warehouse (areas, meta) plus the facts above."""
    build(path, etl_runs=[], rejected=[], feedback=[], health=[], schools=[], traffic_counts=[])
    con = duckdb.connect(str(path))
    try:
        con.execute("UPDATE areas SET population_basis = 'estimate'")
        con.executemany(
            "INSERT INTO areas (code, level, parent_code, name_vi, name_full_vi, name_ascii, population, "
            "population_basis) VALUES (?, 'commune', ?, ?, ?, ?, ?, 'estimate')",
            [[c, d, f"Xã {c}", f"Xã {c}", f"Xa {c}", p] for c, d, p in COMMUNES],
        )
        _insert(con, "feedback", FEEDBACK_COLUMNS, FEEDBACK)
        _insert(con, "health_coverage", HEALTH_COLUMNS, HEALTH)
        _insert(con, "schools", SCHOOL_COLUMNS, SCHOOLS)
        _insert(
            con,
            "traffic_sensors",
            ("sensor_id", "corridor", "capacity_veh_h", "commune_code", "district_code"),
            SENSORS,
        )
        corridors = {s: c for s, c, *_ in SENSORS}
        con.executemany(
            "INSERT INTO traffic_daily VALUES (?, ?, ?, 0, 0, 0, 0, 24, ?, 0.9)",
            [[s, corridors[s], d, h] for s, d, h in DAILY],
        )
        _insert(con, "traffic_incidents", INCIDENT_COLUMNS, INCIDENTS)
        _insert(
            con, "targets", ("indicator_id", "area_code", "target_value", "due_date", "legal_source"), TARGETS
        )
    finally:
        con.close()
    return path
