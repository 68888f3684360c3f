"""The overview in headless Chromium on the demo warehouse: a leader changes the period and the area,
clicks a district in the league table and reopens a copied link; cards, sparklines and the league table
show what the catalogue queries give (tests/test_queries_kpi*.py check those against independent sums).
"""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlparse

from dash.testing.wait import until

import app as hue_app
import i18n
import ids
from i18n import fmt_percent
from queries import indicators, kpi
from queries.kpi_periods import Period
from queries.kpi_sql import Query, Sql

TIMEOUT = 30
ON_TIME = "feedback_on_time_pct"
CARD_VALUE = f"#{ids.overview_card(ON_TIME)} .kpi-value"
GRID = f"#{ids.OVERVIEW_LEAGUE_GRID}"


SCROLL_TO = """
const api = window.dash_ag_grid && dash_ag_grid.getApi(arguments[0]);
if (!api || !api.getColumn(arguments[1])) { return false; }
api.ensureColumnVisible(arguments[1]);
return true;
"""


def url_params(dash_duo) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(dash_duo.driver.current_url).query).items()}


def on_time(period: Period, level: str = "province", area: str | None = None) -> float:
    frame = kpi.values(ON_TIME, period.start, period.end, level, area)
    return frame.loc[frame["area_code"] == (area or "46"), "value"].iloc[0]


def spark_last(dash_duo, indicator_id: str) -> str:
    """The latest period's value as the sparkline's title gives it (the last line before the target)."""
    title = dash_duo.find_element(f"#{ids.overview_spark(indicator_id)}").get_attribute("title")
    target_line = i18n.t("overview.target", "vi", value="")
    return [line for line in title.split("\n") if not line.startswith(target_line)][-1].split(": ")[1]


def league_cell(district: str, indicator_id: str) -> str:
    return f"{GRID} .ag-center-cols-container [row-id='{district}'] [col-id='{indicator_id}']"


def choose(dash_duo, dropdown_id: str, option_text: str) -> None:
    """Open a dropdown, wait until the callback has filled its options, pick one."""
    dash_duo.wait_for_element(f"#{dropdown_id}", timeout=TIMEOUT).click()
    dash_duo.wait_for_contains_text(".dash-dropdown-options", option_text, timeout=TIMEOUT)
    options = dash_duo.find_elements(".dash-dropdown-option")
    next(o for o in options if o.text == option_text).click()


def open_overview(dash_duo, query: str = "") -> None:
    dash_duo.start_server(hue_app.app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/{query}", timeout=TIMEOUT)
    dash_duo.wait_for_element(f"{GRID} .ag-row", timeout=TIMEOUT)


def test_changing_period_and_area_changes_cards_sparkline_and_league_table(dash_duo, on_demo_warehouse):
    december, november = Period("month", date(2025, 12, 1)), Period("month", date(2025, 11, 1))
    open_overview(dash_duo)
    dash_duo.wait_for_text_to_equal(CARD_VALUE, fmt_percent(on_time(december), "vi"), timeout=TIMEOUT)
    until(lambda: spark_last(dash_duo, ON_TIME) == fmt_percent(on_time(december), "vi"), TIMEOUT)

    choose(dash_duo, ids.OVERVIEW_PERIOD, "Tháng 11/2025")
    dash_duo.wait_for_text_to_equal(CARD_VALUE, fmt_percent(on_time(november), "vi"), timeout=TIMEOUT)
    until(lambda: spark_last(dash_duo, ON_TIME) == fmt_percent(on_time(november), "vi"), TIMEOUT)
    assert url_params(dash_duo) == {"period": "2025-11"}
    cell = fmt_percent(on_time(november, "district", "478"), "vi")
    until(lambda: cell in dash_duo.find_element(league_cell("478", ON_TIME)).text, TIMEOUT)

    choose(dash_duo, ids.OVERVIEW_AREA, "Phú Vang")
    expected = fmt_percent(on_time(november, "district", "478"), "vi")
    dash_duo.wait_for_text_to_equal(CARD_VALUE, expected, timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(
        f"#{ids.OVERVIEW_CARDS_TITLE}", "Phú Vang · Tháng 11/2025", timeout=TIMEOUT
    )
    assert url_params(dash_duo) == {"period": "2025-11", "district": "478"}
    assert dash_duo.get_logs() == []


def test_clicking_a_league_row_shows_that_district_and_the_link_reopens_the_view(dash_duo, on_demo_warehouse):
    december = Period("month", date(2025, 12, 1))
    open_overview(dash_duo)
    dash_duo.find_element(f"{GRID} .ag-pinned-left-cols-container [row-id='474'] [col-id='name']").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.OVERVIEW_CARDS_TITLE}", "Huế · Tháng 12/2025", timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(
        CARD_VALUE, fmt_percent(on_time(december, "district", "474"), "vi"), timeout=TIMEOUT
    )
    until(lambda: url_params(dash_duo) == {"period": "2025-12", "district": "474"}, TIMEOUT)

    link = dash_duo.driver.current_url
    dash_duo.driver.get(f"{dash_duo.server_url}/")
    dash_duo.wait_for_text_to_equal(
        f"#{ids.OVERVIEW_CARDS_TITLE}", "Toàn tỉnh · Tháng 12/2025", timeout=TIMEOUT
    )
    dash_duo.driver.get(link)
    dash_duo.wait_for_text_to_equal(f"#{ids.OVERVIEW_CARDS_TITLE}", "Huế · Tháng 12/2025", timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(f"#{ids.OVERVIEW_AREA}", "Huế", timeout=TIMEOUT)
    assert dash_duo.get_logs() == []


def test_a_quarter_link_reopens_in_english_with_its_grain_period_and_area(dash_duo, on_demo_warehouse):
    q2 = Period("quarter", date(2025, 4, 1))
    open_overview(dash_duo, "?lang=en&grain=quarter&period=2025-Q2&district=478")
    dash_duo.wait_for_text_to_equal(f"#{ids.OVERVIEW_CARDS_TITLE}", "Phú Vang · Q2 2025", timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(f"#{ids.OVERVIEW_PERIOD}", "Q2 2025", timeout=TIMEOUT)
    dash_duo.wait_for_text_to_equal(
        CARD_VALUE, fmt_percent(on_time(q2, "district", "478"), "en"), timeout=TIMEOUT
    )
    next(e for e in dash_duo.find_elements(f"#{ids.OVERVIEW_GRAIN} label") if e.text == "Year").click()
    dash_duo.wait_for_text_to_equal(f"#{ids.OVERVIEW_CARDS_TITLE}", "Phú Vang · 2025", timeout=TIMEOUT)
    assert url_params(dash_duo) == {"lang": "en", "grain": "year", "period": "2025", "district": "478"}
    assert dash_duo.get_logs() == []


def test_an_indicator_added_to_the_catalogue_appears_as_a_card_and_a_league_column(
    dash_duo, on_demo_warehouse, monkeypatch
):
    def crashes_with_deaths(scope):
        """Crashes in which someone died (a test indicator)."""
        date_sql = Sql("CAST(date_trunc(?, occurred_at) AS DATE)", (scope.grain,))
        select = Sql(
            f"SELECT {date_sql.text} AS period_start, district_code AS area_code, count(*) AS value "
            "FROM traffic_incidents WHERE deaths > 0 AND occurred_at >= ? AND occurred_at < ? GROUP BY ALL",
            date_sql.params + (scope.start, scope.end),
        )
        return Query(select)

    monkeypatch.setitem(
        i18n.STRINGS, "indicator.test_fatal", ("Vụ có người chết (thử)", "Fatal crashes (test)")
    )
    monkeypatch.setitem(i18n.STRINGS, "indicator.test_fatal.hint", ("Thử", "Test"))
    entry = indicators.Indicator(
        "test_fatal",
        "count",
        "down",
        "sum",
        crashes_with_deaths,
        "/traffic",
        levels=("district",),
        domain="traffic",
    )
    indicators.register(entry)
    try:
        open_overview(dash_duo)
        # the grid draws only the columns in view: scroll the new last one into view, as a reader would
        until(lambda: dash_duo.driver.execute_script(SCROLL_TO, ids.OVERVIEW_LEAGUE_GRID, "test_fatal"), TIMEOUT)
        header = f"{GRID} .ag-header-cell[col-id='test_fatal']"
        dash_duo.wait_for_contains_text(header, "Vụ có người chết (thử)", timeout=TIMEOUT)
        frame = kpi.values("test_fatal", date(2025, 12, 1), date(2026, 1, 1), "district")
        busiest = frame.sort_values(["value", "area_code"], ascending=[False, True]).iloc[0]
        until(
            lambda: (
                dash_duo.find_element(league_cell(busiest["area_code"], "test_fatal")).text
                == str(int(busiest["value"]))
            ),
            TIMEOUT,
        )
        dash_duo.driver.get(f"{dash_duo.server_url}/?district={busiest['area_code']}")
        card = f"#{ids.overview_card('test_fatal')}"
        dash_duo.wait_for_contains_text(card, "Vụ có người chết (thử)", timeout=TIMEOUT)
        dash_duo.wait_for_text_to_equal(f"{card} .kpi-value", str(int(busiest["value"])), timeout=TIMEOUT)
        assert dash_duo.get_logs() == []
    finally:
        indicators.unregister("test_fatal")
