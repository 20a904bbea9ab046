"""Several ``marelan-bot run`` processes on one PostgreSQL database (issue 17): the real
processes against the emulator. One leads (takes the updates, runs the scheduled work,
delivers the outbox), the other stands by; when the leader is killed with
SIGKILL during a burst of complaints, the other takes over: nothing confirmed is lost,
no notification goes out twice (except one a dead process had in flight, as after any
crash), and the scheduled work goes on in the survivor.

PostgreSQL only: on SQLite one process serves one file (the instance lock)."""

from __future__ import annotations

import asyncio
import contextlib
import re
import signal
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import pytest_asyncio

from bot.core import notify
from domain.complaints import CheckKind
from emulator import ApiError, BotMessage, FakeTelegram, FakeUser
from storage.complaints import records as complaints
from storage.core.db import Database
from tests.database import POSTGRESQL, fresh_offices
from tests.e2e.bot_process import (
    ROOT,
    STARTUP_TIMEOUT,
    BotProcess,
    ProcessOffice,
    start_bot,
    stop,
)
from tests.e2e.complaint_steps import NUMBER, Unit, begin_complaint, file_complaint

pytestmark = pytest.mark.skipif(
    not POSTGRESQL, reason="several processes share a PostgreSQL database (SQLite: one)"
)

STANDING_BY = "stands by"
RECOVERED = re.compile(r"outbox recovery: rows ([\d,]+) were in flight")
SUMMARY = "Periksa pengaduan"
#: The survivor's scheduled work must go on within this long after the kill (issue 17).
TAKEOVER = 30.0


async def _until(condition: Callable[[], bool], timeout: float) -> None:  # noqa: ASYNC109
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not reached within {timeout:.0f}s")
        await asyncio.sleep(0.1)


async def _unit(office: ProcessOffice) -> Unit:
    staff, head = office.user("StafPEMB", username="staf_pemb"), office.user("KasiPEMB")
    await office.invite(staff, "staf", "PEMB")
    await office.invite(head, "kepala", "PEMB")
    group = office.world.group("Seksi Pembangunan", members=[office.admin, staff, head])
    await office.bind_group(group, "PEMB")
    return Unit("PEMB", group, staff, head)


async def _at_summary(office: ProcessOffice, name: str) -> FakeUser:
    """A citizen whose complaint waits at the summary, Kirim not pressed yet."""
    citizen = office.user(name)
    await begin_complaint(citizen, description=f"Lampu jalan di gang {name} mati, gelap sekali.")
    await citizen.press("Lewati")
    await citizen.press("Tampilkan nama saya", message=await citizen.wait_for("identitas"))
    await citizen.wait_for(SUMMARY)
    return citizen


@pytest_asyncio.fixture
async def processes(
    process_office: ProcessOffice,
) -> AsyncIterator[tuple[ProcessOffice, BotProcess]]:
    """The office's first process (it leads) and a second one standing by; no process
    outlives the test."""
    await process_office.start()
    second = await start_bot(process_office.env, process_office.cwd, name="second")
    try:
        await second.logged(STANDING_BY, STARTUP_TIMEOUT)
        yield process_office, second
    finally:
        if second.process.returncode is None:
            await second.kill()


async def _open(office: ProcessOffice) -> Database:
    database = Database(office.database)
    await database.open()
    return database


async def _press_kirim(citizen: FakeUser, summary: BotMessage, timeout: float) -> None:  # noqa: ASYNC109
    # No answer (the process that fetched the press died): the person tries again later.
    with contextlib.suppress(AssertionError, ApiError):
        await citizen.press("Kirim", message=summary, timeout=timeout)


async def _confirmed(citizen: FakeUser, summary: BotMessage) -> None:
    """Wait for the number, pressing Kirim again when nothing comes, as a person does: a
    press the dead leader had fetched but not handled is lost with it (Telegram counts
    an update as delivered once the next getUpdates asks past it)."""
    for _ in range(3):
        try:
            await _until(lambda: _confirmations(citizen) > 0, TAKEOVER)
            return
        except AssertionError:
            await _press_kirim(citizen, summary, TAKEOVER)
    await _until(lambda: _confirmations(citizen) > 0, TAKEOVER)


def _confirmations(citizen: FakeUser) -> int:
    return len([m for m in citizen.inbox if "tercatat" in m.text])


async def test_one_process_leads_and_sends_the_other_stands_by(
    processes: tuple[ProcessOffice, BotProcess],
) -> None:
    office, second = processes
    assert office.bot is not None
    unit = await _unit(office)
    citizens = [await _at_summary(office, f"Warga{i}") for i in range(6)]
    await asyncio.gather(*(c.press("Kirim", message=c.inbox[-1]) for c in citizens))
    for citizen in citizens:
        await citizen.wait_for("tercatat", timeout=15)
    await office.world.settle()

    # The leader freezes (its locks stay held): what is queued meanwhile waits for it. The
    # process standing by sends nothing: Telegram's limits are the bot's, and two senders
    # each pacing on its own go past them.
    office.bot.process.send_signal(signal.SIGSTOP)
    try:
        database = await _open(office)
        try:
            async with database.transaction() as tx:
                for citizen in citizens:
                    await notify.send_text(
                        tx, citizen.id, notify.Markup("Pemberitahuan kantor"), int(time.time())
                    )
        finally:
            await database.close()
        await office.world.settle(quiet=1.0)
        assert not any("Pemberitahuan kantor" in m.text for c in citizens for m in c.inbox)
    finally:
        office.bot.process.send_signal(signal.SIGCONT)
    for citizen in citizens:
        await citizen.wait_for("Pemberitahuan kantor", timeout=15)
    await office.world.settle()
    code, second_logs = await stop(second)  # first: the leader's stop would hand over
    assert code == 0, second_logs
    first_logs = await office.stop()
    # Counted once both stopped: a row's "sent" is saved just after Telegram's answer,
    # which the citizen may already be reading.
    database = await _open(office)
    try:
        left = await database.fetchval("SELECT COUNT(*) FROM outbox WHERE state <> 'sent'")
        senders = await database.fetchval(
            "SELECT COUNT(DISTINCT claimed_by) FROM outbox WHERE claimed_by IS NOT NULL"
        )
    finally:
        await database.close()

    assert all(_confirmations(c) == 1 for c in citizens)
    assert all(len([m for m in c.inbox if "Pemberitahuan kantor" in m.text]) == 1 for c in citizens)
    alerts = Counter(
        found.group(1)
        for m in unit.group.bot_messages
        if (found := re.search(rf"Pengaduan ({NUMBER.pattern})", m.text))
    )
    assert sorted(alerts.values()) == [1] * len(citizens)
    assert left == 0 and senders == 1
    for logs in (first_logs, second_logs):
        assert "Conflict" not in logs  # one getUpdates caller at a time
    assert "this one stands by" in second_logs
    assert "this process leads now" not in second_logs


async def test_a_killed_leader_is_replaced_and_nothing_is_lost_or_sent_twice(
    processes: tuple[ProcessOffice, BotProcess],
) -> None:
    office, second = processes
    unit = await _unit(office)
    earlier = office.user("Siti")
    number = await file_complaint(earlier)
    citizens = [await _at_summary(office, f"Warga{i}") for i in range(8)]
    database = await _open(office)
    try:
        # The 75 % reminder of the earlier complaint is moved to a few seconds from
        # now: the leader arms it (it hears of the change), and dies before it is due.
        complaint = await complaints.by_number(database, number)
        async with database.transaction() as tx:
            await complaints.plan_check(
                tx, complaint.id, CheckKind.ACK_WARN, complaint.cycle, int(time.time()) + 6
            )
        # The burst: everyone sends at once; the leader dies with the first number.
        summaries = {c.id: c.inbox[-1] for c in citizens}
        presses = [
            asyncio.create_task(_press_kirim(c, summaries[c.id], TAKEOVER)) for c in citizens
        ]
        await _until(lambda: any(_confirmations(c) for c in citizens), TAKEOVER)
        await office.kill()
        # The survivor leads and fires the reminder the dead leader had armed.
        reminder = await unit.group.wait_for("Pengingat", timeout=TAKEOVER)
        assert number in reminder.text
        await asyncio.gather(*presses)
        await asyncio.gather(*(_confirmed(c, summaries[c.id]) for c in citizens))
        await office.world.settle(timeout=TAKEOVER)
        code, logs = await stop(second)
        assert code == 0, logs
        assert "this process leads now" in logs

        recovered = {int(i) for found in RECOVERED.findall(logs) for i in found.split(",")}
        filed = await database.fetchval("SELECT COUNT(*) FROM complaints")
        unfinished = await database.fetchval(
            "SELECT COUNT(*) FROM outbox WHERE state IN ('pending', 'sending')"
        )
        for citizen in [earlier, *citizens]:
            copies = _confirmations(citizen)
            if copies > 1:  # allowed only for a row the dead leader had in flight
                row = await database.fetchval(
                    "SELECT id FROM outbox WHERE chat_id = ? AND params LIKE ?",
                    (citizen.id, "%tercatat%"),
                )
                assert copies == 2 and row in recovered, (citizen, copies, recovered)
    finally:
        await database.close()

    assert filed == 1 + len(citizens)  # every press filed one complaint, none twice
    assert all(_confirmations(c) >= 1 for c in citizens)  # nothing confirmed lost
    assert unfinished == 0
    reminders = [m for m in unit.group.bot_messages if "Pengingat" in m.text]
    assert len(reminders) == 1


async def test_two_offices_on_one_database_each_lead_their_own(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    """A city (README, "A city"): two offices' ``marelan-bot run`` processes on one
    database, DATABASE_SCHEMA apart, each lead at once and serve their own citizens."""
    places = {"marelan": tmp_path / "marelan", "labuhan": tmp_path / "labuhan"}
    for folder in places.values():
        folder.mkdir()
    schemas = await fresh_offices(tmp_path, ["kec_medan_marelan", "kec_medan_labuhan"])
    marelan = ProcessOffice(
        telegram.add_bot(username="marelan_city_bot"), places["marelan"], schemas[0]
    )
    labuhan = ProcessOffice(
        telegram.add_bot(username="labuhan_city_bot"),
        places["labuhan"],
        schemas[1],
        env={"OFFICE_CONFIG": str(ROOT / "tests" / "offices" / "medan_labuhan.toml")},
    )
    assert labuhan.env["DATABASE_SCHEMA"] == "kec_medan_labuhan"
    try:
        await marelan.start()
        await labuhan.start()  # it leads too: its leader lock is its schema's
        number_a = await file_complaint(marelan.user("Siti"))
        number_b = await file_complaint(labuhan.user("Budi"), kelurahan="Besar")
        assert number_a.startswith("MRL-") and number_b.startswith("MLB-")
        logs = [await marelan.stop(), await labuhan.stop()]
    finally:
        await marelan.close()
        await labuhan.close()
    assert all(STANDING_BY not in log for log in logs)
