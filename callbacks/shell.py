"""Callbacks of the app shell: navigation from the page registry, the language switch, the warehouse
badges ("data up to", demo marker) and the alert shown when the warehouse is missing or unreadable.
"""

from __future__ import annotations

import json
from datetime import date
from urllib.parse import parse_qs

import dash
import dash_mantine_components as dmc
import duckdb
from dash import Input, Output, callback, clientside_callback, dcc, html

import auth
import config
import ids
from i18n import LANG_PARAM, fmt_date, href, normalize_lang, t
from queries import meta
from queries.db import WarehouseMissing, WarehouseUnavailable

#: AppShell navbar settings; the burger only toggles ``collapsed.mobile``.
NAVBAR = {"width": 232, "breakpoint": "sm"}


def parse_search(search: str | None) -> tuple[str, dict[str, str]]:
    """(language, other parameters) from a URL query string."""
    params = {k: v[0] for k, v in parse_qs((search or "").lstrip("?"), keep_blank_values=False).items()}
    return normalize_lang(params.pop(LANG_PARAM, None)), params


def page_key(page: dict) -> str:
    """``data`` for the page registered by ``pages/data.py``."""
    return page["module"].rsplit(".", 1)[-1]


def page_name(page: dict, lang: str) -> str:
    """The page's name in the language: its ``name_key`` string, else the registered (Vietnamese) name."""
    return t(page["name_key"], lang) if page.get("name_key") else page["name"]


def nav_pages() -> list[dict]:
    """Registered pages in their order, without the 404 page and pages registered with ``nav=False``."""
    return [p for p in dash.page_registry.values() if p.get("nav", True) and page_key(p) != "not_found_404"]


def nav_links(pathname: str | None, lang: str) -> list[dmc.NavLink]:
    """One link per page; each carries the language, the current page is marked active."""
    return [
        dmc.NavLink(
            id=ids.nav_link(page_key(p)),
            label=page_name(p, lang),
            href=href(p["relative_path"], lang),
            active=pathname == p["relative_path"],
            className="nav-link",
        )
        for p in nav_pages()
    ]


def lang_class(lang: str, current: str) -> str:
    return "lang-option active" if lang == current else "lang-option"


@callback(
    Output(ids.APP_NAV, "children"),
    Output(ids.APP_BRAND, "href"),
    Output(ids.APP_LANG_VI, "href"),
    Output(ids.APP_LANG_VI, "className"),
    Output(ids.APP_LANG_EN, "href"),
    Output(ids.APP_LANG_EN, "className"),
    Output(ids.APP_LANG_STORE, "data"),
    Output(ids.APP_BURGER, "opened"),
    Input(ids.APP_URL, "pathname"),
    Input(ids.APP_URL, "search"),
)
def update_shell(pathname: str | None, search: str | None):
    """Navigation and language links for the current URL; closes the mobile menu after navigating."""
    lang, params = parse_search(search)
    path = pathname or "/"
    return (
        nav_links(pathname, lang),
        href("/", lang),
        href(path, "vi", **params),
        lang_class("vi", lang),
        href(path, "en", **params),
        lang_class("en", lang),
        lang,
        False,
    )


def asof_badge(day: date | None, lang: str) -> dmc.Badge:
    text = t("app.asof", lang, date=fmt_date(day, lang)) if day else t("app.asof_none", lang)
    return dmc.Badge(
        text, variant="light", color="gray", size="md", radius="sm", tt="none", className="asof-badge"
    )


def demo_badge(lang: str) -> html.Span:
    text = f"⚠ {t('app.demo', lang)}{auth.off_note(lang)}"  # "· NO SIGN-IN" while sign-in is off
    badge = dmc.Badge(text, color="orange", variant="filled", size="md", radius="sm")
    return html.Span(badge, title=t("app.demo_hint", lang), className="demo-badge")


def warehouse_alert(problem: str, lang: str) -> dmc.Alert:
    """Says the warehouse is missing or unreadable and which command builds it."""
    body = dcc.Markdown(t(f"warehouse.{problem}_body", lang, path=f"`{config.WAREHOUSE}`"))
    return dmc.Alert(
        body,
        title=t(f"warehouse.{problem}_title", lang),
        color="red",
        variant="light",
        className="warehouse-alert",
    )


@callback(
    Output(ids.APP_ASOF, "children"),
    Output(ids.APP_DEMO, "children"),
    Output(ids.APP_ALERT, "children"),
    Input(ids.APP_LANG_STORE, "data"),
)
def show_warehouse_state(lang: str | None):
    """Badges from the warehouse, or an alert saying why there is none; read again on every navigation."""
    lang = normalize_lang(lang)
    try:
        day, demo = meta.data_up_to(), meta.is_demo()
    except WarehouseMissing:
        return None, None, warehouse_alert("missing", lang)
    except (WarehouseUnavailable, duckdb.Error):
        return None, None, warehouse_alert("error", lang)
    return asof_badge(day, lang), [demo_badge(lang) if demo else None, auth.account(lang)], None


_NAVBAR_JS = json.dumps(NAVBAR)
clientside_callback(
    f"function(opened) {{ return Object.assign({{}}, {_NAVBAR_JS}, {{collapsed: {{mobile: !opened}}}}); }}",
    Output(ids.APP_SHELL, "navbar"),
    Input(ids.APP_BURGER, "opened"),
)

clientside_callback(
    "function(lang) { if (lang) { document.documentElement.lang = lang; } }",
    Input(ids.APP_LANG_STORE, "data"),
)
