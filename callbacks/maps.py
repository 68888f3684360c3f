"""Map pieces every page's map shares: the province's extent, GeoJSON collections, fitting a view."""

from __future__ import annotations

import pandas as pd

#: The province's extent (south-west, north-east), shown when nothing matches the filters.
PROVINCE_BOUNDS = [[15.98, 107.0], [16.75, 108.2]]


def feature_collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


def viewport(frame: pd.DataFrame, pad: float) -> dict:
    """Fit the map to the points of ``frame`` (lat, lon) with ``pad`` degrees around them, or to the
    province when there are none."""
    if frame.empty:
        return {"bounds": PROVINCE_BOUNDS, "transition": "fitBounds"}
    south, north = float(frame["lat"].min()) - pad, float(frame["lat"].max()) + pad
    west, east = float(frame["lon"].min()) - pad, float(frame["lon"].max()) + pad
    return {"bounds": [[south, west], [north, east]], "transition": "fitBounds"}
