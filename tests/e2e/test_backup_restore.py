"""Backups and restore (issue 14): ``marelan-bot backup`` copies the live database while
the bot writes; the nightly job keeps ``BACKUP_KEEP`` verified copies and tells the admins
when one fails; ``marelan-bot restore`` refuses while the bot runs and checks the file.
The drill: back up under write load, restore into a fresh path, start the bot on it, and
find every complaint and every notification that was still waiting.

On PostgreSQL the database is backed up with pg_dump (README): the commands say so and
the nightly job leaves it alone."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

from bot.core.inprocess import InProcessBot
from bot.core.settings import Settings
from emulator import FakeUser
from storage.core import outbox
from storage.core.backup import check_file
from storage.core.db import Database, in_schema
from tests.database import POSTGRESQL, fresh_database
from tests.e2e.bot_process import ROOT, ProcessOffice, database_env
from tests.e2e.complaint_steps import file_complaint, unit_with_group
from tests.e2e.harness import FAST_PACE, WIB, OfficeEnv
from tests.e2e.test_delivery import queue_notice


async def cli(*args: str, database: Path | str) -> tuple[int, str]:
    """``python -m bot ARGS`` (what ``marelan-bot ARGS`` runs); exit code and output."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        env={
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": str(ROOT),
            **database_env(database),
        },
        cwd=tempfile.gettempdir(),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await asyncio.wait_for(process.communicate(), timeout=60)
    return process.returncode or 0, output.decode()


async def _drained(db: Database, timeout: float = 30) -> dict[str, int]:  # noqa: ASYNC109
    """The outbox's counts once nothing is waiting or in flight (delivery is paced, so
    a backlog takes its time); fails if that does not happen within ``timeout`` s."""
    deadline = asyncio.get_running_loop().time() + timeout
    while (counts := await outbox.counts(db)).get("pending") or counts.get("sending"):
        assert asyncio.get_running_loop().time() < deadline, f"outbox not drained: {counts}"
        await asyncio.sleep(0.1)  # delivery runs in real time; nothing to wait on
    return counts


async def _started(office: OfficeEnv, name: str) -> FakeUser:
    person = office.user(name)
    await person.send("/start")
    await person.next_message()
    return person


@pytest.mark.sqlite_only("SQLite files: the online backup API, the file checks")
async def test_the_restore_drill(office: OfficeEnv, tmp_path: Path) -> None:
    await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizens = [office.user(f"Warga{i}") for i in range(4)]
    numbers = [await file_complaint(citizen) for citizen in citizens]
    # A notification Telegram keeps refusing for now: it waits in the outbox.
    waiting = await _started(office, "Menunggu")
    office.world.fail_next(
        "sendMessage", status=502, count=1000, when=lambda p: str(p["chat_id"]) == str(waiting.id)
    )
    await queue_notice(office, waiting.id, text="Pemberitahuan yang menunggu")
    await office.world.settle()

    async def write_load() -> None:  # the office keeps working during the backup
        for index in range(200):
            await queue_notice(office, office.admin.id, text=f"Beban {index}")

    load = asyncio.create_task(write_load())
    copy = tmp_path / "copies" / "marelan-drill.db"
    code, output = await cli("backup", str(copy), database=office.settings.database_path)
    await load
    assert code == 0, output
    assert "verified" in output
    check_file(copy, full=True)

    await office.bot.stop()
    fresh = tmp_path / "restored" / "marelan.db"
    code, output = await cli("restore", str(copy), database=fresh)
    assert code == 0, output
    office.world.clear_failures()  # Telegram is well again
    restored = InProcessBot(
        Settings(
            _env_file=None,  # type: ignore[call-arg]
            bot_token=office.world.token,
            telegram_api_base_url=office.world.root,
            database_path=fresh,
            admin_ids=frozenset({office.admin.id}),
        ),
        office.clock,
        FAST_PACE,
    )
    await restored.start()
    try:
        await waiting.wait_for("Pemberitahuan yang menunggu", timeout=15)
        db = restored.runtime.db
        found = {row[0] for row in await db.fetchall("SELECT number FROM complaints")}
        assert set(numbers) <= found
        # The 200 notices queued during the backup go out at the admin chat's pace;
        # every one leaves the outbox (none stays 'sending', none is given up).
        assert set(await _drained(db)) == {"sent"}
    finally:
        await restored.stop()


@pytest.mark.sqlite_only("SQLite files: the online backup API, the file checks")
async def test_restore_refuses_while_the_bot_runs_and_checks_the_file(
    process_office: ProcessOffice, tmp_path: Path
) -> None:
    office = process_office
    await office.start()
    copy = tmp_path / "copy.db"
    code, output = await cli("backup", str(copy), database=office.database)
    assert code == 0, output
    code, output = await cli("restore", str(copy), database=office.database)
    assert code == 2 and "already running" in output and "restore" in output
    await office.stop()

    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(copy.read_bytes()[:4096])
    code, output = await cli("restore", str(damaged), database=office.database)
    assert code == 3 and "unusable" in output, output
    assert "Traceback" not in output
    code, output = await cli("restore", str(copy), database=office.database)
    assert code == 0, output
    kept = [p for p in os.listdir(tmp_path) if ".before-restore-" in p]
    assert kept  # what was replaced is kept beside it


@pytest.mark.sqlite_only("SQLite files: the online backup API, the file checks")
async def test_the_nightly_backup_keeps_the_last_copies(office: OfficeEnv) -> None:
    folder = office.settings.backups
    for night in range(1, 5):
        await office.at(datetime(2026, 11, 25 + night, 1, 35, tzinfo=WIB))
    written = sorted(p.name for p in folder.iterdir())
    assert len(written) == 4 <= office.settings.backup_keep
    for name in written:
        check_file(folder / name, full=True)
    office.settings.backup_keep = 2
    await office.at(datetime(2026, 11, 30, 1, 35, tzinfo=WIB))
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == 2 and kept[0] == written[-1] and kept[1] > written[-1]


@pytest.mark.sqlite_only("SQLite files: the online backup API, the file checks")
async def test_a_failed_nightly_backup_is_told_to_the_admins(office: OfficeEnv) -> None:
    blocked = Path(office.settings.database_path).parent / "not-a-folder"
    blocked.write_text("a file where the backup folder should be")
    office.settings.backup_dir = blocked
    await office.at(datetime(2026, 11, 26, 1, 35, tzinfo=WIB))
    told = await office.admin.wait_for("Cadangan (backup) basis data malam ini gagal")
    assert str(blocked) in told.text
    with sqlite3.connect(office.settings.database_path) as connection:
        actions = [row[0] for row in connection.execute("SELECT action FROM audit_log")]
    assert "backup.failed" in actions


@pytest.mark.skipif(not POSTGRESQL, reason="the PostgreSQL side of backups")
async def test_on_postgresql_backup_and_restore_point_to_pg_dump(
    office: OfficeEnv, tmp_path: Path
) -> None:
    target = await fresh_database(tmp_path)
    for command in ("backup", "restore"):
        code, output = await cli(command, str(tmp_path / "copy.db"), database=target)
        assert code == 2, output
        assert "pg_dump" in output and "Traceback" not in output
        # An office in a schema of its own (a city's database) is dumped alone.
        code, output = await cli(
            command, str(tmp_path / "copy.db"), database=in_schema(str(target), "kec_medan_marelan")
        )
        assert code == 2, output
        assert "pg_dump --schema=kec_medan_marelan" in output, output
    assert not (tmp_path / "copy.db").exists()
    # The nightly job writes nothing and tells the admins of no failure.
    await office.advance(hours=24)
    await office.world.settle()
    assert not office.settings.backups.exists()
    assert not [m for m in office.admin.inbox if "cadangan" in m.text.lower()]
