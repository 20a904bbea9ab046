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

from telegram import Bot
from telegram.ext import Application

from bot.core import outcome
from bot.core.clock import Clock, to_epoch
from bot.core.delivery import Dispatcher
from bot.core.extensions import Extensions, Point
from bot.core.ledger import MessageLedger
from bot.core.office import Office
from bot.core.pacing import ChatPacer, PaceLimits
from bot.core.scheduling import Scheduler
from bot.core.settings import Settings
from bot.core.workcalendar import WorkCalendar
from storage.core.db import Database, Tx
from storage.core.migrate import migrate

log = logging.getLogger(__name__)

StartHook = Callable[["Runtime", Application], Awaitable[Any]]
#: Runs once the database is open and migrated, before anything reads it (e.g. mirror the
#: office file into it).
StorageHook = Callable[["Runtime"], Awaitable[None]]
#: Runs in the transaction of the change: the unit's code and its group's chat id.
GroupHook = Callable[["Runtime", Tx, str, int], Awaitable[None]]
ComplaintHook = Callable[["Runtime", Tx, Any], Awaitable[None]]
#: Runs in the transaction that changed a person's role or unit (telegram id).
MembershipHook = Callable[["Runtime", Tx, int], Awaitable[None]]
#: Runs in the transaction that saw a person write again after the bot could not reach
#: them (they had blocked it): telegram id, and since when they were unreachable.
ReturnHook = Callable[["Runtime", Tx, int, int], Awaitable[None]]
#: Runs in the transaction that gave up on a chat (403: blocked, removed): chat, reason.
UnreachableHook = Callable[["Runtime", Tx, int, str], Awaitable[None]]
#: Runs in the transaction that learnt a group's new id (upgrade to a supergroup).
MigratedHook = Callable[["Runtime", Tx, int, int], Awaitable[None]]


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
    #: Message ids Telegram told this process about (reconciles sends with lost answers).
    ledger: MessageLedger = field(default_factory=MessageLedger)
    #: What features keep in memory for the life of the process, by their own key (e.g.
    #: who wrote how often lately): lost at a restart, on purpose.
    memory: dict[str, object] = field(default_factory=dict)
    #: Every way the features are wired together; filled by the application factory.
    extensions: Extensions = field(default_factory=Extensions)
    #: Tasks that run as long as the application (e.g. the leader's watch of its lock,
    #: bot/core/cluster.py): cancelled when it stops.
    tasks: set[asyncio.Task[None]] = field(default_factory=set)
    _storage_lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    @classmethod
    def create(cls, settings: Settings, office: Office, clock: Clock) -> Runtime:
        calendar = WorkCalendar(
            settings.zone,
            office.office.hours.start,
            office.office.hours.end,
            office.non_working_dates,
        )
        # One process per SQLite file; on PostgreSQL others may send as the bot too.
        ledger = MessageLedger(alone=settings.database_url is None)
        return cls(settings, office, clock, Database(settings.database), calendar, ledger=ledger)

    def now(self) -> int:
        """Current time as stored (Unix seconds)."""
        return to_epoch(self.clock.now())

    async def open_storage(self) -> None:
        async with self._storage_lock:
            if self.db.is_open:
                return
            await self.db.open()
            self.db.add_commit_listener(outcome.note_commit)
            await migrate(self.db)
            for hook in self.extensions[STORAGE_OPENED]:
                await hook(self)

    async def start(self, application: Application) -> None:
        await self.open_storage()
        self.bot_username = application.bot.username
        assert application.job_queue is not None, "install python-telegram-bot[job-queue]"
        self.scheduler = Scheduler(application.job_queue, self.clock)
        for hook in self.extensions[START]:
            await hook(self, application)
        await self.start_delivery(application.bot)

    async def start_delivery(self, bot: Bot) -> None:
        """Start delivering the outbox (on PostgreSQL only the leading process does:
        Telegram's limits are the bot's, bot/core/cluster.py)."""
        if self.dispatcher is None or not self.dispatcher.running:
            self.dispatcher = Dispatcher(
                self.db,
                bot,
                self.clock,
                pacer=self.pacer,
                on_unreachable=self._unreachable,
                on_migrated=self._migrated,
                ledger=self.ledger,
            )
            await self.dispatcher.start()

    async def stop_delivery(self) -> None:
        if self.dispatcher is not None:
            await self.dispatcher.stop()

    async def stop(self, application: Application) -> None:
        for task in self.tasks:
            task.cancel()
        self.tasks.clear()
        await self.stop_delivery()
        if self.scheduler is not None:
            self.scheduler.close()

    async def close(self, application: Application) -> None:
        # A stop signal during start (post_init) skips post_stop: stop here too.
        await self.stop(application)
        await self.db.close()

    async def _unreachable(self, tx: Tx, chat_id: int, reason: str) -> None:
        for hook in self.extensions[UNREACHABLE]:
            await hook(self, tx, chat_id, reason)

    async def _migrated(self, tx: Tx, old_chat_id: int, new_chat_id: int) -> None:
        for hook in self.extensions[MIGRATED]:
            await hook(self, tx, old_chat_id, new_chat_id)


# The runtime's extension points (see bot.core.extensions): what features plug into its
# lifecycle and into changes every feature may care about.
STORAGE_OPENED = Point[StorageHook]("storage opened")
START = Point[StartHook]("start")
GROUP_BOUND = Point[GroupHook]("a unit got its group")
GROUP_LOST = Point[GroupHook]("a unit lost its group (the bot was removed from it)")
COMPLAINT_CLOSED = Point[ComplaintHook]("a complaint was closed")
MEMBERSHIP = Point[MembershipHook]("a person's role or unit changed")
STAFF_STARTED = Point[MembershipHook]("a staff member or admin started the bot (first /start)")
RETURNED = Point[ReturnHook]("a person who had blocked the bot writes again")
UNREACHABLE = Point[UnreachableHook]("a chat cannot be written to any more")
MIGRATED = Point[MigratedHook]("a group got a new id")
