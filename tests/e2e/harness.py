"""An office in a box: the real bot, a fake Telegram, people and a clock for the tests.

Each test gets its own bot world (token, users, groups) and database on a fake Bot API
server shared by the module, and drives it the way people do: send text, press buttons
by their label, read what the bot sent.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.core.clock import FakeClock
from bot.core.inprocess import InProcessBot
from bot.core.pacing import PaceLimits
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from emulator import BotWorld, FakeGroup, FakeTelegram, FakeUser
from storage.core.db import Database
from storage.core.namespace import DEFAULT_SCHEMA, split_schema

WIB = ZoneInfo("Asia/Jakarta")
#: Wednesday 25 November 2026, 09:00 WIB: an ordinary working morning.
DEFAULT_START = datetime(2026, 11, 25, 9, 0, tzinfo=WIB)
UNLIMITED_FLOOD = 1_000_000
#: Tests should not wait a second per private message; the limits themselves are
#: exercised in the delivery tests.
FAST_PACE = PaceLimits(
    outbox_rate=25.0, private_burst=20, private_rate=20.0, group_burst=20, group_rate=1.0
)


@dataclass
class OfficeEnv:
    world: BotWorld
    clock: FakeClock
    settings: Settings
    bot: InProcessBot
    admin: FakeUser
    people: dict[str, FakeUser] = field(default_factory=dict)

    @property
    def runtime(self) -> Runtime:
        return self.bot.runtime

    @property
    def db(self) -> Database:
        return self.bot.runtime.db

    def user(self, first_name: str, **kwargs: Any) -> FakeUser:
        person = self.world.user(first_name, **kwargs)
        self.people[first_name] = person
        return person

    async def read_database(self) -> Database:
        """A separate connection, for looking at the file while the bot is stopped."""
        database = Database(self.settings.database)
        await database.open()
        return database

    async def restart(self) -> None:
        await self.world.settle()
        await self.bot.restart()

    async def invite(self, person: FakeUser, role: str, unit: str | None = None) -> None:
        await invite(self.admin, person, role, unit)

    async def bind_group(self, group: FakeGroup, unit: str) -> None:
        await bind_group(self.admin, group, unit)

    async def at(self, moment: datetime) -> None:
        """Set the fake clock to ``moment``; returns like :meth:`advance`."""
        self.clock.set(moment)
        await self._caught_up()

    async def advance(self, **delta: float) -> None:
        """Move the fake clock; returns when the jobs that fell due have run and the bot
        is idle."""
        self.clock.advance(timedelta(**delta))
        await self._caught_up()

    async def _caught_up(self) -> None:
        if self.runtime.scheduler is not None:
            try:
                await asyncio.wait_for(self.runtime.scheduler.caught_up(), timeout=30)
            except TimeoutError:
                raise AssertionError("jobs due after the clock move did not finish") from None
        await self.world.settle()


def database_settings(database: Path | str) -> dict[str, Any]:
    """The settings that point a bot at ``database`` (see :func:`start_office`)."""
    if isinstance(database, Path):
        return {"database_path": database}
    url, schema = split_schema(database)
    return {"database_url": url} | ({} if schema == DEFAULT_SCHEMA else {"database_schema": schema})


async def invite(admin: FakeUser, person: FakeUser, role: str, unit: str | None = None) -> None:
    """The admin invites ``person``, who opens the link: the real invite flow."""
    await admin.send(f"/undang {role} {unit or ''}".strip())
    link = await admin.wait_for("start=inv_")
    token = link.text.split("start=")[1].split()[0]
    await person.send(f"/start {token}")
    await person.wait_for("terdaftar sebagai")
    await admin.wait_for("menerima undangan")


async def bind_group(admin: FakeUser, group: FakeGroup, unit: str) -> None:
    await admin.say(group, f"/grup_unit {unit}")
    await group.wait_for("sekarang menjadi kanal")


async def start_office(
    telegram: FakeTelegram,
    database: Path | str,
    *,
    start: datetime = DEFAULT_START,
    pace: PaceLimits = FAST_PACE,
    username: str = "marelan_test_bot",
    **overrides: Any,
) -> OfficeEnv:
    """The bot of one office (its own bot world and token on ``telegram``), started on
    ``database``: an SQLite file, or a PostgreSQL URL that may name the office's schema
    (:func:`storage.core.db.in_schema`; given to the bot as DATABASE_URL and
    DATABASE_SCHEMA). Another office file: ``office_config=Path(...)``."""
    world = telegram.add_bot(username=username, first_name="Marelan Bot")
    # Conversations send bursts of a few messages; the emulator keeps Telegram's overall and
    # group limits, and the delivery tests tighten the per-chat ones again.
    world.limits.private_burst = 30
    world.limits.private_rate = 30.0
    admin = world.user("Admin", username="camat_admin")
    clock = FakeClock(start)
    # The fake clock stands still while a test acts: dozens of messages in one minute of
    # it are normal here (tests/e2e/test_abuse_limits.py sets the real limit).
    overrides.setdefault("flood_messages_per_minute", UNLIMITED_FLOOD)
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        bot_token=world.token,
        telegram_api_base_url=world.root,
        **database_settings(database),
        admin_ids=frozenset({admin.id}),
        **overrides,
    )
    bot = InProcessBot(settings, clock, pace)
    await bot.start()
    await admin.send("/start")
    await admin.next_message()
    return OfficeEnv(world, clock, settings, bot, admin)
