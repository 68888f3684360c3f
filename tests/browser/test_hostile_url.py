"""A script tag and an image with an onerror handler in a page's URL run nothing and add no element."""

from __future__ import annotations

from urllib.parse import quote

import app as hue_app
import ids

TIMEOUT = 30
HOSTILE = ("<script>window.__hue_pwned = 1; alert(1)</script>", "<img src=x onerror=window.__hue_pwned=2>")


def test_script_in_url_parameters_is_neither_run_nor_inserted(dash_duo):
    dash_duo.start_server(hue_app.app)
    for path, name in (("/traffic", "corridor"), ("/data", "source"), ("/feedback", "agency")):
        for payload in HOSTILE:
            dash_duo.wait_for_page(url=f"{dash_duo.server_url}{path}?{name}={quote(payload)}&x={quote(payload)}",
                                   timeout=TIMEOUT)
            dash_duo.wait_for_element(f"#{ids.APP_NAV} a", timeout=TIMEOUT)
            driver = dash_duo.driver
            assert driver.execute_script("return window.__hue_pwned === undefined")
            assert driver.execute_script("return document.querySelectorAll('img[src=\"x\"], main script').length") == 0
            alerts = driver.execute_script("try { return !!window.__alerted } catch (e) { return false }")
            assert alerts is False
            assert payload not in driver.page_source
