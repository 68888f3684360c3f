"""Every catalogue indicator for the whole province, computed here with pandas from the demo generator's
RAW exports (all three feedback formats, health CSVs, school workbooks, hourly traffic counts, incidents)
and matched with what the queries give on the warehouse the real ETL built from those files.

Deadlines and handling days are counted with etl.workdays' Python rules, not the ETL's SQL.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import config
from etl import vocab, workdays
from etl.demo.feedback_files import OPEN311_COLUMNS, PORTAL_STATUS
from queries import kpi

MONTH = re.compile(r"\d{4}-\d{2}$")
#: A month of the portal-format year, a quarter holding the JSON month, a whole year.
WINDOWS = [
    (date(2024, 12, 1), date(2025, 1, 1)),
    (date(2025, 4, 1), date(2025, 7, 1)),
    (date(2025, 1, 1), date(2026, 1, 1)),
]


def _read_feedback_file(path: Path) -> pd.DataFrame:
    if path.suffix == ".json":
        rows = pd.DataFrame(json.loads(path.read_text(encoding="utf-8")), dtype=object)
        return rows.assign(**{c: pd.to_datetime(rows[c]) for c in ("requested_datetime", "closed_datetime")})
    if path.name.startswith("phan-anh"):  # the portal export: Vietnamese headers, dd/mm/yyyy HH:MM
        rows = pd.read_csv(path, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)
        rows = rows.set_axis(OPEN311_COLUMNS, axis=1)
        rows["status"] = rows["status"].map({v: k for k, v in PORTAL_STATUS.items()})
        parse = {"format": "%d/%m/%Y %H:%M"}
    else:
        rows = pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)
        parse = {"format": "%Y-%m-%d %H:%M:%S"}
    for column in ("requested_datetime", "closed_datetime"):
        rows[column] = pd.to_datetime(rows[column].replace("", None), **parse)
    return rows.replace("", None)


@pytest.fixture(scope="module")
def reports(demo_warehouse) -> pd.DataFrame:
    """Every generated report with verified, deadline, handling days and on-time worked out here.

    Only the monthly exports: a supplementary file of hand-typed slips and re-exports, when the generator
    writes one, is left out whole by the ETL (each row with its reason in rejected_rows)."""
    monthly = [p for p in sorted((demo_warehouse.raw / "feedback").glob("*")) if MONTH.search(p.stem)]
    rows = pd.concat([_read_feedback_file(p) for p in monthly], ignore_index=True)
    calendar = workdays.load_days_off()
    received = rows["requested_datetime"].dt.date
    closed = rows["closed_datetime"].dt.date
    rows["verified"] = rows["status_detail"].map(lambda d: vocab.STATUS_DETAILS[d][0])
    rows["deadline"] = [
        workdays.add_working_days(d, workdays.deadline_working_days(d), calendar) for d in received
    ]
    rows["handling_days"] = [
        workdays.working_days_between(r, c, calendar) if pd.notna(c) else None
        for r, c in zip(received, closed)
    ]
    rows["on_time"] = [pd.notna(c) and c <= d for c, d in zip(closed, rows["deadline"])]
    return rows


def _between(stamps: pd.Series, window) -> pd.Series:
    return (stamps >= pd.Timestamp(window[0])) & (stamps < pd.Timestamp(window[1]))


def expected_feedback(reports: pd.DataFrame, window, population: int) -> dict[str, float]:
    received = reports[_between(reports["requested_datetime"], window)]
    verified = reports[reports["verified"].astype(bool)]
    closed = verified[_between(verified["closed_datetime"], window)]
    rated = closed.dropna(subset=["rating"])
    end = pd.Timestamp(window[1])
    still_open = verified["closed_datetime"].isna() | (verified["closed_datetime"] >= end)
    overdue = verified[
        (verified["requested_datetime"] < end) & (pd.to_datetime(verified["deadline"]) < end) & still_open
    ]
    return {
        "feedback_received": len(received),
        "feedback_verified_pct": 100.0 * received["verified"].astype(bool).sum() / len(received),
        "feedback_on_time_pct": 100.0 * closed["on_time"].sum() / len(closed),
        "feedback_median_days": closed["handling_days"].astype(float).median(),
        "feedback_open_overdue": len(overdue),
        "feedback_satisfaction_pct": 100.0 * (rated["rating"] == "hài lòng").sum() / len(rated),
        "feedback_per_10k": 10000.0 * len(received) / population,
    }


def expected_health(raw: Path, window) -> dict[str, float]:
    health = pd.concat(pd.read_csv(p, dtype={"commune_code": str}) for p in sorted(raw.glob("*.csv")))
    months = pd.to_datetime(health["period"] + "-01")
    part = health[_between(months, window)]
    latest = part[part["period"] == part["period"].max()]
    return {
        "health_created_pct": 100.0 * latest["records_created"].sum() / latest["population"].sum(),
        "health_complete_pct": 100.0 * latest["records_complete"].sum() / latest["population"].sum(),
    }


def expected_schools(raw: Path, window) -> dict[str, float]:
    last_day = window[1] - pd.Timedelta(days=1)
    first_year = last_day.year if last_day.month >= 9 else last_day.year - 1
    book = raw / f"truong_hoc_{first_year}-{first_year + 1}.xlsx"
    schools = pd.read_excel(book, sheet_name="Danh sách")
    return {
        "schools_smart_thpt": ((schools["level"] == "THPT") & (schools["smart_classrooms"] >= 1)).sum(),
        "schools_broadband_pct": 100.0 * (schools["has_broadband"] == "có").sum() / len(schools),
    }


def expected_traffic(raw: Path, window) -> dict[str, float]:
    sensors = pd.read_csv(raw / "traffic_sensors" / "sensors.csv")
    months = [
        p
        for p in sorted((raw / "traffic_counts").glob("*.csv"))
        if window[0].strftime("%Y-%m") <= p.stem[-7:] < window[1].strftime("%Y-%m")
    ]
    counts = pd.concat(pd.read_csv(p, parse_dates=["hour_start"]) for p in months).merge(sensors)
    vehicles = counts["motorbikes"] + counts["cars"] + counts["trucks_buses"]
    incidents = pd.concat(
        pd.read_csv(p, parse_dates=["occurred_at"]) for p in sorted((raw / "traffic_incidents").glob("*.csv"))
    )
    crashes = incidents[(incidents["kind"] == "va chạm") & _between(incidents["occurred_at"], window)]
    return {
        "traffic_congestion_hours": (vehicles > 0.85 * counts["capacity_veh_h"]).sum(),
        "traffic_crashes": len(crashes),
        "traffic_deaths": crashes["deaths"].sum(),
        "traffic_injuries": crashes["injuries"].sum(),
    }


def province_population(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT population FROM areas WHERE level = 'province'").fetchone()[0]


@pytest.mark.parametrize("window", WINDOWS, ids=["2024-12", "2025-Q2", "2025"])
def test_every_indicator_matches_the_raw_exports_for_the_province(on_demo_warehouse, reports, window):
    raw = on_demo_warehouse.raw
    expected = {
        **expected_feedback(reports, window, province_population(on_demo_warehouse.db)),
        **expected_health(raw / "health", window),
        **expected_schools(raw / "schools", window),
        **expected_traffic(raw, window),
    }
    assert config.WAREHOUSE == on_demo_warehouse.db
    for indicator_id, wanted in expected.items():
        got = kpi.values(indicator_id, *window, "province")["value"].iloc[0]
        assert got == wanted, indicator_id
