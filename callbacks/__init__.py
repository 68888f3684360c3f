"""Callbacks, one module per page, registered with ``dash.callback`` when this package is imported.

app.py imports this package after creating the Dash app; every module here is imported, so a new
page's callbacks need no edit of this file. Builders (figures*.py, tables.py, maps.py) are pure.
"""
import importlib
import pkgutil

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")
