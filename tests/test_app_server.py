"""The server side of the app: /healthz, the 404 page through Dash's router, page layouts."""

from __future__ import annotations

import json

import dash
import pytest
from fixture_warehouse import ETL_RUNS, REJECTED

import app as hue_app
import config
import ids
from i18n import t


@pytest.fixture
def client():
    return hue_app.server.test_client()


def route(client, pathname: str, search: str = "") -> dict:
    """What Dash's page router renders for a URL, asked the way the browser asks it."""
    client.get("/")  # the router callback is registered on the first request
    deps = client.get("/_dash-dependencies").get_json()
    router = next(
        d
        for d in deps
        if any(i["id"] == "_pages_location" for i in d["inputs"]) and "_pages_content.children" in d["output"]
    )
    payload = {
        "output": router["output"],
        "outputs": [
            {"id": o.split(".")[0], "property": o.split(".")[1]}
            for o in router["output"].strip(".").split("...")
        ],
        "inputs": [
            {"id": "_pages_location", "property": "pathname", "value": pathname},
            {"id": "_pages_location", "property": "search", "value": search},
        ],
        "changedPropIds": ["_pages_location.pathname"],
        "state": [],
    }
    response = client.post("/_dash-update-component", json=payload)
    assert response.status_code == 200
    return response.get_json()["response"]


def test_healthz_answers_ok_with_the_warehouse_facts(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.get_json()
    assert body["status"] == "ok"
    assert body["warehouse"] == str(config.WAREHOUSE)
    assert body["last_load"] == max(run["finished_at"] for run in ETL_RUNS).isoformat()
    assert body["row_counts"]["rejected_rows"] == sum(g[5] for g in REJECTED)
    assert body["row_counts"]["etl_runs"] == len(ETL_RUNS)


def test_healthz_answers_503_without_a_warehouse(client, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "WAREHOUSE", tmp_path / "missing.duckdb")
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json() == {
        "status": "no_warehouse",
        "warehouse": str(tmp_path / "missing.duckdb"),
        "last_load": None,
        "row_counts": {},
    }


def test_healthz_answers_503_without_a_stack_trace_for_a_damaged_warehouse(client, tmp_path, monkeypatch):
    damaged = tmp_path / "damaged.duckdb"
    damaged.write_bytes(b"\x00garbage" * 4096)
    monkeypatch.setattr(config, "WAREHOUSE", damaged)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] == "error"
    assert "Traceback" not in response.get_data(as_text=True)


def test_an_unknown_path_renders_the_404_page_in_the_urls_language(client):
    rendered = json.dumps(route(client, "/no/such/page", "?lang=en"), ensure_ascii=False)
    assert ids.NOT_FOUND_404_MAIN in rendered
    assert "Page not found" in rendered and "/?lang=en" in rendered


def test_a_known_path_renders_its_page(client):
    rendered = json.dumps(route(client, "/data"), ensure_ascii=False)
    assert ids.DATA_MAIN in rendered and "Chất lượng dữ liệu" in rendered


@pytest.mark.parametrize("page", list(dash.page_registry.values()), ids=lambda p: p["module"])
def test_every_page_layout_accepts_no_arguments_a_language_and_stray_parameters(page):
    assert page["layout"]() is not None
    assert page["layout"](lang="en", utm_source="mail", lang_extra=["a", "b"]) is not None
    assert page["layout"](lang=["en", "vi"]) is not None


def test_every_navigable_page_names_itself_in_both_languages():
    for page in dash.page_registry.values():
        assert page.get("name_key"), page["module"]
        assert page["name"] == t(page["name_key"], "vi")
