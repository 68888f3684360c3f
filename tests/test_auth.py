"""Sign-in (auth.py) on the real app server: what needs a session, the form and its token, roles for
record-level exports, expiry, cookie flags, redirects that stay local, and the users-file command."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import duckdb
import pytest
from flask import Flask

import app as hue_app
import auth
import config
import ids
from callbacks import shell

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "correct horse battery"
PROTECTED_GETS = ("/", "/feedback?lang=en", "/data", "/_dash-layout", "/_dash-dependencies", "/_reload-hash",
                  "/export/feedback_records.csv", "/export/indicators.xlsx", "/briefing.pdf")
DASH_UPDATE = {"output": "x.children", "outputs": {"id": "x", "property": "children"}, "inputs": [],
               "changedPropIds": [], "state": []}


@pytest.fixture
def users_file(tmp_path) -> Path:
    path = tmp_path / "users.json"
    for name, role in (("lan", "leader"), ("minh", "planner"), ("an", "analyst")):
        auth.add_user(name, role, PASSWORD, path)
    return path


@pytest.fixture
def signin_on(users_file, monkeypatch):
    """Sign-in required, with three users, on the real app's server."""
    monkeypatch.setattr(config, "AUTH_MODE", "on")
    monkeypatch.setattr(config, "USERS_FILE", users_file)
    monkeypatch.setattr(hue_app.server, "secret_key", os.urandom(16).hex())
    return users_file


@pytest.fixture
def client():
    return hue_app.server.test_client()


def csrf_of(response) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', response.get_data(as_text=True)).group(1)


def sign_in(client, username: str, password: str = PASSWORD, next_url: str = "/"):
    token = csrf_of(client.get("/login"))
    return client.post("/login", query_string={"next": next_url},
                       data={"csrf_token": token, "username": username, "password": password})


def test_without_sign_in_every_page_export_and_dash_endpoint_is_closed(signin_on, client):
    for url in PROTECTED_GETS:
        response = client.get(url)
        if url.startswith("/_dash-"):
            assert response.status_code == 401 and response.get_json()["login"] == "/login", url
        else:
            assert response.status_code == 302, url
            location = urlsplit(response.headers["Location"])
            assert location.path == "/login" and parse_qs(location.query)["next"] == [url], url
    update = client.post("/_dash-update-component", json=DASH_UPDATE)
    assert update.status_code == 401 and update.is_json


def test_health_and_static_bundles_stay_public(signin_on, client):
    assert client.get("/healthz").status_code == 200
    assert client.get("/assets/theme.css").status_code == 200
    assert auth.is_public("/_dash-component-suites/dash/dcc/dash_core_components.js")
    assert not auth.is_public("/_dash-layout") and not auth.is_public("/assets")


def test_a_signed_in_user_reaches_pages_and_callbacks(signin_on, client):
    response = sign_in(client, "lan", next_url="/feedback?lang=en")
    assert response.status_code == 302 and response.headers["Location"] == "/feedback?lang=en"
    assert client.get("/feedback?lang=en").status_code == 200
    assert client.get("/_dash-layout").status_code == 200
    assert client.get("/_dash-dependencies").status_code == 200


def test_a_wrong_password_or_unknown_user_gets_no_session(signin_on, client):
    for name, password in (("lan", "wrong password!"), ("nobody", PASSWORD)):
        response = sign_in(client, name, password)
        assert response.status_code == 401
        assert "Sai tên đăng nhập hoặc mật khẩu" in response.get_data(as_text=True)
        assert client.get("/_dash-layout").status_code == 401


def test_the_form_needs_its_token(signin_on, client):
    client.get("/login")
    response = client.post("/login", data={"csrf_token": "forged", "username": "lan", "password": PASSWORD})
    assert response.status_code == 400
    assert client.post("/login", data={"username": "lan", "password": PASSWORD}).status_code == 400
    assert client.get("/_dash-layout").status_code == 401


def test_the_form_speaks_vietnamese_and_english_and_escapes_what_it_echoes(signin_on, client):
    vi = client.get("/login").get_data(as_text=True)
    en = client.get("/login", query_string={"lang": "en", "next": '/"><script>alert(1)</script>'})
    assert "Mật khẩu" in vi and 'lang="vi"' in vi
    body = en.get_data(as_text=True)
    assert "Password" in body and 'lang="en"' in body and "<script>" not in body
    assert en.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example/", "/\\evil.example",
                                    "javascript:alert(1)", "evil.example", "/\x0d\x0aLocation: x", "/logout"])
def test_after_sign_in_only_local_paths_are_followed(signin_on, client, target):
    response = sign_in(client, "lan", next_url=target)
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_local_paths_with_queries_are_kept():
    assert auth.safe_next("/map?indicator=x&lang=en") == "/map?indicator=x&lang=en"
    assert auth.safe_next(None) == "/"


def test_record_level_exports_are_for_analysts_only(signin_on):
    datasets = getattr(pytest.importorskip("queries.exports"), "DATASETS", {}) if _exports_exist() else {}
    cases = [("no_such_dataset", True)] + [(name, bool(spec.record_level)) for name, spec in datasets.items()]
    for username, role in (("lan", "leader"), ("minh", "planner"), ("an", "analyst")):
        client = hue_app.server.test_client()
        sign_in(client, username)
        for name, record_level in cases:
            status = client.get(f"/export/{name}.csv").status_code
            forbidden = record_level and role != "analyst"
            assert (status == 403) == forbidden, (username, name, status)


def _exports_exist() -> bool:
    return (ROOT / "queries" / "exports.py").exists()


def test_a_session_expires(signin_on, client):
    sign_in(client, "an")
    assert client.get("/_dash-layout").status_code == 200
    with client.session_transaction() as session:
        session["auth_at"] = time.time() - config.SESSION_MINUTES * 60 - 1
    assert client.get("/_dash-layout").status_code == 401
    with client.session_transaction() as session:
        assert "_user_id" not in session
    assert hue_app.server.permanent_session_lifetime.total_seconds() == config.SESSION_MINUTES * 60


def test_a_removed_user_loses_access_at_once(signin_on, client):
    sign_in(client, "lan")
    data = json.loads(signin_on.read_text())
    data["users"] = [u for u in data["users"] if u["username"] != "lan"]
    signin_on.write_text(json.dumps(data))
    assert client.get("/_dash-layout").status_code == 401


def test_sign_out_is_a_post_with_the_token(signin_on, client):
    sign_in(client, "lan")
    client.get("/logout")  # only a POST signs out
    assert client.post("/logout", data={"csrf_token": "forged"}).status_code == 400
    assert client.get("/_dash-layout").status_code == 200
    with client.session_transaction() as session:
        token = session["csrf"]
    assert client.post("/logout", data={"csrf_token": token}).headers["Location"] == "/login"
    assert client.get("/_dash-layout").status_code == 401


def test_signing_in_starts_a_fresh_session(signin_on, client):
    client.get("/login")
    with client.session_transaction() as session:
        session["planted"] = "from before sign-in"
        before = session["csrf"]
    sign_in(client, "lan")
    with client.session_transaction() as session:
        assert "planted" not in session and session.get("csrf") != before


def test_the_session_cookie_is_httponly_lax_and_secure_when_asked(users_file, monkeypatch):
    monkeypatch.setattr(config, "AUTH_MODE", "on")
    monkeypatch.setattr(config, "USERS_FILE", users_file)
    monkeypatch.setattr(config, "SECRET_KEY", "k" * 64)
    monkeypatch.setattr(config, "COOKIE_SECURE", True)
    server = Flask("secure_cookie_check")
    auth.init(server)
    cookie = server.test_client().get("/login").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie
    assert server.secret_key == "k" * 64
    plain = hue_app.server.test_client()
    monkeypatch.setattr(hue_app.server, "secret_key", "x" * 32)
    monkeypatch.setattr(config, "COOKIE_SECURE", False)
    plain_cookie = plain.get("/login").headers["Set-Cookie"]
    assert "HttpOnly" in plain_cookie and "SameSite=Lax" in plain_cookie and "Secure" not in plain_cookie


def test_without_a_users_file_sign_in_fails_closed_with_a_clear_message(tmp_path, monkeypatch, client):
    monkeypatch.setattr(config, "AUTH_MODE", "on")
    monkeypatch.setattr(config, "USERS_FILE", tmp_path / "none.json")
    monkeypatch.setattr(hue_app.server, "secret_key", "x" * 32)
    page = client.get("/feedback?lang=en")
    assert page.status_code == 503 and "python -m auth add-user" in page.get_data(as_text=True)
    assert client.get("/_dash-layout").status_code == 503
    assert client.get("/login").status_code == 503
    assert client.get("/healthz").status_code == 200


def test_auto_is_off_only_on_demo_data(tmp_path, monkeypatch, warehouse):
    monkeypatch.setattr(config, "AUTH_MODE", "auto")
    assert auth.required() is False  # the fixture warehouse says origin = demo
    operator = tmp_path / "operator.duckdb"
    shutil.copy(warehouse, operator)
    with duckdb.connect(str(operator)) as con:
        con.execute("UPDATE meta SET value = 'operator' WHERE key = 'origin'")
    monkeypatch.setattr(config, "WAREHOUSE", operator)
    assert auth.required() is True
    monkeypatch.setattr(config, "WAREHOUSE", tmp_path / "missing.duckdb")
    assert auth.required() is True
    monkeypatch.setattr(config, "WAREHOUSE", warehouse)
    for mode, expected in (("on", True), ("off", False), ("yes", True)):
        monkeypatch.setattr(config, "AUTH_MODE", mode)
        assert auth.required() is expected, mode


def test_the_demo_badge_says_when_nobody_needs_to_sign_in(monkeypatch):
    monkeypatch.setattr(config, "AUTH_MODE", "auto")
    _, demo, _ = shell.show_warehouse_state("en")
    assert demo[0].children.children == "⚠ DEMO DATA · NO SIGN-IN"
    monkeypatch.setattr(config, "AUTH_MODE", "on")
    _, demo, _ = shell.show_warehouse_state("vi")
    assert demo[0].children.children == "⚠ DỮ LIỆU MẪU"


def test_the_header_offers_sign_out_to_a_signed_in_user(signin_on, client):
    sign_in(client, "an")
    with hue_app.server.test_request_context():
        assert auth.account("en") is None  # nobody signed in within this bare request
    deps = client.get("/_dash-dependencies").get_json()
    state = next(d for d in deps if f"{ids.APP_DEMO}.children" in d["output"])
    payload = {"output": state["output"], "outputs": [{"id": o.split(".")[0], "property": o.split(".")[1]}
                                                       for o in state["output"].strip(".").split("...")],
               "inputs": [{"id": i["id"], "property": i["property"], "value": "en"} for i in state["inputs"]],
               "changedPropIds": [], "state": []}
    body = json.dumps(client.post("/_dash-update-component", json=payload).get_json())
    assert "Signed in: an (analyst)" in body and '"action": "/logout"' in body and "csrf_token" in body


def test_the_command_adds_a_user_with_a_scrypt_hash_from_stdin(tmp_path):
    path = tmp_path / "users.json"
    done = subprocess.run([sys.executable, "-m", "auth", "add-user", "Hoa", "analyst", "--users-file", str(path)],
                          cwd=ROOT, input=PASSWORD + "\n", capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    (user,) = json.loads(path.read_text())["users"]
    assert user["username"] == "hoa" and user["role"] == "analyst"
    assert user["password_hash"].startswith("scrypt:") and PASSWORD not in path.read_text()
    assert path.stat().st_mode & 0o777 == 0o600
    assert auth.check_password_hash(user["password_hash"], PASSWORD)
    for args, stdin in ((["hoa", "admin"], PASSWORD), (["hoa", "leader"], "short")):
        bad = subprocess.run([sys.executable, "-m", "auth", "add-user", *args, "--users-file", str(path)],
                             cwd=ROOT, input=stdin + "\n", capture_output=True, text=True, check=False)
        assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_the_secret_key_comes_from_the_environment_or_a_private_file(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "SECRET_KEY", "")
    monkeypatch.setattr(config, "SECRET_KEY_FILE", tmp_path / "secret")
    first = auth.secret_key()
    assert len(first) == 64 and auth.secret_key() == first
    assert (tmp_path / "secret").stat().st_mode & 0o777 == 0o600
    monkeypatch.setattr(config, "SECRET_KEY_FILE", Path("/proc/no/such/secret"))
    with pytest.raises(auth.AuthConfigError, match="secret key file"):
        auth.secret_key()
