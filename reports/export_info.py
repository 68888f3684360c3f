"""What an export says about itself: the statement (source, filters, generation time), its column
headers in the reader's language, and a file name that survives any browser and file system.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime
from urllib.parse import quote

from i18n import fmt_date, fmt_datetime, t
from queries import meta
from queries.db import fetch
from queries.exports import ExportRequest
from reports.writers import ExportInfo


def _area_text(code: str | None, lang: str) -> str:
    if code is None:
        return t("reports.province", lang)
    frame = fetch("SELECT name_full_vi, name_ascii FROM areas WHERE code = ?", (code,))
    name = code if frame.empty else frame.iat[0, 0 if lang == "vi" else 1]
    return f"{name} ({code})"


def filters_text(request: ExportRequest, lang: str) -> str:
    """The request's filters in words ("khu vực Thành phố Huế (474); từ 01/01/2025; …")."""
    parts = [t("export.area", lang, area=_area_text(request.area, lang))]
    if request.start:
        parts.append(t("export.from", lang, day=fmt_date(request.start, lang)))
    if request.end:
        parts.append(t("export.to", lang, day=fmt_date(request.end, lang)))
    if request.indicator:
        parts.append(t("export.indicator", lang, indicator=request.indicator))
    if request.columns:
        parts.append(t("export.columns", lang, columns=", ".join(request.columns)))
    return t("export.filters", lang, filters="; ".join(parts))


def describe(request: ExportRequest, lang: str, now: datetime | None = None) -> ExportInfo:
    """The statement and headers of this export in ``lang``."""
    entry = request.entry
    columns = [entry.column(name) for name in request.chosen_columns]
    source = t("export.source", lang, tables=entry.source, title=entry.title(lang))
    if meta.is_demo():
        source += t("export.demo", lang)
    return ExportInfo(
        source=source,
        filters=filters_text(request, lang),
        generated=t("export.generated", lang, time=fmt_datetime(now or datetime.now(), lang)),
        names=tuple(column.name for column in columns),
        labels=tuple(column.label(lang) for column in columns),
        types=tuple(column.type for column in columns),
        about_title=t("export.sheet_about", lang),
        data_title=t("export.sheet_data", lang),
    )


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    plain = plain.encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^A-Za-z0-9]+", "-", plain).strip("-").lower()


def filename_stem(request: ExportRequest, lang: str) -> str:
    """``<title>_<area>_<from>_<to>`` in the language, e.g. ``Phản ánh theo đơn vị xử lý_474_2025-01-01``."""
    parts = [request.entry.title(lang), request.area or ("tinh" if lang == "vi" else "province")]
    parts += [day.isoformat() for day in (request.start, request.end) if day]
    if request.indicator:
        parts.insert(1, request.indicator)
    return "_".join(parts)


def content_disposition(request: ExportRequest, fmt: str, lang: str) -> str:
    """An attachment header with an ASCII name and the Vietnamese one (RFC 6266 ``filename*``)."""
    stem = filename_stem(request, lang)
    plain = "_".join(_ascii(part) for part in stem.split("_"))
    return f"attachment; filename=\"{plain}.{fmt}\"; filename*=UTF-8''{quote(f'{stem}.{fmt}', safe='')}"
