"""Citizen feedback: how many reports, of what kind, through which channel, where, and how far each got
(received → verified → handled on time or late → rated)."""

from __future__ import annotations

import pandas as pd

from queries.db import fetch
from queries.feedback import RATING_CASE, Filters, where

#: Time grain -> DuckDB date_trunc part.
GRAINS = {"day": "day", "week": "week", "month": "month"}
#: What the volume is split by -> column.
SPLITS = {"category": "service_code", "channel": "channel"}


def summary(filters: Filters) -> pd.DataFrame:
    """One row: received, verified, handled (on time, late), still open, rated by level, median and p90
    working days to handle."""
    clause, params = where(filters)
    return fetch(
        "SELECT count(*) AS received, count(*) FILTER (verified) AS verified, "
        "count(*) FILTER (on_time IS NOT NULL) AS handled, count(*) FILTER (on_time) AS on_time, "
        "count(*) FILTER (NOT on_time) AS late, "
        "count(*) FILTER (verified AND closed_at IS NULL) AS still_open, "
        "count(*) FILTER (rating IS NOT NULL) AS rated, "
        f"count(*) FILTER ({RATING_CASE} = 'satisfied') AS satisfied, "
        f"count(*) FILTER ({RATING_CASE} = 'acceptable') AS acceptable, "
        f"count(*) FILTER ({RATING_CASE} = 'dissatisfied') AS dissatisfied, "
        "quantile_cont(handling_working_days, 0.5) FILTER (on_time IS NOT NULL) AS median_days, "
        "quantile_cont(handling_working_days, 0.9) FILTER (on_time IS NOT NULL) AS p90_days "
        f"FROM feedback WHERE {clause}",
        params,
    )


def volume_over_time(filters: Filters, grain: str = "month", split: str = "category") -> pd.DataFrame:
    """Reports per period start (day, week from Monday, or month) and category or channel."""
    part, column = GRAINS[grain], SPLITS[split]
    clause, params = where(filters)
    return fetch(
        f"SELECT date_trunc('{part}', requested_at)::DATE AS bucket, coalesce({column}, '') AS key, "
        f"count(*) AS reports FROM feedback WHERE {clause} GROUP BY ALL ORDER BY bucket, key",
        params,
    )


def volume_previous_year(filters: Filters, grain: str = "month") -> pd.DataFrame:
    """Reports of the same filters one year earlier, placed on this year's day, week or month."""
    part = GRAINS[grain]
    clause, params = where(filters.previous_year())
    return fetch(
        f"SELECT date_trunc('{part}', requested_at + INTERVAL 1 YEAR)::DATE AS bucket, count(*) AS reports "
        f"FROM feedback WHERE {clause} GROUP BY ALL ORDER BY bucket",
        params,
    )


def volume_by(filters: Filters, split: str = "category") -> pd.DataFrame:
    """Reports per category (code and stored name) or channel, most first, with the share of all (%)."""
    column = SPLITS[split]
    name = "any_value(service_name)" if split == "category" else "NULL"
    clause, params = where(filters)
    return fetch(
        f"SELECT coalesce({column}, '') AS key, {name} AS name, count(*) AS reports, "
        "100.0 * count(*) / sum(count(*)) OVER () AS share_pct "
        f"FROM feedback WHERE {clause} GROUP BY ALL ORDER BY reports DESC, key",
        params,
    )


def not_verified_reasons(filters: Filters) -> pd.DataFrame:
    """Reports not routed to a unit, per reason, most first, with the share of all received (%)."""
    clause, params = where(filters)
    return fetch(
        "WITH picked AS (SELECT verified, not_verified_reason FROM feedback WHERE " + clause + ") "
        "SELECT coalesce(not_verified_reason, 'unknown') AS reason, count(*) AS reports, "
        "100.0 * count(*) / (SELECT count(*) FROM picked) AS share_pct "
        "FROM picked WHERE NOT verified GROUP BY ALL ORDER BY reports DESC, reason",
        params,
    )


def per_10k(filters: Filters) -> pd.DataFrame:
    """Reports per 10,000 residents for each district, or for each commune of the chosen district.

    Every area of that level is listed (0 reports included); ``population_basis`` says whether the
    population is an estimate.
    """
    level = "commune" if filters.district else "district"
    key = "commune_code" if filters.district else "district_code"
    clause, params = where(filters.without("commune"))
    return fetch(
        f"WITH counts AS (SELECT {key} AS code, count(*) AS reports FROM feedback WHERE {clause} GROUP BY 1) "
        "SELECT a.code, a.name_vi AS name, a.name_ascii, a.level, a.parent_code, a.population, "
        "a.population_basis, "
        "coalesce(c.reports, 0) AS reports, "
        "CASE WHEN a.population > 0 THEN 10000.0 * coalesce(c.reports, 0) / a.population END AS per_10k "
        "FROM areas a LEFT JOIN counts c ON c.code = a.code "
        "WHERE a.level = ? AND (? IS NULL OR a.parent_code = ?) ORDER BY per_10k DESC NULLS LAST, a.code",
        [*params, level, filters.district, filters.district],
    )
