"""The traffic page's KPI figures for the chosen period and the same period a year earlier, in one read:
volumes and congestion from the daily rollup, crashes, deaths and injuries from the incidents."""

from __future__ import annotations

import pandas as pd

from queries import traffic, traffic_crashes
from queries.db import fetch
from queries.traffic import TrafficFilter


def kpis(f: TrafficFilter) -> pd.DataFrame:
    """Rows 'current' and 'previous': sensors, vehicles, hours_counted, congestion_hours,
    vehicles_per_day (at a counting point), crashes, deaths, injuries."""
    parts, params = [], []
    for module in (traffic, traffic_crashes):
        now, now_params = module.summary_sql(f, "current")
        before, before_params = module.summary_sql(f.last_year(), "previous")
        parts.append(f"{now} UNION ALL {before}")
        params += [*now_params, *before_params]
    return fetch(
        f"WITH volumes AS ({parts[0]}), crashes AS ({parts[1]}) "
        "SELECT * FROM volumes JOIN crashes USING (period) ORDER BY period",
        params,
    )
