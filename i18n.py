"""User-facing strings in Vietnamese and English, and how numbers, dates and links are written.

Vietnamese is the default. Numbers: vi ``1.234,5`` and ``92,4 %``; en ``1,234.5`` and ``92.4%``.
Dates: vi ``28/11/2026``; en ``28 Nov 2026`` (day and month spelled out, so nobody reads it as
month/day). Missing values (None, NaN, NaT) are written "–". The language lives in the URL
(``?lang=en``); ``href`` builds links that keep it.
"""

from __future__ import annotations

import logging
from urllib.parse import urlencode

import pandas as pd

import config

log = logging.getLogger(__name__)

LANGS = ("vi", "en")
LANG_PARAM = "lang"
MISSING = "–"
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: key -> (Vietnamese, English). Placeholders use str.format names.
STRINGS: dict[str, tuple[str, str]] = {
    # shell
    "app.name": ("Huế IOC Analytics", "Huế IOC Analytics"),
    "app.asof": ("Dữ liệu đến {date}", "Data up to {date}"),
    "app.asof_none": ("Chưa có dữ liệu", "No data yet"),
    "app.demo": ("DỮ LIỆU MẪU", "DEMO DATA"),
    "app.demo_hint": (
        "Số liệu do bộ sinh dữ liệu mẫu tạo ra, không phải số liệu thật",
        "Figures made by the demo generator, not real data",
    ),
    "app.nav": ("Điều hướng", "Navigation"),
    "app.menu": ("Mở hoặc đóng menu", "Open or close the menu"),
    "app.lang": ("Ngôn ngữ", "Language"),
    "app.lang_vi": ("Tiếng Việt", "Vietnamese"),
    "app.lang_en": ("Tiếng Anh", "English"),
    "warehouse.missing_title": ("Chưa có kho dữ liệu", "No data warehouse yet"),
    "warehouse.missing_body": (
        (
            "Không tìm thấy tệp kho dữ liệu {path}. Chạy `make run` (hoặc `python -m etl run`) "
            "để nạp dữ liệu, rồi tải lại trang."
        ),
        (
            "The warehouse file {path} was not found. Run `make run` (or `python -m etl run`) "
            "to load the data, then reload this page."
        ),
    ),
    "warehouse.error_title": ("Không đọc được kho dữ liệu", "The data warehouse cannot be read"),
    "warehouse.error_body": (
        (
            "Tệp {path} bị hỏng hoặc không phải kho DuckDB. Chạy `python -m etl run` để dựng lại kho, "
            "rồi tải lại trang."
        ),
        (
            "The file {path} is damaged or is not a DuckDB warehouse. Run `python -m etl run` to rebuild it, "
            "then reload this page."
        ),
    ),
    "empty.selection": ("Không có dữ liệu cho lựa chọn này", "No data for this selection"),
    "common.all": ("Tất cả", "All"),
    # page names (register_page name=t(key, "vi"), name_key=key)
    "page.overview": ("Tổng quan", "Overview"),
    "page.feedback": ("Phản ánh hiện trường", "Citizen feedback"),
    "page.health": ("Y tế", "Health records"),
    "page.schools": ("Giáo dục", "Schools"),
    "page.traffic": ("Giao thông", "Traffic"),
    "page.map": ("Bản đồ", "Map explorer"),
    "page.forecasts": ("Dự báo", "Forecasts"),
    "page.reports": ("Báo cáo", "Reports"),
    "page.data": ("Dữ liệu", "Data quality"),
    "page.not_found": ("Không tìm thấy trang", "Page not found"),
    "notfound.body": (
        "Trang bạn tìm không tồn tại hoặc đã được chuyển đi.",
        "The page you asked for does not exist or has moved.",
    ),
    "notfound.home": ("Về trang Tổng quan", "Go to the overview"),
    # data page
    "data.title": ("Chất lượng dữ liệu", "Data quality"),
    "data.intro": (
        (
            "Lần nạp gần nhất của từng nguồn, các tệp đã đọc, các dòng bị loại kèm lý do, và độ mới "
            "của dữ liệu."
        ),
        (
            "The last load of each source, the files read, the rows left out and why, and how recent "
            "the data is."
        ),
    ),
    "data.lastload": ("Lần nạp gần nhất theo nguồn", "Last load per source"),
    "data.files": ("Các tệp đã nạp", "Files loaded"),
    "data.rejected": ("Dòng bị loại theo nguồn và quy tắc", "Rows left out by source and rule"),
    "data.sample": ("Mẫu dòng bị loại", "Sample of rows left out"),
    "data.sample_hint": (
        "Những dòng đầu tiên theo thứ tự trong tệp, lọc theo nguồn và quy tắc.",
        "The first rows in file order, filtered by source and rule.",
    ),
    "data.freshness": ("Độ mới của dữ liệu", "Data freshness"),
    "data.freshness_hint": (
        "“Cũ” khi dữ liệu mới nhất đã quá số ngày ở cột Ngưỡng so với hôm nay.",
        "“Stale” when the latest data is older than the Threshold column, counted from today.",
    ),
    "data.source": ("Nguồn", "Source"),
    "data.rule": ("Quy tắc", "Rule"),
    "data.rows_axis": ("Số dòng", "Rows"),
    # column headers
    "col.source": ("Nguồn", "Source"),
    "col.finished_at": ("Hoàn tất lúc", "Finished"),
    "col.files": ("Số tệp", "Files"),
    "col.rows_read": ("Dòng đọc", "Rows read"),
    "col.rows_loaded": ("Đã nạp", "Loaded"),
    "col.rows_rejected": ("Bị loại", "Rejected"),
    "col.rows_duplicate": ("Trùng lặp", "Duplicates"),
    "col.status": ("Trạng thái", "Status"),
    "col.file_name": ("Tệp", "File"),
    "col.sha256": ("SHA-256 (đầu)", "SHA-256 (prefix)"),
    "col.message": ("Ghi chú", "Message"),
    "col.row_number": ("Dòng", "Row"),
    "col.kind": ("Loại", "Kind"),
    "col.rule": ("Quy tắc", "Rule"),
    "col.column": ("Cột", "Column"),
    "col.reason": ("Chi tiết (tiếng Anh)", "Detail"),
    "col.raw": ("Dữ liệu gốc", "Raw row"),
    "col.latest": ("Dữ liệu mới nhất", "Latest data"),
    "col.age_days": ("Cách đây (ngày)", "Age (days)"),
    "col.stale_after": ("Ngưỡng (ngày)", "Threshold (days)"),
    # statuses: never colour alone, the symbol and the word carry the meaning
    "status.loaded": ("✓ Đã nạp", "✓ Loaded"),
    "status.failed": ("✕ Lỗi", "✕ Failed"),
    "status.fresh": ("✓ Cập nhật", "✓ Up to date"),
    "status.stale": ("⚠ Cũ", "⚠ Stale"),
    "status.no_data": ("– Không có dữ liệu", "– No data"),
    "status.on_target": ("✓ Đạt chỉ tiêu", "✓ On target"),
    "status.at_risk": ("⚠ Có nguy cơ", "⚠ At risk"),
    "status.off_target": ("✕ Không đạt", "✕ Off target"),
    "kind.rejected": ("Bị loại", "Rejected"),
    "kind.duplicate": ("Trùng lặp", "Duplicate"),
    # sources (etl_runs.source, rejected_rows.source)
    "source.feedback": ("Phản ánh hiện trường", "Citizen feedback"),
    "source.health": ("Hồ sơ sức khỏe điện tử", "E-health records"),
    "source.schools": ("Trường học", "Schools"),
    "source.traffic_counts": ("Lưu lượng giao thông", "Traffic counts"),
    "source.traffic_sensors": ("Cảm biến giao thông", "Traffic sensors"),
    "source.traffic_incidents": ("Sự cố giao thông", "Traffic incidents"),
    "source.places": ("Địa điểm", "Places"),
    "source.targets": ("Chỉ tiêu", "Targets"),
    # validation rules (rejected_rows.rule)
    "rule.missing_value": ("Thiếu giá trị bắt buộc", "Missing required value"),
    "rule.bad_number": ("Số không hợp lệ", "Not a number"),
    "rule.bad_integer": ("Số nguyên không hợp lệ", "Not a whole number"),
    "rule.bad_datetime": ("Ngày giờ không hợp lệ", "Invalid date and time"),
    "rule.bad_date": ("Ngày không hợp lệ", "Invalid date"),
    "rule.bad_period": ("Kỳ báo cáo không hợp lệ (cần YYYY-MM)", "Invalid period (expected YYYY-MM)"),
    "rule.negative_count": ("Số đếm âm", "Negative count"),
    "rule.unknown_value": ("Giá trị ngoài danh mục", "Value not in the list"),
    "rule.unknown_commune": ("Mã xã không tồn tại", "Unknown commune code"),
    "rule.outside_province": ("Tọa độ nằm ngoài tỉnh", "Location outside the province"),
    "rule.latlon_swapped": ("Vĩ độ và kinh độ bị đảo", "Latitude and longitude swapped"),
    "rule.closed_before_requested": ("Ngày đóng trước ngày tiếp nhận", "Closed before it was received"),
    "rule.future_date": ("Ngày ở tương lai", "Date in the future"),
    "rule.duplicate_id": ("Trùng mã", "Duplicate id"),
    "rule.created_gt_population": ("Số sổ đã lập lớn hơn dân số", "More records created than residents"),
    "rule.complete_gt_created": ("Số sổ đầy đủ lớn hơn số sổ đã lập", "More complete records than created"),
    "rule.bad_rating": ("Mức đánh giá không hợp lệ", "Invalid rating"),
    "rule.exact_duplicate": ("Dòng trùng hoàn toàn", "Exact duplicate row"),
}


def normalize_lang(lang: object = None) -> str:
    """'vi' or 'en' from whatever the URL held (None, a list from a repeated parameter, junk)."""
    if isinstance(lang, (list, tuple)):
        lang = lang[0] if lang else None
    return lang if lang in LANGS else config.DEFAULT_LANG


def t(key: str, lang: str | None = None, **fmt: object) -> str:
    """The string for ``key`` in ``lang``, with ``{placeholders}`` filled from ``fmt``."""
    entry = STRINGS.get(key)
    if entry is None:
        log.warning("missing string %r", key)
        return key
    text = entry[LANGS.index(normalize_lang(lang))]
    return text.format(**fmt) if fmt else text


def label(group: str, code: object, lang: str | None = None, fallback: str | None = None) -> str:
    """Translated label of a stored code (``label("source", "health", "en")``), else fallback or the code."""
    key = f"{group}.{code}"
    if key in STRINGS:
        return t(key, lang)
    return fallback if fallback else str(code)


def rule_label(rule: str, lang: str | None = None, reason: str | None = None) -> str:
    """Label of a validation rule code; unknown codes fall back to the stored English reason."""
    return label("rule", rule, lang, fallback=reason)


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT and pd.NA."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def fmt_number(x: object, lang: str | None = None, decimals: int = 0) -> str:
    """vi ``1.234,5``, en ``1,234.5``; None/NaN -> "–"."""
    if is_missing(x):
        return MISSING
    value = round(float(x), decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
    text = f"{value:,.{decimals}f}"
    if normalize_lang(lang) == "vi":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text


def fmt_percent(x: object, lang: str | None = None, decimals: int = 1) -> str:
    """A percentage value (92.4) as vi ``92,4 %``, en ``92.4%``; None/NaN -> "–"."""
    if is_missing(x):
        return MISSING
    number = fmt_number(x, lang, decimals)
    return f"{number} %" if normalize_lang(lang) == "vi" else f"{number}%"


def _timestamp(value: object) -> pd.Timestamp | None:
    if is_missing(value):
        return None
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(stamp) else stamp


def fmt_date(d: object, lang: str | None = None) -> str:
    """vi ``28/11/2026``, en ``28 Nov 2026``; None/NaT -> "–"."""
    stamp = _timestamp(d)
    if stamp is None:
        return MISSING
    if normalize_lang(lang) == "vi":
        return stamp.strftime("%d/%m/%Y")
    return f"{stamp.day} {_EN_MONTHS[stamp.month - 1]} {stamp.year}"


def fmt_datetime(d: object, lang: str | None = None) -> str:
    """vi ``28/11/2026 14:05``, en ``28 Nov 2026 14:05``; None/NaT -> "–"."""
    stamp = _timestamp(d)
    if stamp is None:
        return MISSING
    return f"{fmt_date(stamp, lang)} {stamp.strftime('%H:%M')}"


def plotly_separators(lang: str | None = None) -> str:
    """Plotly ``layout.separators``: decimal mark then thousands mark."""
    return ",." if normalize_lang(lang) == "vi" else ".,"


def search(lang: str | None = None, **query: object) -> str:
    """Query string keeping the language (omitted when it is the default) and the non-empty filters."""
    lang = normalize_lang(lang)
    params = {} if lang == config.DEFAULT_LANG else {LANG_PARAM: lang}
    params.update({k: v for k, v in query.items() if v not in (None, "", [])})
    return f"?{urlencode(params, doseq=True)}" if params else ""


def href(path: str, lang: str | None = None, **query: object) -> str:
    """Link to ``path`` in ``lang``: ``href("/data", "en") == "/data?lang=en"``."""
    return f"{path}{search(lang, **query)}"
