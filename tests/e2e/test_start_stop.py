"""Starting and stopping the real process (issue 14): Telegram failing at start is waited
for; a database that must not be used is refused with one clear line and a non-zero exit,
never started empty; a second bot on the same file through a symlink is stopped."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from emulator import FakeTelegram
from tests.e2e.bot_process import start_bot, stop

EXIT_DATABASE = 3


def _env(world_token: str, root: str, database: Path) -> dict[str, str]:
    return {"BOT_TOKEN": world_token, "TELEGRAM_API_BASE_URL": root, "DATABASE_PATH": str(database)}


async def test_a_502_from_getme_at_start_is_waited_out(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    world = telegram.add_bot(username="marelan_getme_bot")
    world.fail_next("getMe", status=502, count=2)
    process = await start_bot(_env(world.token, world.root, tmp_path / "bot.db"), tmp_path)
    try:
        citizen = world.user("Warga")
        await citizen.send("/start")
        assert "Halo" in (await citizen.next_message(timeout=30)).text
    finally:
        code, logs = await stop(process)
    assert code == 0, logs
    assert [c.status for c in world.calls("getMe")][:2] == [502, 502]


async def _a_real_database(telegram: FakeTelegram, folder: Path) -> Path:
    """A database the bot made and used (with a person in it), then stopped cleanly."""
    world = telegram.add_bot(username="marelan_maker_bot")
    database = folder / "made.db"
    process = await start_bot(_env(world.token, world.root, database), folder, name="maker")
    try:
        person = world.user("Warga")
        await person.send("/start")
        await person.next_message(timeout=30)
    finally:
        code, logs = await stop(process)
    assert code == 0, logs
    return database


def _truncate(database: Path) -> None:
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 2])


def _garbage(database: Path) -> None:
    database.write_bytes(b"this is not a database at all, just text " * 200)


def _newer(database: Path) -> None:
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA user_version = 999")


def _main_file_lost(database: Path) -> None:
    """The WAL of a bot that was killed stays; the main file is gone."""
    wal = database.with_name(database.name + "-wal")
    wal.write_bytes(b"\x37\x7f\x06\x82" + b"\x00" * 60)
    database.unlink()


DAMAGE = {
    "truncated": (_truncate, "unusable"),
    "not a database": (_garbage, "unusable"),
    "schema newer than the code": (_newer, "newer than this program"),
    "main file missing next to its WAL": (_main_file_lost, "missing but its write-ahead log"),
}


@pytest.mark.parametrize("damage", list(DAMAGE))
async def test_a_database_that_must_not_be_used_is_refused_in_one_line(
    telegram: FakeTelegram, tmp_path: Path, damage: str
) -> None:
    database = await _a_real_database(telegram, tmp_path)
    harm, words = DAMAGE[damage]
    harm(database)
    world = telegram.add_bot(username="marelan_refusing_bot")
    process = await start_bot(_env(world.token, world.root, database), tmp_path)
    code = await process.wait()
    logs = process.logs()
    assert code == EXIT_DATABASE, logs
    assert words in logs and "Traceback" not in logs
    assert len([line for line in logs.splitlines() if line.strip()]) == 1
    assert world.polls_begun == 0  # it never served
    if damage == "main file missing next to its WAL":
        assert not database.exists()  # nothing was started empty in its place


def _write_lock(database: Path) -> sqlite3.Connection:
    """Another program writing for long (a script, an operator's sqlite3 shell): readers
    go on, a writer waits for it beyond the busy timeout."""
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE people SET first_name = first_name")
    return holder


def _exclusive_lock(database: Path) -> sqlite3.Connection:
    """Another program holding the file in SQLite's exclusive locking mode: not even a
    reader gets in."""
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE people SET first_name = first_name")
    return holder


LOCKS = {"write lock beyond the busy timeout": _write_lock, "exclusive lock": _exclusive_lock}


@pytest.mark.parametrize("lock", list(LOCKS))
async def test_a_database_locked_by_another_program_is_waited_for(
    telegram: FakeTelegram, tmp_path: Path, lock: str
) -> None:
    """A lock held by another program passes (a backup tool, an operator's sqlite3 shell):
    the bot says so once, in one line (not a traceback, and not "restore a backup":
    nothing is wrong with the file), serves nobody meanwhile, and starts when it is let
    go. Exiting instead left the office without its bot: the systemd unit does not
    restart a refused database."""
    database = await _a_real_database(telegram, tmp_path)
    holder = LOCKS[lock](database)
    world = telegram.add_bot(username="marelan_locked_bot")
    process = await start_bot(_env(world.token, world.root, database), tmp_path)
    try:
        await process.logged("waiting until it lets go", timeout=60)
        assert process.process.returncode is None and world.polls_begun == 0
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    citizen = world.user("Warga")
    await citizen.send("/start")
    await citizen.next_message(timeout=60)
    code, logs = await stop(process)
    assert code == 0, logs
    assert "Traceback" not in logs and "restore" not in logs.lower()
    assert len([line for line in logs.splitlines() if "locked" in line]) == 1, logs


async def test_a_second_bot_through_a_symlink_refuses_to_start(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    world = telegram.add_bot(username="marelan_link_bot")
    real = tmp_path / "data"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    first = await start_bot(_env(world.token, world.root, real / "bot.db"), tmp_path)
    try:
        citizen = world.user("Warga")
        await citizen.send("/start")
        await citizen.next_message(timeout=30)
        second = await start_bot(
            _env(world.token, world.root, tmp_path / "link" / "bot.db"), tmp_path, name="second"
        )
        assert await second.wait() == 2
        assert "already running" in second.logs() and "Traceback" not in second.logs()
    finally:
        code, logs = await stop(first)
    assert code == 0, logs
    shutil.rmtree(real, ignore_errors=True)
