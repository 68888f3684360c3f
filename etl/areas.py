"""Areas: the province, its districts and communes (GSO codes, 2019 layout) and point-in-commune lookup.

Boundaries come from ``config.GEO_DIR`` (see data/geo/SOURCES.md). Populations are estimates built from
the district figures in the facts file (``etl.population``); ``areas.population_basis`` says so, and the
UI never shows them as official statistics. An operator replaces the GeoJSON files with official
boundaries carrying the same properties and the next load uses them.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import duckdb
import geopandas as gpd
import pandas as pd
from shapely.geometry import shape

import config
from etl import population
from etl.vocab import PROVINCE_CODE

DISTRICTS_FILE = "hue_districts.geojson"
COMMUNES_FILE = "hue_communes_approx.geojson"


def geo_files(geo_dir: Path | None = None) -> list[Path]:
    geo_dir = geo_dir or config.GEO_DIR
    return [geo_dir / DISTRICTS_FILE, geo_dir / COMMUNES_FILE]


def _features(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["features"]


def area_rows(geo_dir: Path | None = None) -> pd.DataFrame:
    """One row per area, shaped like the ``areas`` table."""
    districts_path, communes_path = geo_files(geo_dir)
    communes = _features(communes_path)
    commune_pop = population.commune_population(2021, communes)
    rows = [_row(f, "commune", f["properties"]["district_code"], commune_pop) for f in communes]
    district_pop = {}
    for row in rows:
        district_pop[row["parent_code"]] = district_pop.get(row["parent_code"], 0) + row["population"]
    rows += [_row(f, "district", PROVINCE_CODE, district_pop) for f in _features(districts_path)]
    frame = pd.DataFrame(rows)
    province = _province_row(frame)
    return pd.concat([pd.DataFrame([province]), frame], ignore_index=True)


def _row(feature: dict, level: str, parent: str, pops: dict[str, int]) -> dict:
    props, geom = feature["properties"], feature["geometry"]
    point = shape(geom).representative_point()
    return {
        "code": props["code"], "level": level, "parent_code": parent,
        "name_vi": props["name_vi"], "name_full_vi": props["name_full_vi"],
        "name_ascii": props["name_ascii"], "unit_type_vi": props.get("unit_type_vi"),
        "population": pops.get(props["code"]), "population_basis": population.BASIS,
        "area_km2": props.get("area_km2"),
        "lon": props.get("lon", round(point.x, 5)), "lat": props.get("lat", round(point.y, 5)),
        "geometry_quality": props.get("geometry_quality", "official"),
        "geometry": json.dumps(geom, separators=(",", ":")),
    }


def _province_row(frame: pd.DataFrame) -> dict:
    districts = frame[frame.level == "district"]
    return {
        "code": PROVINCE_CODE, "level": "province", "parent_code": None,
        "name_vi": "Thừa Thiên Huế", "name_full_vi": "Tỉnh Thừa Thiên Huế",
        "name_ascii": "Thua Thien Hue", "unit_type_vi": "Tỉnh",
        "population": int(districts.population.sum()), "population_basis": population.BASIS,
        "area_km2": float(districts.area_km2.sum()), "lon": 107.585, "lat": 16.46,
        "geometry_quality": "official", "geometry": None,
    }


def load_areas(con: duckdb.DuckDBPyConnection, geo_dir: Path | None = None) -> int:
    """Replace the ``areas`` table; returns the number of areas."""
    frame = area_rows(geo_dir)
    con.execute("DELETE FROM areas")
    con.register("area_frame", frame)
    con.execute("INSERT INTO areas BY NAME SELECT * FROM area_frame")
    con.unregister("area_frame")
    return len(frame)


@lru_cache(maxsize=4)
def _commune_polygons(communes_path: str, mtime: float) -> gpd.GeoDataFrame:
    features = _features(Path(communes_path))
    return gpd.GeoDataFrame(
        {"commune_code": [f["properties"]["code"] for f in features],
         "district_code": [f["properties"]["district_code"] for f in features]},
        geometry=[shape(f["geometry"]) for f in features], crs="EPSG:4326",
    )


def commune_polygons(geo_dir: Path | None = None) -> gpd.GeoDataFrame:
    path = geo_files(geo_dir)[1]
    return _commune_polygons(str(path), path.stat().st_mtime)


def locate_points(con: duckdb.DuckDBPyConnection, points_sql: str, geo_dir: Path | None = None) -> None:
    """Create temp table ``located(lat, lon, commune_code, district_code)`` for the distinct points of
    ``points_sql`` (a constant query yielding lat, lon). Points in no commune get NULL codes."""
    points = con.execute(f"SELECT DISTINCT lat, lon FROM ({points_sql}) WHERE lat IS NOT NULL "
                         "AND lon IS NOT NULL").df()
    geo = gpd.GeoDataFrame(points, geometry=gpd.points_from_xy(points.lon, points.lat), crs="EPSG:4326")
    joined = gpd.sjoin(geo, commune_polygons(geo_dir), how="left", predicate="within")
    joined = joined[~joined.index.duplicated(keep="first")]
    located = pd.DataFrame({"lat": joined.lat, "lon": joined.lon, "commune_code": joined.commune_code,
                            "district_code": joined.district_code})
    con.register("located_frame", located)
    con.execute("CREATE OR REPLACE TEMP TABLE located AS SELECT lat::DOUBLE AS lat, lon::DOUBLE AS lon, "
                "commune_code::VARCHAR AS commune_code, district_code::VARCHAR AS district_code "
                "FROM located_frame")
    con.unregister("located_frame")
