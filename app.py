"""Huế IOC Analytics: the Dash app, its shell (header, navigation, language switch), /healthz and
the WSGI ``server`` (``gunicorn app:server``). Pages live in pages/, their callbacks in callbacks/.
"""

from __future__ import annotations

import logging

import dash
import dash_mantine_components as dmc
from dash import Dash, dcc, html
from flask import jsonify

import auth
import config
import ids
from i18n import t

log = logging.getLogger(__name__)

# Callbacks are not checked against a layout in the browser: Dash would send every page's layout with
# every page (160 KB of HTML, 24 ms to build). tests/test_lazy_layout.py checks their ids instead.
app = Dash(
    __name__, use_pages=True, title="Huế IOC Analytics", update_title=None, suppress_callback_exceptions=True,
    assets_path_ignore=["vendor"],  # served on request (assets/plotly_bundle.js), not on every page
)
app.index_string = app.index_string.replace("<html>", '<html lang="vi">', 1)
server = app.server
auth.init(server)  # sign-in guard before any route (auth.py)

import callbacks  # noqa: F401  (registers the callbacks and the Plotly template; needs the app)
import reports
from callbacks import shell, theme
from queries import meta, warm


def brand() -> dcc.Link:
    return dcc.Link(
        [html.Span("H", className="brand-mark"), html.Span(t("app.name"), className="brand-name")],
        href="/",
        id=ids.APP_BRAND,
        className="brand",
    )


def lang_switch() -> html.Div:
    """VI | EN links; callbacks/shell.py points them at the current page in each language."""
    return html.Div(
        [
            dcc.Link("VI", id=ids.APP_LANG_VI, href="/", title=t("app.lang_vi")),
            dcc.Link("EN", id=ids.APP_LANG_EN, href="/?lang=en", title=t("app.lang_en")),
        ],
        className="lang-switch",
        role="group",
        **{"aria-label": t("app.lang")},
    )


def header() -> html.Div:
    """Burger (phones), product name, demo and "data up to" badges, language switch."""
    burger = dmc.Burger(
        id=ids.APP_BURGER, opened=False, hiddenFrom="sm", size="sm", **{"aria-label": t("app.menu")}
    )
    badges = html.Div([html.Div(id=ids.APP_DEMO), html.Div(id=ids.APP_ASOF)], className="header-badges")
    return html.Div(
        [html.Div([burger, brand()], className="header-start"), badges, lang_switch()], className="header-bar"
    )


def layout() -> dmc.MantineProvider:
    """The shell around every page; the navigation and badges are filled by callbacks/shell.py."""
    return dmc.MantineProvider(
        theme=theme.MANTINE_THEME,
        children=[
            dcc.Location(id=ids.APP_URL, refresh="callback-nav"),
            dcc.Store(id=ids.APP_LANG_STORE),
            dmc.AppShell(
                id=ids.APP_SHELL,
                padding="md",
                children=[
                    dmc.AppShellHeader(header(), className="app-header"),
                    dmc.AppShellNavbar(
                        html.Nav(id=ids.APP_NAV, className="nav", **{"aria-label": t("app.nav")}),
                        p="sm",
                        className="app-navbar",
                    ),
                    dmc.AppShellMain([html.Div(id=ids.APP_ALERT), dash.page_container], className="app-main"),
                ],
                header={"height": {"base": 96, "sm": 60}},
                navbar={**shell.NAVBAR, "collapsed": {"mobile": True}},
            ),
        ],
    )


app.layout = layout()
reports.register(server)
warm.start(config.WARM_SECONDS)


@server.get("/healthz")
def healthz():
    """Liveness and data check for monitoring: 200 when the warehouse answers, 503 otherwise."""
    try:
        summary = meta.health_summary()
    except Exception:  # a health check answers; it never shows a stack trace
        log.exception("health check failed")
        summary = {"status": "error", "warehouse": str(config.WAREHOUSE), "last_load": None, "row_counts": {}}
    return jsonify(summary), 200 if summary["status"] == "ok" else 503


@server.errorhandler(dash.exceptions.UnsupportedRelativePath)
def not_a_path(_error):
    """A router request whose pathname is not a path of this app (a broken or hostile client): 400."""
    return jsonify({"error": "not a path of this app"}), 400


if __name__ == "__main__":
    app.run(host=config.HOST, port=config.PORT, debug=config.DEBUG)
