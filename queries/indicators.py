"""The indicator catalogue: every number a KPI card, league table, map layer, report or forecast shows is
named by one of these ids. Adding an indicator is one ``Indicator`` entry here (or ``register`` from
elsewhere) plus its query function; its names live in ``i18n/strings/indicators.py`` under
``indicator.<id>`` (name) and ``indicator.<id>.hint`` (definition).

Fields:
- ``unit``: 'count' | 'pct' (0–100) | 'days' (working days) | 'per_10k' (per 10,000 residents).
- ``direction``: which way is good, 'up' or 'down'.
- ``aggregation``: 'sum' (a flow counted over the period: a yearly target is scaled to the period and a
  province target does not apply to a district), 'snapshot' (a count at the period's end: the target is
  not scaled, and is not inherited by districts either), 'ratio' or 'median' (comparable across areas
  and periods: a province target applies to every district without its own).
- ``levels``: the area levels the query can answer for.
- ``default_target``: used when the ``targets`` table has no row; shown as "default".
- ``query``: ``Scope -> Query`` (see ``queries.kpi_sql``), computed through ``queries.kpi``. Counts
  come out as 0 (not missing) for an area without facts in a period the source covers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from queries import kpi_feedback as feedback
from queries import kpi_sectors as sectors
from queries.kpi_sql import LEVELS, Query, Scope

UNITS = ("count", "pct", "days", "per_10k")
DIRECTIONS = ("up", "down")
AGGREGATIONS = ("sum", "snapshot", "ratio", "median")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True)
class Indicator:
    """One catalogue entry (see the module docstring for the fields)."""

    id: str
    unit: str
    direction: str
    aggregation: str
    query: Callable[[Scope], Query]
    page: str  # the detail page the overview links to
    levels: tuple[str, ...] = LEVELS
    default_target: float | None = None
    headline: bool = True  # one column of the district league table
    population_based: bool = False  # divides by areas.population, an estimate
    detail: str | None = None  # an extra column of the query shown on the card (e.g. rated_pct)
    domain: str = "other"  # groups the KPI cards

    def __post_init__(self):
        checks = {
            "id": bool(_ID.match(self.id)),
            "unit": self.unit in UNITS,
            "direction": self.direction in DIRECTIONS,
            "aggregation": self.aggregation in AGGREGATIONS,
            "levels": bool(self.levels) and set(self.levels) <= set(LEVELS),
        }
        wrong = [name for name, ok in checks.items() if not ok]
        if wrong:
            raise ValueError(f"indicator {self.id!r}: invalid {', '.join(wrong)}")

    @property
    def name_key(self) -> str:
        return f"indicator.{self.id}"

    @property
    def hint_key(self) -> str:
        return f"indicator.{self.id}.hint"

    @property
    def additive(self) -> bool:
        """Counts add up over areas, so a province target says nothing about one district."""
        return self.aggregation in ("sum", "snapshot")


_FEEDBACK = {"page": "/feedback", "domain": "feedback"}
_HEALTH = {"page": "/health", "domain": "health"}
_SCHOOLS = {"page": "/schools", "domain": "schools"}
_TRAFFIC = {"page": "/traffic", "domain": "traffic"}

# fmt: off
_ENTRIES = (
    # id, unit, good direction, aggregation, query function, options
    Indicator("feedback_received", "count", "up", "sum", feedback.received, headline=False, **_FEEDBACK),
    Indicator("feedback_verified_pct", "pct", "up", "ratio", feedback.verified_pct, **_FEEDBACK),
    Indicator("feedback_on_time_pct", "pct", "up", "ratio", feedback.on_time_pct, **_FEEDBACK),
    # default target: the Hue-S handling deadline itself, 7 working days
    Indicator("feedback_median_days", "days", "down", "median", feedback.median_days, default_target=7,
              **_FEEDBACK),
    Indicator("feedback_open_overdue", "count", "down", "snapshot", feedback.open_overdue, **_FEEDBACK),
    Indicator("feedback_satisfaction_pct", "pct", "up", "ratio", feedback.satisfaction_pct,
              detail="rated_pct", **_FEEDBACK),
    Indicator("feedback_per_10k", "per_10k", "up", "ratio", feedback.per_10k, population_based=True,
              **_FEEDBACK),
    Indicator("health_created_pct", "pct", "up", "ratio", sectors.health_created_pct, **_HEALTH),
    Indicator("health_complete_pct", "pct", "up", "ratio", sectors.health_complete_pct, **_HEALTH),
    Indicator("schools_smart_thpt", "count", "up", "snapshot", sectors.schools_smart_thpt, headline=False,
              **_SCHOOLS),
    Indicator("schools_broadband_pct", "pct", "up", "ratio", sectors.schools_broadband_pct, **_SCHOOLS),
    Indicator("traffic_congestion_hours", "count", "down", "sum", sectors.traffic_congestion_hours,
              headline=False, **_TRAFFIC),
    Indicator("traffic_crashes", "count", "down", "sum", sectors.traffic_crashes, **_TRAFFIC),
    Indicator("traffic_deaths", "count", "down", "sum", sectors.traffic_deaths, headline=False, **_TRAFFIC),
    Indicator("traffic_injuries", "count", "down", "sum", sectors.traffic_injuries, headline=False,
              **_TRAFFIC),
)
# fmt: on

CATALOGUE: dict[str, Indicator] = {entry.id: entry for entry in _ENTRIES}


def register(indicator: Indicator) -> Indicator:
    """Add an indicator (or replace one with the same id) and return it."""
    CATALOGUE[indicator.id] = indicator
    return indicator


def unregister(indicator_id: str) -> None:
    """Remove an indicator (tests that registered one clean up with this)."""
    CATALOGUE.pop(indicator_id, None)


def get(indicator_id: str) -> Indicator:
    """The catalogue entry; KeyError names the unknown id."""
    try:
        return CATALOGUE[indicator_id]
    except KeyError:
        raise KeyError(f"no indicator {indicator_id!r} in the catalogue") from None


def all_indicators() -> list[Indicator]:
    """Every indicator, in catalogue order."""
    return list(CATALOGUE.values())


def headline() -> list[Indicator]:
    """The indicators shown as columns of the district league table."""
    return [entry for entry in CATALOGUE.values() if entry.headline and "district" in entry.levels]
