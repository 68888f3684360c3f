"""What happens to a report after receipt: verification, handling unit, deadline, closure and rating.

Deadlines and handling times count working days (weekends and Vietnamese days off skipped, see
``days``). On-time handling is drawn per category (lower for land and construction and in the
Oct–Nov flood months); late reports close 1–20 days after the deadline.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from etl import vocab
from etl.demo import agencies
from etl.demo.days import Window, WorkCalendar

VERIFIED_SHARE = 0.68
#: Not-verified outcomes as shares of all reports (duplicate, insufficient, out of scope, spam).
REJECTED = {"Trùng lặp": 0.12, "Không đủ thông tin": 0.10, "Không thuộc thẩm quyền": 0.07,
            "Không hợp lệ": 0.03}
#: Category -> (median working days, 90th percentile, share handled late).
HANDLING = {
    "ANTT": (1.5, 4, 0.03), "DIEN": (1.5, 4, 0.03), "NUOC": (1.5, 4, 0.03),
    "TTDT": (3, 7, 0.06), "VSMT": (3, 7, 0.06), "DTDL": (3, 7, 0.07),
    "HTDT": (4.5, 9, 0.10), "GT": (4, 9, 0.08), "DVC": (4, 9, 0.08), "KHAC": (4, 9, 0.08),
    "DDXD": (6, 14, 0.17),
}
FLOOD_MONTH_EXTRA_LATE = 0.09
STILL_OPEN = 0.01          # verified reports left open for months
RATED = 0.35               # share of closed verified reports the citizen rates
RATING_SHARE = (0.935, 0.05, 0.015)  # before the land / late penalty: about 92 / 6 / 2 overall
OFFICE_MINUTES = (7 * 60 + 30, 17 * 60)


def assign(frame: pd.DataFrame, window: Window, rng: np.random.Generator) -> pd.DataFrame:
    """Add status, status_detail, agency_responsible and the four datetimes, and rating."""
    n = len(frame)
    end = (window.days[-1] + 1).astype("datetime64[s]") - np.timedelta64(1, "s")
    requested = frame["requested"].to_numpy()
    verified = rng.random(n) < VERIFIED_SHARE
    detail = np.where(verified, "Đã xử lý", _reject_reason(rng, n)).astype(object)
    deadline = deadline_dates(requested, window.calendar)
    closed, late = _closure(frame, window, rng, deadline)
    closed = np.where(verified, closed, np.minimum(requested + _minutes(rng, 30, 1440, n), end))
    stuck = verified & (rng.random(n) < STILL_OPEN)
    pending = verified & (closed > end)
    updated = np.where(stuck | pending, _last_action(rng, requested, end), closed)
    detail[stuck | pending] = "Đang xử lý"
    detail[pending & (end - requested < np.timedelta64(1, "D"))] = "Đã tiếp nhận"
    closed[stuck | pending] = np.datetime64("NaT")
    frame["status"] = np.where(stuck | pending, "open", "closed")
    frame["status_detail"] = detail
    frame["agency_responsible"] = np.where(verified, agencies.responsible(frame, rng), "")
    due = deadline.astype("datetime64[s]") + np.timedelta64(17, "h")  # end of office hours
    frame["expected"] = np.where(verified, due, np.datetime64("NaT"))
    frame["closed"], frame["updated"] = closed, updated
    rated = verified & ~(stuck | pending) & (rng.random(n) < RATED)
    frame["rating"] = np.where(rated, _ratings(rng, frame["service_code"].to_numpy() == "DDXD", late), "")
    return frame


def deadline_working_days(day: np.ndarray) -> np.ndarray:
    """N = 9 working days for reports received before 2022, 7 after."""
    before = day < np.datetime64("2022-01-01")
    return np.where(before, vocab.DEADLINE_WORKING_DAYS_BEFORE_2022, vocab.DEADLINE_WORKING_DAYS)


def deadline_dates(requested: np.ndarray, calendar: WorkCalendar) -> np.ndarray:
    """The N-th working day after the day of receipt."""
    day = requested.astype("datetime64[D]")
    return calendar.add(day, deadline_working_days(day))


def _reject_reason(rng: np.random.Generator, n: int) -> np.ndarray:
    labels = np.array(list(REJECTED), dtype=object)
    share = np.array(list(REJECTED.values()))
    return labels[rng.choice(len(labels), n, p=share / share.sum())]


def _closure(frame: pd.DataFrame, window: Window, rng: np.random.Generator, deadline: np.ndarray):
    """Closure time of every report as if verified, and whether it was late."""
    requested = frame["requested"].to_numpy()
    day = requested.astype("datetime64[D]")
    code = frame["service_code"]
    median, p90, late_share = (code.map({c: v[i] for c, v in HANDLING.items()}).to_numpy(float)
                               for i in range(3))
    flood_month = np.isin(window.month[frame["day"].to_numpy()], (10, 11))
    late = rng.random(len(day)) < late_share + FLOOD_MONTH_EXTRA_LATE * flood_month
    wd = _handling_working_days(rng, median, p90, deadline_working_days(day))
    minute_of_day = (requested - day).astype("timedelta64[m]").astype(int)
    same_day = (wd == 0) & window.calendar.is_working(day) & (minute_of_day < 11 * 60)
    wd = np.where(same_day, 0, np.maximum(wd, 1))
    on_time_day = window.calendar.add(day, wd)
    slip = 1 + np.minimum(rng.exponential(4.0, len(day)).astype(int), 19)
    late_day = window.calendar.next_working(deadline + slip)
    office = _office_time(rng, np.where(late, late_day, on_time_day))
    closed = np.where(same_day & ~late, requested + _minutes(rng, 20, 300, len(day)), office)
    return closed, late


def _handling_working_days(rng, median: np.ndarray, p90: np.ndarray, limit: np.ndarray) -> np.ndarray:
    """Lognormal working days, redrawn until within the deadline (late reports are drawn apart)."""
    sigma = np.log(p90 / median) / 1.2816
    wd = np.rint(median * np.exp(sigma * rng.standard_normal(len(median)))).astype(int)
    for _ in range(30):
        over = wd > limit
        if not over.any():
            break
        draw = median[over] * np.exp(sigma[over] * rng.standard_normal(int(over.sum())))
        wd[over] = np.rint(draw).astype(int)
    return np.minimum(wd, limit)


def _office_time(rng: np.random.Generator, day: np.ndarray) -> np.ndarray:
    minutes = rng.integers(*OFFICE_MINUTES, len(day))
    seconds = minutes * 60 + rng.integers(0, 60, len(day))
    return day.astype("datetime64[s]") + seconds.astype("timedelta64[s]")


def _minutes(rng: np.random.Generator, low: int, high: int, n: int) -> np.ndarray:
    return (rng.integers(low * 60, high * 60, n)).astype("timedelta64[s]")


def _last_action(rng: np.random.Generator, requested: np.ndarray, end: np.datetime64) -> np.ndarray:
    """A time between receipt and the end of the window (at most 5 days after receipt)."""
    span = np.minimum(end - requested, np.timedelta64(5, "D")).astype("timedelta64[s]").astype(float)
    return requested + (rng.random(len(requested)) * span).astype("timedelta64[s]")


def _ratings(rng: np.random.Generator, land: np.ndarray, late: np.ndarray) -> np.ndarray:
    """About 92 / 6 / 2 % hài lòng / chấp nhận / không hài lòng; 10 points less satisfied per land or late."""
    penalty = 0.10 * (land.astype(int) + late.astype(int))
    satisfied = RATING_SHARE[0] - penalty
    unhappy = RATING_SHARE[2] + 0.4 * penalty
    u = rng.random(len(land))
    labels = np.array(vocab.RATINGS, dtype=object)
    return labels[np.where(u < satisfied, 0, np.where(u < 1 - unhappy, 1, 2))]
