"""Estimated population per district and commune (2019 layout), as the demo generator uses it.

These are **estimates**, not statistics. The district table and the split are those of
``etl.population`` (one source of truth with the warehouse's ``areas`` table), whose docstring gives
the basis in full:
- district totals of the 2019 layout (Huế 360,000, Hương Thủy 110,000, Hương Trà 120,000,
  Phú Vang 182,000, Phú Lộc 140,000, Phong Điền 92,000, Quảng Điền 79,000, A Lưới 50,000,
  Nam Đông 25,000), rounded from yearbook and secondary figures or extrapolated; ≈ 1.16 million;
- growth of about 0.9 % a year;
- each district split over its communes by weight: Phường ×3, Thị trấn ×2, Xã ×1, times the square
  root of the commune's area (from the approximate outlines, so the split is rough).
"""
from __future__ import annotations

from functools import lru_cache

from etl import population as estimates
from etl.demo import geo

BASIS = estimates.BASIS
DISTRICT_POPULATION: dict[str, int] = estimates.DISTRICT_POPULATION


def commune_population(year: int) -> dict[str, int]:
    """Estimated population of each commune of the shipped outlines in ``year`` (code -> people)."""
    return dict(_commune_population(year))


@lru_cache(maxsize=16)
def _commune_population(year: int) -> tuple[tuple[str, int], ...]:
    features = [{"properties": row} for row in geo.communes().drop(columns="geometry").to_dict("records")]
    return tuple(sorted(estimates.commune_population(year, features).items()))
