"""While ``python -m etl run`` loads new files into the warehouse the app is serving, the app keeps
answering (/healthz and a callback, every answer 200), and afterwards it shows the new rows without a
restart: the served process picks up the swapped-in file on its next query."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from etl_fixtures import FEEDBACK_HEADER, feedback_row, write_csv

import ids
from etl import run

ROOT = Path(__file__).resolve().parents[1]
PORT = 8121
BASE = f"http://127.0.0.1:{PORT}"
NEW_ROWS = 3000


def get(path: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(BASE + path, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, {}


def post(path: str, payload: dict) -> int:
    request = urllib.request.Request(BASE + path, data=json.dumps(payload).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def badge_request() -> dict:
    """The shell callback that reads the warehouse ("data up to", demo badge) for one language."""
    deps = get("/_dash-dependencies")[1]
    dep = next(d for d in deps if f"{ids.APP_DEMO}.children" in d["output"])
    outputs = [{"id": o.rsplit(".", 1)[0], "property": o.rsplit(".", 1)[1]} for o in dep["output"].strip(".").split("...")]
    inputs = [{"id": i["id"], "property": i["property"], "value": "vi"} for i in dep["inputs"]]
    return {"output": dep["output"], "outputs": outputs, "inputs": inputs, "state": [], "changedPropIds": []}


@pytest.fixture
def served(tmp_path):
    """A one-row warehouse served by the real app in its own process, and its raw folder."""
    raw, db = tmp_path / "raw", tmp_path / "data" / "warehouse.duckdb"
    write_csv(raw / "feedback" / "a.csv", [feedback_row()], FEEDBACK_HEADER)
    run.run(raw, db, forecasts=False)
    env = {**os.environ, "HUE_WAREHOUSE": str(db), "HUE_AUTH": "off", "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-c", f"import app; app.server.run(host='127.0.0.1', port={PORT}, threaded=True)"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    try:
        for _ in range(600):  # wait for the port; the loop ends as soon as the app answers
            if server.poll() is not None:
                pytest.fail(f"the app did not start: {server.stderr.read()[-2000:]}")
            try:
                get("/healthz")
                break
            except OSError:
                time.sleep(0.1)
        yield raw, db
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_the_app_answers_during_a_load_and_then_shows_the_new_rows(served):
    raw, db = served
    status, before = get("/healthz")
    assert status == 200 and before["row_counts"]["feedback"] == 1
    rows = [feedback_row(service_request_id=str(200000 + i)) for i in range(NEW_ROWS)]
    write_csv(raw / "feedback" / "b.csv", rows, FEEDBACK_HEADER)
    request = badge_request()
    load = subprocess.Popen([sys.executable, "-m", "etl", "run", "--raw", str(raw), "--db", str(db), "--quiet",
                             "--no-forecast"], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    answers = []
    while load.poll() is None:
        answers.append(get("/healthz")[0])
        answers.append(post("/_dash-update-component", request))
    _, err = load.communicate()
    assert load.returncode == 0, err[-2000:]
    assert answers and set(answers) == {200}, answers
    status, after = get("/healthz")
    assert status == 200 and after["row_counts"]["feedback"] == 1 + NEW_ROWS
    assert after["last_load"] > before["last_load"]
    assert post("/_dash-update-component", request) == 200
