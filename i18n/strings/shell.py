"""Strings of the app shell and shared vocabulary: pages, statuses, sources, validation rules, columns."""

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
    # AG Grid's paging words (pages/_parts.grid_words)
    "grid.page": ("Trang", "Page"),
    "grid.of": ("/", "of"),
    "grid.to": ("đến", "to"),
    "grid.more": ("nhiều hơn", "more"),
    "grid.firstPage": ("Trang đầu", "First page"),
    "grid.previousPage": ("Trang trước", "Previous page"),
    "grid.nextPage": ("Trang sau", "Next page"),
    "grid.lastPage": ("Trang cuối", "Last page"),
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
