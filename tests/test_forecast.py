"""Forecasting: model choice and interval honesty on seeded synthetic series, fallbacks, and the ETL job."""
from __future__ import annotations

from argparse import Namespace
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from etl import forecast, forecast_job

SCHEMA = Path(__file__).resolve().parents[1] / "etl" / "schema.sql"


def weekly_reports(seed: int = 7, years: int = 6) -> pd.Series:
    """Weekly counts: upward trend, a yearly cycle and noise."""
    t = np.arange(52 * years)
    noise = np.random.default_rng(seed).normal(0, 6, t.size)
    values = 200 + 0.3 * t + 25 * np.sin(2 * np.pi * t / 52) + noise
    return pd.Series(values, pd.date_range("2019-01-07", periods=t.size, freq="W-MON"))


def daily_vehicles(seed: int = 3, days: int = 3 * 364) -> pd.Series:
    """Daily counts: slow growth, quiet weekends and noise."""
    t = np.arange(days)
    weekly = np.array([1.0, 1.02, 1.0, 1.03, 1.08, 0.8, 0.7])[t % 7]
    noise = np.random.default_rng(seed).normal(0, 800, days)
    return pd.Series(20_000 * (1 + t / 3000) * weekly + noise, pd.date_range("2022-01-03", periods=days))


@pytest.mark.parametrize(("series", "horizon", "season"),
                         [(weekly_reports(), 13, 52), (daily_vehicles(), 28, 7)])
def test_chosen_model_beats_seasonal_naive_and_its_80_interval_is_honest(series, horizon, season):
    result = forecast.forecast_with_scores(series, horizon, season, folds=8)
    assert result.model != "SeasonalNaive"
    assert result.mase < 1
    assert 0.7 <= result.coverage[80] <= 0.9
    assert result.coverage[95] >= result.coverage[80]
    assert len(result.scores) == 8 * result.scores["model"].nunique()
    assert (result.folds, result.points) == (8, 8 * horizon)   # 8 folds of ``horizon`` held-out points
    assert result.inside[80] / result.points == pytest.approx(result.coverage[80])
    assert result.inside[80] <= result.inside[95] <= result.points


def test_backtest_counts_the_points_each_band_held_per_fold_and_the_forecast_sums_its_models_folds():
    series = weekly_reports(years=4)
    series.iloc[-13:] += 10_000   # a jump no model sees coming: the last fold's 13 points all fall outside
    result = forecast.forecast_with_scores(series, 13, 52, folds=3)
    scores = result.scores
    assert (scores["points"] == 13).all()
    # the first two folds learn their band widths from the other folds, the jump among them: wide enough
    assert scores.groupby("fold")["inside_80"].apply(set).to_dict() == {1: {13}, 2: {13}, 3: {0}}
    assert (scores["inside_95"] == scores["inside_80"]).all()
    assert (result.folds, result.points, result.inside) == (3, 39, {80: 26, 95: 26})
    assert result.coverage[80] == pytest.approx(26 / 39)


def test_forecast_continues_the_series_on_its_own_grid():
    series = weekly_reports(years=3)
    frame = forecast.forecast(series, 13, 52)
    assert list(frame.columns) == ["ds", "yhat", "lo_80", "hi_80", "lo_95", "hi_95", "model"]
    after = series.index[-1] + timedelta(weeks=1)
    assert list(frame["ds"]) == list(pd.date_range(after, periods=13, freq="W-MON"))
    assert (frame["lo_95"] <= frame["lo_80"]).all() and (frame["lo_80"] <= frame["yhat"]).all()
    assert (frame["yhat"] <= frame["hi_80"]).all() and (frame["hi_80"] <= frame["hi_95"]).all()


def test_backtest_has_one_row_per_fold_and_candidate_with_the_seasonal_naive_baseline():
    scores = forecast.backtest(weekly_reports(years=4), 13, 52, folds=3)
    assert set(scores.columns) >= {"fold", "model", "mase", "coverage_80", "coverage_95", "points", "inside_80",
                                   "inside_95"}
    assert sorted(scores["fold"].unique()) == [1, 2, 3]
    assert "SeasonalNaive" in set(scores["model"])
    assert scores["coverage_80"].between(0, 1).all()


def test_mase_divides_by_the_in_sample_seasonal_naive_error():
    train = np.array([1.0, 2, 3, 5, 4, 6])   # lag-2 differences: 2, 3, 1, 1 -> mean 1.75
    assert forecast.mase(np.array([7.0, 8]), np.array([6.0, 10]), train, lag=2) == pytest.approx(1.5 / 1.75)


def test_short_series_fall_back_to_non_seasonal_models_and_say_so():
    series = weekly_reports(years=2).iloc[:70]   # 70 weeks: not two seasons of 52
    frame = forecast.forecast(series, 13, 52)
    assert len(frame) == 13 and frame["yhat"].notna().all()
    assert "short series" in frame["model"].iloc[0]
    untested = forecast.forecast_with_scores(series.iloc[:3], 4, 52)
    assert untested.model == "Naive (short series, no backtest)"
    assert (untested.folds, untested.points, untested.inside) == (0, 0, {80: 0, 95: 0})


def test_constant_series_get_a_flat_forecast():
    series = pd.Series(5.0, pd.date_range("2024-01-01", periods=40, freq="MS"))
    frame = forecast.forecast(series, 6, 12)
    assert frame["model"].iloc[0] == "Naive (constant history)"
    assert (frame[["yhat", "lo_80", "hi_80", "lo_95", "hi_95"]] == 5.0).all().all()


def test_gaps_are_interpolated_and_missing_stamps_restored():
    series = pd.Series([10.0, np.nan, 14.0, 16.0, 18.0, 20.0],
                       pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01", "2024-05-01", "2024-06-01",
                                       "2024-07-01"]))
    filled = forecast.regular(series)
    assert filled.loc["2024-02-01"] == 12.0 and filled.loc["2024-04-01"] == 15.0
    assert forecast.forecast(series, 3, 12)["ds"].dt.month.tolist() == [8, 9, 10]


def test_monotone_bounded_forecasts_never_go_back_or_leave_the_bounds():
    t = np.arange(60)
    noise = np.random.default_rng(5).normal(0, 0.4, t.size)
    share = np.minimum(97 / (1 + np.exp(-(t - 20) / 6)) + noise, 100)
    series = pd.Series(share, pd.date_range("2021-01-01", periods=60, freq="MS"))
    result = forecast.forecast_with_scores(series, 24, 12, bounds=(0, 100), monotone=True)
    frame = result.frame
    # 60 months, 24 kept for training: 3 folds of 24 months stepping back 6, overlapping
    assert (result.folds, result.points) == (3, 72)
    assert frame["yhat"].iloc[0] >= share[-1]
    assert frame["yhat"].is_monotonic_increasing
    assert frame[["yhat", "lo_80", "hi_80", "lo_95", "hi_95"]].stack().between(0, 100).all()
    assert (frame["lo_95"] <= frame["yhat"]).all() and (frame["yhat"] <= frame["hi_95"]).all()


def test_complete_weeks_drop_the_partial_first_and_last_week():
    assert forecast_job.complete_weeks(date(2022, 1, 5), date(2024, 10, 10)) == (date(2022, 1, 10),
                                                                                  date(2024, 10, 7))
    assert forecast_job.complete_weeks(date(2022, 1, 3), date(2022, 1, 16)) == (date(2022, 1, 3),
                                                                                 date(2022, 1, 17))


# --- the job on a small warehouse --------------------------------------------------------------------

FIRST_DAY, LAST_DAY = date(2022, 1, 5), date(2024, 10, 10)   # Wednesday, Thursday: partial weeks at both ends
CATEGORIES = ("Giao thông", "Vệ sinh môi trường")
DISTRICTS = {"474": ("19744", "19747"), "478": ("19990", "19993")}
MONTHS = pd.date_range("2022-01-01", "2024-07-01", freq="MS")   # July 2024: one commune has not reported
TRAFFIC_DAYS = pd.date_range("2024-01-01", "2024-04-30")   # 30 April counted for 10 hours only
CORRIDORS = ("Lê Lợi", "Hùng Vương")


def feedback_rows(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    days = pd.date_range(FIRST_DAY, LAST_DAY)
    for district in DISTRICTS:
        for category in CATEGORIES:
            counts = rng.poisson(3 + np.sin(2 * np.pi * np.arange(len(days)) / 365), len(days))
            rows += [(district, category, day + timedelta(hours=9))
                     for day, n in zip(days, counts) for _ in range(n)]
    rows += [(None, "Giao thông", datetime(2023, 3, 1, 10)), ("474", None, datetime(2023, 3, 1, 11))]
    frame = pd.DataFrame(rows, columns=["district_code", "service_name", "requested_at"])
    return frame.assign(service_request_id=[f"HS-{i}" for i in range(len(frame))], status="open",
                        verified=True,
                        source_file="feedback.csv", source_row=range(2, len(frame) + 2))


def health_rows() -> pd.DataFrame:
    rows = []
    for i, month in enumerate(MONTHS):
        for district, communes in DISTRICTS.items():
            for commune in communes:
                if month == MONTHS[-1] and commune == "19993":
                    continue
                created = round(1000 * 0.95 / (1 + np.exp(-(i - 8) / 4)))
                rows.append((commune, district, month.date(), 1000, created, created // 2))
    frame = pd.DataFrame(rows, columns=["commune_code", "district_code", "period", "population",
                                        "records_created", "records_complete"])
    return frame.assign(source_file="health.xlsx", source_row=range(2, len(frame) + 2))


def traffic_rows(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for corridor in CORRIDORS:
        for sensor in (f"{corridor[:2]}-01", f"{corridor[:2]}-02"):
            for day in TRAFFIC_DAYS:
                hours = 10 if day == TRAFFIC_DAYS[-1] else 24
                vehicles = int(rng.normal(20_000 if day.weekday() < 5 else 14_000, 500) * hours / 24)
                rows.append((sensor, corridor, day.date(), vehicles, 0, 0, vehicles, hours, 0, 0.5))
    return pd.DataFrame(rows, columns=["sensor_id", "corridor", "day", "motorbikes", "cars", "trucks_buses",
                                       "vehicles", "hours_counted", "congestion_hours", "peak_ratio"])


def small_warehouse(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    rng = np.random.default_rng(11)
    con.execute(SCHEMA.read_text(encoding="utf-8"))
    for table, frame in (("feedback", feedback_rows(rng)), ("health_coverage", health_rows()),
                         ("traffic_daily", traffic_rows(rng))):
        con.register("rows", frame)
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM rows")
        con.unregister("rows")
    return con


@pytest.fixture(scope="module")
def job() -> tuple[duckdb.DuckDBPyConnection, dict]:
    con = small_warehouse(duckdb.connect())
    summary = forecast_job.run_all(con, n_jobs=2)   # 13 series: the worker-process path
    yield con, summary
    con.close()


def series_rows(con) -> dict[tuple[str, str, str], tuple]:
    found = con.execute("""SELECT indicator_id, area_code, series_key, count(*), min(ds), max(ds)
                           FROM forecasts GROUP BY ALL""").fetchall()
    return {row[:3]: row[3:] for row in found}


def test_run_all_writes_every_series_with_its_horizon_after_the_last_complete_period(job):
    con, summary = job
    week, month, day = date(2024, 10, 7), date(2024, 7, 1), date(2024, 4, 30)
    expected = {("feedback_received", "46", ""): (13, week, week + timedelta(weeks=12))}
    expected |= {("feedback_received", d, c): (13, week, week + timedelta(weeks=12))
                 for d in DISTRICTS for c in CATEGORIES}
    for indicator in ("health_created_pct", "health_complete_pct"):   # 478 and the province lack a commune
        expected |= {(indicator, "474", ""): (24, date(2024, 8, 1), date(2026, 7, 1)),
                     (indicator, "478", ""): (24, month, date(2026, 6, 1)),
                     (indicator, "46", ""): (24, month, date(2026, 6, 1))}
    expected |= {("traffic_vehicles", "46", c): (28, day, day + timedelta(days=27)) for c in CORRIDORS}
    assert series_rows(con) == expected
    assert summary["series"] == len(expected) and summary["failed"] == 0


def test_run_all_keeps_bounds_order_and_backtest_scores(job):
    con, _ = job
    bad = con.execute("""SELECT count(*) FROM forecasts WHERE NOT (lo_95 <= lo_80 AND lo_80 <= yhat
        AND yhat <= hi_80 AND hi_80 <= hi_95) OR lo_95 < 0
        OR (indicator_id LIKE 'health%' AND hi_95 > 100)""").fetchone()[0]
    assert bad == 0
    going_back = """
        SELECT count(*) FROM (SELECT yhat < lag(yhat) OVER (PARTITION BY indicator_id, area_code ORDER BY ds)
                              AS back FROM forecasts WHERE indicator_id LIKE 'health%') WHERE back"""
    assert con.execute(going_back).fetchone()[0] == 0
    missing = "SELECT count(*) FROM forecasts WHERE model IS NULL OR made_at IS NULL OR mase IS NULL"
    assert con.execute(missing).fetchone()[0] == 0


def stored_counts(con) -> dict[tuple[str, str, str], tuple]:
    """Per series: (folds, held-out points, inside 80 %, inside 95 %, coverage 80 %, model), one value each."""
    found = con.execute("""
        SELECT DISTINCT indicator_id, area_code, series_key, backtest_folds, backtest_points, inside_80,
               inside_95, coverage_80, model FROM forecasts""").fetchall()
    counts = {row[:3]: row[3:] for row in found}
    assert len(counts) == len(found)   # the same counts on every horizon row of a series
    return counts


def test_run_all_stores_the_backtest_counts_of_each_series(job):
    counts = stored_counts(job[0])
    # (folds, points) by hand: 143 whole weeks keep 104 for training, 3 folds of 13 fit; 31 (30) months
    # keep 24, so one fold of 7 (6); 119 whole days keep 14, 3 folds of 28 fit
    expected = {key: (3, 39) for key in counts if key[0] == "feedback_received"}
    for indicator in ("health_created_pct", "health_complete_pct"):
        expected |= {(indicator, "474", ""): (1, 7), (indicator, "478", ""): (1, 6), (indicator, "46", ""): (1, 6)}
    expected |= {("traffic_vehicles", "46", c): (3, 84) for c in CORRIDORS}
    assert {key: row[:2] for key, row in counts.items()} == expected
    for folds, points, inside_80, inside_95, coverage_80, _ in counts.values():
        assert 0 <= inside_80 <= inside_95 <= points
        assert inside_80 == round(coverage_80 * points)


def test_stored_counts_are_the_chosen_models_backtest_folds_summed(job):
    con, _ = job
    task = next(t for t in forecast_job.traffic_tasks(con) if t.series_key == "Lê Lợi")
    folds, points, inside_80, inside_95, _, model = stored_counts(con)[("traffic_vehicles", "46", "Lê Lợi")]
    scores = forecast.backtest(task.series, task.horizon, task.season_length, bounds=task.bounds)
    mine = scores[scores["model"] == model]
    assert (folds, points) == (len(mine), mine["points"].sum())
    assert (inside_80, inside_95) == (mine["inside_80"].sum(), mine["inside_95"].sum())


def test_should_run_after_new_fact_files_or_when_forecasts_are_missing_or_lack_counts(job):
    con, _ = job
    loaded = Namespace(source="feedback", files=2, skipped=1)
    unchanged = Namespace(source="feedback", files=2, skipped=2)
    schools = Namespace(source="schools", files=1, skipped=0)
    assert forecast_job.should_run(con, [loaded])
    assert not forecast_job.should_run(con, [unchanged, schools])
    empty = duckdb.connect()
    empty.execute(SCHEMA.read_text(encoding="utf-8"))
    assert not forecast_job.should_run(empty, [])
    empty.execute("""INSERT INTO forecasts (indicator_id, area_code, series_key, ds, yhat, model, made_at)
                     VALUES ('feedback_received', '46', '', DATE '2024-10-07', 1, 'MSTL', now())""")
    assert forecast_job.should_run(empty, [unchanged])   # made before the job stored its backtest counts


def test_cli_replaces_the_warehouse_file_atomically_and_adds_the_count_columns_to_an_older_one(tmp_path, capsys):
    db = tmp_path / "warehouse.duckdb"
    con = duckdb.connect(str(db))
    small_warehouse(con).execute("DELETE FROM feedback; DELETE FROM health_coverage")
    for column in ("backtest_folds", "backtest_points", "inside_80", "inside_95"):   # built before the counts
        con.execute(f"ALTER TABLE forecasts DROP COLUMN {column}")
    con.close()
    assert forecast_job.cli(Namespace(db=db, jobs=1)) == 0
    assert "2 series (traffic_vehicles 2)" in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir()] == ["warehouse.duckdb"]
    with duckdb.connect(str(db), read_only=True) as check:
        assert check.execute("SELECT count(*) FROM forecasts").fetchone()[0] == 2 * 28
        counts = "SELECT DISTINCT backtest_folds, backtest_points FROM forecasts"
        assert check.execute(counts).fetchall() == [(3, 84)]
