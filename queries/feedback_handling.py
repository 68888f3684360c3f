"""Citizen feedback: how agencies handle reports (on time, working days taken, open backlog by age in
working days) and what citizens thought of the result.

Backlog ages count Vietnamese working days from the calendar table: a running count of working days
numbers each day, and an age is the difference between the as-of day's number and the receipt day's,
so weekends, holidays and the Tết break never count (the same rule the ETL uses for deadlines).
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from queries.db import fetch
from queries.feedback import RATING_CASE, Filters, where

#: Agencies need this many handled reports to be ranked, so a unit with two reports is not "the worst".
MIN_HANDLED_TO_RANK = 20
#: Backlog age bands in working days: code, lowest age, highest age (None = no upper bound).
AGE_BANDS = (("le_7", 0, 7), ("8_14", 8, 14), ("15_30", 15, 30), ("gt_30", 31, None))

_RATING_COUNTS = (
    "count(*) AS handled, count(rating) AS rated, "
    f"count(*) FILTER ({RATING_CASE} = 'satisfied') AS satisfied, "
    f"count(*) FILTER ({RATING_CASE} = 'acceptable') AS acceptable, "
    f"count(*) FILTER ({RATING_CASE} = 'dissatisfied') AS dissatisfied"
)
_WORKING_DAY_INDEX = (
    "wd_index AS (SELECT day, sum(CASE WHEN is_working_day THEN 1 ELSE 0 END) "
    "OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS wd FROM calendar)"
)


def _open_at(filters: Filters, as_of: date, columns: str) -> tuple[str, list]:
    """CTEs ``wd_index`` and ``open_then``: verified reports received by ``as_of`` (any earlier day, the
    period's start does not apply) and not yet closed at the end of that day, with their age in working
    days and whether their deadline had passed."""
    clause, params = where(filters, period=False)
    sql = (
        f"WITH {_WORKING_DAY_INDEX}, "
        f"picked AS (SELECT {columns}, requested_at, deadline_date FROM feedback WHERE {clause} "
        "AND verified AND requested_at < ? AND (closed_at IS NULL OR closed_at >= ?)), "
        "open_then AS (SELECT p.*, (SELECT wd FROM wd_index WHERE day = ?) - r.wd AS age_days, "
        "p.deadline_date < ? AS past_deadline FROM picked p JOIN wd_index r ON r.day = p.requested_at::DATE)"
    )
    end = as_of + timedelta(days=1)
    return sql, [*params, end, end, as_of, as_of]


def backlog_by_age(filters: Filters, as_of: date) -> pd.DataFrame:
    """Reports still open at the end of ``as_of`` per age band (every band listed), and how many of them
    were past their deadline."""
    sql, params = _open_at(filters, as_of, "service_request_id")
    bands = " UNION ALL ".join(
        f"SELECT {i} AS band_order, '{code}' AS band, {low} AS low, {high or 'NULL'} AS high"
        for i, (code, low, high) in enumerate(AGE_BANDS)
    )
    return fetch(
        f"{sql}, bands AS ({bands}) "
        "SELECT b.band, count(o.age_days) AS reports, count(*) FILTER (o.past_deadline) AS past_deadline "
        "FROM bands b LEFT JOIN open_then o "
        "ON o.age_days >= b.low AND (b.high IS NULL OR o.age_days <= b.high) "
        "GROUP BY b.band, b.band_order ORDER BY b.band_order",
        params,
    )


def agencies(filters: Filters, as_of: date) -> pd.DataFrame:
    """Per handling unit: reports routed to it, handled, on-time %, median and p90 working days, rated,
    satisfaction %, open past deadline at ``as_of``; ranked by on-time % (1 = best) when it handled enough."""
    sql, backlog_params = _open_at(filters, as_of, "agency_responsible")
    clause, params = where(filters)
    return fetch(
        f"{sql}, late_backlog AS (SELECT agency_responsible AS agency, count(*) AS open_past_deadline "
        "FROM open_then WHERE past_deadline GROUP BY 1), "
        "stats AS (SELECT agency_responsible AS agency, count(*) AS reports, "
        "count(*) FILTER (on_time IS NOT NULL) AS handled, "
        "100.0 * count(*) FILTER (on_time) / nullif(count(*) FILTER (on_time IS NOT NULL), 0) "
        "AS on_time_pct, "
        "quantile_cont(handling_working_days, 0.5) FILTER (on_time IS NOT NULL) AS median_days, "
        "quantile_cont(handling_working_days, 0.9) FILTER (on_time IS NOT NULL) AS p90_days, "
        "count(*) FILTER (rating IS NOT NULL) AS rated, "
        f"100.0 * count(*) FILTER ({RATING_CASE} = 'satisfied') "
        "/ nullif(count(*) FILTER (rating IS NOT NULL), 0) "
        f"AS satisfaction_pct FROM feedback WHERE {clause} AND verified AND agency_responsible IS NOT NULL "
        "GROUP BY 1) "
        "SELECT CASE WHEN s.handled >= ? THEN rank() OVER (ORDER BY CASE WHEN s.handled >= ? "
        "THEN s.on_time_pct END DESC NULLS LAST) END AS rank, s.*, "
        "coalesce(l.open_past_deadline, 0) AS open_past_deadline "
        "FROM stats s LEFT JOIN late_backlog l USING (agency) "
        "ORDER BY rank NULLS LAST, s.reports DESC, s.agency",
        [*backlog_params, *params, MIN_HANDLED_TO_RANK, MIN_HANDLED_TO_RANK],
    )


def handling_days_by_category(filters: Filters) -> pd.DataFrame:
    """Per category: handled reports, the 10th, 25th, 50th, 75th and 90th percentiles of working days, and
    the longest deadline (working days) that applied."""
    clause, params = where(filters)
    quantiles = ", ".join(
        f"quantile_cont(handling_working_days, {q / 100}) AS p{q}" for q in (10, 25, 50, 75, 90)
    )
    return fetch(
        f"SELECT service_code AS key, any_value(service_name) AS name, count(*) AS handled, {quantiles}, "
        "max(deadline_working_days) AS deadline_days "
        f"FROM feedback WHERE {clause} AND on_time IS NOT NULL GROUP BY service_code ORDER BY p50, key",
        params,
    )


def ratings_over_time(filters: Filters, grain: str = "month") -> pd.DataFrame:
    """Per month (or week) of receipt: handled reports, rated ones and each rating level."""
    part = {"day": "week", "week": "week", "month": "month"}[grain]  # daily ratings are too few to read
    clause, params = where(filters)
    return fetch(
        f"SELECT date_trunc('{part}', requested_at)::DATE AS bucket, {_RATING_COUNTS} "
        f"FROM feedback WHERE {clause} AND on_time IS NOT NULL GROUP BY 1 ORDER BY 1",
        params,
    )


def ratings_by_category(filters: Filters) -> pd.DataFrame:
    """Per category: handled reports, rated ones and each rating level, most rated first."""
    clause, params = where(filters)
    return fetch(
        f"SELECT service_code AS key, any_value(service_name) AS name, {_RATING_COUNTS} "
        f"FROM feedback WHERE {clause} AND on_time IS NOT NULL "
        "GROUP BY service_code ORDER BY rated DESC, key",
        params,
    )
