"""Pure table builder of the schools page: the school list for dash-ag-grid.

Column definitions come from callbacks/tables.py. Number cells have the shape ``tables.row_data`` gives
(raw value for sorting, ``<field>__text`` written by i18n); text cells are already written in the page's
language and sent once. Rows are built column by column: the list holds every school of a year, and a
row-by-row build took most of the callback's time. Each row carries its school id (the grid's row id).
"""

from __future__ import annotations

import pandas as pd

from callbacks.cards_schools import area_names, broadband_text
from callbacks.tables import Column, column_defs
from i18n import fmt_number, label

#: Numeric columns and their decimals.
NUMBERS = {"students": 0, "classrooms": 0, "students_per_classroom": 1, "smart_classrooms": 0}
COLUMNS = [
    Column("name", "schools.col.name", min_width=240),
    Column("level_text", "schools.col.level", min_width=120),
    Column("ownership_text", "schools.col.ownership", min_width=130),
    Column("district_name", "schools.col.district", min_width=120),
    Column("commune_name", "schools.col.commune", min_width=130),
    Column("students", "schools.col.students", "number"),
    Column("classrooms", "schools.col.classrooms", "number"),
    Column("students_per_classroom", "schools.col.spc", "number"),
    Column("smart_classrooms", "schools.col.smart", "number"),
    Column("broadband_text", "schools.col.broadband", min_width=120),
]


def _text_columns(frame: pd.DataFrame, lang: str) -> dict[str, list]:
    levels = {v: label("schools.level", v, lang) for v in frame["level"].unique()}
    owners = {v: label("schools.ownership", v, lang) for v in frame["ownership"].unique()}
    return {
        "name": frame["name"].tolist(),
        "level_text": frame["level"].map(levels).tolist(),
        "ownership_text": frame["ownership"].map(owners).tolist(),
        "district_name": area_names(frame, "district", lang),
        "commune_name": area_names(frame, "commune", lang),
        "broadband_text": [broadband_text(v, lang) for v in frame["has_broadband"]],
    }


def school_list(frame: pd.DataFrame, lang: str) -> tuple[list[dict], list[dict]]:
    """``(columnDefs, rowData)`` of the school list; no rows for an empty frame."""
    if frame.empty:
        return _defs(lang), []
    columns: dict[str, list] = {"school_id": frame["school_id"].tolist()}
    columns.update(_text_columns(frame, lang))
    for field, decimals in NUMBERS.items():
        values = frame[field].astype(object).where(frame[field].notna(), None).tolist()
        columns[field] = values
        columns[f"{field}__text"] = [fmt_number(v, lang, decimals) for v in values]
    names = list(columns)
    rows = [dict(zip(names, cells)) for cells in zip(*columns.values())]
    return _defs(lang), rows


def _defs(lang: str) -> list[dict]:
    """Column definitions; text cells show their value as is (no ``__text`` copy to send)."""
    defs = column_defs(COLUMNS, lang)
    for spec in defs:
        if spec["field"] not in NUMBERS:
            spec.pop("valueFormatter", None)
    return defs
