"""Strings of the Giao thông (Traffic) page: filters, KPI cards, charts, the map and its legend.

Traffic volumes are the sensors' counts as loaded; nothing here states a volume as a fact about Huế.
Stored codes with their own labels: ``traffic.vehicle.*``, ``traffic.severity.*``, ``traffic.road.*``.
"""

STRINGS: dict[str, tuple[str, str]] = {
    "traffic.title": ("Giao thông: lưu lượng, ùn tắc và tai nạn", "Traffic: volumes, congestion and crashes"),
    "traffic.intro": (
        ("Lưu lượng đếm được tại các cảm biến trên các tuyến chính, giờ ùn tắc và tai nạn giao thông "
        "theo thời gian và địa điểm."),
        ("Volumes counted by the sensors on the main corridors, congestion hours and road crashes over "
        "time and place."),
    ),
    # filters
    "traffic.filter.period": ("Khoảng thời gian", "Period"),
    "traffic.filter.from": ("Từ ngày", "From"),
    "traffic.filter.to": ("Đến ngày", "To"),
    "traffic.filter.corridor": ("Tuyến đường", "Corridors"),
    "traffic.filter.district": ("Huyện, thị xã, thành phố", "District"),
    "traffic.filter.vehicle": ("Loại phương tiện", "Vehicle type"),
    "traffic.vehicle.all": ("Tất cả", "All"),
    "traffic.vehicle.motorbikes": ("Xe máy", "Motorbikes"),
    "traffic.vehicle.cars": ("Ô tô con", "Cars"),
    "traffic.vehicle.trucks_buses": ("Xe tải, xe khách", "Trucks, buses"),
    "traffic.compare": (
        "Thay đổi so với cùng kỳ năm trước: {start} – {end}.",
        "Changes compare with the same period a year earlier: {start} – {end}.",
    ),
    # KPI cards
    "traffic.kpi.vehicles": ("Lượt xe/ngày tại một điểm đo", "Vehicles per day at a counting point"),
    "traffic.kpi.vehicles_hint": (
        "{vehicle}; trung bình {sensors} cảm biến", "{vehicle}; mean of {sensors} sensors"
    ),
    "traffic.kpi.all_vehicles": ("Mọi loại xe", "All vehicles"),
    "traffic.kpi.congestion": ("Giờ ùn tắc", "Congestion hours"),
    "traffic.kpi.congestion_hint": (
        "Giờ có lưu lượng trên 85 % năng lực, cộng các cảm biến: {pct} số giờ đo",
        "Hours above 85% of capacity, summed over sensors: {pct} of the hours counted",
    ),
    "traffic.kpi.congestion_all": ("Tính trên mọi loại xe", "Counted on all vehicles"),
    "traffic.kpi.crashes": ("Vụ tai nạn", "Crashes"),
    "traffic.kpi.deaths": ("Người chết", "Deaths"),
    "traffic.kpi.injuries": ("Người bị thương", "Injuries"),
    "traffic.kpi.crash_hint": ("Va chạm giao thông trong kỳ", "Road crashes in the period"),
    "traffic.kpi.up": (
        "▲ tăng {change} so với cùng kỳ ({previous})", "▲ up {change} on last year ({previous})"
    ),
    "traffic.kpi.down": (
        "▼ giảm {change} so với cùng kỳ ({previous})", "▼ down {change} on last year ({previous})"
    ),
    "traffic.kpi.same": ("= không đổi so với cùng kỳ", "= same as last year"),
    "traffic.kpi.no_previous": (
        "Không có số liệu cùng kỳ năm trước", "No data for the same period last year"
    ),
    # volume over time
    "traffic.volume": ("Lưu lượng theo thời gian", "Volume over time"),
    "traffic.volume_hint": (
        ("Lượt xe/ngày tại một điểm đo, theo tuyến. Dải xám: nghỉ lễ, Tết theo lịch nghỉ chính thức; "
        "dải vàng: cao điểm du lịch (khoảng thời gian ước tính). Di chuột lên đầu dải để xem tên."),
        ("Vehicles per day at a counting point, by corridor. Grey bands: holidays and Tết from the "
        "official calendar; gold bands: tourism peaks (approximate periods). Hover over a band's top for "
        "its name."),
    ),
    "traffic.grain.day": ("Theo ngày", "Daily"),
    "traffic.grain.week": ("Theo tuần", "Weekly"),
    "traffic.axis.vehicles_per_day": ("Lượt xe/ngày", "Vehicles per day"),
    "traffic.holidays": ("Nghỉ lễ, Tết", "Holidays, Tết"),
    "traffic.tourism": ("Cao điểm du lịch (ước tính)", "Tourism peaks (approximate)"),
    "traffic.tet": ("Tết", "Tết"),
    "traffic.peak.festival": (
        "Tuần lễ Festival Huế (ngày ước tính)", "Festival Huế week (approximate dates)"
    ),
    "traffic.peak.reunification": (
        "Dịp nghỉ 30/4–1/5 (ngày ước tính)", "30 April – 1 May break (approximate dates)"
    ),
    "traffic.peak.summer": ("Mùa du lịch hè (ước tính)", "Summer tourist season (approximate)"),
    # hour × weekday
    "traffic.heatmap": ("Theo giờ trong ngày và ngày trong tuần", "By hour of day and day of week"),
    "traffic.heatmap_note": (
        "Tính trên các tháng trọn vẹn từ {first} đến {last}, vì số liệu này được tổng hợp theo tháng.",
        "Over the whole months from {first} to {last}, as this rollup is kept per month.",
    ),
    "traffic.measure.volume": ("Lưu lượng", "Volume"),
    "traffic.measure.congestion": ("Ùn tắc", "Congestion"),
    "traffic.axis.hour": ("Giờ trong ngày", "Hour of day"),
    "traffic.scale.volume": ("Xe/giờ", "Veh/h"),
    "traffic.scale.congestion": ("% giờ ùn tắc", "% hours congested"),
    "traffic.hover.volume": ("xe/giờ tại một điểm đo", "vehicles/h at a counting point"),
    "traffic.hover.congestion": ("số giờ bị ùn tắc", "of hours congested"),
    "traffic.weekday.1": ("T2", "Mon"),
    "traffic.weekday.2": ("T3", "Tue"),
    "traffic.weekday.3": ("T4", "Wed"),
    "traffic.weekday.4": ("T5", "Thu"),
    "traffic.weekday.5": ("T6", "Fri"),
    "traffic.weekday.6": ("T7", "Sat"),
    "traffic.weekday.7": ("CN", "Sun"),
    # corridor ranking
    "traffic.ranking": ("Xếp hạng tuyến đường", "Corridor ranking"),
    "traffic.ranking_hint": (
        (
            "Mọi tuyến trong kỳ và khu vực đã chọn; tuyến đang lọc được tô đậm. Bấm một tuyến để lọc theo "
            "tuyến đó."
        ),
        ("Every corridor in the chosen period and area; filtered corridors are highlighted. Click one to "
        "filter by it."),
    ),
    "traffic.rank.congestion": ("Giờ ùn tắc", "Congestion hours"),
    "traffic.rank.peak": ("Lưu lượng giờ cao điểm / năng lực", "Peak-hour volume / capacity"),
    "traffic.rank.mean_peak": ("Trung bình các ngày", "Daily mean"),
    "traffic.rank.max_peak": ("Giờ cao nhất", "Highest hour"),
    "traffic.rank.threshold": ("Ngưỡng ùn tắc {value}", "Congestion threshold {value}"),
    "traffic.rank.hours_text": ("{hours} giờ ({pct})", "{hours} h ({pct})"),
    # map
    "traffic.map": ("Bản đồ cảm biến, tuyến và tai nạn", "Map of sensors, corridors and crashes"),
    "traffic.map_hint": (
        "Bấm vào một cảm biến để xem lưu lượng theo giờ của nó. Bật, tắt lớp ở góc phải bản đồ.",
        "Click a sensor to see its hourly profile. Switch layers on and off at the map's top right.",
    ),
    "traffic.layer.districts": ("Ranh giới huyện", "District boundaries"),
    "traffic.layer.corridors": (
        "Tuyến (nối các cảm biến, gần đúng)", "Corridors (joining sensors, approximate)"
    ),
    "traffic.layer.sensors": ("Cảm biến", "Sensors"),
    "traffic.layer.crashes": ("Tai nạn", "Crashes"),
    "traffic.layer.hotspots": ("Điểm nóng tai nạn", "Crash hotspots"),
    "traffic.level.free": ("Thông thoáng", "Free-flowing"),
    "traffic.level.steady": ("Ổn định", "Steady"),
    "traffic.level.busy": ("Đông", "Busy"),
    "traffic.level.congested": ("Ùn tắc", "Congested"),
    "traffic.level.none": ("Không có số liệu", "No data"),
    "traffic.legend.sensors": (
        "Cảm biến: lưu lượng giờ cao điểm / năng lực, trung bình các ngày",
        "Sensors: peak-hour volume / capacity, daily mean",
    ),
    "traffic.legend.crashes": ("Tai nạn theo mức độ (số trong vòng tròn: số vụ gộp)",
                               "Crashes by severity (number in a circle: crashes grouped)"),
    "traffic.legend.hotspots": (
        "Điểm nóng: ô khoảng 500 m có từ {n} vụ trở lên",
        "Hotspots: cells of about 500 m with {n} or more crashes",
    ),
    "traffic.legend.corridors": (
        "Tuyến: đường nối các cảm biến, gần đúng", "Corridors: lines joining sensors, approximate"
    ),
    "traffic.tooltip.sensor": (
        ("{sensor} · {corridor}<br>{level}: {ratio} (giờ cao nhất {peak})<br>{vehicles} lượt xe/ngày · "
        "{hours} giờ ùn tắc"),
        ("{sensor} · {corridor}<br>{level}: {ratio} (highest hour {peak})<br>{vehicles} vehicles/day · "
        "{hours} congestion hours"),
    ),
    "traffic.tooltip.crash": (
        "{time} · {severity}<br>{deaths} người chết, {injuries} người bị thương<br>{road}",
        "{time} · {severity}<br>{deaths} deaths, {injuries} injuries<br>{road}",
    ),
    "traffic.tooltip.hotspot": (
        "{crashes} vụ tai nạn · {deaths} người chết · {injuries} người bị thương",
        "{crashes} crashes · {deaths} deaths · {injuries} injuries",
    ),
    "traffic.severity.nhẹ": ("Nhẹ", "Minor"),
    "traffic.severity.nghiêm trọng": ("Nghiêm trọng", "Serious"),
    "traffic.severity.rất nghiêm trọng": ("Rất nghiêm trọng", "Very serious"),
    "traffic.severity.đặc biệt nghiêm trọng": ("Đặc biệt nghiêm trọng", "Extremely serious"),
    "traffic.severity.unknown": ("Chưa rõ mức độ", "Severity unknown"),
    "traffic.road.quốc lộ": ("Quốc lộ", "National road"),
    "traffic.road.đô thị": ("Đường đô thị", "Urban road"),
    "traffic.road.nông thôn": ("Đường nông thôn", "Rural road"),
    "traffic.road.unknown": ("Không rõ loại đường", "Road type unknown"),
    # sensor profile
    "traffic.profile": ("Lưu lượng theo giờ của một cảm biến", "Hourly profile of one sensor"),
    "traffic.profile_title": (
        "{sensor} · {corridor} · {district} · năng lực {capacity} xe/giờ",
        "{sensor} · {corridor} · {district} · capacity {capacity} vehicles/h",
    ),
    "traffic.profile_default": (
        "Cảm biến có nhiều giờ ùn tắc nhất trong lựa chọn. Bấm một cảm biến khác trên bản đồ để đổi.",
        "The sensor with the most congestion hours in this selection. Click another on the map to change.",
    ),
    "traffic.profile_clicked": ("Cảm biến đã chọn trên bản đồ.", "The sensor chosen on the map."),
    "traffic.profile_months": ("Trung bình từ {first} đến {last} (tháng trọn vẹn).",
                               "Mean from {first} to {last} (whole months)."),
    "traffic.profile_none": ("Không có cảm biến nào trong lựa chọn này", "No sensor in this selection"),
    "traffic.day.weekday": ("Ngày thường (T2–T6)", "Weekdays (Mon–Fri)"),
    "traffic.day.weekend": ("Cuối tuần (T7, CN)", "Weekend (Sat, Sun)"),
    "traffic.capacity_line": ("Năng lực", "Capacity"),
    "traffic.threshold_line": ("Ngưỡng ùn tắc (85 % năng lực)", "Congestion threshold (85% of capacity)"),
    "traffic.axis.vehicles_per_hour": ("Xe/giờ", "Vehicles per hour"),
    # crashes
    "traffic.crash_trend": ("Tai nạn theo tháng", "Crashes by month"),
    "traffic.crash_trend_hint": (
        ("Va chạm giao thông (không gồm ùn tắc, ngập) với số người chết và bị thương. Bộ lọc loại phương "
        "tiện không áp dụng cho tai nạn."),
        ("Road crashes (not jams or flooding) with deaths and injuries. The vehicle filter does not apply "
        "to crashes."),
    ),
    "traffic.series.crashes": ("Vụ tai nạn", "Crashes"),
    "traffic.series.deaths": ("Người chết", "Deaths"),
    "traffic.series.injuries": ("Người bị thương", "Injuries"),
    "traffic.axis.count": ("Số vụ, số người", "Crashes, people"),
    "traffic.road_type": ("Tai nạn theo loại đường", "Crashes by road type"),
    "traffic.road_type_hint": ("Tỷ lệ số vụ tai nạn theo loại đường.", "Share of crashes by road type."),
    "traffic.road_type_text": ("{crashes} vụ ({pct})", "{crashes} ({pct})"),
    "traffic.axis.crashes": ("Số vụ", "Crashes"),
}
