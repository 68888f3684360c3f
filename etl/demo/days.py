"""The demo calendar: the window's days, Vietnamese working days, Tết, flood and tourism events.

Working days follow the shipped calendar (``data/calendar/``, read through ``etl.workdays``) so the
deadlines written match the ones the ETL computes; without that file they fall back to the
``holidays`` package plus the Tết week.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import holidays
import numpy as np

import config
from etl import workdays

#: Mùng 1 Tết (lunar new year's day) per year.
TET: dict[int, date] = {
    2019: date(2019, 2, 5), 2020: date(2020, 1, 25), 2021: date(2021, 2, 12), 2022: date(2022, 2, 1),
    2023: date(2023, 1, 22), 2024: date(2024, 2, 10), 2025: date(2025, 1, 29), 2026: date(2026, 2, 17),
    2027: date(2027, 2, 6),
}

#: Festival Huế weeks (approximate dates; the 2021 edition was cancelled).
FESTIVALS: tuple[tuple[date, date], ...] = (
    (date(2022, 6, 25), date(2022, 6, 30)),
    (date(2024, 6, 6), date(2024, 6, 11)),
    (date(2025, 6, 6), date(2025, 6, 11)),
)


@dataclass(frozen=True)
class Window:
    """Every day of the demo window with the day-level flags the generators share."""

    days: np.ndarray          # datetime64[D], start..end inclusive
    tet_offset: np.ndarray    # days since the nearest mùng 1 Tết (negative before it)
    flood: np.ndarray         # bool: a flood day
    after_flood: np.ndarray   # bool: a flood day or one of the 7 days after
    holiday_peak: np.ndarray  # bool: 30/4–1/5 and 2/9 long weekends
    festival: np.ndarray      # bool: a Festival Huế day
    calendar: WorkCalendar

    @property
    def weekday(self) -> np.ndarray:
        """ISO weekday minus one: 0 = Monday … 6 = Sunday."""
        return (self.days.astype("int64") + 3) % 7

    @property
    def month(self) -> np.ndarray:
        return self.days.astype("datetime64[M]").astype("int64") % 12 + 1

    @property
    def year(self) -> np.ndarray:
        return self.days.astype("datetime64[Y]").astype("int64") + 1970


def official_days(first_year: int, last_year: int) -> tuple[set[date], set[date]]:
    """(days off, weekend days worked): the shipped calendar, else ``holidays.VN`` plus the Tết week."""
    years = range(first_year, last_year + 1)
    if config.CALENDAR_FILE.is_file():
        return tuple(workdays.load_days_off(config.CALENDAR_FILE, years=years))
    off = set(holidays.VN(years=years))
    off.update(TET[y] + timedelta(days=k) for y in years if y in TET for k in range(-2, 6))
    return off, set()


@dataclass(frozen=True)
class WorkCalendar:
    """Working-day arithmetic as the ETL does it: ``index`` counts working days on or before a day."""

    origin: np.datetime64
    working: np.ndarray       # bool per day from origin
    index: np.ndarray         # working days on or before each day
    first_day: np.ndarray     # first day with each index value

    @classmethod
    def build(cls, first_year: int, last_year: int) -> WorkCalendar:
        off, worked = official_days(first_year, last_year)
        days = np.arange(np.datetime64(f"{first_year}-01-01"), np.datetime64(f"{last_year + 1}-01-01"))
        weekday = (days.astype("int64") + 3) % 7 < 5
        working = (weekday & ~np.isin(days, np.array(sorted(off), "datetime64[D]"))) | np.isin(
            days, np.array(sorted(worked), "datetime64[D]"))
        index = np.cumsum(working)
        first = np.full(index[-1] + 1, days[0])
        first[index[working]] = days[working]
        return cls(days[0], working, index, first)

    def _pos(self, days: np.ndarray) -> np.ndarray:
        return (days.astype("datetime64[D]") - self.origin).astype("int64")

    def is_working(self, days: np.ndarray) -> np.ndarray:
        return self.working[self._pos(days)]

    def add(self, days: np.ndarray, n) -> np.ndarray:
        """The n-th working day after each day (the day itself never counts); n = 0 gives the day."""
        target = self.first_day[np.minimum(self.index[self._pos(days)] + n, len(self.first_day) - 1)]
        return np.where(np.asarray(n) == 0, days.astype("datetime64[D]"), target)

    def next_working(self, days: np.ndarray) -> np.ndarray:
        """Each day if it is a working day, else the next working day."""
        return np.where(self.is_working(days), days.astype("datetime64[D]"), self.add(days, 1))


def build_window(start: date, end: date, rng: np.random.Generator) -> Window:
    """Day flags for start..end; flood events are drawn from ``rng`` (1–3 per Oct–Nov season)."""
    days = np.arange(np.datetime64(start, "D"), np.datetime64(end, "D") + 1)
    flood = _flood_days(days, start.year, end.year, rng)
    after = flood.copy()
    for lag in range(1, 8):
        after[lag:] |= flood[:-lag]
    return Window(
        days=days, tet_offset=_tet_offset(days), flood=flood, after_flood=after,
        holiday_peak=_holiday_peak(days), festival=_in_ranges(days, FESTIVALS),
        calendar=WorkCalendar.build(start.year - 1, end.year + 1),
    )


def _tet_offset(days: np.ndarray) -> np.ndarray:
    tets = np.array(sorted(TET.values()), "datetime64[D]")
    delta = days[:, None] - tets[None, :]
    idx = np.abs(delta.astype("int64")).argmin(axis=1)
    return delta[np.arange(len(days)), idx].astype("int64")


def _flood_days(days: np.ndarray, first: int, last: int, rng: np.random.Generator) -> np.ndarray:
    ranges = []
    for year in range(first, last + 1):
        for _ in range(int(rng.integers(1, 4))):
            begin = date(year, 10, 1) + timedelta(days=int(rng.integers(0, 56)))
            ranges.append((begin, begin + timedelta(days=int(rng.integers(2, 7)))))
    return _in_ranges(days, ranges)


def _holiday_peak(days: np.ndarray) -> np.ndarray:
    md = days.astype("datetime64[M]").astype("int64") % 12 + 1
    dom = (days - days.astype("datetime64[M]")).astype("int64") + 1
    return ((md == 4) & (dom >= 29)) | ((md == 5) & (dom <= 3)) | ((md == 9) & (dom <= 3))


def _in_ranges(days: np.ndarray, ranges) -> np.ndarray:
    out = np.zeros(len(days), bool)
    for first, last in ranges:
        out |= (days >= np.datetime64(first, "D")) & (days <= np.datetime64(last, "D"))
    return out


def month_starts(start: date, end: date) -> list[date]:
    """First day of every calendar month touching start..end."""
    months = np.arange(np.datetime64(start, "M"), np.datetime64(end, "M") + 1)
    return [m.astype("datetime64[D]").item() for m in months]
