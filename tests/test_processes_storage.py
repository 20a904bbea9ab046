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
from storage.core.db import Database
from storage.core.migrate import migrate
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
