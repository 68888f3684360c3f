"""Strings of the reports page (/reports) and of the statement every export carries."""

STRINGS: dict[str, tuple[str, str]] = {
    "reports.title": ("Báo cáo", "Reports"),
    "reports.intro": (
        "Chọn bộ dữ liệu, khu vực, thời gian và các cột; xem trước rồi tải đúng phần đã lọc.",
        "Choose a dataset, area, period and columns; preview it, then download exactly what is filtered.",
    ),
    "reports.dataset": ("Bộ dữ liệu", "Dataset"),
    "reports.area": ("Khu vực", "Area"),
    "reports.province": ("Toàn tỉnh", "Whole province"),
    "reports.period": ("Thời gian", "Period"),
    "reports.start": ("Từ ngày", "From"),
    "reports.end": ("Đến ngày", "To"),
    "reports.indicator": ("Chỉ tiêu", "Indicator"),
    "reports.columns": ("Cột", "Columns"),
    "reports.columns_all": ("Tất cả các cột", "All columns"),
    "reports.preview": ("Xem trước", "Preview"),
    "reports.preview_hint": (
        "Đúng như tệp tải về: nội dung phản ánh đã che thông tin cá nhân, số đếm dưới 5 ghi “< 5”.",
        "Exactly what the file holds: descriptions with personal data masked, counts under 5 written “< 5”.",
    ),
    "reports.count": ("{count} dòng", "{count} rows"),
    "reports.invalid": ("Lựa chọn không hợp lệ: {reason}", "Invalid choice: {reason}"),
    "reports.download": ("Tải về", "Download"),
    "reports.download_hint": (
        "Mỗi nút là một đường dẫn cố định: gửi cho đồng nghiệp hoặc dùng trong script.",
        "Each button is a stable link: send it to a colleague or use it in a script.",
    ),
    "reports.record_level": (
        "Bộ dữ liệu theo từng bản ghi: chỉ cán bộ phân tích được tải khi bật đăng nhập.",
        "Record-level dataset: only analysts may download it when sign-in is enabled.",
    ),
    "reports.briefing": ("Bản tin tháng", "Monthly briefing"),
    "reports.briefing_hint": (
        "Bản tin A4 (PDF): chỉ tiêu chính so với mục tiêu, việc cần chú ý và biểu đồ của tháng.",
        "An A4 briefing (PDF): headline indicators against targets, what needs attention, the month's charts.",
    ),
    "reports.month": ("Tháng", "Month"),
    "reports.briefing_link": ("Tải bản tin PDF", "Download the PDF briefing"),
    # the statement line / sheet of every export
    "export.source": (
        "Nguồn: Huế IOC Analytics, bảng {tables} — {title}",
        "Source: Huế IOC Analytics, table {tables} — {title}",
    ),
    "export.demo": (" (DỮ LIỆU MẪU)", " (DEMO DATA)"),
    "export.filters": ("Bộ lọc: {filters}", "Filters: {filters}"),
    "export.no_filter": ("không lọc", "none"),
    "export.area": ("khu vực {area}", "area {area}"),
    "export.from": ("từ {day}", "from {day}"),
    "export.to": ("đến {day}", "to {day}"),
    "export.indicator": ("chỉ tiêu {indicator}", "indicator {indicator}"),
    "export.columns": ("cột {columns}", "columns {columns}"),
    "export.generated": ("Tạo lúc {time}", "Generated {time}"),
    "export.sheet_data": ("Dữ liệu", "Data"),
    "export.sheet_about": ("Thông tin", "About"),
}
