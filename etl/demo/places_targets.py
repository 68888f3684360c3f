"""Points of interest (visitor information points, commune health stations) and indicator targets."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from etl.demo import geo, writers

#: Visitor information points of hue-facts §5.5. Coordinates are approximate; the Chân Mây point is
#: moved ~1 km onto the shipped coastline. Only sourced points are listed, the unconfirmed one is
#: labelled as such (the station and the airport have no confirmed permanent desk).
VISITOR_POINTS = (
    ("DL-01", "Trung tâm Thông tin và Hỗ trợ du khách (1 Phạm Hồng Thái)", 16.4650, 107.5960),
    ("DL-02", "Điểm hỗ trợ du khách 4 Hoàng Hoa Thám (chưa xác nhận)", 16.4640, 107.5890),
    ("DL-03", "Trung tâm Thông tin và Hỗ trợ du khách cảng Chân Mây", 16.3366, 108.0184),
)
ILLUSTRATIVE = "Chỉ tiêu minh hoạ (ước tính, dữ liệu mẫu)"
#: indicator_id, area_code ('' = province), target_value, due_date, legal_source.
TARGETS = (
    ("health_created_pct", "", 95, "2025-12-31", "QĐ 5349/QĐ-BYT (12/11/2019)"),
    ("health_complete_pct", "", 60, "2019-09-30", "Mục tiêu của tỉnh (đối thoại trực tuyến UBND tỉnh, 2018)"),
    ("schools_smart_thpt", "", 5, "2020-12-31",
     "Đề án hệ sinh thái giáo dục thông minh tỉnh Thừa Thiên Huế đến năm 2020, định hướng 2025"),
    ("feedback_on_time_pct", "", 90, "2025-12-31", ILLUSTRATIVE),
    ("feedback_satisfaction_pct", "", 90, "2025-12-31", ILLUSTRATIVE),
    ("feedback_verified_pct", "", 70, "2025-12-31", ILLUSTRATIVE),
    ("schools_broadband_pct", "", 100, "2025-12-31", ILLUSTRATIVE),
    ("traffic_crashes", "", 150, "2025-12-31", ILLUSTRATIVE),
)


def places() -> pd.DataFrame:
    """Visitor information points, then one commune health station at each commune's centre point."""
    visitors = pd.DataFrame(VISITOR_POINTS, columns=["place_id", "name", "lat", "lon"])
    visitors.insert(1, "kind", "điểm hỗ trợ du khách")
    table = geo.communes()
    stations = pd.DataFrame({
        "place_id": "TYT-" + table["code"], "kind": "trạm y tế xã",
        "name": "Trạm Y tế " + table["name_full_vi"], "lat": table["lat"], "lon": table["lon"],
    })
    frame = pd.concat([visitors, stations], ignore_index=True)
    frame["commune_code"] = geo.locate(frame["lon"].to_numpy(), frame["lat"].to_numpy())
    frame.loc[len(visitors):, "commune_code"] = table["code"].to_numpy()
    return frame


def targets() -> pd.DataFrame:
    columns = ["indicator_id", "area_code", "target_value", "due_date", "legal_source"]
    return pd.DataFrame(TARGETS, columns=columns)


def write_places(frame: pd.DataFrame, folder: Path) -> int:
    writers.write_csv(frame, folder / "places.csv")
    return len(frame)


def write_targets(frame: pd.DataFrame, folder: Path) -> int:
    writers.write_csv(frame, folder / "targets.csv")
    return len(frame)

