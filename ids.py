"""Every component id of the app, ``<page>-<thing>-<kind>``, grouped by page.

Declared once here so a typo fails at import, not in the browser. Anything a test clicks has a plain
string id. Each page's root element is ``<PAGE>_MAIN`` (``<page>-page-main``): the browser tests find it by
that name.
"""

from __future__ import annotations

# --- App shell (app.py, callbacks/shell.py) ---------------------------------------------------------
APP_URL = "app-url-location"
APP_SHELL = "app-shell-appshell"
APP_BURGER = "app-menu-burger"
APP_BRAND = "app-brand-link"
APP_NAV = "app-nav-stack"
APP_LANG_VI = "app-lang-vi-link"
APP_LANG_EN = "app-lang-en-link"
APP_LANG_STORE = "app-lang-store"
APP_ASOF = "app-asof-badge"
APP_DEMO = "app-demo-badge"
APP_ALERT = "app-warehouse-alert"


def nav_link(page_key: str) -> str:
    """Id of the navigation link to a page, e.g. ``app-nav-data-link`` for ``pages/data.py``."""
    return f"app-nav-{page_key.replace('_', '-')}-link"


# --- 404 (pages/not_found_404.py) -------------------------------------------------------------------
NOT_FOUND_404_MAIN = "notfound-page-main"
NOT_FOUND_404_HOME = "notfound-home-link"

# --- Dữ liệu / Data quality (pages/data.py, callbacks/data.py) --------------------------------------
DATA_MAIN = "data-page-main"
DATA_STATE = "data-state-store"
DATA_LASTLOAD_GRID = "data-lastload-grid"
DATA_FILES_GRID = "data-files-grid"
DATA_REJECTED_GRAPH = "data-rejected-graph"
DATA_SOURCE_DROPDOWN = "data-source-dropdown"
DATA_RULE_DROPDOWN = "data-rule-dropdown"
DATA_SAMPLE_GRID = "data-sample-grid"
DATA_FRESHNESS_GRID = "data-freshness-grid"
