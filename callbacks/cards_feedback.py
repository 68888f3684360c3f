"""Pure builders of the feedback page's text pieces: filter lists, the "filtered by" line, KPI cards and
the notes under sections. Frames and a language in, Dash components or strings out.
"""

from __future__ import annotations

import pandas as pd
from dash import html

from i18n import MISSING, fmt_date, fmt_number, fmt_percent, is_missing, label, t
from queries.feedback import CHANNELS, STATUS_SQL

#: On-time share within this many points under the target is "at risk"; lower is "off target".
AT_RISK_MARGIN = 5.0
STATUSES = tuple(STATUS_SQL)
_STATUS_TONES = {"on_target": "ok", "at_risk": "warn", "off_target": "bad", "no_data": "none"}


def category_label(code: object, stored_name: object, lang: str) -> str:
    """A category's name in the language; codes the app does not know keep the stored name."""
    fallback = None if is_missing(stored_name) else str(stored_name)
    return label("feedback.category", code, lang, fallback=fallback)


def share(part: object, whole: object) -> float | None:
    """``part`` as a percentage of ``whole``; None when there is nothing to divide by."""
    if is_missing(part) or is_missing(whole) or not whole:
        return None
    return 100.0 * float(part) / float(whole)


def status_for(value: float | None, target: float | None) -> str:
    """on_target | at_risk | off_target | no_data for a share against a target (higher is better)."""
    if value is None or is_missing(value) or target is None or is_missing(target):
        return "no_data"
    if value >= target:
        return "on_target"
    return "at_risk" if value >= target - AT_RISK_MARGIN else "off_target"


def filter_options(districts, communes, categories, agencies, lang: str) -> dict[str, list[dict]]:
    """Options of each filter dropdown, labelled in the language."""
    one_district = not communes.empty and communes["district_code"].nunique() == 1
    ascii = lang != "vi"

    def commune_text(row: dict) -> str:
        name = row["name_ascii"] if ascii else row["name_vi"]
        district = row["district_ascii"] if ascii else row["district_name"]
        return name if one_district else f"{name} ({district})"

    return {
        "district": [
            {"label": r["name_ascii"] if ascii else r["name_full_vi"], "value": r["code"]}
            for r in _rows(districts)
        ],
        "commune": [{"label": commune_text(r), "value": r["code"]} for r in _rows(communes)],
        "category": [
            {"label": category_label(r["code"], r["name"], lang), "value": r["code"]}
            for r in _rows(categories)
        ],
        "agency": [{"label": r["agency"], "value": r["agency"]} for r in _rows(agencies)],
        "channel": [{"label": t(f"feedback.channel.{c}", lang), "value": c} for c in CHANNELS],
        "status": [{"label": t(f"feedback.status.{s}", lang), "value": s} for s in STATUSES],
    }


def _rows(frame: pd.DataFrame) -> list[dict]:
    return [] if frame.empty else frame.to_dict("records")


def active_filters(state: dict, lists: dict[str, list[dict]], lang: str) -> str:
    """One line naming each filter in force with its label, or saying there is none."""
    parts = []
    for name, options in lists.items():
        value = state.get(name)
        if value:
            text = next((o["label"] for o in options if o["value"] == value), value)
            parts.append(f"{t(f'feedback.filter.{name}', lang)}: {text}")
    period = t(
        "feedback.period_text", lang, start=fmt_date(state["start"], lang), end=fmt_date(state["end"], lang)
    )
    if not parts:
        return f"{period} · {t('feedback.no_filter', lang)}"
    return f"{period} · {t('feedback.filtered_by', lang)} " + " · ".join(parts)


def _card(title: str, value: str, lines: list, tone: str | None = None) -> html.Div:
    classes = "feedback-kpi" + (f" status-{tone}" if tone else "")
    return html.Div(
        [
            html.P(title, className="feedback-kpi-title"),
            html.P(value, className="feedback-kpi-value"),
            *[html.P(line, className="feedback-kpi-line") for line in lines if line],
        ],
        className=classes,
    )


def kpi_cards(summary: pd.DataFrame, backlog: pd.DataFrame, target: pd.DataFrame, state: dict, lang: str):
    """Received, verified, on time against the target, handling days, open past deadline, satisfaction."""
    if summary.empty or not summary.at[0, "received"]:
        return html.P(t("empty.selection", lang), className="section-hint")
    s = summary.iloc[0]
    goal = None if target.empty else float(target.at[0, "target_value"])
    on_time = share(s["on_time"], s["handled"])
    status = status_for(on_time, goal)
    past = int(backlog["past_deadline"].sum()) if not backlog.empty else 0
    return [
        _card(
            t("feedback.kpi.received", lang),
            fmt_number(s["received"], lang),
            [t("feedback.kpi.verified", lang, pct=fmt_percent(share(s["verified"], s["received"]), lang))],
        ),
        _card(
            t("feedback.kpi.on_time", lang),
            fmt_percent(on_time, lang),
            [
                t(f"status.{status}", lang),
                t("feedback.kpi.target", lang, target=fmt_percent(goal, lang, 0))
                if goal is not None
                else None,
                t("feedback.kpi.handled", lang, n=fmt_number(s["handled"], lang)),
            ],
            _STATUS_TONES[status],
        ),
        _card(
            t("feedback.kpi.median", lang),
            fmt_number(s["median_days"], lang, 1),
            [t("feedback.kpi.p90", lang, days=fmt_number(s["p90_days"], lang, 1))],
        ),
        _card(
            t("feedback.kpi.past_deadline", lang),
            fmt_number(past, lang),
            [t("feedback.kpi.as_of", lang, date=fmt_date(state["as_of"], lang))],
            "bad" if past else None,
        ),
        _card(
            t("feedback.kpi.satisfied", lang),
            fmt_percent(share(s["satisfied"], s["rated"]), lang),
            [
                t(
                    "feedback.kpi.rated",
                    lang,
                    n=fmt_number(s["rated"], lang),
                    pct=fmt_percent(share(s["rated"], s["handled"]), lang),
                )
            ],
        ),
    ]


def target_note(target: pd.DataFrame, lang: str) -> str:
    """The on-time target, its due date and its legal source exactly as the targets file gives it."""
    if target.empty:
        return t("feedback.target_none", lang)
    row = target.iloc[0]
    return t(
        "feedback.target_text",
        lang,
        target=fmt_percent(row["target_value"], lang, 0),
        due=fmt_date(row["due_date"], lang),
        source=MISSING if is_missing(row["legal_source"]) else row["legal_source"],
        margin=fmt_number(AT_RISK_MARGIN, lang),
    )


def backlog_note(state: dict, lang: str) -> str:
    return t("feedback.backlog_note", lang, date=fmt_date(state["as_of"], lang))


def rated_note(summary: pd.DataFrame, lang: str) -> str:
    """How many answered, so a satisfaction share is never read without its base."""
    if summary.empty or not summary.at[0, "handled"]:
        return t("empty.selection", lang)
    s = summary.iloc[0]
    return t(
        "feedback.rated_note",
        lang,
        satisfied=fmt_percent(share(s["satisfied"], s["rated"]), lang),
        accepted=fmt_percent(share(s["satisfied"] + s["acceptable"], s["rated"]), lang),
        rated=fmt_number(s["rated"], lang),
        handled=fmt_number(s["handled"], lang),
        pct=fmt_percent(share(s["rated"], s["handled"]), lang),
    )


def records_note(count: pd.DataFrame, lang: str) -> str:
    """How many reports the table holds (and the export will write)."""
    return t("feedback.records_count", lang, n=fmt_number(0 if count.empty else count.at[0, "n"], lang))
