"""The overview's view: the URL state checked against the data, the picker options, and the query string
a change of period, area or grain writes (so a copied link reopens the same view).

Pure functions of frames and dicts; callbacks/overview.py feeds them.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
from dash import no_update

from callbacks.format_overview import period_label
from i18n import search, t
from queries import kpi_periods
from queries.kpi_periods import DEFAULT_GRAIN, GRAINS, Period

PROVINCE = "province"  # the area dropdown's value for the whole province (pages/overview.py)


def _day(value: object) -> date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def data_range(dates: pd.DataFrame) -> tuple[date | None, date | None]:
    """(first, last) day with data from ``kpi.data_dates()``; (None, None) without data."""
    if dates.empty:
        return None, None
    return _day(dates["first"].iloc[0]), _day(dates["last"].iloc[0])


def resolve(state: dict, dates: pd.DataFrame, areas: pd.DataFrame) -> dict:
    """The view to show: the URL's period when it is complete and within the data, else the latest
    complete one; the URL's district when it exists, else the province."""
    first, last = data_range(dates)
    grain = state.get("grain") if state.get("grain") in GRAINS else DEFAULT_GRAIN
    period = None
    if first and last and kpi_periods.latest_complete(grain, last).end > first:
        latest = kpi_periods.latest_complete(grain, last)
        asked = kpi_periods.parse(grain, state.get("period"))
        period = asked if asked and kpi_periods.containing(grain, first) <= asked <= latest else latest
    districts = set(areas.loc[areas["level"] == "district", "code"]) if not areas.empty else set()
    province = areas.loc[areas["level"] == "province", "code"] if not areas.empty else pd.Series(dtype=str)
    return {
        "lang": state.get("lang") or "vi",
        "grain": grain,
        "period": period.key if period else None,
        "district": state.get("district") if state.get("district") in districts else None,
        "province": str(province.iloc[0]) if not province.empty else None,
        "first": first.isoformat() if first else None,
        "last": last.isoformat() if last else None,
    }


def period_of(view: dict | None) -> Period | None:
    """The chosen period of a resolved view."""
    return kpi_periods.parse((view or {}).get("grain"), (view or {}).get("period"))


def period_options(view: dict) -> list[dict]:
    """Complete periods of the view's grain, newest first, labelled in the view's language."""
    if not view.get("first") or not view.get("last"):
        return []
    periods = kpi_periods.complete_periods(
        view["grain"], date.fromisoformat(view["first"]), date.fromisoformat(view["last"])
    )
    return [{"label": period_label(p, view["lang"]), "value": p.key} for p in periods]


def area_options(areas: pd.DataFrame, lang: str) -> list[dict]:
    """The whole province, then each district by name."""
    options = [{"label": t("overview.province", lang), "value": PROVINCE}]
    if not areas.empty:
        districts = areas[areas["level"] == "district"].sort_values("name_vi")
        options += [{"label": n, "value": c} for c, n in zip(districts["code"], districts["name_vi"])]
    return options


def district_names(areas: pd.DataFrame) -> dict[str, str]:
    """District code -> name."""
    if areas.empty:
        return {}
    districts = areas[areas["level"] == "district"]
    return dict(zip(districts["code"], districts["name_vi"]))


def view_search(view: dict, grain: str, period: str | None, district: str | None) -> str:
    """The query string of a view; month is the default grain and is left out."""
    return search(
        view["lang"], grain=None if grain == DEFAULT_GRAIN else grain, period=period, district=district
    )


def converted_period(view: dict, grain: str) -> str | None:
    """The period of ``grain`` holding the last day of the current one, but never past the latest
    complete period of that grain."""
    current = period_of(view)
    if current is None or not view.get("last"):
        return None
    latest = kpi_periods.latest_complete(grain, date.fromisoformat(view["last"]))
    return min(kpi_periods.containing(grain, current.last_day), latest).key


def filters_search(grain: str, period: str | None, area: str | None, view: dict | None, grain_changed: bool):
    """The query string after the reader changed the grain, period or area; no_update when nothing did."""
    if not view:
        return no_update
    district = None if area in (None, PROVINCE, view.get("province")) else area
    if grain_changed and grain != view["grain"]:
        period = converted_period(view, grain)
    if (grain, period, district) == (view["grain"], view["period"], view["district"]):
        return no_update
    return view_search(view, grain, period, district)


def district_search(code: str | None, view: dict | None):
    """The query string after a click on a league-table row: that district, same period."""
    if not view or not code or code == view.get("district"):
        return no_update
    return view_search(view, view["grain"], view["period"], code)
