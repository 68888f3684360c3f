"""Citizen-feedback indicators (Hue-S reports), as query functions of the indicator catalogue.

Which date places a report in a period:
- received, verified %, per 10,000 residents: the day it was received (``requested_at``);
- on time %, median handling days, satisfaction %: the day it was closed (``closed_at``). A report's
  outcome is only known at closure, and counting by closure keeps a finished month's figure final
  (counting by receipt would keep changing it while late reports close, and would flatter recent months
  with the fast ones only).
- open past deadline: a snapshot at the end of the period (see ``open_overdue``).
Only verified reports (routed to a handling unit) have a deadline, an outcome and a rating.
"""

from __future__ import annotations

from queries.kpi_sql import Cte, Query, Scope, Sql, bucket, expected, grouped, in_scope, windows, zero_filled

TABLE = "feedback"
SATISFIED = "hài lòng"


def _received_counts(scope: Scope) -> Cte:
    date = bucket("requested_at", scope)
    where = in_scope("requested_at", scope)
    facts = Sql(
        f"SELECT {date.text} AS period_start, district_code, commune_code, verified "
        f"FROM {TABLE} WHERE {where.text}",
        date.params + where.params,
    )
    return grouped(
        "feedback_received", facts, Sql("count(*) AS received, count_if(verified) AS verified"), scope
    )


def _closed_outcomes(scope: Scope) -> Cte:
    date = bucket("closed_at", scope)
    where = in_scope("closed_at", scope)
    facts = Sql(
        f"SELECT {date.text} AS period_start, district_code, commune_code, on_time, handling_working_days, "
        f"rating FROM {TABLE} WHERE verified AND {where.text}",
        date.params + where.params,
    )
    measures = Sql(
        "count(*) AS closed, 100.0 * count_if(on_time) / nullif(count(on_time), 0) AS on_time_pct, "
        "median(handling_working_days) AS median_days, count(rating) AS rated, "
        "100.0 * count(rating) / count(*) AS rated_pct, "
        "100.0 * count_if(rating = ?) / nullif(count(rating), 0) AS satisfaction_pct",
        (SATISFIED,),
    )
    return grouped("feedback_closed", facts, measures, scope)


def _expected(scope: Scope) -> Cte:
    return expected(TABLE, "requested_at", scope)


def received(scope: Scope) -> Query:
    """Reports received in the period (all of them, verified or not)."""
    counts, frame = _received_counts(scope), _expected(scope)
    return Query(zero_filled(frame, counts, "received"), (windows(scope), frame, counts))


def verified_pct(scope: Scope) -> Query:
    """Share of the reports received in the period that were verified and routed (%)."""
    counts = _received_counts(scope)
    return Query(
        Sql(f"SELECT period_start, area_code, 100.0 * verified / received AS value FROM {counts.name}"),
        (counts,),
    )


def on_time_pct(scope: Scope) -> Query:
    """Share of the verified reports closed in the period that were closed by their deadline (%)."""
    closed = _closed_outcomes(scope)
    return Query(Sql(f"SELECT period_start, area_code, on_time_pct AS value FROM {closed.name}"), (closed,))


def median_days(scope: Scope) -> Query:
    """Median handling time, in Vietnamese working days, of the verified reports closed in the period."""
    closed = _closed_outcomes(scope)
    return Query(Sql(f"SELECT period_start, area_code, median_days AS value FROM {closed.name}"), (closed,))


def satisfaction_pct(scope: Scope) -> Query:
    """Share 'hài lòng' among rated reports closed in the period (%); ``rated_pct``: rated / closed."""
    closed = _closed_outcomes(scope)
    return Query(
        Sql(f"SELECT period_start, area_code, satisfaction_pct AS value, rated_pct FROM {closed.name}"),
        (closed,),
    )


def open_overdue(scope: Scope) -> Query:
    """Verified reports still open at the end of the period with their deadline already past.

    Open at the end means not closed before it (still open, or closed later); past deadline means
    ``deadline_date`` < the first day after the period. Only reports that were ever late are scanned."""
    late = Cte(
        "feedback_late",
        Sql(
            f"SELECT requested_at, closed_at, deadline_date, district_code, commune_code FROM {TABLE} "
            "WHERE verified AND deadline_date IS NOT NULL "
            "AND (closed_at IS NULL OR closed_at >= deadline_date + 1) "
            # only those late at some period end of the scope
            "AND deadline_date < (SELECT max(period_end) FROM windows) "
            "AND (closed_at IS NULL OR closed_at >= (SELECT min(period_end) FROM windows))"
        ),
    )
    facts = Sql(
        "SELECT w.period_start, f.district_code, f.commune_code FROM windows AS w JOIN feedback_late AS f "
        "ON f.requested_at < w.period_end AND f.deadline_date < w.period_end "
        "AND (f.closed_at IS NULL OR f.closed_at >= w.period_end)"
    )
    counts, frame = grouped("feedback_overdue", facts, Sql("count(*) AS overdue"), scope), _expected(scope)
    return Query(zero_filled(frame, counts, "overdue"), (windows(scope), late, frame, counts))


def per_10k(scope: Scope) -> Query:
    """Reports received in the period per 10,000 residents (population is an estimate)."""
    counts, frame = _received_counts(scope), _expected(scope)
    select = Sql(
        f"SELECT e.period_start, e.area_code, 10000.0 * coalesce(c.received, 0) / e.population AS value "
        f"FROM {frame.name} AS e LEFT JOIN {counts.name} AS c USING (period_start, area_code)"
    )
    return Query(select, (windows(scope), frame, counts))
