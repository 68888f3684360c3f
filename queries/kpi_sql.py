"""Building blocks of indicator SQL: a scope (which periods, which levels of area), parameterised
fragments, and the composition of several indicators into ONE statement.

Why one statement: opening a DuckDB connection costs more than most of these aggregations, so every
indicator the overview shows is computed by a single ``fetch`` (one connection, one cached answer).
Each indicator's query function returns a ``Query``: named common table expressions (shared between
indicators by name, computed once) and a SELECT giving ``period_start, area_code, value`` (plus optional
extra columns). Table and column names come only from the constants of the query modules; every value
is bound with ``?``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

LEVELS = ("province", "district", "commune")
#: The province's code, read from the areas table rather than written into the SQL.
PROVINCE_CODE_SQL = "(SELECT min(code) FROM areas WHERE level = 'province')"
#: Fact-table column holding the area code of each level below the province.
AREA_COLUMNS = {"district": "district_code", "commune": "commune_code"}


@dataclass(frozen=True)
class Scope:
    """The periods and levels one statement computes.

    ``windows`` are (start, end-excluded) pairs. With a ``grain`` they are consecutive whole periods of
    that grain, and facts are bucketed with ``date_trunc``; without one there is a single free window.
    """

    windows: tuple[tuple[date, date], ...]
    grain: str | None
    levels: tuple[str, ...]

    def __post_init__(self):
        if not self.windows or (self.grain is None and len(self.windows) != 1):
            raise ValueError("a scope has whole periods of one grain, or exactly one free window")
        if not set(self.levels) <= set(LEVELS) or not self.levels:
            raise ValueError(f"unknown levels {self.levels}")

    @property
    def start(self) -> date:
        return self.windows[0][0]

    @property
    def end(self) -> date:
        return self.windows[-1][1]


@dataclass(frozen=True)
class Sql:
    """SQL text and the values bound to its ``?`` in order."""

    text: str
    params: tuple = ()


@dataclass(frozen=True)
class Cte:
    """A named table expression; indicators needing the same name share one computation."""

    name: str
    sql: Sql


@dataclass(frozen=True)
class Query:
    """What an indicator's query function returns: the CTEs it needs and its SELECT."""

    select: Sql
    ctes: tuple[Cte, ...] = ()


def bucket(column: str, scope: Scope) -> Sql:
    """The start of the period a fact's date falls in: ``date_trunc`` by grain, or the free window's start."""
    if scope.grain:
        return Sql(f"CAST(date_trunc(?, {column}) AS DATE)", (scope.grain,))
    return Sql("CAST(? AS DATE)", (scope.start,))


def in_scope(column: str, scope: Scope) -> Sql:
    """A fact's date lies inside the scope's periods."""
    return Sql(f"{column} >= ? AND {column} < ?", (scope.start, scope.end))


def windows(scope: Scope) -> Cte:
    """``windows(period_start, period_end)``: one row per period of the scope."""
    rows = ", ".join("(CAST(? AS DATE), CAST(? AS DATE))" for _ in scope.windows)
    params = tuple(day for window in scope.windows for day in window)
    return Cte("windows", Sql(f"SELECT * FROM (VALUES {rows}) AS w(period_start, period_end)", params))


def _area_code(levels: Sequence[str]) -> str:
    branches = [
        f"WHEN grouping({AREA_COLUMNS[level]}) = 0 THEN {AREA_COLUMNS[level]}"
        for level in ("commune", "district")
        if level in levels
    ]
    fallback = PROVINCE_CODE_SQL if "province" in levels else "NULL"
    return f"CASE {' '.join(branches)} ELSE {fallback} END" if branches else fallback


def _grouping_sets(levels: Sequence[str]) -> str:
    sets = ["(period_start)"] if "province" in levels else []
    sets += [f"(period_start, {AREA_COLUMNS[level]})" for level in ("district", "commune") if level in levels]
    return ", ".join(sets)


def grouped(name: str, facts: Sql, measures: Sql, scope: Scope) -> Cte:
    """``name(period_start, area_code, <measures>)``: ``facts`` (a relation with period_start,
    district_code and commune_code) aggregated once per period and area of each level of the scope."""
    text = (
        f"SELECT * FROM (SELECT period_start, {_area_code(scope.levels)} AS area_code, {measures.text} "
        f"FROM ({facts.text}) GROUP BY GROUPING SETS ({_grouping_sets(scope.levels)})) "
        "WHERE area_code IS NOT NULL"
    )
    return Cte(name, Sql(text, measures.params + facts.params))


def expected(table: str, column: str, scope: Scope) -> Cte:
    """``expected_<table>(period_start, area_code, population)``: every period and area of the scope's
    levels in which ``table`` has data (its first and last ``column`` dates bound the range).

    Counts are 0, not missing, for an area with no fact in a period the source covers."""
    marks = ", ".join("?" for _ in scope.levels)
    text = (
        "SELECT w.period_start, a.code AS area_code, a.population FROM windows AS w CROSS JOIN areas AS a "
        f"WHERE a.level IN ({marks}) AND w.period_end > (SELECT min({column}) FROM {table}) "
        f"AND w.period_start <= (SELECT max({column}) FROM {table})"
    )
    return Cte(f"expected_{table}", Sql(text, tuple(scope.levels)))


def zero_filled(expected_cte: Cte, counts: Cte, column: str) -> Sql:
    """A count per expected period and area, 0 where ``counts`` has no row."""
    return Sql(
        f"SELECT e.period_start, e.area_code, coalesce(c.{column}, 0) AS value FROM {expected_cte.name} AS e "
        f"LEFT JOIN {counts.name} AS c USING (period_start, area_code)"
    )


def compose(parts: Sequence[tuple[str, Query]]) -> Sql:
    """One statement computing several indicators: ``indicator_id, period_start, area_code, value, …``.

    CTEs are deduplicated by name (the first definition wins) and materialised, so indicators built on the
    same aggregation share it; the windows CTE always comes first because the others read it.
    """
    ctes: dict[str, Cte] = {}
    for _indicator, query in parts:
        for cte in query.ctes:
            ctes.setdefault(cte.name, cte)
    ordered = sorted(ctes.values(), key=lambda cte: cte.name != "windows")
    with_text = ", ".join(f"{cte.name} AS MATERIALIZED ({cte.sql.text})" for cte in ordered)
    selects = " UNION ALL BY NAME ".join(
        f"SELECT CAST(? AS VARCHAR) AS indicator_id, * FROM ({query.select.text})" for _i, query in parts
    )
    params = tuple(p for cte in ordered for p in cte.sql.params)
    params += tuple(p for indicator, query in parts for p in (indicator, *query.select.params))
    return Sql(f"WITH {with_text} {selects}" if ordered else selects, params)
