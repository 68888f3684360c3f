"""The monthly feedback exports in the three shapes the IOC receives them.

- months of the window's first calendar year: the Hue-S portal export (``phan-anh_YYYY-MM.csv``,
  Vietnamese headers, ``;``, dd/mm/yyyy HH:MM, decimal comma, UTF-8 with BOM);
- the month 2025-06 (or the last month when 2025-06 is outside the window): an Open311 JSON array
  (``requests_YYYY-MM.json``);
- every other month: Open311 CSV (``hue-s_YYYY-MM.csv``, UTF-8 with BOM as Excel saves it).
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from etl import vocab
from etl.demo import defects, writers

OPEN311_COLUMNS = [
    "service_request_id", "status", "status_detail", "service_code", "service_name", "description",
    "agency_responsible", "requested_datetime", "updated_datetime", "expected_datetime", "closed_datetime",
    "address", "lat", "long", "channel", "rating", "commune_code", "citizen_name", "citizen_phone",
]
PORTAL_HEADERS = [
    "Mã phản ánh", "Tình trạng", "Trạng thái xử lý", "Mã lĩnh vực", "Lĩnh vực", "Nội dung", "Đơn vị xử lý",
    "Ngày gửi", "Ngày cập nhật", "Hạn xử lý", "Ngày xử lý", "Địa chỉ", "Vĩ độ", "Kinh độ", "Kênh", "Đánh giá",
    "Mã ĐVHC", "Họ tên", "Số điện thoại",
]
PORTAL_STATUS = {"open": "đang mở", "closed": "đã đóng"}
JSON_MONTH = "2025-06"
DATETIME_COLUMNS = {"requested": "requested_datetime", "updated": "updated_datetime",
                    "expected": "expected_datetime", "closed": "closed_datetime"}


def open311_frame(reports: pd.DataFrame) -> pd.DataFrame:
    """Typed reports -> Open311 text columns (ISO datetimes, '' for empty)."""
    out = pd.DataFrame({"service_request_id": reports["service_request_id"]})
    for col in OPEN311_COLUMNS[1:]:
        out[col] = ""
    for col in ("status", "status_detail", "service_code", "description", "agency_responsible",
                "address", "channel", "rating", "commune_code", "citizen_name", "citizen_phone"):
        out[col] = reports[col].to_numpy()
    out["service_name"] = reports["service_code"].map(lambda c: vocab.CATEGORIES[c][0]).to_numpy()
    for typed, col in DATETIME_COLUMNS.items():
        out[col] = iso_datetimes(reports[typed].to_numpy())
    out["lat"] = np.char.mod("%.6f", reports["lat"].to_numpy())
    out["long"] = np.char.mod("%.6f", reports["lon"].to_numpy())
    return out


def iso_datetimes(values: np.ndarray) -> np.ndarray:
    text = np.datetime_as_string(values.astype("datetime64[s]"), unit="s")
    return np.where(text == "NaT", "", np.char.replace(text, "T", " ")).astype(object)


def portal_frame(rows: pd.DataFrame) -> pd.DataFrame:
    """Open311 text rows -> the portal export: Vietnamese headers, dd/mm/yyyy HH:MM, decimal comma."""
    out = rows.copy()
    out["status"] = out["status"].map(PORTAL_STATUS)
    for col in DATETIME_COLUMNS.values():
        iso = out[col].str
        out[col] = iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4) + " " + iso.slice(11, 16)
        out.loc[rows[col] == "", col] = ""
    out["lat"] = out["lat"].str.replace(".", ",", regex=False)
    out["long"] = out["long"].str.replace(".", ",", regex=False)
    return out.set_axis(PORTAL_HEADERS, axis=1)


def json_records(rows: pd.DataFrame) -> list[dict]:
    records = rows.replace("", None).to_dict("records")
    for record in records:
        record["lat"], record["long"] = float(record["lat"]), float(record["long"])
    return records


def month_kind(month: str, first_year: int, json_month: str) -> str:
    if month == json_month:
        return "json"
    return "portal" if int(month[:4]) == first_year else "open311"


def write_month(rows: pd.DataFrame, folder: Path, month: str, kind: str) -> None:
    """Write one month of Open311 text rows in the given shape."""
    if kind == "json":
        writers.write_json(json_records(rows), folder / f"requests_{month}.json")
    elif kind == "portal":
        writers.write_csv(portal_frame(rows), folder / f"phan-anh_{month}.csv", sep=";", bom=True)
    else:
        writers.write_csv(rows, folder / f"hue-s_{month}.csv", sep=",", bom=True)


def write_all(reports: pd.DataFrame, folder: Path, months: list[str], bar,
              rng: np.random.Generator | None = None) -> int:
    """Write every month of the window (and, given ``rng``, the supplementary file with defects);
    returns the number of rows written."""
    rows = open311_frame(reports)
    extra = defects.write(rows, folder, rng) if rng is not None else 0
    month_of = rows["requested_datetime"].str.slice(0, 7).to_numpy()
    json_month = JSON_MONTH if JSON_MONTH in months else months[-1]
    first_year = int(months[0][:4])
    for month in months:
        write_month(rows[month_of == month], folder, month, month_kind(month, first_year, json_month))
        bar.update(1)
    return len(rows) + extra
