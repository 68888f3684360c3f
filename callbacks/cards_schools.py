"""Pure builders of the schools page's cards: the KPI cards and the card of one school.

Statuses against a target carry a symbol and a word (``status.*`` strings) as well as their colour.
"""

from __future__ import annotations

from datetime import date

import dash_mantine_components as dmc
import pandas as pd
from dash import html

import ids
from callbacks.tables import TONES
from i18n import fmt_date, fmt_number, fmt_percent, is_missing, label, t
from queries.schools import TargetProgress, school_year_start, target_progress

LEVEL_KEY = "schools.level"
AREA_UNITS = ("commune", "district")
OWNERSHIP_KEY = "schools.ownership"


def target_status(value: object, target: float | None, due: date | None, year_start: int) -> str:
    """on_target when reached; off_target once the school year holding the due date is over; else at_risk."""
    if is_missing(value) or target is None:
        return "no_data"
    if float(value) >= target:
        return "on_target"
    if due is not None and year_start > school_year_start(due):
        return "off_target"
    return "at_risk"


def status_badge(status: str, lang: str) -> html.Span:
    return html.Span(
        t(f"status.{status}", lang), className=f"schools-status status-{TONES.get(status, 'none')}"
    )


def kpi(title: str, value: str, *lines: object, card_id: str | None = None) -> dmc.Paper:
    """One KPI card: a title, a large value and short lines under it."""
    body = [html.P(title, className="schools-kpi-title"), html.P(value, className="schools-kpi-value")]
    body += [
        line if not isinstance(line, str) else html.P(line, className="schools-kpi-line") for line in lines
    ]
    extra = {"id": card_id} if card_id else {}
    return dmc.Paper(body, className="section schools-kpi", withBorder=True, p="md", **extra)


def change_line(current: pd.Series, previous: pd.Series | None, column: str, lang: str) -> str | None:
    """ "+2 so với năm học 2024-2025" (an explicit sign, so the change never relies on colour)."""
    if previous is None:
        return None
    delta = float(current[column]) - float(previous[column])
    sign = "+" if delta > 0 else ("±" if delta == 0 else "−")
    return t(
        "schools.kpi.change",
        lang,
        change=f"{sign}{fmt_number(abs(delta), lang)}",
        year=previous["school_year"],
    )


def levels_list(levels: pd.DataFrame, lang: str) -> html.Ul:
    return html.Ul(
        [
            html.Li(
                [html.Span(label(LEVEL_KEY, r["level"], lang)), html.Span(fmt_number(r["schools"], lang))]
            )
            for r in levels.to_dict("records")
        ],
        className="schools-kpi-levels",
    )


def target_lines(target: pd.DataFrame, status: str, value_text: str, lang: str) -> list:
    """The target with its due date, the status, and the legal source as stored."""
    if target.empty:
        return [t("schools.kpi.target_none", lang)]
    row = target.iloc[0]
    return [
        t("schools.kpi.target", lang, value=value_text, due=fmt_date(row["due_date"], lang)),
        status_badge(status, lang),
        t("schools.kpi.source", lang, source=row["legal_source"] or "–"),
    ]


def met_line(progress: TargetProgress, lang: str) -> str:
    """When the target was first met and how late, or that it is not met yet."""
    if progress.met_year is None:
        return t("schools.kpi.not_met", lang)
    if progress.years_late is None:
        return t("schools.kpi.met_unknown", lang, year=progress.met_year)
    if progress.years_late == 0:
        return t("schools.kpi.met_on_time", lang, year=progress.met_year)
    return t("schools.kpi.met_late", lang, year=progress.met_year, late=progress.years_late)


def _target(frame: pd.DataFrame) -> tuple[float | None, date | None]:
    if frame.empty:
        return None, None
    due = frame.iloc[0]["due_date"]
    return float(frame.iloc[0]["target_value"]), (None if is_missing(due) else pd.Timestamp(due).date())


def smart_card(per_year: pd.DataFrame, target: pd.DataFrame, current: pd.Series, lang: str) -> dmc.Paper:
    """Smart upper-secondary schools in the province against the target, and when it was first met."""
    row = per_year[per_year["school_year"] == current["school_year"]]
    count = int(row["smart_thpt"].iloc[0]) if not row.empty else None
    value, due = _target(target)
    status = target_status(count, value, due, int(current["year_start"]))
    lines = [t("schools.kpi.year", lang, year=current["school_year"])]
    lines += target_lines(target, status, fmt_number(value, lang), lang)
    if value is not None and due is not None:
        progress = target_progress(per_year, "smart_thpt", value, due)
        lines.insert(3, met_line(progress, lang))
    return kpi(
        t("schools.kpi.smart_thpt", lang), fmt_number(count, lang), *lines, card_id=f"{ids.SCHOOLS_KPI}-smart"
    )


def broadband_card(current: pd.Series, target: pd.DataFrame, lang: str) -> dmc.Paper:
    value, due = _target(target)
    status = target_status(current["broadband_pct"], value, due, int(current["year_start"]))
    n = t(
        "schools.kpi.broadband_hint",
        lang,
        n=fmt_number(current["broadband_schools"], lang),
        total=fmt_number(current["schools"], lang),
    )
    lines = (
        [n, *target_lines(target, status, fmt_percent(value, lang, 0), lang)] if value is not None else [n]
    )
    return kpi(t("schools.kpi.broadband", lang), fmt_percent(current["broadband_pct"], lang), *lines)


def count_card(
    key: str, column: str, current: pd.Series, previous: pd.Series | None, lang: str, *extra: object
) -> dmc.Paper:
    """A count of the chosen school year with its change on the year before."""
    lines = [t("schools.kpi.year", lang, year=current["school_year"])]
    lines += [line for line in [change_line(current, previous, column, lang)] if line]
    return kpi(
        t(key, lang), fmt_number(current[column], lang), *lines, *extra, card_id=f"{ids.SCHOOLS_KPI}-{column}"
    )


def ratio_card(current: pd.Series, lang: str) -> dmc.Paper:
    """Students per classroom, with the two sums it divides."""
    hint = t(
        "schools.kpi.spc_hint",
        lang,
        students=fmt_number(current["students"], lang),
        classrooms=fmt_number(current["classrooms"], lang),
    )
    value = fmt_number(current["students_per_classroom"], lang, 1)
    return kpi(t("schools.kpi.spc", lang), value, hint, card_id=f"{ids.SCHOOLS_KPI}-spc")


def smart_rooms_card(current: pd.Series, lang: str) -> dmc.Paper:
    hint = t("schools.kpi.smart_rooms_hint", lang, schools=fmt_number(current["smart_schools"], lang))
    value = fmt_number(current["smart_classrooms"], lang)
    return kpi(t("schools.kpi.smart_rooms", lang), value, hint, t("schools.kpi.smart_def", lang))


def kpi_cards(
    summary: pd.DataFrame,
    levels: pd.DataFrame,
    smart: pd.DataFrame,
    smart_target: pd.DataFrame,
    broadband_target: pd.DataFrame,
    lang: str,
) -> list:
    """The six KPI cards of the chosen school year (compared with the year before), or the empty state."""
    if summary.empty:
        return [kpi(t("schools.kpi.schools", lang), "–", t("empty.selection", lang))]
    current = summary.iloc[0]
    previous = summary.iloc[1] if len(summary) > 1 else None
    return [
        count_card("schools.kpi.schools", "schools", current, previous, lang, levels_list(levels, lang)),
        count_card("schools.kpi.students", "students", current, previous, lang),
        ratio_card(current, lang),
        smart_card(smart, smart_target, current, lang),
        broadband_card(current, broadband_target, lang),
        smart_rooms_card(current, lang),
    ]


def area_names(frame: pd.DataFrame, unit: str, lang: str) -> list[str]:
    """District or commune names of each row: with diacritics, or ASCII in English (areas.name_ascii)."""
    names = frame[f"{unit}_ascii" if lang == "en" else f"{unit}_name"].fillna(frame[f"{unit}_name"])
    return names.fillna("–").tolist()


def _fact(term: str, value: str) -> list:
    return [html.Dt(term), html.Dd(value)]


def broadband_text(value: object, lang: str) -> str:
    if is_missing(value):
        return "–"
    return t("schools.broadband.yes" if bool(value) else "schools.broadband.no", lang)


def _trend(history: pd.DataFrame, lang: str) -> html.Table:
    """Students, classrooms, smart classrooms and broadband per school year: the school's trend."""
    heads = [
        ("schools.col.year", ""),
        ("schools.trend.students", "num"),
        ("schools.trend.classrooms", "num"),
        ("schools.trend.smart", "num"),
        ("schools.trend.broadband", ""),
    ]
    rows = [
        html.Tr(
            [
                html.Td(r["school_year"]),
                html.Td(fmt_number(r["students"], lang), className="num"),
                html.Td(fmt_number(r["classrooms"], lang), className="num"),
                html.Td(fmt_number(r["smart_classrooms"], lang), className="num"),
                html.Td(broadband_text(r["has_broadband"], lang)),
            ]
        )
        for r in history.to_dict("records")
    ]
    header = html.Tr([html.Th(t(key, lang), className=cls, scope="col") for key, cls in heads])
    return html.Table(
        [html.Caption(t("schools.card.trend", lang)), html.Thead(header), html.Tbody(rows)],
        className="schools-trend",
    )


def school_card(history: pd.DataFrame, year: str | None, lang: str) -> list:
    """A school's card: the chosen school year's figures (else its latest) and its trend over the years."""
    if history.empty:
        return [html.P(t("schools.card.missing", lang), className="section-hint")]
    chosen = history[history["school_year"] == year]
    chosen_row = (chosen if not chosen.empty else history).tail(1)
    row = chosen_row.iloc[0]
    badges = [
        dmc.Badge(label(LEVEL_KEY, row["level"], lang), variant="light", tt="none"),
        dmc.Badge(label(OWNERSHIP_KEY, row["ownership"], lang), variant="outline", color="gray", tt="none"),
    ]
    if (row["smart_classrooms"] or 0) >= 1:
        badges.append(dmc.Badge(t("schools.card.smart", lang), color="yellow", variant="filled", tt="none"))
    facts = [
        *_fact(t("schools.col.students", lang), fmt_number(row["students"], lang)),
        *_fact(t("schools.col.classrooms", lang), fmt_number(row["classrooms"], lang)),
        *_fact(t("schools.col.spc", lang), fmt_number(row["students_per_classroom"], lang, 1)),
        *_fact(t("schools.col.smart", lang), fmt_number(row["smart_classrooms"], lang)),
        *_fact(t("schools.col.broadband", lang), broadband_text(row["has_broadband"], lang)),
        *_fact(
            t("schools.card.area", lang), ", ".join(area_names(chosen_row, u, lang)[0] for u in AREA_UNITS)
        ),
    ]
    return [
        html.H3(row["name"], className="schools-card-name"),
        html.Div(badges, className="schools-card-badges"),
        html.P(t("schools.card.year", lang, year=row["school_year"]), className="section-hint"),
        html.Dl(facts, className="schools-facts"),
        _trend(history, lang),
    ]
