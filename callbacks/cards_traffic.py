"""Pure builders of the traffic page's KPI cards: the period's value, a short explanation, and the
change against the same period a year earlier with an arrow and a word (never colour alone).
"""

from __future__ import annotations

from datetime import date

import dash_mantine_components as dmc
import pandas as pd
from dash import html

from i18n import fmt_date, fmt_number, fmt_percent, is_missing, t

#: Card name -> (title key, column of queries.traffic_kpis.kpis, decimals).
CARDS = {
    "vehicles": ("traffic.kpi.vehicles", "vehicles_per_day", 0),
    "congestion": ("traffic.kpi.congestion", "congestion_hours", 0),
    "crashes": ("traffic.kpi.crashes", "crashes", 0),
    "deaths": ("traffic.kpi.deaths", "deaths", 0),
    "injuries": ("traffic.kpi.injuries", "injuries", 0),
}


def kpi(name: str, value: str, lang: str, *lines: str | None) -> dmc.Paper:
    """One card: its title, a large value and short lines under it (class ``traffic-kpi-<name>``)."""
    title = t(CARDS[name][0], lang)
    body = [html.P(title, className="traffic-kpi-title"), html.P(value, className="traffic-kpi-value")]
    body += [html.P(line, className="traffic-kpi-line") for line in lines if line]
    return dmc.Paper(body, className=f"traffic-kpi traffic-kpi-{name}", withBorder=True, p="md")


def change_line(current: object, previous: object, lang: str) -> str:
    """ "▲ tăng 4,2 % so với cùng kỳ (1.234)"; an absolute change when last year was zero."""
    if is_missing(previous):
        return t("traffic.kpi.no_previous", lang)
    now, before = (0.0 if is_missing(current) else float(current)), float(previous)
    if round(now, 6) == round(before, 6):
        return t("traffic.kpi.same", lang)
    if before == 0:
        change = fmt_number(abs(now - before), lang)
    else:
        change = fmt_percent(abs(now - before) / before * 100, lang, 1)
    return t(
        "traffic.kpi.up" if now > before else "traffic.kpi.down",
        lang,
        change=change,
        previous=fmt_number(before, lang),
    )


def _previous_value(previous: pd.Series | None, column: str) -> object:
    """Last year's figure; None when last year had no counts (for the volume figures)."""
    if previous is None:
        return None
    if column in ("vehicles_per_day", "congestion_hours") and not previous["hours_counted"]:
        return None
    return previous[column]


def kpi_cards(frame: pd.DataFrame, vehicle_text: str, all_vehicles: bool, lang: str) -> list:
    """The five KPI cards of the period, or one card saying there is nothing to show."""
    rows = {} if frame.empty else {row["period"]: row for _, row in frame.iterrows()}
    current, previous = rows.get("current"), rows.get("previous")
    if current is None or (not current["hours_counted"] and not current["crashes"]):
        return [html.P(t("empty.selection", lang), className="traffic-empty")]
    has_counts = bool(current["hours_counted"])
    pct = 100 * current["congestion_hours"] / current["hours_counted"] if has_counts else None
    notes = {
        "vehicles": t(
            "traffic.kpi.vehicles_hint",
            lang,
            vehicle=vehicle_text,
            sensors=fmt_number(current["sensors"], lang),
        ),
        "congestion": t("traffic.kpi.congestion_hint", lang, pct=fmt_percent(pct, lang, 1)),
    }
    cards = []
    for name, (_, column, decimals) in CARDS.items():
        volume = column in ("vehicles_per_day", "congestion_hours")
        value = current[column] if has_counts or not volume else None
        lines = [notes.get(name, t("traffic.kpi.crash_hint", lang) if not volume else None)]
        if value is not None:
            lines.append(change_line(value, _previous_value(previous, column), lang))
        if name == "congestion" and not all_vehicles:
            lines.append(t("traffic.kpi.congestion_all", lang))
        cards.append(kpi(name, fmt_number(value, lang, decimals), lang, *lines))
    return cards


def profile_title(
    frame: pd.DataFrame, sensor_id: str, clicked: bool, first: date, last: date, lang: str
) -> list:
    """The sensor's name line, why it is the one shown, and which days its profile averages."""
    if frame.empty:
        return [html.P(sensor_id, className="traffic-profile-name")]
    row = frame.iloc[0]
    district = row["district_ascii"] if lang == "en" else row["district_vi"]
    name = t(
        "traffic.profile_title",
        lang,
        sensor=sensor_id,
        corridor=row["corridor"],
        district=district if not is_missing(district) else "–",
        capacity=fmt_number(row["capacity_veh_h"], lang),
    )
    why = t("traffic.profile_clicked" if clicked else "traffic.profile_default", lang)
    days = t("traffic.profile_months", lang, first=fmt_date(first, lang), last=fmt_date(last, lang))
    return [html.P(name, className="traffic-profile-name"), html.P(f"{why} {days}", className="section-hint")]
