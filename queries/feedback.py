"""Citizen feedback (phản ánh hiện trường): the page's filters, how they become SQL, and the lists the
filter controls offer. The figures themselves are asked in ``feedback_volume``, ``feedback_handling``,
``feedback_map`` and ``feedback_records``.

Every question takes one ``Filters``: a period of receipt (both days included) plus optional district,
commune, category, agency, channel and status. Column names come only from the constants below; every
value is bound with ``?``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd

from queries.db import fetch

PROVINCE_CODE = "46"
#: Target indicator of the share handled on time (``targets.indicator_id``).
ON_TIME_TARGET = "feedback_on_time_pct"

#: Filter name -> feedback column it compares with equality.
FILTER_COLUMNS = {
    "district": "district_code",
    "commune": "commune_code",
    "category": "service_code",
    "agency": "agency_responsible",
    "channel": "channel",
}
#: Status filter -> condition. Derived from the stored flags, so every report has exactly one of these.
STATUS_SQL = {
    "open": "(verified AND closed_at IS NULL)",
    "on_time": "(on_time IS TRUE)",
    "late": "(on_time IS FALSE)",
    "not_verified": "(NOT verified)",
}
#: The same four statuses as one SQL expression, for tables and exports.
STATUS_CASE = (
    "CASE WHEN NOT verified THEN 'not_verified' WHEN closed_at IS NULL THEN 'open' "
    "WHEN on_time THEN 'on_time' ELSE 'late' END"
)
#: Stored rating (Vietnamese, as Hue-S writes it) -> code used by the UI.
RATING_CODES = {"hài lòng": "satisfied", "chấp nhận": "acceptable", "không hài lòng": "dissatisfied"}
RATING_CASE = (
    "CASE rating " + " ".join(f"WHEN '{text}' THEN '{code}'" for text, code in RATING_CODES.items()) + " END"
)
CHANNELS = ("app", "web", "hotline", "social")


@dataclass(frozen=True)
class Filters:
    """What the page shows: reports received from ``start`` to ``end`` (inclusive) that match the rest."""

    start: date
    end: date
    district: str | None = None
    commune: str | None = None
    category: str | None = None
    agency: str | None = None
    channel: str | None = None
    status: str | None = None

    def previous_year(self) -> Filters:
        """The same filters one year earlier (29 February becomes the 28th)."""
        return replace(self, start=_year_earlier(self.start), end=_year_earlier(self.end))

    def without(self, *names: str) -> Filters:
        """These filters with some of them cleared (e.g. the map keeps its own commune)."""
        return replace(self, **{name: None for name in names})


def _year_earlier(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def where(filters: Filters, period: bool = True) -> tuple[str, list]:
    """``WHERE`` conditions on ``feedback`` and their bound values; without the period if asked."""
    clauses, params = ["TRUE"], []
    if period:
        clauses.append("requested_at >= ? AND requested_at < ?")
        params += [filters.start, filters.end + timedelta(days=1)]
    for name, column in FILTER_COLUMNS.items():
        value = getattr(filters, name)
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    if filters.status in STATUS_SQL:
        clauses.append(STATUS_SQL[filters.status])
    return " AND ".join(clauses), params


def data_range() -> pd.DataFrame:
    """First and last day with a report received, and how many reports there are."""
    return fetch(
        "SELECT min(requested_at)::DATE AS first_day, max(requested_at)::DATE AS last_day, "
        "count(*) AS reports FROM feedback"
    )


def on_time_target() -> pd.DataFrame:
    """The province's on-time target (percent), its due date and the legal source as written."""
    return fetch(
        "SELECT target_value, due_date, legal_source FROM targets WHERE indicator_id = ? AND area_code = ?",
        (ON_TIME_TARGET, PROVINCE_CODE),
    )


def districts() -> pd.DataFrame:
    """Districts: GSO code and name, in code order."""
    return fetch(
        "SELECT code, name_vi, name_full_vi, name_ascii FROM areas WHERE level = 'district' ORDER BY code"
    )


def communes(district: str | None = None) -> pd.DataFrame:
    """Communes (of one district, or all): code, name, district code and name, in code order."""
    return fetch(
        "SELECT c.code, c.name_vi, c.name_full_vi, c.name_ascii, c.parent_code AS district_code, "
        "d.name_vi AS district_name, d.name_ascii AS district_ascii "
        "FROM areas c JOIN areas d ON d.code = c.parent_code "
        "WHERE c.level = 'commune' AND (? IS NULL OR c.parent_code = ?) ORDER BY c.code",
        (district, district),
    )


def categories() -> pd.DataFrame:
    """Categories present in the reports: code and stored (Vietnamese) name, most reported first."""
    return fetch(
        "SELECT service_code AS code, any_value(service_name) AS name, count(*) AS reports FROM feedback "
        "WHERE service_code IS NOT NULL GROUP BY service_code ORDER BY reports DESC, code"
    )


def agencies() -> pd.DataFrame:
    """Handling units that received reports, with how many, by name."""
    return fetch(
        "SELECT agency_responsible AS agency, count(*) AS reports FROM feedback "
        "WHERE agency_responsible IS NOT NULL GROUP BY agency_responsible ORDER BY agency"
    )
