"""JP (competency development hours) and the training budget: /jp, /jp_unit, /anggaran,
and the read functions other reports (weekly digest, XLSX export) call.

Public read API for reporting (stable after merge):

- :func:`jp_per_person` — JP credited per person in a year.
- :func:`unit_jp_compliance` — share of a unit's staff at or above the pro-rata target.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.activities.rules import (
    Budget,
    Compliance,
    compliance,
    cost_per_jp,
    is_behind,
    prorata_target,
    year_bounds,
)
from bot.core.clock import from_epoch, to_epoch
from bot.core.errors import NotAllowed
from bot.people.directory import Actor
from bot.people.roles import Permission, Role
from domain.activities import Kind
from storage.activities import jp
from storage.activities import records as activities
from storage.activities.jp import Credit, StaffJp
from storage.activities.records import Activity

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


# --- read functions for reports ----------------------------------------------------------


async def jp_per_person(runtime: Runtime, year: int) -> dict[int, int]:
    """JP credited per person (telegram id) in ``year``; people without credit are absent."""
    return await jp.jp_by_person(runtime.db, year)


async def unit_jp_compliance(
    runtime: Runtime, unit_code: str | None, at: datetime | None = None
) -> Compliance:
    """How many staff of ``unit_code`` (None: all units) are at or above the pro-rata
    JP target at ``at`` (default now; a past moment counts only the trainings that had
    started by then); ``.share`` is None for a unit without staff."""
    moment = at or runtime.clock.now()
    zone = runtime.settings.zone
    year = moment.astimezone(zone).year
    staff = await jp.staff_jp(runtime.db, year, unit_code, None if at is None else to_epoch(moment))
    return compliance([(s.jp, personal_target(runtime, s, moment)) for s in staff])


def personal_target(runtime: Runtime, person: StaffJp, moment: datetime) -> float:
    """The pro-rata JP target of one officer at ``moment`` (from their registration)."""
    return prorata_target(
        runtime.office.training.jp_target,
        moment,
        runtime.settings.zone,
        from_epoch(person.registered_at),
    )


# --- /jp -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class MyJp:
    year: int
    total: int
    target: int
    prorata: float
    credits: list[Credit]
    upcoming: list[Activity]


async def my_jp(runtime: Runtime, actor: Actor) -> MyJp:
    if not actor.can(Permission.STAFF_TOOLS):
        raise NotAllowed("jp")
    now = runtime.clock.now()
    zone = runtime.settings.zone
    year = now.astimezone(zone).year
    target = runtime.office.training.jp_target
    registered = await jp.registered_at(runtime.db, actor.telegram_id)
    return MyJp(
        year=year,
        total=await jp.total(runtime.db, actor.telegram_id, year),
        target=target,
        prorata=prorata_target(
            target, now, zone, from_epoch(registered) if registered is not None else None
        ),
        credits=await jp.credits_of(runtime.db, actor.telegram_id, year),
        upcoming=await upcoming_trainings(runtime),
    )


async def upcoming_trainings(runtime: Runtime, limit: int = 5) -> list[Activity]:
    return await activities.upcoming(runtime.db, runtime.now(), kind=Kind.PELATIHAN, limit=limit)


# --- /jp_unit ----------------------------------------------------------------------------


class UnknownUnit(ValueError):
    """/jp_unit with a unit code the office file does not have."""


@dataclass(frozen=True)
class UnitJp:
    year: int
    target: int
    prorata: float  # the office-wide pro-rata target today
    staff: list[StaffJp]
    unit_code: str | None  # None: all units
    targets: dict[int, float]  # each officer's own (newcomers: from their registration)

    def behind(self, member: StaffJp) -> bool:
        return is_behind(member.jp, self.targets[member.person_id])


def scope_for(runtime: Runtime, actor: Actor, requested: str | None) -> str | None:
    """Unit heads see their own unit; supervisors (and admins) any unit, or all."""
    if not actor.can(Permission.UNIT_REPORTS):
        raise NotAllowed("jp_unit")
    code = requested.strip().upper() if requested else None
    if code is not None and runtime.office.unit(code) is None:
        raise UnknownUnit(code)
    if actor.role in (Role.SUPERVISOR, Role.ADMIN):
        return code
    if code is not None and code != actor.unit_code:
        raise NotAllowed(f"jp_unit {code}")
    if actor.unit_code is None:
        raise NotAllowed("jp_unit without unit")
    return actor.unit_code


async def unit_jp(runtime: Runtime, actor: Actor, requested: str | None) -> UnitJp:
    unit_code = scope_for(runtime, actor, requested)
    now = runtime.clock.now()
    zone = runtime.settings.zone
    year = now.astimezone(zone).year
    target = runtime.office.training.jp_target
    staff = await jp.staff_jp(runtime.db, year, unit_code)
    return UnitJp(
        year,
        target,
        prorata_target(target, now, zone),
        staff,
        unit_code,
        {s.person_id: personal_target(runtime, s, now) for s in staff},
    )


# --- /anggaran ---------------------------------------------------------------------------


@dataclass(frozen=True)
class BudgetView:
    year: int
    budget: Budget
    finished: list[Activity]
    upcoming: list[Activity]
    jp_delivered: int
    cost_per_jp: float | None


async def budget(runtime: Runtime, actor: Actor, year: int | None = None) -> BudgetView:
    """Spent (finished activities), planned (upcoming), remaining, cost per JP delivered."""
    if not actor.can(Permission.OFFICE_REPORTS):
        raise NotAllowed("anggaran")
    zone = runtime.settings.zone
    year = year or runtime.clock.now().astimezone(zone).year
    start, end = year_bounds(year, zone)
    now = runtime.now()
    found = [a for a in await activities.in_range(runtime.db, start, end) if not a.cancelled]
    finished = [a for a in found if a.ends_at <= now]
    upcoming = [a for a in found if a.ends_at > now]
    spent = sum(a.cost_rupiah for a in finished)
    planned = sum(a.cost_rupiah for a in upcoming)
    delivered = await jp.delivered(runtime.db, start, end)
    training_spent = sum(a.cost_rupiah for a in finished if a.kind == Kind.PELATIHAN)
    return BudgetView(
        year,
        Budget(runtime.office.training.budget_rupiah, spent, planned),
        finished,
        upcoming,
        delivered,
        cost_per_jp(training_spent, delivered),
    )
