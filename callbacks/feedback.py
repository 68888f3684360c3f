"""Callbacks of the Phản ánh hiện trường (Citizen feedback) page: the page state and the filters.

The URL holds the filters. The page puts them, as written, in a params store; ``resolve_state`` checks
them and fills the defaults (the last 12 months of data) into the state store the sections below read.
The first screen's callbacks (filters, cards, volume) read the params store and check it themselves:
waiting for the state store would cost them a round trip before the reader sees anything. Changing a
filter, clicking a chart element (cross-filtering) or "clear filters" writes a new URL, which re-renders
the page with the new state.
"""

from __future__ import annotations

from datetime import date, timedelta

from dash import Input, Output, State, callback, ctx, no_update

import ids
from callbacks import cards_feedback as cards
from i18n import is_missing, normalize_lang, search
from queries import feedback
from queries.db import or_empty
from queries.feedback_volume import GRAINS, SPLITS

#: The checked page state: the input of the figure, table and map callbacks below the first screen.
STATE = Input(ids.FEEDBACK_STATE, "data")
#: The URL's filters as written: the first screen's callbacks read these and check them with ``state_of``.
PARAMS = Input(ids.FEEDBACK_PARAMS, "data")
#: Filters "clear filters" drops (the period and the chart settings stay), and the URL's order.
FILTERS = ("district", "commune", "category", "agency", "channel", "status")
URL_ORDER = ("start", "end", *FILTERS, "grain", "by")
DROPDOWN_IDS = {
    "district": ids.FEEDBACK_DISTRICT,
    "commune": ids.FEEDBACK_COMMUNE,
    "category": ids.FEEDBACK_CATEGORY,
    "agency": ids.FEEDBACK_AGENCY,
    "channel": ids.FEEDBACK_CHANNEL,
    "status": ids.FEEDBACK_STATUS,
}


def _day(text: object) -> date | None:
    try:
        return date.fromisoformat(str(text)[:10]) if text else None
    except ValueError:
        return None


def resolve(params: dict, first_day: date | None, last_day: date | None) -> dict:
    """The page state from the URL: valid values kept, unknown ones dropped, the period completed.

    No period means the 12 months up to the latest report; ``as_of`` is the day the backlog is counted
    on (the period's end, or the latest report's day when the period runs past the data).
    """
    end = _day(params.get("end")) or last_day or date.today()
    start = _day(params.get("start")) or end - timedelta(days=364)
    start, end = min(start, end), max(start, end)
    state = {name: params.get(name) for name in FILTERS}
    state["status"] = state["status"] if state["status"] in feedback.STATUS_SQL else None
    state["channel"] = state["channel"] if state["channel"] in feedback.CHANNELS else None
    as_of = min(end, last_day) if last_day else end
    return {
        "lang": normalize_lang(params.get("lang")),
        "start": start.isoformat(),
        "end": end.isoformat(),
        **state,
        "grain": params.get("grain") if params.get("grain") in GRAINS else "month",
        "by": params.get("by") if params.get("by") in SPLITS else "category",
        "as_of": as_of.isoformat(),
        "first_day": first_day.isoformat() if first_day else None,
    }


def filters_of(state: dict) -> feedback.Filters:
    """The query filters a page state stands for."""
    return feedback.Filters(
        start=date.fromisoformat(state["start"]),
        end=date.fromisoformat(state["end"]),
        **{name: state.get(name) for name in FILTERS},
    )


def url_for(state: dict, **changes: object) -> str:
    """The query string of this state with some values changed (None clears one)."""
    values = {name: state.get(name) for name in URL_ORDER}
    values.update(changes)
    return search(state["lang"], **{name: values.get(name) for name in URL_ORDER})


@callback(Output(ids.FEEDBACK_STATE, "data"), Input(ids.FEEDBACK_PARAMS, "data"))
def resolve_state(params: dict):
    """Check the URL's filters against the data's first and last day."""
    span = or_empty(feedback.data_range)
    if span.empty or is_missing(span.at[0, "last_day"]):
        return resolve(params, None, None)
    return resolve(params, _as_date(span.at[0, "first_day"]), _as_date(span.at[0, "last_day"]))


def default_params(lang: str) -> dict:
    """The params store of the page opened without filters (pages/feedback.py writes the same)."""
    return {"lang": lang, **{name: None for name in URL_ORDER}}


def state_of(given: dict) -> dict:
    """The checked state of the params store's filters; a state already checked (it has ``as_of``, which
    the URL cannot set) passes unchanged, so the first screen's callbacks also take a page state."""
    return given if "as_of" in given else resolve_state(given)


def _as_date(value) -> date:
    return value.date() if hasattr(value, "date") else value


@callback(
    Output(ids.FEEDBACK_PERIOD, "start_date"),
    Output(ids.FEEDBACK_PERIOD, "end_date"),
    Output(ids.FEEDBACK_PERIOD, "min_date_allowed"),
    Output(ids.FEEDBACK_PERIOD, "max_date_allowed"),
    *[Output(control, "options") for control in DROPDOWN_IDS.values()],
    Output(ids.FEEDBACK_ACTIVE, "children"),
    Output(ids.FEEDBACK_CLEAR, "disabled"),
    PARAMS,
)
def fill_filters(params: dict):
    """The period, the lists each filter offers, and a line saying what is filtered."""
    state = state_of(params)
    lang = state["lang"]
    lists = cards.filter_options(
        or_empty(feedback.districts),
        or_empty(feedback.communes, state.get("district")),
        or_empty(feedback.categories),
        or_empty(feedback.agencies),
        lang,
    )
    active = cards.active_filters(state, lists, lang)
    return (
        state["start"],
        state["end"],
        state.get("first_day"),
        state["as_of"],
        *[lists[name] for name in DROPDOWN_IDS],
        active,
        not any(state.get(name) for name in FILTERS),
    )


@callback(
    Output(ids.APP_URL, "search", allow_duplicate=True),
    Input(ids.FEEDBACK_PERIOD, "start_date"),
    Input(ids.FEEDBACK_PERIOD, "end_date"),
    *[Input(control, "value") for control in DROPDOWN_IDS.values()],
    Input(ids.FEEDBACK_GRAIN, "value"),
    Input(ids.FEEDBACK_SPLIT, "value"),
    State(ids.FEEDBACK_STATE, "data"),
    prevent_initial_call=True,
)
def remember_filters(start, end, district, commune, category, agency, channel, status, grain, split, state):
    """Put the chosen filters in the URL (a copied link reopens this view)."""
    if not state:
        return no_update
    chosen = {
        "start": start,
        "end": end,
        "district": district,
        "commune": commune,
        "category": category,
        "agency": agency,
        "channel": channel,
        "status": status,
        "grain": grain,
        "by": split,
    }
    return filters_search(chosen, state, _district_of)


def _district_of(commune: str) -> str | None:
    frame = or_empty(feedback.communes)
    match = frame[frame["code"] == commune] if not frame.empty else frame
    return None if match.empty else str(match["district_code"].iloc[0])


def filters_search(chosen: dict, state: dict, district_of=_district_of):
    """The URL for the chosen filters, or no_update when nothing changed. A new district drops a commune
    of another district; a commune chosen alone brings its district."""
    chosen = {
        name: (str(value)[:10] if name in ("start", "end") and value else value)
        for name, value in chosen.items()
    }
    if chosen["district"] != state.get("district") and chosen["commune"] == state.get("commune"):
        chosen["commune"] = None
    elif chosen["commune"] and chosen["commune"] != state.get("commune"):
        chosen["district"] = district_of(chosen["commune"]) or chosen["district"]
    if all(chosen[name] == state.get(name) for name in chosen):
        return no_update
    return url_for(state, **chosen)


@callback(
    Output(ids.APP_URL, "search", allow_duplicate=True),
    Input(ids.FEEDBACK_CLEAR, "n_clicks"),
    State(ids.FEEDBACK_STATE, "data"),
    prevent_initial_call=True,
)
def clear_filters(n_clicks, state):
    """Drop every filter; keep the period and the chart settings."""
    if not n_clicks or not state:
        return no_update
    return url_for(state, **{name: None for name in FILTERS})


#: Clickable component -> (its property, what a click on it filters by), by the lazy section it is drawn
#: in: a callback's components must all be on the page, so each section has its own cross-filter.
CLICKABLE_BY_SECTION = {
    ids.FEEDBACK_SHARES_PART: {
        ids.FEEDBACK_CATEGORY_GRAPH: ("clickData", "category"),
        ids.FEEDBACK_CHANNEL_GRAPH: ("clickData", "channel"),
    },
    ids.FEEDBACK_HANDLING_PART: {ids.FEEDBACK_HANDLING: ("clickData", "category")},
    ids.FEEDBACK_RATINGS_PART: {ids.FEEDBACK_RATING_CATEGORY: ("clickData", "category")},
    ids.FEEDBACK_PER10K_PART: {ids.FEEDBACK_PER10K: ("clickData", "area")},
    ids.FEEDBACK_AGENCIES_PART: {ids.FEEDBACK_AGENCY_GRID: ("cellClicked", "agency")},
    ids.FEEDBACK_MAP_PART: {ids.FEEDBACK_MAP_COMMUNES: ("clickData", "map")},
}
CLICKABLE = {component: what for part in CLICKABLE_BY_SECTION.values() for component, what in part.items()}


def cross_filter(*args):
    """A click on a category, channel, district, commune or agency filters the whole page by it."""
    state = args[-1]
    if not state or ctx.triggered_id is None:
        return no_update
    return cross_filter_search(ctx.triggered_id, ctx.triggered[0]["value"], state)


for _clickable in CLICKABLE_BY_SECTION.values():
    callback(
        Output(ids.APP_URL, "search", allow_duplicate=True),
        *[Input(component, prop) for component, (prop, _) in _clickable.items()],
        State(ids.FEEDBACK_STATE, "data"),
        prevent_initial_call=True,
    )(cross_filter)


def cross_filter_search(source: str, payload: dict | None, state: dict):
    """The URL after a click on ``source`` carrying ``payload``; clicking the chosen value again clears it."""
    changes = clicked_filter(CLICKABLE[source][1], payload) if source in CLICKABLE else {}
    if not changes:
        return no_update
    key = "commune" if changes.get("commune") else next(iter(changes))
    if state.get(key) == changes[key]:
        changes = {key: None, **({"commune": None} if key == "district" else {})}
    return url_for(state, **changes)


def clicked_filter(kind: str, payload: dict | None) -> dict:
    """Filters a click sets: ``{"category": "GT"}``, ``{"district": "474", "commune": "19750"}``, or {}.

    Charts carry codes in ``customdata`` (areas as [code, level, district]); the agency grid gives the
    clicked row's id (the agency); the map gives the clicked feature.
    """
    if not payload:
        return {}
    if kind == "agency":
        return {"agency": payload.get("rowId")} if payload.get("rowId") else {}
    if kind == "map":
        props = payload.get("properties") or {}
        return {"district": props.get("district"), "commune": props.get("code")} if props.get("code") else {}
    data = (payload.get("points") or [{}])[0].get("customdata")
    if kind == "area":
        return _area_click(data)
    value = data[0] if isinstance(data, list) else data
    return {kind: value} if value else {}


def _area_click(data: object) -> dict:
    """A district bar chooses the district; a commune bar chooses the commune and its district."""
    if not isinstance(data, list) or not data or not data[0]:
        return {}
    code, level, district = (list(data) + [None, None])[:3]
    if level == "commune":
        return {"commune": code, "district": district}
    return {"district": code, "commune": None}
