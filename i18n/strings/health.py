"""Strings of the health-records page (/health)."""

STRINGS: dict[str, tuple[str, str]] = {
    "health.title": ("Hồ sơ sức khỏe điện tử", "Electronic health records"),
    "health.intro": (
        (
            "Tỷ lệ người dân đã được tạo lập hồ sơ sức khỏe điện tử và tỷ lệ hồ sơ đầy đủ thông tin, "
            "theo huyện và xã, so với chỉ tiêu: nơi nào còn thiếu, thiếu bao nhiêu người, có kịp hạn không."
        ),
        (
            "Share of residents with an electronic health record created, and with a complete record, by "
            "district and commune, against the targets: where coverage lags, by how many people, and "
            "whether it will be reached in time."
        ),
    ),
    # filters
    "health.month": ("Tháng", "Month"),
    "health.district": ("Huyện", "District"),
    "health.level": ("Bản đồ theo", "Map by"),
    "health.measure": ("Chỉ số", "Measure"),
    "health.level.district": ("Huyện", "District"),
    "health.level.commune": ("Xã", "Commune"),
    "health.measure.created": ("Đã tạo lập", "Created"),
    "health.measure.complete": ("Đầy đủ thông tin", "Complete"),
    "health.all_districts": ("Toàn tỉnh", "Whole province"),
    "health.selected": ("Đang xem: {name}", "Selected: {name}"),
    "health.clear_commune": ("✕ Bỏ chọn xã", "✕ Clear commune"),
    # KPI cards
    "health.kpi": ("So với chỉ tiêu", "Against the targets"),
    "health.kpi_hint": (
        "Tháng {month}. Tỷ lệ tính trên dân số do xã báo cáo cùng số liệu (có trọng số dân số).",
        "{month}. Shares of the population each commune reports with its figures (population-weighted).",
    ),
    "health.scope.province": ("Toàn tỉnh", "Whole province"),
    "health.scope.district": ("{name}", "{name} (district)"),
    "health.scope.commune": ("{name}", "{name} (commune)"),
    "health.card.created": ("Đã tạo lập hồ sơ", "Records created"),
    "health.card.complete": ("Hồ sơ đầy đủ thông tin", "Complete records"),
    "health.card.without": ("Người chưa có hồ sơ", "People without a record"),
    "health.card.people": ("{n} người", "{n} people"),
    "health.card.without_detail": (
        "{share} của {population} người (dân số xã báo cáo)",
        "{share} of {population} residents (as the communes report)",
    ),
    "health.card.reporting": ("{n}/{total} xã đã báo cáo", "{n} of {total} communes reported"),
    "health.card.target": ("Chỉ tiêu {value}, hạn {due}", "Target {value}, due {due}"),
    "health.card.source": ("Căn cứ: {source}", "Basis: {source}"),
    "health.card.change": ("{change} điểm % so với tháng trước", "{change} points on the month before"),
    "health.card.missing": ("Còn thiếu {n} người để đạt chỉ tiêu", "{n} more people needed for the target"),
    "health.card.months": (
        "Khoảng {n} tháng nữa với tốc độ 6 tháng gần nhất",
        "About {n} months at the pace of the last 6 months",
    ),
    "health.never": ("Không đạt với tốc độ hiện tại", "Not reached at the current pace"),
    "health.reached": ("Đã đạt", "Reached"),
    "health.no_target": ("Chưa có chỉ tiêu trong kho dữ liệu", "No target in the warehouse"),
    "health.empty_month": (
        "Chưa có số liệu hồ sơ sức khỏe cho tháng và khu vực này",
        "No health-record figures for this month and area",
    ),
    # map
    "health.map": ("Bản đồ", "Map"),
    "health.map_hint": (
        "Bấm vào một huyện để xem các xã của huyện; bấm vào một xã để xem số liệu của xã.",
        "Click a district to see its communes; click a commune to see its figures.",
    ),
    "health.map_approx": (
        "⚠ Ranh giới xã là gần đúng, chỉ để minh hoạ, không phải ranh giới chính thức.",
        "⚠ Commune outlines are approximate, for illustration only, not official boundaries.",
    ),
    "health.legend.title": ("{measure}, tháng {month}", "{measure}, {month}"),
    "health.legend.below": ("Dưới {hi}", "Under {hi}"),
    "health.legend.band": ("{lo} đến dưới {hi}", "{lo} to under {hi}"),
    "health.legend.reached": ("✓ Từ {lo} trở lên (đạt chỉ tiêu)", "✓ {lo} or more (target reached)"),
    "health.legend.no_data": ("Không có số liệu", "No data"),
    "health.tip.created": ("Đã tạo lập: {value}", "Created: {value}"),
    "health.tip.complete": ("Đầy đủ thông tin: {value}", "Complete: {value}"),
    "health.tip.without": ("Chưa có hồ sơ: {n} người", "Without a record: {n} people"),
    "health.tip.no_data": ("Không có số liệu tháng này", "No figures this month"),
    # trend
    "health.trend": ("Diễn biến theo huyện", "Trend by district"),
    "health.trend_hint": (
        "Đường đậm: toàn tỉnh; nét đứt ngang: chỉ tiêu; nét chấm dọc: hạn (khi nằm trong khoảng thời gian).",
        (
            "Thick line: the province; dashed line: the target; dotted vertical line: its due date "
            "(when in range)."
        ),
    ),
    "health.trend.province": ("Toàn tỉnh", "Province"),
    "health.trend.target": ("Chỉ tiêu {value}, hạn {due}", "Target {value}, due {due}"),
    "health.trend.axis": ("% dân số", "% of residents"),
    "health.trend.due": ("Hạn {due}", "Due {due}"),
    # gap table
    "health.gap": ("Xã còn thiếu so với chỉ tiêu", "Communes short of the target"),
    "health.gap_hint": (
        (
            "Chỉ số: {measure}, chỉ tiêu {target}, hạn {due}. Xếp theo số người còn thiếu. "
            "Số tháng cần: theo mức tăng bình quân 6 tháng gần nhất. "
            "⚠ Có nguy cơ: chưa đạt nhưng kịp hạn nếu giữ tốc độ; "
            "✕ Không đạt: không kịp hạn với tốc độ này."
        ),
        (
            "Measure: {measure}, target {target}, due {due}. Ranked by people still missing. "
            "Months needed: at the average monthly gain of the last 6 months. "
            "⚠ At risk: not reached yet, in time at this pace; "
            "✕ Off target: not in time at this pace."
        ),
    ),
    "health.csv": ("⤓ Tải CSV (đúng như bảng)", "⤓ Download CSV (as shown)"),
    "health.csv_name": ("ho-so-suc-khoe_xa-con-thieu", "health-records_communes-short"),
    "health.col.rank": ("Hạng", "Rank"),
    "health.col.commune": ("Xã/phường", "Commune"),
    "health.col.district": ("Huyện", "District"),
    "health.col.station": ("Trạm y tế", "Health station"),
    "health.col.population": ("Dân số (xã báo cáo)", "Population (reported)"),
    "health.col.pct": ("Tỷ lệ", "Coverage"),
    "health.col.change": ("So với tháng trước (điểm %)", "Change on last month (points)"),
    "health.col.missing": ("Người còn thiếu để đạt chỉ tiêu", "People missing to reach the target"),
    "health.col.without": ("Người chưa có hồ sơ", "People without a record"),
    "health.col.pace": ("Tăng bình quân 6 tháng (điểm %/tháng)", "Average gain, 6 months (points/month)"),
    "health.col.months": ("Số tháng cần", "Months needed"),
    "health.col.status": ("Tiến độ", "Progress"),
    # data checks
    "health.checks": ("Kiểm tra dữ liệu", "Data checks"),
    "health.check.missing": (
        "Xã chưa có báo cáo tháng {month}: {n}",
        "Communes with no report for {month}: {n}",
    ),
    "health.check.complete_gt_created": (
        "Dòng có số hồ sơ đầy đủ lớn hơn số đã tạo lập: {n}",
        "Rows with more complete records than created ones: {n}",
    ),
    "health.check.over_100": (
        "Dòng có số hồ sơ đã tạo lập vượt dân số (trên 100 %): {n}",
        "Rows with more records created than residents (above 100 %): {n}",
    ),
    "health.check.rejected": (
        "Dòng bị loại khi nạp số liệu y tế (mọi tháng): {n}",
        "Rows of the health exports left out at load (all months): {n}",
    ),
    "health.check.rejected_rules": (
        "trong đó {complete} vì số đầy đủ lớn hơn số đã tạo lập, {over} vì vượt dân số",
        "of which {complete} with more complete than created records, {over} above the population",
    ),
    "health.check.rejected_link": ("Xem các dòng bị loại →", "See the rows left out →"),
}
