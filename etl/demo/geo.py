"""The shipped boundaries as the generators need them: the commune table, random points inside a
commune, and point -> commune lookup."""
from __future__ import annotations

import json
from functools import lru_cache

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape

import config

COMMUNES_FILE = "hue_communes_approx.geojson"
DISTRICTS_FILE = "hue_districts.geojson"
#: Coordinates are written with this many decimals (~0.1 m); points are tested after rounding.
DECIMALS = 6


@lru_cache(maxsize=1)
def communes() -> pd.DataFrame:
    """One row per commune (sorted by code) with its properties and a ``geometry`` column."""
    return _read(COMMUNES_FILE)


@lru_cache(maxsize=1)
def districts() -> pd.DataFrame:
    """One row per district (sorted by code) with its properties and a ``geometry`` column."""
    return _read(DISTRICTS_FILE)


def _read(name: str) -> pd.DataFrame:
    with open(config.GEO_DIR / name, encoding="utf-8") as fh:
        features = json.load(fh)["features"]
    table = pd.DataFrame([f["properties"] for f in features])
    table["geometry"] = [shape(f["geometry"]) for f in features]
    shapely.prepare(table["geometry"].to_numpy())
    return table.sort_values("code", ignore_index=True)


def sample_in_communes(rng: np.random.Generator, commune_idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One random point inside the polygon of each given commune (row index into ``communes()``)."""
    lon = np.empty(len(commune_idx))
    lat = np.empty(len(commune_idx))
    geoms = communes()["geometry"].to_numpy()
    for idx in np.unique(commune_idx):
        rows = np.flatnonzero(commune_idx == idx)
        lon[rows], lat[rows] = sample_in(rng, geoms[idx], len(rows))
    return lon, lat


def sample_in(rng: np.random.Generator, geom: shapely.Geometry, n: int) -> tuple[np.ndarray, np.ndarray]:
    """n uniform points inside ``geom`` by rejection from its bounding box, rounded to DECIMALS."""
    x0, y0, x1, y1 = geom.bounds
    fill = max(geom.area / ((x1 - x0) * (y1 - y0)), 0.05)
    xs, ys, have = [], [], 0
    while have < n:
        batch = int((n - have) / fill * 1.3) + 8
        x = np.round(rng.uniform(x0, x1, batch), DECIMALS)
        y = np.round(rng.uniform(y0, y1, batch), DECIMALS)
        keep = shapely.contains_xy(geom, x, y)
        xs.append(x[keep])
        ys.append(y[keep])
        have += int(keep.sum())
    return np.concatenate(xs)[:n], np.concatenate(ys)[:n]


def locate(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Commune code containing each point, or '' when no commune polygon contains it."""
    table = communes()
    tree = shapely.STRtree(table["geometry"].to_numpy())
    points = shapely.points(np.asarray(lon, float), np.asarray(lat, float))
    point_idx, geom_idx = tree.query(points, predicate="within")
    codes = np.full(len(points), "", dtype=object)
    codes[point_idx[::-1]] = table["code"].to_numpy()[geom_idx[::-1]]  # first match wins
    return codes


def district_phrase(district_code: str) -> str:
    """'Thành phố Huế' -> 'thành phố Huế' (the form used inside an agency name)."""
    row = districts().set_index("code").loc[district_code]
    unit = row["unit_type_vi"]
    return unit.lower() + row["name_full_vi"][len(unit):]
