"""Turning report results into what is sent: catalog text with the sections other
features add, the overdue button, and the chart PNG (drawn in a worker thread)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from telegram import InlineKeyboardMarkup

from bot.core.catalog import Markup, t
from bot.core.periods import Period
from bot.reports import worker as report_worker
from bot.reports.charts import render_weekly
from bot.reports.render import ReportRenderer, period_label, plain
from bot.reports.sections import (
    RANKING,
    SCORECARD,
    SUMMARY,
    RankingContext,
    SectionContext,
    render_columns,
    render_sections,
)
from bot.reports.summary import Chart, Ranking, Summary

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


def renderer(runtime: Runtime) -> ReportRenderer:
    return ReportRenderer(runtime.office, runtime.calendar)


async def summary_message(
    runtime: Runtime, summary: Summary, language: str, *, digest: bool = False
) -> tuple[Markup, InlineKeyboardMarkup | None]:
    context = SectionContext(runtime, summary.period, summary.unit_code, language)
    sections = await render_sections(runtime.extensions[SUMMARY], context)
    if summary.unit_code is not None:
        sections += await render_sections(runtime.extensions[SCORECARD], context)
    draw = renderer(runtime)
    text = draw.summary(language, summary, sections, digest=digest)
    return text, draw.overdue_keyboard(language, summary.overdue, summary.unit_code)


async def ranking_message(runtime: Runtime, ranking: Ranking, language: str) -> Markup:
    """The ranking of all units, with the items other features add per unit."""
    context = RankingContext(
        runtime, ranking.period, [s.unit_code for s in ranking.standings], language
    )
    extras = await render_columns(runtime.extensions[RANKING], context)
    return renderer(runtime).ranking(language, ranking, extras)


def chart_caption(language: str, period: Period) -> Markup:
    return t(language, "chart.caption", period=period_label(language, period))


async def chart_png(runtime: Runtime, chart: Chart, language: str, period: Period) -> bytes:
    """The weekly chart as PNG, drawn off the event loop so the bot keeps answering."""
    subtitle = plain(period_label(language, period))
    drawing = renderer(runtime).chart(language, chart, subtitle[:1].upper() + subtitle[1:])
    return await report_worker.run_heavy(render_weekly, drawing)
