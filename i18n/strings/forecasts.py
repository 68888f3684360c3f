"""Strings of the forecasts page (/forecasts)."""

STRINGS: dict[str, tuple[str, str]] = {
    "forecasts.title": ("Dự báo", "Forecasts"),
    "forecasts.intro": (
        (
            "Xu hướng sắp tới của số phản ánh, độ phủ hồ sơ sức khỏe điện tử và lưu lượng xe, kèm mức độ "
            "tin cậy: mỗi dự báo cho biết nó đã sai bao nhiêu trong các lần kiểm tra trước."
        ),
        (
            "What comes next for reports, e-health coverage and traffic, and how far to trust it: each "
            "forecast shows how wrong it was when tested on the past."
        ),
    ),
    "forecasts.indicator": ("Chỉ số", "Indicator"),
    "forecasts.area": ("Địa bàn", "Area"),
    "forecasts.key": ("Nhóm", "Series"),
    "forecasts.key.total": ("Tất cả lĩnh vực", "All categories"),
    "forecasts.key.feedback_received": ("Lĩnh vực", "Category"),
    "forecasts.key.traffic_vehicles": ("Tuyến đường", "Corridor"),
    "indicator.traffic_vehicles": ("Lưu lượng xe theo ngày", "Vehicles per day"),
    "forecasts.chart": ("Lịch sử và dự báo", "History and forecast"),
    "forecasts.chart_hint": (
        "Đường liền: số liệu đã có; đường đứt: dự báo; vùng đậm: 80 % khả năng, vùng nhạt: 95 % khả năng.",
        "Solid line: data so far; dashed: forecast; dark band: 80% likely, light band: 95% likely.",
    ),
    "forecasts.trace.history": ("Số liệu thực tế", "Actual"),
    "forecasts.trace.forecast": ("Dự báo", "Forecast"),
    "forecasts.trace.band80": ("Khoảng 80 %", "80% band"),
    "forecasts.trace.band95": ("Khoảng 95 %", "95% band"),
    "forecasts.trace.target": ("Chỉ tiêu {value}", "Target {value}"),
    "forecasts.trust": ("Dự báo này đáng tin đến đâu", "How far to trust this forecast"),
    "forecasts.model": ("Mô hình được chọn: {model}.", "Model chosen: {model}."),
    "forecasts.made_at": ("Tính lúc {when}.", "Computed {when}."),
    "forecasts.better": ("ít hơn {pct}", "{pct} smaller than"),
    "forecasts.worse": ("nhiều hơn {pct}", "{pct} larger than"),
    "forecasts.same": ("ngang bằng", "about the same as"),
    "forecasts.baseline.seasonal": ("dự báo ngây thơ theo mùa", "a seasonal-naive forecast"),
    "forecasts.baseline.naive": ("dự báo ngây thơ (lấy kỳ trước)", "a naive forecast (last value)"),
    "forecasts.backtest": (
        (
            "Trong các lần kiểm tra trước, mô hình lệch trung bình {diff} so với {baseline} "
            "(MASE = {mase}; < 1 là tốt hơn); dải 80 % chứa giá trị thật {cov80} số lần, "
            "dải 95 % chứa {cov95}."
        ),
        (
            "In earlier tests the model's average error was {diff} that of {baseline} "
            "(MASE = {mase}; below 1 is better); the 80% band held the real value {cov80} of the time, "
            "the 95% band {cov95}."
        ),
    ),
    "forecasts.backtest.counts": (
        (
            "{tested}: mô hình lệch trung bình {diff} so với {baseline} (MASE = {mase}; < 1 là tốt hơn); "
            "dải 80 % chứa giá trị thật {in80} trên {points}; dải 95 % {in95} trên {points}."
        ),
        (
            "{tested}: the model's average error was {diff} that of {baseline} (MASE = {mase}; below 1 is "
            "better); the 80% band held the real value {in80} out of {points}; the 95% band {in95} out of "
            "{points}."
        ),
    ),
    "forecasts.tested": (
        "Thử {n} lần trên dữ liệu cũ, mỗi lần dự báo {held} tiếp theo (tổng cộng {total} được đối chiếu)",
        "Tested {n} times on past data, forecasting {held} ahead each time ({total} checked in all)",
    ),
    "forecasts.tested.one": (
        "Thử 1 lần trên dữ liệu cũ, dự báo {held} tiếp theo",
        "Tested once on past data, forecasting {held} ahead",
    ),
    "forecasts.times": ("{n} lần", "{n} times"),
    "forecasts.times.one": ("{n} lần", "{n} time"),
    "forecasts.unit.week": ("{n} tuần", "{n} weeks"),
    "forecasts.unit.week.one": ("{n} tuần", "{n} week"),
    "forecasts.unit.month": ("{n} tháng", "{n} months"),
    "forecasts.unit.month.one": ("{n} tháng", "{n} month"),
    "forecasts.unit.day": ("{n} ngày", "{n} days"),
    "forecasts.unit.day.one": ("{n} ngày", "{n} day"),
    "forecasts.unit.period": ("{n} kỳ", "{n} periods"),
    "forecasts.unit.period.one": ("{n} kỳ", "{n} period"),
    "forecasts.no_backtest": (
        "Chuỗi quá ngắn để kiểm tra trên dữ liệu cũ: hãy coi dự báo này là ước lượng thô.",
        "The series is too short to test on past data: treat this forecast as a rough guess.",
    ),
    "forecasts.verdict.good": ("Tốt hơn cách đoán đơn giản", "Better than the simple guess"),
    "forecasts.verdict.poor": ("Không tốt hơn cách đoán đơn giản", "No better than the simple guess"),
    "forecasts.target": ("Khi nào đạt chỉ tiêu", "When the target is reached"),
    "forecasts.target.none": ("Chỉ số này không có chỉ tiêu.", "This indicator has no target."),
    "forecasts.target.goal": (
        "Chỉ tiêu {value}, hạn {due} ({source}).",
        "Target {value}, due {due} ({source}).",
    ),
    "forecasts.target.already": (
        "Đã đạt chỉ tiêu: giá trị gần nhất là {value} ({month}).",
        "Target already met: the latest value is {value} ({month}).",
    ),
    "forecasts.target.when": (
        "Theo nhịp hiện tại, dự kiến đạt vào {month} (khoảng {early} – {late}).",
        "At the current pace, expected in {month} (80% range {early} to {late}).",
    ),
    "forecasts.target.not_in_horizon": (
        "Theo nhịp hiện tại, chưa đạt trong {months} tháng tới (đến {last}).",
        "At the current pace, not reached within the next {months} months (to {last}).",
    ),
    "forecasts.target.after": ("sau {month}", "after {month}"),
    "forecasts.target.reached": ("Đã đạt", "Reached"),
    "forecasts.target.due_met": ("Kịp hạn", "Meets the due date"),
    "forecasts.target.due_missed": ("Không kịp hạn", "Misses the due date"),
    "forecasts.target.due_passed": (
        "Hạn {due} đã qua mà chưa đạt.",
        "The due date {due} has passed without reaching it.",
    ),
    "forecasts.chance.high": (
        "Khả năng kịp hạn: cao (trên 90 %)",
        "Chance of meeting the due date: high (over 90%)",
    ),
    "forecasts.chance.even": (
        "Khả năng kịp hạn: khá (50–90 %)",
        "Chance of meeting the due date: fair (50–90%)",
    ),
    "forecasts.chance.low": (
        "Khả năng kịp hạn: thấp (10–50 %)",
        "Chance of meeting the due date: low (10–50%)",
    ),
    "forecasts.chance.none": (
        "Khả năng kịp hạn: rất thấp (dưới 10 %)",
        "Chance of meeting the due date: very low (under 10%)",
    ),
    "forecasts.chance_hint": (
        (
            "Khả năng đọc từ dải dự báo: cận dưới 80 % vượt chỉ tiêu trước hạn → trên 90 %; đường dự báo → "
            "trên 50 %; cận trên 80 % → trên 10 %."
        ),
        (
            "Read from the forecast band: the 80% lower edge crossing before the due date → over 90%; the "
            "forecast line → over 50%; the 80% upper edge → over 10%."
        ),
    ),
    "forecasts.empty": (
        "Chưa có dự báo — chạy python -m etl forecast",
        "No forecasts yet — run python -m etl forecast",
    ),
    "forecasts.month": ("{month:02d}/{year}", "{month:02d}/{year}"),
}
