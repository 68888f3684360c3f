"""Citizen feedback (phản ánh hiện trường): Open311 GeoReport v2 fields plus the Hue-S extras.

Derived here, in SQL: verified or not (from status_detail), the deadline in Vietnamese working days
(7 after the day of receipt, 9 before 2022), handling time in working days and the on-time flag.
Personal data: citizen_name is never read; citizen_phone becomes ``reporter_hash`` during extract.
"""
from __future__ import annotations

from etl import vocab
from etl.checks import check, required, typed
from etl.engine import Source
from etl.extract import Columns
from etl.sources.geo_checks import locate_missing, location_rules, location_sql

COLUMNS = Columns(
    required=("service_request_id", "status", "service_code", "service_name", "description",
              "agency_responsible", "requested_datetime", "updated_datetime", "expected_datetime",
              "address", "lat", "long"),
    optional=("status_detail", "channel", "rating", "closed_datetime", "commune_code"),
    drop=("citizen_name",),
    hash_as={"citizen_phone": "reporter_hash"},
)

_LOCATION_ITEMS, _LOCATION_JOINS = location_sql("lat", "long")

BASE_SQL = f"""
SELECT s._file, s._seq, s._row, s AS _in,
    trim(s.service_request_id) AS service_request_id,
    CASE WHEN fold(s.status) IN ('open', 'mo', 'dang mo', 'dang xu ly') THEN 'open'
         WHEN fold(s.status) IN ('closed', 'dong', 'da dong', 'da xu ly') THEN 'closed' END AS status,
    coalesce(sd.label, nullif(trim(s.status_detail), '')) AS status_detail,
    coalesce(sd.verified, NOT blank(s.agency_responsible)) AS verified,
    sd.reason AS not_verified_reason, sd.label IS NOT NULL AS _known_status_detail,
    coalesce(nullif(trim(s.service_code), ''), cat.code) AS service_code,
    coalesce(cat_by_code.name_vi, cat.name_vi, nullif(trim(s.service_name), '')) AS service_name,
    nullif(trim(s.description), '') AS description,
    nullif(trim(s.agency_responsible), '') AS agency_responsible,
    coalesce(ch.code, nullif(trim(s.channel), '')) AS channel,
    parse_ts(s.requested_datetime) AS requested_at,
    parse_ts(s.updated_datetime) AS updated_at,
    parse_ts(s.expected_datetime) AS expected_at,
    parse_ts(s.closed_datetime) AS closed_at,
    rt.rating AS rating,
    nullif(trim(s.address), '') AS address,
    s.reporter_hash AS reporter_hash,
    {_LOCATION_ITEMS}
FROM stg s
LEFT JOIN v_status_detail sd ON sd.folded = fold(s.status_detail)
LEFT JOIN v_category cat ON cat.folded = fold(s.service_name)
LEFT JOIN v_category cat_by_code ON cat_by_code.code = trim(s.service_code)
LEFT JOIN v_channel ch ON ch.folded = fold(s.channel)
LEFT JOIN v_rating rt ON rt.folded = fold(s.rating)
{_LOCATION_JOINS}
"""

_TS = "expected a date and time such as 2024-07-08 17:07:00 or 08/07/2024 17:07"

RULES = (
    required("service_request_id"),
    required("requested_datetime"),
    required("status"),
    typed("bad_datetime", "requested_datetime", "requested_at", _TS),
    typed("bad_datetime", "closed_datetime", "closed_at", _TS),
    typed("bad_datetime", "updated_datetime", "updated_at", _TS),
    typed("bad_datetime", "expected_datetime", "expected_at", _TS),
    typed("unknown_value", "status", "status", "expected open or closed (đang mở / đã đóng)"),
    check("unknown_value", "status_detail",
          "NOT blank(_in.status_detail) AND NOT _known_status_detail",
          "expected one of: " + ", ".join(vocab.STATUS_DETAILS)),
    typed("bad_rating", "rating", "rating", "expected one of: " + ", ".join(vocab.RATINGS)),
    check("closed_before_requested", "closed_datetime", "closed_at < requested_at",
          "closed before it was requested; check both dates"),
    check("future_date", "requested_datetime", "requested_at > (SELECT now_plus_day FROM run_info)",
          "this date is in the future"),
    check("future_date", "closed_datetime", "closed_at > (SELECT now_plus_day FROM run_info)",
          "this date is in the future"),
    *location_rules("lat", "long"),
)

# Deadline and handling time from the working-day index of the calendar (see etl.workdays): the
# deadline is the working day whose index is the receipt day's index + N.
PARSE_SQL = f"""
SELECT b.*, r.deadline_working_days, r.deadline_date,
       CASE WHEN b.verified THEN c.wd_index - r.wd_index END AS handling_working_days,
       CASE WHEN b.verified AND b.closed_at IS NOT NULL THEN b.closed_at::DATE <= r.deadline_date END AS on_time
FROM ({BASE_SQL}) b
LEFT JOIN receipt_deadlines r ON r.day = b.requested_at::DATE
LEFT JOIN calendar_index c ON c.day = b.closed_at::DATE
"""

TARGETS = ("service_request_id", "status", "status_detail", "verified", "not_verified_reason",
           "service_code", "service_name", "description", "agency_responsible", "channel",
           "requested_at", "updated_at", "expected_at", "closed_at", "rating", "address", "lat", "lon",
           "commune_code", "district_code", "commune_from_point", "reporter_hash",
           "deadline_working_days", "deadline_date", "handling_working_days", "on_time")

SOURCE = Source(
    name="feedback", table="feedback", columns=COLUMNS, key=("service_request_id",),
    parse_sql=PARSE_SQL, rules=RULES, targets=TARGETS,
    before=locate_missing("lat", "long"),
)
