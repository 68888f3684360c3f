"""The SQL of the health-records page's main question, built once from constants (no input ever
becomes SQL text): every area's coverage in every month, with its progress against the target that
applies to it. ``queries.health`` runs it and picks rows.

Coverage is population-weighted: sums of records over sums of the population each commune reports with
its figures. "At the current pace" is the average monthly gain, in percentage points, since the earliest
month with figures within the ``PACE_MONTHS`` months before.
"""

from __future__ import annotations

COVERAGE = "health_coverage"
PROVINCE = "46"
STATION_KIND = "trạm y tế xã"
PACE_MONTHS = 6
#: Measure -> (records column, indicator id of its target in ``targets``).
MEASURES: dict[str, tuple[str, str]] = {
    "created": ("records_created", "health_created_pct"),
    "complete": ("records_complete", "health_complete_pct"),
}
#: Area level -> the health_coverage column that groups it (the province is one constant group),
#: and the district the area belongs to.
LEVEL_KEYS = {"province": f"'{PROVINCE}'", "district": "district_code", "commune": "commune_code"}
PARENT_KEYS = {"province": "NULL", "district": "district_code", "commune": "any_value(district_code)"}
LEVEL_ORDER = "CASE level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END"
#: Slack for float noise, so a value that hits the target exactly is not one person or month short.
EPS = 1e-9

SUMS = (
    "sum(population)::BIGINT AS population, sum(records_created)::BIGINT AS records_created, "
    "sum(records_complete)::BIGINT AS records_complete, count(*) AS communes, "
    "count(*) FILTER (WHERE records_complete > records_created) AS complete_gt_created, "
    "count(*) FILTER (WHERE records_created > population) AS created_gt_population"
)
PCTS = (
    "100.0 * records_created / population AS created_pct, "
    "100.0 * records_complete / population AS complete_pct"
)


def _level_sums(level: str) -> str:
    return (
        f"SELECT '{level}' AS level, {LEVEL_KEYS[level]} AS code, {PARENT_KEYS[level]} AS district_code, "
        f"period, {SUMS} FROM {COVERAGE} GROUP BY ALL"
    )


def _measure_pace(measure: str) -> str:
    """Last month's coverage (only if it is the month before) and the coverage at the pace base."""
    pct = f"{measure}_pct"
    return (
        f"CASE WHEN lag(period) OVER by_month = period - INTERVAL 1 MONTH THEN lag({pct}) OVER by_month END "
        f"AS prev_{pct}, first_value({pct}) OVER pace_window AS base_{pct}"
    )


def _measure_targets(measure: str) -> str:
    """The target that applies (the district's own, else the province's): value, due date, basis; the
    change on last month and the average monthly gain."""
    own, province = f"{measure}_d", f"{measure}_p"
    picked = [
        f"CASE WHEN {own}.indicator_id IS NOT NULL THEN {own}.{column} ELSE {province}.{column} END "
        f"AS {measure}_{name}"
        for column, name in (("target_value", "target"), ("due_date", "due"), ("legal_source", "basis"))
    ]
    change = f"{measure}_pct - prev_{measure}_pct AS {measure}_change"
    pace = f"({measure}_pct - base_{measure}_pct) / pace_months AS {measure}_pace"
    return ", ".join([*picked, change, pace])


def _measure_joins(measure: str) -> str:
    indicator = MEASURES[measure][1]
    return " ".join(
        f"LEFT JOIN targets {measure}_{side} ON {measure}_{side}.indicator_id = '{indicator}' "
        f"AND {measure}_{side}.area_code = {area}"
        for side, area in (("d", "a.district_code"), ("p", f"'{PROVINCE}'"))
    )


def _measure_horizon(measure: str) -> str:
    """People and whole months still needed at the current pace: 0 once reached, infinity when the pace
    is not positive, NULL without a target or a pace."""
    records, target = MEASURES[measure][0], f"{measure}_target"
    pct, pace = f"{measure}_pct", f"{measure}_pace"
    return (
        f"greatest(ceil(population * {target} / 100 - {EPS}) - {records}, 0)::BIGINT AS {measure}_missing, "
        f"CASE WHEN {target} IS NULL OR {pct} IS NULL THEN NULL WHEN {pct} >= {target} THEN 0 "
        f"WHEN {pace} IS NULL THEN NULL WHEN {pace} <= 0 THEN 'infinity'::DOUBLE "
        f"ELSE ceil(({target} - {pct}) / {pace} - {EPS}) END AS {measure}_months"
    )


def _measure_status(measure: str) -> str:
    """on_target once reached; at_risk when the current pace gets there by the due month; else off_target."""
    months, due = f"{measure}_months", f"{measure}_due"
    return (
        f"CASE WHEN {months} IS NULL THEN 'no_data' WHEN {months} = 0 THEN 'on_target' "
        f"WHEN {months} <= date_diff('month', period, {due}) THEN 'at_risk' ELSE 'off_target' END "
        f"AS {measure}_status"
    )


def _each(fragment) -> str:
    return ", ".join(fragment(measure) for measure in MEASURES)


#: Every area (province, districts, communes of ``areas`` and any commune reporting) in every month with
#: figures: sums, coverage, flags, names, district, health station, ``reported`` (false for an area
#: without figures that month), and per measure the target, change, pace, people and months to go, status.
HISTORY_SQL = f"""
    WITH pct AS (
        SELECT *, {PCTS} FROM ({" UNION ALL ".join(_level_sums(level) for level in LEVEL_KEYS)})
    ), paced AS (
        SELECT *, {_each(_measure_pace)},
            date_diff('month', first_value(period) OVER pace_window, period) AS pace_months
        FROM pct
        WINDOW by_month AS (PARTITION BY level, code ORDER BY period),
            pace_window AS (PARTITION BY level, code ORDER BY period
                RANGE BETWEEN INTERVAL {PACE_MONTHS} MONTH PRECEDING AND INTERVAL 1 MONTH PRECEDING)
    ), named AS (
        SELECT level, code, CASE level WHEN 'district' THEN code ELSE parent_code END AS district_code,
            name_vi, name_ascii
        FROM areas WHERE level IN ('district', 'commune')
    ), expected AS (
        SELECT named.*, months.period FROM named CROSS JOIN (SELECT DISTINCT period FROM {COVERAGE}) months
    ), station AS (
        SELECT 'commune' AS level, commune_code AS code, min(name) AS station FROM places
        WHERE kind = '{STATION_KIND}' AND commune_code IS NOT NULL GROUP BY commune_code
    ), located AS (
        SELECT period, level, code, coalesce(paced.district_code, expected.district_code) AS district_code,
            expected.name_vi, expected.name_ascii, station.station, paced.population IS NOT NULL AS reported,
            paced.* EXCLUDE (period, level, code, district_code)
        FROM paced
        FULL JOIN expected USING (period, level, code)
        LEFT JOIN station USING (level, code)
    ), targeted AS (
        SELECT a.*, population - records_created AS without_record, {_each(_measure_targets)}
        FROM located a {" ".join(_measure_joins(m) for m in MEASURES)}
    ), timed AS (
        SELECT *, {_each(_measure_horizon)} FROM targeted
    )
    SELECT *, {_each(_measure_status)} FROM timed
    ORDER BY period, {LEVEL_ORDER}, code
"""
