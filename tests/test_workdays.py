"""The working-day calendar: Hue-S deadlines as the portal showed them, in Python and in SQL."""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

import config
from etl import workdays
from etl.errors import EtlError, SchemaMismatch, SourceMissing

SCHEMA = Path(config.ROOT) / "etl" / "schema.sql"

#: Real Hue-S reports: sent at, N, deadline shown on tuongtac.hue.gov.vn.
PORTAL_CASES = [
    (datetime(2024, 7, 8, 17, 7), 7, date(2024, 7, 17)),
    (datetime(2023, 1, 21, 19, 30), 7, date(2023, 2, 6)),     # 30 Tết, a Saturday
    (datetime(2021, 5, 31, 14, 11), 9, date(2021, 6, 11)),
    (datetime(2024, 8, 26, 18, 8), 7, date(2024, 9, 6)),      # across Quốc khánh 2-3/9
    (datetime(2025, 7, 1, 16, 28), 7, date(2025, 7, 10)),
]

DEADLINES_SQL = """
WITH first_day AS (SELECT wd_index, min(day) AS day FROM calendar_index GROUP BY wd_index)
SELECT p.id, d.day AS deadline, c.wd_index - r.wd_index AS handling
FROM pairs p
JOIN calendar_index r ON r.day = p.received
LEFT JOIN first_day d ON d.wd_index = r.wd_index + p.n
LEFT JOIN calendar_index c ON c.day = p.closed
ORDER BY p.id
"""


@pytest.fixture(scope="module")
def cal() -> workdays.Calendar:
    return workdays.load_days_off()


@pytest.fixture(scope="module")
def warehouse():
    con = duckdb.connect()
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    frame = workdays.calendar_frame(date(2020, 12, 1), date(2026, 12, 31))
    con.register("frame", frame)
    con.execute("INSERT INTO calendar SELECT day, is_working_day, day_off_name FROM frame")
    con.execute(workdays.working_day_index_sql())
    yield con
    con.close()


def sql_deadlines(con, pairs: list[tuple[date, int, date]]) -> list[tuple[date, int]]:
    """Deadline and handling working days of each (received, N, closed) through the SQL route."""
    con.execute("CREATE OR REPLACE TEMP TABLE pairs (id INTEGER, received DATE, n INTEGER, closed DATE)")
    con.executemany("INSERT INTO pairs VALUES (?, ?, ?, ?)",
                    [(i, received, n, closed) for i, (received, n, closed) in enumerate(pairs)])
    return [(deadline, handling) for _, deadline, handling in con.execute(DEADLINES_SQL).fetchall()]


def empty_file(tmp_path: Path) -> Path:
    path = tmp_path / "empty.csv"
    path.write_text("date,kind,name\n", encoding="utf-8")
    return path


def write_calendar(tmp_path: Path, extra_rows: str) -> Path:
    path = tmp_path / "vn_days_off.csv"
    path.write_text(config.CALENDAR_FILE.read_text(encoding="utf-8") + extra_rows, encoding="utf-8")
    return path


@pytest.mark.parametrize(("sent", "n", "deadline"), PORTAL_CASES)
def test_deadline_matches_the_portal_in_python(cal, sent, n, deadline):
    assert workdays.deadline_working_days(sent) == n
    assert workdays.add_working_days(sent, n, cal) == deadline
    assert workdays.working_days_between(sent, deadline, cal) == n


@pytest.mark.parametrize(("sent", "n", "deadline"), PORTAL_CASES)
def test_deadline_matches_the_portal_in_sql(warehouse, sent, n, deadline):
    assert sql_deadlines(warehouse, [(sent.date(), n, deadline)]) == [(deadline, n)]


def test_deadline_skips_tet_break(cal):
    tet_break = [date(2023, 1, 20) + timedelta(days=i) for i in range(7)]
    assert not any(cal.is_working_day(day) for day in tet_break)
    assert workdays.add_working_days(date(2023, 1, 19), 1, cal) == date(2023, 1, 27)


def test_deadline_skips_weekends(cal):
    assert workdays.add_working_days(date(2024, 7, 5), 1, cal) == date(2024, 7, 8)
    assert workdays.add_working_days(date(2024, 7, 6), 5, cal) == date(2024, 7, 12)
    assert workdays.working_days_between(date(2024, 7, 5), date(2024, 7, 7), cal) == 0


def test_receipt_hour_never_counts(cal):
    morning, night = datetime(2024, 7, 8, 0, 1), datetime(2024, 7, 8, 23, 59)
    assert workdays.add_working_days(morning, 7, cal) == workdays.add_working_days(night, 7, cal)


def test_make_up_saturday_counts_as_a_working_day(cal):
    assert cal.is_working_day(date(2024, 5, 4))
    # 27/4-1/5/2024 is off (29/4 swapped against Saturday 4/5): Thu 2/5, Fri 3/5, then Sat 4/5.
    assert workdays.add_working_days(date(2024, 4, 26), 3, cal) == date(2024, 5, 4)
    assert workdays.add_working_days(date(2024, 5, 3), 1, cal) == date(2024, 5, 4)


def test_load_days_off_unpacks_into_days_off_and_working_days(cal):
    days_off, working_days = cal
    assert {date(2025, 5, 2), date(2026, 1, 2), date(2019, 4, 15)} <= days_off
    assert working_days == {date(2019, 1, 5), date(2019, 5, 4), date(2024, 5, 4), date(2025, 4, 26),
                            date(2026, 1, 10), date(2026, 8, 22)}
    assert not days_off & working_days


def test_calendar_frame_has_one_row_per_day_with_names():
    frame = workdays.calendar_frame(date(2023, 1, 1), date(2023, 12, 31))
    assert list(frame.columns) == ["day", "is_working_day", "day_off_name"]
    assert len(frame) == 365 and frame["day"].is_unique
    rows = frame.set_index("day")
    assert "Tết" in rows.at[date(2023, 1, 23), "day_off_name"]
    assert not rows.at[date(2023, 1, 23), "is_working_day"]
    assert "Tết" in rows.at[date(2023, 1, 21), "day_off_name"]            # 30 Tết, a Saturday
    assert rows.at[date(2023, 1, 14), "day_off_name"] is None              # an ordinary Saturday
    assert rows.at[date(2023, 1, 27), "is_working_day"]
    assert rows.at[date(2023, 1, 27), "day_off_name"] is None
    assert frame["is_working_day"].sum() == 365 - 105 - 11                 # weekends, weekdays off


def test_calendar_frame_names_a_make_up_saturday_as_working():
    rows = workdays.calendar_frame(date(2024, 5, 1), date(2024, 5, 5)).set_index("day")
    assert rows.at[date(2024, 5, 4), "is_working_day"]
    assert rows.at[date(2024, 5, 4), "day_off_name"] is None
    assert rows.at[date(2024, 5, 1), "day_off_name"] == "Ngày Quốc tế Lao động"


def test_operator_added_day_off_moves_the_deadline(tmp_path):
    path = write_calendar(tmp_path, "2024-07-12,day_off,Nghỉ đột xuất\n")
    cal = workdays.load_days_off(path)
    assert workdays.add_working_days(date(2024, 7, 8), 7, cal) == date(2024, 7, 18)
    frame = workdays.calendar_frame(date(2024, 7, 1), date(2024, 7, 31), path=path).set_index("day")
    assert frame.at[date(2024, 7, 12), "day_off_name"] == "Nghỉ đột xuất"


def test_operator_working_day_row_overrides_a_package_holiday(cal, tmp_path):
    assert not cal.is_working_day(date(2026, 11, 24))                      # from holidays.VN only
    path = write_calendar(tmp_path, "2026-11-24,working_day,Chưa áp dụng\n")
    assert workdays.load_days_off(path).is_working_day(date(2026, 11, 24))


def test_package_fills_fixed_holidays_a_file_does_not_list(tmp_path):
    cal = workdays.load_days_off(empty_file(tmp_path), years=[2030])
    assert {date(2030, 1, 1), date(2030, 4, 30), date(2030, 9, 2)} <= cal.days_off


def test_shipped_file_lists_every_weekday_holiday_the_package_knows(tmp_path):
    from_package = workdays.load_days_off(empty_file(tmp_path), years=range(2019, 2026)).days_off
    listed = {day for day, kind, _ in workdays.read_days_off_file() if kind == workdays.DAY_OFF}
    assert {day for day in from_package if day.weekday() < 5} <= listed


def test_shipped_file_lists_weekdays_off_and_weekend_working_days():
    for day, kind, _ in workdays.read_days_off_file():
        assert (day.weekday() >= 5) == (kind == workdays.WORKING_DAY), day


def test_day_month_year_dates_are_accepted(tmp_path):
    path = write_calendar(tmp_path, "12/07/2024,day_off,Nghỉ đột xuất\n")
    assert date(2024, 7, 12) in workdays.load_days_off(path).days_off


@pytest.mark.parametrize(("row", "message"), [
    ("2024-13-01,day_off,x\n", "date '2024-13-01'"),
    ("2024-07-12,holiday,x\n", "kind 'holiday'"),
    ("2024-05-04,day_off,x\n", "2024-05-04 listed both"),
])
def test_a_bad_row_stops_the_calendar_with_its_row_number(tmp_path, row, message):
    with pytest.raises(EtlError, match=message):
        workdays.load_days_off(write_calendar(tmp_path, row))


def test_a_missing_file_or_column_is_reported(tmp_path):
    with pytest.raises(SourceMissing):
        workdays.load_days_off(tmp_path / "absent.csv")
    (tmp_path / "bad.csv").write_text("date,name\n2024-07-12,x\n", encoding="utf-8")
    with pytest.raises(SchemaMismatch, match="kind"):
        workdays.load_days_off(tmp_path / "bad.csv")


def test_a_deadline_needs_at_least_one_working_day(cal):
    with pytest.raises(ValueError):
        workdays.add_working_days(date(2024, 7, 8), 0, cal)


def test_sql_and_python_agree_on_random_dates(cal, warehouse):
    rng = random.Random(20240708)
    first, span = date(2021, 1, 1), (date(2025, 12, 31) - date(2021, 1, 1)).days
    pairs = []
    for _ in range(500):
        received = first + timedelta(days=rng.randint(0, span))
        pairs.append((received, rng.randint(1, 15), received + timedelta(days=rng.randint(-3, 45))))
    expected = [(workdays.add_working_days(received, n, cal), workdays.working_days_between(received, closed, cal))
                for received, n, closed in pairs]
    assert sql_deadlines(warehouse, pairs) == expected
