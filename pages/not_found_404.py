"""The page Dash shows for any path no page claims (its module name is Dash's convention)."""

from __future__ import annotations

import dash
from dash import dcc

import ids
from i18n import href, normalize_lang, t
from pages import _parts as parts

dash.register_page(
    __name__, path="/404", name=t("page.not_found", "vi"), name_key="page.not_found", nav=False
)


def layout(lang: str | None = None, **_: object):
    """Says the page does not exist and links home, in the URL's language."""
    lang = normalize_lang(lang)
    home = dcc.Link(
        t("notfound.home", lang), href=href("/", lang), id=ids.NOT_FOUND_404_HOME, className="home-link"
    )
    return parts.page(ids.NOT_FOUND_404_MAIN, t("page.not_found", lang), t("notfound.body", lang), home)
