"""Every setting of the product, read once from the environment with safe defaults.

Nothing else reads ``os.environ``. The README lists each setting.
"""
from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def _path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser().resolve() if value else default


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


#: DuckDB warehouse file served by the app and written by the ETL.
WAREHOUSE = _path("HUE_WAREHOUSE", ROOT / "data" / "warehouse.duckdb")
#: Folder with one sub-folder of raw exports per source (``feedback/``, ``health/`` …).
RAW_DIR = _path("HUE_RAW_DIR", ROOT / "data" / "raw")
#: Shipped boundaries (GeoJSON with GSO codes) and the working-day calendar.
GEO_DIR = _path("HUE_GEO_DIR", ROOT / "data" / "geo")
CALENDAR_FILE = _path("HUE_CALENDAR_FILE", ROOT / "data" / "calendar" / "vn_days_off.csv")
#: Secret mixed into phone-number hashes. The default file is created on first load and git-ignored;
#: keep it stable, or repeat-reporter counts restart.
PII_SALT_FILE = _path("HUE_PII_SALT_FILE", ROOT / "data" / ".pii_salt")
PII_SALT = os.environ.get("HUE_PII_SALT", "")

#: Web server.
HOST = os.environ.get("HOST", "127.0.0.1")
PORT = _int("PORT", 8050)
DEBUG = os.environ.get("HUE_DEBUG", "") == "1"
#: Default interface language: "vi" or "en".
DEFAULT_LANG = os.environ.get("HUE_LANG", "vi") if os.environ.get("HUE_LANG") in ("vi", "en") else "vi"
#: Map base tiles; empty for none (the map still draws our own boundaries).
TILE_URL = os.environ.get("HUE_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
TILE_ATTRIBUTION = os.environ.get("HUE_TILE_ATTRIBUTION", "© OpenStreetMap contributors")
#: Query results kept in memory per worker (entries), invalidated when the warehouse file changes.
QUERY_CACHE_SIZE = _int("HUE_QUERY_CACHE_SIZE", 512)
#: DuckDB threads for reads (the app) and for loads (the ETL).
DUCKDB_THREADS = _int("HUE_DUCKDB_THREADS", 2)

#: Sign-in (auth.py). HUE_AUTH: "auto" (off only while the warehouse holds demo data), "on" or "off".
AUTH_MODE = os.environ.get("HUE_AUTH", "auto").strip().lower() or "auto"
#: Users allowed to sign in (JSON written by ``python -m auth add-user``); git-ignored by default.
USERS_FILE = _path("HUE_USERS_FILE", ROOT / "data" / "users.json")
#: Key that signs the session cookie: HUE_SECRET_KEY, else this file (created on first start, git-ignored).
SECRET_KEY = os.environ.get("HUE_SECRET_KEY", "")
SECRET_KEY_FILE = _path("HUE_SECRET_KEY_FILE", ROOT / "data" / ".secret_key")
#: A session ends this many minutes after sign-in.
SESSION_MINUTES = _int("HUE_SESSION_MINUTES", 480)
#: "1" when served over HTTPS: the session cookie is then sent over HTTPS only.
COOKIE_SECURE = os.environ.get("HUE_COOKIE_SECURE", "") == "1"
#: Seconds between a worker's checks for a newly loaded warehouse, after which it computes the answers
#: most views share before anyone asks (queries/warm.py); 0 turns warming off (the tests do).
WARM_SECONDS = _int("HUE_WARM_SECONDS", 5)
