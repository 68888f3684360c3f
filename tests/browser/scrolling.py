"""Scrolling as a reader does: sections below the fold (pages/_parts.lazy) load once they near the screen."""

from __future__ import annotations

from dash.testing.wait import until
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

TIMEOUT = 30


def reveal(dash_duo, selector: str):
    """Scroll the element ``selector`` to the middle of the screen, so its lazy section loads; the element.

    A lazy section draws its components only once near the screen, so until the element exists the page
    is scrolled on a little at a time, as a reader would. Tried again while the element is missing or
    replaced (a language switch redraws the page)."""

    def scrolled():
        try:
            element = dash_duo.driver.find_element("css selector", selector)
            dash_duo.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
            return element
        except (NoSuchElementException, StaleElementReferenceException):
            dash_duo.driver.execute_script(STEP_ON, 400)
            return None

    return until(scrolled, TIMEOUT, poll=0.3)


def read_through(dash_duo, step: int = 600) -> None:
    """Scroll to the bottom a part of a screen at a time, each lazy section loading as it nears; the page
    then stops moving under the pointer (a section loading above the screen changes its height)."""
    at_end = "return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;"
    for _ in range(60):
        dash_duo.driver.execute_script("window.scrollBy(0, arguments[0]);", step)
        until(lambda: not dash_duo.driver.execute_script(BUSY), TIMEOUT)
        if dash_duo.driver.execute_script(at_end):
            return


#: A step down the page, or back to the top from the bottom (a redrawn page may have moved the element up).
STEP_ON = (
    "const end = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 2;"
    "window.scrollBy(0, end ? -window.scrollY : arguments[0]);"
)
BUSY = "return !!document.querySelector('[data-dash-is-loading=\"true\"], ._dash-loading');"
