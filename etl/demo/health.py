"""E-health records (hồ sơ sức khỏe điện tử) per commune and month (hue-facts §7.3).

Each district group follows two logistic curves, created % and complete %, fitted to the milestones
of §7.3; every commune shifts them slightly and adds quarterly noise. Counts never go backwards,
complete never exceeds created, and created never exceeds the population.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from etl.demo import geo, writers
from etl.demo.population import commune_population

GROUP_OF_DISTRICT = {"474": "pilot", "479": "pilot", "478": "pilot", "477": "pilot",
                     "476": "lowland", "480": "lowland", "482": "lowland",
                     "481": "mountain", "483": "mountain"}
#: Group -> ((plateau %, rate per year, midpoint year) for created, the same for complete).
CURVES = {
    "pilot": ((97.0, 3.081, 2017.843), (86.9, 0.654, 2019.186)),
    "lowland": ((96.0, 2.430, 2019.886), (76.8, 0.938, 2021.024)),
    "mountain": ((95.0, 2.875, 2020.256), (66.8, 1.061, 2021.620)),
}
NOISE_PP = 1.0  # quarterly noise, percentage points (clipped to ±2)
CEILING_PCT = 99.5


def coverage(months: list, rng: np.random.Generator) -> pd.DataFrame:
    """One row per commune and month: commune_code, period, population, records_created, records_complete."""
    table = geo.communes()
    groups = table["district_code"].map(GROUP_OF_DISTRICT).to_numpy()
    t = np.array([m.year + (m.month - 0.5) / 12 for m in months])
    quarter = np.array([(m.year * 4 + (m.month - 1) // 3) for m in months])
    _, q_idx = np.unique(quarter, return_inverse=True)
    by_year = {year: commune_population(year) for year in {m.year for m in months}}
    people = np.array([[by_year[m.year][c] for m in months] for c in table["code"]])
    pct = [_percent(rng, groups, t, q_idx, which) for which in (0, 1)]
    created = np.maximum.accumulate(np.floor(people * pct[0] / 100), axis=1)
    complete = np.minimum(np.maximum.accumulate(np.floor(people * pct[1] / 100), axis=1), created)
    created = np.minimum(created, people)
    return pd.DataFrame({
        "commune_code": np.repeat(table["code"].to_numpy(), len(months)),
        "period": np.tile([f"{m.year}-{m.month:02d}" for m in months], len(table)),
        "population": people.ravel(), "records_created": created.ravel().astype(int),
        "records_complete": complete.ravel().astype(int),
    }).sort_values(["period", "commune_code"], ignore_index=True)


def _percent(rng, groups: np.ndarray, t: np.ndarray, q_idx: np.ndarray, which: int) -> np.ndarray:
    """Commune × month percentage on the group's logistic curve, shifted per commune, plus noise."""
    plateau, rate, mid = (np.array([CURVES[g][which][i] for g in groups]) for i in range(3))
    plateau = np.minimum(plateau + rng.normal(0, 1.0, len(groups)), CEILING_PCT - 2)
    mid = mid + rng.normal(0, 0.15, len(groups))
    curve = plateau[:, None] / (1 + np.exp(-rate[:, None] * (t[None, :] - mid[:, None])))
    noise = np.clip(rng.normal(0, NOISE_PP, (len(groups), q_idx.max() + 1)), -2, 2)[:, q_idx]
    return np.clip(curve + noise, 0, CEILING_PCT)


def write(frame: pd.DataFrame, folder: Path, bar) -> int:
    """One file per calendar year: hssk_YYYY.csv."""
    year = frame["period"].str.slice(0, 4)
    for value in sorted(year.unique()):
        writers.write_csv(frame[year == value], folder / f"hssk_{value}.csv")
        bar.update(1)
    return len(frame)
