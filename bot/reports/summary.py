"""Supervisor reports: the summary of a period, a unit's scorecard, the unit ranking and
the list of complaints past a deadline.

Rights are checked here for every call (commands and buttons alike): the office-wide
reports need ``OFFICE_REPORTS`` (supervisors, admins); a unit's scorecard needs
``UNIT_REPORTS`` and the actor's own unit, unless the actor has ``OFFICE_REPORTS``.
All figures come from SQL aggregates (:mod:`storage.reports`); nothing here loads
complaints one by one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot.core.clock import from_epoch
from bot.core.errors import NotAllowed
from bot.core.periods import Period
from bot.people.directory import Actor
from bot.people.roles import Permission
from bot.reports.rules import (
    MEDIAN,
    P90,
    ChartWeek,
    UnitStanding,
    average,
    chart_weeks,
    instants,
    rank_offset,
    ranking,
    score,
    share,
)
from storage.core.db import Reader
from storage.reports import summary as reports
from storage.reports.summary import Adoption, Backlog, Measure, Overdue, Tally, WeekCell

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

OVERDUE_SHOWN = 30


class UnknownUnit(ValueError):
    """/kinerja with a code that is not a unit of the office."""


@dataclass(frozen=True)
class Figures:
    tally: Tally
    ack_median: int | None = None  # working seconds
    ack_p90: int | None = None
    resolve_median: int | None = None
    resolve_p90: int | None = None

    @property
    def ack_share(self) -> float | None:
        return share(self.tally.ack_on_time, self.tally.ack_known)

    @property
    def resolve_share(self) -> float | None:
        return share(self.tally.resolve_on_time, self.tally.resolve_known)

    @property
    def reopen_rate(self) -> float | None:
        return share(self.tally.reopened, self.tally.resolve_known)

    @property
    def rating(self) -> float | None:
        return average(self.tally.rating_sum, self.tally.rated)


@dataclass(frozen=True)
class Chart:
    weeks: list[ChartWeek]
    cells: list[WeekCell]


@dataclass(frozen=True)
class Summary:
    period: Period
    unit_code: str | None
    current: Figures
    previous: Figures
    by_status: dict[str, int]
    by_unit: dict[str, int]
    by_category: dict[str, int]
    by_kelurahan: dict[str | None, int]
    overdue: int
    chart: Chart
    adoption: Adoption | None = None


@dataclass(frozen=True)
class Standing:
    unit_code: str
    figures: Figures
    overdue: int
    adoption: Adoption
    score: float | None = None  # the ranking's composite score, 0-100 (None: no data)


@dataclass(frozen=True)
class Ranking:
    period: Period
    standings: list[Standing]
    chart: Chart


@dataclass(frozen=True)
class OverdueList:
    unit_code: str | None
    now: int
    total: int
    shown: list[Overdue] = field(default_factory=list)


# --- rights ----------------------------------------------------------------------------


def require_office(actor: Actor) -> None:
    if not actor.can(Permission.OFFICE_REPORTS):
        raise NotAllowed("office reports")


def require_unit(runtime: Runtime, actor: Actor, unit_code: str) -> None:
    if runtime.office.unit(unit_code) is None:
        raise UnknownUnit(unit_code)
    if actor.can(Permission.OFFICE_REPORTS):
        return
    if not actor.can(Permission.UNIT_REPORTS) or actor.unit_code != unit_code:
        raise NotAllowed(f"unit reports of {unit_code}")


def today(runtime: Runtime) -> date:
    return runtime.clock.now().astimezone(runtime.settings.zone).date()


# --- the figures -----------------------------------------------------------------------


async def figures(
    runtime: Runtime,
    db: Reader,
    tally: Tally,
    period: Period,
    unit_code: str | None,
    p90: bool = True,
) -> Figures:
    start, end = instants(period, runtime.settings.zone)

    async def percentile(measure: Measure, count: int, fraction: float) -> int | None:
        if count == 0:
            return None
        offset = rank_offset(count, fraction)
        return await reports.value_at(db, measure, start, end, offset, count, unit_code)

    return Figures(
        tally,
        ack_median=await percentile("ack", tally.ack_known, MEDIAN),
        ack_p90=await percentile("ack", tally.ack_known, P90) if p90 else None,
        resolve_median=await percentile("resolve", tally.resolve_known, MEDIAN),
        resolve_p90=await percentile("resolve", tally.resolve_known, P90) if p90 else None,
    )


async def chart_data(runtime: Runtime, db: Reader, period: Period, unit_codes: list[str]) -> Chart:
    weeks = chart_weeks(period, today(runtime), runtime.settings.zone)
    cells = await reports.weekly(db, [(w.start, w.end) for w in weeks], unit_codes)
    return Chart(weeks, cells)


def _unit_order(runtime: Runtime) -> list[str]:
    return [u.code for u in runtime.office.units]


@dataclass(frozen=True)
class Breakdown:
    total: Tally
    by_status: dict[str, int]
    by_unit: dict[str, int]
    by_category: dict[str, int]
    by_kelurahan: dict[str | None, int]


def breakdown(cells: list[reports.Cell]) -> Breakdown:
    """Totals per dimension from the (unit, status, category, kelurahan) cells."""
    total = Tally()
    by_status: dict[str, int] = defaultdict(int)
    by_unit: dict[str, int] = defaultdict(int)
    by_category: dict[str, int] = defaultdict(int)
    by_kelurahan: dict[str | None, int] = defaultdict(int)
    for cell in cells:
        total += cell.tally
        by_status[cell.status] += cell.tally.received
        by_unit[cell.unit_code] += cell.tally.received
        by_category[cell.category_code] += cell.tally.received
        by_kelurahan[cell.kelurahan_code] += cell.tally.received
    return Breakdown(total, dict(by_status), dict(by_unit), dict(by_category), dict(by_kelurahan))


async def compute_summary(
    runtime: Runtime, period: Period, unit_code: str | None = None, withheld: str | None = None
) -> Summary:
    """The summary without a rights check: for the digest, which goes to supervisors.
    ``withheld``: the viewer's unit, whose conduct complaints the overdue count leaves out
    (it leads to the list of their numbers). Read on a snapshot: one consistent view,
    off the event loop (a year of a busy office takes a few hundred milliseconds)."""
    async with runtime.db.snapshot() as db:
        return await _summary(runtime, db, period, unit_code, withheld)


async def _summary(
    runtime: Runtime, db: Reader, period: Period, unit_code: str | None, withheld: str | None
) -> Summary:
    start, end = instants(period, runtime.settings.zone)
    parts = breakdown(await reports.cells(db, start, end, unit_code))
    previous = period.previous()
    prev_start, prev_end = instants(previous, runtime.settings.zone)
    prev_tally = await reports.totals(db, prev_start, prev_end, unit_code)
    overdue = await reports.overdue_counts(db, runtime.now(), withheld)
    units = [unit_code] if unit_code else _unit_order(runtime)
    units += [code for code in parts.by_unit if code not in units]  # units no longer configured
    adoption = None
    if unit_code is not None:
        found = await reports.adoption(db, start, end, unit_code)
        adoption = found.get(unit_code, Adoption(unit_code, 0, 0))
    return Summary(
        period=period,
        unit_code=unit_code,
        current=await figures(runtime, db, parts.total, period, unit_code),
        previous=await figures(runtime, db, prev_tally, previous, unit_code, p90=False),
        by_status=parts.by_status,
        by_unit=parts.by_unit,
        by_category=parts.by_category,
        by_kelurahan=parts.by_kelurahan,
        overdue=overdue.get(unit_code, 0) if unit_code else sum(overdue.values()),
        chart=await chart_data(runtime, db, period, units),
        adoption=adoption,
    )


async def summary(runtime: Runtime, actor: Actor, period: Period) -> Summary:
    """/ringkasan: the whole office."""
    require_office(actor)
    return await compute_summary(runtime, period, withheld=actor.unit_code)


async def scorecard(runtime: Runtime, actor: Actor, period: Period, unit_code: str) -> Summary:
    """/kinerja KODE: one unit, with staff adoption."""
    require_unit(runtime, actor, unit_code)
    return await compute_summary(runtime, period, unit_code, withheld=actor.unit_code)


async def unit_ranking(runtime: Runtime, actor: Actor, period: Period) -> Ranking:
    """/kinerja without a code, for supervisors: every unit side by side, best first."""
    require_office(actor)
    async with runtime.db.snapshot() as db:
        return await _ranking(runtime, db, actor, period)


async def _ranking(runtime: Runtime, db: Reader, actor: Actor, period: Period) -> Ranking:
    start, end = instants(period, runtime.settings.zone)
    per_unit: dict[str, Tally] = defaultdict(Tally)
    for cell in await reports.cells(db, start, end):
        per_unit[cell.unit_code] += cell.tally
    backlog = await reports.backlog(db, runtime.now(), actor.unit_code)
    adoption = await reports.adoption(db, start, end)
    order = _unit_order(runtime)
    standings = {}
    for code in order:
        tally = per_unit.get(code, Tally())
        median = None
        if tally.resolve_known:
            median = await reports.value_at(
                db,
                "resolve",
                start,
                end,
                rank_offset(tally.resolve_known, MEDIAN),
                tally.resolve_known,
                code,
            )
        figures = Figures(tally, resolve_median=median)
        now = backlog.get(code, Backlog(0, 0))
        standing = UnitStanding(
            code,
            order.index(code),
            tally.received,
            figures.resolve_share,
            figures.reopen_rate,
            figures.rating,
            now.open,
            now.late,
        )
        standings[code] = (
            standing,
            Standing(
                code, figures, now.late, adoption.get(code, Adoption(code, 0, 0)), score(standing)
            ),
        )
    ranked = ranking(standing for standing, _ in standings.values())
    return Ranking(
        period,
        [standings[u.unit_code][1] for u in ranked],
        await chart_data(runtime, db, period, order),
    )


async def overdue_list(runtime: Runtime, actor: Actor, unit_code: str | None = None) -> OverdueList:
    """/terlambat (all units) or the overdue button of a unit's scorecard."""
    if unit_code is None:
        require_office(actor)
    else:
        require_unit(runtime, actor, unit_code)
    now = runtime.now()
    async with runtime.db.snapshot() as db:
        counts = await reports.overdue_counts(db, now, actor.unit_code)
        shown = await reports.overdue(db, now, OVERDUE_SHOWN, unit_code, actor.unit_code)
    total = counts.get(unit_code, 0) if unit_code else sum(counts.values())
    return OverdueList(unit_code, now, total, shown)


def lateness(runtime: Runtime, item: Overdue, now: int) -> timedelta:
    """Working time since the deadline passed (office hours only, holidays excluded)."""
    return runtime.calendar.working_time_between(from_epoch(item.late_since), from_epoch(now))
