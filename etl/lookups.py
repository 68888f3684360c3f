"""Vocabulary tables for the loaders, built from ``etl.vocab`` with folded keys for matching."""
from __future__ import annotations

import duckdb

from etl import vocab
from etl.text import fold

TABLES = {
    "v_status_detail": ("folded VARCHAR, label VARCHAR, verified BOOLEAN, reason VARCHAR",
                        [(fold(k), k, v, r) for k, (v, r) in vocab.STATUS_DETAILS.items()]),
    "v_channel": ("folded VARCHAR, code VARCHAR",
                  [(fold(k), c) for k, c in vocab.CHANNELS.items()] + [(c, c) for c in vocab.CHANNELS.values()]),
    "v_category": ("code VARCHAR, folded VARCHAR, name_vi VARCHAR",
                   [(code, fold(vi), vi) for code, (vi, _en) in vocab.CATEGORIES.items()]),
    "v_rating": ("folded VARCHAR, rating VARCHAR", [(fold(r), r) for r in vocab.RATINGS]),
    "v_level": ("folded VARCHAR, level VARCHAR", [(fold(v), v) for v in vocab.SCHOOL_LEVELS]),
    "v_ownership": ("folded VARCHAR, ownership VARCHAR", [(fold(v), v) for v in vocab.SCHOOL_OWNERSHIP]),
    "v_incident_kind": ("folded VARCHAR, kind VARCHAR", [(fold(v), v) for v in vocab.INCIDENT_KINDS]),
    "v_yes_no": ("folded VARCHAR, value BOOLEAN",
                 [(w, True) for w in ("co", "yes", "true", "1", "x", "c")]
                 + [(w, False) for w in ("khong", "no", "false", "0", "k")]),
}


def install_lookups(con: duckdb.DuckDBPyConnection) -> None:
    for name, (columns, rows) in TABLES.items():
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({columns})")
        marks = ", ".join("?" * len(rows[0]))
        con.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)
