"""Callbacks, one module per page, registered with ``dash.callback`` when this package is imported.

app.py imports this package after creating the Dash app. Builders (figures.py, tables.py) are pure.
"""

from callbacks import data, shell, theme  # noqa: F401
