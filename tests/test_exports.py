"""Exports: every format read back equals the query and figures computed here from the hand-written
reports of ``fixture_feedback`` (January 2025); the CSV is UTF-8 with a BOM and a statement line;
formula text is neutralised; small commune × category counts are suppressed; bad parameters answer 400;
and no export of the demo warehouse holds a demo citizen's phone number or name.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from datetime import datetime

import fixture_feedback as fx
import numpy as np
import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest

import app as hue_app
import config
from queries import exports
from queries.db import clear_cache
from queries.export_datasets import DATASETS, SUPPRESSED_TEXT
from reports import writers

JANUARY = {"from": "2025-01-01", "to": "2025-01-31"}
#: Two more environment reports in Phú Hội in January: that commune × category reaches 6 (shown).
EXTRA = [
    fx.Report("R18", datetime(2025, 1, 20, 9), datetime(2025, 1, 21, 9), rating="hài lòng"),
    fx.Report("R19", datetime(2025, 1, 21, 9), datetime(2025, 1, 22, 9)),
]
REPORTS = [*fx.REPORTS, *EXTRA]


@pytest.fixture(scope="module", autouse=True)
def export_warehouse(tmp_path_factory):
    path = fx.build(tmp_path_factory.mktemp("exports") / "warehouse.duckdb", REPORTS)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(config, "WAREHOUSE", path)
        clear_cache()
        yield path
    clear_cache()


@pytest.fixture(scope="module")
def client():
    return hue_app.app.server.test_client()


def january() -> list[fx.Report]:
    return [r for r in REPORTS if fx.in_period(r)]


def download(client, dataset: str, fmt: str, **params) -> bytes:
    response = client.get(f"/export/{dataset}.{fmt}", query_string=params)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response.get_data()


def read_back(body: bytes, fmt: str) -> pd.DataFrame:
    """The file's table with the catalogue's column labels as headers (Parquet: names)."""
    if fmt == "csv":
        return pd.read_csv(
            io.BytesIO(body), encoding="utf-8-sig", skiprows=1, dtype=str, keep_default_na=False
        )
    if fmt == "xlsx":
        return pd.read_excel(io.BytesIO(body), sheet_name=0, dtype=object)
    return pq.read_table(io.BytesIO(body)).to_pandas()


def as_text(value: object) -> str:
    """A value as the CSV writes it."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if isinstance(value, pd.Timestamp):
        return (
            value.strftime("%Y-%m-%d %H:%M:%S") if value != value.normalize() else value.strftime("%Y-%m-%d")
        )
    return writers.neutralise(str(value))


def test_the_csv_holds_the_query_rows_after_a_bom_and_a_statement_line(client):
    body = download(client, "feedback_records", "csv", area="474", **JANUARY)
    assert body.startswith(b"\xef\xbb\xbf")
    lines = body.decode("utf-8-sig").splitlines()
    assert "Phản ánh hiện trường" in lines[0] and "Thành phố Huế (474)" in lines[0]
    assert "01/01/2025" in lines[0] and "Tạo lúc" in lines[0]
    assert lines[1].startswith("Mã phản ánh,Thời điểm tiếp nhận,Hạn xử lý")
    expected = exports.frame(exports.parse("feedback_records", {"area": "474", **JANUARY}))
    got = read_back(body, "csv")
    assert len(got) == len(expected)
    for column in expected.columns:
        label = DATASETS["feedback_records"].column(column).label("vi")
        assert got[label].tolist() == [as_text(v) for v in expected[column]], column


@pytest.mark.parametrize(
    "dataset", ["feedback_records", "feedback_by_agency", "feedback_by_commune_category"]
)
def test_xlsx_and_parquet_round_trip_the_query(client, dataset):
    request = exports.parse(dataset, JANUARY)
    expected = exports.frame(request)
    parquet = read_back(download(client, dataset, "parquet", **JANUARY), "parquet")
    for column in expected.columns:  # Parquet keeps DATE as a day; the query's frame holds a timestamp
        if request.entry.column(column).type == "date":
            parquet[column] = pd.to_datetime(parquet[column])
    pd.testing.assert_frame_equal(
        parquet.astype(object).where(parquet.notna(), None),
        expected.astype(object).where(expected.notna(), None),
        check_dtype=False,
    )
    book = read_back(download(client, dataset, "xlsx", lang="en", **JANUARY), "xlsx")
    assert list(book.columns) == [request.entry.column(c).label("en") for c in expected.columns]
    for column in expected.columns:
        kind = request.entry.column(column).type
        for got, want in zip(book[request.entry.column(column).label("en")], expected[column]):
            assert same_cell(got, want, kind), (column, got, want)


def same_cell(got: object, want: object, kind: str) -> bool:
    """A cell read back from XLSX holds the query's value (text neutralised, suppressed counts as text)."""
    if pd.isna(want):
        return pd.isna(got)
    if kind in ("int", "float", "pct"):
        return got == pytest.approx(want)
    if kind == "suppressed":
        return str(got) == want
    if kind in ("date", "datetime"):
        return pd.Timestamp(got) == pd.Timestamp(want)
    return got == (writers.neutralise(want) if isinstance(want, str) else want)


def test_records_are_january_reports_with_masked_descriptions(client):
    frame = read_back(download(client, "feedback_records", "parquet", **JANUARY), "parquet")
    assert sorted(frame["id"]) == sorted(r.id for r in january())
    descriptions = dict(zip(frame["id"], frame["description"]))
    assert descriptions["R1"] == "Rác ứ đọng, gọi anh *** ***"
    assert descriptions["R2"] == "*** báo nước thải chảy ra đường"
    assert descriptions["R8"] == "Ngập nước trên đường Bà Triệu, chị *** báo"
    status = dict(zip(frame["id"], frame["status"]))
    assert status["R12"] == "not_verified" and status["R4"] == "open" and status["R3"] == "on_time"


def test_agency_figures_match_pandas_on_the_reports(client):
    rows = pd.DataFrame(
        [
            {"agency": r.agency, "on_time": r.on_time, "days": r.handling_days, "rating": r.rating}
            for r in january()
            if r.agency
        ]
    )
    expected = rows.groupby("agency").agg(
        reports=("agency", "size"),
        handled=("on_time", "count"),
        on_time=("on_time", lambda s: int(s.eq(True).sum())),
        median_days=("days", "median"),
        rated=("rating", "count"),
    )
    got = read_back(download(client, "feedback_by_agency", "parquet", **JANUARY), "parquet").set_index(
        "agency"
    )
    for column in expected.columns:
        assert got[column].tolist() == pytest.approx(expected[column].tolist()), column
    satisfied = rows[rows["rating"] == "hài lòng"].groupby("agency").size()
    assert got.loc[fx.PHU_HOI, "satisfied_pct"] == pytest.approx(100 * satisfied[fx.PHU_HOI] / 2)


def test_commune_category_counts_under_five_are_suppressed(client):
    counts = Counter((r.commune, r.code) for r in january())
    assert counts[("19753", "VSMT")] == 6 and counts[("19753", "TTDT")] == 4  # the fixture covers both sides
    body = download(client, "feedback_by_commune_category", "csv", **JANUARY)
    got = read_back(body, "csv")
    shown = dict(zip(zip(got["Mã xã/phường"], got["Mã lĩnh vực"]), got["Số phản ánh"]))
    assert shown == {key: SUPPRESSED_TEXT if n < 5 else str(n) for key, n in counts.items()}
    book = openpyxl.load_workbook(
        io.BytesIO(download(client, "feedback_by_commune_category", "xlsx", **JANUARY))
    )
    values = [row[-1] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert 6 in values and SUPPRESSED_TEXT in values and not any(isinstance(v, int) and v < 5 for v in values)


def test_formula_text_is_neutralised_in_csv_and_xlsx_and_kept_in_parquet(client):
    params = {"columns": "id,description", **JANUARY}
    text = download(client, "feedback_records", "csv", **params).decode("utf-8-sig")
    assert "'=HYPERLINK(" in text and "'-5 đèn tín hiệu hỏng" in text
    assert not re.search(r'(^|,)"?=HYPERLINK', text, re.MULTILINE)
    book = openpyxl.load_workbook(io.BytesIO(download(client, "feedback_records", "xlsx", **params)))
    cells = {row[0].value: row[1] for row in book.worksheets[0].iter_rows(min_row=2)}
    assert cells["R7"].data_type == "s" and cells["R7"].value.startswith("'=HYPERLINK(")
    assert all(cell.data_type != "f" for cell in cells.values())
    parquet = read_back(download(client, "feedback_records", "parquet", **params), "parquet")
    assert parquet.set_index("id").at["R7", "description"].startswith("=HYPERLINK(")


def test_xlsx_has_typed_columns_a_frozen_header_and_an_about_sheet(client):
    body = download(client, "feedback_records", "xlsx", area="474", **JANUARY)
    book = openpyxl.load_workbook(io.BytesIO(body))
    data, about = book.worksheets
    assert data.freeze_panes == "A2" and about.title == "Thông tin"
    header = [c.value for c in data[1]]
    received = data.cell(row=2, column=header.index("Thời điểm tiếp nhận") + 1)
    days = data.cell(row=2, column=header.index("Số ngày làm việc xử lý") + 1)
    assert isinstance(received.value, datetime) and received.number_format == "dd/mm/yyyy hh:mm"
    assert days.number_format == "#,##0"
    statement = [row[0] for row in about.iter_rows(max_row=3, values_only=True)]
    assert "Phản ánh hiện trường" in statement[0] and "(474)" in statement[1] and "Tạo lúc" in statement[2]


def test_parquet_metadata_states_source_and_filters(client):
    body = download(client, "feedback_by_agency", "parquet", lang="en", **JANUARY)
    metadata = pq.read_schema(io.BytesIO(body)).metadata
    assert "Citizen feedback by handling unit" in metadata[b"hue.source"].decode()
    assert "1 Jan 2025" in metadata[b"hue.filters"].decode()


def test_the_csv_streams_batch_by_batch():
    request = exports.parse("feedback_records", JANUARY)
    schema, batches = exports.batches(request, rows_per_batch=3)
    info = writers.ExportInfo("s", "f", "g", schema.names, schema.names, ("text",) * len(schema.names))
    chunks = list(writers.csv_chunks(info, batches))
    assert len(chunks) == 1 + -(-len(january()) // 3)  # statement and header, then one chunk per batch


def test_the_route_streams_csv(client):
    response = client.get("/export/feedback_records.csv", query_string=JANUARY)
    assert response.is_streamed and response.mimetype == "text/csv"
    disposition = response.headers["Content-Disposition"]
    assert 'filename="phan-anh-hien-truong-tung-phan-anh_tinh_2025-01-01_2025-01-31.csv"' in disposition
    assert "filename*=UTF-8''Ph%E1%BA%A3n" in disposition


def test_the_indicator_export_counts_received_reports_per_district(client):
    body = download(client, "indicator_by_area", "parquet", indicator="feedback_received", month="2025-01")
    got = read_back(body, "parquet").set_index("area_code")["value"]
    by_district = Counter(r.district for r in january())
    assert got["46"] == len(january())
    assert got["474"] == by_district["474"] and got["478"] == by_district["478"]


@pytest.mark.parametrize(
    "url",
    [
        "/export/no_such_dataset.csv",
        "/export/feedback_records.pdf",
        "/export/feedback_records.csv?area=99999",
        "/export/feedback_records.csv?area=474%27%20OR%201=1--",
        "/export/feedback_records.csv?area=%3Cscript%3Ealert(1)%3C/script%3E",
        "/export/feedback_records.csv?from=2025-13-01",
        "/export/feedback_records.csv?from=01/01/2025",
        "/export/feedback_records.csv?from=2025-02-01&to=2025-01-01",
        "/export/feedback_records.csv?month=2025-01&from=2025-01-01",
        "/export/feedback_records.csv?columns=id,citizen_phone",
        "/export/feedback_records.csv?columns=id;DROP%20TABLE%20feedback",
        "/export/feedback_records.csv?indicator=feedback_received",
        "/export/feedback_records.csv?sort=id",
        "/export/feedback_records.csv?lang=fr",
        "/export/indicator_by_area.csv",
        "/export/indicator_by_area.csv?indicator=nope",
        "/export/feedback_records.csv?area=" + "4" * 5000,
    ],
)
def test_invalid_parameters_answer_400_with_a_one_line_reason(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert response.mimetype == "text/plain"
    reason = response.get_data(as_text=True)
    assert reason.count("\n") == 1 and 0 < len(reason) < 300 and "Traceback" not in reason


def test_a_request_survives_the_round_trip_through_its_url_parameters():
    request = exports.parse("feedback_records", {"area": "19753", "month": "2025-01", "columns": "status,id"})
    assert request.columns == ("id", "status")
    assert exports.parse("feedback_records", request.query()) == request


def test_no_dataset_has_a_personal_data_column():
    personal = {"reporter_hash", "citizen_name", "citizen_phone", "phone", "address"}
    for entry in DATASETS.values():
        assert not personal & set(entry.column_names), entry.id
        assert "reporter_hash" not in entry.sql and "address" not in entry.sql


#: The Hue-S portal's Vietnamese headers of the personal columns.
PERSONAL_HEADERS = {"Họ tên": "citizen_name", "Số điện thoại": "citizen_phone"}


def demo_reporters(folder) -> pd.DataFrame:
    """``citizen_name`` and ``citizen_phone`` of every demo report, read from the raw exports."""
    frames = [pd.read_json(path, dtype=str) for path in sorted(folder.glob("*.json"))]
    frames += [
        pd.read_csv(path, sep=None, engine="python", dtype=str, encoding="utf-8-sig").rename(
            columns=PERSONAL_HEADERS
        )
        for path in sorted(folder.glob("*.csv"))
    ]
    return pd.concat([frame[["citizen_name", "citizen_phone"]] for frame in frames])


def _words(text: str, n: int) -> set[str]:
    words = re.findall(r"\w+", text)
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def test_demo_exports_hold_no_citizen_phone_number_or_name(on_demo_warehouse):
    clear_cache()
    raw = demo_reporters(on_demo_warehouse.raw / "feedback")
    phones = set(raw["citizen_phone"].dropna())
    names = set(raw["citizen_name"].dropna())
    assert len(phones) > 100 and len(names) > 100  # the raw files do hold the clear text searched for
    client = hue_app.app.server.test_client()
    for dataset in DATASETS:
        params = {"indicator": "feedback_received"} if DATASETS[dataset].needs_indicator else {}
        for fmt in ("csv", "xlsx", "parquet"):
            body = download(client, dataset, fmt, **params)
            table = read_back(body, fmt)
            text = table.to_csv(index=False) + (body.decode("utf-8-sig") if fmt == "csv" else "")
            assert not phones & set(re.findall(r"\d{9,11}", text)), (dataset, fmt)
            assert not names & (_words(text, 3) | _words(text, 4)), (dataset, fmt)
    clear_cache()


def test_feedback_records_take_the_feedback_pages_filters_checked_against_the_warehouse(client):
    ok = client.get("/export/feedback_records.csv?from=2025-01-01&to=2025-01-31&channel=hotline")
    assert ok.status_code == 200
    rows = list(csv.reader(io.StringIO(ok.get_data(as_text=True)[1:])))[2:]
    expected = {r.id for r in REPORTS if fx.in_period(r) and r.channel == "hotline"}
    assert expected and {row[0] for row in rows} == expected
    for bad in ("channel=fax", "status=lost", "agency=' OR 1=1 --"):
        answer = client.get(f"/export/feedback_records.csv?{bad}")
        assert answer.status_code == 400 and "\n" not in answer.get_data(as_text=True).strip()


def test_a_csv_export_says_its_charset_once(client):
    answer = client.get("/export/feedback_by_agency.csv")
    assert answer.headers["Content-Type"] == "text/csv; charset=utf-8"
