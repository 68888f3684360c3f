"""Callbacks of the Giao thông (Traffic) page: the page state, the filters, the KPI cards and the charts.
The map and the sensor profile are in callbacks/traffic_map.py.

The URL holds the filters. The page puts them, as written, in a params store; ``resolve_state`` checks
them and fills the defaults (the 12 months up to the latest count) into the state store the sections
below read. The first screen's callbacks (filters, cards, volume) read the params store and check it
themselves: waiting for the state store would cost them a round trip before the reader sees anything.
Changing a filter, or clicking a corridor in the ranking, writes a new URL, which re-renders the page
with the new state.
"""

from __future__ import annotations

from datetime import date, timedelta

from dash import Input, Output, State, callback, ctx, no_update

import ids
from callbacks import cards_traffic, figures_traffic, figures_traffic_bars, lazy
from callbacks.remembered import remembered
from i18n import fmt_date, is_missing, search, t
from queries import traffic, traffic_calendar, traffic_crashes, traffic_kpis
from queries.db import or_empty
from queries.traffic import TrafficFilter
from queries.warm import warmer

STATE = Input(ids.TRAFFIC_STATE, "data")
#: The URL's filters as written; checking them again returns a checked state unchanged (``resolve``),
#: so the callbacks reading these take either.
PARAMS = Input(ids.TRAFFIC_PARAMS, "data")
URL_ORDER = ("start", "end", "corridor", "district", "vehicle")


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def resolve(params: dict, last_day: date | None) -> dict:
    """The page state from the URL: the period completed (12 months up to the latest count when none is
    given; start and end swapped when reversed), an unknown vehicle type read as all vehicles."""
    end = _day(params.get("end")) or last_day or date.today()
    start = _day(params.get("start")) or end - timedelta(days=364)
    start, end = min(start, end), max(start, end)
    vehicle = params.get("vehicle") if params.get("vehicle") in traffic.VEHICLES else "all"
    return {
        "lang": params.get("lang") or "vi",
        "start": start.isoformat(),
        "end": end.isoformat(),
        "corridor": list(params.get("corridor") or []),
        "district": params.get("district"),
        "vehicle": vehicle,
    }


def filter_of(state: dict) -> TrafficFilter:
    """The query filter a page state stands for."""
    return TrafficFilter(
        start=date.fromisoformat(state["start"]),
        end=date.fromisoformat(state["end"]),
        corridors=tuple(state.get("corridor") or ()),
        district=state.get("district"),
        vehicle=state.get("vehicle") or "all",
    )


def url_for(state: dict, **changes: object) -> str:
    """The query string of this state with some values changed (None clears one; all vehicles is left out)."""
    values = {name: state.get(name) for name in URL_ORDER}
    values.update(changes)
    values["vehicle"] = None if values.get("vehicle") == "all" else values.get("vehicle")
    return search(state["lang"], **{name: values.get(name) for name in URL_ORDER})


def default_params(lang: str) -> dict:
    """The params store of the page opened without filters (pages/traffic.py writes the same)."""
    return {"lang": lang, **{name: None for name in URL_ORDER}, "corridor": []}


@callback(Output(ids.TRAFFIC_STATE, "data"), Input(ids.TRAFFIC_PARAMS, "data"))
def resolve_state(params: dict):
    span = or_empty(traffic.data_range)
    last = None if span.empty or is_missing(span.at[0, "last_day"]) else span.at[0, "last_day"]
    return resolve(params, last.date() if hasattr(last, "date") else last)


@callback(
    Output(ids.TRAFFIC_PERIOD, "start_date"),
    Output(ids.TRAFFIC_PERIOD, "end_date"),
    Output(ids.TRAFFIC_CORRIDOR, "options"),
    Output(ids.TRAFFIC_DISTRICT, "options"),
    Output(ids.TRAFFIC_COMPARE, "children"),
    PARAMS,
)
def fill_filters(params: dict):
    """The period, the corridors and districts on offer, and which period the changes compare with."""
    state = resolve_state(params)
    lang = state["lang"]
    corridors = or_empty(traffic.corridors)
    districts = or_empty(traffic.districts)
    name = "name_ascii" if lang == "en" else "name_vi"
    before = filter_of(state).last_year()
    compare = t("traffic.compare", lang, start=fmt_date(before.start, lang), end=fmt_date(before.end, lang))
    return (
        state["start"],
        state["end"],
        [{"label": c, "value": c} for c in corridors.get("corridor", [])],
        [{"label": r[name], "value": r["code"]} for r in districts.to_dict("records")],
        compare,
    )


@callback(
    Output(ids.APP_URL, "search", allow_duplicate=True),
    Input(ids.TRAFFIC_PERIOD, "start_date"),
    Input(ids.TRAFFIC_PERIOD, "end_date"),
    Input(ids.TRAFFIC_CORRIDOR, "value"),
    Input(ids.TRAFFIC_DISTRICT, "value"),
    Input(ids.TRAFFIC_VEHICLE, "value"),
    State(ids.TRAFFIC_STATE, "data"),
    prevent_initial_call=True,
)
def remember_filters(start, end, corridor, district, vehicle, state):
    """Put the chosen filters in the URL (a copied link reopens this view)."""
    if not state:
        return no_update
    chosen = {
        "start": str(start)[:10] if start else None,
        "end": str(end)[:10] if end else None,
        "corridor": list(corridor or []),
        "district": district,
        "vehicle": vehicle or "all",
    }
    if not chosen["start"] or not chosen["end"]:
        return no_update
    if all(chosen[name] == state.get(name) for name in chosen):
        return no_update
    return url_for(state, **chosen)


@callback(
    Output(ids.APP_URL, "search", allow_duplicate=True),
    Input(ids.TRAFFIC_RANK_CONGESTION, "clickData"),
    Input(ids.TRAFFIC_RANK_PEAK, "clickData"),
    State(ids.TRAFFIC_STATE, "data"),
    prevent_initial_call=True,
)
def pick_corridor(congestion_click, peak_click, state):
    """A click on a corridor in the ranking filters the page by it; clicking the only chosen one clears it."""
    payload = congestion_click if ctx.triggered_id == ids.TRAFFIC_RANK_CONGESTION else peak_click
    return corridor_search(payload, state)


def corridor_search(payload: dict | None, state: dict | None):
    points = (payload or {}).get("points") or [{}]
    corridor = points[0].get("customdata")
    if not state or not isinstance(corridor, str):
        return no_update
    chosen = [] if state.get("corridor") == [corridor] else [corridor]
    return url_for(state, corridor=chosen)


#: What each lazy section's callbacks read: the page state, once the section has neared the screen.
PATTERNS = lazy.section_state(ids.TRAFFIC_PATTERNS_PART, ids.TRAFFIC_STATE)
CRASHES = lazy.section_state(ids.TRAFFIC_CRASHES_PART, ids.TRAFFIC_STATE)


@callback(Output(ids.TRAFFIC_KPIS, "children"), PARAMS)
@remembered
def show_kpis(params: dict):
    state = resolve_state(params)
    lang, vehicle = state["lang"], state.get("vehicle") or "all"
    frame = or_empty(traffic_kpis.kpis, filter_of(state))
    kind = t("traffic.kpi.all_vehicles" if vehicle == "all" else f"traffic.vehicle.{vehicle}", lang)
    return cards_traffic.kpi_cards(frame, kind, vehicle == "all", lang)


@callback(Output(ids.TRAFFIC_VOLUME, "figure"), PARAMS, Input(ids.TRAFFIC_GRAIN, "value"))
@remembered
def show_volume(params: dict, grain: str | None):
    state = resolve_state(params)
    f = filter_of(state)
    series = or_empty(traffic.volume_series, f, grain if grain in traffic.GRAINS else "week")
    holidays = traffic_calendar.within(or_empty(traffic_calendar.holiday_periods), f.start, f.end)
    peaks = traffic_calendar.tourism_peaks(f.start, f.end)
    every = list(or_empty(traffic.corridors).get("corridor", []))
    return figures_traffic.volume_chart(series, holidays, peaks, every, state["lang"])


@callback(
    Output(ids.TRAFFIC_HEATMAP, "figure"),
    Output(ids.TRAFFIC_HEATMAP_NOTE, "children"),
    PATTERNS,
    Input(ids.TRAFFIC_MEASURE, "value"),
    prevent_initial_call=True,
)
@remembered
def show_heatmap(state: dict | None, measure: str | None):
    if not state:  # the measure changed before the section was seen
        return no_update, no_update
    f, lang = filter_of(state), state["lang"]
    measure = "congestion" if measure == "congestion" else "volume"
    note = t(
        "traffic.heatmap_note", lang, first=fmt_date(f.first_month, lang), last=fmt_date(f.months_end, lang)
    )
    return figures_traffic.heatmap(or_empty(traffic.hour_of_week, f), measure, lang), note


@callback(
    Output(ids.TRAFFIC_RANK_CONGESTION, "figure"), Output(ids.TRAFFIC_RANK_PEAK, "figure"), PATTERNS,
    prevent_initial_call=True,
)
@remembered
def show_ranking(state: dict):
    frame = or_empty(traffic.corridor_ranking, filter_of(state))
    chosen, lang = list(state.get("corridor") or []), state["lang"]
    return figures_traffic_bars.rank_congestion(frame, chosen, lang), figures_traffic_bars.rank_peak(
        frame, chosen, lang
    )


@callback(Output(ids.TRAFFIC_CRASH_TREND, "figure"), CRASHES, prevent_initial_call=True)
@remembered
def show_crash_trend(state: dict):
    return figures_traffic_bars.crash_trend(
        or_empty(traffic_crashes.crashes_by_month, filter_of(state)), state["lang"]
    )


@callback(Output(ids.TRAFFIC_ROAD_TYPE, "figure"), CRASHES, prevent_initial_call=True)
@remembered
def show_road_types(state: dict):
    return figures_traffic_bars.road_types(
        or_empty(traffic_crashes.crashes_by_road_type, filter_of(state)), state["lang"]
    )


@warmer
def _warm_the_first_view() -> None:
    """After a load, build the first screen of the page opened without filters, in both languages."""
    for lang in ("vi", "en"):
        show_kpis(default_params(lang)), show_volume(default_params(lang), "week")
