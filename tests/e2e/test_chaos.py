"""The chaos test of issue 14: the real ``marelan-bot run`` against the emulator, 50
citizens filing complaints and the staff of five units answering them, while the process
is killed with SIGKILL three times at random moments (and started again at once, and
again whenever it ends, as systemd's ``Restart=always`` does), Telegram answers with 5xx,
resets connections after processing and times out, and the database is locked for 15
seconds. Then:

- every confirmed complaint exists once, and the tracking numbers have no gaps;
- every citizen got their confirmation, exactly once (at most once more per kill);
- every staff answer reached its citizen;
- no outbox row is left ``sending``;
- no citizen has a second complaint because a confirmation was lost.

People act as people do: a citizen presses what the newest question on their screen
offers, and when nothing happens for a while types /lapor again; an officer replies to
each alert in the group and replies again when no confirmation comes.

Randomness is seeded (``CHAOS_SEED`` to repeat a run); the seed is in every failure.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import re
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from emulator import ApiError, BotMessage, FakeGroup, FakeTelegram, FakeUser
from emulator.faults import FaultPlan
from tests.e2e.bot_process import ProcessOffice, start_bot
from tests.e2e.complaint_steps import NUMBER

pytestmark = [
    pytest.mark.slow,
    pytest.mark.sqlite_only("the process's faults; the database is locked with sqlite3"),
]

CITIZENS = 50
UNITS = ("PEMB", "KESOS", "TRANTIB", "PEM", "PELAYANAN")
CATEGORY_OF = {
    "PEMB": "Infrastruktur",
    "KESOS": "Bantuan Sosial",
    "TRANTIB": "Ketertiban Umum",
    "PEM": "Administrasi Kependudukan",
    "PELAYANAN": "Perizinan",
}
KILLS = 3
LOCK_SECONDS = 15
#: How long a citizen waits for the bot before typing /lapor again, and for their number
#: after pressing Kirim (a minute: a person does not file twice after seconds).
PATIENCE = 12.0
NUMBER_PATIENCE = 60.0
#: systemd's RestartSec (README), and how long a restarted process may take to serve.
RESTART_SEC = 5.0
RESTART_PATIENCE = 60.0
#: The whole run must be over by then.
DEADLINE = 420.0


def _seed() -> int:
    return int(os.environ.get("CHAOS_SEED") or random.SystemRandom().randrange(1, 10**6))


@dataclass
class Run:
    seed: int
    office: ProcessOffice
    started: float = field(default_factory=time.monotonic)
    kills: int = 0
    numbers: dict[int, str] = field(default_factory=dict)  # citizen id -> number
    answers: dict[str, str] = field(default_factory=dict)  # number -> the staff's answer

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def fail(self, what: str) -> str:
        return f"{what} (CHAOS_SEED={self.seed}, kills={self.kills})"


# --- the citizens ------------------------------------------------------------------------


def _newest(citizen: FakeUser) -> BotMessage | None:
    inbox = citizen.inbox
    return inbox[-1] if inbox else None


def _labels(message: BotMessage) -> list[str]:
    return [label for row in message.buttons for label in row]


async def _press(citizen: FakeUser, label: str, message: BotMessage) -> None:
    # No answer (the bot was killed, Telegram failed): the person tries again later.
    with contextlib.suppress(AssertionError, ApiError):
        await citizen.press(label, message=message, timeout=8)


async def _changed(citizen: FakeUser, newest: BotMessage | None, within: float) -> bool:
    """Whether the bot reacts within ``within`` to what the citizen did with the newest
    message: a message after it, or a new version of it. (An older question ticking the
    choice made under it is no answer to what the citizen just did.)"""
    last = newest.message_id if newest else 0
    version = newest.version if newest else 0

    def reacted() -> bool:
        return any(
            m.message_id > last or (m.message_id == last and m.version > version)
            for m in citizen.inbox
        )

    return bool(await citizen.world.activity.wait_for(reacted, within))


async def citizen_files(run: Run, citizen: FakeUser, category: str, index: int) -> None:
    """File one complaint the way a person does, through whatever happens."""
    description = (
        f"Laporan warga nomor {index}: lampu jalan di gang {index} mati sejak kemarin malam."
    )
    while run.elapsed() < DEADLINE:
        confirmed = [m for m in citizen.inbox if "tercatat" in m.text]
        if confirmed:
            found = NUMBER.search(confirmed[0].text)
            assert found is not None
            run.numbers[citizen.id] = found.group(0)
            return
        newest = _newest(citizen)
        labels = _labels(newest) if newest else []
        text = newest.text if newest else ""
        patience = PATIENCE
        if newest is None or not (labels or "Ceritakan masalahnya" in text):
            await citizen.send("/lapor")
        elif any("Setuju" in b for b in labels):
            await _press(citizen, "Setuju", newest)
        elif any(category in b for b in labels):
            await _press(citizen, category, newest)
        elif "Terjun" in labels:
            await _press(citizen, "Terjun", newest)
        elif "Ceritakan masalahnya" in text:
            await citizen.send(description)
        elif any("Lewati" in b for b in labels):
            await _press(citizen, "Lewati", newest)
        elif any("Tampilkan nama saya" in b for b in labels):
            await _press(citizen, "Tampilkan nama saya", newest)
        elif any("Kirim" in b for b in labels):
            await _press(citizen, "Kirim", newest)
            patience = NUMBER_PATIENCE
        else:
            await citizen.send("/lapor")
        if patience == NUMBER_PATIENCE:
            await citizen.world.activity.wait_for(
                lambda: any("tercatat" in m.text for m in citizen.inbox), patience
            )
        else:
            await _changed(citizen, newest, patience)


# --- the staff ---------------------------------------------------------------------------


def _answer_for(number: str) -> str:
    return f"Jawaban petugas untuk {number}: tim kami memperbaiki lampu itu minggu ini."


async def staff_answer(run: Run, officer: FakeUser, group: FakeGroup, done: asyncio.Event) -> None:
    """Reply to every alert in the group; again when no confirmation comes. An alert can
    stand in the group twice (a send whose answer was lost, or in flight at a kill, goes
    out once more) and the bot knows only the copy it recorded: a reply to the other one
    is explained ("tidak diproses ... balas pesan pengaduannya"), so the next try goes to
    the next copy, as the officer reading that explanation does."""
    tries: Counter[str] = Counter()
    asked: dict[str, float] = {}
    while not done.is_set() and run.elapsed() < DEADLINE:
        confirmed = {
            found.group(0)
            for m in group.bot_messages
            if "terkirim ke warga" in m.text and (found := NUMBER.search(m.text))
        }
        copies: dict[str, list[BotMessage]] = {}
        for alert in [m for m in group.bot_messages if m.text.startswith(("🆕", "📌"))]:
            found = NUMBER.search(alert.text)
            if found is not None and found.group(0) not in confirmed:
                copies.setdefault(found.group(0), []).append(alert)
        for number, alerts in copies.items():
            if time.monotonic() - asked.get(number, 0) < 30:
                continue
            asked[number] = time.monotonic()
            alert = alerts[tries[number] % len(alerts)]
            tries[number] += 1
            run.answers[number] = _answer_for(number)
            with contextlib.suppress(ApiError):
                await officer.say(group, _answer_for(number), reply_to=alert)
        await run.office.world.activity.wait(1.0)


# --- the chaos ---------------------------------------------------------------------------


async def _restart(run: Run) -> None:
    """Start the process again at once, and again after ``RESTART_SEC`` whenever it ends
    (systemd's ``Restart=always``: a start that fails, e.g. on a database another process
    holds locked, is retried), and wait until it polls."""
    office = run.office
    # Counted as requests arrive: the killed process's last long poll may end later.
    polls = office.world.polls_begun
    deadline = time.monotonic() + RESTART_PATIENCE
    while time.monotonic() < deadline:
        office.bot = await start_bot(office.env, office.cwd, name=f"bot{run.kills}")
        ended = asyncio.create_task(office.bot.process.wait())
        polling = asyncio.create_task(
            office.world.activity.wait_for(
                lambda: office.world.polls_begun > polls,
                deadline - time.monotonic(),
            )
        )
        await asyncio.wait({ended, polling}, return_when=asyncio.FIRST_COMPLETED)
        if polling.done() and polling.result():
            ended.cancel()
            return
        polling.cancel()
        if not ended.done():
            break
        await asyncio.sleep(RESTART_SEC)  # systemd's own schedule
    raise AssertionError(run.fail("the process did not come back after a kill"))


async def kill_three_times(run: Run, rng: random.Random) -> None:
    moments = sorted(rng.uniform(8, 70) for _ in range(KILLS))
    for moment in moments:
        await asyncio.sleep(max(0.0, moment - run.elapsed()))  # the chaos's own schedule
        await run.office.kill()
        run.kills += 1
        await _restart(run)


async def lock_the_database(run: Run, rng: random.Random) -> None:
    """Another process holds the write lock for 15 s (a backup tool, an operator's
    sqlite3 shell): every write of the bot waits, then fails."""
    await asyncio.sleep(rng.uniform(15, 50))  # the chaos's own schedule
    blocker = sqlite3.connect(run.office.database, timeout=60, check_same_thread=False)
    try:
        await asyncio.to_thread(blocker.execute, "BEGIN IMMEDIATE")
        await asyncio.sleep(LOCK_SECONDS)  # the fault itself lasts 15 s
        await asyncio.to_thread(blocker.execute, "COMMIT")
    finally:
        blocker.close()


# --- the run -----------------------------------------------------------------------------


async def test_chaos(telegram: FakeTelegram, tmp_path: Path) -> None:
    seed = _seed()
    rng = random.Random(seed)
    world = telegram.add_bot(username="marelan_chaos_bot")
    office = ProcessOffice(
        world, tmp_path, tmp_path / "marelan.db", env={"FLOOD_MESSAGES_PER_MINUTE": "100000"}
    )
    run = Run(seed, office)
    try:
        await office.start()
        groups: dict[str, tuple[FakeUser, FakeGroup]] = {}
        for code in UNITS:
            officer = office.user(f"Petugas{code}")
            await office.invite(officer, "staf", code)
            group = world.group(f"Unit {code}", members=[office.admin, officer])
            await office.bind_group(group, code)
            groups[code] = (officer, group)
        citizens = [world.user(f"Warga{i}", user_id=500_000_000 + i) for i in range(CITIZENS)]
        world.faults = plan = FaultPlan(seed, rate=0.04)
        run.started = time.monotonic()

        done = asyncio.Event()
        staff = [
            asyncio.create_task(staff_answer(run, officer, group, done))
            for officer, group in groups.values()
        ]
        chaos = [
            asyncio.create_task(kill_three_times(run, rng)),
            asyncio.create_task(lock_the_database(run, rng)),
        ]
        filing = []
        for index, citizen in enumerate(citizens):
            category = CATEGORY_OF[UNITS[index % len(UNITS)]]
            filing.append(asyncio.create_task(citizen_files(run, citizen, category, index)))
            await asyncio.sleep(rng.uniform(0, 0.6))  # they do not all start at once
        await asyncio.gather(*filing, *chaos)
        assert len(run.numbers) == CITIZENS, run.fail(
            f"only {len(run.numbers)} of {CITIZENS} citizens got a number"
        )
        await world.activity.wait_for(
            lambda: all(_answered(run, c) for c in citizens), DEADLINE - run.elapsed()
        )
        done.set()
        await asyncio.gather(*staff)
        plan.enabled = False
        await world.activity.wait_for(lambda: all(_answered(run, c) for c in citizens), 60)
        await world.settle(timeout=60)
        logs = await office.stop()
    finally:
        await office.close()
    print(
        f"chaos seed {seed}: {run.kills} kills, faults {dict(plan.injected)}, {run.elapsed():.0f}s"
    )
    await _prove(run, citizens, logs)


def _answered(run: Run, citizen: FakeUser) -> bool:
    number = run.numbers.get(citizen.id)
    return number is not None and any(
        number in m.text and "Jawaban petugas" in m.text for m in citizen.inbox
    )


async def _prove(run: Run, citizens: list[FakeUser], logs: str) -> None:
    with sqlite3.connect(run.office.database) as db:
        filed = Counter(row[0] for row in db.execute("SELECT reporter_id FROM complaints"))
        numbers = [row[0] for row in db.execute("SELECT number FROM complaints ORDER BY id")]
        sending = db.execute("SELECT COUNT(*) FROM outbox WHERE state = 'sending'").fetchone()[0]
    assert sending == 0, run.fail(f"{sending} outbox rows left in 'sending'")
    assert len(numbers) == len(set(numbers)) == CITIZENS, run.fail(f"complaints: {numbers}")
    sequence = sorted(int(re.split(r"-", n)[-1]) for n in numbers)
    assert sequence == list(range(1, CITIZENS + 1)), run.fail(f"gaps in {sequence}")
    duplicates_by_kill = 0
    for citizen in citizens:
        number = run.numbers[citizen.id]
        assert number in numbers, run.fail(f"{citizen} was told {number}, which does not exist")
        assert filed[citizen.id] == 1, run.fail(f"{citizen} filed {filed[citizen.id]} times")
        copies = [m for m in citizen.inbox if "tercatat" in m.text]
        assert copies, run.fail(f"{citizen} never got the confirmation")
        duplicates_by_kill += len(copies) - 1
        answers = [m for m in citizen.inbox if run.answers[number] in m.text]
        assert answers, run.fail(f"the answer for {number} never reached {citizen}")
    assert duplicates_by_kill <= run.kills, run.fail(
        f"{duplicates_by_kill} extra confirmations for {run.kills} kills"
    )
