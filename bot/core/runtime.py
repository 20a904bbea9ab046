"""Everything a handler or job needs, wired once per application.

The runtime owns the database, the office file, the clock, the working calendar, the
outbox dispatcher and the scheduler. Its lifecycle follows PTB's hooks: storage opens
while PTB initialises (persistence needs it), the rest starts in ``post_init`` and stops
in ``post_stop``/``post_shutdown``, exactly as ``run_polling`` and ``run_webhook`` call them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application

from bot.core.clock import Clock, to_epoch
from bot.core.delivery import Dispatcher
from bot.core.office import Office
from bot.core.pacing import ChatPacer, PaceLimits
from bot.core.scheduling import Scheduler
from bot.core.settings import Settings
from bot.core.workcalendar import WorkCalendar
from storage.core.db import Database, Tx
from storage.core.migrate import migrate

log = logging.getLogger(__name__)

#: Its result is not used (some hooks return what they found, for their tests).
StartHook = Callable[["Runtime", Application], Awaitable[object]]
GroupBoundHook = Callable[["Runtime", Tx, str, int], Awaitable[None]]
ComplaintHook = Callable[["Runtime", Tx, Any], Awaitable[None]]
#: Runs in the transaction that changed a person's role or unit (telegram id).
MembershipHook = Callable[["Runtime", Tx, int], Awaitable[None]]
#: Runs in the transaction that saw a person write again after the bot could not reach
#: them (they had blocked it): telegram id, and since when they were unreachable.
ReturnHook = Callable[["Runtime", Tx, int, int], Awaitable[None]]


@dataclass
class Runtime:
    settings: Settings
    office: Office
    clock: Clock
    db: Database
    calendar: WorkCalendar
    pacer: ChatPacer = field(default_factory=lambda: ChatPacer(PaceLimits()))
    dispatcher: Dispatcher | None = None
    scheduler: Scheduler | None = None
    bot_username: str = ""
    start_hooks: list[StartHook] = field(default_factory=list)
    group_bound_hooks: list[GroupBoundHook] = field(default_factory=list)
    #: A unit lost its group (the bot was removed from it): unit code, the group's id.
    group_lost_hooks: list[GroupBoundHook] = field(default_factory=list)
    complaint_closed_hooks: list[ComplaintHook] = field(default_factory=list)
    membership_hooks: list[MembershipHook] = field(default_factory=list)
    return_hooks: list[ReturnHook] = field(default_factory=list)
    _storage_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @classmethod
    def create(cls, settings: Settings, office: Office, clock: Clock) -> Runtime:
        calendar = WorkCalendar(
            settings.zone,
            office.office.hours.start,
            office.office.hours.end,
            office.non_working_dates,
        )
        return cls(settings, office, clock, Database(settings.database_path), calendar)

    def now(self) -> int:
        """Current time as stored (Unix seconds)."""
        return to_epoch(self.clock.now())

    def on_start(self, hook: StartHook) -> None:
        """Features register what must happen at start (e.g. re-arm their jobs)."""
        self.start_hooks.append(hook)

    async def open_storage(self) -> None:
        async with self._storage_lock:
            if self.db.is_open:
                return
            await self.db.open()
            await migrate(self.db)
            from bot.core.reference import sync_office

            await sync_office(self)

    async def start(self, application: Application) -> None:
        await self.open_storage()
        self.bot_username = application.bot.username
        self.dispatcher = Dispatcher(
            self.db,
            application.bot,
            self.clock,
            pacer=self.pacer,
            on_unreachable=self._unreachable,
            on_migrated=self._migrated,
        )
        assert application.job_queue is not None, "install python-telegram-bot[job-queue]"
        self.scheduler = Scheduler(application.job_queue, self.clock)
        for hook in self.start_hooks:
            await hook(self, application)
        await self.dispatcher.start()

    async def stop(self, application: Application) -> None:
        if self.dispatcher is not None:
            await self.dispatcher.stop()
        if self.scheduler is not None:
            self.scheduler.close()

    async def close(self, application: Application) -> None:
        await self.db.close()

    async def _unreachable(self, tx: Tx, chat_id: int, reason: str) -> None:
        from bot.people.directory import unreachable_in

        await unreachable_in(self, tx, chat_id, reason)

    async def _migrated(self, tx: Tx, old_chat_id: int, new_chat_id: int) -> None:
        from bot.people.groups import follow

        await follow(self, tx, old_chat_id, new_chat_id, via="delivery")
