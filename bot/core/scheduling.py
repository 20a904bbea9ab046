"""Arming PTB JobQueue jobs from rows in the database.

Deadlines, reminders and digests are rows; jobs are only a cache of them, rebuilt at start
and whenever a row changes. Every job callback re-reads its rows and changes state in one
transaction, so a job that runs twice (or after a restart) does nothing the second time.

Time comes from :class:`bot.clock.Clock`. With the real clock a job is armed for its due
instant. With a fake clock (tests, sandbox) nothing waits in real time: when the clock is
moved, every job now due runs at once, in due order.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from telegram.ext import ContextTypes, Job, JobQueue

from bot.core.clock import Clock, SystemClock, from_epoch

log = logging.getLogger(__name__)

JobCallback = Callable[[Any], Awaitable[None]]


@dataclass
class _Planned:
    name: str
    due: datetime
    callback: JobCallback
    data: Any


class Scheduler:
    def __init__(self, job_queue: JobQueue[ContextTypes.DEFAULT_TYPE], clock: Clock) -> None:
        self._job_queue = job_queue
        self._clock = clock
        self._realtime = isinstance(clock, SystemClock)
        self._planned: dict[str, _Planned] = {}
        # Fake time: jobs a clock move made due and that have not finished yet.
        self._due_now: dict[str, _Planned] = {}
        self._idle = asyncio.Event()
        self._idle.set()
        clock.subscribe(self._on_clock_jump)

    def at(self, name: str, due: datetime, callback: JobCallback, data: Any = None) -> None:
        """Run ``callback(context)`` at ``due`` (clock time); replaces a job of that name."""
        self.cancel(name)
        planned = _Planned(name, due, callback, data)
        self._planned[name] = planned
        self._arm(planned)

    def cancel(self, name: str) -> None:
        self._planned.pop(name, None)
        self._finished(name)
        for job in self._job_queue.get_jobs_by_name(name):
            job.schedule_removal()

    def cancel_prefix(self, prefix: str) -> None:
        for name in [n for n in self._planned if n.startswith(prefix)]:
            self.cancel(name)

    def pending(self, prefix: str = "") -> dict[str, datetime]:
        return {n: p.due for n, p in self._planned.items() if n.startswith(prefix)}

    def _arm(self, planned: _Planned) -> None:
        delay = (planned.due - self._clock.now()).total_seconds()
        if not self._realtime:
            if delay > 0:
                return  # fake time: wait for the clock to be moved
            self._due_now[planned.name] = planned
            self._idle.clear()
        self._job_queue.run_once(
            self._runner(planned),
            when=max(0.0, delay),
            name=planned.name,
            data=planned.data,
            # APScheduler drops a job that starts over 1 s late (its default grace time),
            # e.g. after the event loop or the machine stalled; ours must run however late.
            job_kwargs={"misfire_grace_time": None},
        )

    def _runner(
        self, planned: _Planned
    ) -> Callable[[ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]:
        async def run(context: ContextTypes.DEFAULT_TYPE) -> None:
            try:
                if self._planned.get(planned.name) is not planned:
                    return  # replaced or cancelled meanwhile
                del self._planned[planned.name]
                await planned.callback(context)
            finally:
                if self._due_now.get(planned.name) is planned:
                    self._finished(planned.name)

        run.__name__ = f"job:{planned.name}"
        return run

    def _on_clock_jump(self) -> None:
        due = sorted(
            (p for p in self._planned.values() if p.due <= self._clock.now()),
            key=lambda p: p.due,
        )
        for planned in due:
            if not self._job_queue.get_jobs_by_name(planned.name):
                self._arm(planned)

    def _finished(self, name: str) -> None:
        self._due_now.pop(name, None)
        if not self._due_now:
            self._idle.set()

    async def caught_up(self) -> None:
        """Fake time: wait until every job the last clock move made due has run (tests and
        the sandbox look at the database right after moving the clock)."""
        await self._idle.wait()

    def close(self) -> None:
        """The application stops: stop following the clock (a restart brings a new one)."""
        self._clock.unsubscribe(self._on_clock_jump)
        self._planned.clear()
        self._due_now.clear()
        self._idle.set()

    def jobs(self) -> tuple[Job[Any], ...]:
        return self._job_queue.jobs()


class DueRows:
    """A kind of due rows (deadline checks, reminders, digests...) served by one job.

    The job is armed at the earliest pending row and re-armed whenever a committed
    transaction touched the rows' topic (see ``Tx.touch``); the rows carry all state, so
    re-arming is always safe and the job's handler claims each row before acting on it.
    """

    def __init__(
        self,
        name: str,
        topic: str,
        next_due: Callable[[Any], Awaitable[int | None]],
        run_due: Callable[[Any], Awaitable[object]],
    ) -> None:
        self.name = name
        self.topic = topic
        self._next_due = next_due
        self._run_due = run_due

    async def arm(self, runtime: Any) -> None:
        """Point the job at the earliest pending row (or remove it when none is left)."""
        if runtime.scheduler is None:
            return
        due = await self._next_due(runtime.db)
        if due is None:
            runtime.scheduler.cancel(self.name)
        else:
            runtime.scheduler.at(self.name, from_epoch(due), self._job)

    def watch(self, runtime: Any) -> None:
        """Re-arm after every commit that planned, moved or cancelled rows of this kind."""

        def rearm(topics: set[str]) -> None:
            if self.topic in topics:
                asyncio.get_running_loop().create_task(self.arm(runtime))

        runtime.db.add_commit_listener(rearm)

    async def _job(self, context: Any) -> None:
        await self._run_due(context.runtime)


def next_at(moment: datetime, at: time, zone: ZoneInfo) -> datetime:
    """The first ``at`` (local time of ``zone``) strictly after ``moment``."""
    local = moment.astimezone(zone)
    candidate = datetime.combine(local.date(), at, zone)
    return candidate if candidate > local else candidate + timedelta(days=1)


class Nightly:
    """A job that runs every night at ``at`` local time (backups, housekeeping, retention,
    the public page). It is armed at start and again after each run, also a failed one:
    one bad night (a full disk) must not stop the next. A night missed while the bot was
    down is not caught up; each of these jobs does the whole work of every night missed."""

    def __init__(
        self,
        name: str,
        at: time,
        work: Callable[[Any], Awaitable[object]],
        *,
        enabled: Callable[[Any], bool] = lambda runtime: True,
    ) -> None:
        self.name = name
        self.at = at
        self._work = work
        self._enabled = enabled

    def next_run(self, moment: datetime, zone: ZoneInfo) -> datetime:
        return next_at(moment, self.at, zone)

    def arm(self, runtime: Any) -> None:
        if runtime.scheduler is not None and self._enabled(runtime):
            due = self.next_run(runtime.clock.now(), runtime.settings.zone)
            runtime.scheduler.at(self.name, due, self._job)

    async def on_start(self, runtime: Any, application: object) -> None:
        self.arm(runtime)

    async def _job(self, context: Any) -> None:
        try:
            await self._work(context.runtime)
        finally:
            self.arm(context.runtime)
