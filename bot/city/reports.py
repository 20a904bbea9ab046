"""City-level reports: every office's figures side by side, the kecamatan ranked, the city's
totals, one office's summary, and an export spanning the offices.

Each office's data is read through one read-only, consistent connection
(:func:`storage.city.offices.office_view`) with the offices' own report queries, several
offices at a time. The city level only reads: it never writes to an office, and it sees
what every supervisor may see in an office's reports (figures, never a reporter). An
office whose data cannot be read (its schema not migrated yet, its file moved) is named
in the report instead of failing the whole city or silently dropping out of it.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from bot.city.config import City, CityOffice
from bot.city.settled import SettledMonths
from bot.core.clock import Clock, to_epoch
from bot.core.errors import NotAllowed
from bot.core.periods import Period, year_period
from bot.core.runtime import Runtime
from bot.reports.render import ReportRenderer
from bot.reports.rules import MEDIAN, UnitStanding, instants, rank_offset, ranking, score
from bot.reports.summary import Figures
from bot.survey.ikm_rules import IkmResult, UnsurSum, compute
from storage.city.offices import office_view
from storage.core.db import DatabaseError, Reader
from storage.reports import summary as reports
from storage.reports.summary import Tally
from storage.survey import responses as surveys

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Where the application keeps its :class:`CityReports` (``bot_data``).
CITY_KEY = "city"

#: Offices read at the same time: enough to overlap the database's work, few enough not
#: to crowd out the offices' own processes on a small server.
READ_AT_ONCE = 4


class OfficeUnreadable(Exception):
    """An office's data cannot be read now (its schema or file is missing or damaged)."""


@dataclass(frozen=True)
class OfficeFigures:
    """One office's figures for a period, and where it stands now."""

    code: str
    name: str
    position: int  # order in the city file, the last tie-breaker of the ranking
    current: Figures
    previous: Tally
    open_now: int
    late_now: int
    survey: surveys.Aggregate
    previous_survey: surveys.Aggregate
    weighting: str
    score: float | None = None

    @property
    def ikm(self) -> IkmResult | None:
        return compute(self.survey.respondents, _sums(self.survey), self.weighting)

    def standing(self) -> UnitStanding:
        """The office as one row of the ranking, scored like a unit of an office."""
        return UnitStanding(
            self.code,
            self.position,
            self.current.tally.received,
            self.current.resolve_share,
            self.current.reopen_rate,
            self.current.rating,
            self.open_now,
            self.late_now,
        )


@dataclass(frozen=True)
class CityReport:
    period: Period
    offices: list[OfficeFigures]  # ranked, best first
    unreadable: list[str]  # codes of offices whose data could not be read

    @property
    def total(self) -> Tally:
        return sum((o.current.tally for o in self.offices), Tally())

    @property
    def previous(self) -> Tally:
        return sum((o.previous for o in self.offices), Tally())

    @property
    def figures(self) -> Figures:
        return Figures(self.total)

    @property
    def open_now(self) -> int:
        return sum(o.open_now for o in self.offices)

    @property
    def late_now(self) -> int:
        return sum(o.late_now for o in self.offices)

    @property
    def ikm(self) -> IkmResult | None:
        """The city's IKM from every office's answers together (PermenPANRB 14/2017: the
        index of all respondents, not an average of the offices' indexes)."""
        return _combined([o.survey for o in self.offices])

    @property
    def previous_ikm(self) -> IkmResult | None:
        return _combined([o.previous_survey for o in self.offices])


def _combined(aggregates: list[surveys.Aggregate]) -> IkmResult | None:
    together = sum(aggregates, surveys.Aggregate(0, {}))
    return compute(together.respondents, _sums(together))


def _sums(aggregate: surveys.Aggregate) -> dict[str, UnsurSum]:
    return {
        key: UnsurSum(total, answered) for key, (total, answered) in aggregate.per_unsur.items()
    }


class CityReports:
    """The city level's view of its offices: one :class:`Runtime` per office (its office
    file, calendar and the features' report sections, wired by the city's application
    factory) whose database is swapped for a read-only view while a report is read."""

    def __init__(
        self,
        city: City,
        runtimes: dict[str, Runtime],
        targets: dict[str, str],
        viewers: frozenset[int],
        clock: Clock,
    ) -> None:
        self.city = city
        self.runtimes = runtimes
        self.targets = targets  # office code -> its database (path or URL with schema)
        self.viewers = viewers
        self.clock = clock
        first = next(iter(runtimes.values()))
        self.language = first.settings.default_language
        self.settled = SettledMonths(first.settings.zone)
        #: Figures are worded as in the offices' reports (their renderer needs an office
        #: for names; the city's lines use none of them).
        self.renderer = ReportRenderer(first.office, first.calendar)

    def require_viewer(self, telegram_id: int) -> None:
        """Only the city's supervisors (``ADMIN_IDS`` of the city bot) see anything."""
        if telegram_id not in self.viewers:
            raise NotAllowed("city reports")

    def today(self) -> date:
        zone = next(iter(self.runtimes.values())).settings.zone
        return self.clock.now().astimezone(zone).date()

    @asynccontextmanager
    async def office_runtime(self, code: str) -> AsyncIterator[Runtime]:
        """The office's runtime reading its data read-only, for the office's own reports
        (``/kinerja KODE``) while the block runs."""
        try:
            async with office_view(self.targets[code]) as view:
                yield replace(self.runtimes[code], db=view)
        except DatabaseError as exc:
            log.warning("city: the data of office %s cannot be read: %s", code, exc)
            raise OfficeUnreadable(code) from exc

    async def report(self, telegram_id: int, period: Period) -> CityReport:
        """/ringkasan and /kinerja: every office's figures, ranked."""
        self.require_viewer(telegram_id)
        return await self._report(period)

    async def warm(self) -> None:
        """Read this year's figures (and so last year's) nobody asked for yet, so that a
        supervisor's report finds every past month remembered (:mod:`bot.city.settled`):
        at the start, and before what is remembered grows too old to be kept."""
        await self._report(year_period(self.today().year))

    async def _report(self, period: Period) -> CityReport:
        found, unreadable = await self._each_office(
            lambda office: self._office_figures(office, period)
        )
        scored = {f.code: replace(f, score=score(f.standing())) for f in found}
        ranked = [scored[s.unit_code] for s in ranking(f.standing() for f in found)]
        return CityReport(period, ranked, unreadable)

    async def _each_office(
        self, read: Callable[[CityOffice], Awaitable[T]]
    ) -> tuple[list[T], list[str]]:
        """``read`` for every office, a few at a time; the codes of those that failed."""
        gate = asyncio.Semaphore(READ_AT_ONCE)

        async def one(office: CityOffice) -> T | None:
            async with gate:
                try:
                    return await read(office)
                except DatabaseError as exc:
                    log.warning("city: the data of office %s cannot be read: %s", office.code, exc)
                    return None

        results = await asyncio.gather(*(one(o) for o in self.city.offices))
        found = [r for r in results if r is not None]
        missing = [o.code for o, r in zip(self.city.offices, results, strict=True) if r is None]
        return found, missing

    async def _office_figures(self, office: CityOffice, period: Period) -> OfficeFigures:
        """One office's figures, its past months' counts as remembered
        (:mod:`bot.city.settled`), the rest read from one snapshot of its data."""
        start, end = instants(period, self.settled.zone)
        now, today, previous = to_epoch(self.clock.now()), self.today(), period.previous()
        memory = self.settled.office(office.code)
        async with memory.lock, office_view(self.targets[office.code]) as db:
            await self.settled.refresh(memory, db, now)
            tally = await self.settled.tally(memory, db, period, today)
            backlog = await reports.backlog(db, now)
            return OfficeFigures(
                code=office.code,
                name=office.name,
                position=self.city.offices.index(office),
                # The city shows the median time to resolve (/kinerja, the workbook), never
                # the one to acknowledge: that query is not run (a tenth of the work).
                current=Figures(
                    tally,
                    resolve_median=await _median(db, "resolve", start, end, tally.resolve_known),
                ),
                previous=await self.settled.tally(memory, db, previous, today),
                open_now=sum(b.open for b in backlog.values()),
                late_now=sum(b.late for b in backlog.values()),
                survey=await self.settled.survey(memory, db, period, today),
                previous_survey=await self.settled.survey(memory, db, previous, today),
                weighting=office.office.survey.weight,
            )


async def _median(
    db: Reader, measure: reports.Measure, start: int, end: int, count: int
) -> int | None:
    if count == 0:
        return None
    return await reports.value_at(db, measure, start, end, rank_offset(count, MEDIAN), count)
