"""Questions the schools page asks: schools, students, classrooms and ICT readiness per school year.

Every ratio is a ratio of sums (all students over all classrooms of the schools that report both), never
an average of per-school ratios. A "smart school" has at least one smart classroom. Filters are a
school year ('2024-2025'; None for the latest), a district (GSO code), a level and an ownership.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from queries.db import fetch

#: Stored values, in the order the UI lists them (the ETL admits only these: etl/vocab.py).
LEVELS = ("mầm non", "tiểu học", "THCS", "THPT", "khác")
OWNERSHIPS = ("công lập", "ngoài công lập")
PROVINCE = "46"
SMART_THPT_TARGET = "schools_smart_thpt"
BROADBAND_TARGET = "schools_broadband_pct"

#: The chosen school year (the latest when none is chosen), bound once per query.
_CHOSEN = "chosen AS (SELECT coalesce(?, max(school_year)) AS year FROM schools)"
_FILTER = (
    "(? IS NULL OR s.district_code = ?) AND (? IS NULL OR s.level = ?) AND (? IS NULL OR s.ownership = ?)"
)
#: Aggregates over a group of school rows; ratios only over schools reporting both numbers.
_BOTH = "students IS NOT NULL AND classrooms IS NOT NULL"
_TOTALS = f"""
    count(*) AS schools,
    coalesce(sum(students), 0)::BIGINT AS students,
    coalesce(sum(classrooms), 0)::BIGINT AS classrooms,
    sum(students) FILTER (WHERE {_BOTH}) / nullif(sum(classrooms) FILTER (WHERE {_BOTH}), 0)
        AS students_per_classroom,
    count(*) FILTER (WHERE smart_classrooms >= 1) AS smart_schools,
    coalesce(sum(smart_classrooms), 0)::BIGINT AS smart_classrooms,
    100.0 * sum(smart_classrooms) FILTER (WHERE smart_classrooms IS NOT NULL AND classrooms IS NOT NULL)
        / nullif(sum(classrooms) FILTER (WHERE smart_classrooms IS NOT NULL AND classrooms IS NOT NULL), 0)
        AS smart_classroom_pct,
    count(*) FILTER (WHERE has_broadband) AS broadband_schools,
    100.0 * count(*) FILTER (WHERE has_broadband) / nullif(count(has_broadband), 0) AS broadband_pct"""
_DISTRICT_NAMES = "LEFT JOIN areas d ON d.code = s.district_code"
#: District and commune names (joined as d and c), with diacritics and in ASCII (the English UI's).
_AREA_NAMES = (
    "d.name_vi AS district_name, d.name_ascii AS district_ascii, "
    "c.name_vi AS commune_name, c.name_ascii AS commune_ascii"
)


@dataclass(frozen=True)
class SchoolFilter:
    """What the page's filters chose; None means all (the latest school year for ``year``)."""

    year: str | None = None
    district: str | None = None
    level: str | None = None
    ownership: str | None = None

    def params(self) -> tuple:
        """Bound values for ``_CHOSEN`` then ``_FILTER``."""
        d, lv, ow = self.district, self.level, self.ownership
        return (self.year, d, d, lv, lv, ow, ow)

    def all_districts(self) -> SchoolFilter:
        """The same choice for every district (comparisons and the province reference)."""
        return replace(self, district=None)


def fold(text: object) -> str:
    """Lower case without Vietnamese diacritics (đ -> d), spaces collapsed: "Quốc  Học" -> "quoc hoc"."""
    lowered = str(text or "").lower().replace("đ", "d")
    bare = "".join(c for c in unicodedata.normalize("NFD", lowered) if not unicodedata.combining(c))
    return " ".join(bare.split())


def canonical(value: str | None, choices: tuple[str, ...]) -> str | None:
    """The stored value a URL value means ("thpt", "mam non" -> "THPT", "mầm non"); unknown values stay."""
    if value is None:
        return None
    wanted = fold(value.replace("-", " ").replace("_", " "))
    return next((c for c in choices if fold(c) == wanted), value)


def school_years() -> pd.DataFrame:
    """School years present, newest first, with how many schools each has."""
    return fetch(
        "SELECT school_year, year_start, count(*) AS schools FROM schools "
        "GROUP BY ALL ORDER BY school_year DESC"
    )


def districts() -> pd.DataFrame:
    """Districts that have schools: GSO code and names, in code order."""
    return fetch(
        "SELECT DISTINCT s.district_code AS code, d.name_vi, d.name_ascii FROM schools s "
        f"{_DISTRICT_NAMES} WHERE s.district_code IS NOT NULL ORDER BY code"
    )


def _level_order(frame: pd.DataFrame) -> pd.DataFrame:
    order = {level: i for i, level in enumerate(LEVELS)}
    return frame.sort_values("level", key=lambda s: s.map(order), kind="stable")


def year_totals(f: SchoolFilter) -> pd.DataFrame:
    """Totals of the chosen school year and the one before, over all levels (``all_levels``) and per level."""
    return fetch(
        f"WITH {_CHOSEN} SELECT s.school_year, s.year_start, s.level, grouping(s.level) = 1 AS all_levels, "
        f"{_TOTALS} FROM schools s, chosen "
        "WHERE (s.school_year = chosen.year OR s.year_start = CAST(left(chosen.year, 4) AS INT) - 1) "
        f"AND {_FILTER} GROUP BY GROUPING SETS ((s.school_year, s.year_start), "
        "(s.school_year, s.year_start, s.level)) ORDER BY s.school_year DESC",
        f.params(),
    )


def summary(f: SchoolFilter) -> pd.DataFrame:
    """Totals of the chosen school year and of the one before it (when present), chosen year first."""
    frame = year_totals(f)
    return frame[frame["all_levels"]].drop(columns=["level", "all_levels"]).reset_index(drop=True)


def by_level(f: SchoolFilter) -> pd.DataFrame:
    """Totals per level in the chosen school year, in the levels' usual order."""
    frame = year_totals(f)
    if frame.empty:
        return frame
    chosen = frame[~frame["all_levels"] & frame["school_year"].eq(frame["school_year"].max())]
    return _level_order(chosen.drop(columns=["school_year", "year_start", "all_levels"])).reset_index(
        drop=True
    )


def district_totals(f: SchoolFilter) -> pd.DataFrame:
    """Totals per district and per district and level, with the province as code '46', chosen year."""
    return fetch(
        f"WITH {_CHOSEN}, totals AS (SELECT s.district_code, s.level, grouping(s.district_code) AS whole, "
        f"grouping(s.level) = 1 AS all_levels, {_TOTALS} FROM schools s, chosen "
        f"WHERE s.school_year = chosen.year AND {_FILTER} GROUP BY GROUPING SETS "
        "((s.district_code), (), (s.district_code, s.level), (s.level))) "
        f"SELECT CASE WHEN whole = 1 THEN '{PROVINCE}' ELSE t.district_code END AS code, "
        "d.name_vi, d.name_ascii, t.* EXCLUDE (district_code, whole) "
        "FROM totals t LEFT JOIN areas d ON d.code = CASE WHEN whole = 1 THEN ? ELSE t.district_code END "
        "ORDER BY whole DESC, code, level NULLS FIRST",
        (*f.params(), PROVINCE),
    )


def by_district(f: SchoolFilter) -> pd.DataFrame:
    """Totals per district, plus the province (code '46') over the same schools, for the chosen year."""
    frame = district_totals(f)
    return frame[frame["all_levels"]].drop(columns=["level", "all_levels"]).reset_index(drop=True)


def by_district_level(f: SchoolFilter) -> pd.DataFrame:
    """Totals per district and level, plus each level over the province (code '46'), chosen year."""
    frame = district_totals(f)
    return frame[~frame["all_levels"]].drop(columns="all_levels").reset_index(drop=True)


def area_ratios(f: SchoolFilter, area_level: str = "district") -> pd.DataFrame:
    """Students, classrooms and students per classroom per district or commune, chosen year."""
    column = "commune_code" if area_level == "commune" else "district_code"
    return fetch(
        f"WITH {_CHOSEN} SELECT s.{column} AS code, {_TOTALS} FROM schools s, chosen "
        f"WHERE s.school_year = chosen.year AND {_FILTER} AND s.{column} IS NOT NULL "
        "GROUP BY ALL ORDER BY code",
        f.params(),
    )


def area_shapes(area_level: str = "district", district: str | None = None) -> pd.DataFrame:
    """Boundaries (GeoJSON text) and names of the districts or communes, optionally of one district."""
    # one cached read per level serves every district filter (each uncached read opens the warehouse)
    frame = fetch(
        "SELECT code, parent_code, name_vi, name_ascii, geometry_quality, geometry FROM areas "
        "WHERE level = ? AND geometry IS NOT NULL ORDER BY code",
        (area_level,),
    )
    if district is not None:
        frame = frame[frame["parent_code" if area_level == "commune" else "code"] == district]
    return frame.drop(columns="parent_code").reset_index(drop=True)


def school_points(f: SchoolFilter) -> pd.DataFrame:
    """One row per school with a location in the chosen year: id, name, level, smart or not, students."""
    return fetch(
        f"WITH {_CHOSEN} SELECT s.school_id, s.name, s.level, s.lat, s.lon, s.students, "
        "coalesce(s.smart_classrooms, 0) >= 1 AS smart FROM schools s, chosen "
        f"WHERE s.school_year = chosen.year AND {_FILTER} AND s.lat IS NOT NULL AND s.lon IS NOT NULL "
        "ORDER BY s.school_id",
        f.params(),
    )


def school_table(f: SchoolFilter, search: str | None = None) -> pd.DataFrame:
    """Schools of the chosen year whose name or id contains ``search``, accents and case ignored."""
    needle = fold(search) or None
    folded_name = "strip_accents(replace(lower(s.name), 'đ', 'd'))"
    return fetch(
        f"WITH {_CHOSEN} SELECT s.school_id, s.name, s.level, s.ownership, s.district_code, "
        f"{_AREA_NAMES}, s.students, s.classrooms, "
        f"CASE WHEN {_BOTH} THEN s.students / nullif(s.classrooms, 0) END AS students_per_classroom, "
        "s.smart_classrooms, s.has_broadband "
        f"FROM schools s CROSS JOIN chosen {_DISTRICT_NAMES} LEFT JOIN areas c ON c.code = s.commune_code "
        f"WHERE s.school_year = chosen.year AND {_FILTER} "
        f"AND (? IS NULL OR contains({folded_name}, ?) OR contains(lower(s.school_id), ?)) "
        "ORDER BY s.name, s.school_id",
        (*f.params(), needle, needle, needle),
    )


def school_history(school_id: str) -> pd.DataFrame:
    """One school across school years, oldest first: names, level, ownership, area and its figures."""
    return fetch(
        f"SELECT s.school_year, s.year_start, s.name, s.level, s.ownership, {_AREA_NAMES}, "
        "s.students, s.classrooms, "
        f"CASE WHEN {_BOTH} THEN s.students / nullif(s.classrooms, 0) END AS students_per_classroom, "
        f"s.smart_classrooms, s.has_broadband FROM schools s {_DISTRICT_NAMES} "
        "LEFT JOIN areas c ON c.code = s.commune_code WHERE s.school_id = ? ORDER BY s.school_year",
        (school_id,),
    )


def smart_thpt_by_year() -> pd.DataFrame:
    """Upper-secondary (THPT) schools with at least one smart classroom, province, per school year."""
    return fetch(
        "SELECT school_year, year_start, count(*) FILTER (WHERE level = 'THPT' AND smart_classrooms >= 1) "
        "AS smart_thpt FROM schools GROUP BY ALL ORDER BY school_year"
    )


def province_target(indicator_id: str) -> pd.DataFrame:
    """The province's target for an indicator: value, due date and legal source (no row when unset)."""
    # one cached read of all province targets serves every card that asks
    frame = fetch(
        "SELECT indicator_id, target_value, due_date, legal_source FROM targets WHERE area_code = ? "
        "ORDER BY indicator_id",
        (PROVINCE,),
    )
    return frame[frame["indicator_id"] == indicator_id].drop(columns="indicator_id").reset_index(drop=True)


def school_year_start(day: date) -> int:
    """First year of the school year (1 September – 31 August) a day falls in."""
    return day.year if day.month >= 9 else day.year - 1


@dataclass(frozen=True)
class TargetProgress:
    """When a count target was first met. ``met_year`` is None while it is not met."""

    met_year: str | None
    years_late: int | None  # school years after the one holding the due date; 0 = on time; None = unknown
    met_in_first_year: bool  # met in the earliest school year on record, so it may have been met earlier


def target_progress(per_year: pd.DataFrame, column: str, target: float, due: date) -> TargetProgress:
    """The first school year whose ``column`` reaches ``target`` and how many school years after ``due``."""
    reached = per_year[per_year[column] >= target].sort_values("year_start")
    if reached.empty:
        return TargetProgress(None, None, False)
    first = reached.iloc[0]
    in_first_year = int(first["year_start"]) == int(per_year["year_start"].min())
    late = max(0, int(first["year_start"]) - school_year_start(due))
    if in_first_year and late > 0:
        return TargetProgress(str(first["school_year"]), None, True)  # reached before our records began
    return TargetProgress(str(first["school_year"]), late, in_first_year)
