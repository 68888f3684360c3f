"""Hand-written citizen reports for the feedback page's tests, in a warehouse built from etl/schema.sql.

The period under test is January 2025, which holds the Tết Ất Tỵ break (27/01–01/02 off, plus the
weekends around it); the backlog is counted at the end of 07/02/2025. The columns the ETL derives
(deadline, working days to handle, on time) are computed here with ``etl.workdays`` in Python, as the
ETL would, so the page's SQL is checked against numbers it did not make.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import duckdb
import fixture_warehouse

from etl.workdays import add_working_days, calendar_frame, load_days_off, working_days_between

CAL = load_days_off()
PERIOD = (date(2025, 1, 1), date(2025, 1, 31))
AS_OF = date(2025, 2, 7)
HEPCO = "Công ty CP Môi trường và Công trình đô thị Huế"
PHU_HOI = "UBND Phường Phú Hội"
GTVT = "Sở Giao thông vận tải"

#: code, level, parent, name_vi, name_full_vi, name_ascii, unit_type, population, lon, lat
COMMUNES = [
    ("19753", "commune", "474", "Phú Hội", "Phường Phú Hội", "Phu Hoi", "Phường", 12_000, 107.595, 16.462),
    (
        "19756",
        "commune",
        "474",
        "Phú Nhuận",
        "Phường Phú Nhuận",
        "Phu Nhuan",
        "Phường",
        9_000,
        107.570,
        16.480,
    ),
    ("19990", "commune", "478", "Phú Thuận", "Xã Phú Thuận", "Phu Thuan", "Xã", 8_000, 107.601, 16.470),
]
TARGET = ("feedback_on_time_pct", "46", 90.0, date(2025, 12, 31), "Chỉ tiêu minh hoạ (ước tính, dữ liệu mẫu)")

CELL_A = (16.46121, 107.59049)  # six reports: shown
CELL_B = (16.45552, 107.58013)  # two reports: hidden (fewer than 5)
CELL_C = (16.47021, 107.60132)  # two reports: hidden
CELL_D = (16.48012, 107.57021)  # three reports: hidden


@dataclass
class Report:
    id: str
    requested: datetime
    closed: datetime | None = None
    verified: bool = True
    reason: str | None = None
    code: str = "VSMT"
    agency: str | None = HEPCO
    channel: str = "app"
    rating: str | None = None
    commune: str = "19753"
    district: str = "474"
    where: tuple[float, float] = CELL_A
    description: str = "Rác thải ứ đọng trên đường Trần Phú"

    @property
    def deadline(self) -> date:
        return add_working_days(self.requested.date(), 7, CAL)

    @property
    def handling_days(self) -> int | None:
        if not self.verified or self.closed is None:
            return None
        return working_days_between(self.requested.date(), self.closed.date(), CAL)

    @property
    def on_time(self) -> bool | None:
        if not self.verified or self.closed is None:
            return None
        return self.closed.date() <= self.deadline


NAMES = {"TTDT": "Trật tự đô thị", "VSMT": "Vệ sinh môi trường", "GT": "Giao thông", "KHAC": "Khác"}
REPORTS = [
    Report(
        "R1",
        datetime(2025, 1, 2, 9),
        datetime(2025, 1, 6, 10),
        rating="hài lòng",
        description="Rác ứ đọng, gọi anh Nguyễn Văn Nam 0905 123 456",
    ),
    Report(
        "R2",
        datetime(2025, 1, 3, 8),
        datetime(2025, 1, 20, 15),
        rating="không hài lòng",
        channel="hotline",
        description="+84 905123456 báo nước thải chảy ra đường",
    ),
    # received the Friday before Tết, handled the Wednesday after: 3 working days, on time
    Report("R3", datetime(2025, 1, 24, 16), datetime(2025, 2, 5, 9), rating="chấp nhận"),
    Report("R4", datetime(2025, 1, 23, 10)),
    Report("R5", datetime(2025, 1, 2, 14), code="TTDT", agency=PHU_HOI, where=CELL_B),
    # received on a Tết day off, still open on 07/02, closed 10/02 within its deadline (11/02)
    Report(
        "R6", datetime(2025, 1, 30, 20), datetime(2025, 2, 10, 8), code="TTDT", agency=PHU_HOI, where=CELL_B
    ),
    Report(
        "R7",
        datetime(2025, 1, 6, 7),
        datetime(2025, 1, 7, 16),
        code="TTDT",
        agency=PHU_HOI,
        channel="web",
        rating="hài lòng",
        description='=HYPERLINK("http://example.invalid","bấm")',
    ),
    Report(
        "R8",
        datetime(2025, 1, 8, 9),
        datetime(2025, 1, 8, 17),
        code="TTDT",
        agency=PHU_HOI,
        rating="hài lòng",
        description="Ngập nước trên đường Bà Triệu, chị Lan báo",
    ),
    Report(
        "R9",
        datetime(2025, 1, 10, 11),
        datetime(2025, 1, 22, 9),
        code="GT",
        agency=GTVT,
        commune="19990",
        district="478",
        where=CELL_C,
        description="-5 đèn tín hiệu hỏng",
    ),
    Report(
        "R10",
        datetime(2025, 1, 13, 9),
        datetime(2025, 1, 15, 9),
        code="GT",
        agency=GTVT,
        channel="social",
        rating="hài lòng",
        commune="19990",
        district="478",
        where=CELL_C,
    ),
    # open since before the period: in the backlog, not in the period's counts
    Report("R11", datetime(2024, 12, 2, 9)),
    Report(
        "R12",
        datetime(2025, 1, 15, 9),
        datetime(2025, 1, 15, 11),
        verified=False,
        reason="duplicate",
        agency=None,
        commune="19756",
        where=CELL_D,
    ),
    Report(
        "R13",
        datetime(2025, 1, 16, 9),
        datetime(2025, 1, 16, 10),
        verified=False,
        reason="spam",
        code="KHAC",
        agency=None,
        commune="19756",
        where=CELL_D,
    ),
    Report(
        "R14",
        datetime(2025, 1, 17, 9),
        datetime(2025, 1, 17, 10),
        verified=False,
        reason="duplicate",
        code="GT",
        agency=None,
        commune="19756",
        where=CELL_D,
    ),
    # the year before, for the comparison line
    Report("R15", datetime(2024, 1, 10, 9), datetime(2024, 1, 12, 9)),
    Report("R16", datetime(2024, 1, 20, 9), datetime(2024, 1, 23, 9), code="TTDT", agency=PHU_HOI),
    # after the period
    Report("R17", datetime(2025, 2, 3, 9), datetime(2025, 2, 4, 9)),
]


def in_period(report: Report, start: date = PERIOD[0], end: date = PERIOD[1]) -> bool:
    return start <= report.requested.date() <= end


def open_at(report: Report, day: date) -> bool:
    """Verified, received by ``day`` and not closed by the end of it."""
    return (
        report.verified
        and report.requested.date() <= day
        and (report.closed is None or report.closed.date() > day)
    )


def _row(r: Report, number: int) -> tuple:
    return (
        r.id,
        "open" if r.closed is None else "closed",
        r.verified,
        r.reason,
        r.code,
        NAMES[r.code],
        r.description,
        r.agency,
        r.channel,
        r.requested,
        r.closed,
        r.deadline,
        7,
        r.handling_days,
        r.on_time,
        r.rating,
        f"{number} Trần Phú",
        r.where[0],
        r.where[1],
        r.commune,
        r.district,
        f"hash-{number}",
        "hue-s_2025-01.csv",
        number + 2,
    )


_FEEDBACK_COLUMNS = (
    "service_request_id, status, verified, not_verified_reason, service_code, service_name, description, "
    "agency_responsible, channel, requested_at, closed_at, deadline_date, deadline_working_days, "
    "handling_working_days, on_time, rating, address, lat, lon, commune_code, district_code, reporter_hash, "
    "source_file, source_row"
)


def _square(lon: float, lat: float) -> str:
    ring = [
        [lon - 0.01, lat - 0.01],
        [lon + 0.01, lat - 0.01],
        [lon + 0.01, lat + 0.01],
        [lon - 0.01, lat + 0.01],
        [lon - 0.01, lat - 0.01],
    ]
    return '{"type":"Polygon","coordinates":[' + str(ring).replace(" ", "") + "]}"


def build(path: Path, reports: list[Report] = REPORTS) -> Path:
    """A warehouse: the shared fixture's areas plus these communes, the calendar, the target, the reports."""
    fixture_warehouse.build(path, feedback=[])
    con = duckdb.connect(str(path))
    try:
        con.execute("UPDATE areas SET population_basis = 'estimate'")
        for c in COMMUNES:
            con.execute(
                "INSERT INTO areas (code, level, parent_code, name_vi, name_full_vi, name_ascii, "
                "unit_type_vi, "
                "population, population_basis, lon, lat, geometry_quality, geometry) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'estimate', ?, ?, 'approximate', ?)",
                [*c, _square(c[8], c[9])],
            )
        days = calendar_frame(date(2023, 12, 1), date(2025, 3, 31))
        con.executemany("INSERT INTO calendar VALUES (?, ?, ?)", days.itertuples(index=False, name=None))
        con.execute("INSERT INTO targets VALUES (?, ?, ?, ?, ?, 'targets.csv', 2)", list(TARGET))
        marks = ", ".join("?" for _ in _FEEDBACK_COLUMNS.split(","))
        con.executemany(
            f"INSERT INTO feedback ({_FEEDBACK_COLUMNS}) VALUES ({marks})",
            [_row(r, i) for i, r in enumerate(reports)],
        )
    finally:
        con.close()
    return path
