"""Strings of the monthly A4 briefing (``/briefing.pdf``); status words, targets and period names are
the overview's own (``overview.*``, ``status.*``), so the briefing says what the screen says."""

STRINGS: dict[str, tuple[str, str]] = {
    "briefing.kicker": (
        "Bản tin tháng · Trung tâm Giám sát, điều hành đô thị thông minh (IOC) Thừa Thiên Huế",
        "Monthly briefing · Smart City Operations Centre (IOC), Thừa Thiên Huế",
    ),
    "briefing.province": ("Toàn tỉnh {name}", "{name}, whole province"),
    "briefing.page": ("Trang", "Page"),
    # sections
    "briefing.overview": ("Tổng quan: các chỉ số chính so với chỉ tiêu", "Overview: key indicators against targets"),
    "briefing.col.indicator": ("Chỉ số", "Indicator"),
    "briefing.col.value": ("Giá trị", "Value"),
    "briefing.col.target": ("Chỉ tiêu", "Target"),
    "briefing.col.status": ("Đánh giá", "Status"),
    "briefing.col.change": ("So với tháng trước", "vs previous month"),
    "briefing.col.source": ("Căn cứ chỉ tiêu", "Source of the target"),
    "briefing.due": ("hạn {date}", "due {date}"),
    "briefing.feedback": (
        "Phản ánh hiện trường: số phản ánh và tỷ lệ xử lý đúng hạn",
        "Citizen feedback: reports received and handled on time",
    ),
    "briefing.feedback.caption": (
        (
            "12 tháng gần nhất. Cột: số phản ánh tiếp nhận trong tháng (theo ngày gửi). Đường: tỷ lệ xử lý đúng "
            "hạn (7 ngày làm việc) của các phản ánh đã xử lý xong trong tháng (theo ngày xử lý)."
        ),
        (
            "Last 12 months. Bars: reports received in the month (by date sent). Line: share handled on time "
            "(7 working days) of the reports closed in the month (by date closed)."
        ),
    ),
    "briefing.axis.received": ("Phản ánh tiếp nhận", "Reports received"),
    "briefing.axis.on_time": ("Xử lý đúng hạn (%)", "Handled on time (%)"),
    "briefing.target_line": ("Chỉ tiêu {value}", "Target {value}"),
    "briefing.health": (
        "Y tế: tỷ lệ dân số có hồ sơ sức khỏe điện tử, theo huyện",
        "Health: share of residents with an e-health record, by district",
    ),
    "briefing.health.caption": (
        "Tỷ lệ hồ sơ đã tạo lập trên dân số do các xã báo cáo, tháng {month}; chỉ tiêu {target} ({source}).",
        "Records created over the population the communes report, {month}; target {target} ({source}).",
    ),
    "briefing.health.no_target": (
        "Tỷ lệ hồ sơ đã tạo lập trên dân số do các xã báo cáo, tháng {month}; chưa có chỉ tiêu.",
        "Records created over the population the communes report, {month}; no target.",
    ),
    "briefing.col.health_status": ("Đánh giá (đã tạo lập)", "Status (created)"),
    "briefing.traffic": (
        "Giao thông: giờ ùn tắc theo tuyến trong tháng",
        "Traffic: congestion hours by corridor in the month",
    ),
    "briefing.traffic.caption": (
        (
            "Giờ ùn tắc: giờ có lưu lượng vượt 0,85 năng lực thông hành của điểm đếm; trong ngoặc là tỷ lệ giờ ùn "
            "tắc trên số giờ có số liệu."
        ),
        (
            "A congestion hour is one with volume above 0.85 of the counting point's capacity; in brackets, the "
            "share of counted hours that were congested."
        ),
    ),
    "briefing.notes": ("Cách đọc bản tin", "How to read this briefing"),
    "briefing.note.estimate": (
        (
            "Chỉ tiêu ghi “minh hoạ (ước tính)” và dân số ghi “ước tính” không phải số liệu chính thức; không "
            "dùng để kết luận."
        ),
        (
            "Targets marked “illustrative (estimate)” and populations marked “estimated” are not official "
            "figures; do not draw conclusions from them."
        ),
    ),
    "briefing.note.demo": (
        "Kho dữ liệu này chứa DỮ LIỆU MẪU do bộ sinh dữ liệu demo tạo ra, không phải số liệu thực.",
        "This warehouse holds DEMO DATA made by the demo generator, not real figures.",
    ),
    "briefing.note.map": (
        "Ranh giới huyện: Cổng TTĐT Chính phủ (daohoangson/dvhcvn), bố trí năm 2019.",
        "District boundaries: Government portal (daohoangson/dvhcvn), 2019 layout.",
    ),
    # freshness footer
    "briefing.data_up_to": ("Dữ liệu đến {date}", "Data up to {date}"),
    "briefing.last_load": ("lần nạp gần nhất {when}", "last load {when}"),
    "briefing.generated": ("tạo lúc {when}", "generated {when}"),
    # answers to a wrong link (plain text, one line)
    "briefing.error.lang": ("Ngôn ngữ không hợp lệ: dùng vi hoặc en.", "Invalid lang: use vi or en."),
    "briefing.error.month_format": (
        "Tháng không hợp lệ: {month!r}; dùng dạng YYYY-MM, ví dụ 2025-11.",
        "Invalid month {month!r}: use YYYY-MM, e.g. 2025-11.",
    ),
    "briefing.error.month_range": (
        "Không có dữ liệu đủ tháng cho {month}: chọn từ {first} đến {last}.",
        "No complete data for {month}: choose from {first} to {last}.",
    ),
    "briefing.error.area": (
        "Địa bàn không hợp lệ: {area!r}; dùng 'province' hoặc mã huyện: {codes}.",
        "Invalid area {area!r}: use 'province' or a district code: {codes}.",
    ),
    "briefing.error.no_data": (
        "Kho dữ liệu chưa có tháng nào đủ dữ liệu để làm bản tin.",
        "The warehouse has no month with complete data for a briefing yet.",
    ),
}
