"""Strings of the schools page (/schools): filters, KPI cards, map, school card, comparison, table."""

STRINGS: dict[str, tuple[str, str]] = {
    "schools.title": ("Giáo dục: trường học và sẵn sàng CNTT", "Schools and ICT readiness"),
    "schools.intro": (
        (
            "Trường mầm non và phổ thông theo năm học: học sinh, phòng học, lớp học thông minh, Internet "
            "băng rộng và tiến độ chỉ tiêu trường THPT thông minh."
        ),
        (
            "Kindergartens and general schools per school year: students, classrooms, smart classrooms, "
            "broadband and progress to the smart upper-secondary school target."
        ),
    ),
    # filters
    "schools.year": ("Năm học", "School year"),
    "schools.year_latest": ("Năm học mới nhất", "Latest school year"),
    "schools.district": ("Huyện / thị xã / thành phố", "District"),
    "schools.level_filter": ("Cấp học", "Level"),
    "schools.ownership_filter": ("Loại hình", "Ownership"),
    # stored values
    "schools.level.mầm non": ("Mầm non", "Preschool"),
    "schools.level.tiểu học": ("Tiểu học", "Primary"),
    "schools.level.THCS": ("THCS", "Lower secondary"),
    "schools.level.THPT": ("THPT", "Upper secondary"),
    "schools.level.khác": ("Khác (GDTX, chuyên biệt)", "Other (continuing, special)"),
    "schools.level_short.mầm non": ("MN", "Pre"),
    "schools.level_short.tiểu học": ("TH", "Prim."),
    "schools.level_short.THCS": ("THCS", "Lower sec."),
    "schools.level_short.THPT": ("THPT", "Upper sec."),
    "schools.level_short.khác": ("Khác", "Other"),
    "schools.ownership.công lập": ("Công lập", "Public"),
    "schools.ownership.ngoài công lập": ("Ngoài công lập", "Non-public"),
    "schools.broadband.yes": ("✓ Có", "✓ Yes"),
    "schools.broadband.no": ("✕ Không", "✕ No"),
    # KPI cards
    "schools.kpi.schools": ("Số trường", "Schools"),
    "schools.kpi.students": ("Học sinh", "Students"),
    "schools.kpi.spc": ("Học sinh / phòng học", "Students per classroom"),
    "schools.kpi.spc_hint": (
        "Tổng học sinh chia tổng phòng học ({students} / {classrooms})",
        "All students over all classrooms ({students} / {classrooms})",
    ),
    "schools.kpi.smart_thpt": (
        "Trường THPT thông minh (toàn tỉnh)",
        "Smart upper-secondary schools (province)",
    ),
    "schools.kpi.broadband": ("Trường có Internet băng rộng", "Schools with broadband"),
    "schools.kpi.broadband_hint": ("{n} / {total} trường", "{n} of {total} schools"),
    "schools.kpi.smart_rooms": ("Phòng học thông minh", "Smart classrooms"),
    "schools.kpi.smart_rooms_hint": (
        "ở {schools} trường có phòng học thông minh",
        "in {schools} schools with a smart classroom",
    ),
    "schools.kpi.year": ("Năm học {year}", "School year {year}"),
    "schools.kpi.change": ("{change} so với năm học {year}", "{change} on school year {year}"),
    "schools.kpi.target": ("Chỉ tiêu: {value}, hạn {due}", "Target: {value} by {due}"),
    "schools.kpi.target_none": ("Chưa có chỉ tiêu trong kho dữ liệu", "No target in the warehouse"),
    "schools.kpi.met_on_time": ("Đạt từ năm học {year}, đúng hạn", "Met from school year {year}, on time"),
    "schools.kpi.met_late": (
        "Đạt từ năm học {year}, muộn {late} năm học so với hạn",
        "Met from school year {year}, {late} school year(s) after the due date",
    ),
    "schools.kpi.met_unknown": (
        "Đã đạt ở năm học {year}, năm học sớm nhất có dữ liệu: không rõ đạt từ khi nào",
        "Met in {year}, the earliest school year on record: when it was first met is unknown",
    ),
    "schools.kpi.not_met": ("Chưa đạt", "Not met yet"),
    "schools.kpi.source": ("Căn cứ: {source}", "Source: {source}"),
    "schools.kpi.smart_def": (
        "Trường thông minh: có ít nhất 1 phòng học thông minh.",
        "Smart school: at least one smart classroom.",
    ),
    # map
    "schools.map": ("Bản đồ trường học", "Map of schools"),
    "schools.map_hint": (
        (
            "Điểm tô màu theo cấp học, ★ là trường thông minh; các điểm gần nhau được gộp khi thu nhỏ. "
            "Nền tô theo học sinh / phòng học. Bấm một trường để xem thông tin."
        ),
        (
            "Points coloured by level, ★ marks a smart school; nearby points are grouped when zoomed out. "
            "Shading shows students per classroom. Click a school for its card."
        ),
    ),
    "schools.map_label": ("Bản đồ trường học", "Map of schools"),
    "schools.shade": ("Tô nền theo", "Shade by"),
    "schools.shade.district": ("Huyện", "District"),
    "schools.shade.commune": ("Xã / phường", "Commune"),
    "schools.legend.levels": ("Cấp học", "Level"),
    "schools.legend.smart": ("Trường thông minh", "Smart school"),
    "schools.legend.spc": (
        "Học sinh / phòng học (đậm hơn = thiếu phòng hơn)",
        "Students per classroom (darker = more crowded)",
    ),
    "schools.legend.none": ("Không có trường", "No schools"),
    "schools.legend.approximate": (
        "Ranh giới xã là gần đúng, theo địa giới năm 2019; chỉ để tham khảo.",
        "Commune outlines are approximate (2019 layout); for orientation only.",
    ),
    "schools.legend.vintage": ("Ranh giới huyện theo địa giới năm 2019.", "District boundaries as of 2019."),
    "schools.tooltip.spc": ("{name}: {value} học sinh / phòng", "{name}: {value} students per classroom"),
    # school card
    "schools.card.empty": (
        "Bấm một trường trên bản đồ hoặc trong danh sách để xem thông tin.",
        "Click a school on the map or in the list to see its card.",
    ),
    "schools.card.missing": ("Không tìm thấy trường này.", "This school was not found."),
    "schools.card.year": ("Số liệu năm học {year}", "Figures for school year {year}"),
    "schools.card.smart": ("★ Trường thông minh", "★ Smart school"),
    "schools.card.trend": ("Qua các năm học", "Over the school years"),
    "schools.card.area": ("Địa bàn", "Area"),
    # columns (school table and card)
    "schools.col.name": ("Tên trường", "School"),
    "schools.col.level": ("Cấp học", "Level"),
    "schools.col.ownership": ("Loại hình", "Ownership"),
    "schools.col.district": ("Huyện", "District"),
    "schools.col.commune": ("Xã / phường", "Commune"),
    "schools.col.students": ("Học sinh", "Students"),
    "schools.col.classrooms": ("Phòng học", "Classrooms"),
    "schools.col.spc": ("HS / phòng", "Students / room"),
    "schools.col.smart": ("Phòng thông minh", "Smart rooms"),
    "schools.col.broadband": ("Internet băng rộng", "Broadband"),
    "schools.col.year": ("Năm học", "School year"),
    "schools.trend.students": ("HS", "Students"),
    "schools.trend.classrooms": ("Phòng", "Rooms"),
    "schools.trend.smart": ("P. thông minh", "Smart rooms"),
    "schools.trend.broadband": ("Internet", "Broadband"),
    # smart-school target
    "schools.target": (
        "Tiến độ chỉ tiêu trường THPT thông minh",
        "Progress to the smart upper-secondary target",
    ),
    "schools.target_hint": (
        "Số trường THPT có ít nhất 1 phòng học thông minh, toàn tỉnh, theo năm học; đường ngang là chỉ tiêu.",
        "Upper-secondary schools with at least one smart classroom, province, per school year; line: target.",
    ),
    "schools.target.bars": ("Trường THPT thông minh", "Smart upper-secondary schools"),
    "schools.target.line": ("Chỉ tiêu {value} (hạn {due})", "Target {value} (due {due})"),
    "schools.target.due": ("Hạn {due}", "Due {due}"),
    # district comparison
    "schools.compare": ("So sánh các huyện", "District comparison"),
    "schools.compare_hint": (
        (
            "Theo năm học, cấp học và loại hình đã chọn, mọi huyện; đường đứt nét là toàn tỉnh. "
            "Bảng nhiệt chia thêm theo cấp học."
        ),
        (
            "For the chosen school year, level and ownership, every district; the dashed line is the "
            "province. The heatmap splits by level as well."
        ),
    ),
    "schools.metric": ("Chỉ số", "Indicator"),
    "schools.metric.spc": ("Học sinh / phòng học", "Students per classroom"),
    "schools.metric.broadband": ("Có Internet băng rộng (%)", "With broadband (%)"),
    "schools.metric.smart_rooms": ("Phòng học thông minh (% phòng học)", "Smart classrooms (% of rooms)"),
    "schools.metric.smart_schools": ("Trường thông minh", "Smart schools"),
    "schools.province": ("Toàn tỉnh", "Province"),
    "schools.province_line": ("Toàn tỉnh: {value}", "Province: {value}"),
    # school table
    "schools.table": ("Danh sách trường", "School list"),
    "schools.table_hint": (
        "Tìm theo tên, không cần dấu (“quoc hoc” tìm được “Quốc Học”). Bấm một dòng để xem thông tin trường.",
        "Search by name, accents optional (“quoc hoc” finds “Quốc Học”). Click a row for the school's card.",
    ),
    "schools.search": ("Tìm trường", "Find a school"),
    "schools.search_placeholder": ("Nhập tên trường, ví dụ: quoc hoc", "Type a school name, e.g. quoc hoc"),
}
