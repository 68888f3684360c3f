"""Forecasting one series: candidates scored by a rolling-origin backtest, the best one refitted on all data.

Pure (no warehouse): ``etl.forecast_job`` feeds it series and stores what it returns. Candidates
(statsforecast) depend on length and cost, since the ETL refits ~130 series on two cores and AutoETS with
season 52 costs 0.3-0.7 s a fit (AutoARIMA ~1 s), times folds + 1 fits per series:
- two full seasons or more: ``SeasonalNaive`` (the baseline), non-seasonal ``AutoETS`` (wins on sparse,
  noisy counts), ``MSTL`` (STL seasonality, AutoETS on the rest), ``AutoTheta`` up to 600 points (its
  dynamic variants take seconds on years of days), seasonal ``AutoETS`` if ``n * season_length <= 5000``;
- fewer: ``Naive`` and non-seasonal ``AutoETS``, labelled "short series"; a flat history: ``Naive``.

The chosen model has the lowest mean backtest MASE (Hyndman & Koehler, 2006): the mean absolute error on
held-out points divided by the in-sample mean absolute error of the seasonal naive forecast
(``|y_t - y_{t-m}|``) on that fold's training data, with ``m`` = 1 for short series. Below 1, the error
ahead is smaller than the one-step error of "same period last season". A fold whose training data has no
such variation (scale 0) has no MASE; the mean skips it and ties go to the lower MAE.

Intervals are centred on the point forecast, with the model's half-widths scaled by the split-conformal
factor that would have covered each level on that model's backtest points: model intervals assume the
model is right, and MSTL's and Theta's come out narrow (STL's seasonal estimate soaks up noise). Coverage
(share of held-out points inside) is reported per fold with the factor learnt on the other folds, beside
its counts (held-out points, how many fell inside each band), so a reader can be told "Y times out of Z".

Gaps: the series is put on its regular grid (frequency inferred); missing stamps and NaN inside it are
filled by linear interpolation (a carried level, never a fake zero), leading and trailing gaps trimmed.
Callers for which a missing period means zero (counts) fill zeros themselves.
"""
from __future__ import annotations

import logging
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from statsforecast.models import MSTL, AutoETS, AutoTheta, Naive, SeasonalNaive

log = logging.getLogger(__name__)

LEVELS = (80, 95)
FOLDS = 3
Bounds = tuple[float | None, float | None] | None


@dataclass(frozen=True)
class Candidate:
    name: str
    make: Callable[[], object]   # a statsforecast model with ``forecast(y=, h=, level=)``


@dataclass(frozen=True)
class Plan:
    candidates: tuple[Candidate, ...]   # the first one is the baseline
    origins: tuple[tuple[int, int], ...]   # (training length, held-out length) per fold
    lag: int   # seasonal lag of the MASE scale


@dataclass(frozen=True)
class Fit:
    yhat: np.ndarray   # point forecast, already monotone / bounded
    half: dict[int, np.ndarray]   # the model's own interval half-width per level


@dataclass(frozen=True)
class Trial:
    """One candidate on one backtest fold; ``fit`` is None when the model failed."""
    fold: int
    cutoff: pd.Timestamp
    model: str
    train: np.ndarray
    test: np.ndarray
    fit: Fit | None


@dataclass(frozen=True)
class Forecast:
    frame: pd.DataFrame   # ds, yhat, lo_80, hi_80, lo_95, hi_95, model
    model: str
    scores: pd.DataFrame   # backtest rows of every candidate and fold
    mase: float   # means over the chosen model's folds (NaN without a backtest)
    coverage: dict[int, float]
    folds: int   # the chosen model's scored folds (0 without a backtest)
    points: int   # held-out points over those folds
    inside: dict[int, int]   # per level, how many of those points fell inside the band


def forecast(series: pd.Series, horizon: int, season_length: int, level: Sequence[int] = LEVELS, *,
             bounds: Bounds = None, monotone: bool = False, folds: int = FOLDS) -> pd.DataFrame:
    """Forecast ``horizon`` periods after the series with the candidate of lowest backtest MASE.

    ``bounds=(low, high)`` clips the point forecast and the intervals (either side may be None).
    ``monotone=True`` is for quantities that do not go backwards (e-health coverage): the point forecast
    is raised to the last observed value and made non-decreasing by a running maximum; the intervals are
    then centred on it. The lower bound may still fall below the last value: the measured share can dip
    when its denominator is revised (the population, each January), and the backtest says how often.
    Backtests score forecasts shaped the same way.
    """
    return forecast_with_scores(series, horizon, season_length, level, bounds=bounds, monotone=monotone,
                                folds=folds).frame


def forecast_with_scores(series: pd.Series, horizon: int, season_length: int,
                         level: Sequence[int] = LEVELS, *, bounds: Bounds = None, monotone: bool = False,
                         folds: int = FOLDS) -> Forecast:
    """``forecast`` plus the backtest that chose the model (what the warehouse stores beside it)."""
    y = regular(series)
    values = y.to_numpy()
    plan = make_plan(values, horizon, season_length, folds)
    trials = _trials(values, y.index, plan, level, bounds, monotone)
    scores = _scores(trials, plan, level, bounds)
    chosen, note = _choose(scores, plan)
    fit = _fit(chosen, values, horizon, level, bounds, monotone)
    if fit is None:   # the chosen model failed on the full history; the baseline does not fail
        chosen, note = plan.candidates[0], "fallback"
        fit = _fit(chosen, values, horizon, level, bounds, monotone)
    mine = [t for t in trials if t.model == chosen.name and t.fit is not None]
    label = _label(chosen.name, note)
    future = pd.date_range(y.index[-1], periods=horizon + 1, freq=y.index.freq)[1:]
    frame = pd.DataFrame({"ds": future, **_intervals(fit, widening(mine, level), bounds), "model": label})
    rows = scores[(scores["model"] == chosen.name) & scores["mae"].notna()]
    coverage = {lv: float(rows[f"coverage_{lv}"].mean()) for lv in level}
    inside = {lv: int(rows[f"inside_{lv}"].sum()) for lv in level}
    return Forecast(frame, label, scores, float(rows["mase"].mean()), coverage, len(rows),
                    int(rows["points"].sum()), inside)


def backtest(series: pd.Series, horizon: int, season_length: int, folds: int = FOLDS, *,
             level: Sequence[int] = LEVELS, bounds: Bounds = None, monotone: bool = False) -> pd.DataFrame:
    """Rolling-origin backtest: one row per fold and candidate (fold, cutoff, model, mase, mae, coverage_*,
    points: the held-out points, inside_*: how many of them fell inside each band).

    Origins step back by ``horizon`` from the end; when the history is too short for that, the held-out
    window shrinks to what is left after the minimum training length and origins overlap.
    """
    y = regular(series)
    plan = make_plan(y.to_numpy(), horizon, season_length, folds)
    return _scores(_trials(y.to_numpy(), y.index, plan, level, bounds, monotone), plan, level, bounds)


def regular(series: pd.Series) -> pd.Series:
    """The series on its regular grid, inner gaps interpolated, leading and trailing gaps trimmed."""
    s = series.astype(float).set_axis(pd.DatetimeIndex(series.index).as_unit("ns")).sort_index()
    s = s[~s.index.duplicated(keep="last")]
    freq = infer_freq(pd.DatetimeIndex(s.index))
    s = s.reindex(pd.date_range(s.index[0], s.index[-1], freq=freq))
    first, last = s.first_valid_index(), s.last_valid_index()
    if first is None:
        raise ValueError("the series holds no values")
    s = s.loc[first:last].interpolate(method="linear")
    s.index.freq = freq
    return s


def infer_freq(index: pd.DatetimeIndex) -> pd.DateOffset:
    """The index's frequency; gaps defeat ``pd.infer_freq``, so fall back to the smallest step."""
    if index.freq is not None:
        return index.freq
    if len(index) < 2:
        raise ValueError("need at least two time stamps to infer the frequency")
    if len(index) >= 3 and (name := pd.infer_freq(index)):
        return pd.tseries.frequencies.to_offset(name)
    if index.is_month_start.all():
        months = np.diff(index.year * 12 + index.month)
        return pd.offsets.MonthBegin(int(months[months > 0].min()))
    return pd.tseries.frequencies.to_offset(pd.Timedelta(np.diff(index.asi8).min()))


def make_plan(y: np.ndarray, horizon: int, season_length: int, folds: int) -> Plan:
    """Candidates and backtest origins for a series of this length."""
    n = len(y)
    seasonal = season_length > 1 and n >= 2 * season_length
    if np.ptp(y) == 0:
        candidates: tuple[Candidate, ...] = (Candidate("Naive (constant history)", Naive),)
    else:
        candidates = seasonal_candidates(season_length, n) if seasonal else short_candidates()
    min_train = 2 * season_length if seasonal else max(4, n // 2)
    return Plan(candidates, origins(n, horizon, min_train, folds), season_length if seasonal else 1)


def seasonal_candidates(m: int, n: int) -> tuple[Candidate, ...]:
    found = [Candidate("SeasonalNaive", lambda: SeasonalNaive(m)),
             Candidate("AutoETS (non-seasonal)", lambda: AutoETS(season_length=1)),
             Candidate("MSTL", lambda: MSTL(m, trend_forecaster=AutoETS(model="ZZN")))]
    if n <= 600:
        found.append(Candidate("AutoTheta", lambda: AutoTheta(m)))
    if n * m <= 5000:
        found.append(Candidate("AutoETS", lambda: AutoETS(season_length=m)))
    return tuple(found)


def short_candidates() -> tuple[Candidate, ...]:
    return (Candidate("Naive (short series)", Naive),
            Candidate("AutoETS (non-seasonal, short series)", lambda: AutoETS(season_length=1)))


def origins(n: int, horizon: int, min_train: int, folds: int) -> tuple[tuple[int, int], ...]:
    """(training length, held-out length) per fold, oldest first; empty when nothing can be held out."""
    held = min(horizon, n - min_train)
    if held < 1 or folds < 1:
        return ()
    room = n - held - min_train   # how far back the earliest origin may go
    step = held if room >= held * (folds - 1) else max(1, room // max(1, folds - 1))
    cuts = sorted({n - held - step * i for i in range(folds) if n - held - step * i >= min_train})
    return tuple((cut, held) for cut in cuts)


def mase(actual: np.ndarray, predicted: np.ndarray, train: np.ndarray, lag: int) -> float:
    """Mean absolute error over the in-sample MAE of the seasonal naive forecast (NaN if that is 0)."""
    lag = lag if len(train) > lag else 1
    scale = np.mean(np.abs(train[lag:] - train[:-lag])) if len(train) > lag else 0.0
    error = float(np.mean(np.abs(actual - predicted)))
    return error / scale if scale > 0 else float("nan")


def widening(trials: Sequence[Trial], level: Sequence[int]) -> dict[int, float]:
    """Per level, the factor on half-widths that covers ``level`` % of these trials' held-out points.

    Split-conformal: the finite-sample quantile of |error| / half-width. 1 when there is nothing to learn
    from (no backtest, or zero-width intervals).
    """
    factors = {}
    for lv in level:
        ratios = np.concatenate([_ratios(t, lv) for t in trials]) if trials else np.empty(0)
        if ratios.size == 0:
            factors[lv] = 1.0
            continue
        q = min(1.0, np.ceil((ratios.size + 1) * lv / 100) / ratios.size)
        factors[lv] = float(np.quantile(ratios, q, method="higher"))
    return factors


def _ratios(trial: Trial, lv: int) -> np.ndarray:
    half = trial.fit.half[lv]
    ok = half > 0
    return np.abs(trial.test - trial.fit.yhat)[ok] / half[ok]


def _intervals(fit: Fit, factors: dict[int, float], bounds: Bounds) -> dict[str, np.ndarray]:
    """yhat, lo_80, hi_80… : scaled half-widths about the point forecast, nested, clipped to bounds."""
    out, width = {"yhat": fit.yhat}, np.zeros_like(fit.yhat)
    for lv in sorted(factors):
        width = np.maximum(width, factors[lv] * fit.half[lv])   # a wider level never sits inside a narrower
        out[f"lo_{lv}"], out[f"hi_{lv}"] = fit.yhat - width, fit.yhat + width
    low, high = bounds or (None, None)
    if low is not None or high is not None:
        out = {k: np.clip(v, low, high) for k, v in out.items()}
    return out


def _trials(y: np.ndarray, index: pd.DatetimeIndex, plan: Plan, level: Sequence[int], bounds: Bounds,
            monotone: bool) -> list[Trial]:
    return [Trial(fold, index[cut - 1], c.name, y[:cut], y[cut:cut + held],
                  _fit(c, y[:cut], held, level, bounds, monotone))
            for fold, (cut, held) in enumerate(plan.origins, start=1) for c in plan.candidates]


def _scores(trials: list[Trial], plan: Plan, level: Sequence[int], bounds: Bounds) -> pd.DataFrame:
    rows = []
    for t in trials:
        fc = None
        if t.fit is not None:
            others = [o for o in trials if o.model == t.model and o.fold != t.fold and o.fit is not None]
            fc = _intervals(t.fit, widening(others, level), bounds)
        rows.append({"fold": t.fold, "cutoff": t.cutoff, "model": t.model,
                     **_score(fc, t.test, t.train, plan.lag, level)})
    columns = ["fold", "cutoff", "model", "mase", "mae", *(f"coverage_{lv}" for lv in level), "points",
               *(f"inside_{lv}" for lv in level)]
    return pd.DataFrame(rows, columns=columns)


def _score(fc: dict | None, test: np.ndarray, train: np.ndarray, lag: int, level: Sequence[int]) -> dict:
    if fc is None:   # the candidate failed on this fold: it cannot be chosen
        return {"mase": np.nan, "mae": np.nan, **{f"coverage_{lv}": np.nan for lv in level},
                "points": len(test), **{f"inside_{lv}": np.nan for lv in level}}
    hits = {lv: int(np.sum((test >= fc[f"lo_{lv}"]) & (test <= fc[f"hi_{lv}"]))) for lv in level}
    return {"mase": mase(test, fc["yhat"], train, lag), "mae": float(np.mean(np.abs(test - fc["yhat"]))),
            **{f"coverage_{lv}": hits[lv] / len(test) for lv in level}, "points": len(test),
            **{f"inside_{lv}": hits[lv] for lv in level}}


def _choose(scores: pd.DataFrame, plan: Plan) -> tuple[Candidate, str]:
    """Lowest mean MASE, then lowest MAE; a candidate that failed on any fold is out."""
    if scores.empty:
        return plan.candidates[0], "" if len(plan.candidates) == 1 else "no backtest"
    summary = scores.groupby("model", sort=False).agg(
        mase=("mase", "mean"), mae=("mae", lambda s: s.mean(skipna=False)))
    summary = summary[summary["mae"].notna()]
    if summary.empty:
        return plan.candidates[0], "fallback"
    best = summary.assign(key=summary["mase"].fillna(np.inf)).sort_values(["key", "mae"]).index[0]
    return next(c for c in plan.candidates if c.name == best), ""


def _fit(candidate: Candidate, y: np.ndarray, h: int, level: Sequence[int], bounds: Bounds,
         monotone: bool) -> Fit | None:
    """Fit and forecast; None when the model fails or returns non-finite values."""
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            out = candidate.make().forecast(y=np.ascontiguousarray(y, dtype=float), h=h, level=list(level))
    except Exception as exc:  # noqa: BLE001 - any library failure means "not this candidate"
        log.debug("%s failed on %d points: %s", candidate.name, len(y), exc)
        return None
    half = {lv: (out[f"hi-{lv}"] - out[f"lo-{lv}"]) / 2 for lv in level}
    if not all(np.isfinite(v).all() for v in (out["mean"], *half.values())):
        return None
    return Fit(_point(out["mean"], float(y[-1]), bounds, monotone), half)


def _point(yhat: np.ndarray, last: float, bounds: Bounds, monotone: bool) -> np.ndarray:
    if monotone:
        yhat = np.maximum.accumulate(np.maximum(yhat, last))
    low, high = bounds or (None, None)
    return np.clip(yhat, low, high) if low is not None or high is not None else yhat


def _label(name: str, note: str) -> str:
    """"Naive (short series)" + "no backtest" -> "Naive (short series, no backtest)"."""
    if not note:
        return name
    return f"{name[:-1]}, {note})" if name.endswith(")") else f"{name} ({note})"
