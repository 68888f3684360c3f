"""Citizen reports (phản ánh hiện trường): how many, when, what, where and who (hue-facts §7.2).

``simulate`` returns one typed row per report; ``handling`` adds status and dates, and
``feedback_files`` writes the monthly exports.
"""
from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from etl import vocab
from etl.demo import geo, handling, texts
from etl.demo.days import Window
from etl.demo.population import commune_population

#: Mean submissions per day at mid-year; days in between are interpolated (the yearly ramp).
MU_BY_YEAR = {2019: 30, 2020: 55, 2021: 78, 2022: 90, 2023: 100, 2024: 118, 2025: 100, 2026: 100}
DISPERSION = 8  # negative-binomial k
WEEKDAY = np.array([1.15, 1.10, 1.05, 1.05, 1.00, 0.85, 0.80])
MONTH = np.array([0.95, 0.80, 1.00, 1.05, 1.05, 1.00, 1.00, 0.95, 1.05, 1.20, 1.20, 1.00])
HOUR = np.array([0.5, 0.4, 0.3, 0.3, 0.4, 0.8, 2.5, 5.5, 9.0, 9.0, 8.0, 6.0,
                 3.5, 3.5, 5.0, 5.5, 6.0, 8.0, 8.5, 8.5, 8.0, 5.0, 3.0, 1.5])
CODES = np.array(list(vocab.CATEGORIES), dtype=object)
CATEGORY_SHARE = {"TTDT": 24, "VSMT": 22, "HTDT": 20, "GT": 8, "DDXD": 7, "ANTT": 5, "DIEN": 4,
                  "NUOC": 4, "DTDL": 2, "DVC": 3, "KHAC": 1}
CHANNEL_SHARE = {"Hue-S": 0.85, "Cổng thông tin": 0.06, "Tổng đài 1900 1075": 0.05,
                 "Zalo/Facebook/Email": 0.04}
URBAN_FACTOR = {"474": 1.8, "479": 1.1, "480": 0.9, "478": 0.8, "482": 0.8, "476": 0.7, "477": 0.7,
                "481": 0.4, "483": 0.4}
ONE_TIME_REPORTERS = 0.55  # share of reports sent by someone who reports once


def first_id(start: date) -> int:
    """Portal-like sequential numbering: about 40,000 on 1 January 2021, ~90 a day around it."""
    return max(1_000, 40_001 + round((start - date(2021, 1, 1)).days * 90))


def daily_means(window: Window, scale: float) -> np.ndarray:
    knots = np.array(list(MU_BY_YEAR), float) + 0.5
    t = window.year + (window.days - window.days.astype("datetime64[Y]")).astype(int) / 365.25
    mu = np.interp(t, knots, np.array(list(MU_BY_YEAR.values()), float))
    tet = window.tet_offset
    factor = np.where((tet >= 0) & (tet <= 3), 0.4, np.where((tet >= 4) & (tet <= 10), 1.2, 1.0))
    busy = window.festival | window.holiday_peak
    factor = factor * np.where(window.after_flood, 1.3, 1.0) * np.where(busy, 1.1, 1.0)
    return mu * WEEKDAY[window.weekday] * MONTH[window.month - 1] * factor * scale


def category_weights(window: Window) -> np.ndarray:
    """Day × category weights: Tết-eve sanitation, post-flood drainage, holiday urban order."""
    weights = np.tile(np.array([CATEGORY_SHARE[c] for c in CODES], float), (len(window.days), 1))
    col = {c: i for i, c in enumerate(CODES)}
    tet_eve = (window.tet_offset >= -3) & (window.tet_offset <= -1)
    weights[tet_eve, col["VSMT"]] *= 1.5
    weights[np.ix_(window.after_flood, [col["VSMT"], col["HTDT"]])] *= 2.5
    busy = window.festival | window.holiday_peak
    weights[np.ix_(busy, [col["TTDT"], col["DTDL"], col["GT"]])] *= 1.2
    return weights / weights.sum(axis=1, keepdims=True)


def simulate(window: Window, rng: np.random.Generator, scale: float) -> pd.DataFrame:
    """Every report of the window with its handling, sorted by receipt time, ids sequential."""
    mu = daily_means(window, scale)
    counts = rng.poisson(rng.gamma(DISPERSION, mu / DISPERSION))
    day = np.repeat(np.arange(len(mu)), counts)
    seconds = rng.choice(24, len(day), p=HOUR / HOUR.sum()) * 3600 + rng.integers(0, 3600, len(day))
    requested = window.days[day].astype("datetime64[s]") + seconds.astype("timedelta64[s]")
    order = np.argsort(requested, kind="stable")
    day, requested = day[order], requested[order]
    frame = pd.DataFrame({"day": day, "requested": requested})
    frame["service_request_id"] = (first_id(window.days[0].item()) + np.arange(len(day))).astype(str)
    frame["category"] = _pick_rows(rng, category_weights(window)[day])
    frame["service_code"] = CODES[frame["category"]]
    _add_place(frame, rng, window.days[0].item().year)
    _add_reporter(frame, rng)
    return handling.assign(frame, window, rng)


def _pick_rows(rng: np.random.Generator, probs: np.ndarray) -> np.ndarray:
    """One categorical draw per row of a row-stochastic matrix."""
    u = rng.random(len(probs))[:, None]
    return np.minimum((u > probs.cumsum(axis=1)).sum(axis=1), probs.shape[1] - 1)


def commune_weights(year: int) -> np.ndarray:
    table = geo.communes()
    people = table["code"].map(commune_population(year)).to_numpy(float)
    weight = people * table["district_code"].map(URBAN_FACTOR).to_numpy(float)
    return weight / weight.sum()


def _add_place(frame: pd.DataFrame, rng: np.random.Generator, year: int) -> None:
    table = geo.communes()
    n = len(frame)
    commune = rng.choice(len(table), n, p=commune_weights(year))
    frame["lon"], frame["lat"] = geo.sample_in_communes(rng, commune)
    channels = np.array(list(CHANNEL_SHARE), dtype=object)
    frame["channel"] = channels[rng.choice(len(channels), n, p=list(CHANNEL_SHARE.values()))]
    given = np.isin(frame["channel"], ["Hue-S", "Cổng thông tin"])
    frame["commune_idx"] = commune
    frame["commune_code"] = np.where(given, table["code"].to_numpy()[commune], "")
    in_hue = table["district_code"].to_numpy()[commune] == "474"
    addr, phrase = texts.places(rng, table["unit_type_vi"].to_numpy()[commune], in_hue)
    frame["address"] = addr + ", " + table["name_full_vi"].to_numpy()[commune]
    frame["description"] = texts.descriptions(rng, frame["service_code"].to_numpy(), phrase)


def _add_reporter(frame: pd.DataFrame, rng: np.random.Generator) -> None:
    """Most people report once; a pool of regulars sends the rest (for repeat-reporter counts)."""
    n = len(frame)
    once = rng.random(n) < ONE_TIME_REPORTERS
    n_once, n_regular = int(once.sum()), max(1, n // 12)
    rank_weight = 1.0 / (np.arange(n_regular) + 20.0) ** 0.6
    regular = n_once + rng.choice(n_regular, n, p=rank_weight / rank_weight.sum())
    person = np.where(once, np.cumsum(once) - 1, regular)
    frame["citizen_name"] = texts.person_names(rng, n_once + n_regular)[person]
    frame["citizen_phone"] = texts.phone_numbers(rng, n_once + n_regular)[person]
