"""Strings of the citizen-feedback page (/feedback): filters, KPI cards, charts, map, tables, export."""

STRINGS: dict[str, tuple[str, str]] = {
    "feedback.title": ("Phản ánh hiện trường", "Citizen feedback"),
    "feedback.intro": (
        (
            "Phản ánh của người dân qua Hue-S: số lượng, việc xử lý đúng hạn của các đơn vị (tính theo ngày "
            "làm việc), thời gian xử lý, phản ánh còn tồn và mức hài lòng."
        ),
        (
            "Citizen reports through Hue-S: volume, whether units handle them on time (in Vietnamese working "
            "days), how long it takes, what is still open and whether citizens are satisfied."
        ),
    ),
    # filters
    "feedback.filter.period": ("Thời gian tiếp nhận", "Received between"),
    "feedback.filter.start": ("Từ ngày", "From"),
    "feedback.filter.end": ("Đến ngày", "To"),
    "feedback.filter.district": ("Huyện / thị xã / thành phố", "District"),
    "feedback.filter.commune": ("Xã / phường / thị trấn", "Commune"),
    "feedback.filter.category": ("Lĩnh vực", "Category"),
    "feedback.filter.agency": ("Đơn vị xử lý", "Handling unit"),
    "feedback.filter.channel": ("Kênh", "Channel"),
    "feedback.filter.status": ("Tình trạng", "Status"),
    "feedback.clear": ("✕ Xoá bộ lọc", "✕ Clear filters"),
    "feedback.period_text": ("Từ {start} đến {end}", "{start} to {end}"),
    "feedback.no_filter": ("toàn tỉnh, không lọc thêm", "whole province, no other filter"),
    "feedback.filtered_by": ("đang lọc theo", "filtered by"),
    "feedback.click_hint": (
        "Bấm vào một lĩnh vực, đơn vị hay địa bàn trên các biểu đồ để lọc cả trang; bấm lại để bỏ lọc.",
        "Click a category, unit or area in any chart to filter the whole page; click it again to undo.",
    ),
    # stored codes
    "feedback.category.TTDT": ("Trật tự đô thị", "Urban order"),
    "feedback.category.VSMT": ("Vệ sinh môi trường", "Sanitation and environment"),
    "feedback.category.HTDT": ("Hạ tầng đô thị", "Urban infrastructure"),
    "feedback.category.GT": ("Giao thông", "Traffic"),
    "feedback.category.DDXD": ("Đất đai – Xây dựng", "Land and construction"),
    "feedback.category.ANTT": ("An ninh trật tự", "Public security"),
    "feedback.category.DIEN": ("Điện", "Electricity"),
    "feedback.category.NUOC": ("Cấp nước", "Water supply"),
    "feedback.category.DTDL": ("Di tích – Du lịch", "Heritage and tourism"),
    "feedback.category.DVC": ("Dịch vụ công", "Public services"),
    "feedback.category.KHAC": ("Khác", "Other"),
    "feedback.channel.app": ("Ứng dụng Hue-S", "Hue-S app"),
    "feedback.channel.web": ("Cổng thông tin", "Web portal"),
    "feedback.channel.hotline": ("Tổng đài 1900 1075", "Hotline 1900 1075"),
    "feedback.channel.social": ("Zalo / Facebook / Email", "Zalo / Facebook / email"),
    "feedback.status.open": ("⏳ Đang xử lý", "⏳ Open"),
    "feedback.status.on_time": ("✓ Xử lý đúng hạn", "✓ Handled on time"),
    "feedback.status.late": ("✕ Xử lý trễ hạn", "✕ Handled late"),
    "feedback.status.not_verified": ("– Không được xác minh", "– Not verified"),
    "feedback.rating.satisfied": ("Hài lòng", "Satisfied"),
    "feedback.rating.acceptable": ("Chấp nhận", "Acceptable"),
    "feedback.rating.dissatisfied": ("Không hài lòng", "Dissatisfied"),
    "feedback.reason.duplicate": ("Trùng lặp", "Duplicate"),
    "feedback.reason.insufficient": ("Không đủ thông tin", "Insufficient information"),
    "feedback.reason.out_of_scope": ("Không thuộc thẩm quyền", "Outside the city's authority"),
    "feedback.reason.spam": ("Không hợp lệ", "Invalid or spam"),
    "feedback.reason.unknown": ("Không rõ lý do", "No reason given"),
    "feedback.yes": ("✓ Đúng hạn", "✓ On time"),
    "feedback.no": ("✕ Trễ hạn", "✕ Late"),
    "feedback.unknown": ("Không rõ", "Unknown"),
    # KPI cards
    "feedback.kpi.received": ("Phản ánh tiếp nhận", "Reports received"),
    "feedback.kpi.verified": ("{pct} được xác minh, chuyển xử lý", "{pct} verified and routed"),
    "feedback.kpi.on_time": ("Xử lý đúng hạn", "Handled on time"),
    "feedback.kpi.target": ("Chỉ tiêu ≥ {target}", "Target ≥ {target}"),
    # This page follows the reports received in the filtered period to their outcome; the overview's
    # indicators count reports closed in the period (a finished month stays final). Say which, here.
    "feedback.kpi.handled": (
        "trên {n} phản ánh nhận trong kỳ đã xử lý",
        "of {n} reports received in the period and handled",
    ),
    "feedback.kpi.median": ("Ngày làm việc để xử lý (trung vị)", "Working days to handle (median)"),
    "feedback.kpi.p90": ("90 % xong trong {days} ngày làm việc", "90% done within {days} working days"),
    "feedback.kpi.past_deadline": ("Còn mở, đã quá hạn", "Open past deadline"),
    "feedback.kpi.as_of": ("tính đến cuối ngày {date}", "at the end of {date}"),
    "feedback.kpi.satisfied": ("Hài lòng", "Satisfied"),
    "feedback.kpi.rated": (
        "trên {n} lượt đánh giá ({pct} số đã xử lý)",
        "of {n} ratings ({pct} of handled reports)",
    ),
    # volume
    "feedback.volume": ("Số phản ánh theo thời gian", "Reports over time"),
    "feedback.volume_hint": (
        "Cột: phản ánh tiếp nhận theo lĩnh vực hoặc kênh; đường chấm: cùng kỳ năm trước.",
        "Bars: reports received by category or channel; dotted line: the same period a year earlier.",
    ),
    "feedback.grain.day": ("Ngày", "Day"),
    "feedback.grain.week": ("Tuần", "Week"),
    "feedback.grain.month": ("Tháng", "Month"),
    "feedback.by.category": ("Theo lĩnh vực", "By category"),
    "feedback.by.channel": ("Theo kênh", "By channel"),
    "feedback.previous_year": ("Cùng kỳ năm trước", "Same period last year"),
    "feedback.other_series": ("Các lĩnh vực khác", "Other categories"),
    "feedback.by_category": ("Theo lĩnh vực", "By category"),
    "feedback.by_channel": ("Theo kênh tiếp nhận", "By channel"),
    "feedback.axis.reports": ("Số phản ánh", "Reports"),
    "feedback.n_reports": ("{n} phản ánh", "{n} reports"),
    # funnel
    "feedback.funnel": ("Từ tiếp nhận đến đánh giá", "From receipt to rating"),
    "feedback.funnel_hint": (
        (
            "Số lượng và tỷ lệ: đã xác minh so với tiếp nhận; đã xử lý xong so với đã xác minh; đúng hạn, "
            "trễ hạn và được đánh giá so với đã xử lý xong."
        ),
        ("Counts and shares: verified of received; handled of verified; on time, late and rated of handled."),
    ),
    "feedback.step.received": ("Tiếp nhận", "Received"),
    "feedback.step.verified": ("Đã xác minh", "Verified"),
    "feedback.step.handled": ("Đã xử lý xong", "Handled"),
    "feedback.step.on_time": ("✓ Đúng hạn", "✓ On time"),
    "feedback.step.late": ("✕ Trễ hạn", "✕ Late"),
    "feedback.step.rated": ("Được đánh giá", "Rated"),
    "feedback.reasons": ("Lý do không được xác minh", "Why reports were not verified"),
    "feedback.empty_reasons": ("Mọi phản ánh đều được xác minh", "Every report was verified"),
    # agencies
    "feedback.agencies": ("Đơn vị xử lý", "Handling units"),
    "feedback.agencies_hint": (
        (
            "Xếp hạng theo tỷ lệ đúng hạn (đơn vị có từ 20 phản ánh đã xử lý). Bấm một dòng để lọc cả trang "
            "theo đơn vị đó. “Quá hạn” tính các phản ánh còn mở vào cuối kỳ."
        ),
        (
            "Ranked by on-time share (units with at least 20 handled reports). Click a row to filter the "
            "page by that unit. “Past deadline” counts reports still open at the end of the period."
        ),
    ),
    "feedback.target_text": (
        (
            "Chỉ tiêu xử lý đúng hạn: ≥ {target} (hạn {due}); dưới chỉ tiêu không quá {margin} điểm là "
            "“có nguy cơ”. Nguồn chỉ tiêu: {source}"
        ),
        (
            "On-time target: ≥ {target} (due {due}); up to {margin} points below it is “at risk”. "
            "Target source: {source}"
        ),
    ),
    "feedback.target_none": ("Chưa có chỉ tiêu xử lý đúng hạn.", "No on-time target is stored."),
    "feedback.col.rank": ("Hạng", "Rank"),
    "feedback.col.agency": ("Đơn vị xử lý", "Handling unit"),
    "feedback.col.status": ("Tình trạng", "Status"),
    "feedback.col.on_time_pct": ("Đúng hạn", "On time"),
    "feedback.col.reports": ("Phản ánh", "Reports"),
    "feedback.col.median_days": ("Trung vị (ngày làm việc)", "Median (working days)"),
    "feedback.col.p90_days": ("Phân vị 90 (ngày làm việc)", "90th percentile (working days)"),
    "feedback.col.open_past_deadline": ("Còn mở, quá hạn", "Open past deadline"),
    "feedback.col.satisfaction_pct": ("Hài lòng", "Satisfied"),
    "feedback.col.rated": ("Lượt đánh giá", "Ratings"),
    # handling time and backlog
    "feedback.handling": ("Thời gian xử lý theo lĩnh vực", "Handling time by category"),
    "feedback.handling_hint": (
        (
            "Hộp: từ phân vị 25 đến 75, vạch giữa là trung vị; râu: phân vị 10 và 90. "
            "Tính theo ngày làm việc (bỏ cuối tuần, ngày lễ, Tết)."
        ),
        (
            "Box: 25th to 75th percentile, the line inside is the median; whiskers: 10th and 90th. "
            "In working days (weekends, public holidays and Tết skipped)."
        ),
    ),
    "feedback.axis.working_days": ("Ngày làm việc", "Working days"),
    "feedback.deadline_line": (
        "Hạn xử lý trong dữ liệu: {n} ngày làm việc",
        "Deadline in the data: {n} working days",
    ),
    "feedback.backlog": ("Phản ánh còn tồn theo tuổi", "Open backlog by age"),
    "feedback.backlog_note": (
        (
            "Phản ánh đã xác minh còn mở vào cuối ngày {date}, nhận vào bất kỳ ngày nào trước đó; tuổi tính "
            "bằng ngày làm việc kể từ ngày tiếp nhận."
        ),
        (
            "Verified reports still open at the end of {date}, whenever they were received; age in working "
            "days since receipt."
        ),
    ),
    "feedback.band.le_7": ("≤ 7 ngày", "≤ 7 days"),
    "feedback.band.8_14": ("8–14 ngày", "8–14 days"),
    "feedback.band.15_30": ("15–30 ngày", "15–30 days"),
    "feedback.band.gt_30": ("> 30 ngày", "> 30 days"),
    "feedback.axis.open_reports": ("Phản ánh còn mở", "Open reports"),
    "feedback.axis.age": ("Tuổi (ngày làm việc)", "Age (working days)"),
    "feedback.within_deadline": ("Còn trong hạn", "Within deadline"),
    "feedback.past_deadline": ("✕ Quá hạn", "✕ Past deadline"),
    "feedback.empty_backlog": ("Không còn phản ánh nào tồn đọng", "Nothing is left open"),
    # satisfaction
    "feedback.satisfaction": ("Mức độ hài lòng", "Satisfaction"),
    "feedback.satisfaction_hint": (
        (
            "Ba mức đánh giá của người dân trên các phản ánh đã xử lý, theo tháng tiếp nhận và theo "
            "lĩnh vực. "
            "Đường, và số bên phải mỗi lĩnh vực: số lượt đánh giá và tỷ lệ phản ánh đã xử lý được đánh giá."
        ),
        (
            "The three rating levels citizens gave handled reports, by month of receipt and by category. "
            "The line, and the figures right of each category: ratings and the share of handled reports "
            "rated."
        ),
    ),
    "feedback.rated_note": (
        (
            "Hài lòng {satisfied}, hài lòng hoặc chấp nhận {accepted}, trên {rated} lượt đánh giá: chỉ "
            "{pct} trong {handled} phản ánh đã xử lý được người dân đánh giá."
        ),
        (
            "Satisfied {satisfied}, satisfied or acceptable {accepted}, out of {rated} ratings: only {pct} "
            "of the {handled} handled reports were rated by citizens."
        ),
    ),
    "feedback.axis.share": ("Tỷ lệ", "Share"),
    "feedback.axis.share_rated": ("Tỷ lệ trong số lượt đánh giá", "Share of ratings"),
    "feedback.rated_share": ("Tỷ lệ được đánh giá", "Share rated"),
    "feedback.n_rated": ("{rated} lượt · {pct}", "{rated} · {pct}"),
    "feedback.empty_ratings": ("Chưa có lượt đánh giá nào", "No ratings yet"),
    # per 10,000
    "feedback.per10k": ("Phản ánh trên 10.000 dân", "Reports per 10,000 residents"),
    "feedback.per10k_hint": (
        (
            "Theo huyện; chọn một huyện để xem theo xã. Dân số là số ước tính (không phải số liệu thống kê "
            "chính thức), nên tỷ lệ chỉ để so sánh tương đối; số phản ánh ghi bên cạnh."
        ),
        (
            "By district; choose a district to see its communes. Population figures are estimates (not "
            "official statistics), so rates are for relative comparison; raw counts are written beside."
        ),
    ),
    "feedback.axis.per10k": ("Phản ánh trên 10.000 dân", "Reports per 10,000 residents"),
    "feedback.axis.per10k_estimate": (
        "Phản ánh trên 10.000 dân (dân số ước tính)",
        "Reports per 10,000 residents (estimated population)",
    ),
    # map
    "feedback.map": ("Bản đồ điểm nóng", "Hotspot map"),
    "feedback.map_hint": (
        (
            "Màu theo số phản ánh của từng xã; ranh giới xã chỉ là gần đúng (không phải ranh giới chính "
            "thức). "
            "Phóng to để xem các ô khoảng 100 m; vị trí được làm thô và ô dưới 5 phản ánh bị ẩn để bảo vệ "
            "dữ liệu cá nhân. Bấm một xã để lọc cả trang."
        ),
        (
            "Coloured by each commune's reports; commune outlines are approximate (not official boundaries). "
            "Zoom in to see ~100 m cells; locations are coarsened and cells with fewer than 5 reports are "
            "hidden to protect personal data. Click a commune to filter the page."
        ),
    ),
    "feedback.legend_title": ("Số phản ánh mỗi xã:", "Reports per commune:"),
    "feedback.map_none": ("không có phản ánh", "no reports"),
    "feedback.map_rate": ("{rate} / 10.000 dân", "{rate} per 10,000 residents"),
    "feedback.map_rate_estimate": (
        "{rate} / 10.000 dân (dân số ước tính)",
        "{rate} per 10,000 (estimated population)",
    ),
    "feedback.map_note_communes": (
        "Đang hiển thị theo xã. Phóng to tới mức {zoom} để xem các ô khoảng 100 m.",
        "Showing communes. Zoom in to level {zoom} to see ~100 m cells.",
    ),
    "feedback.map_note_no_cells": ("Không có phản ánh nào trong vùng đang xem.", "No reports in this view."),
    "feedback.map_note_cells": (
        (
            "Đang hiển thị {shown} ô khoảng 100 m trong số {cells} ô của vùng đang xem; {hidden} ô dưới 5 "
            "phản ánh ({hidden_reports} phản ánh) bị ẩn để bảo vệ dữ liệu cá nhân."
        ),
        (
            "Showing {shown} of the {cells} ~100 m cells in this view; {hidden} cells with fewer than 5 "
            "reports ({hidden_reports} reports) are hidden to protect personal data."
        ),
    ),
    # records
    "feedback.records": ("Danh sách phản ánh", "Report list"),
    "feedback.records_hint": (
        (
            "Không có dữ liệu cá nhân: không tên, số điện thoại, địa chỉ hay toạ độ người phản ánh; số điện "
            "thoại và tên trong nội dung được che (***). Tải CSV xuất đúng những gì đang lọc."
        ),
        (
            "No personal data: no reporter name, phone, address or location; phone numbers and names in the "
            "description are masked (***). The CSV download holds exactly what is filtered."
        ),
    ),
    "feedback.records_count": ("{n} phản ánh khớp bộ lọc", "{n} reports match the filters"),
    "feedback.export": ("⤓ Tải CSV", "⤓ Download CSV"),
    "feedback.col.id": ("Mã", "Id"),
    "feedback.col.requested_at": ("Tiếp nhận", "Received"),
    "feedback.col.deadline_date": ("Hạn xử lý", "Deadline"),
    "feedback.col.closed_at": ("Hoàn thành", "Closed"),
    "feedback.col.category": ("Lĩnh vực", "Category"),
    "feedback.col.commune": ("Xã / phường", "Commune"),
    "feedback.col.on_time": ("Đúng hạn", "On time"),
    "feedback.col.handling_days": ("Ngày làm việc xử lý", "Working days to handle"),
    "feedback.col.rating": ("Đánh giá", "Rating"),
    "feedback.col.description": ("Nội dung (đã che dữ liệu cá nhân)", "Description (personal data masked)"),
}
