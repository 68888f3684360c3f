"""The demo's citizen names and phone numbers, read from its raw files, appear nowhere after a load: not
in any string column of any warehouse table (rejected rows included), not in the ETL's output, not in
any page, callback answer or export. The scanner is shown to find a planted value, so it can fail."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import dash
import duckdb
import pandas as pd
import pytest
from test_hostile_input import initial_props, payload_for, serialise, server_callbacks

import app as hue_app
from queries import db

ROOT = Path(__file__).resolve().parents[1]
#: Headers of the personal columns as the exports write them (unaccented, lower case, "_" for spaces).
NAME_HEADERS = {"citizen_name", "ho_ten", "nguoi_phan_anh"}
PHONE_HEADERS = {"citizen_phone", "so_dien_thoai"}


def header_key(header: str) -> str:
    plain = unicodedata.normalize("NFD", str(header).replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in plain if unicodedata.category(c) != "Mn").strip().lower()
    return re.sub(r"\W+", "_", plain).strip("_")


def raw_frames(raw: Path):
    for path in sorted((raw / "feedback").iterdir()):
        if path.suffix == ".csv":
            yield pd.read_csv(path, dtype=str, sep=None, engine="python", encoding="utf-8-sig")
        elif path.suffix == ".json":
            yield pd.DataFrame(json.loads(path.read_text(encoding="utf-8")), dtype=str)
        elif path.suffix == ".xlsx":
            yield pd.read_excel(path, dtype=str)


def personal_values(raw: Path) -> set[str]:
    """Every citizen name and phone number in the raw exports (phones also as bare digits)."""
    found: set[str] = set()
    for frame in raw_frames(raw):
        for column in frame.columns:
            key = header_key(column)
            if key in NAME_HEADERS | PHONE_HEADERS:
                values = {v.strip() for v in frame[column].dropna() if v.strip()}
                found |= values
                if key in PHONE_HEADERS:
                    found |= {re.sub(r"\D", "", v) for v in values if len(re.sub(r"\D", "", v)) >= 9}
    return found


class Scanner:
    """Finds any of the values inside a text (names and phones are matched as substrings)."""

    def __init__(self, values: set[str]):
        self.values = values
        self.pattern = re.compile("|".join(re.escape(v) for v in sorted(values, key=len, reverse=True)))

    def hits(self, texts) -> list[str]:
        return [m.group(0) for text in texts if text for m in [self.pattern.search(str(text))] if m]


def warehouse_texts(path: Path):
    """(table.column, distinct values) for every text column of every table."""
    with duckdb.connect(str(path), read_only=True) as con:
        columns = con.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'main' AND data_type IN ('VARCHAR', 'JSON')"
        ).fetchall()
        for table, column in columns:
            values = con.execute(f'SELECT DISTINCT "{column}" FROM "{table}"').fetchall()
            yield f"{table}.{column}", [v[0] for v in values]


@pytest.fixture(scope="module")
def scanner(demo_warehouse) -> Scanner:
    values = personal_values(demo_warehouse.raw)
    assert len(values) > 100  # the demo does hold names and phones to look for
    return Scanner(values)


def test_the_scanner_finds_a_planted_name_or_phone(demo_warehouse, scanner, tmp_path):
    name = next(v for v in sorted(scanner.values) if not v.isdigit())
    phone = next(v for v in sorted(scanner.values) if v.isdigit())
    planted = tmp_path / "planted.duckdb"
    with duckdb.connect(str(planted)) as con:
        con.execute("CREATE TABLE rejected_rows (raw VARCHAR)")
        con.execute("INSERT INTO rejected_rows VALUES (?)", [json.dumps({"note": name}, ensure_ascii=False)])
    assert [hit for _, values in warehouse_texts(planted) for hit in scanner.hits(values)] == [name]
    assert scanner.hits([f"Người gửi: {phone}"]) == [phone]


def test_no_warehouse_table_holds_a_name_or_phone(demo_warehouse, scanner):
    scanned = dict(warehouse_texts(demo_warehouse.db))
    assert {"feedback.description", "rejected_rows.raw"} <= set(scanned) or "rejected_rows.raw_row" in scanned
    leaks = {column: scanner.hits(values)[:3] for column, values in scanned.items() if scanner.hits(values)}
    assert not leaks


def test_the_load_prints_and_logs_no_name_or_phone(demo_warehouse, scanner, tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "etl", "run", "--raw", str(demo_warehouse.raw), "--db", str(tmp_path / "w.duckdb"),
         "--no-forecast"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout + done.stderr
    assert not scanner.hits((done.stdout + done.stderr).splitlines())


def test_no_page_or_callback_answer_shows_a_name_or_phone(on_demo_warehouse, scanner):
    db.clear_cache()
    client = hue_app.server.test_client()
    texts = [serialise(page["layout"]()) for page in dash.page_registry.values()]
    props = initial_props()
    answered = 0
    for dep in server_callbacks(client):
        response = client.post("/_dash-update-component", json=payload_for(dep, props, None))
        if response.status_code == 200:
            answered += 1
            texts.append(response.get_data(as_text=True))
    assert answered >= 20
    assert not scanner.hits(texts)


def test_no_export_holds_a_name_or_phone(on_demo_warehouse, scanner):
    exports = pytest.importorskip("queries.exports")
    client = hue_app.server.test_client()
    scanned = set()
    for name in exports.DATASETS:
        for fmt in exports.FORMATS:
            response = client.get(f"/export/{name}.{fmt}")
            if response.status_code == 400 and "needs parameter" in response.get_data(as_text=True):
                continue  # an aggregate that needs a choice (an indicator): no record text in it
            assert response.status_code == 200, (name, fmt, response.get_data(as_text=True)[:200])
            assert not scanner.hits(export_texts(fmt, response.get_data())), (name, fmt)
            scanned.add(name)
    assert {name for name, spec in exports.DATASETS.items() if spec.record_level} <= scanned


def export_texts(fmt: str, body: bytes) -> list[str]:
    if fmt == "csv":
        return body.decode("utf-8-sig").splitlines()
    if fmt == "xlsx":
        sheets = pd.read_excel(io.BytesIO(body), sheet_name=None, dtype=str, header=None)
        return [str(v) for frame in sheets.values() for v in frame.to_numpy().ravel() if isinstance(v, str)]
    frame = pd.read_parquet(io.BytesIO(body))
    return [str(v) for column in frame.columns for v in frame[column].dropna().astype(str).unique()]
