"""What the app serves outside Dash callbacks: file exports and the A4 briefing, as Flask blueprints.

``register(server)`` mounts the ``blueprint`` of every ``routes_*`` module in this package, so a new
download is one module, not an edit to app.py.
"""

from __future__ import annotations

import importlib
import pkgutil

from flask import Flask


def register(server: Flask) -> None:
    for module in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if module.name.startswith("routes_"):
            server.register_blueprint(importlib.import_module(f"{__name__}.{module.name}").blueprint)
