"""Days that change traffic, for the marks on the volume chart: official days off from the warehouse
``calendar`` (Tết and public holidays) and tourism peaks.

Tourism peaks are not in any export: they are the approximate periods below (the Festival Huế week,
the 30/4–1/5 long weekend, the summer season), and the page labels them as approximate.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from queries.db import fetch

CALENDAR = "calendar"
#: Days off further apart than this start a new holiday period (a weekend between two days off joins them).
HOLIDAY_GAP_DAYS = 3
#: Festival Huế weeks, approximate (a week in June in the years it was held; none announced later).
FESTIVAL_WEEKS: tuple[tuple[date, date], ...] = (
    (date(2022, 6, 25), date(2022, 6, 30)),
    (date(2024, 6, 6), date(2024, 6, 11)),
    (date(2025, 6, 6), date(2025, 6, 11)),
)
#: Yearly peaks as (month, day) ranges, approximate: the 30/4–1/5 long weekend and the summer season.
YEARLY_PEAKS = {"reunification": ((4, 29), (5, 3)), "summer": ((6, 1), (8, 31))}


def holiday_periods() -> pd.DataFrame:
    """Every run of named days off in the calendar: first and last day, their names, and whether the run
    is Tết (a name mentions Tết Nguyên đán, giao thừa or mùng). Read once, clipped by ``within``."""
    return fetch(
        "WITH days AS (SELECT day, day_off_name, CASE WHEN day - lag(day) OVER (ORDER BY day) > ? "
        f"THEN 1 ELSE 0 END AS starts FROM {CALENDAR} WHERE day_off_name IS NOT NULL), "
        "runs AS (SELECT *, sum(starts) OVER (ORDER BY day) AS run FROM days) "
        "SELECT min(day) AS first_day, max(day) AS last_day, "
        "string_agg(DISTINCT day_off_name, ' · ' ORDER BY day_off_name) AS names, "
        "bool_or(lower(day_off_name) SIMILAR TO '.*(tết nguyên|giao thừa|mùng).*') AS tet "
        "FROM runs GROUP BY run ORDER BY first_day",
        (HOLIDAY_GAP_DAYS,),
    )


def within(periods: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    """The periods (first_day, last_day, …) touching start..end, clipped to it."""
    if periods.empty:
        return periods
    first, last = pd.to_datetime(periods["first_day"]), pd.to_datetime(periods["last_day"])
    low, high = pd.Timestamp(start), pd.Timestamp(end)
    touching = periods[(last >= low) & (first <= high)].copy()
    touching["first_day"] = first[touching.index].clip(lower=low)
    touching["last_day"] = last[touching.index].clip(upper=high)
    return touching.reset_index(drop=True)


def _clip(kind: str, first: date, last: date, start: date, end: date) -> list[dict]:
    if last < start or first > end:
        return []
    return [{"kind": kind, "first_day": max(first, start), "last_day": min(last, end)}]


def tourism_peaks(start: date, end: date) -> pd.DataFrame:
    """Approximate tourism peaks touching start..end (kind 'festival', 'reunification' or 'summer'),
    clipped to the period, in time order."""
    rows = []
    for first, last in FESTIVAL_WEEKS:
        rows += _clip("festival", first, last, start, end)
    for year in range(start.year, end.year + 1):
        for kind, ((m1, d1), (m2, d2)) in YEARLY_PEAKS.items():
            rows += _clip(kind, date(year, m1, d1), date(year, m2, d2), start, end)
    frame = pd.DataFrame(rows, columns=["kind", "first_day", "last_day"])
    return frame.sort_values(["first_day", "kind"], ignore_index=True)
