"""Citizen feedback on the map: reports per commune (zoomed out) and per ~100 m cell (zoomed in).

Privacy (Nghị định 13/2023/NĐ-CP): exact report locations never leave the warehouse. Zoomed in, points
are snapped to a 0.001° grid (about 110 m north-south, 107 m east-west at Huế's latitude) and cells with
fewer than ``MIN_CELL_REPORTS`` reports are left out, so a single household's report cannot be picked
out. At most ``MAX_CELLS`` cells are returned per request.
"""

from __future__ import annotations

import pandas as pd

from queries.db import fetch
from queries.feedback import Filters, where

#: Decimal places kept of latitude and longitude: 3 -> a 0.001° (~100 m) grid.
GRID_DECIMALS = 3
#: Cells with fewer reports than this are not drawn (small-cell suppression).
MIN_CELL_REPORTS = 5
#: Most cells one response carries (the busiest first).
MAX_CELLS = 1500


def boundaries() -> pd.DataFrame:
    """Districts and communes: code, level, parent, name, centre point, geometry quality, GeoJSON text."""
    return fetch(
        "SELECT code, level, parent_code, name_vi AS name, name_ascii, lat, lon, geometry_quality, "
        "geometry FROM areas WHERE level IN ('district', 'commune') AND geometry IS NOT NULL ORDER BY code"
    )


def reports_per_commune(filters: Filters) -> pd.DataFrame:
    """Reports per commune (communes without any left out), with reports per 10,000 residents."""
    clause, params = where(filters)
    return fetch(
        "WITH counts AS (SELECT commune_code AS code, count(*) AS reports FROM feedback "
        f"WHERE {clause} AND commune_code IS NOT NULL GROUP BY 1) "
        "SELECT c.code, a.name_vi AS name, a.name_ascii, c.reports, a.population, a.population_basis, "
        "CASE WHEN a.population > 0 THEN 10000.0 * c.reports / a.population END AS per_10k "
        "FROM counts c JOIN areas a ON a.code = c.code ORDER BY c.reports DESC, c.code",
        params,
    )


def _cells(filters: Filters, bounds: tuple[float, float, float, float]) -> tuple[str, list]:
    """CTE ``cells``: reports per grid cell inside (south, west, north, east)."""
    south, west, north, east = bounds
    clause, params = where(filters)
    sql = (
        f"WITH cells AS (SELECT round(lat, {GRID_DECIMALS}) AS lat, round(lon, {GRID_DECIMALS}) AS lon, "
        f"count(*) AS reports FROM feedback WHERE {clause} AND lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? "
        "GROUP BY 1, 2)"
    )
    return sql, [*params, south, north, west, east]


def cells_in_view(filters: Filters, bounds: tuple[float, float, float, float]) -> pd.DataFrame:
    """Reports per ~100 m cell inside (south, west, north, east), busiest first, at most ``MAX_CELLS``;
    cells under ``MIN_CELL_REPORTS`` are left out."""
    sql, params = _cells(filters, bounds)
    return fetch(
        f"{sql} SELECT lat, lon, reports FROM cells WHERE reports >= ? "
        "ORDER BY reports DESC, lat, lon LIMIT ?",
        [*params, MIN_CELL_REPORTS, MAX_CELLS],
    )


def cells_in_view_count(filters: Filters, bounds: tuple[float, float, float, float]) -> pd.DataFrame:
    """One row: cells inside the view, how many are big enough to show, and their reports."""
    sql, params = _cells(filters, bounds)
    return fetch(
        f"{sql} SELECT count(*) AS cells, count(*) FILTER (reports >= ?) AS cells_shown, "
        "coalesce(sum(reports), 0)::BIGINT AS reports, "
        "coalesce(sum(reports) FILTER (reports >= ?), 0)::BIGINT AS reports_shown FROM cells",
        [*params, MIN_CELL_REPORTS, MIN_CELL_REPORTS],
    )
