"""Forecasts in words: the backtest sentence, and when a target will be reached with how much certainty.

Pure: frames and plain values in, text and small components out. The chance of meeting a due date is
read off the stored bands, not simulated: the 80 % band's lower edge is the 10th percentile, so it
crossing the target by the due date means over 90 %; the forecast line (the median) means over 50 %;
the upper edge (90th percentile) means over 10 %.
"""

from __future__ import annotations

from dataclasses import dataclass

import dash_mantine_components as dmc
import pandas as pd
from dash import html

from callbacks import theme
from i18n import fmt_date, fmt_datetime, fmt_number, fmt_percent, is_missing, t

PCT_INDICATORS = ("health_created_pct", "health_complete_pct")
#: The period of each forecast series, which the backtest sentence counts in ("13 weeks").
GRAIN = {"feedback_received": "week", "health_created_pct": "month", "health_complete_pct": "month",
         "traffic_vehicles": "day"}
#: Chance of meeting the due date -> status colour (shown with its words, never by colour alone).
CHANCE_STATUS = {"high": "on_target", "even": "at_risk", "low": "off_target", "none": "off_target"}


@dataclass(frozen=True)
class Attainment:
    """When a forecast reaches a target: ``point`` by the line, ``early``/``late`` by the 80 % band's
    upper/lower edge; None = not within the forecast. ``reached`` when the latest actual already is."""

    reached: bool
    latest: float | None
    latest_ds: pd.Timestamp | None
    point: pd.Timestamp | None
    early: pd.Timestamp | None
    late: pd.Timestamp | None


def _first_at_or_above(forecast: pd.DataFrame, column: str, target: float) -> pd.Timestamp | None:
    hits = forecast.loc[forecast[column] >= target, "ds"]
    return pd.Timestamp(hits.min()) if not hits.empty else None


def attainment(history: pd.DataFrame, forecast: pd.DataFrame, target: float) -> Attainment:
    """The first forecast month at or above ``target`` by the line and by each edge of the 80 % band."""
    actual = history.dropna(subset=["y"]).sort_values("ds")
    latest = float(actual["y"].iloc[-1]) if not actual.empty else None
    latest_ds = pd.Timestamp(actual["ds"].iloc[-1]) if not actual.empty else None
    return Attainment(
        reached=latest is not None and latest >= target,
        latest=latest,
        latest_ds=latest_ds,
        point=_first_at_or_above(forecast, "yhat", target),
        early=_first_at_or_above(forecast, "hi_80", target),
        late=_first_at_or_above(forecast, "lo_80", target),
    )


def due_chance(found: Attainment, due: pd.Timestamp) -> str:
    """'high' (> 90 %), 'even' (50–90 %), 'low' (10–50 %) or 'none' (< 10 %) of reaching it by ``due``."""
    for chance, when in (("high", found.late), ("even", found.point), ("low", found.early)):
        if when is not None and when <= due:
            return chance
    return "none"


def month(ts: object, lang: str) -> str:
    """A month as ``MM/YYYY``."""
    stamp = pd.Timestamp(ts)
    return t("forecasts.month", lang, month=stamp.month, year=stamp.year)


def value_text(value: float | None, indicator: str, lang: str) -> str:
    if indicator in PCT_INDICATORS:
        return fmt_percent(value, lang, 1)
    return fmt_number(value, lang, 0)


def badge(status: str, icon: str, text: str) -> dmc.Badge:
    """A status in colour, symbol and words."""
    return dmc.Badge(f"{icon} {text}", color=theme.STATUS[status], variant="light", className="forecasts-badge")


def backtest_sentence(scores: dict, lang: str) -> str:
    """"Tested 3 times on past data, forecasting 13 weeks ahead each time (39 weeks checked in all): the model's
    average error was X % smaller than the seasonal naive forecast's (MASE = …); the 80 % band held the real
    value Y times out of Z; …". Without stored counts (made by an older job), the coverages as shares."""
    mase = scores.get("mase")
    if is_missing(mase):
        return t("forecasts.no_backtest", lang)
    gap = round(abs(1 - mase) * 100)
    pct = fmt_percent(gap, lang, 0)
    diff = t("forecasts.same", lang) if gap == 0 else t(
        "forecasts.better" if mase < 1 else "forecasts.worse", lang, pct=pct)
    short = "short series" in str(scores.get("model", ""))
    baseline = t("forecasts.baseline.naive" if short else "forecasts.baseline.seasonal", lang)
    common = {"diff": diff, "baseline": baseline, "mase": fmt_number(mase, lang, 2)}
    counts = _counts(scores)
    if counts is None:
        return t("forecasts.backtest", lang, **common, cov80=fmt_percent(100 * scores["coverage_80"], lang, 0),
                 cov95=fmt_percent(100 * scores["coverage_95"], lang, 0))
    folds, points, inside_80, inside_95 = counts
    unit = f"forecasts.unit.{GRAIN.get(scores.get('indicator_id'), 'period')}"
    tested = _counted("forecasts.tested", folds, lang, held=_counted(unit, round(points / folds), lang),
                      total=_counted(unit, points, lang))
    return t("forecasts.backtest.counts", lang, **common, tested=tested, points=fmt_number(points, lang, 0),
             in80=_counted("forecasts.times", inside_80, lang), in95=_counted("forecasts.times", inside_95, lang))


def _counts(scores: dict) -> tuple[int, int, int, int] | None:
    """(folds, held-out points, inside 80 %, inside 95 %), or None when not stored or nothing was held out."""
    values = [scores.get(column) for column in ("backtest_folds", "backtest_points", "inside_80", "inside_95")]
    if any(is_missing(v) for v in values) or min(values[:2]) < 1:
        return None
    return tuple(int(v) for v in values)


def _counted(key: str, n: int, lang: str, **fmt: object) -> str:
    """The ``key`` phrase for ``n`` ("1 week" / "13 weeks"), numbers in the language's format."""
    return t(f"{key}.one" if n == 1 else key, lang, n=fmt_number(n, lang, 0), **fmt)


def trust_block(scores: dict, lang: str) -> list:
    """The verdict badge, the backtest sentence, the model and when it was computed."""
    mase = scores.get("mase")
    tested = not is_missing(mase)
    children = []
    if tested:
        good = mase < 1
        children.append(badge("on_target" if good else "at_risk", "✓" if good else "!",
                              t("forecasts.verdict.good" if good else "forecasts.verdict.poor", lang)))
    children.append(html.P(backtest_sentence(scores, lang), className="forecasts-backtest"))
    children.append(html.P([t("forecasts.model", lang, model=scores["model"]), " ",
                            t("forecasts.made_at", lang, when=fmt_datetime(scores["made_at"], lang))],
                           className="forecasts-model"))
    return children


def target_block(indicator: str, goal: dict | None, found: Attainment | None, horizon_end: object,
                 months: int, lang: str) -> list:
    """The target, when it is expected to be reached (with its 80 % range) and the due-date verdict."""
    if goal is None or found is None:
        return [html.P(t("forecasts.target.none", lang))]
    value = value_text(goal["target_value"], indicator, lang)
    due = pd.Timestamp(goal["due_date"]) if goal.get("due_date") is not None else None
    lines = [html.P(t("forecasts.target.goal", lang, value=value, due=fmt_date(due, lang),
                      source=goal.get("legal_source") or "–"))]
    if found.reached:
        lines.append(html.P(t("forecasts.target.already", lang, month=month(found.latest_ds, lang),
                              value=value_text(found.latest, indicator, lang))))
        return [badge("on_target", "✓", t("forecasts.target.reached", lang)), *lines]
    lines.append(html.P(_when_text(found, horizon_end, months, lang), className="forecasts-when"))
    if due is None:
        return lines
    return [*_due_verdict(found, due, lang), *lines]


def _when_text(found: Attainment, horizon_end: object, months: int, lang: str) -> str:
    if found.point is None:
        return t("forecasts.target.not_in_horizon", lang, months=months, last=month(horizon_end, lang))
    late = month(found.late, lang) if found.late is not None else t(
        "forecasts.target.after", lang, month=month(horizon_end, lang))
    return t("forecasts.target.when", lang, month=month(found.point, lang),
             early=month(found.early, lang), late=late)


def _due_verdict(found: Attainment, due: pd.Timestamp, lang: str) -> list:
    met = found.point is not None and found.point <= due
    verdict = badge("on_target" if met else "off_target", "✓" if met else "✗",
                    t("forecasts.target.due_met" if met else "forecasts.target.due_missed", lang))
    if found.latest_ds is not None and found.latest_ds >= due:
        return [verdict, html.P(t("forecasts.target.due_passed", lang, due=fmt_date(due, lang)))]
    chance = due_chance(found, due)
    return [verdict, html.P(t(f"forecasts.chance.{chance}", lang), className="forecasts-chance",
                            title=t("forecasts.chance_hint", lang))]


def empty_notice(lang: str) -> dmc.Alert:
    """What to do when no forecast has been computed yet."""
    return dmc.Alert(t("forecasts.empty", lang), color="gray", className="forecasts-empty")


def goal_of(targets: pd.DataFrame, indicator: str) -> dict | None:
    """The target row that applies (``queries.forecasts.target``), for the indicators with a target date."""
    if indicator not in PCT_INDICATORS or targets.empty:
        return None
    row = targets.iloc[0].to_dict()
    row["due_date"] = None if pd.isna(row["due_date"]) else pd.Timestamp(row["due_date"])
    return row


def target_label(goal: dict | None, indicator: str, lang: str) -> str:
    if goal is None:
        return ""
    return t("forecasts.trace.target", lang, value=value_text(goal["target_value"], indicator, lang))


def target_view(indicator: str, goal: dict | None, history: pd.DataFrame, forecast: pd.DataFrame,
                lang: str) -> list:
    """The target block for one series (the indicator has no target, or nothing is forecast: says so)."""
    if goal is None or forecast.empty:
        return target_block(indicator, None, None, None, 0, lang)
    if history.empty:
        history = pd.DataFrame({"ds": pd.Series(dtype="datetime64[ns]"), "y": pd.Series(dtype=float)})
    found = attainment(history, forecast, float(goal["target_value"]))
    return target_block(indicator, goal, found, forecast["ds"].max(), len(forecast), lang)
