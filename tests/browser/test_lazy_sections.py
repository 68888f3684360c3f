"""Sections below the fold (pages/_parts.lazy) ask for their data only once a reader scrolls near them,
and then show what the warehouse holds; the sections at the top load with the page."""

from __future__ import annotations

from dash.testing.wait import until

import app as hue_app
import ids
from i18n import fmt_number
from queries import feedback_records, feedback_volume
from tests.browser.scrolling import reveal
from tests.browser.test_feedback import default_filters
from tests.browser.test_traffic import margins_widened, plotted

TIMEOUT = 30
RECEIVED = f"#{ids.FEEDBACK_KPIS} .feedback-kpi:first-child .feedback-kpi-value"


def funnel_counts(dash_duo) -> list[float]:
    return dash_duo.driver.execute_script(
        "const g = document.querySelector(arguments[0] + ' .js-plotly-plot');"
        "return g && g._fullData && g._fullData.length ? Array.from(g._fullData[0].x || []) : [];",
        f"#{ids.FEEDBACK_FUNNEL}",
    )


def test_a_section_below_the_fold_loads_when_scrolled_to(dash_duo, on_demo_warehouse):
    dash_duo.start_server(hue_app.app)
    dash_duo.wait_for_page(url=f"{dash_duo.server_url}/feedback", timeout=TIMEOUT)
    dash_duo.wait_for_element(RECEIVED, timeout=TIMEOUT)
    until(lambda: plotted(dash_duo, ids.FEEDBACK_VOLUME), TIMEOUT)  # the top of the page is drawn
    assert margins_widened(dash_duo, ids.FEEDBACK_VOLUME) == {"left": 0, "bottom": 0}  # in one pass

    # the funnel and the per-10,000 chart, below, have not asked for their data; neither has the record table
    assert plotted(dash_duo, ids.FEEDBACK_FUNNEL) == plotted(dash_duo, ids.FEEDBACK_PER10K) == []
    assert dash_duo.find_element(f"#{ids.FEEDBACK_RECORDS_COUNT}").text == ""

    reveal(dash_duo, f"#{ids.FEEDBACK_FUNNEL}")
    until(lambda: funnel_counts(dash_duo), TIMEOUT)
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
    assert dash_duo.get_logs() == []
