"""Remembering a view: a callback that only turns its inputs and the warehouse into components gives
the same answer for the same inputs until the next load, so its answer is kept like a query's.

Leaders open the same few views (this month, the province, the default filters); the second reader of a
view then costs a lookup instead of building every card and figure again. The answer is keyed by the
callback, its inputs and the warehouse file's version (``queries.db.derived``), so a new load is shown
at once. Only for callbacks that read nothing but their arguments and the warehouse: no ``ctx``, no
clock, no session.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

from queries import indicators
from queries.db import WarehouseUnavailable, derived


def remembered(callback: Callable) -> Callable:
    """Keep ``callback``'s answer per inputs and warehouse version (apply below ``@callback``)."""
    name = f"view:{callback.__module__}.{callback.__qualname__}"

    @functools.wraps(callback)
    def answer(*args):
        try:
            key = json.dumps(args, sort_keys=True, separators=(",", ":"))
        except (TypeError, ValueError):  # an input JSON cannot hold is not a view to remember
            return callback(*args)
        try:
            catalogue = tuple(entry.id for entry in indicators.all_indicators())  # a new indicator shows at once
            return derived(name, (key, catalogue), lambda: callback(*args), copy=False)
        except WarehouseUnavailable:  # no file to key on: the callback shows why, as before
            return callback(*args)

    return answer
