"""The office in a box: the Bot API emulator, the real bot, the people and the fake clock.

:class:`SandboxOffice` is what the page acts on. The bot is the application
``marelan-bot run`` builds (:class:`bot.inprocess.InProcessBot` over
:func:`bot.app.build_application`), pointed at an emulator that listens on 127.0.0.1 only,
with a token the emulator made up: nothing leaves the machine. Time is a
:class:`bot.clock.FakeClock`, the clock the tests use; it moves only when someone presses a
clock button (or a scenario moves it).

With a kept database (``--db PATH``) the people and groups are remembered in a small file
next to it (``PATH.sandbox.json``: their Telegram ids, names, roles and the clock), so the
next start meets the same people again instead of inviting strangers; the chat histories
themselves live in the emulator's memory and start empty.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import asdict, dataclass
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from bot.core.clock import FakeClock, SystemClock
from bot.core.inprocess import InProcessBot
from bot.core.office import Office, load_office
from bot.core.pacing import PaceLimits
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from bot.core.workcalendar import WorkCalendar
from emulator import BotWorld, FakeGroup, FakeTelegram, FakeUser
from sandbox import roster
from sandbox.roster import CITIZEN, Name

BOT_USERNAME = "marelan_sandbox_bot"
BOT_NAME = "Kecamatan Medan Marelan"
#: Office time runs faster than real time here (a working day in one click, three weeks
#: of demo history in seconds), so private chats get the larger bursts the tests give
#: them. The bot keeps its own limits (PTB's 30 a second overall and 20 a minute per
#: group); the emulator enforces the same with a small margin, because two limiters on
#: different clocks disagree by a few milliseconds at full speed (the bot would retry such
#: a 429 on Telegram too, but the sandbox shows every rejected request as a fault).
PACE = PaceLimits(outbox_rate=20.0, private_burst=20, private_rate=20.0)
EMULATOR_LIMITS = {
    "private_burst": 30,
    "private_rate": 30.0,
    "global_burst": 33,
    "global_rate": 33.0,
    "group_burst": 22,
    "group_rate": 22 / 60,
}
#: How long a clock move may take to run the jobs it made due.
CATCH_UP_SECONDS = 60


class SandboxError(Exception):
    """Something the sandbox cannot do, said to the operator as is."""


@dataclass
class Person:
    """Someone the page can act as: the emulator's person, and who they are in the office
    as the sandbox seeded them (the bot's database is the authority on roles)."""

    user: FakeUser
    role: str
    unit: str | None = None

    @property
    def id(self) -> int:
        return self.user.id


@dataclass
class _SavedPerson:
    id: int
    first_name: str
    last_name: str | None
    username: str | None
    role: str
    unit: str | None
    started: bool = True


@dataclass
class _SavedGroup:
    id: int
    title: str
    unit: str
    members: list[int]
    admins: list[int]


UNLIMITED = 1_000_000


def office_calendar(settings: Settings, office: Office) -> WorkCalendar:
    """The bot's own working calendar for this office (holidays, office hours)."""
    return Runtime.create(settings, office, SystemClock()).calendar


def working_morning(calendar: WorkCalendar, now: datetime) -> datetime:
    """09:00 WIB of today when it is a working day, else of the next working day."""
    day = calendar.next_working_day(now.astimezone(calendar.zone).date())
    return datetime.combine(day, time(9, 0), calendar.zone)


class SandboxOffice:
    """The emulator, the bot, the clock and the people; started and stopped together."""

    def __init__(
        self,
        base: Settings,
        database: Path,
        *,
        start: datetime | None = None,
        rewind: timedelta = timedelta(0),
        remember: bool = False,
    ) -> None:
        self.base = base
        self.database = database
        self.remember = remember
        self.office = load_office(base.office_config)
        self.calendar = office_calendar(base, self.office)
        saved = self._load() if remember else None
        self._saved = saved
        #: The office's "today": where the clock stands once the office is set up (a
        #: scenario with history starts ``rewind`` earlier and plays up to it).
        self.today = start or working_morning(self.calendar, datetime.now(self.calendar.zone))
        if saved is not None:
            moment = datetime.fromisoformat(saved["clock"])
        elif rewind:
            moment = working_morning(self.calendar, self.today - rewind)
        else:
            moment = self.today
        self.clock = FakeClock(moment)
        self.telegram = FakeTelegram(clock=lambda: self.clock.now().timestamp())
        self.people: dict[int, Person] = {}
        self.groups: dict[str, FakeGroup] = {}
        self._bot: InProcessBot | None = None
        self._world: BotWorld | None = None
        self._citizens_made = 0
        self._clock_lock = asyncio.Lock()

    # ------------------------------------------------------------------------- life

    @property
    def world(self) -> BotWorld:
        assert self._world is not None, "the sandbox is not started"
        return self._world

    @property
    def bot(self) -> InProcessBot:
        assert self._bot is not None, "the sandbox is not started"
        return self._bot

    @property
    def runtime(self) -> Runtime:
        return self.bot.runtime

    @property
    def is_new(self) -> bool:
        """True when nobody was remembered: the office still has to be set up."""
        return self._saved is None

    @property
    def admin(self) -> Person:
        return next(p for p in self.people.values() if p.role == roster.ADMIN)

    async def start(self) -> None:
        await self.telegram.start("127.0.0.1", 0)
        world = self.telegram.add_bot(username=BOT_USERNAME, first_name=BOT_NAME)
        for name, value in EMULATOR_LIMITS.items():
            setattr(world.limits, name, value)
        self._world = world
        if self._saved is not None:
            self._restore(self._saved)
        else:
            self.add_person(roster.ADMIN_NAME, roster.ADMIN)
        settings = self.base.model_copy(
            update={
                "bot_token": SecretStr(world.token),
                "telegram_api_base_url": world.root,
                "database_path": self.database,
                "admin_ids": frozenset({self.admin.id}),
                "webhook_url": None,
                "bot_username": world.username,
                # Scripted people act many times within one minute of the office clock,
                # which stands still until it is moved: no flood limit here.
                "flood_messages_per_minute": UNLIMITED,
            }
        )
        self._bot = InProcessBot(settings, self.clock, PACE)
        await self._bot.start()

    async def stop(self) -> None:
        if self._bot is not None:
            self.save()
            await self._bot.stop()
            self._bot = None
        await self.telegram.stop()

    # ------------------------------------------------------------------------ people

    def add_person(
        self, name: Name, role: str, unit: str | None = None, *, user_id: int | None = None
    ) -> Person:
        """A new person in the emulator (they have not written to the bot yet)."""
        user = self.world.user(name.first_name, name.last_name, name.username, user_id=user_id)
        person = Person(user, role, unit)
        self.people[user.id] = person
        return person

    def new_citizen(self) -> Person:
        """A citizen nobody has seen before, with the next name of the pool."""
        used = {p.user.full_name for p in self.people.values()}
        while True:
            name = roster.citizen_name(self._citizens_made)
            self._citizens_made += 1
            full = f"{name.first_name} {name.last_name}" if name.last_name else name.first_name
            if full not in used:
                break
        person = self.add_person(name, CITIZEN)
        self.save()
        return person

    def add_group(
        self, unit: str, title: str, members: list[Person], admins: list[Person]
    ) -> FakeGroup:
        group = self.world.group(
            title, members=[p.user for p in members], admins=[p.user for p in admins]
        )
        self.groups[unit] = group
        return group

    def person(self, person_id: int) -> Person:
        if person_id not in self.people:
            raise SandboxError(f"no person {person_id} in the sandbox")
        return self.people[person_id]

    # ------------------------------------------------------------------------- clock

    def now(self) -> datetime:
        return self.clock.now().astimezone(self.calendar.zone)

    async def move_clock(self, moment: datetime) -> datetime:
        """Set the office clock forward to ``moment``; returns when the deadline checks,
        reminders and digests that fell due have run and the bot is idle."""
        async with self._clock_lock:
            if moment <= self.clock.now():
                raise SandboxError("the office clock only moves forward")
            self.clock.set(moment)
            await self.caught_up()
            self.save()
            return self.now()

    async def advance(self, **delta: float) -> datetime:
        return await self.move_clock(self.clock.now() + timedelta(**delta))

    async def caught_up(self) -> None:
        scheduler = self.runtime.scheduler
        if scheduler is not None:
            try:
                async with asyncio.timeout(CATCH_UP_SECONDS):
                    await scheduler.caught_up()
            except TimeoutError:
                raise SandboxError("the jobs due after the clock move did not finish") from None
        await self.world.settle(timeout=CATCH_UP_SECONDS)

    # ---------------------------------------------------------------- remembering

    @property
    def _roster_file(self) -> Path:
        return self.database.with_name(self.database.name + ".sandbox.json")

    def save(self) -> None:
        """Write who is who (and the clock) next to a kept database."""
        if not self.remember or self._world is None:
            return
        people = [
            _SavedPerson(
                p.id,
                p.user.first_name,
                p.user.last_name,
                p.user.username,
                p.role,
                p.unit,
                p.user.started,
            )
            for p in self.people.values()
        ]
        groups = [
            _SavedGroup(
                g.id,
                g.title,
                unit,
                [m.id for m in g.members],
                [uid for uid, s in g.chat.members.items() if s == "administrator"],
            )
            for unit, g in self.groups.items()
        ]
        data = {
            "clock": self.clock.now().isoformat(),
            "citizens_made": self._citizens_made,
            "people": [asdict(p) for p in people],
            "groups": [asdict(g) for g in groups],
        }
        self._roster_file.write_text(json.dumps(data, indent=1, ensure_ascii=False))

    def _load(self) -> dict[str, Any] | None:
        if not self._roster_file.is_file():
            if self.database.exists():
                raise SandboxError(
                    f"{self.database} exists but was not made by the sandbox (no "
                    f"{self._roster_file.name}); give --db a new file name"
                )
            return None
        return json.loads(self._roster_file.read_text())

    def _restore(self, saved: dict[str, Any]) -> None:
        self._citizens_made = saved.get("citizens_made", 0)
        for item in saved["people"]:
            p = _SavedPerson(**item)
            person = self.add_person(
                Name(p.first_name, p.last_name, p.username), p.role, p.unit, user_id=p.id
            )
            person.user.started = p.started  # they opened the chat with the bot before
        for item in saved["groups"]:
            g = _SavedGroup(**item)
            users = [self.world.users[i] for i in g.members]
            group = self.world.group(
                g.title, members=users, admins=[self.world.users[i] for i in g.admins], chat_id=g.id
            )
            self.groups[g.unit] = group
