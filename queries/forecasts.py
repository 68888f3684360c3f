"""Dự báo (Forecasts): the stored forecasts, their backtest scores, and the history each was fitted on.

The history is aggregated exactly as the forecasting job reads the facts (complete periods only), so the
line the forecast continues is the one it learnt from:
- ``feedback_received``: reports per Monday-based week lying wholly within the loaded days, zero for a
  week without reports; the province total counts every report, a category in a district starts at its
  first report there.
- ``health_created_pct`` / ``health_complete_pct``: 100 × records / population per month; trailing months
  fewer communes reported than the month before are still coming in and left out.
- ``traffic_vehicles``: vehicles per day and corridor; a day with under 90 % of its month's best
  sensor-hours, or no sensor counted all 24 hours, is a gap (NULL).
"""

from __future__ import annotations

import pandas as pd

from queries.db import fetch

PROVINCE_CODE = "46"
FORECASTS = "forecasts"
#: Forecast indicators in the order the picker lists them.
INDICATORS = ("feedback_received", "health_created_pct", "health_complete_pct", "traffic_vehicles")
HEALTH_COLUMNS = {"health_created_pct": "records_created", "health_complete_pct": "records_complete"}
#: Stored with each series' backtest: the chosen model's folds, held-out points, and points inside each band.
BACKTEST_COUNTS = ("backtest_folds", "backtest_points", "inside_80", "inside_95")

_WEEKS = """
WITH span AS (SELECT min(requested_at)::DATE AS first, max(requested_at)::DATE AS last FROM feedback),
window_ AS (SELECT first + ((8 - isodow(first)) % 7)::INTEGER AS start,
                   last - (isodow(last) % 7)::INTEGER + 1 AS stop FROM span),
grid AS (SELECT unnest(generate_series(start, stop - 7, INTERVAL 7 DAY))::DATE AS ds
         FROM window_ WHERE stop > start),
counts AS (SELECT date_trunc('week', requested_at)::DATE AS ds, count(*) AS n
           FROM feedback, window_ WHERE requested_at >= start AND requested_at < stop {where} GROUP BY 1)
SELECT grid.ds, coalesce(counts.n, 0)::DOUBLE AS y FROM grid LEFT JOIN counts USING (ds)
{trim} ORDER BY grid.ds"""
_CATEGORY = "AND district_code = ? AND service_name = ?"
_FROM_FIRST_REPORT = "WHERE grid.ds >= (SELECT min(ds) FROM counts)"

_MONTHS = """
WITH monthly AS (SELECT period AS ds, sum({column}) AS part, sum(population) AS population,
                        count(*) AS communes
                 FROM health_coverage WHERE ? = ? OR district_code = ? GROUP BY period),
flagged AS (SELECT *, communes >= coalesce(lag(communes) OVER (ORDER BY ds), 0) AS settled FROM monthly)
SELECT ds, 100 * part / nullif(population, 0) AS y FROM flagged
WHERE ds <= (SELECT max(ds) FROM flagged WHERE settled) ORDER BY ds"""

_DAYS = """
SELECT ds, CASE WHEN hours >= 0.9 * best AND longest >= 24 THEN vehicles END::DOUBLE AS y
FROM (SELECT *, max(hours) OVER (PARTITION BY date_trunc('month', ds)) AS best
      FROM (SELECT day AS ds, sum(vehicles) AS vehicles, sum(hours_counted) AS hours,
                   max(hours_counted) AS longest
            FROM traffic_daily WHERE corridor = ? GROUP BY day))
ORDER BY ds"""


def series_list() -> pd.DataFrame:
    """Every forecast series: indicator, area (with names and level), key, model and horizon."""
    return fetch(
        f"SELECT f.indicator_id, f.area_code, f.series_key, any_value(f.model) AS model, "
        f"count(*) AS horizon, any_value(a.name_vi) AS name_vi, any_value(a.name_ascii) AS name_ascii, "
        f"any_value(a.level) AS level FROM {FORECASTS} f LEFT JOIN areas a ON a.code = f.area_code "
        f"GROUP BY f.indicator_id, f.area_code, f.series_key "
        f"ORDER BY f.indicator_id, f.area_code <> ?, f.area_code, f.series_key",
        (PROVINCE_CODE,),
    )


def history(indicator_id: str, area_code: str, series_key: str) -> pd.DataFrame:
    """The series the job forecast from: ds, y (NULL for a traffic day too thin to count)."""
    if indicator_id == "feedback_received":
        if area_code == PROVINCE_CODE and not series_key:
            return fetch(_WEEKS.format(where="", trim=""))
        return fetch(_WEEKS.format(where=_CATEGORY, trim=_FROM_FIRST_REPORT), (area_code, series_key))
    if indicator_id in HEALTH_COLUMNS:
        sql = _MONTHS.format(column=HEALTH_COLUMNS[indicator_id])
        return fetch(sql, (area_code, PROVINCE_CODE, area_code))
    if indicator_id == "traffic_vehicles":
        return fetch(_DAYS, (series_key,))
    return pd.DataFrame({"ds": pd.Series(dtype="datetime64[ns]"), "y": pd.Series(dtype=float)})


def forecast(indicator_id: str, area_code: str, series_key: str) -> pd.DataFrame:
    """The stored forecast of one series: ds, yhat and the 80 % / 95 % bounds, oldest first."""
    return fetch(
        f"SELECT ds, yhat, lo_80, hi_80, lo_95, hi_95 FROM {FORECASTS} "
        "WHERE indicator_id = ? AND area_code = ? AND series_key = ? ORDER BY ds",
        (indicator_id, area_code, series_key),
    )


def scores(indicator_id: str, area_code: str, series_key: str) -> pd.DataFrame:
    """One row for one series: chosen model, backtest MASE and coverages, the counts behind them (folds,
    held-out points, points inside each band; NULL if made before the job kept counts), horizon, when."""
    return fetch(
        f"SELECT any_value(indicator_id) AS indicator_id, any_value(model) AS model, any_value(mase) AS mase, "
        f"any_value(coverage_80) AS coverage_80, any_value(coverage_95) AS coverage_95, {_counts()}, "
        f"count(*) AS horizon, max(made_at) AS made_at "
        f"FROM {FORECASTS} WHERE indicator_id = ? AND area_code = ? AND series_key = ? HAVING count(*) > 0",
        (indicator_id, area_code, series_key),
    )


def _counts() -> str:
    """The backtest count columns, as NULL on a warehouse built before they existed (until its next load)."""
    present = set(fetch("SELECT column_name FROM information_schema.columns WHERE table_name = ?",
                        (FORECASTS,))["column_name"])
    return ", ".join(f"any_value({c}) AS {c}" if c in present else f"NULL::INTEGER AS {c}"
                     for c in BACKTEST_COUNTS)


def target(indicator_id: str, area_code: str) -> pd.DataFrame:
    """The target that applies to an area (its own, else the province's): value, due date, source."""
    return fetch(
        "SELECT target_value, due_date, legal_source, area_code FROM targets "
        "WHERE indicator_id = ? AND area_code IN (?, ?) ORDER BY area_code = ? DESC LIMIT 1",
        (indicator_id, area_code, PROVINCE_CODE, area_code),
    )
