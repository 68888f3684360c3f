"""Kindergartens and general schools per school year (hue-facts §4 and §7.4).

569 schools in 2024-2025 (37 non-public), split by level, allocated to districts by population with
floors in the mountain districts, then to communes. The six SmartEdu schools are real; every other
name is made up from the commune's name. Commune placements of the real schools are approximate.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from etl.demo import geo, writers
from etl.demo.population import DISTRICT_POPULATION, commune_population

LEVELS = {"mầm non": 205, "tiểu học": 190, "THCS": 120, "THPT": 42, "khác": 12}
NON_PUBLIC = {"mầm non": 30, "tiểu học": 3, "THCS": 1, "THPT": 2, "khác": 1}
MOUNTAIN_FLOORS = {"mầm non": 10, "tiểu học": 10, "THCS": 6, "THPT": 2, "khác": 0}
MOUNTAIN = ("481", "483")
CLASS_SIZE = {"mầm non": 23, "tiểu học": 26, "THCS": 31, "THPT": 36, "khác": 30}
CLASSES = {"mầm non": (4, 13), "tiểu học": (8, 25), "THCS": (8, 29), "THPT": (15, 41), "khác": (4, 15)}
PREFIX = {"mầm non": ("MN", "Trường Mầm non"), "tiểu học": ("TH", "Trường Tiểu học"),
          "THCS": ("CS", "Trường THCS"), "THPT": ("PT", "Trường THPT"), "khác": ("KH", "Trung tâm GDNN-GDTX")}
PRIVATE_NAMES = ("Hoa Sen", "Sao Mai", "Ánh Dương", "Hoa Mai", "Tuổi Thơ", "Sơn Ca", "Họa Mi", "Thiên Thần",
                 "Bình Minh", "Hướng Dương", "Ban Mai", "Ngôi Sao")
NEW_PRIVATE_NAMES = ("Mầm Xanh", "Hạt Nắng", "Cầu Vồng", "Búp Măng")
#: The SmartEdu schools (name, level, commune code): smart classrooms from school year 2023-2024.
SMARTEDU = (
    ("Trường THPT chuyên Quốc Học", "THPT", "19783"), ("Trường THPT Phú Bài", "THPT", "19960"),
    ("Trường THPT Hương Trà", "THPT", "19996"), ("Trường THPT Phong Điền", "THPT", "19819"),
    ("Trường THPT Nguyễn Chí Thanh", "THPT", "19762"), ("Trường THCS Nguyễn Tri Phương", "THCS", "19783"),
)
SMART_FROM = 2023
REFERENCE_YEAR = 2024          # the school year the level counts describe (2024-2025)
OPENED_LATER = {2021: 3, 2022: 3, 2023: 2, 2024: 2, 2025: 2}  # new schools per school year start


def school_years(start: date, end: date) -> list[int]:
    """First years of the school years (1 Sep – 31 Aug) overlapping start..end."""
    first = start.year if start.month >= 9 else start.year - 1
    last = end.year if end.month >= 9 else end.year - 1
    return list(range(first, last + 1))


def register(rng: np.random.Generator) -> pd.DataFrame:
    """Every school ever open in the demo: id, name, level, ownership, commune, point, size, opening year."""
    table = geo.communes()
    rows = [_level_schools(rng, level, table) for level in LEVELS]
    schools = pd.concat(rows, ignore_index=True)
    _mark_private(schools, rng, table)
    schools["opened"] = _opening_years(rng, schools)
    extra = _new_private(rng, schools, table)
    schools = pd.concat([schools, extra], ignore_index=True)
    idx = table.reset_index().set_index("code").loc[schools["commune_code"], "index"].to_numpy()
    schools["lon"], schools["lat"] = geo.sample_in_communes(rng, idx)
    low, high = np.array([CLASSES[lv] for lv in schools["level"]]).T
    mountain = schools["district_code"].isin(MOUNTAIN).to_numpy()
    schools["classes"] = np.maximum(2, (rng.integers(low, high) * np.where(mountain, 0.6, 1.0)).astype(int))
    schools["broadband_u"] = rng.random(len(schools))
    return schools


def _district_counts(level: str) -> dict[str, int]:
    """Schools of a level per district: mountain floors, the rest by population (largest remainder)."""
    codes = list(DISTRICT_POPULATION)
    floors = np.array([MOUNTAIN_FLOORS[level] if c in MOUNTAIN else 0 for c in codes])
    weight = np.array([DISTRICT_POPULATION[c] for c in codes], float)
    exact = (LEVELS[level] - floors.sum()) * weight / weight.sum()
    whole = np.floor(exact).astype(int)
    whole[np.argsort(-(exact - whole), kind="stable")[: LEVELS[level] - floors.sum() - whole.sum()]] += 1
    return dict(zip(codes, (whole + floors).tolist()))


def _level_schools(rng: np.random.Generator, level: str, table: pd.DataFrame) -> pd.DataFrame:
    people = table["code"].map(commune_population(REFERENCE_YEAR)).to_numpy(float)
    frames = []
    for district, count in _district_counts(level).items():
        rows = np.flatnonzero(table["district_code"].to_numpy() == district)
        here = set(table["code"].iloc[rows])
        fixed = [(name, code) for name, lv, code in SMARTEDU if lv == level and code in here]
        communes = _spread(rng, count - len(fixed), rows, people[rows])
        codes = [code for _, code in fixed] + table["code"].to_numpy()[communes].tolist()
        names = [name for name, _ in fixed] + [None] * len(communes)
        frames.append(_named(level, district, codes, names, table))
    return pd.concat(frames, ignore_index=True)


def _spread(rng: np.random.Generator, n: int, rows: np.ndarray, people: np.ndarray) -> np.ndarray:
    """n schools over a district's communes: one per commune while there are enough, rest by population."""
    p = people / people.sum()
    if n < len(rows):
        return np.sort(rng.choice(rows, n, replace=False, p=p))
    return np.sort(np.concatenate([rows, rng.choice(rows, n - len(rows), p=p)]))


def _named(level: str, district: str, codes: list, names: list, table: pd.DataFrame) -> pd.DataFrame:
    abbr, prefix = PREFIX[level]
    short = table.set_index("code")["name_vi"]
    seen: dict[str, int] = {}
    out = []
    for k, (code, name) in enumerate(zip(codes, names)):
        if name is None:
            seen[code] = seen.get(code, 0) + 1
            name = f"{prefix} {short[code]}" + (f" số {seen[code]}" if seen[code] > 1 else "")
        out.append((f"{abbr}{district}{k + 1:03d}", name, level, "công lập", code, district))
    columns = ["school_id", "name", "level", "ownership", "commune_code", "district_code"]
    return pd.DataFrame(out, columns=columns)


def _mark_private(schools: pd.DataFrame, rng: np.random.Generator, table: pd.DataFrame) -> None:
    """Non-public schools: in wards and towns, never a SmartEdu school, with a made-up name."""
    urban = schools["commune_code"].map(table.set_index("code")["unit_type_vi"]).ne("Xã").to_numpy()
    real = schools["name"].isin([name for name, _, _ in SMARTEDU]).to_numpy()
    for level, count in NON_PUBLIC.items():
        pool = np.flatnonzero((schools["level"].to_numpy() == level) & urban & ~real)
        pick = np.sort(rng.choice(pool, count, replace=False))
        prefix = PREFIX[level][1]
        schools.loc[pick, "ownership"] = "ngoài công lập"
        schools.loc[pick, "name"] = [f"{prefix} tư thục {PRIVATE_NAMES[i % len(PRIVATE_NAMES)]}"
                                     + (f" {i // len(PRIVATE_NAMES) + 1}" if i >= len(PRIVATE_NAMES) else "")
                                     for i in range(count)]


def _opening_years(rng: np.random.Generator, schools: pd.DataFrame) -> np.ndarray:
    """A few schools opened after 2020 (so earlier years have slightly fewer); the rest earlier."""
    opened = np.full(len(schools), 2000)
    real = schools["name"].isin([name for name, _, _ in SMARTEDU]).to_numpy()
    later = {y: n for y, n in OPENED_LATER.items() if y <= REFERENCE_YEAR}
    pick = rng.choice(np.flatnonzero(~real), sum(later.values()), replace=False)
    opened[pick] = np.repeat(list(later), list(later.values()))
    return opened


def _new_private(rng: np.random.Generator, schools: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Kindergartens opened after the reference year (private, in Huế wards)."""
    years = [y for y in OPENED_LATER if y > REFERENCE_YEAR]
    n = sum(OPENED_LATER[y] for y in years)
    wards = table.loc[table["district_code"].eq("474"), "code"].to_numpy()
    codes = np.sort(rng.choice(wards, n, replace=False))
    start = int((schools["school_id"].str.startswith("MN474")).sum()) + 1
    extra = _named("mầm non", "474", codes.tolist(), [None] * n, table)
    extra["school_id"] = [f"MN474{start + k:03d}" for k in range(n)]
    names = [NEW_PRIVATE_NAMES[k % len(NEW_PRIVATE_NAMES)] for k in range(n)]
    extra["name"] = [f"Trường Mầm non tư thục {name}" for name in names]
    extra["ownership"] = "ngoài công lập"
    extra["opened"] = np.repeat(years, [OPENED_LATER[y] for y in years])
    return extra


def school_year_rows(schools: pd.DataFrame, year: int, rng: np.random.Generator) -> pd.DataFrame:
    """The workbook rows of one school year."""
    open_now = schools[schools["opened"] <= year].reset_index(drop=True)
    n = len(open_now)
    classes = np.maximum(2, open_now["classes"].to_numpy() + rng.integers(-1, 2, n))
    size = open_now["level"].map(CLASS_SIZE).to_numpy()
    smart = open_now["name"].isin([name for name, _, _ in SMARTEDU]).to_numpy() & (year >= SMART_FROM)
    broadband = open_now["broadband_u"].to_numpy() < 0.95 + 0.01 * (year - 2020)
    return pd.DataFrame({
        "school_id": open_now["school_id"], "name": open_now["name"], "level": open_now["level"],
        "ownership": open_now["ownership"], "commune_code": open_now["commune_code"],
        "lat": open_now["lat"], "lon": open_now["lon"], "school_year": f"{year}-{year + 1}",
        "students": np.rint(classes * size * rng.uniform(0.88, 1.05, n)).astype(int),
        "classrooms": classes + rng.integers(0, 3, n),
        "smart_classrooms": np.where(smart, 1 + np.minimum(year - SMART_FROM, 2), 0),
        "has_broadband": np.where(broadband, "có", "không"),
    })


def write(schools: pd.DataFrame, years: list[int], folder: Path, rng: np.random.Generator, bar) -> int:
    """One workbook per school year: truong_hoc_YYYY-YYYY.xlsx, sheet 'Danh sách'."""
    total = 0
    for year in years:
        rows = school_year_rows(schools, year, rng)
        writers.write_xlsx(rows, folder / f"truong_hoc_{year}-{year + 1}.xlsx", "Danh sách")
        total += len(rows)
        bar.update(1)
    return total
