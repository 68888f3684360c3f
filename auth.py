"""Optional sign-in with roles (leader, planner, analyst) for the app's Flask server.

``init(server)`` installs a ``before_request`` guard, the ``/login`` form and ``POST /logout``.
Whether sign-in is required is decided per request from ``HUE_AUTH``: ``on``, ``off``, or ``auto``
(the default), which is off only while the warehouse positively says it holds demo data — a real,
missing or unreadable warehouse means on, so a swap from demo to real data locks the app at once.

When required, every page, every ``/_dash-*`` endpoint, ``/export/…`` and ``/briefing.pdf`` need a
session. Public: ``/login``, ``/healthz`` and the static bundles (``/assets/``,
``/_dash-component-suites/``, ``/static/``, favicons), which hold code and styles but no data.
A Dash request without a session gets 401 JSON (the renderer cannot follow a redirect); a page gets
a redirect to ``/login?next=…``. With no users file, protected requests fail closed with 503.

Users live in a JSON file (``HUE_USERS_FILE``): ``{"users": [{"username", "role", "password_hash"}]}``
with werkzeug scrypt hashes, written by ``python -m auth add-user NAME ROLE``.
"""

from __future__ import annotations

import argparse
import getpass
import hmac
import importlib
import json
import logging
import os
import re
import secrets
import sys
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from flask import Flask, has_request_context, jsonify, redirect, render_template_string, request, session
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

import config
from i18n import normalize_lang, t

log = logging.getLogger(__name__)

ROLES = ("leader", "planner", "analyst")
MODES = ("auto", "on", "off")
USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")
PUBLIC_PATHS = frozenset({"/login", "/healthz", "/_favicon.ico", "/favicon.ico"})
PUBLIC_PREFIXES = ("/assets/", "/_dash-component-suites/", "/static/")
#: Checked against when the username is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = generate_password_hash(secrets.token_hex(8), method="scrypt")


class AuthConfigError(RuntimeError):
    """Sign-in is required but cannot work (no users file, unreadable secret key)."""


@dataclass(frozen=True)
class User(UserMixin):
    username: str
    role: str
    password_hash: str

    def get_id(self) -> str:
        return self.username


# --- users file ------------------------------------------------------------------------------------

_users_cache: dict[tuple, dict[str, User]] = {}


def load_users(path: Path | None = None) -> dict[str, User]:
    """Users by name; re-read when the file changes, so a removed user loses access at once."""
    path = Path(path or config.USERS_FILE)
    stat = path.stat()  # FileNotFoundError when absent: callers decide
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key not in _users_cache:
        entries = json.loads(path.read_text(encoding="utf-8")).get("users", [])
        users = {e["username"]: User(e["username"], e["role"], e["password_hash"]) for e in entries}
        bad = [u.username for u in users.values() if u.role not in ROLES]
        if bad:
            raise AuthConfigError(f"{path}: unknown role for {bad}; roles are {', '.join(ROLES)}")
        _users_cache.clear()
        _users_cache[key] = users
    return _users_cache[key]


def add_user(username: str, role: str, password: str, path: Path | None = None) -> Path:
    """Add or replace one user in the users file (created with mode 0600)."""
    path = Path(path or config.USERS_FILE)
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise ValueError("username: 1–64 of a-z 0-9 _ . - starting with a letter or digit")
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if len(password) < 10:
        raise ValueError("password: at least 10 characters")
    entries = json.loads(path.read_text(encoding="utf-8")).get("users", []) if path.exists() else []
    entries = [e for e in entries if e["username"] != username]
    entries.append({"username": username, "role": role,
                    "password_hash": generate_password_hash(password, method="scrypt")})
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"users": entries}, out, ensure_ascii=False, indent=2)
    os.replace(temporary, path)
    return path


def check_password(username: str, password: str) -> User | None:
    """The user when the password matches, else None (same cost for an unknown name)."""
    user = load_users().get(username.strip().lower())
    ok = check_password_hash(user.password_hash if user else _DUMMY_HASH, password)
    return user if user and ok else None


# --- when sign-in is required ------------------------------------------------------------------------

def required() -> bool:
    """True unless HUE_AUTH is off, or auto while the warehouse holds demo data."""
    mode = config.AUTH_MODE
    if mode == "off":
        return False
    if mode != "auto":
        return True  # "on", and any value we do not know: fail closed
    import duckdb  # the app's read side, imported late so the CLI needs no warehouse

    from queries import meta
    from queries.db import WarehouseUnavailable

    try:
        return not meta.is_demo()
    except (WarehouseUnavailable, duckdb.Error):  # nothing says "demo", so sign-in stays on
        return True


def is_public(path: str) -> bool:
    return path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)


def record_level(dataset: str) -> bool:
    """True when the export is record-level (analysts only); unknown datasets count as record-level."""
    try:
        exports = importlib.import_module("queries.exports")
    except ImportError:
        return True
    spec = getattr(exports, "DATASETS", {}).get(dataset)
    return True if spec is None else bool(getattr(spec, "record_level", True))


def export_dataset(path: str) -> str:
    """``feedback_records`` from ``/export/feedback_records.csv``."""
    return path.removeprefix("/export/").split("/", 1)[0].rsplit(".", 1)[0]


def safe_next(value: str | None) -> str:
    """A local path to return to after signing in; anything else (other hosts, ``//x``) is ``/``."""
    value = (value or "").strip()
    parts = urlsplit(value)
    if (not value.startswith("/") or value.startswith(("//", "/\\")) or parts.scheme or parts.netloc
            or any(ord(c) < 32 for c in value) or "\\" in value or parts.path in ("/login", "/logout")):
        return "/"
    return value


def session_expired() -> bool:
    started = session.get("auth_at")
    return not isinstance(started, (int, float)) or time.time() - started > config.SESSION_MINUTES * 60


# --- the guard ---------------------------------------------------------------------------------------

def _unauthenticated():
    """401 for Dash's renderer (it cannot follow a redirect), a redirect to the form for the rest."""
    if request.path.startswith("/_dash-"):
        return jsonify({"error": "sign-in required", "login": "/login"}), 401
    return redirect("/login?" + urlencode({"next": safe_next(request.full_path.rstrip("?"))}))


def _no_users():
    log.error("sign-in is required but there is no users file at %s", config.USERS_FILE)
    lang = normalize_lang(request.args.get("lang"))
    body = t("auth.no_users_body", lang, path=config.USERS_FILE)
    if request.path.startswith("/_dash-"):
        return jsonify({"error": body}), 503
    return render_template_string(MESSAGE_PAGE, lang=lang, title=t("auth.no_users_title", lang), body=body), 503


def guard():
    """Runs before every request: public paths pass, the rest need a live session (and a role)."""
    if is_public(request.path) or not required():
        return None
    if not Path(config.USERS_FILE).is_file():
        return _no_users()
    if not current_user.is_authenticated or session_expired():
        logout_user()
        session.pop("auth_at", None)
        return _unauthenticated()
    if (request.path.startswith("/export/") and current_user.role != "analyst"
            and record_level(export_dataset(request.path))):
        lang = normalize_lang(request.args.get("lang"))
        return render_template_string(MESSAGE_PAGE, lang=lang, title="403", body=t("auth.forbidden", lang)), 403
    return None


# --- the form --------------------------------------------------------------------------------------

MESSAGE_PAGE = """<!doctype html><html lang="{{ lang }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ title }}</title>
<link rel="stylesheet" href="/assets/theme.css"><link rel="stylesheet" href="/assets/auth.css"></head>
<body class="auth-page"><main class="auth-card"><h1>{{ title }}</h1><p>{{ body }}</p></main></body></html>"""

LOGIN_PAGE = """<!doctype html><html lang="{{ lang }}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ s.title }} · Huế IOC</title>
<link rel="stylesheet" href="/assets/theme.css"><link rel="stylesheet" href="/assets/auth.css"></head>
<body class="auth-page"><main class="auth-card">
<h1>Huế IOC Analytics</h1><h2>{{ s.title }}</h2>
{% if error %}<p class="auth-error" role="alert">{{ error }}</p>{% endif %}
<form method="post" action="/login?{{ query }}">
<input type="hidden" name="csrf_token" value="{{ csrf }}">
<label>{{ s.username }} <input name="username" autocomplete="username" required maxlength="64"></label>
<label>{{ s.password }} <input name="password" type="password" autocomplete="current-password" required
 maxlength="1024"></label>
<button type="submit">{{ s.submit }}</button></form>
<p><a href="/login?{{ other_query }}">{{ s.other_lang }}</a></p></main></body></html>"""


def csrf_token() -> str:
    """This session's form token (made on first use)."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def csrf_ok() -> bool:
    sent, held = request.form.get("csrf_token", ""), session.get("csrf", "")
    return bool(held) and hmac.compare_digest(sent.encode(), held.encode())


def _login_form(lang: str, target: str, error: str | None = None, status: int = 200):
    keys = ("title", "username", "password", "submit", "other_lang")
    strings = {key: t(f"auth.{key}", lang) for key in keys}
    other = "en" if lang == "vi" else "vi"
    page = render_template_string(
        LOGIN_PAGE, lang=lang, s=strings, error=error, csrf=csrf_token(),
        query=urlencode({"next": target, "lang": lang}), other_query=urlencode({"next": target, "lang": other}),
    )
    return page, status, {"Cache-Control": "no-store"}


def login():
    """GET: the form. POST: check the token and the password, start a fresh session, go back."""
    lang = normalize_lang(request.args.get("lang"))
    target = safe_next(request.args.get("next"))
    if not required():
        return redirect(target)
    if not Path(config.USERS_FILE).is_file():
        return _no_users()
    if request.method == "GET":
        return _login_form(lang, target)
    if not csrf_ok():
        return _login_form(lang, target, t("auth.expired_form", lang), 400)
    user = check_password(request.form.get("username", "")[:64], request.form.get("password", "")[:1024])
    if user is None:
        log.warning("failed sign-in from %s", request.remote_addr)
        return _login_form(lang, target, t("auth.failed", lang), 401)
    session.clear()  # no state carried over from before sign-in (session fixation)
    login_user(user)
    session.permanent = True
    session["auth_at"] = time.time()
    csrf_token()  # a new token for this session's sign-out form
    log.info("%s signed in (%s)", user.username, user.role)
    return redirect(target)


def logout():
    """POST only, with the form token; a forged cross-site post cannot sign anyone out."""
    if required() and not csrf_ok():
        return jsonify({"error": "bad form token"}), 400
    logout_user()
    session.clear()
    return redirect("/login")


# --- wiring ------------------------------------------------------------------------------------------

def secret_key() -> str:
    """HUE_SECRET_KEY, else the key file, created with 32 random bytes (mode 0600) on first start."""
    if config.SECRET_KEY:
        return config.SECRET_KEY
    path = Path(config.SECRET_KEY_FILE)
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as out:
                out.write(secrets.token_hex(32))
        return path.read_text().strip()
    except OSError as exc:
        raise AuthConfigError(f"cannot read or create the secret key file {path}: {exc}") from None


def init(server: Flask) -> None:
    """Cookie flags, the secret key, Flask-Login, the guard and the /login and /logout routes."""
    if config.AUTH_MODE not in MODES:
        log.warning("HUE_AUTH=%r is not one of %s: sign-in is required", config.AUTH_MODE, MODES)
    server.config.update(
        SESSION_COOKIE_NAME="hue_session", SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=config.COOKIE_SECURE, REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax", REMEMBER_COOKIE_SECURE=config.COOKIE_SECURE,
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=config.SESSION_MINUTES),
    )
    if config.AUTH_MODE != "off":
        server.secret_key = secret_key()
    manager = LoginManager()
    manager.user_loader(_user_from_session)
    manager.init_app(server)
    server.before_request(guard)
    server.add_url_rule("/login", "login", login, methods=["GET", "POST"])
    server.add_url_rule("/logout", "logout", logout, methods=["POST"])


def _user_from_session(username: str) -> User | None:
    try:
        return load_users().get(username)
    except (OSError, ValueError, KeyError, AuthConfigError):
        return None


def account(lang: str):
    """The header's "signed in as … / sign out" form, or None when nobody is signed in."""
    if not has_request_context() or not required() or not current_user.is_authenticated:
        return None
    from dash import dcc, html  # the shell's components; only the header needs them

    label = t("auth.signed_in_as", lang, name=current_user.username, role=t(f"role.{current_user.role}", lang))
    return html.Form(
        [html.Span(label, className="account-name"),
         dcc.Input(type="hidden", name="csrf_token", value=csrf_token()),
         html.Button(t("auth.logout", lang), type="submit", className="account-logout")],
        method="POST", action="/logout", className="account",
    )


def off_note(lang: str) -> str:
    """Appended to the demo badge while sign-in is off."""
    return "" if required() else f" · {t('auth.off_badge', lang)}"


# --- command line ------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m auth", description="Manage who may sign in.")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add-user", help="add a user or replace their role and password")
    add.add_argument("name")
    add.add_argument("role", choices=ROLES)
    add.add_argument("--users-file", type=Path, default=None, help=f"default {config.USERS_FILE}")
    args = parser.parse_args(argv)
    if sys.stdin.isatty():
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            print("error: the passwords differ", file=sys.stderr)
            return 2
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        path = add_user(args.name, args.role, password, args.users_file)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{args.name.strip().lower()} ({args.role}) saved in {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
