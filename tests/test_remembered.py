"""A remembered view answers from the cache for the same inputs until the warehouse file changes."""

from __future__ import annotations

import os
import shutil

import config
from callbacks.remembered import remembered
from queries import db


def counting_view():
    calls = []

    @remembered
    def view(state: dict):
        calls.append(state)
        return {"rows": int(db.fetch("SELECT count(*) AS n FROM rejected_rows").iat[0, 0]), "lang": state["lang"]}

    return view, calls


def test_the_same_inputs_are_answered_once_per_warehouse_version(own_warehouse, tmp_path):
    view, calls = counting_view()
    first = view({"lang": "vi"})
    assert view({"lang": "vi"}) is first and len(calls) == 1
    assert view({"lang": "en"})["lang"] == "en" and len(calls) == 2
    fresh = tmp_path / "fresh.duckdb"
    shutil.copy(own_warehouse, fresh)
    os.replace(fresh, own_warehouse)  # a load swaps in a new file
    assert view({"lang": "vi"}) == first and len(calls) == 3


def test_without_a_warehouse_the_view_is_built_each_time(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "WAREHOUSE", tmp_path / "missing.duckdb")

    @remembered
    def view(state: dict):
        return state["lang"]

    assert view({"lang": "vi"}) == "vi"


def test_inputs_json_cannot_hold_are_not_remembered(own_warehouse):
    calls = []

    @remembered
    def view(state):
        calls.append(1)
        return len(calls)

    assert view({1, 2}) == 1 and view({1, 2}) == 2
