"""Which series the forecasts page shows: the URL's choice checked against the stored series, and the
options of the three pickers (indicator, area, series key). Pure: a ``queries.forecasts.series_list``
frame in, plain values out.
"""

from __future__ import annotations

import pandas as pd

from i18n import t
from queries.forecasts import INDICATORS

#: Dropdown value standing for the empty series key (a dropdown treats '' as "nothing chosen").
TOTAL = "__total__"
#: Indicators whose series key names something a user picks (a category, a corridor).
KEYED = ("feedback_received", "traffic_vehicles")


def to_value(series_key: str) -> str:
    return series_key or TOTAL


def from_value(value: str | None) -> str | None:
    return "" if value == TOTAL else value


def resolve(series: pd.DataFrame, indicator: str | None, area: str | None, key: str | None) -> dict | None:
    """The series to show: the asked one where it exists, else the first of each level; None without any."""
    if series.empty:
        return None
    present = list(dict.fromkeys(series["indicator_id"]))
    ordered = [i for i in INDICATORS if i in present] + [i for i in present if i not in INDICATORS]
    indicator = indicator if indicator in ordered else ordered[0]
    rows = series[series["indicator_id"] == indicator]
    areas = list(dict.fromkeys(rows["area_code"]))
    area = area if area in areas else areas[0]
    keys = list(rows.loc[rows["area_code"] == area, "series_key"])
    key = key if key in keys else keys[0]
    return {"indicator": indicator, "area": area, "key": key}


def indicator_options(series: pd.DataFrame, lang: str) -> list[dict]:
    present = set(series["indicator_id"])
    ordered = [i for i in INDICATORS if i in present] + sorted(present - set(INDICATORS))
    return [{"label": t(f"indicator.{i}", lang), "value": i} for i in ordered]


def area_options(series: pd.DataFrame, indicator: str, lang: str) -> list[dict]:
    rows = series[series["indicator_id"] == indicator].drop_duplicates("area_code")
    name = "name_vi" if lang == "vi" else "name_ascii"
    return [{"label": r[name] if isinstance(r[name], str) else r["area_code"], "value": r["area_code"]}
            for r in rows.to_dict("records")]


def key_options(series: pd.DataFrame, indicator: str, area: str, lang: str) -> list[dict]:
    rows = series[(series["indicator_id"] == indicator) & (series["area_code"] == area)]
    return [{"label": key_label(k, indicator, lang), "value": to_value(k)} for k in rows["series_key"]]


def key_label(series_key: str, indicator: str, lang: str) -> str:
    if series_key:
        return series_key
    return t("forecasts.key.total", lang) if indicator in KEYED else "–"


def key_title(indicator: str, lang: str) -> str:
    """What the third picker chooses for this indicator."""
    return t(f"forecasts.key.{indicator}", lang) if indicator in KEYED else t("forecasts.key", lang)


def search_params(indicator: str | None, area: str | None, key: str | None, chosen: dict) -> dict:
    """The URL filters after a picker changed: a new indicator keeps the area and drops the key."""
    if indicator != chosen.get("indicator"):
        key = None
    return {"indicator": indicator, "area": area, "key": key or None}
