"""Questions the data-quality page asks: loads per source, files, rows left out, freshness."""

from __future__ import annotations

from datetime import date

import pandas as pd

from queries.db import fetch

#: Rows shown in the sample of rejected rows.
SAMPLE_LIMIT = 50

#: Source -> (table, aggregate giving the date of its latest data). A school year counts from 1 September.
FRESHNESS_SOURCES: dict[str, tuple[str, str]] = {
    "feedback": ("feedback", "max(requested_at)"),
    "health": ("health_coverage", "max(period)"),
    "schools": ("schools", "make_date(max(year_start), 9, 1)"),
    "traffic_counts": ("traffic_counts", "max(hour_start)"),
    "traffic_incidents": ("traffic_incidents", "max(occurred_at)"),
}

#: Days after which a source's latest data is "stale", from how often each export arrives.
STALE_AFTER_DAYS: dict[str, int] = {
    "feedback": 3,  # Hue-S reports arrive every day; a weekend plus one day of slack
    "health": 75,  # monthly figures dated the 1st, delivered during the following month
    "schools": 456,  # one census per school year (dated 1 Sept), due by the end of the next year
    "traffic_counts": 2,  # sensors report every hour
    "traffic_incidents": 31,  # a monthly export from the traffic police
}

_COUNTS = (
    "sum(rows_read)::BIGINT AS rows_read, sum(rows_loaded)::BIGINT AS rows_loaded, "
    "sum(rows_rejected)::BIGINT AS rows_rejected, sum(rows_duplicate)::BIGINT AS rows_duplicate"
)
_FILTER = "(? IS NULL OR source = ?) AND (? IS NULL OR rule = ?)"


def last_load_per_source() -> pd.DataFrame:
    """Latest ETL run of each source: when it finished, files read, row counts, failed if any file failed."""
    return fetch(
        "WITH latest AS "
        "(SELECT source, arg_max(run_id, finished_at) AS run_id FROM etl_runs GROUP BY source) "
        f"SELECT source, max(finished_at) AS finished_at, count(*) AS files, {_COUNTS}, "
        "CASE WHEN bool_or(status = 'failed') THEN 'failed' ELSE 'loaded' END AS status "
        "FROM etl_runs JOIN latest USING (source, run_id) GROUP BY source ORDER BY source"
    )


def files() -> pd.DataFrame:
    """Each file's latest load: counts, status, message and the first 12 characters of its sha256."""
    return fetch(
        "SELECT source, file_name, left(sha256, 12) AS sha256_prefix, rows_read, rows_loaded, rows_rejected, "
        "rows_duplicate, status, finished_at, message FROM etl_runs "
        "QUALIFY row_number() OVER (PARTITION BY source, file_name ORDER BY finished_at DESC) = 1 "
        "ORDER BY source, file_name"
    )


def rejected_by_rule() -> pd.DataFrame:
    """Rows left out per source, rule and kind, most frequent first, with one stored reason as example."""
    return fetch(
        "SELECT source, rule, kind, count(*) AS rows, min(reason) AS reason FROM rejected_rows "
        "GROUP BY source, rule, kind ORDER BY rows DESC, source, rule, kind"
    )


def rejected_sources() -> pd.DataFrame:
    """Sources that have rows left out, with how many."""
    return fetch("SELECT source, count(*) AS rows FROM rejected_rows GROUP BY source ORDER BY source")


def rejected_rules(source: str | None = None) -> pd.DataFrame:
    """Rules that left rows out (of one source, or all), with how many and one stored reason."""
    return fetch(
        "SELECT rule, count(*) AS rows, min(reason) AS reason FROM rejected_rows "
        "WHERE (? IS NULL OR source = ?) GROUP BY rule ORDER BY rule",
        (source, source),
    )


def rejected_sample(
    source: str | None = None, rule: str | None = None, limit: int = SAMPLE_LIMIT
) -> pd.DataFrame:
    """First rows left out, in file order, optionally of one source and one rule."""
    return fetch(
        "SELECT source, file_name, row_number, kind, rule, column_name, reason, CAST(raw AS VARCHAR) AS raw "
        f"FROM rejected_rows WHERE {_FILTER} ORDER BY source, file_name, row_number, rule LIMIT ?",
        (source, source, rule, rule, int(limit)),
    )


def latest_data_dates() -> pd.DataFrame:
    """Date of the latest data of each source with a freshness rule (NaT when its table is empty)."""
    sql = " UNION ALL ".join(
        f"SELECT '{source}' AS source, CAST({latest} AS TIMESTAMP) AS latest FROM {table}"
        for source, (table, latest) in FRESHNESS_SOURCES.items()
    )
    return fetch(sql)


def freshness(today: date | None = None) -> pd.DataFrame:
    """Per source: latest data date, its age in days on ``today``, threshold, fresh | stale | no_data."""
    today = today or date.today()
    frame = latest_data_dates()
    frame["age_days"] = (pd.Timestamp(today) - frame["latest"].dt.normalize()).dt.days.astype("Int64")
    frame["stale_after_days"] = frame["source"].map(STALE_AFTER_DAYS).astype("Int64")
    frame["status"] = "fresh"
    stale = (frame["age_days"] > frame["stale_after_days"]).fillna(False).astype(bool)
    frame.loc[stale, "status"] = "stale"
    frame.loc[frame["latest"].isna(), "status"] = "no_data"
    return frame
