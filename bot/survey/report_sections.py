"""The satisfaction survey (SKM) in the supervisor reports.

- ``/ringkasan``, the weekly digest and ``/kinerja`` (office-wide or one unit): the IKM of
  the period with its mutu, the respondents and the change against the previous period of
  the same length; silent when nobody answered in the period.
- ``/kinerja <unit>``: the unit's weakest unsur (lowest NRR, "prioritas perbaikan").
- The ranking of all units: the IKM of each unit that had respondents.

The index comes from :func:`bot.services.ikm_reports.ikm_for` (sums per unsur in SQL) with
the office file's weighting; the minimum sample from the services' yearly population in
the office file, pro-rated to the period (as ``/ikm`` does).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core import formatting
from bot.core.catalog import Markup, join, t
from bot.core.periods import Period
from bot.reports.rules import Trend, instants, trend
from bot.reports.sections import (
    RankingContext,
    SectionContext,
)
from bot.survey.ikm import Scope, ikm_for, office_population, weakest_unsur
from bot.survey.ikm_rules import IkmResult, UnsurResult

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

WEAKEST_SHOWN = 3  # tied unsur named at most; the rest are counted


async def period_ikm(runtime: Runtime, period: Period, unit_code: str | None) -> IkmResult | None:
    """The IKM of the responses submitted in the period (None: nobody answered)."""
    start, end = instants(period, runtime.settings.zone)
    return await ikm_for(
        runtime.db, start, end, unit_code=unit_code, weighting=runtime.office.survey.weight
    )


def trend_text(language: str, change: Trend | None, amount: str) -> Markup:
    """ " (▲ 1,23)" like the complaint figures; empty without a previous value."""
    if change is None:
        return Markup("")
    if change.direction == "same":
        return t(language, "trend.same")
    return t(language, f"trend.{change.direction}", difference=amount)


def converted(result: IkmResult | None) -> float | None:
    return None if result is None or result.converted is None else float(result.converted)


@dataclass(frozen=True)
class PeriodIkm:
    current: IkmResult
    previous: IkmResult | None
    minimum_sample: int | None  # None: the population of the scope is not configured


async def compare(runtime: Runtime, period: Period, unit_code: str | None) -> PeriodIkm | None:
    current = await period_ikm(runtime, period, unit_code)
    if current is None:
        return None
    previous = await period_ikm(runtime, period.previous(), unit_code)
    population = office_population(runtime.office, Scope(None, unit_code), period)
    return PeriodIkm(current, previous, population.minimum_sample if population else None)


def render_ikm(language: str, found: PeriodIkm) -> Markup:
    current, previous = found.current, found.previous
    respondents = formatting.integer(language, current.respondents)
    count_change = trend(current.respondents, previous.respondents if previous else 0)
    respondents_trend = trend_text(
        language,
        count_change,
        formatting.integer(language, round(count_change.difference)) if count_change else "",
    )
    sample = Markup("")
    if found.minimum_sample is not None and current.respondents < found.minimum_sample:
        sample = t(
            language, "rsec.ikm_sample", minimum=formatting.integer(language, found.minimum_sample)
        )
    if current.converted is None or current.grade is None:
        return t(
            language,
            "rsec.ikm_incomplete",
            respondents=respondents,
            respondents_trend=respondents_trend,
            sample=sample,
        )
    change = trend(converted(current), converted(previous))
    return t(
        language,
        "rsec.ikm",
        converted=formatting.number(language, float(current.converted), 2),
        trend=trend_text(
            language, change, formatting.number(language, change.difference, 2) if change else ""
        ),
        mutu=current.grade.mutu,
        kinerja=t(language, f"ikm.kinerja.{current.grade.kinerja}"),
        respondents=respondents,
        respondents_trend=respondents_trend,
        sample=sample,
    )


async def ikm_section(context: SectionContext) -> Markup | None:
    """Summary section: the IKM of the period (office-wide or the unit's services)."""
    found = await compare(context.runtime, context.period, context.unit_code)
    return None if found is None else render_ikm(context.language, found)


def lowest(result: IkmResult) -> list[UnsurResult]:
    """Every unsur at the lowest NRR (ties named together, in key order)."""
    ranked = weakest_unsur(result, len(result.unsur))
    return [u for u in ranked if ranked and u.nrr == ranked[0].nrr]


def render_weakest(language: str, result: IkmResult) -> Markup | None:
    tied = lowest(result)
    if not tied:
        return None
    names = join(
        (
            t(language, "rsec.weakest_item", key=u.key, name=t(language, f"skm.{u.key}.name"))
            for u in tied[:WEAKEST_SHOWN]
        ),
        ", ",
    )
    if len(tied) > WEAKEST_SHOWN:
        names = t(language, "rsec.weakest_more", names=names, count=len(tied) - WEAKEST_SHOWN)
    first = tied[0]
    grade = first.grade
    return t(
        language,
        "rsec.weakest",
        names=names,
        nrr=formatting.number(language, float(first.nrr or 0), 2),
        mutu=grade.mutu if grade else "—",
    )


async def weakest_section(context: SectionContext) -> Markup | None:
    """Scorecard section: the unit's weakest SKM unsur in the period."""
    if context.unit_code is None:
        return None
    result = await period_ikm(context.runtime, context.period, context.unit_code)
    return None if result is None else render_weakest(context.language, result)


async def ikm_column(context: RankingContext) -> dict[str, Markup]:
    """Ranking column: the IKM of each unit whose services had respondents."""
    items = {}
    for code in context.unit_codes:
        result = await period_ikm(context.runtime, context.period, code)
        if result is not None and result.converted is not None and result.grade is not None:
            items[code] = t(
                context.language,
                "ranking.ikm",
                mutu=result.grade.mutu,
                converted=formatting.number(context.language, float(result.converted), 2),
            )
    return items
