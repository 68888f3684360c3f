"""Callbacks of the Dự báo (Forecasts) page. The URL holds the chosen series; ``choose`` checks it against
the stored series and fills the pickers, ``show`` draws that series, and a changed picker writes the URL.
"""

from __future__ import annotations

from dash import Input, Output, State, callback, no_update

import ids
from callbacks import figures, figures_forecasts, forecast_choice
from callbacks import format_forecasts as words
from callbacks.remembered import remembered
from i18n import search, t
from queries import forecasts
from queries.db import or_empty
from queries.warm import warmer


@callback(
    Output(ids.FORECASTS_INDICATOR, "options"),
    Output(ids.FORECASTS_INDICATOR, "value"),
    Output(ids.FORECASTS_AREA, "options"),
    Output(ids.FORECASTS_AREA, "value"),
    Output(ids.FORECASTS_KEY, "options"),
    Output(ids.FORECASTS_KEY, "value"),
    Output(ids.FORECASTS_KEY, "disabled"),
    Output(ids.FORECASTS_KEY_LABEL, "children"),
    Output(ids.FORECASTS_SELECTION, "data"),
    Output(ids.FORECASTS_EMPTY, "children"),
    Input(ids.FORECASTS_STATE, "data"),
)
def choose(state: dict):
    """The series the URL asks for (or the first stored one) and the options of the three pickers."""
    lang, series = state["lang"], or_empty(forecasts.series_list)
    chosen = forecast_choice.resolve(series, state.get("indicator"), state.get("area"), state.get("key"))
    if chosen is None:
        notice = words.empty_notice(lang)
        return [], None, [], None, [], None, True, t("forecasts.key", lang), {"lang": lang}, notice
    indicator, area = chosen["indicator"], chosen["area"]
    keys = forecast_choice.key_options(series, indicator, area, lang)
    return (
        forecast_choice.indicator_options(series, lang), indicator,
        forecast_choice.area_options(series, indicator, lang), area,
        keys, forecast_choice.to_value(chosen["key"]), len(keys) < 2,
        forecast_choice.key_title(indicator, lang), {"lang": lang, **chosen}, None,
    )


@callback(
    Output(ids.FORECASTS_GRAPH, "figure"),
    Output(ids.FORECASTS_TRUST, "children"),
    Output(ids.FORECASTS_TARGET, "children"),
    Input(ids.FORECASTS_SELECTION, "data"),
)
@remembered
def show(selection: dict):
    """History, forecast and bands; the backtest in words; when the target is reached."""
    lang = selection["lang"]
    if "indicator" not in selection:
        return figures.empty(lang, "forecasts.empty"), None, None  # the notice is above the chart
    series = (selection["indicator"], selection["area"], selection["key"])
    history, forecast = or_empty(forecasts.history, *series), or_empty(forecasts.forecast, *series)
    scores = or_empty(forecasts.scores, *series)
    goal = words.goal_of(or_empty(forecasts.target, selection["indicator"], selection["area"]),
                         selection["indicator"])
    figure = figures_forecasts.forecast_chart(
        history, forecast, lang, percent=selection["indicator"] in words.PCT_INDICATORS,
        target=goal["target_value"] if goal else None,
        target_text=words.target_label(goal, selection["indicator"], lang),
    )
    trust = words.trust_block(scores.iloc[0].to_dict(), lang) if not scores.empty else None
    return figure, trust, words.target_view(selection["indicator"], goal, history, forecast, lang)


@warmer
def _warm_the_first_view() -> None:
    """After a load, draw the series the page opens on without a query string, in both languages."""
    for lang in ("vi", "en"):
        show(choose({"lang": lang, "indicator": None, "area": None, "key": None})[8])


@callback(
    Output(ids.APP_URL, "search", allow_duplicate=True),
    Input(ids.FORECASTS_INDICATOR, "value"),
    Input(ids.FORECASTS_AREA, "value"),
    Input(ids.FORECASTS_KEY, "value"),
    State(ids.FORECASTS_SELECTION, "data"),
    prevent_initial_call=True,
)
def remember(indicator: str | None, area: str | None, key: str | None, selection: dict | None):
    """Put a picked series in the URL (a copied link reopens it); the pickers' own filling changes nothing."""
    if not selection or "indicator" not in selection or indicator is None:
        return no_update
    key = forecast_choice.from_value(key)
    if (indicator, area, key) == (selection["indicator"], selection["area"], selection["key"]):
        return no_update
    return search(selection["lang"], **forecast_choice.search_params(indicator, area, key, selection))
