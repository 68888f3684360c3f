"""The map explorer's side panel: an area's profile (population as an estimate where it is one, every
indicator's value, target, status and rank among its peers) and links to each sector page for that area.
"""

from __future__ import annotations

from dash import dcc, html

from callbacks.format_overview import status_text, target_text, tone, value_text
from i18n import fmt_number, href, is_missing, t
from queries import indicators

#: Sector pages that take a ``district`` filter in their URL.
SECTOR_PAGES = ("/feedback", "/health", "/schools", "/traffic")


def _population(row: dict, lang: str) -> str:
    if is_missing(row.get("population")):
        return t("map.profile.population_unknown", lang)
    number = fmt_number(row["population"], lang)
    if row.get("population_basis") == "estimate":
        return t("map.profile.population_estimate", lang, value=number)
    return number


def _rank_text(row: dict, lang: str) -> str:
    if is_missing(row.get("rank")):
        return "–"
    return t("map.profile.rank", lang, rank=fmt_number(row["rank"], lang), peers=fmt_number(row["peers"], lang))


def _sparkline(entry, values: list, lang: str) -> html.Span:
    """The last 12 months as small bars (the last is the month shown), scaled between their own lowest
    and highest value; a month without a value is a gap. Each bar's title gives its value."""
    known = [v for v in values if not is_missing(v)]
    low, high = (min(known), max(known)) if known else (0.0, 0.0)
    bars = []
    for value in values:
        if is_missing(value):
            bars.append(html.Span(className="map-spark-bar map-spark-gap", title="–"))
            continue
        share = 1.0 if high == low else (value - low) / (high - low)
        bars.append(html.Span(className="map-spark-bar", title=value_text(entry, value, lang),
                              style={"height": f"{20 + 80 * share:.0f}%"}))
    return html.Span(bars, className="map-spark", role="img",
                     **{"aria-label": t("map.profile.sparkline", lang)})


def _indicator_row(row: dict, lang: str) -> html.Li:
    """One indicator: its name, then value, target, status and rank on one line (fits a narrow panel)."""
    entry = indicators.get(row["indicator_id"])
    target = target_text(entry, row, lang)
    if row.get("target_estimate"):
        target = f"{target} ({t('map.profile.target_estimate', lang)})"
    has_target = not is_missing(row.get("target"))
    facts = [
        html.Span(value_text(entry, row["value"], lang), className="map-profile-value"),
        html.Span(f"{t('map.profile.col.target', lang)}: {target}" if has_target else "",
                  className="map-profile-target"),
        html.Span(status_text(row["status"], lang), className=f"status-cell status-{tone(row['status'])}"),
        html.Span(f"{t('map.profile.col.rank', lang)}: {_rank_text(row, lang)}", className="map-profile-rank"),
    ]
    return html.Li(
        [html.Span(t(entry.name_key, lang), className="map-profile-indicator"),
         html.Div(facts, className="map-profile-line"), _sparkline(entry, row.get("sparkline") or [], lang)],
        **{"data-indicator": row["indicator_id"]},
    )


def _links(area: dict, lang: str) -> html.Nav:
    district = area["code"] if area["level"] == "district" else area["parent_code"]
    links = [
        dcc.Link(t(f"page.{path.strip('/')}", lang), href=href(path, lang, district=district),
                 className="map-profile-link")
        for path in SECTOR_PAGES
    ]
    return html.Nav([html.Span(t("map.profile.links", lang), className="field-label"), *links],
                    className="map-profile-links")


def panel(area: dict, profile: list[dict], month_text: str, lang: str) -> list:
    """The profile of one area in one month."""
    name = area["name_ascii"] if lang == "en" else area["name_vi"]
    level = t(f"map.level.{area['level']}", lang)
    return [
        html.H3(name, className="map-profile-name"),
        html.P(f"{level} · {month_text}", className="section-hint"),
        html.Dl([html.Dt(t("map.profile.population", lang)), html.Dd(_population(area, lang))],
                className="map-profile-facts"),
        html.Ul([_indicator_row(r, lang) for r in profile], className="map-profile-list"),
        _links(area, lang),
    ]


def empty(lang: str) -> list:
    """Before any click: how to open a profile."""
    return [html.P(t("map.profile.empty", lang), className="section-hint")]
