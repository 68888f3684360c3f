"""Traffic incidents per year: crashes (va chạm), congestion (ùn tắc) and flooded roads (ngập).

Yearly crash, death and injury totals are drawn inside the §7.5 ranges and prorated to the part of
the year in the window; crashes peak at 17–20h, at weekends and in the Tết week.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from etl.demo import geo, writers
from etl.demo.days import Window
from etl.demo.population import commune_population
from etl.demo.traffic import CORRIDORS

CRASHES, DEATHS, INJURIES = (140, 180), (80, 110), (120, 170)
ROAD_SHARE = {"quốc lộ": 0.35, "đô thị": 0.40, "nông thôn": 0.25}
NATIONAL = {"QL1A": 0.35, "QL49": 0.30, "NTT": 0.20, "QL49B": 0.15}
CITY = ("HV", "LL", "THD", "DBP")
HOUR = np.array([1, 1, 0.8, 0.6, 0.6, 1, 2, 3, 3, 2.5, 2.5, 3,
                 3, 2.5, 2.5, 3, 4, 5.5, 6, 6, 5, 3.5, 2.5, 1.5])
JAMS_PER_YEAR = 45
FLOODED_PER_DAY = (2, 7)
LOW_LYING = ("474", "477", "478", "479", "480")


def incidents(window: Window, rng: np.random.Generator) -> pd.DataFrame:
    """Every incident of the window with sequential ids per year (in time order)."""
    parts = []
    for year in np.unique(window.year):
        in_year = np.flatnonzero(window.year == year)
        share = len(in_year) / (366 if year % 4 == 0 else 365)
        parts += [_crashes(window, in_year, share, rng), _jams(window, in_year, share, rng),
                  _floods(window, in_year, rng)]
    frame = pd.concat(parts, ignore_index=True).sort_values("occurred_at", kind="stable", ignore_index=True)
    year = frame["occurred_at"].dt.year.to_numpy()
    seq = frame.groupby(year).cumcount().to_numpy() + 1
    frame.insert(0, "incident_id", [f"SC{y}-{k:04d}" for y, k in zip(year, seq)])
    return frame


def _times(window: Window, days: np.ndarray, weight: np.ndarray, hours: np.ndarray, n: int, rng):
    """n times: a day drawn by weight among ``days``, an hour by ``hours``, a random minute."""
    day = rng.choice(days, n, p=weight / weight.sum())
    minute = rng.choice(24, n, p=hours / hours.sum()) * 60 + rng.integers(0, 60, n)
    return window.days[day].astype("datetime64[m]") + minute.astype("timedelta64[m]")


def _crashes(window: Window, days: np.ndarray, share: float, rng) -> pd.DataFrame:
    n, deaths, hurt = (round(int(rng.integers(lo, hi + 1)) * share) for lo, hi in (CRASHES, DEATHS, INJURIES))
    tet = (window.tet_offset[days] >= -3) & (window.tet_offset[days] <= 6)
    weight = np.where(window.weekday[days] >= 5, 1.3, 1.0) * np.where(tet, 1.5, 1.0)
    road = np.array(list(ROAD_SHARE), dtype=object)[rng.choice(3, n, p=list(ROAD_SHARE.values()))]
    lon, lat, corridor = _crash_places(road, rng)
    dead, injured = _casualties(rng, n, deaths, hurt, np.where(road == "quốc lộ", 2.0, 1.0))
    return pd.DataFrame({"occurred_at": _times(window, days, weight, HOUR, n, rng), "kind": "va chạm",
                         "severity": _severity(dead, injured), "deaths": dead, "injuries": injured,
                         "lat": lat, "lon": lon, "road_type": road, "corridor": corridor})


def _casualties(rng, n: int, deaths: int, injuries: int, danger: np.ndarray):
    """Spread exact yearly totals over crashes: one casualty each first, the rest at random."""
    if n == 0:
        return np.zeros(0, int), np.zeros(0, int)
    base_deaths = min(deaths, max(n - injuries, round(n * deaths / (deaths + injuries))))
    dead = np.zeros(n, int)
    first = rng.choice(n, base_deaths, replace=False, p=danger / danger.sum())
    dead[first] = 1
    dead += rng.multinomial(deaths - base_deaths, danger / danger.sum())
    injured = (dead == 0).astype(int)
    injured += rng.multinomial(max(injuries - injured.sum(), 0), np.full(n, 1 / n))
    return dead, injured


def _severity(dead: np.ndarray, injured: np.ndarray) -> np.ndarray:
    level = np.select([dead >= 3, (dead == 2) | (injured >= 4), (dead == 1) | (injured >= 2)], [3, 2, 1], 0)
    return np.array(["nhẹ", "nghiêm trọng", "rất nghiêm trọng", "đặc biệt nghiêm trọng"], dtype=object)[level]


def _crash_places(road: np.ndarray, rng):
    n = len(road)
    lon, lat, corridor = np.zeros(n), np.zeros(n), np.full(n, "", dtype=object)
    national = np.flatnonzero(road == "quốc lộ")
    codes = np.array(list(NATIONAL))[rng.choice(len(NATIONAL), len(national), p=list(NATIONAL.values()))]
    on_city = np.flatnonzero((road == "đô thị") & (rng.random(n) < 0.6))
    city = np.array(CITY)[rng.integers(0, len(CITY), len(on_city))]
    for rows, picked in ((national, codes), (on_city, city)):
        lon[rows], lat[rows] = on_corridors(rng, picked)
        corridor[rows] = [CORRIDORS[c].name for c in picked]
    for rows, urban in ((np.flatnonzero((road == "đô thị") & (corridor == "")), True),
                        (np.flatnonzero(road == "nông thôn"), False)):
        lon[rows], lat[rows] = _in_communes(rng, len(rows), urban)
    return lon, lat, corridor


def on_corridors(rng, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A random point along each given corridor's traced line (vertices and segments lie in the province)."""
    lines = {c: shapely.LineString(CORRIDORS[c].line) for c in np.unique(codes)}
    where = rng.random(len(codes))
    points = [shapely.line_interpolate_point(lines[c], u, normalized=True) for c, u in zip(codes, where)]
    return np.round(shapely.get_x(points), geo.DECIMALS), np.round(shapely.get_y(points), geo.DECIMALS)


def _in_communes(rng, n: int, urban: bool, districts: tuple | None = None):
    table = geo.communes()
    people = table["code"].map(commune_population(2023)).to_numpy(float)
    keep = (table["unit_type_vi"].ne("Xã") == urban).to_numpy() if districts is None else \
        table["district_code"].isin(districts).to_numpy()
    weight = np.where(keep, people, 0.0)
    return geo.sample_in_communes(rng, rng.choice(len(table), n, p=weight / weight.sum()))


def _jams(window: Window, days: np.ndarray, share: float, rng) -> pd.DataFrame:
    n = round(JAMS_PER_YEAR * share * float(rng.uniform(0.8, 1.2)))
    hours = np.zeros(24)
    hours[[7, 11, 16, 17, 18]] = (3, 1, 3, 4, 3)
    weight = np.where(window.weekday[days] < 5, 1.0, 0.3) + np.where(window.holiday_peak[days], 2.0, 0.0)
    codes = np.array(CITY + ("NTT",))[rng.integers(0, len(CITY) + 1, n)]
    lon, lat = on_corridors(rng, codes)
    return pd.DataFrame({"occurred_at": _times(window, days, weight, hours, n, rng), "kind": "ùn tắc",
                         "severity": "", "deaths": 0, "injuries": 0, "lat": lat, "lon": lon,
                         "road_type": "đô thị", "corridor": [CORRIDORS[c].name for c in codes]})


def _floods(window: Window, days: np.ndarray, rng) -> pd.DataFrame:
    flood_days = days[window.flood[days]]
    per_day = rng.integers(*FLOODED_PER_DAY, len(flood_days))
    n = int(per_day.sum())
    minute = rng.integers(0, 24 * 60, n).astype("timedelta64[m]")
    lon, lat = _in_communes(rng, n, True, LOW_LYING)
    urban = np.isin(geo.locate(lon, lat), geo.communes().query("unit_type_vi != 'Xã'")["code"])
    start = np.repeat(window.days[flood_days], per_day).astype("datetime64[m]")
    return pd.DataFrame({"occurred_at": start + minute,
                         "kind": "ngập", "severity": "", "deaths": 0, "injuries": 0, "lat": lat, "lon": lon,
                         "road_type": np.where(urban, "đô thị", "nông thôn"), "corridor": ""})


def write(frame: pd.DataFrame, folder: Path, bar) -> int:
    """One file per year: incidents_YYYY.csv, occurred_at as YYYY-MM-DD HH:MM:SS."""
    out = frame.copy()
    year = out["occurred_at"].dt.year
    out["occurred_at"] = out["occurred_at"].dt.strftime("%Y-%m-%d %H:%M:%S")
    for value in sorted(year.unique()):
        writers.write_csv(out[year == value], folder / f"incidents_{value}.csv")
        bar.update(1)
    return len(out)
