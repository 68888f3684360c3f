"""The Vietnamese working-day calendar, and Hue-S deadlines counted in it.

A citizen report's deadline is N working days after the day it was received: the receipt day never
counts, whatever the hour, and the deadline is the N-th working day after it (N = 7; 9 before 2022).
A working day is a Monday-to-Friday that is not an official day off, or a weekend day the government
declared a working day to make up for a bridge day.

Where the days off come from
    ``data/calendar/vn_days_off.csv`` (``date,kind,name``; ``kind`` is ``day_off`` or ``working_day``)
    holds the schedule the government announces each year for civil servants: the Tết break, 30/4-1/5
    and Quốc khánh arrangements, compensatory days for holidays falling on a weekend, bridge days swapped
    against a Saturday (the ``working_day`` rows). Labour Code 2019 art. 112 fixes the holidays; the
    Prime Minister's yearly decision (a Văn phòng Chính phủ letter, announced by the Ministry of Labour,
    from 2025 the Ministry of Home Affairs) fixes the breaks and swaps. The file lists weekdays off only.
    The ``holidays`` package (``holidays.VN``) is unioned in, so a fixed-date holiday is never missed in
    a year the file does not cover yet. A ``working_day`` row wins over both sources.

Adding next year
    When the decision for year Y is published (usually October-December of Y-1), append one row per
    weekday off and one ``working_day`` row per make-up Saturday, dates as ``YYYY-MM-DD`` (``DD/MM/YYYY``
    is accepted too), then rerun the ETL. ``data/calendar/README.md`` has the checklist.

Deadlines in SQL
    The ETL writes ``calendar_frame`` into the ``calendar`` table and runs ``working_day_index_sql()``,
    which numbers the days: ``wd_index`` = working days on or before ``day``. A working day has an index
    no earlier day has, and a day off repeats the index of the working day before it. Hence:

    - deadline = the first day whose ``wd_index`` = index(receipt day) + N (that day is a working day);
    - working days from receipt to closure = index(closing day) - index(receipt day).

    ::

        WITH first_day AS (SELECT wd_index, min(day) AS day FROM calendar_index GROUP BY wd_index)
        SELECT f.service_request_id, d.day AS deadline_date,
               c.wd_index - r.wd_index AS handling_working_days
        FROM feedback f
        JOIN calendar_index r ON r.day = CAST(f.requested_at AS DATE)
        LEFT JOIN first_day d ON d.wd_index = r.wd_index + f.deadline_working_days
        LEFT JOIN calendar_index c ON c.day = CAST(f.closed_at AS DATE)

    The calendar must span every receipt day through its deadline; outside it the joins give NULL.
    ``add_working_days`` and ``working_days_between`` are the same rules in Python, for tests and for
    the odd single date.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

import holidays
import pandas as pd

import config
from etl import vocab
from etl.errors import EtlError, SchemaMismatch, SourceMissing

DAY_OFF = "day_off"
WORKING_DAY = "working_day"
_COLUMNS = ("date", "kind", "name")

#: Hue-S handling time in working days, and the longer one it used before 2022.
DEADLINE_WORKING_DAYS = vocab.DEADLINE_WORKING_DAYS
DEADLINE_WORKING_DAYS_BEFORE_2022 = vocab.DEADLINE_WORKING_DAYS_BEFORE_2022

_INDEX_SQL = f"""
CREATE OR REPLACE TEMP TABLE calendar_index AS
SELECT day, is_working_day,
       CAST(sum(CASE WHEN is_working_day THEN 1 ELSE 0 END)
            OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS INTEGER) AS wd_index
FROM calendar
ORDER BY day;
-- Per day of receipt: its index, N and the deadline, so a report needs one join, not two.
CREATE OR REPLACE TEMP TABLE receipt_deadlines AS
SELECT r.day, r.wd_index, r.n AS deadline_working_days, min(d.day) AS deadline_date
FROM (SELECT *, CASE WHEN day < DATE '2022-01-01' THEN {DEADLINE_WORKING_DAYS_BEFORE_2022}
                     ELSE {DEADLINE_WORKING_DAYS} END AS n
      FROM calendar_index) r
LEFT JOIN calendar_index d ON d.is_working_day AND d.wd_index = r.wd_index + r.n
GROUP BY ALL
"""


class Calendar(NamedTuple):
    """Official days off and declared working days; unpacks as ``days_off, working_days``."""

    days_off: set[date]
    working_days: set[date]     # weekend days made working days (a row here beats any day off)

    def is_working_day(self, day: date) -> bool:
        """True for a weekday that is not a day off, or any day declared a working day."""
        day = _as_date(day)
        if day in self.working_days:
            return True
        return day.weekday() < 5 and day not in self.days_off


def load_days_off(path: Path = config.CALENDAR_FILE, years: Iterable[int] | None = None) -> Calendar:
    """Days off (file ∪ ``holidays.VN``) and declared working days, as ``(days_off, working_days)``.

    ``years`` bounds the ``holidays`` package; by default from the file's first year through the year
    after its last (or after the current year), so recent reports never fall off the calendar.
    """
    listed = read_days_off_file(path)
    if years is None:
        first = min((day.year for day, _, _ in listed), default=date.today().year)
        last = max([date.today().year, *(day.year for day, _, _ in listed)])
        years = range(first, last + 2)
    off_names, working_names = _official_days(listed, years)
    return Calendar(set(off_names), set(working_names))


def calendar_frame(start: date, end: date, path: Path = config.CALENDAR_FILE) -> pd.DataFrame:
    """One row per day from ``start`` to ``end`` inclusive, shaped as the warehouse table ``calendar``.

    ``day_off_name`` names official days off (the file's wording first, then the package's); it is None
    on ordinary weekends and on working days.
    """
    if end < start:
        raise ValueError(f"calendar end {end} is before its start {start}")
    off_names, working_names = _official_days(read_days_off_file(path), range(start.year, end.year + 1))
    cal = Calendar(set(off_names), set(working_names))
    days = [start + timedelta(days=i) for i in range((end - start).days + 1)]
    working = [cal.is_working_day(day) for day in days]
    names = [None if is_working else off_names.get(day) for day, is_working in zip(days, working)]
    return pd.DataFrame({"day": days, "is_working_day": working, "day_off_name": names})


def add_working_days(day: date, n: int, cal: Calendar) -> date:
    """The n-th working day after ``day``; ``day`` itself never counts, whatever its hour."""
    if n < 1:
        raise ValueError(f"a deadline needs at least one working day, got {n}")
    current = _as_date(day)
    while n:
        current += timedelta(days=1)
        if cal.is_working_day(current):
            n -= 1
    return current


def working_days_between(start: date, end: date, cal: Calendar) -> int:
    """Working days in (start, end]: 0 for the same day, N when ``end`` is the N-day deadline.

    Negative when ``end`` is before ``start``, matching index(end) - index(start) in SQL.
    """
    start, end = _as_date(start), _as_date(end)
    if end < start:
        return -working_days_between(end, start, cal)
    return sum(cal.is_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))


def deadline_working_days(received: date) -> int:
    """N for a report received on ``received``: Hue-S allowed 9 working days before 2022, 7 since."""
    return DEADLINE_WORKING_DAYS_BEFORE_2022 if _as_date(received).year < 2022 else DEADLINE_WORKING_DAYS


def working_day_index_sql() -> str:
    """SQL building ``calendar_index(day, wd_index)`` from ``calendar`` (see the module docstring)."""
    return _INDEX_SQL


def read_days_off_file(path: Path = config.CALENDAR_FILE) -> list[tuple[date, str, str]]:
    """The file's rows as ``(date, kind, name)``; a structural problem raises an ``EtlError``."""
    path = Path(path)
    if not path.is_file():
        raise SourceMissing(f"calendar file {path} not found: the working-day calendar needs it")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in _COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            raise SchemaMismatch(f"{path.name}: missing column(s) {', '.join(missing)}; expected date,kind,name")
        rows = [_parse_row(row, number, path.name) for number, row in enumerate(reader, start=2)
                if any((value or "").strip() for value in row.values())]
    _check_no_conflicts(rows, path.name)
    return rows


def _official_days(listed: list[tuple[date, str, str]],
                   years: Iterable[int]) -> tuple[dict[date, str], dict[date, str]]:
    """Name of every day off and of every declared working day, the file's wording winning."""
    off_names = dict(holidays.VN(years=list(years), language="vi").items())
    off_names.update({day: name for day, kind, name in listed if kind == DAY_OFF})
    working_names = {day: name for day, kind, name in listed if kind == WORKING_DAY}
    for day in working_names:
        off_names.pop(day, None)
    return off_names, working_names


def _parse_row(row: dict[str, str], number: int, file_name: str) -> tuple[date, str, str]:
    """One CSV row, with an error naming its row as a spreadsheet shows it (the header is row 1)."""
    text, kind = (row.get("date") or "").strip(), (row.get("kind") or "").strip().lower()
    try:
        day = (datetime.strptime(text, "%d/%m/%Y").date() if "/" in text else date.fromisoformat(text))
    except ValueError:
        raise EtlError(f"{file_name} row {number}: date {text!r} is not YYYY-MM-DD or DD/MM/YYYY") from None
    if kind not in (DAY_OFF, WORKING_DAY):
        raise EtlError(f"{file_name} row {number}: kind {kind!r} is not {DAY_OFF} or {WORKING_DAY}")
    name = (row.get("name") or "").strip() or ("Ngày nghỉ" if kind == DAY_OFF else "Ngày làm bù")
    return day, kind, name


def _check_no_conflicts(rows: list[tuple[date, str, str]], file_name: str) -> None:
    """A date listed both as a day off and as a working day is a typo a person must resolve."""
    kinds: dict[date, set[str]] = {}
    for day, kind, _ in rows:
        kinds.setdefault(day, set()).add(kind)
    both = sorted(day for day, seen in kinds.items() if len(seen) > 1)
    if both:
        listed = ", ".join(day.isoformat() for day in both)
        raise EtlError(f"{file_name}: {listed} listed both as {DAY_OFF} and as {WORKING_DAY}")


def _as_date(day: date) -> date:
    """A timestamp's calendar day: the hour of receipt never matters."""
    return day.date() if isinstance(day, datetime) else day
