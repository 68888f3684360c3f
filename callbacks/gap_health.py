"""Pure builders of the health-records gap table and its CSV download.

Rows are communes ranked by the people still missing to reach the target of the chosen measure. Cells
keep raw values for sorting and the text the reader sees (``<field>__text``); the CSV is written from
that text, in the grid's current order, so the file holds exactly what the table shows.
"""

from __future__ import annotations

import csv
import io
import math

import pandas as pd

from callbacks import tables
from callbacks.cards_health import signed
from callbacks.figures_health import area_names
from i18n import fmt_date, fmt_number, fmt_percent, is_missing, t

#: Raw value of "never at this pace" in the months column: sorts after any real horizon.
NEVER = 10_000

COLUMNS = [
    tables.Column("rank", "health.col.rank", "number", min_width=70),
    tables.Column("commune", "health.col.commune", min_width=130),
    tables.Column("district", "health.col.district", min_width=110),
    tables.Column("pct", "health.col.pct", "number", min_width=95),
    tables.Column("missing", "health.col.missing", "number", min_width=130),
    tables.Column("months", "health.col.months", "number", min_width=130),
    tables.Column("status", "health.col.status", "status", min_width=140),
    tables.Column("change", "health.col.change", "number", min_width=120),
    tables.Column("pace", "health.col.pace", "number", min_width=130),
    tables.Column("without_record", "health.col.without", "number", min_width=115),
    tables.Column("population", "health.col.population", "number", min_width=110),
    tables.Column("station", "health.col.station", min_width=190),
]
#: Columns kept in view while the others scroll sideways (on phones most of the table scrolls).
PINNED = ("rank", "commune")


def ranked(coverage: pd.DataFrame, district_names: pd.DataFrame, measure: str, lang: str) -> pd.DataFrame:
    """One row per commune with the chosen measure's columns, most people missing first."""
    if coverage.empty or f"{measure}_missing" not in coverage:
        return pd.DataFrame()
    districts = dict(zip(district_names["code"], area_names(district_names, lang)))
    frame = coverage.sort_values(
        [f"{measure}_missing", f"{measure}_pct", "code"], ascending=[False, True, True]
    )
    return pd.DataFrame(
        {
            "rank": range(1, len(frame) + 1),
            "commune": area_names(frame, lang).to_numpy(),
            "district": [districts.get(c, c) for c in frame["district_code"]],
            "station": frame["station"].to_numpy(),
            "population": frame["population"].to_numpy(),
            "pct": frame[f"{measure}_pct"].to_numpy(),
            "change": frame[f"{measure}_change"].to_numpy(),
            "missing": frame[f"{measure}_missing"].to_numpy(),
            "without_record": frame["without_record"].to_numpy(),
            "pace": frame[f"{measure}_pace"].to_numpy(),
            "months": frame[f"{measure}_months"].to_numpy(),
            "status": frame[f"{measure}_status"].to_numpy(),
        }
    )


def hint(goals: dict[str, dict], measure: str, lang: str) -> str:
    """The line above the table: measure, target and due date, and how to read the table."""
    if measure not in goals:
        return t("health.no_target", lang)
    goal = goals[measure]
    return t(
        "health.gap_hint",
        lang,
        measure=t(f"health.measure.{measure}", lang),
        target=fmt_percent(goal["target_value"], lang, decimals=0),
        due=fmt_date(goal["due_date"], lang),
    )


def _months_text(value: object, lang: str) -> str:
    if is_missing(value):
        return fmt_number(value, lang)
    if math.isinf(value):
        return t("health.never", lang)
    return t("health.reached", lang) if value == 0 else fmt_number(value, lang)


def grid(frame: pd.DataFrame, lang: str) -> tuple[list[dict], list[dict]]:
    """``(columnDefs, rowData)``; percentages, signed changes and "never at this pace" written out."""
    columns, rows = tables.grid(frame, COLUMNS, lang)
    for column in columns:
        if column["field"] in PINNED:
            column["pinned"] = "left"
    for row, record in zip(rows, frame.to_dict("records")):
        row["pct__text"] = fmt_percent(record["pct"], lang)
        row["change__text"] = signed(record["change"], lang)
        row["pace__text"] = signed(record["pace"], lang, decimals=2)
        row["months__text"] = _months_text(record["months"], lang)
        if not is_missing(record["months"]) and math.isinf(record["months"]):
            row["months"] = NEVER
    return columns, rows


def csv_bytes(column_defs: list[dict], rows: list[dict]) -> bytes:
    """UTF-8 CSV with a byte-order mark (so Excel reads the accents): the headers and the text of each
    cell, in the order given."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.get("headerName", c["field"]) for c in column_defs])
    for row in rows:
        writer.writerow([row.get(f"{c['field']}__text", row.get(c["field"], "")) for c in column_defs])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
