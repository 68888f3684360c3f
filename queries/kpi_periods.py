"""Reporting periods: a month, a quarter or a year, named in the URL by a key (``2025-12``, ``2025-Q4``,
``2025``). Pure date arithmetic, no SQL: pages and queries share it.

A period runs from ``start`` (included) to ``end`` (excluded, the first day of the next period). A period
is *complete* when the data reaches its last day; the overview only offers complete periods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

GRAINS = ("month", "quarter", "year")
DEFAULT_GRAIN = "month"
#: Months in one period of each grain.
MONTHS = {"month": 1, "quarter": 3, "year": 12}
#: Periods of each grain in a year: how far back "the same period last year" is.
PER_YEAR = {"month": 12, "quarter": 4, "year": 1}

_KEYS = {
    "month": re.compile(r"^(\d{4})-(\d{2})$"),
    "quarter": re.compile(r"^(\d{4})-Q([1-4])$"),
    "year": re.compile(r"^(\d{4})$"),
}


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True, order=True)
class Period:
    """One month, quarter or year; ``start`` is the first day of its first month."""

    grain: str
    start: date

    @property
    def end(self) -> date:
        """First day after the period."""
        return _add_months(self.start, MONTHS[self.grain])

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def key(self) -> str:
        """The URL form: ``2025-12``, ``2025-Q4`` or ``2025``."""
        if self.grain == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        if self.grain == "quarter":
            return f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        return str(self.start.year)

    def shift(self, periods: int) -> Period:
        """The period ``periods`` steps later (earlier when negative)."""
        return Period(self.grain, _add_months(self.start, periods * MONTHS[self.grain]))

    def back(self, count: int) -> list[Period]:
        """The ``count`` periods ending with this one, oldest first."""
        return [self.shift(-i) for i in range(count - 1, -1, -1)]


def containing(grain: str, day: date) -> Period:
    """The period of ``grain`` that contains ``day``."""
    first_month = (day.month - 1) // MONTHS[grain] * MONTHS[grain] + 1
    return Period(grain, date(day.year, first_month, 1))


def parse(grain: object, key: object) -> Period | None:
    """The period named by ``key`` in ``grain``, or None when either is not valid."""
    if grain not in GRAINS or not isinstance(key, str):
        return None
    match = _KEYS[grain].match(key.strip())
    if not match:
        return None
    year = int(match.group(1))
    if grain == "year":
        return Period(grain, date(year, 1, 1))
    number = int(match.group(2))
    month = number if grain == "month" else (number - 1) * 3 + 1
    return Period(grain, date(year, month, 1)) if 1 <= month <= 12 and year >= 1900 else None


def latest_complete(grain: str, data_up_to: date) -> Period:
    """The latest period of ``grain`` whose last day the data reaches."""
    period = containing(grain, data_up_to)
    return period if period.last_day <= data_up_to else period.shift(-1)


def complete_periods(grain: str, first_day: date, data_up_to: date) -> list[Period]:
    """Complete periods from the one holding ``first_day`` to the latest, newest first."""
    latest, first = latest_complete(grain, data_up_to), containing(grain, first_day)
    periods = []
    while latest >= first:
        periods.append(latest)
        latest = latest.shift(-1)
    return periods


def periods_between(period: Period, day: date | None) -> int:
    """Whole periods after ``period`` up to the one containing ``day``; 0 when ``day`` is not later."""
    if day is None or day < period.end:
        return 0
    target = containing(period.grain, day)
    months = (target.start.year - period.start.year) * 12 + target.start.month - period.start.month
    return months // MONTHS[period.grain]
