"""How the overview writes its numbers: values in their unit, targets, changes, statuses and periods.

Pure functions on values and a language; numbers only through i18n's formatters.
"""

from __future__ import annotations

from datetime import date

from callbacks.tables import TONES
from i18n import fmt_date, fmt_number, fmt_percent, is_missing, t
from queries.indicators import Indicator
from queries.kpi_periods import Period

MISSING = "–"
#: Symbol of each status: a status is never told by colour alone.
SYMBOLS = {"on_target": "✓", "at_risk": "⚠", "off_target": "✕"}
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def value_text(entry: Indicator, value: object, lang: str, unit: bool = True) -> str:
    """``87,6 %``, ``1.252``, ``3,0 ngày làm việc``, ``25,1 / 10.000 dân``; "–" when missing."""
    if is_missing(value):
        return MISSING
    if entry.unit == "pct":
        return fmt_percent(value, lang, 1)
    if entry.unit == "count":
        return fmt_number(value, lang, 0 if float(value).is_integer() else 1)
    number = fmt_number(value, lang, 1)
    return f"{number} {t(f'indicator.unit.{entry.unit}', lang)}" if unit else number


def status_text(status: str, lang: str) -> str:
    """The status word with its symbol, e.g. ``✓ Đạt chỉ tiêu``."""
    if status == "no_target":
        return t("overview.status.no_target", lang)
    return t(f"status.{status}", lang)


def tone(status: str) -> str:
    """CSS tone of a status (ok, warn, bad, none); "plain" for no target: nothing to colour."""
    return "plain" if status == "no_target" else TONES.get(status, "none")


def target_text(entry: Indicator, row: dict, lang: str) -> str:
    """``≥ 90,0 %`` (up is good) or ``≤ 12,5 (150/năm)`` for a yearly target split over the period."""
    if is_missing(row.get("target")):
        return t("overview.target_none", lang)
    sign = "≥" if entry.direction == "up" else "≤"
    text = f"{sign} {value_text(entry, row['target'], lang)}"
    if not is_missing(row.get("target_yearly")):
        yearly = t("overview.target_yearly", lang, value=value_text(entry, row["target_yearly"], lang))
        text = f"{text} ({yearly})"
    return text


def target_hover(row: dict, lang: str) -> str:
    """Where the target comes from: legal source, due date, province or default."""
    lines = []
    if row.get("target_estimate"):
        lines.append(t("overview.estimate_target", lang))
    if row.get("target_basis") == "default":
        lines.append(t("overview.target_default", lang))
    if row.get("target_basis") == "province":
        lines.append(t("overview.target_province", lang))
    if row.get("legal_source"):
        lines.append(t("overview.target_source", lang, source=row["legal_source"]))
    if not is_missing(row.get("due_date")):
        lines.append(t("overview.target_due", lang, date=fmt_date(row["due_date"], lang)))
    return "\n".join(lines)


def change(entry: Indicator, value: object, before: object, lang: str) -> tuple[str, str]:
    """(text, tone) of the change from ``before`` to ``value``: percentage points for shares, working
    days for durations, a relative change for counts; tone good / bad / flat by the good direction."""
    if is_missing(value) or is_missing(before):
        return MISSING, "flat"
    diff = float(value) - float(before)
    if entry.unit == "pct":
        size = round(abs(diff), 1)
        amount = f"{fmt_number(size, lang, 1)} {t('overview.points', lang)}"
    elif entry.unit == "days" or float(before) == 0:
        size = round(abs(diff), 1)
        amount = value_text(entry, size, lang)
    else:
        size = round(abs(diff) / abs(float(before)) * 100, 1)
        amount = fmt_percent(size, lang, 1)
    if size == 0:  # a change too small to show is no change
        return f"= ±{amount}", "flat"
    arrow, sign = ("▲", "+") if diff > 0 else ("▼", "−")
    better = (diff > 0) == (entry.direction == "up")
    return f"{arrow} {sign}{amount}", "good" if better else "bad"


def period_label(period: Period, lang: str) -> str:
    """``Tháng 12/2025`` / ``Dec 2025``, ``Quý 4/2025`` / ``Q4 2025``, ``Năm 2025`` / ``2025``."""
    start = period.start
    return t(
        f"overview.period.{period.grain}",
        lang,
        month=start.month,
        month_name=_EN_MONTHS[start.month - 1],
        quarter=(start.month - 1) // 3 + 1,
        year=start.year,
    )


def school_year(day: date) -> str:
    """The school year (from September) containing ``day``, e.g. ``2025-2026``."""
    first = day.year if day.month >= 9 else day.year - 1
    return f"{first}-{first + 1}"
