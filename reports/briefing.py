"""The monthly A4 briefing: which month and area a link asks for, what the briefing says about them, and
the PDF (Jinja2 template → WeasyPrint, charts as PNG from ``reports.charts``).

Everything it says comes from the pages' own queries and wording: the overview's board (KPIs against
targets, status, legal source, the needs-attention list, its 13-month history for the feedback chart),
the health page's coverage, the traffic page's corridor ranking, and ``queries.meta`` for freshness.
Estimates keep the overview's labels: an illustrative target and a population-based indicator are tagged.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
from jinja2 import Environment, FileSystemLoader, select_autoescape

import config
from callbacks import figures, figures_health, figures_traffic_bars, overview_view
from callbacks.format_overview import change, period_label, status_text, target_text, tone, value_text
from i18n import LANGS, fmt_date, fmt_datetime, fmt_percent, is_missing, t
from queries import health, indicators, kpi, kpi_board, kpi_periods, meta, traffic
from queries.db import warehouse_version
from queries.kpi_periods import Period
from reports import charts

PROVINCE = "province"
HERE = Path(__file__).resolve().parent
STYLESHEET = HERE / "briefing.css"
DOMAINS = ("feedback", "health", "schools", "traffic", "other")
#: Months in the feedback chart, ending with the briefing's month.
TREND_MONTHS = 12
_templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))


class BriefingError(ValueError):
    """A link the briefing cannot answer; the message is the one-line reason shown to the reader."""

    def __init__(self, reason: str, status: int = 400):
        super().__init__(reason)
        self.status = status


@dataclass(frozen=True)
class Request:
    """One briefing: a month, the province (``district`` None) or one district, a language."""

    period: Period
    district: str | None
    lang: str

    @property
    def filename(self) -> str:
        return f"ban-tin-{self.period.key}-{self.district or PROVINCE}.pdf"


@dataclass
class Chart:
    key: str
    title: str
    caption: str
    figure: go.Figure | dict  # a plain figure from the page builders (figures.plain)
    table: dict | None = None  # {"columns": [...], "rows": [{"cells": [...], "tone": ...}]} printed below
    image: str = field(default="", repr=False)  # data: URI of the PNG, filled by ``html``


def month_range() -> tuple[Period, Period] | None:
    """(first, latest complete) month with data, or None without any complete month."""
    first, last = overview_view.data_range(kpi.data_dates())
    if first is None or last is None:
        return None
    latest = kpi_periods.latest_complete("month", last)
    earliest = kpi_periods.containing("month", first)
    return (earliest, latest) if latest >= earliest else None


def resolve(month: str | None, area: str | None, lang: str | None) -> Request:
    """The briefing a link asks for; BriefingError (400, or 404 without data) says what is wrong."""
    if lang is None:
        lang = config.DEFAULT_LANG
    elif lang not in LANGS:
        raise BriefingError(t("briefing.error.lang", config.DEFAULT_LANG))
    span = month_range()
    if span is None:
        raise BriefingError(t("briefing.error.no_data", lang), status=404)
    period = span[1] if month is None else kpi_periods.parse("month", month)
    if period is None:
        raise BriefingError(t("briefing.error.month_format", lang, month=month))
    if not span[0] <= period <= span[1]:
        raise BriefingError(
            t("briefing.error.month_range", lang, month=period.key, first=span[0].key, last=span[1].key)
        )
    districts = overview_view.district_names(kpi.areas())
    if area not in (None, PROVINCE, *districts):
        raise BriefingError(t("briefing.error.area", lang, area=area, codes=", ".join(sorted(districts))))
    return Request(period, None if area in (None, PROVINCE) else area, lang)


# --- what the briefing says -------------------------------------------------------------------------


def _source(row: dict, district: str | None, lang: str) -> str:
    """Where the target comes from: legal source (or the catalogue default), due date, inherited."""
    parts = []
    if row.get("legal_source"):
        parts.append(row["legal_source"])
    elif row.get("target_basis") == "default":
        parts.append(t("overview.target_default", lang))
    if not is_missing(row.get("due_date")):
        parts.append(t("briefing.due", lang, date=fmt_date(row["due_date"], lang)))
    if district and row.get("target_basis") == "province":
        parts.append(t("overview.target_province", lang))
    return " · ".join(parts) or "–"


def _tags(entry: indicators.Indicator, row: dict, lang: str) -> list[str]:
    tags = []
    if row.get("target_estimate"):
        tags.append(t("overview.estimate_target", lang))
    elif row.get("target_basis") == "default":
        tags.append(t("overview.default_tag", lang))
    if entry.population_based:
        tags.append(t("overview.population_estimate", lang))
    return tags


def kpi_groups(board: pd.DataFrame, area_code: str, district: str | None, lang: str) -> list[dict]:
    """The area's indicators by domain: name, value, target, status word and tone, change, source, tags."""
    by_id = {r["indicator_id"]: r for r in board[board["area_code"] == area_code].to_dict("records")}
    groups = []
    for domain in DOMAINS:
        rows = []
        for entry in (e for e in indicators.all_indicators() if e.domain == domain and e.id in by_id):
            row = by_id[entry.id]
            moved, direction = change(entry, row["value"], row["previous"], lang)
            rows.append({
                "name": t(entry.name_key, lang),
                "value": value_text(entry, row["value"], lang),
                "target": target_text(entry, row, lang),
                "status": status_text(row["status"], lang),
                "tone": tone(row["status"]),
                "change": moved,
                "change_tone": direction,
                "source": _source(row, district, lang),
                "tags": _tags(entry, row, lang),
            })
        if rows:
            groups.append({"title": t(f"indicator.domain.{domain}", lang), "rows": rows})
    return groups


def attention(board: pd.DataFrame, names: dict[str, str], district: str | None, lang: str) -> list[dict]:
    """The overview's needs-attention list: off target then at risk, worst first."""
    items = []
    for row in kpi_board.needs_attention(board, district).to_dict("records"):
        entry = indicators.get(row["indicator_id"])
        items.append({
            "status": status_text(row["status"], lang),
            "tone": tone(row["status"]),
            "title": t("overview.attention_item", lang, name=t(entry.name_key, lang), area=names[row["area_code"]]),
            "figures": f"{value_text(entry, row['value'], lang)} · "
            + t("overview.target", lang, value=target_text(entry, row, lang)),
        })
    return items


def feedback_months(history: pd.DataFrame, area_code: str, period: Period) -> pd.DataFrame:
    """``month, received, on_time_pct`` of the area over the ``TREND_MONTHS`` months ending with ``period``."""
    first = pd.Timestamp(period.shift(1 - TREND_MONTHS).start)
    ids = ("feedback_received", "feedback_on_time_pct")
    keep = (history["area_code"] == area_code) & history["indicator_id"].isin(ids)
    rows = history[keep & (history["period_start"] >= first) & (history["period_start"] <= pd.Timestamp(period.start))]
    wide = rows.pivot_table(index="period_start", columns="indicator_id", values="value", aggfunc="first")
    wide = wide.reindex(columns=list(ids))
    return pd.DataFrame({
        "month": wide.index, "received": wide["feedback_received"].to_numpy(),
        "on_time_pct": wide["feedback_on_time_pct"].to_numpy(),
    })


def _feedback_chart(history: pd.DataFrame, board: pd.DataFrame, area_code: str, req: Request) -> Chart:
    target = board.loc[
        (board["area_code"] == area_code) & (board["indicator_id"] == "feedback_on_time_pct"), "target"
    ]
    value = None if target.empty or is_missing(target.iloc[0]) else float(target.iloc[0])
    figure = charts.feedback_trend(feedback_months(history, area_code, req.period), value, req.lang)
    return Chart("feedback", t("briefing.feedback", req.lang), t("briefing.feedback.caption", req.lang), figure)


def coverage_table(districts: pd.DataFrame, lang: str) -> dict:
    """Every district's created and complete coverage and the health page's status of the first."""
    columns = [t(k, lang) for k in ("overview.col.district", "health.measure.created", "health.measure.complete",
                                    "briefing.col.health_status")]
    rows = [
        {"cells": [name, fmt_percent(created, lang), fmt_percent(complete, lang), status_text(state, lang)],
         "tone": tone(state)}
        for name, created, complete, state in zip(
            districts["name_vi"], districts["created_pct"], districts["complete_pct"], districts["created_status"]
        )
    ]
    return {"columns": columns, "rows": rows}


def _health_chart(req: Request) -> Chart:
    lang, rows = req.lang, health.coverage(req.period.start)
    province = rows[rows["level"] == "province"]
    goal = province.iloc[0].to_dict() if not province.empty else {}
    month = figures_health.month_text(req.period.start, lang)
    districts = rows[rows["level"] == "district"].sort_values("code")
    reported = districts[districts["reported"].astype(bool)]
    values = dict(zip(reported["code"], reported["created_pct"]))
    if is_missing(goal.get("created_target")):
        caption, figure = t("briefing.health.no_target", lang, month=month), figures.empty(lang)
    else:
        target = float(goal["created_target"])
        caption = t(
            "briefing.health.caption", lang, month=month, target=fmt_percent(target, lang, 0),
            source=goal.get("created_basis") or "–",
        )
        figure = charts.coverage_map(health.area_shapes("district"), values, target, req.district, lang)
    return Chart("health", t("briefing.health", lang), caption, figure, coverage_table(districts, lang))


def _traffic_chart(req: Request) -> Chart:
    period = req.period
    ranking = traffic.corridor_ranking(traffic.TrafficFilter(period.start, period.last_day, district=req.district))
    figure = figures_traffic_bars.rank_congestion(ranking, [], req.lang)
    return Chart("traffic", t("briefing.traffic", req.lang), t("briefing.traffic.caption", req.lang), figure)


def _freshness(lang: str) -> str:
    loaded = meta.last_load()
    parts = [t("briefing.data_up_to", lang, date=fmt_date(meta.data_up_to(), lang))]
    if loaded is not None:
        parts.append(t("briefing.last_load", lang, when=fmt_datetime(loaded, lang)))
    parts.append(t("briefing.generated", lang, when=fmt_datetime(datetime.now(), lang)))
    return " · ".join(parts)


def content(req: Request) -> dict:
    """Everything the template shows, as text already written in the request's language, and the charts."""
    lang, areas = req.lang, kpi.areas()
    province = areas[areas["level"] == "province"].iloc[0]
    names = overview_view.district_names(areas)
    area_code = req.district or str(province["code"])
    area_name = names[req.district] if req.district else t("briefing.province", lang, name=province["name_vi"])
    history = kpi_board.history(req.period)
    board = kpi_board.board(req.period)
    period = period_label(req.period, lang)
    return {
        "lang": lang,
        "title": f"{period} · {area_name}",
        "kpis": kpi_groups(board, area_code, req.district, lang),
        "attention": attention(board, {**names, area_code: area_name}, req.district, lang),
        "charts": [
            _feedback_chart(history, board, area_code, req), _traffic_chart(req), _health_chart(req)
        ],
        "freshness": _freshness(lang),
        "demo": meta.is_demo(),
    }


# --- the PDF ----------------------------------------------------------------------------------------


def data_uri(image: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(image).decode("ascii")


def html(data: dict) -> str:
    """The briefing as HTML, charts rendered to PNG (unless already) and embedded, so WeasyPrint fetches
    nothing."""
    for chart in data["charts"]:
        chart.image = chart.image or data_uri(charts.png(chart.figure))
    return _templates.get_template("briefing.html").render(t=lambda key, **kw: t(key, data["lang"], **kw), **data)


def to_pdf(page: str) -> bytes:
    """A4 PDF bytes of the briefing's HTML."""
    from weasyprint import CSS, HTML  # imported on first use: ~1.5 s that app start-up need not pay

    return HTML(string=page, base_url=str(HERE)).write_pdf(stylesheets=[CSS(filename=str(STYLESHEET))])


def pdf(req: Request) -> bytes:
    """The briefing as A4 PDF bytes; the same briefing of the same warehouse file is built once."""
    return _pdf_of(req, warehouse_version())


@lru_cache(maxsize=16)
def _pdf_of(req: Request, version: tuple) -> bytes:
    # ``version`` (the warehouse file's identity) is part of the key: a new load builds a new briefing.
    return to_pdf(html(content(req)))
