"""The published figures of a period, read from the database with the small-number rule
applied (:mod:`bot.transparency.rules`): complaints per unit, the month's IKM per service
with its weakest unsur and the office's follow-up, and twelve months of both.

No rights check here: everything computed is meant for the public. Nothing personal is
read: counts, working times, survey sums and the texts the office wrote for the public.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from bot.core.office import Service
from bot.core.periods import Period, month_period
from bot.reports.rules import instants
from bot.survey.digest import compute as compute_ikm
from bot.survey.ikm_rules import Grade, IkmResult, UnsurResult, weakest_unsur
from bot.transparency.rules import (
    Change,
    Counts,
    Published,
    change,
    index_shown,
    publishable,
)
from storage.transparency import figures, followups
from storage.transparency.followups import FollowUp

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

TREND_MONTHS = 12


@dataclass(frozen=True)
class UnitFigures:
    unit_code: str
    figures: Published


@dataclass(frozen=True)
class PeriodFigures:
    period: Period
    office: Published
    units: list[UnitFigures]  # every unit of the office file, in its order
    change: Change | None  # office-wide, against the period before


def _counts(found: figures.Activity | None) -> Counts:
    if found is None:
        return Counts()
    return Counts(
        found.received,
        found.acknowledged,
        found.ack_on_time,
        found.resolved,
        found.resolve_known,
        found.resolve_on_time,
    )


async def _published(runtime: Runtime, period: Period) -> tuple[Published, list[UnitFigures]]:
    start, end = instants(period, runtime.settings.zone)
    async with runtime.db.snapshot() as db:  # long reads: off the event loop, one view
        activity = await figures.activity(db, start, end)
        times = await figures.resolve_times(db, start, end)
    minimum = runtime.office.publication.min_count
    codes = [u.code for u in runtime.office.units]
    codes += [code for code in activity if code not in codes]  # units no longer configured
    units = [
        UnitFigures(code, publishable(_counts(activity.get(code)), times.get(code, []), minimum))
        for code in codes
    ]
    total = sum((_counts(a) for a in activity.values()), Counts())
    everything = sorted(t for values in times.values() for t in values)
    return publishable(total, everything, minimum), units


async def period_figures(
    runtime: Runtime, period: Period, *, compare: bool = True
) -> PeriodFigures:
    office, units = await _published(runtime, period)
    difference = None
    if compare:
        previous, _ = await _published(runtime, period.previous())
        difference = change(office, previous)
    return PeriodFigures(period, office, units, difference)


def last_months(today: date, count: int = TREND_MONTHS) -> list[Period]:
    """The ``count`` whole months before the month of ``today``, oldest first."""
    months = []
    first = today.replace(day=1)
    for _ in range(count):
        first = (first - timedelta(days=1)).replace(day=1)
        months.append(month_period(first.year, first.month))
    return months[::-1]


async def trend(runtime: Runtime, months: list[Period]) -> list[PeriodFigures]:
    return [await period_figures(runtime, month, compare=False) for month in months]


# --- the IKM --------------------------------------------------------------------------------


@dataclass(frozen=True)
class ServiceIndex:
    service: Service
    respondents: int
    minimum_sample: int | None
    shown: bool  # enough respondents to publish the index
    converted: Decimal | None
    grade: Grade | None
    weakest: UnsurResult | None
    followup: FollowUp | None


@dataclass(frozen=True)
class IkmMonth:
    period: Period
    services: list[ServiceIndex]  # in the office file's order
    respondents: int
    converted: Decimal | None  # office-wide, when shown
    grade: Grade | None


def _service_index(
    service: Service,
    result: IkmResult | None,
    minimum_sample: int | None,
    minimum: int,
    followup: FollowUp | None,
) -> ServiceIndex:
    respondents = result.respondents if result else 0
    shown = result is not None and index_shown(respondents, minimum)
    weakest = weakest_unsur(result, 1) if shown and result is not None else []
    return ServiceIndex(
        service,
        respondents,
        minimum_sample,
        shown,
        result.converted if shown and result else None,
        result.grade if shown and result else None,
        weakest[0] if weakest else None,
        followup,
    )


async def ikm_month(
    runtime: Runtime, period: Period, *, followups_until: int | None = None
) -> IkmMonth:
    """The month's IKM per service, with the last follow-up recorded by ``followups_until``
    (None: no follow-ups, e.g. for the history)."""
    found = await compute_ikm(runtime, period)
    minimum = runtime.office.publication.min_count
    latest = {} if followups_until is None else await followups.latest(runtime.db, followups_until)
    services = [
        _service_index(
            item.service, item.result, item.minimum_sample, minimum, latest.get(item.service.code)
        )
        for item in found.services
    ]
    office = found.office
    respondents = office.respondents if office else 0
    shown = office is not None and index_shown(respondents, minimum)
    return IkmMonth(
        period,
        services,
        respondents,
        office.converted if shown and office else None,
        office.grade if shown and office else None,
    )


async def ikm_history(runtime: Runtime, months: list[Period]) -> list[IkmMonth]:
    return [await ikm_month(runtime, month) for month in months]
