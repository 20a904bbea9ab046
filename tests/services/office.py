"""The office without Telegram: the real runtime, services and storage on a temporary
SQLite file, for tests that call a service the way a handler does and look at what it
changed (rows read through ``storage``) and what it queued for others (the outbox).

What is real: ``Runtime.create`` with the bundled office file, the features wired by
``bot.core.app.extend``, storage opened and migrated, the start hooks run (but
:data:`LEFT_OUT_AT_START`), the
``Scheduler`` of ``bot.core.scheduling`` on a :class:`FakeClock`. What is not there: PTB's
``Application`` (no updates, no handlers, no dispatcher: outbox rows stay queued, which is
what the tests read) and PTB's ``JobQueue``, replaced by :class:`ManualJobQueue`. Under a
fake clock the real scheduler hands the queue only jobs that are due; they run when the
test moves the clock (:meth:`ServiceOffice.advance`), as in the end-to-end tests.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, NamedTuple
from zoneinfo import ZoneInfo

from bot.complaints import intake
from bot.complaints.alerts import renderer
from bot.complaints.render import Renderer
from bot.core import app
from bot.core.app import extend
from bot.core.catalog import t
from bot.core.clock import FakeClock, from_epoch
from bot.core.office import load_office
from bot.core.runtime import START, Runtime
from bot.core.scheduling import Scheduler
from bot.core.settings import Settings
from bot.people import admin, directory
from bot.people.directory import Actor
from bot.people.roles import Role
from bot.reports import digest
from emulator.html import parse_html
from sandbox.steps import fragment
from storage.complaints.records import Complaint
from storage.core.db import Database

WIB = ZoneInfo("Asia/Jakarta")
#: Wednesday 25 November 2026, 09:00 WIB: an ordinary working morning (as in tests/e2e).
DEFAULT_START = datetime(2026, 11, 25, 9, 0, tzinfo=WIB)
ADMIN_ID = 900_001
#: How long the harness waits for the bot's own background work (re-arming after a commit,
#: due jobs) before it calls the test stuck; nothing in a passing test comes close.
STUCK_AFTER = 30.0


#: Start hooks the service tests leave out: the scheduled digests (a weekly digest draws
#: its chart and takes seconds, and any test that crosses a Monday morning would pay for
#: it) and the chart warm-up. Digests have their own end-to-end tests (tests/e2e).
LEFT_OUT_AT_START = (digest.on_start, app._warm_up_charts)


# --- the job queue ---------------------------------------------------------------------


@dataclass
class _Job:
    name: str | None
    callback: Callable[[Any], Awaitable[None]]
    data: Any
    removed: bool = False

    def schedule_removal(self) -> None:
        self.removed = True


@dataclass(frozen=True)
class JobContext:
    """What a job callback receives: production callbacks read only ``context.runtime``
    (PTB passes a ``BotContext``), plus the job, as PTB's context has it."""

    runtime: Runtime
    job: _Job


class ManualJobQueue:
    """Stands in for PTB's ``JobQueue`` under the real :class:`Scheduler`: the scheduler
    hands it, by name, the jobs a clock move made due (``run_once(..., when=0)``), and
    :meth:`run_due` runs them in that order. Only the three calls the scheduler makes."""

    def __init__(self) -> None:
        self.runtime: Runtime | None = None
        self._queue: list[_Job] = []
        self.ran: list[str] = []  # names of the jobs run, in order

    def run_once(
        self,
        callback: Callable[[Any], Awaitable[None]],
        when: float,
        name: str | None = None,
        data: Any = None,
        job_kwargs: dict[str, Any] | None = None,
    ) -> _Job:
        assert when <= 0, "under a fake clock the scheduler hands over due jobs only"
        job = _Job(name, callback, data)
        self._queue.append(job)
        return job

    def get_jobs_by_name(self, name: str) -> list[_Job]:
        return [job for job in self._queue if job.name == name and not job.removed]

    def jobs(self) -> tuple[_Job, ...]:
        return tuple(job for job in self._queue if not job.removed)

    async def run_due(self) -> int:
        """Run the queued jobs (and those they make due); returns how many ran."""
        assert self.runtime is not None
        count = 0
        while self._queue:
            job = self._queue.pop(0)
            if job.removed:
                continue
            await job.callback(JobContext(self.runtime, job))
            self.ran.append(job.name or "?")
            count += 1
        return count


class _NoTelegram:
    """Passed where a start hook expects PTB's ``Application``: the service tests have no
    Telegram, and a hook that reaches for it fails loudly instead of quietly doing less."""

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"service tests have no Telegram (a start hook read .{name})")


# --- what the office queued for others -------------------------------------------------


class Sent(NamedTuple):
    """One outbox row as a person would read it: ``text`` is the plain text Telegram shows
    (the HTML parsed by the emulator's parser, which also rejects malformed markup), or a
    caption; ``buttons`` the labels of an inline keyboard."""

    chat_id: int
    method: str
    text: str
    buttons: tuple[str, ...] = ()


def _plain(html_text: str | None) -> str:
    return parse_html(html_text)[0] if html_text else ""


def _buttons(params: dict[str, Any]) -> tuple[str, ...]:
    rows = (params.get("reply_markup") or {}).get("inline_keyboard") or []
    return tuple(str(button.get("text", "")) for row in rows for button in row)


# --- the office ------------------------------------------------------------------------


@dataclass
class ServiceOffice:
    runtime: Runtime
    clock: FakeClock
    jobs: ManualJobQueue
    admin: Actor
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1001))
    _chats: itertools.count = field(default_factory=lambda: itertools.count(1))

    @property
    def db(self) -> Database:
        return self.runtime.db

    @property
    def scheduler(self) -> Scheduler:
        assert self.runtime.scheduler is not None
        return self.runtime.scheduler

    # -- people and groups, through the services handlers call ---------------------------

    async def person(
        self, first_name: str, *, language: str = "id", username: str | None = None
    ) -> Actor:
        """Someone who opened a private chat with the bot (what ``/start`` records)."""
        actor = await directory.seen(
            self.runtime, next(self._ids), first_name, None, username, private_chat=True
        )
        if language != actor.language:
            actor = await directory.set_language(self.runtime, actor, language)
        return actor

    async def citizen(self, first_name: str, **kwargs: Any) -> Actor:
        """A person who accepted the privacy notice (as the complaint intake asks first)."""
        actor = await self.person(first_name, **kwargs)
        await intake.give_consent(self.runtime, actor)
        return actor

    async def invite_token(
        self, role: str, unit: str | None = None, *, by: Actor | None = None
    ) -> str:
        """The token of an invite link (``/undang``) made by ``by`` (else the admin), as
        the ``/start`` handler reads it from the link."""
        link = await admin.create_invite(self.runtime, by or self.admin, Role(role), unit)
        return link.url.split("start=", 1)[1].removeprefix(admin.INVITE_PREFIX)

    async def invite(self, person: Actor, role: str, unit: str | None = None) -> Actor:
        """The admin's invite link, opened by ``person``; returns them with the role they
        hold now."""
        token = await self.invite_token(role, unit)
        assert await admin.accept_invite(self.runtime, person, token) is not None
        return await directory.reload(self.runtime, person)

    async def staff(self, first_name: str, role: str, unit: str | None = None) -> Actor:
        return await self.invite(await self.person(first_name), role, unit)

    async def bind_group(self, unit: str, *, title: str | None = None, forum: bool = False) -> int:
        """The admin's ``/grup_unit UNIT`` in a new group; returns the group's chat id."""
        chat_id = -100_000 - next(self._chats)
        await admin.bind_group(
            self.runtime, self.admin, unit, chat_id, title or f"Grup {unit}", forum
        )
        return chat_id

    async def file(
        self,
        citizen: Actor,
        category: str = "INFRA",
        description: str = "Lampu jalan di depan sekolah mati sejak seminggu.",
        *,
        kelurahan: str | None = "LBD",
        confidential: bool = False,
        named_unit: str | None = None,
        **draft: Any,
    ) -> Complaint:
        """A finished complaint draft, sent as the intake's "Kirim" sends it."""
        submitted = await intake.submit(
            self.runtime,
            citizen,
            intake.Draft(
                category=category,
                description=description,
                kelurahan=kelurahan,
                confidential=confidential,
                named_unit=named_unit,
                **draft,
            ),
        )
        assert submitted.created
        return submitted.complaint

    # -- time ------------------------------------------------------------------------------

    def local(self) -> datetime:
        return self.clock.now().astimezone(WIB)

    async def settle(self) -> None:
        """Wait for the work committed changes started in the background (the scheduler
        re-arming a job after a transaction touched its rows)."""
        current = asyncio.current_task()
        while pending := [t for t in asyncio.all_tasks() if t is not current and not t.done()]:
            try:
                await asyncio.wait_for(asyncio.gather(*pending), STUCK_AFTER)
            except TimeoutError:
                raise AssertionError(f"background work never finished: {pending}") from None

    async def advance(self, **delta: float) -> None:
        """Move the fake clock; returns when every job that fell due has run."""
        await self.at(self.clock.now() + timedelta(**delta))

    async def at(self, moment: datetime) -> None:
        """Set the fake clock to ``moment`` (forward only); returns like :meth:`advance`."""
        assert moment >= self.clock.now(), "time only moves forward"
        await self.settle()
        self.clock.set(moment)
        while await self.jobs.run_due():
            await self.settle()
        await self.settle()

    async def armed(self, name: str) -> datetime | None:
        """When the scheduler will run job ``name`` (WIB), or None if it is not armed."""
        await self.settle()
        due = self.scheduler.pending(name).get(name)
        return due.astimezone(WIB) if due is not None else None

    # -- what others were told ------------------------------------------------------------

    async def delivered(self) -> None:
        """Everything queued so far counts as sent (each row gets a message id), as the
        dispatcher does within a second in the running bot: a later change then edits
        the messages instead of rewriting what is still queued."""
        async with self.db.transaction() as tx:
            await tx.execute(
                "UPDATE outbox SET state = 'sent', sent_at = ?, message_id = 100000 + id "
                "WHERE state = 'pending'",
                (self.runtime.now(),),
            )

    async def sent(self, chat_id: int | None = None, *, after: int = 0) -> list[Sent]:
        """Every outbox row (to ``chat_id``, or to anyone) after row id ``after``, in order."""
        rows = await self.db.fetchall(
            "SELECT id, chat_id, method, params FROM outbox WHERE id > ? ORDER BY id", (after,)
        )
        found = []
        for row in rows:
            if chat_id is not None and row["chat_id"] != chat_id:
                continue
            params = json.loads(row["params"])
            text = params.get("text", params.get("caption"))
            found.append(Sent(row["chat_id"], row["method"], _plain(text), _buttons(params)))
        return found

    async def texts(self, chat_id: int, *, after: int = 0) -> list[str]:
        """The texts of the messages and edits queued for ``chat_id`` (not menus, files)."""
        return [
            s.text
            for s in await self.sent(chat_id, after=after)
            if s.method in ("sendMessage", "editMessageText")
        ]

    async def told(self, chat_id: int, key: str, *, after: int = 0) -> list[str]:
        """The texts queued for ``chat_id`` built from catalog entry ``key`` (recognised by
        its longest fixed part, so a reworded text needs no change here)."""
        wanted = fragment(key)
        return [text for text in await self.texts(chat_id, after=after) if wanted in text]

    def says(self, key: str, language: str = "id", **values: object) -> str:
        """Catalog text ``key`` as a person reads it (plain text), for exact comparisons."""
        return _plain(t(language, key, **values))

    def draw(self) -> Renderer:
        """The complaint texts' renderer (dates, durations, unit names as people read them)."""
        return renderer(self.runtime)

    async def mark(self) -> int:
        """The outbox's last row id: ``sent(after=mark)`` reads what came since."""
        return await self.db.fetchval("SELECT COALESCE(MAX(id), 0) FROM outbox") or 0

    async def fingerprint(self) -> dict[str, str]:
        """A digest of every table's content: equal before and after a call means the call
        changed nothing at all (the one-transaction rule, seen from outside)."""
        tables = await self.db.fetchall(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
        digest = {}
        for (name,) in tables:
            rows = sorted(repr(tuple(r)) for r in await self.db.fetchall(f'SELECT * FROM "{name}"'))
            digest[name] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
        return digest

    @asynccontextmanager
    async def unchanged(self) -> AsyncIterator[None]:
        """Around a call that must change nothing (refused, or a repeat): the database is
        the same afterwards, whether the call raised or returned."""
        before = await self.fingerprint()
        try:
            yield
        finally:
            assert await self.fingerprint() == before, "the call changed the database"

    def when(self, epoch: int) -> datetime:
        return from_epoch(epoch).astimezone(WIB)


async def open_office(database: Path, start: datetime = DEFAULT_START) -> ServiceOffice:
    """The office at ``start``, started as ``marelan-bot run`` starts it, minus Telegram."""
    clock = FakeClock(start)
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_path=database,
        admin_ids=frozenset({ADMIN_ID}),
    )
    runtime = Runtime.create(settings, load_office(settings.office_config), clock)
    extend(runtime.extensions)
    await runtime.open_storage()
    jobs = ManualJobQueue()
    jobs.runtime = runtime
    runtime.scheduler = Scheduler(jobs, clock)  # type: ignore[arg-type]
    for hook in runtime.extensions[START]:
        if hook not in LEFT_OUT_AT_START:
            await hook(runtime, _NoTelegram())  # type: ignore[arg-type]
    operator = await directory.seen(runtime, ADMIN_ID, "Admin", None, "camat_admin", True)
    office = ServiceOffice(runtime, clock, jobs, operator)
    await office.settle()
    return office


async def close_office(office: ServiceOffice) -> None:
    await office.settle()
    office.scheduler.close()
    await office.runtime.db.close()
