"""What a reader does on each page: the views (URLs) visited one after another, and what shows a page is
drawn. Every page keeps its state in the URL, so a filter change is a new URL; the values are ones the
demo data has (districts, categories, corridors, indicators, school levels and years, months).
"""

from __future__ import annotations

from urllib.parse import quote

import ids

#: Path -> CSS selector present once the page's main content has arrived (as tests/browser/test_pages.py).
READY = {
    "/": f"#{ids.OVERVIEW_LEAGUE_GRID} .ag-row",
    "/feedback": f"#{ids.FEEDBACK_KPIS} .feedback-kpi-value",
    "/traffic": f"#{ids.TRAFFIC_KPIS} .traffic-kpi, #{ids.TRAFFIC_KPIS} .traffic-empty",
    "/health": f"#{ids.HEALTH_KPI} .health-card-value",
    "/schools": f"#{ids.SCHOOLS_KPI_GRID} .schools-kpi-value",
    "/map": f"#{ids.MAP_LEGEND} .map-legend-title, #{ids.MAP_LEGEND} .map-legend-note",
    "/forecasts": f"#{ids.FORECASTS_TRUST} .forecasts-backtest, #{ids.FORECASTS_EMPTY} .forecasts-empty",
    "/data": f"#{ids.DATA_LASTLOAD_GRID} .ag-row",
}
#: A page the app does not have: it draws the shell (navigation, language switch, warehouse badges) and a
#: "not found" note, so its first render is what every page costs before its own content. Timed in the
#: same run as the pages, it tells how fast the machine is at that moment.
SHELL_ONLY = "/khong-co-trang-nay"
READY[SHELL_ONLY] = f"#{ids.NOT_FOUND_404_HOME}"


def _q(**params: str) -> str:
    return "?" + "&".join(f"{k}={quote(v)}" for k, v in params.items())


#: Path -> the query strings visited in turn (the first is the default view).
VIEWS: dict[str, list[str]] = {
    "/": [
        "",
        _q(grain="quarter", period="2025-Q3"),
        _q(grain="quarter", period="2025-Q3", district="474"),
        _q(grain="year", period="2024", district="478"),
        _q(grain="month", period="2025-06", lang="en"),
    ],
    "/feedback": [
        "",
        _q(district="474"),
        _q(district="474", category="VSMT"),
        _q(start="2024-01-01", end="2024-12-31", category="TTDT", grain="week"),
        _q(start="2025-01-01", end="2025-12-31", channel="hotline", by="channel"),
        _q(district="474", commune="19744", status="open", grain="day"),
        _q(start="2023-01-01", end="2025-12-31", lang="en"),
    ],
    "/traffic": [
        "",
        _q(corridor="Hùng Vương"),
        _q(corridor="Lê Lợi", vehicle="cars"),
        _q(start="2024-01-01", end="2024-12-31", district="474"),
        _q(start="2025-06-01", end="2025-08-31", vehicle="motorbikes", lang="en"),
    ],
    "/health": [
        "",
        _q(month="2025-06"),
        _q(district="474"),
        _q(district="481", level="commune", measure="complete"),
        _q(month="2024-12", measure="complete", lang="en"),
    ],
    "/schools": [
        "",
        _q(year="2024-2025"),
        _q(district="474", level="THPT"),
        _q(year="2023-2024", ownership="công lập", level="tiểu học"),
        _q(district="478", lang="en"),
    ],
    "/map": [
        "",
        _q(indicator="feedback_per_10k", level="commune"),
        _q(indicator="health_complete_pct", level="district", month="2025-06", method="target"),
        _q(indicator="feedback_on_time_pct", layers="schools,crashes", month="2025-11"),
        _q(indicator="traffic_crashes", layers="feedback,sensors", center="16.46,107.59", zoom="13"),
        _q(indicator="schools_broadband_pct", area="474", lang="en"),
    ],
    "/forecasts": [
        "",
        _q(indicator="feedback_received", area="474"),
        _q(indicator="health_created_pct", area="481"),
        _q(indicator="traffic_vehicles", lang="en"),
        _q(indicator="health_complete_pct", area="46"),
    ],
    "/data": [
        "",
        _q(source="feedback"),
        _q(source="health", rule="bad_period"),
        _q(lang="en"),
    ],
}

#: Controls clicked after the views (cheap, and what readers do): the language switch on every page.
CLICKS = [f"#{ids.APP_LANG_EN}"]
