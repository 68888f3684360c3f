"""Health, school and traffic indicators, as query functions of the indicator catalogue.

- E-health records: coverage is a level, not a flow, so a period shows its latest month with data
  (sum of records / sum of population over the communes of the area, that month).
- Schools: a school year runs from September; a period shows the school year covering its last day.
  Broadband % counts schools that reported it (NULL ``has_broadband`` is left out of both sides).
- Traffic: congestion hours from the daily sensor rollup (an hour is congested above 0.85 of capacity,
  decided by the ETL), located by the sensor's commune; crashes, deaths and injuries from incidents of
  kind 'va chạm'.
"""

from __future__ import annotations

from queries.kpi_sql import Cte, Query, Scope, Sql, bucket, expected, grouped, in_scope, windows, zero_filled

HEALTH = "health_coverage"
SCHOOLS = "schools"
UPPER_SECONDARY = "THPT"
DAILY = "traffic_daily"
SENSORS = "traffic_sensors"
INCIDENTS = "traffic_incidents"
CRASH = "va chạm"


def _health_latest_month(scope: Scope) -> Cte:
    date, where = bucket("period", scope), in_scope("period", scope)
    facts = Sql(
        "SELECT h.period_start, h.district_code, h.commune_code, h.population, h.records_created, "
        "h.records_complete "
        f"FROM (SELECT {date.text} AS period_start, * FROM {HEALTH} WHERE {where.text}) AS h "
        "QUALIFY h.period = max(h.period) OVER (PARTITION BY h.period_start)",
        date.params + where.params,
    )
    measures = Sql(
        "100.0 * sum(records_created) / sum(population) AS created_pct, "
        "100.0 * sum(records_complete) / sum(population) AS complete_pct"
    )
    return grouped("health_latest", facts, measures, scope)


def health_created_pct(scope: Scope) -> Query:
    """Residents with an e-health record created, % of the population, in the period's latest month."""
    health = _health_latest_month(scope)
    return Query(Sql(f"SELECT period_start, area_code, created_pct AS value FROM {health.name}"), (health,))


def health_complete_pct(scope: Scope) -> Query:
    """Residents with a complete e-health record, % of the population, in the period's latest month."""
    health = _health_latest_month(scope)
    return Query(Sql(f"SELECT period_start, area_code, complete_pct AS value FROM {health.name}"), (health,))


def _school_year(scope: Scope) -> Cte:
    # The school year covering the period's last day starts in September of that year, or the year before.
    facts = Sql(
        "SELECT w.period_start, s.district_code, s.commune_code, s.level, s.smart_classrooms, "
        "s.has_broadband "
        f"FROM windows AS w JOIN {SCHOOLS} AS s ON s.year_start = year(w.period_end - 1) "
        "- CASE WHEN month(w.period_end - 1) < 9 THEN 1 ELSE 0 END"
    )
    measures = Sql(
        "count_if(level = ? AND smart_classrooms >= 1) AS smart_thpt, "
        "100.0 * count_if(has_broadband) / nullif(count(has_broadband), 0) AS broadband_pct",
        (UPPER_SECONDARY,),
    )
    return grouped("schools_year", facts, measures, scope)


def schools_smart_thpt(scope: Scope) -> Query:
    """Upper-secondary (THPT) schools with at least one smart classroom, in the school year at period end."""
    year = _school_year(scope)
    return Query(
        Sql(f"SELECT period_start, area_code, smart_thpt AS value FROM {year.name}"), (windows(scope), year)
    )


def schools_broadband_pct(scope: Scope) -> Query:
    """Schools with broadband, % of schools reporting it, in the school year at period end."""
    year = _school_year(scope)
    return Query(
        Sql(f"SELECT period_start, area_code, broadband_pct AS value FROM {year.name}"),
        (windows(scope), year),
    )


def traffic_congestion_hours(scope: Scope) -> Query:
    """Sensor-hours above 0.85 of road capacity in the period, summed over the area's sensors."""
    date, where = bucket("d.day", scope), in_scope("d.day", scope)
    facts = Sql(
        f"SELECT {date.text} AS period_start, s.district_code, s.commune_code, d.congestion_hours "
        f"FROM {DAILY} AS d JOIN {SENSORS} AS s USING (sensor_id) WHERE {where.text}",
        date.params + where.params,
    )
    hours = grouped("traffic_congestion", facts, Sql("sum(congestion_hours) AS hours"), scope)
    return Query(Sql(f"SELECT period_start, area_code, hours AS value FROM {hours.name}"), (hours,))


def _crashes(scope: Scope) -> Cte:
    date, where = bucket("occurred_at", scope), in_scope("occurred_at", scope)
    facts = Sql(
        f"SELECT {date.text} AS period_start, district_code, commune_code, deaths, injuries "
        f"FROM {INCIDENTS} WHERE kind = ? AND {where.text}",
        date.params + (CRASH,) + where.params,
    )
    measures = Sql("count(*) AS crashes, sum(deaths) AS deaths, sum(injuries) AS injuries")
    return grouped("traffic_crashes", facts, measures, scope)


def _crash_measure(scope: Scope, column: str) -> Query:
    crashes, frame = _crashes(scope), expected(INCIDENTS, "occurred_at", scope)
    return Query(zero_filled(frame, crashes, column), (windows(scope), frame, crashes))


def traffic_crashes(scope: Scope) -> Query:
    """Road crashes (incidents of kind 'va chạm') in the period."""
    return _crash_measure(scope, "crashes")


def traffic_deaths(scope: Scope) -> Query:
    """Deaths in road crashes in the period."""
    return _crash_measure(scope, "deaths")


def traffic_injuries(scope: Scope) -> Query:
    """Injuries in road crashes in the period."""
    return _crash_measure(scope, "injuries")
