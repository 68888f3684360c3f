"""Population per commune: ESTIMATES, for per-capita rates and the demo data, never shown as fact.

Basis: district figures of the 2019 layout from the facts file (hue-facts §1–§7.1): sourced where a
yearbook gives them (Phong Điền 91.868 and Quảng Điền 78.798, NGTK 2022; Nam Đông 24.906, NGTK 2019;
Phú Lộc 140.270, 2019, secondary), otherwise estimated (Huế city of 27 wards ≈ 360.000 from 354.124 in
2015; Hương Thủy ≈ 110.000 and Hương Trà ≈ 120.000 before their 2021 transfers; Phú Vang ≈ 182.000,
NGTK 2015; A Lưới ≈ 50.000 extrapolated from 47.233 in 2014). They sum to ≈ 1,16 million, close to the
1.153.795 average of 2021. Each district is split over its communes by weight: wards ×3, towns ×2,
communes ×1, times the square root of the area. Growth ≈ 0,9 % a year from 2021.
"""
from __future__ import annotations

import math

BASIS = "estimate"
BASE_YEAR = 2021
GROWTH = 0.009

#: GSO district code -> population in BASE_YEAR (2019 layout).
DISTRICT_POPULATION: dict[str, int] = {
    "474": 360_000,  # Huế (27 wards)
    "476": 92_000,   # Phong Điền
    "477": 79_000,   # Quảng Điền
    "478": 182_000,  # Phú Vang
    "479": 110_000,  # Hương Thủy
    "480": 120_000,  # Hương Trà
    "481": 50_000,   # A Lưới
    "482": 140_000,  # Phú Lộc
    "483": 25_000,   # Nam Đông
}

UNIT_WEIGHT = {"Phường": 3.0, "Thị trấn": 2.0, "Xã": 1.0}


def commune_population(year: int, communes: list[dict]) -> dict[str, int]:
    """GSO commune code -> estimated population in ``year``; ``communes`` are GeoJSON features."""
    growth = (1 + GROWTH) ** (year - BASE_YEAR)
    weights: dict[str, float] = {}
    for feature in communes:
        props = feature["properties"]
        weights[props["code"]] = UNIT_WEIGHT.get(props["unit_type_vi"], 1.0) * math.sqrt(props["area_km2"])
    totals: dict[str, float] = {}
    for feature in communes:
        district = feature["properties"]["district_code"]
        totals[district] = totals.get(district, 0.0) + weights[feature["properties"]["code"]]
    result = {}
    for feature in communes:
        props = feature["properties"]
        share = weights[props["code"]] / totals[props["district_code"]]
        result[props["code"]] = round(DISTRICT_POPULATION[props["district_code"]] * share * growth)
    return result
