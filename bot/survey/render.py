"""How the /ikm report reads: one line per unsur rather than a wide table, so it stays
readable on a phone; numbers in the reader's format (91,48 / 91.48)."""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction

from bot.core import formatting
from bot.core.catalog import Markup, join, t
from bot.core.office import Office
from bot.core.periods import Period
from bot.survey.ikm import IkmReport, Scope
from bot.survey.ikm_rules import Grade, IkmResult, weakest_unsur


def plain_date(language: str, value: date) -> str:
    return f"{value.day} {formatting.MONTHS[language][value.month - 1]} {value.year}"


def period_label(language: str, period: Period) -> str:
    if period.label.startswith("month:"):
        return str(
            t(
                language,
                "ikm.period.month",
                year=period.start.year,
                month=formatting.MONTHS[language][period.start.month - 1],
            )
        )
    if period.label.startswith("year:"):
        return str(t(language, "ikm.period.year", year=period.start.year))
    last = period.end - timedelta(days=1)
    return str(
        t(
            language,
            "ikm.period.range",
            first=plain_date(language, period.start),
            last=plain_date(language, last),
        )
    )


def scope_label(language: str, office: Office, scope: Scope) -> str:
    if scope.service is not None:
        return scope.service.label(language)
    if scope.unit_code is not None:
        unit = office.unit(scope.unit_code)
        return str(t(language, "ikm.scope.unit", unit=unit.label(language) if unit else ""))
    return str(t(language, "ikm.scope.office"))


def _number(language: str, value: Fraction | float, decimals: int) -> str:
    return formatting.number(language, float(value), decimals)


def _grade(language: str, grade: Grade | None) -> str:
    if grade is None:
        return "—"
    return str(
        t(
            language,
            "ikm.mutu",
            mutu=grade.mutu,
            kinerja=t(language, f"ikm.kinerja.{grade.kinerja}"),
        )
    )


def unsur_lines(language: str, result: IkmResult) -> Markup:
    lines = []
    for unsur in result.unsur:
        name = t(language, f"skm.{unsur.key}.name")
        if unsur.nrr is None or unsur.weighted is None:
            lines.append(t(language, "ikm.line_empty", key=unsur.key, name=name))
            continue
        lines.append(
            t(
                language,
                "ikm.line",
                key=unsur.key,
                name=name,
                nrr=_number(language, unsur.nrr, 2),
                weighted=_number(language, unsur.weighted, 3),
                mutu=_grade(language, unsur.grade),
            )
        )
    return join(lines)


def _sample(language: str, report: IkmReport, respondents: int) -> Markup:
    """One plain sentence: how many respondents a representative result needs, and how
    many there are."""
    population = report.population
    count = formatting.integer(language, respondents)
    if population is None:
        return t(language, "ikm.sample_unknown", respondents=count)
    key = "ikm.sample_short" if report.below_sample else "ikm.sample_met"
    return t(
        language,
        key,
        respondents=count,
        minimum=formatting.integer(language, population.minimum_sample),
    )


def _sample_basis(language: str, report: IkmReport) -> Markup:
    """The footnote: where the number needed comes from (for whoever checks it)."""
    population = report.population
    if population is None:
        return Markup("")
    size = formatting.integer(language, population.size)
    if population.yearly is not None:
        return t(
            language,
            "ikm.basis_office",
            population=size,
            yearly=formatting.integer(language, population.yearly),
        )
    return t(language, "ikm.basis_given", population=size)


def _weakest(language: str, result: IkmResult) -> Markup:
    return join(
        t(
            language,
            "ikm.weak_line",
            rank=rank,
            key=unsur.key,
            name=t(language, f"skm.{unsur.key}.name"),
            nrr=_number(language, unsur.nrr or 0, 2),
        )
        for rank, unsur in enumerate(weakest_unsur(result), start=1)
    )


def render(language: str, office: Office, report: IkmReport) -> Markup:
    scope = scope_label(language, office, report.scope)
    period = period_label(language, report.period)
    result = report.result
    if result is None:
        return t(language, "ikm.empty", scope=scope, period=period)
    if result.ikm is None or result.converted is None:
        missing = ", ".join(u.key for u in result.unsur if u.nrr is None)
        return t(
            language,
            "ikm.incomplete",
            scope=scope,
            period=period,
            lines=unsur_lines(language, result),
            respondents=result.respondents,
            keys=missing,
        )
    grade = result.grade
    return t(
        language,
        "ikm.report",
        scope=scope,
        period=period,
        lines=unsur_lines(language, result),
        ikm=_number(language, result.ikm, 3),
        converted=formatting.number(language, float(result.converted), 2),
        mutu=grade.mutu if grade else "—",
        kinerja=t(language, f"ikm.kinerja.{grade.kinerja}") if grade else "—",
        sample=_sample(language, report, result.respondents),
        sample_basis=_sample_basis(language, report),
        weakest=_weakest(language, result),
        weight_note=t(language, "ikm.weight_rounded") if result.weighting == "rounded" else "",
    )
