"""The feedback page's main callbacks against the approach most Dash tutorials take: the data loaded into
pandas at start-up, filtered and grouped in pandas on every call, figures built with plotly express.

The baseline's frame is a Parquet copy of the warehouse's cleaned ``feedback`` table, written and read
once at start-up (not timed): the raw exports need the ETL's header aliases, types and working-day
deadlines before any figure can be drawn from them, and both sides must count the same reports. Our
callbacks are called directly, as Dash calls them, with the same page states; each state is a filter
change neither side has seen (no cache helps either). Both sides' answers are serialised to JSON as Dash
does, and that is timed too. Printed: median ms per callback and the ratio ours / baseline.

    python -m bench.baseline_pandas [--scale 10] [--states 8]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import duckdb
import pandas as pd
import plotly.express as px
import plotly.utils

import config
from bench import _scale

COLUMNS = ("requested_at, status, verified, on_time, handling_working_days, rating, service_code, channel, "
           "agency_responsible, district_code, commune_code, closed_at, deadline_date")
FILTERS = {"district": "district_code", "category": "service_code", "channel": "channel"}
SATISFIED = "hài lòng"


def load_frame(db: Path) -> pd.DataFrame:
    """The tutorial's start-up: the whole feedback table in one DataFrame (through a Parquet file)."""
    with tempfile.TemporaryDirectory() as folder:
        parquet = Path(folder) / "feedback.parquet"
        with duckdb.connect(str(db), read_only=True) as con:
            con.execute(f"COPY (SELECT {COLUMNS} FROM feedback) TO '{parquet}' (FORMAT parquet)")
        frame = pd.read_parquet(parquet)
    frame["deadline_date"] = pd.to_datetime(frame["deadline_date"])  # DATE arrives as Python dates
    return frame


def filtered(df: pd.DataFrame, state: dict, period: bool = True) -> pd.DataFrame:
    mask = pd.Series(True, index=df.index)
    if period:
        mask &= (df["requested_at"] >= state["start"]) & (df["requested_at"] < pd.Timestamp(state["end"])
                                                          + pd.Timedelta(days=1))
    for name, column in FILTERS.items():
        if state.get(name):
            mask &= df[column] == state[name]
    return df[mask]


def past_deadline(df: pd.DataFrame, state: dict) -> int:
    """Reports still open at the end of the page's as-of day and past their deadline (any period)."""
    rows, end = filtered(df, state, period=False), pd.Timestamp(state["as_of"]) + pd.Timedelta(days=1)
    open_then = rows[rows["verified"] & (rows["requested_at"] < end)
                     & (rows["closed_at"].isna() | (rows["closed_at"] >= end))]
    return int((open_then["deadline_date"] < pd.Timestamp(state["as_of"])).sum())


def baseline_summary(df: pd.DataFrame, state: dict):
    """The KPI cards the page shows (received, verified, on time, median and p90 days, open past deadline,
    satisfied) and the status funnel."""
    rows = filtered(df, state)
    handled = rows[rows["on_time"].notna()]
    cards = {
        "received": len(rows),
        "verified_pct": 100 * rows["verified"].mean() if len(rows) else None,
        "on_time_pct": 100 * handled["on_time"].astype(bool).mean() if len(handled) else None,
        "median_days": handled["handling_working_days"].median(),
        "p90_days": handled["handling_working_days"].quantile(0.9),
        "past_deadline": past_deadline(df, state),
        "satisfied_pct": 100 * (rows["rating"] == SATISFIED).sum() / max(rows["rating"].notna().sum(), 1),
        "still_open": int((rows["verified"] & rows["closed_at"].isna()).sum()),
    }
    stages = pd.DataFrame({"stage": ["received", "verified", "handled", "on time"],
                           "reports": [len(rows), int(rows["verified"].sum()), len(handled),
                                       int(handled["on_time"].astype(bool).sum())]})
    return cards, px.funnel(stages, x="reports", y="stage")


def baseline_volume(df: pd.DataFrame, state: dict):
    rows = filtered(df, state)
    monthly = (rows.groupby([rows["requested_at"].dt.to_period("M").dt.start_time, "service_code"])
               .size().reset_index(name="reports"))
    return px.line(monthly, x="requested_at", y="reports", color="service_code")


def baseline_shares(df: pd.DataFrame, state: dict):
    rows = filtered(df, state)
    by = [rows[c].value_counts().rename_axis(c).reset_index(name="reports") for c in ("service_code", "channel")]
    return px.bar(by[0], x="reports", y="service_code", orientation="h"), px.bar(by[1], x="reports", y="channel")


def baseline_agencies(df: pd.DataFrame, state: dict):
    rows = filtered(df, state)
    rows = rows[rows["verified"] & rows["agency_responsible"].notna()]
    table = rows.groupby("agency_responsible").agg(
        reports=("status", "size"),
        handled=("on_time", "count"),
        on_time_pct=("on_time", lambda s: 100 * s.dropna().astype(bool).mean()),
        median_days=("handling_working_days", "median"),
        satisfaction_pct=("rating", lambda s: 100 * (s == SATISFIED).sum() / max(s.notna().sum(), 1)),
    )
    return table.sort_values("on_time_pct", ascending=False).reset_index().to_dict("records")


def baseline_handling(df: pd.DataFrame, state: dict):
    rows = filtered(df, state)
    return px.box(rows[rows["on_time"].notna()], x="service_code", y="handling_working_days")


def pairs():
    """(name, our callback, the baseline) for the compared callbacks."""
    from callbacks import feedback_charts as ours

    def summary_and_funnel(state: dict):  # one callback on the baseline's side, two (eager, lazy) on ours
        return ours.show_summary(state), ours.show_funnel(state)

    return [
        ("show_summary (KPI cards, funnel)", summary_and_funnel, baseline_summary),
        ("show_volume (month × category)", ours.show_volume, baseline_volume),
        ("show_shares (category, channel)", ours.show_shares, baseline_shares),
        ("show_agencies (agency table)", ours.show_agencies, baseline_agencies),
        ("show_handling (working days)", ours.show_handling, baseline_handling),
    ]


def states(count: int) -> list[dict]:
    """Page states a reader moves through: periods, districts, categories, channels; all different."""
    from callbacks import feedback

    params = {"lang": "vi", **{name: None for name in feedback.URL_ORDER}}
    base = feedback.resolve_state(params)
    years = ["2025", "2024", "2023", "2022"]
    districts = [None, "474", "478", "479", None, "482"]
    categories = [None, None, "VSMT", "TTDT", "HTDT", "GT", "DIEN"]
    return [{**base, "start": f"{years[i % 4]}-01-01", "end": f"{years[i % 4]}-12-31",
             "district": districts[i % 6], "category": categories[i % 7],
             "channel": "hotline" if i % 5 == 4 else None} for i in range(count)]


def same_count(df: pd.DataFrame, state: dict) -> str:
    """Both sides count the same reports for a filtered view (else the comparison would be unfair)."""
    from datetime import date

    from callbacks.feedback import filters_of
    from queries import feedback_handling, feedback_volume

    ours = int(feedback_volume.summary(filters_of(state)).at[0, "received"])
    cards = baseline_summary(df, state)[0]
    late = int(feedback_handling.backlog_by_age(filters_of(state), date.fromisoformat(state["as_of"]))
               ["past_deadline"].sum())
    return (f"check: reports in {state['start'][:4]}, district {state['district']}: ours {ours:,}, baseline "
            f"{cards['received']:,}; open past deadline on {state['as_of']}: ours {late:,}, baseline "
            f"{cards['past_deadline']:,}")


def timed(call, *args) -> float:
    started = time.perf_counter()
    json.dumps(call(*args), cls=plotly.utils.PlotlyJSONEncoder)
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, choices=(1.0, 10.0))
    parser.add_argument("--states", type=int, default=8, help="filter changes timed per callback")
    args = parser.parse_args(argv)
    config.WAREHOUSE = Path(_scale.ensure(args.scale)["db"]).resolve()
    import app  # noqa: F401  (registers the callbacks)

    started = time.perf_counter()
    df = load_frame(config.WAREHOUSE)
    load_s = time.perf_counter() - started
    warm = {**states(1)[0], "start": "2021-01-01", "end": "2021-03-31"}
    print(f"feedback at scale {args.scale:g}: {len(df):,} reports; baseline start-up (Parquet into pandas) "
          f"{load_s:.1f} s; median of {args.states} filter changes, ms, JSON serialisation included")
    print(same_count(df, states(2)[1]))
    print(f"{'callback':<36}{'ours':>9}{'pandas+px':>11}{'ours/baseline':>15}")
    figures = []
    for name, ours, baseline in pairs():
        timed(ours, warm), timed(baseline, df, warm)  # first-call imports and reference lists
        runs = [(timed(ours, s), timed(baseline, df, s)) for s in states(args.states)]  # interleaved
        mine, theirs = (statistics.median(r[i] for r in runs) for i in (0, 1))
        print(f"{name:<36}{mine:>9.1f}{theirs:>11.1f}{mine / theirs:>15.2f}")
        goal = 0.2 if args.scale == 10 else None
        figures.append({"what": f"ours / pandas baseline, {name.split(' ')[0]}", "value": f"{mine / theirs:.2f}",
                        "goal": "≤ 0.20" if goal else "", "ok": mine / theirs <= goal if goal else None})
    _scale.save_figures("baseline_pandas", args.scale, figures)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
