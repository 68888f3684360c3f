"""Targets and the status of an indicator against its target.

Which target applies (``target_for``):
1. the ``targets`` row for the indicator and that very area;
2. else the province row, but only for rates, shares and medians: a province count (crashes, schools)
   says nothing about one district;
3. else the catalogue's default target, marked "default";
4. else none: the status is "no target".
A flow counted over a period (aggregation 'sum') has a yearly target, scaled to the period (a month gets
1/12 of it, a quarter 1/4). A target whose legal source says "Chỉ tiêu minh hoạ" (or "ước tính") is an
illustrative estimate and is flagged as one wherever it is shown.

The status rule (``status``), with "the good side" meaning at or above the target when up is good, at or
below when down is good:
- no data: the indicator has no value for the period;
- no target: nothing to compare with;
- off target: on the wrong side by more than 5 % of the target value;
- at risk: on the wrong side by at most 5 % of the target value, or on the good side but heading out of it:
  the straight line through the last 3 periods, carried forward to the period containing the due date,
  ends on the wrong side (only while the due date is ahead);
- on target: otherwise.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from queries.db import fetch
from queries.indicators import Indicator
from queries.kpi_periods import MONTHS, Period, periods_between

#: Relative distance from the target, on the wrong side, still counted as "at risk".
AT_RISK_MARGIN = 0.05
#: Periods whose straight line decides whether a value on the good side is heading out of it.
TREND_PERIODS = 3
STATUSES = ("on_target", "at_risk", "off_target", "no_target", "no_data")
_ESTIMATE_WORDS = ("minh hoạ", "minh họa", "ước tính")


@dataclass(frozen=True)
class Target:
    """The target that applies to one indicator, area and period grain."""

    value: float
    due_date: date | None
    legal_source: str | None
    basis: str  # 'area' | 'province' | 'default'
    yearly_value: float | None = None  # the stated yearly value, for a flow scaled to its period

    @property
    def estimate(self) -> bool:
        """An illustrative target (its legal source says so), never to be read as an official one."""
        source = (self.legal_source or "").casefold()
        return any(word in source for word in _ESTIMATE_WORDS)


def targets() -> pd.DataFrame:
    """Every target row: indicator, area (the province's code for all of it), value, due date, source."""
    return fetch(
        "SELECT indicator_id, area_code, target_value, due_date, legal_source FROM targets "
        "ORDER BY indicator_id, area_code"
    )


def _as_date(value: object) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def target_rows(frame: pd.DataFrame) -> dict[tuple[str, str], dict]:
    """``targets()`` as a lookup by (indicator, area)."""
    if frame.empty:
        return {}
    return {(r["indicator_id"], r["area_code"]): r for r in frame.to_dict("records")}


def target_for(
    indicator: Indicator, area_code: str, province_code: str, grain: str, rows: dict[tuple[str, str], dict]
) -> Target | None:
    """The target of ``indicator`` for an area, from ``rows`` (``target_rows``), scaled to ``grain``."""
    found, basis = rows.get((indicator.id, area_code)), "area"
    if found is None and (area_code == province_code or not indicator.additive):
        found, basis = rows.get((indicator.id, province_code)), "province"
    if found is None:
        if indicator.default_target is None:
            return None
        return Target(float(indicator.default_target), None, None, "default")
    value = float(found["target_value"])
    due, source = _as_date(found["due_date"]), found["legal_source"]
    if indicator.aggregation == "sum" and grain != "year":
        return Target(value * MONTHS[grain] / 12, due, source, basis, yearly_value=value)
    return Target(value, due, source, basis)


def good_side(value: float, target: float, direction: str) -> bool:
    return value >= target if direction == "up" else value <= target


def shortfall(value: float | None, target: Target | None, direction: str) -> float:
    """How far on the wrong side, relative to the target (0 on the good side or without both)."""
    if target is None or value is None or math.isnan(value) or good_side(value, target.value, direction):
        return 0.0
    return abs(value - target.value) / abs(target.value) if target.value else math.inf


def projected(recent: Sequence[float | None], periods_ahead: int) -> float | None:
    """The straight line through the last ``TREND_PERIODS`` values carried ``periods_ahead`` periods on."""
    tail = list(recent)[-TREND_PERIODS:]
    if periods_ahead <= 0 or len(tail) < TREND_PERIODS or any(v is None or math.isnan(v) for v in tail):
        return None
    slope = (tail[-1] - tail[0]) / (TREND_PERIODS - 1)  # least squares through equally spaced points
    return tail[-1] + slope * periods_ahead


def status(
    value: float | None,
    target: Target | None,
    direction: str,
    recent: Sequence[float | None] = (),
    period: Period | None = None,
) -> str:
    """on_target | at_risk | off_target | no_target | no_data, by the rule of the module docstring.

    ``recent``: the values of the last periods, oldest first, ending with ``value``'s period."""
    if value is None or math.isnan(value):
        return "no_data"
    if target is None:
        return "no_target"
    gap = shortfall(value, target, direction)
    if gap > AT_RISK_MARGIN:
        return "off_target"
    if gap > 0:
        return "at_risk"
    ahead = periods_between(period, target.due_date) if period else 0
    line = projected(recent, ahead)
    if line is not None and not good_side(line, target.value, direction):
        return "at_risk"
    return "on_target"
