"""Several processes on one PostgreSQL database, as the storage layer sees them: two
:class:`Database` objects stand for two ``marelan-bot run`` processes (each has its own
connections, its presence and instance number, as a process has)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from storage.core import outbox
from storage.core.db import Database, in_schema, read_only
from storage.core.migrate import available, current_version, migrate
from tests.database import POSTGRESQL, fresh_database

pytestmark = pytest.mark.skipif(
    not POSTGRESQL, reason="several processes share a PostgreSQL database (SQLite: one)"
)


@pytest_asyncio.fixture
async def two(tmp_path: Path) -> AsyncIterator[tuple[Database, Database]]:
    target = await fresh_database(tmp_path)
    first, second = Database(target), Database(target)
    for process in (first, second):
        await process.open()
        await migrate(process)
    yield first, second
    await first.close()
    await second.close()


async def _queue(db: Database, chat_id: int) -> int:
    async with db.transaction() as tx:
        return await outbox.enqueue(tx, chat_id, "sendMessage", {"text": "x"}, 0)


async def test_a_row_being_claimed_is_passed_over_and_goes_to_one_process(
    two: tuple[Database, Database],
) -> None:
    first, second = two
    row = await _queue(first, 1)
    async with first.transaction() as claiming:
        assert await outbox.mark_sending(claiming, row, first.instance)
        # The first claim is not committed yet: the second process does not wait for it
        # (it would wait forever here: this task holds the first transaction open).
        async with second.transaction() as other:
            taken = await asyncio.wait_for(outbox.mark_sending(other, row, second.instance), 10)
        assert not taken
    async with second.transaction() as later:
        assert not await outbox.mark_sending(later, row, second.instance)
    assert await second.fetchval("SELECT claimed_by FROM outbox WHERE id = ?", (row,)) == (
        first.instance
    )


async def test_rows_in_flight_are_recovered_only_once_their_process_is_gone(
    two: tuple[Database, Database],
) -> None:
    first, second = two
    row = await _queue(first, 1)
    async with first.transaction() as tx:
        assert await outbox.mark_sending(tx, row, first.instance)
    async with second.transaction() as tx:
        assert await outbox.recover_in_flight(tx, second.instance, at_start=False) == []
    await first.close()  # the process is gone, and its instance lock with its connection
    async with second.transaction() as tx:
        assert await outbox.recover_in_flight(tx, second.instance, at_start=False) == [row]
    assert (await outbox.rows_for_chat(second, 1))[0][2] == "pending"


async def test_one_process_leads_until_it_is_gone(two: tuple[Database, Database]) -> None:
    first, second = two
    assert await first.try_lock("leader")
    assert await first.try_lock("leader")  # held already
    assert not await second.try_lock("leader")
    assert await first.holding()
    await first.close()
    assert await second.try_lock("leader")


async def test_commits_announce_their_topics_to_the_other_processes(
    two: tuple[Database, Database],
) -> None:
    first, second = two
    heard: asyncio.Queue[set[str]] = asyncio.Queue()
    second.add_commit_listener(heard.put_nowait, other_processes=True)
    own: list[set[str]] = []
    first.add_commit_listener(own.append, other_processes=True)
    await _queue(first, 1)
    assert await asyncio.wait_for(heard.get(), 10) == {"outbox"}
    assert own == [{"outbox"}]  # its own commit once, not again through the notice


# --- several offices on one database, one schema each (a city) -------------------------


@pytest_asyncio.fixture
async def offices(tmp_path: Path) -> AsyncIterator[dict[str, Database]]:
    """Offices A and B in two schemas of one database, each served by two processes
    (``a``, ``a2``; ``b``, ``b2``)."""
    url = str(await fresh_database(tmp_path, empty=True))
    processes = {
        "a": Database(in_schema(url, "kec_a")),
        "a2": Database(in_schema(url, "kec_a")),
        "b": Database(in_schema(url, "kec_b")),
        "b2": Database(in_schema(url, "kec_b")),
    }
    for process in processes.values():
        await process.open()
        await migrate(process)
    yield processes
    for process in processes.values():
        await process.close()


async def test_migrations_apply_to_each_schema_and_only_there(
    offices: dict[str, Database],
) -> None:
    a, b = offices["a"], offices["b"]
    latest = len(available())
    assert await current_version(a) == await current_version(b) == latest
    counts = {
        row["schema"]: row["n"]
        for row in await a.fetchall(
            """SELECT table_schema AS schema, COUNT(*) AS n FROM information_schema.tables
               WHERE table_name IN ('outbox', 'complaints', 'schema_migrations')
               GROUP BY table_schema"""
        )
    }
    assert counts == {"kec_a": 3, "kec_b": 3}  # nothing in public
    assert await a.fetchval("SELECT current_schema()") == "kec_a"
    assert await b.fetchval("SELECT COUNT(*) FROM schema_migrations") == latest


async def test_each_office_has_its_own_leader_at_the_same_time(
    offices: dict[str, Database],
) -> None:
    assert await offices["a"].try_lock("leader")
    assert await offices["b"].try_lock("leader")  # B's leader, while A's leads A
    assert not await offices["a2"].try_lock("leader")
    assert not await offices["b2"].try_lock("leader")
    await offices["a"].close()
    assert await offices["a2"].try_lock("leader")


async def test_a_commit_wakes_its_own_office_only(offices: dict[str, Database]) -> None:
    heard: dict[str, asyncio.Queue[set[str]]] = {"a2": asyncio.Queue(), "b2": asyncio.Queue()}
    for name, queue in heard.items():
        offices[name].add_commit_listener(queue.put_nowait, other_processes=True)
    await _queue(offices["a"], 1)
    assert await asyncio.wait_for(heard["a2"].get(), 10) == {"outbox"}
    async with offices["b"].transaction() as tx:
        tx.touch("surveys")
    # A connection hears its notices in commit order: A's would have come before B's.
    assert await asyncio.wait_for(heard["b2"].get(), 10) == {"surveys"}
    assert heard["b2"].empty()


async def test_outbox_rows_of_one_office_are_never_claimed_by_the_other(
    offices: dict[str, Database],
) -> None:
    a, a2, b = offices["a"], offices["a2"], offices["b"]
    row = await _queue(a, 7)
    assert await outbox.next_batch(b, 10) == []
    async with b.transaction() as tx:
        assert not await outbox.mark_sending(tx, row, b.instance)
    async with a.transaction() as tx:
        assert await outbox.mark_sending(tx, row, a.instance)
    # A's claimer lives: neither B nor A's other process takes its row as abandoned.
    async with b.transaction() as tx:
        assert await outbox.recover_in_flight(tx, b.instance, at_start=True) == []
    async with a2.transaction() as tx:
        assert await outbox.recover_in_flight(tx, a2.instance, at_start=False) == []
    await a.close()
    async with a2.transaction() as tx:
        assert await outbox.recover_in_flight(tx, a2.instance, at_start=False) == [row]
    assert await b.fetchval("SELECT COUNT(*) FROM outbox") == 0


async def test_a_read_only_look_sees_the_schema_it_names(
    offices: dict[str, Database],
) -> None:
    await _queue(offices["a"], 5)
    url = offices["a"].describe()  # no password on the test server
    async with read_only(in_schema(url, "kec_a")) as look:
        assert look.schema == "kec_a"
        assert await look.fetchval("SELECT chat_id FROM outbox") == 5
    async with read_only(in_schema(url, "kec_b")) as look:
        assert await look.fetchval("SELECT COUNT(*) FROM outbox") == 0


async def test_an_office_role_owning_only_its_schema_migrates_and_sees_only_it(
    tmp_path: Path,
) -> None:
    """README, "A city": an administrator makes a role per office and its schema; the
    office's processes then need no other right, and cannot read the other offices."""
    url = str(await fresh_database(tmp_path, empty=True))
    admin = Database(url)
    await admin.open()
    try:
        async with admin.transaction() as tx:
            for office in ("kec_a", "kec_b"):
                await tx.execute(f"CREATE ROLE {office} LOGIN")
                await tx.execute(f"CREATE SCHEMA {office} AUTHORIZATION {office}")
    finally:
        await admin.close()
    as_role = {o: in_schema(url.replace("marelan@", f"{o}@", 1), o) for o in ("kec_a", "kec_b")}
    a, b = Database(as_role["kec_a"]), Database(as_role["kec_b"])
    try:
        for office in (a, b):
            await office.open()
            assert await migrate(office)
        await _queue(a, 3)
        assert await a.try_lock("leader") and await b.try_lock("leader")
        with pytest.raises(Exception, match="permission denied"):
            await b.fetchval("SELECT COUNT(*) FROM kec_a.outbox")
    finally:
        await a.close()
        await b.close()
