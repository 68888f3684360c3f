"""Export filters to one value the warehouse holds: the feedback page's category, handling unit, channel
and status, so the page's download link exports exactly the reports its table shows.

A value is checked against the values present (a typo answers 400, not an empty file) and bound with
``?``; columns and status conditions come from ``queries.feedback``, the page's own query module.
"""

from __future__ import annotations

from queries.db import fetch
from queries.export_datasets import ExportError
from queries.feedback import FILTER_COLUMNS, STATUS_SQL

#: URL parameter -> feedback column compared with ``=``.
COLUMNS = {name: FILTER_COLUMNS[name] for name in ("category", "agency", "channel")}
#: Every choice a dataset over ``feedback f`` may take, in URL order.
FEEDBACK_CHOICES = (*COLUMNS, "status")


def check(name: str, value: str) -> str:
    """``value`` if the warehouse holds it for ``name``; ExportError otherwise."""
    if name == "status":
        if value not in STATUS_SQL:
            raise ExportError(f"parameter 'status' must be one of {', '.join(STATUS_SQL)}, not {value!r}")
        return value
    column = COLUMNS[name]
    found = fetch(f"SELECT 1 AS found FROM feedback WHERE {column} = ? LIMIT 1", (value,))
    if found.empty:
        raise ExportError(f"no report has {name} {value!r}")
    return value


def condition(name: str, value: str) -> tuple[str, list]:
    """The WHERE condition of one checked choice and its bound values."""
    if name == "status":
        return STATUS_SQL[value], []
    return f"f.{COLUMNS[name]} = ?", [value]
