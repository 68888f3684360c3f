"""Names and definitions of the catalogue indicators (``queries/indicators.py``), units and domains.

``indicator.<id>`` is the name, ``indicator.<id>.hint`` the definition shown on hover.
"""

STRINGS: dict[str, tuple[str, str]] = {
    # citizen feedback
    "indicator.feedback_received": ("Phản ánh tiếp nhận", "Reports received"),
    "indicator.feedback_received.hint": (
        "Số phản ánh gửi đến trong kỳ (mọi kênh, kể cả chưa được xác minh).",
        "Reports received in the period (every channel, verified or not).",
    ),
    "indicator.feedback_verified_pct": ("Phản ánh được xác minh", "Reports verified"),
    "indicator.feedback_verified_pct.hint": (
        "Tỷ lệ phản ánh gửi đến trong kỳ được xác minh và chuyển đơn vị xử lý.",
        "Share of the reports received in the period that were verified and routed to a handling unit.",
    ),
    "indicator.feedback_on_time_pct": ("Xử lý đúng hạn", "Handled on time"),
    "indicator.feedback_on_time_pct.hint": (
        (
            "Tỷ lệ phản ánh đã xác minh, hoàn thành xử lý trong kỳ, được xử lý trong thời hạn "
            "(7 ngày làm việc; trước 2022: 9 ngày). Tính theo ngày hoàn thành."
        ),
        (
            "Share of the verified reports closed in the period that were closed by their deadline "
            "(7 working days; before 2022: 9). Counted by the day they were closed."
        ),
    ),
    "indicator.feedback_median_days": ("Thời gian xử lý (trung vị)", "Median handling time"),
    "indicator.feedback_median_days.hint": (
        (
            "Trung vị số ngày làm việc từ khi tiếp nhận đến khi hoàn thành, của các phản ánh hoàn thành "
            "trong kỳ (bỏ qua cuối tuần và ngày lễ, Tết)."
        ),
        (
            "Median working days from receipt to closure of the reports closed in the period "
            "(weekends and public holidays, Tết included, are skipped)."
        ),
    ),
    "indicator.feedback_open_overdue": ("Phản ánh quá hạn chưa xử lý", "Open past deadline"),
    "indicator.feedback_open_overdue.hint": (
        "Số phản ánh đã xác minh còn chưa hoàn thành vào cuối kỳ mà đã quá thời hạn xử lý.",
        "Verified reports still open at the end of the period with their deadline already past.",
    ),
    "indicator.feedback_satisfaction_pct": ("Người dân hài lòng", "Satisfaction"),
    "indicator.feedback_satisfaction_pct.hint": (
        "Tỷ lệ đánh giá “hài lòng” trong số phản ánh hoàn thành trong kỳ có đánh giá.",
        "Share rated “satisfied” among the reports closed in the period that were rated.",
    ),
    "indicator.feedback_per_10k": ("Phản ánh trên 10.000 dân", "Reports per 10,000 residents"),
    "indicator.feedback_per_10k.hint": (
        "Số phản ánh gửi đến trong kỳ chia cho dân số, nhân 10.000. Dân số là số ước tính.",
        (
            "Reports received in the period divided by the population, times 10,000. "
            "The population is an estimate."
        ),
    ),
    # health
    "indicator.health_created_pct": ("Dân số có hồ sơ sức khỏe điện tử", "Residents with an e-health record"),
    "indicator.health_created_pct.hint": (
        "Số hồ sơ sức khỏe điện tử đã lập chia cho dân số, trong tháng mới nhất của kỳ.",
        "E-health records created divided by the population, in the latest month of the period.",
    ),
    "indicator.health_complete_pct": ("Hồ sơ sức khỏe điện tử đầy đủ", "Complete e-health records"),
    "indicator.health_complete_pct.hint": (
        "Số hồ sơ sức khỏe điện tử đầy đủ thông tin chia cho dân số, trong tháng mới nhất của kỳ.",
        "Complete e-health records divided by the population, in the latest month of the period.",
    ),
    # schools
    "indicator.schools_smart_thpt": (
        "Trường THPT có lớp học thông minh",
        "Upper-secondary schools with smart classrooms",
    ),
    "indicator.schools_smart_thpt.hint": (
        "Số trường THPT có ít nhất một lớp học thông minh, trong năm học chứa ngày cuối kỳ.",
        (
            "Upper-secondary (THPT) schools with at least one smart classroom, in the school year "
            "covering the last day of the period."
        ),
    ),
    "indicator.schools_broadband_pct": ("Trường có Internet băng rộng", "Schools with broadband"),
    "indicator.schools_broadband_pct.hint": (
        "Tỷ lệ trường có kết nối Internet băng rộng, trong năm học chứa ngày cuối kỳ.",
        (
            "Share of schools with a broadband connection, in the school year covering the last day "
            "of the period."
        ),
    ),
    # traffic
    "indicator.traffic_congestion_hours": ("Giờ ùn tắc", "Congestion hours"),
    "indicator.traffic_congestion_hours.hint": (
        "Tổng số giờ các cảm biến ghi nhận lưu lượng vượt 85 % năng lực thông hành của tuyến.",
        "Sensor-hours in which traffic exceeded 85% of the road's capacity.",
    ),
    "indicator.traffic_crashes": ("Vụ tai nạn giao thông", "Road crashes"),
    "indicator.traffic_crashes.hint": (
        "Số vụ va chạm giao thông trong kỳ.",
        "Road crashes (collisions) in the period.",
    ),
    "indicator.traffic_deaths": ("Người chết do tai nạn giao thông", "Road deaths"),
    "indicator.traffic_deaths.hint": (
        "Số người chết trong các vụ va chạm giao thông trong kỳ.",
        "Deaths in road crashes in the period.",
    ),
    "indicator.traffic_injuries": ("Người bị thương do tai nạn giao thông", "Road injuries"),
    "indicator.traffic_injuries.hint": (
        "Số người bị thương trong các vụ va chạm giao thông trong kỳ.",
        "People injured in road crashes in the period.",
    ),
    # units (suffixes after a number) and domains (groups of KPI cards)
    "indicator.unit.days": ("ngày làm việc", "working days"),
    "indicator.unit.per_10k": ("/ 10.000 dân", "per 10,000 residents"),
    "indicator.domain.feedback": ("Phản ánh hiện trường", "Citizen feedback"),
    "indicator.domain.health": ("Y tế", "Health"),
    "indicator.domain.schools": ("Giáo dục", "Schools"),
    "indicator.domain.traffic": ("Giao thông", "Traffic"),
    "indicator.domain.other": ("Chỉ số khác", "Other indicators"),
}
