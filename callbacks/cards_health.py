"""Pure builders of the health-records page's KPI cards and data checks: rows in, components out.

A card shows a coverage value against its target (value, due date, legal basis), the status as a word
and symbol as well as a colour, the change on last month and, when not reached, the people missing and
the months needed at the current pace.
"""

from __future__ import annotations

import math

import dash_mantine_components as dmc
import pandas as pd
from dash import dcc, html

from callbacks import theme
from callbacks.figures_health import month_text
from i18n import MISSING, fmt_date, fmt_number, fmt_percent, href, is_missing, t

MEASURES = ("created", "complete")
#: Communes named in the "no report" check before the list is cut short.
NAMES_SHOWN = 12


def signed(value: object, lang: str, decimals: int = 1) -> str:
    """``+0,4`` / ``-1,2`` / ``0,0``: a change always shows its direction."""
    text = fmt_number(value, lang, decimals)
    return f"+{text}" if not is_missing(value) and round(float(value), decimals) > 0 else text


def status_badge(status: str, lang: str) -> dmc.Badge:
    return dmc.Badge(
        t(f"status.{status}", lang),
        color=theme.STATUS.get(status, theme.MUTED),
        variant="light",
        radius="sm",
        tt="none",
        className="health-status",
    )


def _progress_line(row: dict, measure: str, lang: str) -> str | None:
    months = row.get(f"{measure}_months")
    if is_missing(months) or months == 0:
        return None
    missing = t("health.card.missing", lang, n=fmt_number(row[f"{measure}_missing"], lang))
    pace = (
        t("health.never", lang)
        if math.isinf(months)
        else t("health.card.months", lang, n=fmt_number(months, lang))
    )
    return f"{missing} · {pace}"


def _goal_lines(row: dict, measure: str, lang: str) -> list[str]:
    """The target that applies to the area: value and due date, and its legal basis."""
    if is_missing(row.get(f"{measure}_target")):
        return [t("health.no_target", lang)]
    value = fmt_percent(row[f"{measure}_target"], lang, decimals=0)
    basis = row.get(f"{measure}_basis")
    return [
        t("health.card.target", lang, value=value, due=fmt_date(row.get(f"{measure}_due"), lang)),
        t("health.card.source", lang, source=basis if isinstance(basis, str) and basis else MISSING),
    ]


def measure_card(row: dict, measure: str, lang: str) -> dmc.Paper:
    """Coverage of one measure for one area, against the target that applies to it."""
    change = t("health.card.change", lang, change=signed(row[f"{measure}_change"], lang))
    lines = [*_goal_lines(row, measure, lang), change, _progress_line(row, measure, lang)]
    body = [
        html.Div(t(f"health.card.{measure}", lang), className="health-card-label"),
        html.Div(fmt_percent(row[f"{measure}_pct"], lang), className="health-card-value"),
        status_badge(row.get(f"{measure}_status", "no_data"), lang),
        *[html.Div(line, className="health-card-line") for line in lines if line],
    ]
    return dmc.Paper(body, withBorder=True, p="sm", className=f"health-card health-card-{measure}")


def without_card(row: dict, expected: int | None, lang: str) -> dmc.Paper:
    """People still without a record: a number of people, its share and how many communes reported."""
    share = fmt_percent(100 * row["without_record"] / row["population"] if row["population"] else None, lang)
    lines = [
        t("health.card.without_detail", lang, share=share, population=fmt_number(row["population"], lang))
    ]
    if expected:
        lines.append(
            t(
                "health.card.reporting",
                lang,
                n=fmt_number(row["communes"], lang),
                total=fmt_number(expected, lang),
            )
        )
    body = [
        html.Div(t("health.card.without", lang), className="health-card-label"),
        html.Div(
            t("health.card.people", lang, n=fmt_number(row["without_record"], lang)),
            className="health-card-value",
        ),
        *[html.Div(line, className="health-card-line") for line in lines],
    ]
    return dmc.Paper(body, withBorder=True, p="sm", className="health-card health-card-without")


def kpi_group(title: str, row: dict, expected: int | None, lang: str) -> html.Section:
    """One area's three cards under its name."""
    cards = [measure_card(row, m, lang) for m in MEASURES] + [without_card(row, expected, lang)]
    return html.Section(
        [html.H3(title, className="health-group-title"), html.Div(cards, className="health-cards")],
        className="health-group",
    )


def _no_report(title: str, lang: str) -> html.Section:
    return html.Section(
        [
            html.H3(title, className="health-group-title"),
            html.P(t("health.tip.no_data", lang), className="health-empty"),
        ],
        className="health-group",
    )


def empty(lang: str) -> list:
    """What the KPI and check sections show for a month without figures."""
    return [html.P(t("health.empty_month", lang), className="health-empty")]


def kpis(groups: list[tuple[str, dict | None, int | None]], month: object, lang: str) -> list:
    """The month's line, then one group per area (province, then district and commune if chosen) as
    ``(title, row, communes expected)``; an empty state when the province has no figures that month."""
    if not groups or groups[0][1] is None:
        return empty(lang)
    head = html.P(t("health.kpi_hint", lang, month=month_text(month, lang)), className="section-hint")
    return [head] + [
        kpi_group(title, row, expected, lang) if row is not None else _no_report(title, lang)
        for title, row, expected in groups
    ]


# --- data checks ---------------------------------------------------------------------------------------


def _check(count: int, text: str, *extra: object) -> html.Li:
    icon = "✓" if count == 0 else "⚠"
    tone = "status-ok" if count == 0 else "status-warn"
    return html.Li(
        [html.Span(icon, className=f"health-check-icon {tone}"), html.Span(text), *extra],
        className="health-check",
    )


def _names(missing: pd.DataFrame, lang: str) -> list:
    column = "name_vi" if lang == "vi" else "name_ascii"
    names = [str(n) if isinstance(n, str) else str(c) for n, c in zip(missing[column], missing["code"])]
    if not names:
        return []
    more = "…" if len(names) > NAMES_SHOWN else ""
    return [html.Span(f": {', '.join(names[:NAMES_SHOWN])}{more}", className="health-check-names")]


def _count(row: dict | None, column: str) -> int:
    value = (row or {}).get(column)
    return 0 if is_missing(value) else int(value)


def checks(
    communes: pd.DataFrame, area: dict | None, rejected: pd.DataFrame, month: object, lang: str
) -> html.Ul:
    """Communes with no report, rows of the area loaded despite failing a check, and rows the ETL left
    out, with a link to the data-quality page filtered on the health source."""
    missing = communes[~communes["reported"].astype(bool)] if not communes.empty else communes
    by_rule = dict(zip(rejected.get("rule", []), rejected.get("rows", [])))
    left_out = int(sum(by_rule.values()))
    complete, over = _count(area, "complete_gt_created"), _count(area, "created_gt_population")
    rules = t(
        "health.check.rejected_rules",
        lang,
        complete=fmt_number(by_rule.get("complete_gt_created", 0), lang),
        over=fmt_number(by_rule.get("created_gt_population", 0), lang),
    )
    link = dcc.Link(
        t("health.check.rejected_link", lang),
        href=href("/data", lang, source="health"),
        className="health-link",
    )
    month_label = month_text(month, lang)
    return html.Ul(
        [
            _check(
                len(missing),
                t("health.check.missing", lang, month=month_label, n=fmt_number(len(missing), lang)),
                *_names(missing, lang),
            ),
            _check(complete, t("health.check.complete_gt_created", lang, n=fmt_number(complete, lang))),
            _check(over, t("health.check.over_100", lang, n=fmt_number(over, lang))),
            _check(
                left_out,
                t("health.check.rejected", lang, n=fmt_number(left_out, lang)),
                html.Span(f" ({rules}) " if left_out else " ", className="health-check-names"),
                link,
            ),
        ],
        className="health-checks",
    )
