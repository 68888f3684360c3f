"""Traffic sensors on eight corridors and their hourly counts (hue-facts §7.5).

No counts are published for Huế: every volume here is an estimate shaped by hour, weekday, tourism
peaks, Tết and flood days; speeds fall as volume approaches capacity.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import shapely

from etl.demo import geo, writers
from etl.demo.days import Window


@dataclass(frozen=True)
class Corridor:
    name: str
    capacity: int                  # veh/h, by road type
    free_speed: float              # km/h
    peaks: tuple                   # weekday two-way veh/h: AM peak, midday, PM peak, night
    shares: tuple                  # motorbikes, cars, trucks and buses
    week: str                      # weekday pattern: commuter | heritage | national | coastal
    sensors: int                   # at scale 1
    line: tuple                    # (lon, lat) vertices: APPROXIMATE, traced by hand along the road


URBAN = (0.85, 0.12, 0.03)
HIGHWAY = (0.60, 0.25, 0.15)
CORRIDORS: dict[str, Corridor] = {
    "HV": Corridor("Hùng Vương", 6000, 40, (4500, 3000, 5000, 300), URBAN, "commuter", 4,
                   ((107.5885, 16.4668), (107.5950, 16.4625), (107.6010, 16.4590), (107.6080, 16.4540),
                    (107.6125, 16.4500))),
    "LL": Corridor("Lê Lợi", 6000, 40, (3000, 2200, 3500, 250), URBAN, "heritage", 3,
                   ((107.5790, 16.4570), (107.5850, 16.4630), (107.5900, 16.4675), (107.5950, 16.4700),
                    (107.5995, 16.4725))),
    "THD": Corridor("Trần Hưng Đạo", 6000, 35, (3500, 2800, 4000, 250), URBAN, "heritage", 3,
                    ((107.5810, 16.4700), (107.5850, 16.4715), (107.5890, 16.4730), (107.5930, 16.4745))),
    "DBP": Corridor("Điện Biên Phủ", 3000, 40, (2200, 1500, 2500, 150), URBAN, "commuter", 2,
                    ((107.5845, 16.4600), (107.5830, 16.4530), (107.5820, 16.4460), (107.5815, 16.4395))),
    "NTT": Corridor("Nguyễn Tất Thành – QL1A", 6000, 50, (2800, 1800, 3200, 400), HIGHWAY, "commuter", 3,
                    ((107.6125, 16.4500), (107.6300, 16.4380), (107.6500, 16.4250), (107.6750, 16.4150),
                     (107.7000, 16.4010))),
    "QL1A": Corridor("QL1A tránh Huế", 3000, 60, (1800, 1400, 2000, 600), HIGHWAY, "national", 3,
                     ((107.4700, 16.5300), (107.5100, 16.4900), (107.5400, 16.4500), (107.5700, 16.4150),
                      (107.6200, 16.3950), (107.6800, 16.3850))),
    "QL49": Corridor("QL49", 1200, 50, (350, 250, 400, 40), (0.80, 0.12, 0.08), "national", 2,
                     ((107.5500, 16.4400), (107.4800, 16.3700), (107.4100, 16.3300), (107.3400, 16.2900),
                      (107.2800, 16.2500), (107.2400, 16.2200))),
    "QL49B": Corridor("QL49B", 3000, 50, (600, 400, 700, 60), URBAN, "coastal", 2,
                      ((107.6400, 16.5550), (107.6800, 16.5200), (107.7200, 16.4900), (107.7600, 16.4550),
                       (107.8000, 16.4200))),
}
#: Saturday and Sunday multipliers per weekday pattern (Monday–Friday are 1).
WEEKEND = {"commuter": (0.85, 0.75), "heritage": (1.10, 1.05), "national": (0.95, 0.90),
           "coastal": (1.10, 1.15)}
TOURISM = ("heritage", "coastal")
PAGODA_ROUTES = ("DBP", "QL49")   # busier on mùng 1–3 (pagodas, tombs)
GROWTH = 0.03                     # per year, centred on 2023


def hour_shape(peaks: tuple) -> np.ndarray:
    """Weekday volume for each hour 0–23 from the AM, midday, PM and night levels."""
    am, mid, pm, night = peaks
    return np.array([night, night, night, night, night, 3 * night, 0.75 * am, am, 0.8 * am, 0.6 * am,
                     0.6 * am, mid, 0.7 * am, 0.6 * am, 0.6 * am, 0.65 * am, 0.9 * pm, pm, 0.9 * pm,
                     0.55 * am, 0.5 * am, 0.45 * am, 0.3 * am, 1.5 * night])


def sensors(rng: np.random.Generator, scale: float) -> pd.DataFrame:
    """Sensors spread evenly along each corridor, a few metres off the traced line."""
    rows = []
    for code, corridor in CORRIDORS.items():
        n = max(1, round(corridor.sensors * scale))
        line = shapely.LineString(corridor.line)
        points = shapely.line_interpolate_point(line, (np.arange(n) + 0.5) / n, normalized=True)
        lon = np.round(shapely.get_x(points) + rng.uniform(-2e-4, 2e-4, n), geo.DECIMALS)
        lat = np.round(shapely.get_y(points) + rng.uniform(-2e-4, 2e-4, n), geo.DECIMALS)
        level = np.where(np.arange(n) == 0, 1.03, rng.uniform(0.85, 1.0, n))
        for i in range(n):
            rows.append((f"{code}-{i + 1:02d}", corridor.name, lat[i], lon[i], corridor.capacity, code,
                         level[i]))
    columns = ["sensor_id", "corridor", "lat", "lon", "capacity_veh_h", "code", "level"]
    table = pd.DataFrame(rows, columns=columns)
    table["commune_code"] = geo.locate(table["lon"].to_numpy(), table["lat"].to_numpy())
    return table


def day_factors(window: Window, code: str) -> np.ndarray:
    """Per-day multiplier of one corridor: weekday, tourism, Tết, flood and yearly growth."""
    corridor = CORRIDORS[code]
    sat, sun = WEEKEND[corridor.week]
    factor = np.array([1.0] * 5 + [sat, sun])[window.weekday]
    if corridor.week in TOURISM:
        summer = np.isin(window.month, (6, 7, 8))
        factor = factor * np.maximum.reduce([np.where(summer, 1.3, 1.0), np.where(window.festival, 1.4, 1.0),
                                             np.where(window.holiday_peak, 1.5, 1.0)])
    tet = (window.tet_offset >= 0) & (window.tet_offset <= 2)
    factor = factor * np.where(tet, 1.3 if code in PAGODA_ROUTES else 0.4, 1.0)
    factor = factor * np.where(window.flood, 0.3, 1.0)
    years = window.year + window.month / 12 - 2023.5
    return factor * (1 + GROWTH) ** years


def counts(window: Window, table: pd.DataFrame, rng: np.random.Generator) -> dict[str, np.ndarray]:
    """Sensor × hour arrays: motorbikes, cars, trucks_buses and avg_speed_kmh."""
    n_hours = len(window.days) * 24
    hod = np.tile(np.arange(24), len(window.days))
    day = np.repeat(np.arange(len(window.days)), 24)
    out = {k: np.zeros((len(table), n_hours), int) for k in ("motorbikes", "cars", "trucks_buses")}
    out["avg_speed_kmh"] = np.zeros((len(table), n_hours))
    for s, sensor in enumerate(table.itertuples()):
        corridor = CORRIDORS[sensor.code]
        daily = day_factors(window, sensor.code) * rng.lognormal(0, 0.05, len(window.days))
        mean = hour_shape(corridor.peaks)[hod] * daily[day] * sensor.level * rng.lognormal(0, 0.06, n_hours)
        total = rng.poisson(mean)
        moto = rng.binomial(total, corridor.shares[0])
        cars = rng.binomial(total - moto, corridor.shares[1] / (1 - corridor.shares[0]))
        out["motorbikes"][s], out["cars"][s], out["trucks_buses"][s] = moto, cars, total - moto - cars
        ratio = total / corridor.capacity
        speed = corridor.free_speed / (1 + 0.6 * ratio**3) * rng.lognormal(0, 0.05, n_hours)
        out["avg_speed_kmh"][s] = np.round(speed, 1)
    return out


def write_sensors(table: pd.DataFrame, folder: Path) -> int:
    columns = ["sensor_id", "corridor", "lat", "lon", "capacity_veh_h", "commune_code"]
    writers.write_csv(table[columns], folder / "sensors.csv")
    return len(table)


def write_counts(window: Window, table: pd.DataFrame, values: dict, folder: Path, bar) -> int:
    """One file per month: counts_YYYY-MM.csv, rows ordered by hour then sensor."""
    hours = window.days[0].astype("datetime64[h]") + np.arange(len(window.days) * 24)
    stamps = np.char.replace(np.datetime_as_string(hours.astype("datetime64[s]"), unit="s"), "T", " ")
    month = hours.astype("datetime64[M]")
    ids = table["sensor_id"].to_numpy()
    total = 0
    for m in np.unique(month):
        cols = np.flatnonzero(month == m)
        frame = pd.DataFrame({"sensor_id": np.tile(ids, len(cols)),
                              "hour_start": np.repeat(stamps[cols], len(ids))})
        for key, arr in values.items():
            frame[key] = arr[:, cols].T.ravel()
        writers.write_csv(frame, folder / f"counts_{m}.csv")
        total += len(frame)
        bar.update(1)
    return total
