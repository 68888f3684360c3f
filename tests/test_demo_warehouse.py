"""The shared demo warehouse: the generator's files, loaded by the real ETL, reconcile with the tables."""
from __future__ import annotations

import pandas as pd
from etl_fixtures import query


def test_demo_warehouse_holds_every_generated_report(demo_warehouse):
    files = sorted((demo_warehouse.raw / "feedback").glob("*"))
    generated = sum(len(pd.read_json(f)) if f.suffix == ".json" else
                    len(pd.read_csv(f, sep=None, engine="python", encoding="utf-8-sig")) for f in files)
    assert query(demo_warehouse.db, "SELECT count(*) FROM feedback") == [(generated,)]
    assert query(demo_warehouse.db, "SELECT count(*) FROM rejected_rows") == [(0,)]
    assert query(demo_warehouse.db, "SELECT value FROM meta WHERE key = 'origin'") == [("demo",)]
