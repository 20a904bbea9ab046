"""The figures of past months an office's reports keep asking for, remembered by the city.

A city-wide ``/ringkasan tahun`` sums each office's complaints of this year and of the
last: about 200,000 index entries per office, 21 offices, every time. Most of those
months are over, and their figures move only when an old complaint is touched (a late
resolution, a rating, a reopening) or a survey response is added. So the city remembers
each office's counts per past month and, on every report, asks the office which
complaints changed since it last looked (an index on ``updated_at``, migration 0014) and
which survey responses were added; the months those fall in are read again, the others
are not. The current month and part months are always read live.

Exactness rests on three things, each with a guard:

- Every change of a complaint stamps ``updated_at`` (``bot/complaints/changes.py``). A
  change is stamped as its transaction begins and seen when it commits, so a month read
  at instant R may lack a change stamped up to :data:`MARGIN` before R: such a change
  makes it read again, an older one does not (it was in what was read).
- An office's data may be replaced (restored from a backup): its highest complaint or
  response id going down forgets everything remembered of it.
- Whatever escapes both (a repair by hand in SQL, a transaction that took longer than
  the margin) is forgotten after :data:`MAX_AGE`.

One office is looked at by one report at a time (a lock per office): a report reading an
older snapshot could otherwise store a month another report had just found changed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Generic, TypeVar
from zoneinfo import ZoneInfo

from bot.core.periods import Period, split_settled
from bot.reports.rules import instants
from storage.core.db import Reader
from storage.reports import summary as reports
from storage.reports.summary import Tally
from storage.survey import responses as surveys
from storage.survey.responses import Aggregate

#: Seconds a transaction may take from its stamp to its commit (a write waits at most 15 s
#: for SQLite's lock): a change stamped this long before a month was read is in it.
MARGIN = 60
#: Seconds after which an office's remembered months are read again whatever happened.
MAX_AGE = 3600

F = TypeVar("F", Tally, Aggregate)
V = TypeVar("V")


@dataclass(frozen=True)
class Read(Generic[V]):
    """A month's figures and the instant they were read."""

    at: int
    value: V


@dataclass
class OfficeMonths:
    """What the city remembers of one office: its figures per past month (by the month's
    first day), and where it stood at the last look."""

    looked_at: int = 0
    since: int = 0  # when the first month was remembered (MAX_AGE counts from here)
    complaint_id: int = 0
    response_id: int = 0
    tallies: dict[date, Read[Tally]] = field(default_factory=dict)
    surveys: dict[date, Read[Aggregate]] = field(default_factory=dict)
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)


class SettledMonths:
    """Every office's :class:`OfficeMonths`, and the reading through them."""

    def __init__(self, zone: ZoneInfo) -> None:
        self.zone = zone
        self._offices: dict[str, OfficeMonths] = {}

    def office(self, code: str) -> OfficeMonths:
        return self._offices.setdefault(code, OfficeMonths())

    async def refresh(self, office: OfficeMonths, db: Reader, now: int) -> None:
        """Forget the months whose figures may have moved since the last look (all of
        them if the data was replaced or is too old), then note this look. Call with
        ``office.lock`` held, in the snapshot the report then reads."""
        complaint_id = await reports.newest_id(db)
        response_id = await surveys.newest_id(db)
        replaced = complaint_id < office.complaint_id or response_id < office.response_id
        if replaced or now - office.since > MAX_AGE:
            office.tallies.clear()
            office.surveys.clear()
            office.since = now
        else:
            since = office.looked_at - MARGIN
            for created, updated in await reports.changed_since(db, since, office.complaint_id):
                month = self._month(created)
                read = office.tallies.get(month)
                if read is not None and (updated is None or updated >= read.at - MARGIN):
                    del office.tallies[month]
            for submitted in await surveys.submitted_after(db, office.response_id):
                office.surveys.pop(self._month(submitted), None)
        office.looked_at = now
        office.complaint_id, office.response_id = complaint_id, response_id

    async def tally(self, office: OfficeMonths, db: Reader, period: Period, today: date) -> Tally:
        """The complaints' counts of ``period`` (as :func:`storage.reports.summary.totals`)."""
        read = _reading(reports.totals, db)
        return await self._sum(office.tallies, period, today, Tally(), read, office.looked_at)

    async def survey(
        self, office: OfficeMonths, db: Reader, period: Period, today: date
    ) -> Aggregate:
        """The SKM sums of ``period`` (as :func:`storage.survey.responses.aggregate`)."""
        read = _reading(surveys.aggregate, db)
        return await self._sum(
            office.surveys, period, today, Aggregate(0, {}), read, office.looked_at
        )

    async def _sum(
        self,
        months: dict[date, Read[F]],
        period: Period,
        today: date,
        total: F,
        read: Callable[[int, int], Awaitable[F]],
        now: int,
    ) -> F:
        settled, rest = split_settled(period, today)
        for month in settled:
            if month.start not in months:
                months[month.start] = Read(now, await read(*instants(month, self.zone)))
            total = total + months[month.start].value
        for part in rest:
            total = total + await read(*instants(part, self.zone))
        return total

    def _month(self, instant: int) -> date:
        return datetime.fromtimestamp(instant, self.zone).date().replace(day=1)


def _reading(
    function: Callable[[Reader, int, int], Awaitable[F]], db: Reader
) -> Callable[[int, int], Awaitable[F]]:
    """``function`` reading ``db``, given a period's instants."""

    async def read(start: int, end: int) -> F:
        return await function(db, start, end)

    return read
