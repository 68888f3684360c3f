"""Callbacks and builders called directly: they read state, ask queries and build figures and grids."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio
from dash import no_update
from fixture_warehouse import ETL_RUNS

import app  # noqa: F401  (registers the pages the shell callbacks list)
import config
from callbacks import data, figures, shell, tables, theme

VI = {"lang": "vi", "source": None, "rule": None}
EN = {"lang": "en", "source": None, "rule": None}


def test_every_builder_draws_an_empty_state_for_an_empty_frame():
    fig = figures.rejected_bar(pd.DataFrame(), "en")
    assert [a.text for a in fig.layout.annotations] == ["No data for this selection"]
    columns, rows = tables.grid(pd.DataFrame(), tables.FILES, "vi")
    assert rows == [] and columns[0]["headerName"] == "Nguồn"


def test_the_rejected_rows_chart_follows_the_languages_separators():
    # plain figures: building a go.Figure from them also runs Plotly's validators
    vi, en = go.Figure(data.show_rejected(VI)), go.Figure(data.show_rejected(EN))
    assert vi.layout.separators == ",." and en.layout.separators == ".,"
    assert vi.layout.xaxis.separatethousands or vi.layout.template.layout.xaxis.separatethousands
    assert "Invalid date and time" in list(en.data[0].y) + list(en.data[-1].y)


def test_figures_carry_the_product_template_in_their_json():
    plain = figures.rejected_bar(pd.DataFrame({"rule": ["bad_date"], "reason": [""], "source": ["feedback"],
                                               "rows": [3]}), "vi")
    drawn = figures.empty("vi").to_plotly_json()  # through Plotly's objects: the template is the default
    for sent in (plain, drawn):
        assert sent["layout"]["template"] == pio.templates[theme.TEMPLATE_NAME].to_plotly_json()
        assert sent["layout"]["template"]["layout"]["font"]["family"] == theme.FONT


def test_grids_keep_raw_values_for_sorting_and_show_formatted_text():
    _columns, rows = data.show_last_load(VI)
    feedback = next(r for r in rows if r["source"] == "Phản ánh hiện trường")
    runs = [r for r in ETL_RUNS if r["source"] == "feedback" and r["run_id"] == "r2"]
    assert feedback["rows_read"] == sum(r["rows_read"] for r in runs)
    assert feedback["rows_read__text"] == "9.000"
    assert feedback["finished_at__text"] == "28/11/2026 02:06"
    failed = next(r for r in rows if r["status__tone"] == "bad")
    assert failed["status__text"] == "✕ Lỗi"


def test_filters_go_into_the_url_and_keep_the_language():
    assert data.filters_search("health", None, EN, source_changed=True) == "?lang=en&source=health"
    assert data.filters_search("health", "bad_period", VI) == "?source=health&rule=bad_period"
    chosen = {"lang": "en", "source": "health", "rule": "bad_period"}
    assert (
        data.filters_search("feedback", "bad_period", chosen, source_changed=True)
        == "?lang=en&source=feedback"
    )
    assert data.filters_search(None, None, {**chosen, "lang": "vi"}) == ""
    assert data.filters_search("health", "bad_period", chosen) is no_update


def test_the_shell_links_keep_the_language_and_other_parameters():
    nav, brand, vi_href, vi_class, en_href, en_class, lang, opened = shell.update_shell(
        "/data", "?lang=en&source=x"
    )
    assert lang == "en" and brand == "/?lang=en" and opened is False
    assert vi_href == "/data?source=x" and en_href == "/data?lang=en&source=x"
    assert "active" in en_class and "active" not in vi_class
    data_link = next(link for link in nav if link.href.startswith("/data"))
    assert data_link.label == "Data quality" and data_link.active and data_link.href == "/data?lang=en"


def test_the_shell_explains_a_missing_warehouse(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "WAREHOUSE", tmp_path / "none.duckdb")
    asof, demo, alert = shell.show_warehouse_state("en")
    assert asof is None and demo is None
    assert alert.title == "No data warehouse yet" and "make run" in alert.children.children
