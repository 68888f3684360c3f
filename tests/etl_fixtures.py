"""Small hand-written raw files for the ETL tests: a valid row per source, changed one field at a time."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb

import config

GEO = json.loads((config.GEO_DIR / "hue_communes_approx.geojson").read_text(encoding="utf-8"))
CENTRES = {f["properties"]["code"]: (f["properties"]["lat"], f["properties"]["lon"]) for f in GEO["features"]}
PHU_THUAN = "19744"  # a ward of Huế city
PHU_THUAN_LAT, PHU_THUAN_LON = CENTRES[PHU_THUAN]

FEEDBACK_HEADER = ["service_request_id", "status", "status_detail", "service_code", "service_name",
                   "description", "agency_responsible", "requested_datetime", "updated_datetime",
                   "expected_datetime", "closed_datetime", "address", "lat", "long", "channel", "rating",
                   "commune_code", "citizen_name", "citizen_phone"]


def feedback_row(**changes) -> dict[str, str]:
    row = {
        "service_request_id": "150330", "status": "closed", "status_detail": "Đã xử lý",
        "service_code": "VSMT", "service_name": "Vệ sinh môi trường",
        "description": "Kênh thoát nước bốc mùi", "agency_responsible": "UBND phường Phú Thượng",
        "requested_datetime": "2024-07-08 17:07:00", "updated_datetime": "2024-07-17 13:44:00",
        "expected_datetime": "2024-07-17 17:07:00", "closed_datetime": "2024-07-17 13:44:00",
        "address": "Kiệt 5 Phú Thuận", "lat": str(PHU_THUAN_LAT), "long": str(PHU_THUAN_LON),
        "channel": "Hue-S", "rating": "hài lòng", "commune_code": PHU_THUAN,
        "citizen_name": "Trần Thị Bình", "citizen_phone": "0912 345 678",
    }
    row.update(changes)
    return row


def write_csv(path: Path, rows: list[dict], header: list[str] | None = None, *, bom: bool = True,
              delimiter: str = ",") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    header = header or list(rows[0])
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(h, "") for h in header])
    return path


def query(db: Path, sql: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def rejected(db: Path, source: str) -> list[tuple]:
    """(row_number, kind, rule, column_name, reason) of a source's rejected rows, in file order."""
    return query(db, "SELECT row_number, kind, rule, column_name, reason FROM rejected_rows "
                     "WHERE source = ? ORDER BY file_name, row_number", [source])
