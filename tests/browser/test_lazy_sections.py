"""Sections below the fold (pages/_parts.lazy) are drawn and ask for their data only once a reader scrolls
near them, and then show what the warehouse holds; the sections at the top load with the page. A filter
draws the page anew, and the sections the reader has seen are drawn again at once."""

from __future__ import annotations

from dash.testing.wait import until

import app as hue_app
import ids
from i18n import fmt_number
from queries import feedback_records, feedback_volume
from tests.browser.scrolling import reveal
from tests.browser.test_feedback import default_filters, received_text
from tests.browser.test_traffic import margins_widened, plotted

TIMEOUT = 30
RECEIVED = f"#{ids.FEEDBACK_KPIS} .feedback-kpi:first-child .feedback-kpi-value"


def funnel_counts(dash_duo) -> list[float]:
    return dash_duo.driver.execute_script(
        "const g = document.querySelector(arguments[0] + ' .js-plotly-plot');"
        "return g && g._fullData && g._fullData.length ? Array.from(g._fullData[0].x || []) : [];",
        f"#{ids.FEEDBACK_FUNNEL}",
    )


def drawn(dash_duo, section: str) -> bool:
    """Whether the lazy section's components are on the page."""
    return bool(dash_duo.driver.find_elements("css selector", f"#{ids.lazy_body(section)} > *"))


def test_a_section_below_the_fold_loads_when_scrolled_to(dash_duo, on_demo_warehouse):
    dash_duo.start_server(hue_app.app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/feedback", timeout=TIMEOUT)
    dash_duo.wait_for_element(RECEIVED, timeout=TIMEOUT)
    until(lambda: plotted(dash_duo, ids.FEEDBACK_VOLUME), TIMEOUT)  # the top of the page is drawn
    assert margins_widened(dash_duo, ids.FEEDBACK_VOLUME) == {"left": 0, "bottom": 0}  # in one pass

    # the funnel, the per-10,000 chart and the record table, below, are not drawn yet, nor asked for
    below = (ids.FEEDBACK_REASONS_PART, ids.FEEDBACK_PER10K_PART, ids.FEEDBACK_RECORDS_PART)
    assert [drawn(dash_duo, section) for section in below] == [False, False, False]
    assert plotted(dash_duo, ids.FEEDBACK_FUNNEL) == plotted(dash_duo, ids.FEEDBACK_PER10K) == []

    reveal(dash_duo, f"#{ids.FEEDBACK_FUNNEL}")
    until(lambda: funnel_counts(dash_duo), TIMEOUT)
    assert not drawn(dash_duo, ids.FEEDBACK_RECORDS_PART)  # the table, further down, still waits
    received = int(feedback_volume.summary(default_filters()).at[0, "received"])
    assert max(funnel_counts(dash_duo)) == received  # the widest stage: every report received

    reveal(dash_duo, f"#{ids.FEEDBACK_PER10K}")
    expected = feedback_volume.per_10k(default_filters())
    until(lambda: plotted(dash_duo, ids.FEEDBACK_PER10K), TIMEOUT)
    shown = plotted(dash_duo, ids.FEEDBACK_PER10K)[0]["y"]  # one bar per area
    assert len(shown) == len(expected) > 1

    reveal(dash_duo, f"#{ids.FEEDBACK_RECORDS_GRID}")
    count = feedback_records.record_count(default_filters()).at[0, "n"]
    dash_duo.wait_for_contains_text(f"#{ids.FEEDBACK_RECORDS_COUNT}", fmt_number(count, "vi"), timeout=TIMEOUT)

    # a filter draws the page anew from its URL: the sections already seen come back at once, unscrolled to
    chosen = default_filters(district="474")
    dash_duo.driver.execute_script(
        "window.dash_clientside.set_props(arguments[0], {search: '?district=474'});", ids.APP_URL
    )
    dash_duo.wait_for_text_to_equal(RECEIVED, received_text(chosen), timeout=TIMEOUT)
    until(lambda: all(drawn(dash_duo, section) for section in below), TIMEOUT)
    communes = len(feedback_volume.per_10k(chosen))  # a district chosen: its communes, one bar each
    until(lambda: [len(trace["y"]) for trace in plotted(dash_duo, ids.FEEDBACK_PER10K)] == [communes], TIMEOUT)
    assert dash_duo.get_logs() == []
