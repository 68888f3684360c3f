"""Accent- and case-insensitive matching of Vietnamese text (headers, vocabularies, search)."""
from __future__ import annotations

import re
import unicodedata

_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ASCII form: 'Ngày gửi' -> 'ngay gui', 'Đơn vị' -> 'don vi'."""
    text = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    return " ".join(text.lower().split())


def snake(text: str) -> str:
    """Column-name form: 'Ngày gửi' -> 'ngay_gui', ' Service Request ID ' -> 'service_request_id'."""
    return _NON_WORD.sub("_", fold(text)).strip("_")
