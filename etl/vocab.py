"""Controlled vocabularies shared by the loaders and the demo generator.

Values are stored as written here; incoming text is matched accent- and case-insensitively
(see ``etl.text.fold``). Adding a value is one line here.
"""
from __future__ import annotations

PROVINCE_CODE = "46"

#: Citizen-feedback categories (lĩnh vực): service_code -> Vietnamese name, English name.
CATEGORIES: dict[str, tuple[str, str]] = {
    "TTDT": ("Trật tự đô thị", "Urban order"),
    "VSMT": ("Vệ sinh môi trường", "Sanitation and environment"),
    "HTDT": ("Hạ tầng đô thị", "Urban infrastructure"),
    "GT": ("Giao thông", "Traffic"),
    "DDXD": ("Đất đai – Xây dựng", "Land and construction"),
    "ANTT": ("An ninh trật tự", "Public security"),
    "DIEN": ("Điện", "Electricity"),
    "NUOC": ("Cấp nước", "Water supply"),
    "DTDL": ("Di tích – Du lịch", "Heritage and tourism"),
    "DVC": ("Dịch vụ công", "Public services"),
    "KHAC": ("Khác", "Other"),
}

#: status_detail as Hue-S exports it -> (verified, reason the report was not verified).
STATUS_DETAILS: dict[str, tuple[bool, str | None]] = {
    "Đã xử lý": (True, None),
    "Đang xử lý": (True, None),
    "Đã tiếp nhận": (True, None),
    "Trùng lặp": (False, "duplicate"),
    "Không đủ thông tin": (False, "insufficient"),
    "Không thuộc thẩm quyền": (False, "out_of_scope"),
    "Không hợp lệ": (False, "spam"),
}

#: Channel label as exported -> stored code.
CHANNELS: dict[str, str] = {
    "Hue-S": "app",
    "Cổng thông tin": "web",
    "Tổng đài 1900 1075": "hotline",
    "Zalo/Facebook/Email": "social",
}

RATINGS = ("hài lòng", "chấp nhận", "không hài lòng")

#: Deadline in Vietnamese working days after the day of receipt; the rule changed on 01/01/2022.
DEADLINE_WORKING_DAYS = 7
DEADLINE_WORKING_DAYS_BEFORE_2022 = 9

SCHOOL_LEVELS = ("mầm non", "tiểu học", "THCS", "THPT", "khác")
SCHOOL_OWNERSHIP = ("công lập", "ngoài công lập")

INCIDENT_KINDS = ("va chạm", "ùn tắc", "ngập")
INCIDENT_SEVERITIES = ("nhẹ", "nghiêm trọng", "rất nghiêm trọng", "đặc biệt nghiêm trọng")
ROAD_TYPES = ("quốc lộ", "đô thị", "nông thôn")

#: Congestion: an hour counts as congested when vehicles / capacity exceeds this.
CONGESTION_RATIO = 0.85

PLACE_KINDS = ("điểm hỗ trợ du khách", "trạm y tế xã", "bệnh viện")
