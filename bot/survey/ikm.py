"""The IKM for a period: read functions for reports, and the /ikm report with its scope
rules and minimum sample.

Read functions (for any report, e.g. a weekly digest):

- :func:`ikm_for` — the index for ``[start, end)`` (Unix seconds), optionally one service
  or one unit; ``None`` when nobody answered.
- :func:`ikm_per_service` — the same for every service with responses, in two queries.
- :func:`weakest_unsur` — the lowest NRR first ("prioritas perbaikan").

The sums run in SQL (``storage.surveys.aggregate``); :mod:`bot.ikm` turns them into the
index. Population for the minimum sample: the ``population`` of the services in scope from
the office file (service users per year) pro-rated to the period's days, unless the
command gives one (``populasi=N``), which is taken as the period's population as is.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

from bot.core.errors import NotAllowed, NotFound
from bot.core.office import Office, Service
from bot.core.periods import Period, PeriodError, parse_period
from bot.people.directory import Actor
from bot.people.roles import Permission, Role
from bot.survey.ikm_rules import (
    IkmResult,
    UnsurSum,
    compute,
    minimum_sample,
    prorated_population,
    weakest_unsur,
)
from storage.core.db import Reader
from storage.survey import responses as surveys

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

__all__ = [
    "IkmReport",
    "Population",
    "Scope",
    "ikm_for",
    "ikm_per_service",
    "report",
    "scope_for",
    "weakest_unsur",
]


async def ikm_for(
    db: Reader,
    start_epoch: int,
    end_epoch: int,
    service_code: str | None = None,
    unit_code: str | None = None,
    weighting: str = "exact",
) -> IkmResult | None:
    """The IKM of the responses submitted in ``[start_epoch, end_epoch)``; ``weighting`` is
    the office file's ``survey.weight`` ("exact" 1/9 or "rounded" 0.11)."""
    found = await surveys.aggregate(db, start_epoch, end_epoch, service_code, unit_code)
    sums = {key: UnsurSum(total, answered) for key, (total, answered) in found.per_unsur.items()}
    return compute(found.respondents, sums, weighting)


async def ikm_per_service(
    db: Reader,
    start_epoch: int,
    end_epoch: int,
    unit_code: str | None = None,
    weighting: str = "exact",
) -> dict[str, IkmResult]:
    """Service code → IKM, for the services that had respondents in the period."""
    results = {}
    for code, found in (
        await surveys.aggregate_by_service(db, start_epoch, end_epoch, unit_code)
    ).items():
        sums = {k: UnsurSum(total, answered) for k, (total, answered) in found.per_unsur.items()}
        result = compute(found.respondents, sums, weighting)
        if result is not None:
            results[code] = result
    return results


@dataclass(frozen=True)
class Scope:
    service: Service | None  # one service
    unit_code: str | None  # else all services of one unit; both None: the whole office


@dataclass(frozen=True)
class Population:
    size: int  # service users in the period
    yearly: int | None  # the office file's yearly figure it was pro-rated from, if so

    @property
    def minimum_sample(self) -> int:
        return minimum_sample(self.size)


@dataclass(frozen=True)
class IkmReport:
    scope: Scope
    period: Period
    result: IkmResult | None
    population: Population | None

    @property
    def below_sample(self) -> bool:
        return (
            self.result is not None
            and self.population is not None
            and self.result.respondents < self.population.minimum_sample
        )


def unit_services(office: Office, unit_code: str) -> list[Service]:
    return [s for s in office.services if s.unit == unit_code]


def scope_for(office: Office, actor: Actor, service_code: str | None) -> Scope:
    """Supervisors and admins see every service; a unit head only their unit's."""
    if not actor.can(Permission.UNIT_REPORTS):
        raise NotAllowed("ikm")
    chosen = None
    if service_code is not None:
        chosen = office.service(service_code)
        if chosen is None:
            raise NotFound(service_code)
    if actor.role in (Role.SUPERVISOR, Role.ADMIN):
        return Scope(chosen, None)
    if actor.unit_code is None:
        raise NotAllowed("no unit")
    if chosen is not None and chosen.unit != actor.unit_code:
        raise NotAllowed(service_code)
    return Scope(chosen, None if chosen else actor.unit_code)


def services_for(office: Office, actor: Actor) -> list[Service]:
    """The services whose results ``actor`` may ask for, as /ikm and /saran list them when
    a code was wrong: a unit head's unit's, every service for anyone else."""
    if actor.role is Role.KEPALA and actor.unit_code:
        return unit_services(office, actor.unit_code)
    return list(office.services)


def scope_services(office: Office, scope: Scope) -> list[Service]:
    if scope.service is not None:
        return [scope.service]
    if scope.unit_code is not None:
        return unit_services(office, scope.unit_code)
    return list(office.services)


def office_population(office: Office, scope: Scope, period: Period) -> Population | None:
    """The yearly population of the services in scope, pro-rated to the period's days.
    Unknown (None) when a service in scope has no ``population`` in the office file."""
    in_scope = scope_services(office, scope)
    if not in_scope or any(s.population is None for s in in_scope):
        return None
    yearly = sum(s.population or 0 for s in in_scope)
    days_in_year = 366 if calendar.isleap(period.start.year) else 365
    return Population(prorated_population(yearly, period.days, days_in_year), yearly)


async def report(
    runtime: Runtime,
    actor: Actor,
    period: Period,
    service_code: str | None,
    population: int | None = None,
) -> IkmReport:
    """The /ikm report; raises NotAllowed or NotFound for a scope the actor may not see."""
    office = runtime.office
    scope = scope_for(office, actor, service_code)
    start, end = (int(moment.timestamp()) for moment in period.bounds(runtime.settings.zone))
    result = await ikm_for(
        runtime.db,
        start,
        end,
        scope.service.code if scope.service else None,
        scope.unit_code,
        office.survey.weight,
    )
    known = (
        Population(population, None)
        if population is not None
        else office_population(office, scope, period)
    )
    return IkmReport(scope, period, result, known)


def today(runtime: Runtime) -> date:
    return runtime.clock.now().astimezone(runtime.settings.zone).date()


# --- the command's arguments -------------------------------------------------------------

POPULATION = re.compile(r"^(?:populasi|population|n)=(\d{1,9})$", re.IGNORECASE)
CODE_LIKE = re.compile(r"^[A-Z][A-Z0-9_]{0,19}$")  # typed like a code: an unknown service


class BadArguments(ValueError):
    """``kind`` is "period" (with the text) or "service" (with the unknown code)."""

    def __init__(self, kind: Literal["period", "service"], text: str) -> None:
        super().__init__(f"{kind}: {text}")
        self.kind = kind
        self.text = text


@dataclass(frozen=True)
class IkmRequest:
    period: Period
    service_code: str | None
    population: int | None


def parse_request(args: list[str], office: Office, on: date) -> IkmRequest:
    """``/ikm [periode] [KODE_LAYANAN] [populasi=N]`` in any order; the period defaults to
    this month (``bulan``)."""
    period_text: str | None = None
    service_code: str | None = None
    population: int | None = None
    for token in args:
        if match := POPULATION.match(token):
            population = int(match.group(1))
            if population < 1:
                raise BadArguments("period", token)
        elif office.service(token.upper()) is not None and service_code is None:
            service_code = token.upper()
        elif period_text is None and _is_period(token, on):
            period_text = token
        elif CODE_LIKE.match(token) and token.isupper() and service_code is None:
            raise BadArguments("service", token.upper())
        else:
            raise BadArguments("period", token)
    return IkmRequest(parse_period(period_text, on), service_code, population)


def _is_period(token: str, on: date) -> bool:
    try:
        parse_period(token, on)
    except PeriodError:
        return False
    return True
