"""The city's report messages: its totals, the kecamatan ranked, help and refusals.

The figures are worded as in each office's own reports (the same catalog lines, the same
score), so a Camat and the Inspektorat read the same numbers the same way.
"""

from __future__ import annotations

from bot.city.config import City
from bot.city.reports import CityReport, OfficeFigures
from bot.core import formatting
from bot.core.catalog import Markup, join, t
from bot.reports.render import ReportRenderer, period_label
from bot.reports.rules import SCORE_WEIGHTS, hours
from bot.reports.summary import Figures
from bot.survey.report_sections import PeriodIkm, render_ikm


def codes(city: City) -> str:
    return ", ".join(o.code for o in city.offices)


def help_text(city: City, language: str) -> Markup:
    return t(language, "city.help", city=city.info.name, count=len(city.offices), codes=codes(city))


def _score(language: str, value: float | None) -> str:
    return "—" if value is None else formatting.number(language, value, 0)


def _hours(language: str, seconds: int | None) -> str:
    value = hours(seconds)
    if value is None:
        return "—"
    return str(t(language, "trend.hours", value=formatting.number(language, value, 1)))


def _ikm(language: str, office: OfficeFigures) -> str:
    found = office.ikm
    if found is None or found.converted is None:
        return "—"
    return formatting.number(language, float(found.converted), 2)


def summary(city: City, renderer: ReportRenderer, report: CityReport, language: str) -> Markup:
    """/ringkasan: the city's totals against the previous period, its IKM, then the
    kecamatan ranked (one line each)."""
    period = period_label(language, report.period)
    lines: list[str] = [
        t(language, "city.title", city=city.info.name, period=period),
        t(language, "city.offices", count=len(report.offices)),
        "",
        *renderer.figures_lines(language, report.figures, Figures(report.previous), times=False),
    ]
    ikm = report.ikm
    if ikm is not None:
        lines.append(render_ikm(language, PeriodIkm(ikm, report.previous_ikm, None)))
    lines.append(
        t(language, "summary.overdue", count=report.late_now)
        if report.late_now
        else t(language, "summary.no_overdue")
    )
    lines += ["", t(language, "city.ranking_title", period=period)]
    for position, office in enumerate(report.offices, start=1):
        lines.append(
            t(
                language,
                "city.ranking_short",
                position=position,
                office=office.name,
                score=_score(language, office.score),
                received=office.current.tally.received,
                late=office.late_now,
            )
        )
    lines += _unreadable(language, report)
    lines += [
        "",
        t(language, "summary.compared", previous=period_label(language, report.period.previous())),
        t(language, "city.more"),
    ]
    return join(lines)


def ranking(city: City, report: CityReport, language: str) -> Markup:
    """/kinerja: every kecamatan's figures, best first, and how the score is made."""
    lines: list[str] = [
        t(language, "city.ranking_title", period=period_label(language, report.period)),
        "",
    ]
    for position, office in enumerate(report.offices, start=1):
        figures = office.current
        lines.append(
            t(
                language,
                "city.ranking_line",
                position=position,
                office=office.name,
                code=office.code,
                score=_score(language, office.score),
                received=figures.tally.received,
                ack=formatting.percent(language, figures.ack_share),
                share=formatting.percent(language, figures.resolve_share),
                median=_hours(language, figures.resolve_median),
                reopen=formatting.percent(language, figures.reopen_rate),
                rating="—"
                if figures.rating is None
                else formatting.number(language, figures.rating, 1),
                ikm=_ikm(language, office),
                late=office.late_now,
                open=office.open_now,
            )
        )
    lines += _unreadable(language, report)
    lines += [
        "",
        t(
            language,
            "city.ranking_footer",
            codes=codes(city),
            **{f"w_{name}": weight for name, weight in SCORE_WEIGHTS.items()},
        ),
    ]
    return join(lines)


def _unreadable(language: str, report: CityReport) -> list[str]:
    if not report.unreadable:
        return []
    return ["", t(language, "city.unreadable", codes=", ".join(report.unreadable))]
