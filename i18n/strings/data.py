"""Strings of the data-quality page (/data)."""

STRINGS: dict[str, tuple[str, str]] = {
    # data page
    "data.title": ("Chất lượng dữ liệu", "Data quality"),
    "data.intro": (
        (
            "Lần nạp gần nhất của từng nguồn, các tệp đã đọc, các dòng bị loại kèm lý do, và độ mới "
            "của dữ liệu."
        ),
        (
            "The last load of each source, the files read, the rows left out and why, and how recent "
            "the data is."
        ),
    ),
    "data.lastload": ("Lần nạp gần nhất theo nguồn", "Last load per source"),
    "data.files": ("Các tệp đã nạp", "Files loaded"),
    "data.rejected": ("Dòng bị loại theo nguồn và quy tắc", "Rows left out by source and rule"),
    "data.sample": ("Mẫu dòng bị loại", "Sample of rows left out"),
    "data.sample_hint": (
        "Những dòng đầu tiên theo thứ tự trong tệp, lọc theo nguồn và quy tắc.",
        "The first rows in file order, filtered by source and rule.",
    ),
    "data.freshness": ("Độ mới của dữ liệu", "Data freshness"),
    "data.freshness_hint": (
        "“Cũ” khi dữ liệu mới nhất đã quá số ngày ở cột Ngưỡng so với hôm nay.",
        "“Stale” when the latest data is older than the Threshold column, counted from today.",
    ),
    "data.source": ("Nguồn", "Source"),
    "data.rule": ("Quy tắc", "Rule"),
    "data.rows_axis": ("Số dòng", "Rows"),
}
