"""User-facing strings in Vietnamese and English, and how numbers, dates and links are written.

Vietnamese is the default. Numbers: vi ``1.234,5`` and ``92,4 %``; en ``1,234.5`` and ``92.4%``.
Dates: vi ``28/11/2026``; en ``28 Nov 2026`` (day and month spelled out, so nobody reads it as
month/day). Missing values (None, NaN, NaT) are written "–". The language lives in the URL
(``?lang=en``); ``href`` builds links that keep it.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from urllib.parse import urlencode

import pandas as pd

import config
from i18n import strings as strings_package

log = logging.getLogger(__name__)


def _gather_strings() -> dict[str, tuple[str, str]]:
    gathered: dict[str, tuple[str, str]] = {}
    for module in pkgutil.iter_modules(strings_package.__path__):
        table = importlib.import_module(f"{strings_package.__name__}.{module.name}").STRINGS
        clash = gathered.keys() & table.keys()
        if clash:
            raise ValueError(f"i18n/strings/{module.name}.py redefines {sorted(clash)}")
        gathered.update(table)
    return gathered

LANGS = ("vi", "en")
LANG_PARAM = "lang"
MISSING = "–"
_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

#: key -> (Vietnamese, English), gathered from the modules of ``i18n/strings`` (one per page or
#: shared area). Placeholders use str.format names. A key defined twice fails at import.
STRINGS: dict[str, tuple[str, str]] = _gather_strings()


def normalize_lang(lang: object = None) -> str:
    """'vi' or 'en' from whatever the URL held (None, a list from a repeated parameter, junk)."""
    if isinstance(lang, (list, tuple)):
        lang = lang[0] if lang else None
    return lang if lang in LANGS else config.DEFAULT_LANG


def t(key: str, lang: str | None = None, **fmt: object) -> str:
    """The string for ``key`` in ``lang``, with ``{placeholders}`` filled from ``fmt``."""
    entry = STRINGS.get(key)
    if entry is None:
        log.warning("missing string %r", key)
        return key
    text = entry[LANGS.index(normalize_lang(lang))]
    return text.format(**fmt) if fmt else text


def label(group: str, code: object, lang: str | None = None, fallback: str | None = None) -> str:
    """Translated label of a stored code (``label("source", "health", "en")``), else fallback or the code."""
    key = f"{group}.{code}"
    if key in STRINGS:
        return t(key, lang)
    return fallback if fallback else str(code)


def rule_label(rule: str, lang: str | None = None, reason: str | None = None) -> str:
    """Label of a validation rule code; unknown codes fall back to the stored English reason."""
    return label("rule", rule, lang, fallback=reason)


def is_missing(value: object) -> bool:
    """True for None, NaN, NaT and pd.NA."""
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def fmt_number(x: object, lang: str | None = None, decimals: int = 0) -> str:
    """vi ``1.234,5``, en ``1,234.5``; None/NaN -> "–"."""
    if is_missing(x):
        return MISSING
    value = round(float(x), decimals) + 0.0  # + 0.0 turns -0.0 into 0.0
    text = f"{value:,.{decimals}f}"
    if normalize_lang(lang) == "vi":
        text = text.translate(str.maketrans({",": ".", ".": ","}))
    return text


def fmt_percent(x: object, lang: str | None = None, decimals: int = 1) -> str:
    """A percentage value (92.4) as vi ``92,4 %``, en ``92.4%``; None/NaN -> "–"."""
    if is_missing(x):
        return MISSING
    number = fmt_number(x, lang, decimals)
    return f"{number} %" if normalize_lang(lang) == "vi" else f"{number}%"


def _timestamp(value: object) -> pd.Timestamp | None:
    if is_missing(value):
        return None
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        return None
    return None if pd.isna(stamp) else stamp


def fmt_date(d: object, lang: str | None = None) -> str:
    """vi ``28/11/2026``, en ``28 Nov 2026``; None/NaT -> "–"."""
    stamp = _timestamp(d)
    if stamp is None:
        return MISSING
    if normalize_lang(lang) == "vi":
        return stamp.strftime("%d/%m/%Y")
    return f"{stamp.day} {_EN_MONTHS[stamp.month - 1]} {stamp.year}"


def fmt_datetime(d: object, lang: str | None = None) -> str:
    """vi ``28/11/2026 14:05``, en ``28 Nov 2026 14:05``; None/NaT -> "–"."""
    stamp = _timestamp(d)
    if stamp is None:
        return MISSING
    return f"{fmt_date(stamp, lang)} {stamp.strftime('%H:%M')}"


def plotly_separators(lang: str | None = None) -> str:
    """Plotly ``layout.separators``: decimal mark then thousands mark."""
    return ",." if normalize_lang(lang) == "vi" else ".,"


def search(lang: str | None = None, **query: object) -> str:
    """Query string keeping the language (omitted when it is the default) and the non-empty filters."""
    lang = normalize_lang(lang)
    params = {} if lang == config.DEFAULT_LANG else {LANG_PARAM: lang}
    params.update({k: v for k, v in query.items() if v not in (None, "", [])})
    return f"?{urlencode(params, doseq=True)}" if params else ""


def href(path: str, lang: str | None = None, **query: object) -> str:
    """Link to ``path`` in ``lang``: ``href("/data", "en") == "/data?lang=en"``."""
    return f"{path}{search(lang, **query)}"
