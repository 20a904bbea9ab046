"""Several ``marelan-bot run`` processes on one PostgreSQL database (issue 17): the real
processes against the emulator. One leads (takes the updates, runs the scheduled work),
the other stands by and delivers the outbox with it; when the leader is killed with
SIGKILL during a burst of complaints, the other takes over: nothing confirmed is lost,
no notification goes out twice (except one a dead process had in flight, as after any
crash), and the scheduled work goes on in the survivor.

PostgreSQL only: on SQLite one process serves one file (the instance lock)."""

from __future__ import annotations

import asyncio
import re
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable

import pytest
import pytest_asyncio

from domain.complaints import CheckKind
from emulator import FakeUser
from storage.complaints import checks
from storage.complaints import records as complaints
from storage.core.db import Database
from tests.database import POSTGRESQL
from tests.e2e.bot_process import STARTUP_TIMEOUT, BotProcess, ProcessOffice, start_bot, stop
from tests.e2e.complaint_steps import NUMBER, Unit, begin_complaint, file_complaint

pytestmark = pytest.mark.skipif(
    not POSTGRESQL, reason="several processes share a PostgreSQL database (SQLite: one)"
)

STANDING_BY = "stands by"
RECOVERED = re.compile(r"outbox recovery: rows ([\d,]+) were in flight")
SUMMARY = "Periksa pengaduan"
#: The survivor's scheduled work must go on within this long after the kill (issue 17).
TAKEOVER = 30.0


async def _logged(process: BotProcess, text: str, timeout: float = STARTUP_TIMEOUT) -> None:  # noqa: ASYNC109
    """Wait until the process wrote ``text`` to its log."""
    deadline = time.monotonic() + timeout
    while text not in process.logs():
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} not logged:\n{process.logs()}")
        await asyncio.sleep(0.2)


async def _until(condition: Callable[[], bool], timeout: float) -> None:  # noqa: ASYNC109
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("not reached in time")
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
        await _logged(second, STANDING_BY)
        yield process_office, second
    finally:
        if second.process.returncode is None:
            await second.kill()


async def _open(office: ProcessOffice) -> Database:
    database = Database(office.database)
    await database.open()
    return database


def _confirmations(citizen: FakeUser) -> int:
    return len([m for m in citizen.inbox if "tercatat" in m.text])


async def test_two_processes_share_the_outbox_and_one_takes_the_updates(
    processes: tuple[ProcessOffice, BotProcess],
) -> None:
    office, second = processes
    unit = await _unit(office)
    citizens = [await _at_summary(office, f"Warga{i}") for i in range(6)]
    await asyncio.gather(*(c.press("Kirim", message=c.inbox[-1]) for c in citizens))
    for citizen in citizens:
        await citizen.wait_for("tercatat", timeout=15)
    await office.world.settle()
    first_logs = await office.stop()
    code, second_logs = await stop(second)
    assert code == 0, second_logs

    assert all(_confirmations(c) == 1 for c in citizens)
    alerts = Counter(
        found.group(1)
        for m in unit.group.bot_messages
        if (found := re.search(rf"Pengaduan ({NUMBER.pattern})", m.text))
    )
    assert sorted(alerts.values()) == [1] * len(citizens)
    database = await _open(office)
    try:
        claimers = await database.fetchall(
            "SELECT DISTINCT claimed_by FROM outbox WHERE state = 'sent'"
        )
        left = await database.fetchval("SELECT COUNT(*) FROM outbox WHERE state <> 'sent'")
    finally:
        await database.close()
    assert len(claimers) == 2, "both processes delivered notifications"
    assert left == 0
    for logs in (first_logs, second_logs):
        assert "Conflict" not in logs  # one getUpdates caller at a time
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
            await checks.plan(
                tx, complaint.id, CheckKind.ACK_WARN, complaint.cycle, int(time.time()) + 6
            )
        # The burst: everyone sends at once; the leader dies with the first number.
        presses = [
            asyncio.create_task(c.press("Kirim", message=c.inbox[-1], timeout=TAKEOVER))
            for c in citizens
        ]
        await _until(lambda: any(_confirmations(c) for c in citizens), 15)
        await office.kill()
        # The survivor leads and fires the reminder the dead leader had armed.
        reminder = await unit.group.wait_for("Pengingat", timeout=TAKEOVER)
        assert number in reminder.text
        await asyncio.gather(*presses, return_exceptions=True)
        await _until(lambda: all(_confirmations(c) for c in citizens), TAKEOVER)
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
