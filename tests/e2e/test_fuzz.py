"""Fuzzing the real application (issue 14): hypothesis generates updates, the emulator
delivers them to the bot built by ``build_application``, and after every batch:

- no update ended in an unhandled exception (the error handler logged none);
- every request the bot made was accepted by the emulator (which checks them against
  Telegram's rules and limits);
- nothing changed that only staff may change: complaints' status, unit and assignee,
  roles, unit groups, activities, and no staff event in a complaint's timeline.

The people generating updates are all without authority: citizens (one with a complaint
filed), strangers, a neighbour who is in a unit group but not staff, people in a group the
bot does not serve, the owner of a channel, another bot. What they send: texts with HTML
and MarkdownV2 specials, control and zero-width characters, right-to-left text, emoji, at
Telegram's maximum length; commands with odd arguments; presses with random, oversized and
forged callback data on old messages and on messages meant for someone else; edits;
channel posts; files of every kind, with wrong MIME types; locations anywhere.

``FUZZ_BATCHES`` x ``FUZZ_BATCH`` updates (by default 200 x 50: 10,000).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import pytest_asyncio
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from emulator import ApiError, BotMessage, FakeChannel, FakeGroup, FakeUser
from tests.e2e.complaint_steps import Unit, alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv

BATCHES = int(os.environ.get("FUZZ_BATCHES", "200"))
BATCH = int(os.environ.get("FUZZ_BATCH", "50"))

# --- what people type --------------------------------------------------------------------

SPECIALS = list("<>&\"'_*[]()~`>#+-=|{}.!\\/@")
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e", "\u202d", "\u00ad"]
CONTROL = [chr(c) for c in range(1, 32) if chr(c) not in "\n"] + ["\x7f"]
RTL = ["مرحبا بالعالم", "שלום", "\u202eتست\u202c", "ابت ثجح"]
EMOJI = ["🚧", "👍🏽", "👨‍👩‍👧‍👦", "🇮🇩", "❤️", "🙏", "😀"]
TAGS = [
    "<b>",
    "</b>",
    "<i>x</i>",
    "<a href='tg://user?id=1'>x</a>",
    "&amp;",
    "&lt;",
    "<tg-spoiler>",
]
WORDS = ["lapor", "jalan", "rusak", "MRL-2611-0001", "/start", "#catatan", "ok", "siap"]
COMMANDS = [
    "start",
    "lapor",
    "status",
    "riwayat",
    "survei",
    "bantuan",
    "bahasa",
    "batal",
    "datasaya",
    "antrian",
    "tiket",
    "ringkasan",
    "kinerja",
    "ikm",
    "ekspor",
    "undang",
    "cabut",
    "grup_unit",
    "pengguna",
    "kegiatan_baru",
    "blokir",
    "buka_blokir",
    "diblokir",
    "transparansi",
    "forum",
    "jp",
    "catatan_publik",
    "tindak_lanjut",
    "kanal_publik",
    "foo",
]

pieces = st.one_of(
    st.sampled_from(SPECIALS),
    st.sampled_from(INVISIBLE),
    st.sampled_from(CONTROL),
    st.sampled_from(RTL),
    st.sampled_from(EMOJI),
    st.sampled_from(TAGS),
    st.sampled_from(WORDS),
    st.text(min_size=1, max_size=12),
)
texts = st.one_of(
    st.lists(pieces, min_size=1, max_size=30).map("".join),
    st.builds(lambda s, n: (s * n)[:4096], st.sampled_from(EMOJI + SPECIALS + RTL), st.just(4096)),
    st.text(min_size=1, max_size=200),
).map(lambda text: text[:4096] if text.strip() else "x")
arguments = st.lists(
    st.one_of(
        st.sampled_from(["9999", "2026-13", "MRL-9999-9999", "0", "-1", "PEMB", "x" * 300]),
        st.integers().map(str),
        pieces,
    ),
    max_size=4,
).map(" ".join)
callback_data = st.one_of(
    st.text(max_size=64),
    st.text(min_size=65, max_size=120),  # oversized: a modified client
    st.lists(
        st.sampled_from(["v1", "v2", "c", "lp", "s", "a", "r", "pd", "m", "lang", "x"]),
        min_size=1,
        max_size=6,
    ).map(":".join),
    st.builds(
        lambda a, b: f"v1:{a}:{b}",
        st.sampled_from(["c", "lp", "s", "a", "r", "pd", "m"]),
        st.text(max_size=30),
    ),
)
MIME = [
    "application/pdf",
    "image/png",
    "image/jpeg",
    "application/x-msdownload",
    "text/html",
    "application/octet-stream",
    "video/mp4",
    "audio/ogg",
    "",
]
NAMES = ["surat.pdf", "foto.png", "virus.exe", "a" * 200 + ".pdf", "<b>.pdf", "x", "laporan.jpg"]


@dataclass(frozen=True)
class Action:
    kind: str
    actor: int  # index into the cast of people
    text: str = ""
    data: str = ""
    pick: int = 0  # which message (of those the actor can see), modulo their number
    mime: str = ""
    name: str = ""
    place: tuple[float, float] = (0.0, 0.0)


actions = st.one_of(
    st.builds(Action, kind=st.just("text"), actor=st.integers(0, 99), text=texts),
    st.builds(
        Action,
        kind=st.just("command"),
        actor=st.integers(0, 99),
        text=st.builds(
            lambda c, a, m: f"/{c}{m} {a}".strip(),
            st.sampled_from(COMMANDS),
            arguments,
            st.sampled_from(["", "@marelan_test_bot", "@other_bot"]),
        ),
    ),
    st.builds(
        Action,
        kind=st.just("press"),
        actor=st.integers(0, 99),
        data=callback_data,
        pick=st.integers(0, 999),
    ),
    st.builds(Action, kind=st.just("forged"), actor=st.integers(0, 99), pick=st.integers(0, 999)),
    st.builds(
        Action,
        kind=st.just("reply"),
        actor=st.integers(0, 99),
        text=texts,
        pick=st.integers(0, 999),
    ),
    st.builds(Action, kind=st.just("edit"), actor=st.integers(0, 99), text=texts),
    st.builds(
        Action,
        kind=st.just("file"),
        actor=st.integers(0, 99),
        mime=st.sampled_from(MIME),
        name=st.sampled_from(NAMES),
        text=st.one_of(st.just(""), texts.map(lambda t: t[:1024])),
    ),
    st.builds(
        Action,
        kind=st.sampled_from(["photo", "voice", "video", "sticker", "contact"]),
        actor=st.integers(0, 99),
    ),
    st.builds(
        Action,
        kind=st.just("location"),
        actor=st.integers(0, 99),
        place=st.tuples(st.floats(-90, 90), st.floats(-180, 180)),
    ),
    st.builds(Action, kind=st.just("channel"), actor=st.just(0), text=texts),
    st.builds(Action, kind=st.just("bot"), actor=st.just(0), text=texts),
)


# --- the cast and the stage --------------------------------------------------------------


@dataclass
class Stage:
    office: OfficeEnv
    unit: Unit
    people: list[FakeUser]
    neighbour: FakeUser  # in the unit group, not staff
    elsewhere: FakeGroup  # a group the bot does not serve
    channel: FakeChannel
    other_bot: FakeUser
    errors: list[logging.LogRecord] = field(default_factory=list)
    seen_requests: int = 0
    updates: int = 0
    paced: int = 0  # 429s met (Telegram's pacing, retried by the bot)


class _Errors(logging.Handler):
    def __init__(self, sink: list[logging.LogRecord]) -> None:
        super().__init__(logging.ERROR)
        self.sink = sink

    def emit(self, record: logging.LogRecord) -> None:
        self.sink.append(record)


@pytest_asyncio.fixture
async def stage(office: OfficeEnv) -> AsyncIterator[Stage]:
    unit = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    reporter = office.user("Pelapor")
    await file_complaint(reporter)
    await alert_for(unit.group, "MRL-")
    neighbour = office.user("Tetangga")
    unit.group.chat.members[neighbour.id] = "member"
    strangers = [office.user(f"Orang{i}") for i in range(3)]
    owner = office.user("PemilikKanal")
    elsewhere = office.world.group("Grup RT 05", members=[*strangers, reporter])
    channel = office.world.channel("Kanal Warga", owner=owner, bot_admin=True)
    other_bot = office.user("BotLain", username="lain_bot")
    other_bot.is_bot = True
    unit.group.chat.members[other_bot.id] = "member"
    errors: list[logging.LogRecord] = []
    handler = _Errors(errors)
    logging.getLogger().addHandler(handler)
    try:
        yield Stage(
            office,
            unit,
            [reporter, neighbour, *strangers, owner],
            neighbour,
            elsewhere,
            channel,
            other_bot,
            errors,
            len(office.world.requests),
        )
    finally:
        logging.getLogger().removeHandler(handler)


def _visible(stage: Stage, person: FakeUser) -> list[BotMessage]:
    """Bot messages this person can see and press: their own chat's and the groups'."""
    seen = list(person.inbox)
    if person is stage.neighbour or person is stage.people[0]:
        seen += stage.unit.group.bot_messages
    return seen


def _buttons(stage: Stage) -> list[str]:
    """Every callback data the bot ever offered anyone (to forge presses with)."""
    found: list[str] = []
    for chat in stage.office.world.chats.values():
        for message in chat.bot_visible():
            found += [
                str(b["callback_data"])
                for row in message.inline_keyboard
                for b in row
                if "callback_data" in b
            ]
    return found


async def perform(stage: Stage, action: Action) -> None:
    """One update; what the emulator forbids a real client to do is skipped."""
    person = stage.people[action.actor % len(stage.people)]
    where: FakeGroup | None = None
    if action.actor % 7 == 3:
        where = stage.unit.group if person is stage.neighbour else stage.elsewhere
    seen = _visible(stage, person)
    target = seen[action.pick % len(seen)] if seen else None
    with contextlib.suppress(ApiError, AssertionError):
        match action.kind:
            case "text" | "command":
                if where is not None:
                    await person.say(where, action.text)
                else:
                    await person.send(action.text)
            case "reply":
                if target is not None and target.chat_id != person.id:
                    group = stage.unit.group if target.chat_id == stage.unit.group.id else None
                    if group is not None:
                        await person.say(group, action.text, reply_to=target)
                elif target is not None:
                    await person.send(action.text, reply_to=target)
            case "press":
                if target is not None:
                    await person.press_data(action.data[:200] or "x", message=target, timeout=3)
            case "forged":
                offered = _buttons(stage)
                if target is not None and offered:
                    data = offered[action.pick % len(offered)]
                    await person.press_data(data, message=target, timeout=3)
            case "edit":
                mine = [
                    m
                    for m in stage.office.world.messages(person.id)
                    if not m.from_bot and m.text is not None
                ]
                if mine:
                    await person.edit(mine[-1], action.text)
            case "file":
                await person.send_document(
                    action.name,
                    action.mime,
                    b"%PDF-1.4 not really",
                    action.text or None,
                    chat=where,
                )
            case "photo":
                await person.send_photo(chat=where)
            case "voice":
                await person.send_voice(chat=where)
            case "video":
                await person.send_video(chat=where)
            case "sticker":
                await person.send_sticker(chat=where)
            case "contact":
                await person.send_contact(chat=where)
            case "location":
                await person.send_location(*action.place, chat=where)
            case "channel":
                await stage.channel.publish(stage.people[-1], action.text)
            case "bot":
                await stage.other_bot.say(stage.unit.group, action.text)
    stage.updates += 1


@pytest_asyncio.fixture
async def event_loop_for_sync() -> asyncio.AbstractEventLoop:
    """The module's event loop, for a synchronous test (hypothesis drives the examples)
    to run each batch on; the bot's own tasks run whenever it runs."""
    return asyncio.get_running_loop()


# --- what must hold ----------------------------------------------------------------------


STAFF_EVENTS = (
    "accepted",
    "info_requested",
    "internal_note",
    "public_reply",
    "reassigned",
    "resolved",
)


def _authority(database: str, complaints_before: int) -> dict[str, Any]:
    """Everything only staff (or admins) may change. (/hapusdata is left out of the
    commands: a reporter may withdraw their own complaint that way.) A citizen may file
    a complaint: a new one is only ever new and unassigned."""
    with contextlib.closing(sqlite3.connect(database)) as db:
        return {
            "complaints": db.execute(
                "SELECT number, status, unit_code, assignee_id, confidential FROM complaints "
                "WHERE id <= ? ORDER BY id",
                (complaints_before,),
            ).fetchall(),
            "new complaints handled": db.execute(
                "SELECT COUNT(*) FROM complaints WHERE id > ? "
                "AND (status <> 'baru' OR assignee_id IS NOT NULL)",
                (complaints_before,),
            ).fetchall(),
            "roles": db.execute(
                "SELECT telegram_id, role, unit_code FROM people WHERE role <> 'citizen' "
                "ORDER BY telegram_id"
            ).fetchall(),
            "unit_chats": db.execute("SELECT * FROM unit_chats ORDER BY 1").fetchall(),
            "activities": db.execute("SELECT COUNT(*) FROM activities").fetchall(),
            "staff_events": db.execute(
                f"SELECT COUNT(*) FROM complaint_events WHERE kind IN {STAFF_EVENTS!r}"
            ).fetchall(),
            "blocked": db.execute("SELECT COUNT(*) FROM blocked_people").fetchall(),
        }


async def _check(stage: Stage) -> None:
    world = stage.office.world
    await world.settle(timeout=30)
    # Every request must be one Telegram accepts. A 429 is not a refused request but
    # Telegram's pacing, which the bot honours by waiting and sending again. Direct
    # replies and the outbox share one pacer per chat and one overall budget
    # (bot/core/pacing.py), a few messages short of Telegram's burst; under the fuzzer's
    # bursts (up to 50 updates at once, with the bot's own flood limit lifted) a request
    # that reaches the emulator later than those taken after it can still meet one.
    # They are counted and printed, not failed.
    new = world.requests[stage.seen_requests :]
    stage.paced += sum(1 for c in new if c.status == 429)
    refused = [c for c in new if c.status not in (200, 429)]
    stage.seen_requests = len(world.requests)
    assert not refused, [(c.method, c.status, c.result_or_error) for c in refused[:5]]
    failures = [r for r in stage.errors if r.name.startswith(("handlers", "bot", "telegram"))]
    assert not failures, [f"{r.name}: {r.getMessage()}" for r in failures[:5]]


@pytest.mark.slow
def test_fuzzed_updates_through_the_real_application(
    stage: Stage, event_loop_for_sync: asyncio.AbstractEventLoop
) -> None:
    database = str(stage.office.settings.database_path)
    with contextlib.closing(sqlite3.connect(database)) as db:
        filed = int(db.execute("SELECT MAX(id) FROM complaints").fetchone()[0])
    before = _authority(database, filed)

    @settings(
        max_examples=BATCHES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(actions, min_size=BATCH, max_size=BATCH))
    def batch(steps: list[Action]) -> None:
        async def run() -> None:
            await asyncio.gather(*(perform(stage, step) for step in steps))
            await _check(stage)

        event_loop_for_sync.run_until_complete(run())
        assert _authority(database, filed) == before

    batch()
    print(
        f"fuzz: {stage.updates} updates, {len(stage.office.world.requests)} bot requests, "
        f"{stage.paced} answered 429 and retried"
    )
    assert stage.updates >= BATCHES * BATCH
