"""Strings and formats: vi-VN and English numbers, percentages, dates, missing values, links."""

from __future__ import annotations

import math
from datetime import date, datetime

import pandas as pd
import pytest

import i18n
from i18n import fmt_date, fmt_datetime, fmt_number, fmt_percent, href, plotly_separators, rule_label, t

ETL_RULES = (
    "missing_value",
    "bad_number",
    "bad_integer",
    "bad_datetime",
    "bad_date",
    "bad_period",
    "negative_count",
    "unknown_value",
    "unknown_commune",
    "outside_province",
    "latlon_swapped",
    "closed_before_requested",
    "future_date",
    "duplicate_id",
    "created_gt_population",
    "complete_gt_created",
    "bad_rating",
    "exact_duplicate",
)


@pytest.mark.parametrize(
    ("value", "decimals", "vi", "en"),
    [
        (1234.5, 1, "1.234,5", "1,234.5"),
        (1234567, 0, "1.234.567", "1,234,567"),
        (999, 0, "999", "999"),
        (0.25, 2, "0,25", "0.25"),
        (-1234.5, 1, "-1.234,5", "-1,234.5"),
        (-0.04, 1, "0,0", "0.0"),
    ],
)
def test_numbers_use_the_languages_decimal_and_thousands_marks(value, decimals, vi, en):
    assert fmt_number(value, "vi", decimals) == vi
    assert fmt_number(value, "en", decimals) == en


def test_percentages_put_a_space_before_the_sign_in_vietnamese_only():
    assert fmt_percent(92.4, "vi") == "92,4 %"
    assert fmt_percent(92.4, "en") == "92.4%"
    assert fmt_percent(100, "vi", 0) == "100 %"
    assert fmt_percent(1234.56, "en", 2) == "1,234.56%"


@pytest.mark.parametrize(
    "value",
    [date(2026, 11, 28), datetime(2026, 11, 28, 14, 5), "2026-11-28", pd.Timestamp("2026-11-28 14:05")],
)
def test_dates_are_day_month_year_in_both_languages(value):
    assert fmt_date(value, "vi") == "28/11/2026"
    assert fmt_date(value, "en") == "28 Nov 2026"


def test_single_digit_days_and_months_are_padded_in_vietnamese():
    assert fmt_date(date(2026, 1, 5), "vi") == "05/01/2026"
    assert fmt_date(date(2026, 1, 5), "en") == "5 Jan 2026"


def test_date_times_add_hours_and_minutes():
    assert fmt_datetime(datetime(2026, 11, 28, 14, 5), "vi") == "28/11/2026 14:05"
    assert fmt_datetime("2026-11-28T09:30:00", "en") == "28 Nov 2026 09:30"


@pytest.mark.parametrize("missing", [None, math.nan, float("nan"), pd.NA, pd.NaT])
def test_missing_values_are_a_dash(missing):
    for lang in ("vi", "en"):
        assert fmt_number(missing, lang) == "–"
        assert fmt_percent(missing, lang) == "–"
        assert fmt_date(missing, lang) == "–"
        assert fmt_datetime(missing, lang) == "–"


def test_plotly_separators_follow_the_language():
    assert plotly_separators("vi") == ",."
    assert plotly_separators("en") == ".,"


def test_language_defaults_to_vietnamese_for_missing_or_unknown_values():
    assert i18n.normalize_lang(None) == "vi"
    assert i18n.normalize_lang("fr") == "vi"
    assert i18n.normalize_lang("en") == "en"
    assert i18n.normalize_lang(["en", "vi"]) == "en"
    assert fmt_number(1234, None) == "1.234"


def test_every_string_exists_in_both_languages():
    for key, texts in i18n.STRINGS.items():
        assert len(texts) == 2 and all(text.strip() for text in texts), key


def test_strings_fill_their_placeholders():
    assert t("app.asof", "vi", date="28/11/2026") == "Dữ liệu đến 28/11/2026"
    assert t("app.asof", "en", date="28 Nov 2026") == "Data up to 28 Nov 2026"


def test_an_unknown_key_shows_the_key_rather_than_failing():
    assert t("no.such.key", "en") == "no.such.key"


@pytest.mark.parametrize("rule", ETL_RULES)
def test_every_etl_rule_has_a_label_in_both_languages(rule):
    vi, en = rule_label(rule, "vi"), rule_label(rule, "en")
    assert vi != rule and en != rule and vi != en


def test_an_unknown_rule_falls_back_to_the_stored_reason_then_to_its_code():
    assert rule_label("new_rule", "vi", "row 5: odd value") == "row 5: odd value"
    assert rule_label("new_rule", "en") == "new_rule"


def test_links_keep_the_language_and_drop_empty_filters():
    assert href("/data", "en") == "/data?lang=en"
    assert href("/data", "vi") == "/data"
    assert href("/data", "en", source="health", rule=None) == "/data?lang=en&source=health"
    assert i18n.search("vi", source="health") == "?source=health"
