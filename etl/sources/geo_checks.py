"""Location parsing and rules shared by every source with coordinates and a commune code.

A source's ``before`` hook calls ``locate_missing`` so that rows without a commune code get one from
their point; ``location_rules`` explain bad coordinates (with a hint when lat and long look swapped).
"""
from __future__ import annotations

import duckdb

from etl import areas
from etl.checks import Rule, check, required, typed


def locate_missing(lat: str, lon: str, commune: str = "commune_code"):
    """Hook: locate the points of rows whose commune column is blank (column names are constants)."""
    def hook(con: duckdb.DuckDBPyConnection) -> None:
        areas.locate_points(con, f"SELECT parse_num({lat}) AS lat, parse_num({lon}) AS lon "
                                 f"FROM stg WHERE blank({commune})")
    return hook


def location_sql(lat: str, lon: str, commune: str = "commune_code") -> tuple[str, str]:
    """SELECT items and JOIN clause giving lat, lon, commune_code, district_code, commune_from_point."""
    items = f"""
        parse_num(s.{lat}) AS lat, parse_num(s.{lon}) AS lon,
        coalesce(given.code, loc.commune_code) AS commune_code,
        coalesce(given.parent_code, loc.district_code) AS district_code,
        given.code IS NULL AND loc.commune_code IS NOT NULL AS commune_from_point,
        NOT blank(s.{commune}) AND given.code IS NULL AS _unknown_commune,
        blank(s.{commune}) AND loc.commune_code IS NULL AS _no_commune_for_point"""
    joins = f"""
        LEFT JOIN areas given ON given.level = 'commune' AND given.code = trim(s.{commune})
        LEFT JOIN located loc ON blank(s.{commune}) AND loc.lat = parse_num(s.{lat})
                              AND loc.lon = parse_num(s.{lon})"""
    return items, joins


def location_rules(lat: str, lon: str, commune: str = "commune_code", point_required: bool = False):
    rules = [
        typed("bad_number", lat, "lat", "expected a decimal latitude such as 16.4637"),
        typed("bad_number", lon, "lon", "expected a decimal longitude such as 107.5909"),
        check("latlon_swapped", lat, "in_lon(lat) AND in_lat(lon)",
              "latitude and longitude look swapped (latitude is about 16, longitude about 107)"),
        check("outside_province", lat, "lat IS NOT NULL AND lon IS NOT NULL AND NOT (in_lat(lat) AND in_lon(lon))",
              "this point is outside Thừa Thiên Huế (expected latitude 15.95–16.80, longitude 107.00–108.25)"),
        check("unknown_commune", commune, "_unknown_commune",
              "not a commune code of Thừa Thiên Huế (expected a 5-digit GSO code such as 19744)"),
        Rule("outside_province", lat, "_no_commune_for_point AND lat IS NOT NULL AND lon IS NOT NULL",
             f"format('row {{}}, columns {lat}/{lon}: point {{}}, {{}} lies in no commune of the province — "
             f"check the coordinates or give {commune}', _row, _in.{lat}, _in.{lon})"),
    ]
    if point_required:
        rules[:0] = [required(lat), required(lon)]
    return rules
