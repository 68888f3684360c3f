"""The catalogue of exportable datasets: what each one holds, its columns and the filters it accepts.

Each ``Dataset`` is a SELECT over the warehouse (``sql``) whose ``{where}`` receives the period and area
conditions built from ``date_column`` / ``area_columns``; ``queries.exports`` validates a request against
this catalogue, composes the statement and runs it. Table and column names come only from here.

Personal data never leaves: no reporter hash, phone, name or address column exists in any dataset, and
descriptions are masked exactly as the feedback page masks them. Counts of the commune × category
breakdown under ``SUPPRESS_BELOW`` are written "< 5" (open-data practice: a small count can point to a
person). ``record_level`` marks row-per-record datasets (access control lets only analysts export them).
"""

from __future__ import annotations

from dataclasses import dataclass

from queries.feedback import STATUS_CASE
from queries.feedback_records import MASKED_DESCRIPTION
from queries.kpi_feedback import SATISFIED
from queries.traffic_crashes import CRASH

TYPES = ("text", "int", "float", "pct", "date", "datetime", "bool", "suppressed")
SUPPRESS_BELOW = 5
SUPPRESSED_TEXT = f"< {SUPPRESS_BELOW}"
#: How a dataset's date column meets the period (``from`` and ``to`` included).
DATE_KINDS = ("timestamp", "date", "month", "school_year")


class ExportError(ValueError):
    """A request the catalogue does not allow; the message is a one-line reason for the user."""


@dataclass(frozen=True)
class Column:
    """One exported column: its name (snake_case, also the Parquet name), labels and type."""

    name: str
    vi: str
    en: str
    type: str = "text"

    def __post_init__(self):
        if self.type not in TYPES:
            raise ValueError(f"column {self.name!r}: unknown type {self.type!r}")

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.vi

    def select(self) -> str:
        """Its expression over the dataset's rows: masked or suppressed where that applies."""
        if self.name == "description":
            return f"{MASKED_DESCRIPTION} AS description"
        if self.type == "suppressed":
            return (
                f"CASE WHEN {self.name} < {SUPPRESS_BELOW} THEN '{SUPPRESSED_TEXT}' "
                f"ELSE CAST({self.name} AS VARCHAR) END AS {self.name}"
            )
        return self.name


@dataclass(frozen=True)
class Dataset:
    """One catalogue entry (see the module docstring)."""

    id: str
    title_vi: str
    title_en: str
    source: str  # the warehouse tables it reads, as the export's header line names them
    columns: tuple[Column, ...]
    sql: str
    order: str  # default ORDER BY over column names
    record_level: bool
    date_column: str | None = None
    date_kind: str = "timestamp"
    area_columns: tuple[str, str] | None = None  # (district column, commune column)
    needs_indicator: bool = False
    choices: tuple[str, ...] = ()  # single-value filters of queries.export_choices (feedback only)

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_vi

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)

    @property
    def filters(self) -> tuple[str, ...]:
        """URL parameters this dataset accepts (besides ``lang``)."""
        names = ["area"] if self.area_columns or self.needs_indicator else []
        names += ["from", "to", "month"] if self.date_column or self.needs_indicator else []
        names += ["indicator"] if self.needs_indicator else []
        return (*names, *self.choices, "columns")


_AREA_NAMES = "LEFT JOIN areas a ON a.code = {t}.commune_code LEFT JOIN areas d ON d.code = {t}.district_code"
_DISTRICT = Column("district", "Huyện/thị xã/thành phố", "District")
_COMMUNE_CODE = Column("commune_code", "Mã xã/phường", "Commune code")
_COMMUNE = Column("commune", "Xã/phường/thị trấn", "Commune")

FEEDBACK_RECORDS = Dataset(
    "feedback_records",
    "Phản ánh hiện trường (từng phản ánh)",
    "Citizen feedback (one row per report)",
    "feedback",
    (
        Column("id", "Mã phản ánh", "Report id"),
        Column("requested_at", "Thời điểm tiếp nhận", "Received", "datetime"),
        Column("deadline_date", "Hạn xử lý", "Deadline", "date"),
        Column("closed_at", "Thời điểm xử lý xong", "Closed", "datetime"),
        Column("category_code", "Mã lĩnh vực", "Category code"),
        Column("category", "Lĩnh vực", "Category"),
        Column("agency", "Đơn vị xử lý", "Handling unit"),
        Column("channel", "Kênh", "Channel"),
        Column("status", "Tình trạng", "Status"),
        _DISTRICT,
        _COMMUNE,
        Column("on_time", "Đúng hạn", "On time", "bool"),
        Column("handling_days", "Số ngày làm việc xử lý", "Working days to handle", "int"),
        Column("rating", "Đánh giá", "Rating"),
        Column("description", "Nội dung (đã che thông tin cá nhân)", "Description (personal data masked)"),
    ),
    "SELECT f.service_request_id AS id, f.requested_at, f.deadline_date, f.closed_at, "
    "f.service_code AS category_code, f.service_name AS category, f.agency_responsible AS agency, "
    f"f.channel, {STATUS_CASE} AS status, d.name_vi AS district, a.name_vi AS commune, f.on_time, "
    "f.handling_working_days AS handling_days, f.rating, f.description "
    f"FROM feedback f {_AREA_NAMES.format(t='f')} WHERE {{where}}",
    "requested_at, id",
    record_level=True,
    date_column="f.requested_at",
    area_columns=("f.district_code", "f.commune_code"),
    choices=("category", "agency", "channel", "status"),  # the feedback page's filters
)

FEEDBACK_BY_AGENCY = Dataset(
    "feedback_by_agency",
    "Phản ánh theo đơn vị xử lý",
    "Citizen feedback by handling unit",
    "feedback",
    (
        Column("agency", "Đơn vị xử lý", "Handling unit"),
        Column("reports", "Số phản ánh", "Reports", "int"),
        Column("handled", "Đã xử lý", "Handled", "int"),
        Column("on_time", "Xử lý đúng hạn", "Handled on time", "int"),
        Column("on_time_pct", "Tỷ lệ đúng hạn (%)", "On time (%)", "pct"),
        Column("median_days", "Trung vị ngày làm việc xử lý", "Median working days", "float"),
        Column("open", "Đang xử lý", "Open", "int"),
        Column("rated", "Số đánh giá", "Ratings", "int"),
        Column("satisfied_pct", "Tỷ lệ hài lòng (%)", "Satisfied (%)", "pct"),
    ),
    "SELECT f.agency_responsible AS agency, count(*) AS reports, "
    "count(f.on_time) AS handled, count_if(f.on_time)::BIGINT AS on_time, "
    "100.0 * count_if(f.on_time) / nullif(count(f.on_time), 0) AS on_time_pct, "
    "median(f.handling_working_days) AS median_days, "
    "count_if(f.verified AND f.closed_at IS NULL)::BIGINT AS open, count(f.rating) AS rated, "
    f"100.0 * count_if(f.rating = '{SATISFIED}') / nullif(count(f.rating), 0) AS satisfied_pct "
    "FROM feedback f WHERE f.agency_responsible IS NOT NULL AND {where} GROUP BY f.agency_responsible",
    "agency",
    record_level=False,
    date_column="f.requested_at",
    area_columns=("f.district_code", "f.commune_code"),
)

FEEDBACK_BY_COMMUNE_CATEGORY = Dataset(
    "feedback_by_commune_category",
    "Phản ánh theo xã/phường và lĩnh vực",
    "Citizen feedback by commune and category",
    "feedback",
    (
        _DISTRICT,
        _COMMUNE_CODE,
        _COMMUNE,
        Column("category_code", "Mã lĩnh vực", "Category code"),
        Column("category", "Lĩnh vực", "Category"),
        Column("reports", "Số phản ánh", "Reports", "suppressed"),
    ),
    "SELECT d.name_vi AS district, f.commune_code, a.name_vi AS commune, f.service_code AS category_code, "
    "any_value(f.service_name) AS category, count(*) AS reports "
    f"FROM feedback f {_AREA_NAMES.format(t='f')} WHERE f.commune_code IS NOT NULL AND {{where}} "
    "GROUP BY d.name_vi, f.commune_code, a.name_vi, f.service_code",
    "commune_code, category_code",
    record_level=False,
    date_column="f.requested_at",
    area_columns=("f.district_code", "f.commune_code"),
)

HEALTH_BY_COMMUNE = Dataset(
    "health_by_commune",
    "Hồ sơ sức khỏe điện tử theo xã/phường và tháng",
    "E-health records by commune and month",
    "health_coverage",
    (
        Column("month", "Tháng", "Month", "date"),
        _DISTRICT,
        _COMMUNE_CODE,
        _COMMUNE,
        Column("population", "Dân số", "Population", "int"),
        Column("records_created", "Hồ sơ đã lập", "Records created", "int"),
        Column("records_complete", "Hồ sơ đầy đủ", "Records complete", "int"),
        Column("created_pct", "Tỷ lệ lập hồ sơ (%)", "Created (%)", "pct"),
        Column("complete_pct", "Tỷ lệ hồ sơ đầy đủ (%)", "Complete (%)", "pct"),
    ),
    "SELECT h.period AS month, d.name_vi AS district, h.commune_code, a.name_vi AS commune, h.population, "
    "h.records_created, h.records_complete, "
    "100.0 * h.records_created / nullif(h.population, 0) AS created_pct, "
    "100.0 * h.records_complete / nullif(h.population, 0) AS complete_pct "
    f"FROM health_coverage h {_AREA_NAMES.format(t='h')} WHERE {{where}}",
    "month, commune_code",
    record_level=False,
    date_column="h.period",
    date_kind="month",
    area_columns=("h.district_code", "h.commune_code"),
)

SCHOOLS = Dataset(
    "schools",
    "Trường học theo năm học",
    "Schools by school year",
    "schools",
    (
        Column("school_id", "Mã trường", "School id"),
        Column("school_year", "Năm học", "School year"),
        Column("name", "Tên trường", "Name"),
        Column("level", "Cấp học", "Level"),
        Column("ownership", "Loại hình", "Ownership"),
        _DISTRICT,
        _COMMUNE,
        Column("students", "Học sinh", "Students", "int"),
        Column("classrooms", "Phòng học", "Classrooms", "int"),
        Column("smart_classrooms", "Phòng học thông minh", "Smart classrooms", "int"),
        Column("has_broadband", "Có Internet băng rộng", "Broadband", "bool"),
        Column("lat", "Vĩ độ", "Latitude", "float"),
        Column("lon", "Kinh độ", "Longitude", "float"),
    ),
    "SELECT s.school_id, s.school_year, s.name, s.level, s.ownership, d.name_vi AS district, "
    "a.name_vi AS commune, s.students, s.classrooms, s.smart_classrooms, s.has_broadband, s.lat, s.lon "
    f"FROM schools s {_AREA_NAMES.format(t='s')} WHERE {{where}}",
    "school_year, school_id",
    record_level=True,
    date_column="s.year_start",
    date_kind="school_year",
    area_columns=("s.district_code", "s.commune_code"),
)

TRAFFIC_DAILY = Dataset(
    "traffic_daily",
    "Lưu lượng giao thông theo ngày và tuyến",
    "Daily traffic by corridor",
    "traffic_daily, traffic_sensors",
    (
        Column("day", "Ngày", "Day", "date"),
        Column("corridor", "Tuyến", "Corridor"),
        Column("sensors", "Số trạm đếm", "Sensors", "int"),
        Column("vehicles", "Tổng lượt xe", "Vehicles", "int"),
        Column("motorbikes", "Xe máy", "Motorbikes", "int"),
        Column("cars", "Ô tô", "Cars", "int"),
        Column("trucks_buses", "Xe tải, xe khách", "Trucks and buses", "int"),
        Column("congestion_hours", "Giờ ùn tắc", "Congestion hours", "int"),
        Column("peak_ratio", "Tỷ lệ lưu lượng/năng lực cao nhất", "Peak volume/capacity", "float"),
    ),
    "SELECT t.day, t.corridor, count(DISTINCT t.sensor_id) AS sensors, sum(t.vehicles)::BIGINT AS vehicles, "
    "sum(t.motorbikes)::BIGINT AS motorbikes, sum(t.cars)::BIGINT AS cars, "
    "sum(t.trucks_buses)::BIGINT AS trucks_buses, sum(t.congestion_hours)::BIGINT AS congestion_hours, "
    "max(t.peak_ratio) AS peak_ratio FROM traffic_daily t JOIN traffic_sensors s ON s.sensor_id = t.sensor_id "
    "WHERE {where} GROUP BY t.day, t.corridor",
    "day, corridor",
    record_level=False,
    date_column="t.day",
    date_kind="date",
    area_columns=("s.district_code", "s.commune_code"),
)

CRASHES = Dataset(
    "crashes",
    "Tai nạn giao thông (từng vụ)",
    "Road crashes (one row per crash)",
    "traffic_incidents",
    (
        Column("incident_id", "Mã vụ", "Crash id"),
        Column("occurred_at", "Thời điểm", "Occurred", "datetime"),
        Column("severity", "Mức độ", "Severity"),
        Column("deaths", "Số người chết", "Deaths", "int"),
        Column("injuries", "Số người bị thương", "Injuries", "int"),
        Column("road_type", "Loại đường", "Road type"),
        Column("corridor", "Tuyến", "Corridor"),
        _DISTRICT,
        _COMMUNE,
        Column("lat", "Vĩ độ", "Latitude", "float"),
        Column("lon", "Kinh độ", "Longitude", "float"),
    ),
    "SELECT i.incident_id, i.occurred_at, i.severity, i.deaths, i.injuries, i.road_type, i.corridor, "
    "d.name_vi AS district, a.name_vi AS commune, i.lat, i.lon "
    f"FROM traffic_incidents i {_AREA_NAMES.format(t='i')} WHERE i.kind = '{CRASH}' AND {{where}}",
    "occurred_at, incident_id",
    record_level=True,
    date_column="i.occurred_at",
    area_columns=("i.district_code", "i.commune_code"),
)

INDICATOR_BY_AREA = Dataset(
    "indicator_by_area",
    "Chỉ tiêu theo khu vực và tháng",
    "Indicator by area and month",
    "indicator catalogue",
    (
        Column("indicator_id", "Mã chỉ tiêu", "Indicator id"),
        Column("month", "Tháng", "Month", "date"),
        Column("level", "Cấp", "Level"),
        Column("area_code", "Mã khu vực", "Area code"),
        Column("area", "Khu vực", "Area"),
        Column("value", "Giá trị", "Value", "float"),
        Column("unit", "Đơn vị", "Unit"),
    ),
    "",  # built from the indicator's own query (queries.exports)
    "month, level_order, area_code",
    record_level=False,
    needs_indicator=True,
)

DATASETS: dict[str, Dataset] = {
    entry.id: entry
    for entry in (
        FEEDBACK_RECORDS,
        FEEDBACK_BY_AGENCY,
        FEEDBACK_BY_COMMUNE_CATEGORY,
        HEALTH_BY_COMMUNE,
        SCHOOLS,
        TRAFFIC_DAILY,
        CRASHES,
        INDICATOR_BY_AREA,
    )
}
