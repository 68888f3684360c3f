"""Strings of the Tổng quan (Overview) page."""

STRINGS: dict[str, tuple[str, str]] = {
    "overview.title": ("Tổng quan", "Overview"),
    "overview.intro": (
        "Các chỉ số chính so với chỉ tiêu, xu hướng 12 kỳ và các địa bàn cần chú ý.",
        "Key indicators against their targets, their 12-period trend, and the areas that need attention.",
    ),
    # filters
    "overview.grain": ("Loại kỳ", "Period type"),
    "overview.grain.month": ("Tháng", "Month"),
    "overview.grain.quarter": ("Quý", "Quarter"),
    "overview.grain.year": ("Năm", "Year"),
    "overview.period": ("Kỳ báo cáo", "Period"),
    "overview.area": ("Địa bàn", "Area"),
    "overview.province": ("Toàn tỉnh", "Whole province"),
    "overview.period.month": ("Tháng {month}/{year}", "{month_name} {year}"),
    "overview.period.quarter": ("Quý {quarter}/{year}", "Q{quarter} {year}"),
    "overview.period.year": ("Năm {year}", "{year}"),
    "overview.no_period": (
        "Chưa có kỳ nào có đủ dữ liệu. Nạp dữ liệu rồi tải lại trang.",
        "No period has complete data yet. Load data, then reload this page.",
    ),
    # sections
    "overview.cards": ("Chỉ số chính", "Key indicators"),
    "overview.rule": (
        (
            "✓ Đạt: ở phía tốt của chỉ tiêu. ⚠ Có nguy cơ: kém chỉ tiêu không quá 5 % giá trị chỉ tiêu, hoặc "
            "đang đạt nhưng xu hướng 3 kỳ gần nhất sẽ trượt khỏi chỉ tiêu trước hạn. ✕ Không đạt: kém chỉ "
            "tiêu hơn 5 %. Chỉ tiêu theo năm của các chỉ số đếm được chia theo kỳ."
        ),
        (
            "✓ On target: on the good side of the target. ⚠ At risk: short of the target by at most 5% of "
            "its value, or on target but the trend of the last 3 periods misses it by its due date. "
            "✕ Off target: short by more than 5%. Yearly targets of counts are split over the period."
        ),
    ),
    "overview.attention": ("Cần chú ý", "Needs attention"),
    "overview.attention_hint": (
        "Chỉ số không đạt hoặc có nguy cơ, nặng nhất trước; bấm để xem chi tiết.",
        "Indicators off target or at risk, worst first; follow a link for the details.",
    ),
    "overview.attention_none": (
        "Không có chỉ số nào không đạt hoặc có nguy cơ trong kỳ này.",
        "No indicator is off target or at risk in this period.",
    ),
    "overview.attention_item": ("{name} · {area}", "{name} · {area}"),
    "overview.details": ("Xem chi tiết →", "See details →"),
    "overview.league": ("Xếp hạng các huyện, thị xã, thành phố", "District league table"),
    "overview.league_hint": (
        "Bấm vào một dòng để xem số liệu của địa bàn đó; bấm tiêu đề cột để sắp xếp.",
        "Click a row to show that district; click a column header to sort.",
    ),
    "overview.col.district": ("Địa bàn", "District"),
    # cards
    "overview.target": ("Chỉ tiêu: {value}", "Target: {value}"),
    "overview.target_due": ("hạn {date}", "due {date}"),
    "overview.target_yearly": ("{value}/năm", "{value} a year"),
    "overview.target_none": ("Chưa có chỉ tiêu", "No target"),
    "overview.target_default": (
        "Chỉ tiêu mặc định của danh mục chỉ số",
        "Default target of the indicator catalogue",
    ),
    "overview.target_province": ("Áp dụng chỉ tiêu của tỉnh", "The province's target applies"),
    "overview.target_source": ("Căn cứ: {source}", "Source: {source}"),
    "overview.estimate_target": ("Chỉ tiêu minh hoạ (ước tính)", "Illustrative target (estimate)"),
    "overview.default_tag": ("mặc định", "default"),
    "overview.status.no_target": ("– Chưa có chỉ tiêu", "– No target"),
    "overview.vs_previous": ("so với kỳ trước", "vs previous period"),
    "overview.vs_last_year": ("so với cùng kỳ năm trước", "vs same period last year"),
    "overview.points": ("điểm %", "pts"),
    "overview.population_estimate": ("Dân số ước tính", "Estimated population"),
    "overview.population_estimate_hint": (
        "Dân số dùng để tính là số ước tính, không phải số liệu thống kê chính thức.",
        "The population used here is an estimate, not an official statistic.",
    ),
    "overview.rated": ("Có đánh giá: {value} số phản ánh đã xử lý", "Rated: {value} of the reports closed"),
    "overview.spark_hint": ("Xu hướng 12 kỳ gần nhất", "Last 12 periods"),
}
