"""Facts about the warehouse itself: how recent its data is, whether it is demo data, its health."""

from __future__ import annotations

from datetime import date, datetime

import duckdb
import pandas as pd

from queries.db import WarehouseMissing, WarehouseUnavailable, fetch, fetch_value, tables, warehouse_path

#: Tables counted by /healthz.
CORE_TABLES = (
    "areas",
    "feedback",
    "health_coverage",
    "schools",
    "traffic_counts",
    "traffic_sensors",
    "traffic_incidents",
    "places",
    "targets",
    "forecasts",
    "etl_runs",
    "rejected_rows",
)
#: Fact table -> the column that dates a row; "data up to" is the latest of these.
FACT_DATES = (("feedback", "requested_at"), ("traffic_counts", "hour_start"), ("health_coverage", "period"))


def data_up_to() -> date | None:
    """Latest date across the fact tables present, or None when they are empty."""
    present = tables()
    parts = [
        f"SELECT max({column})::DATE AS day FROM {table}" for table, column in FACT_DATES if table in present
    ]
    if not parts:
        return None
    value = fetch_value(f"SELECT max(day) FROM ({' UNION ALL '.join(parts)})")
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def is_demo() -> bool:
    """True when the build says its data came from the demo generator (meta origin = demo)."""
    if "meta" not in tables():
        return False
    return fetch_value("SELECT value FROM meta WHERE key = ?", ("origin",)) == "demo"


def last_load() -> datetime | None:
    """When the last ETL run finished, or None before any run."""
    if "etl_runs" not in tables():
        return None
    value = fetch_value("SELECT max(finished_at) FROM etl_runs")
    return None if value is None or pd.isna(value) else pd.Timestamp(value).to_pydatetime()


def row_counts() -> dict[str, int]:
    """Rows per core table present in the warehouse."""
    present = [table for table in CORE_TABLES if table in tables()]
    if not present:
        return {}
    sql = " UNION ALL ".join(f"SELECT '{table}' AS name, count(*) AS n FROM {table}" for table in present)
    frame = fetch(sql)
    return {str(name): int(n) for name, n in zip(frame["name"], frame["n"])}


def health_summary() -> dict:
    """The /healthz answer: status ok | no_warehouse | error, warehouse path, last load, row counts.

    "error" covers an unreadable file and a build missing a core table.
    """
    summary = {"status": "ok", "warehouse": str(warehouse_path()), "last_load": None, "row_counts": {}}
    try:
        loaded = last_load()
        summary["last_load"] = loaded.isoformat() if loaded else None
        summary["row_counts"] = row_counts()
        if len(summary["row_counts"]) < len(CORE_TABLES):
            summary["status"] = "error"  # an incomplete build is not healthy
    except WarehouseMissing:
        summary["status"] = "no_warehouse"
    except (WarehouseUnavailable, duckdb.Error):
        summary["status"] = "error"
    return summary
