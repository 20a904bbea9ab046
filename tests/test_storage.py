"""The outbox repository's guarantees, on a real SQLite file."""

from storage.core import outbox, outbox_files
from storage.core.db import Database


async def _queue(db: Database, chat_id: int, text: str, priority: int = 5) -> int:
    async with db.transaction() as tx:
        return await outbox.enqueue(
            tx, chat_id, "sendMessage", {"text": text}, 0, priority=priority
        )


async def test_one_head_per_chat_and_urgent_first(db: Database) -> None:
    a1 = await _queue(db, 1, "a1")
    await _queue(db, 1, "a2", priority=0)  # urgent, but behind a1 in its own chat
    b1 = await _queue(db, 2, "b1", priority=0)
    batch = await outbox.next_batch(db, 10)
    assert [r.id for r in batch] == [b1, a1]


async def test_rows_in_flight_during_crashes_are_retried_until_max_crashes(db: Database) -> None:
    """A row in flight at a crash goes out again after the restart; one in flight at
    the MAX_CRASHES-th crash is given up (it may be what crashes the bot)."""
    row_id = await _queue(db, 1, "x")
    for _ in range(outbox.MAX_CRASHES - 1):
        async with db.transaction() as tx:
            assert await outbox.mark_sending(tx, row_id)
        async with db.transaction() as tx:
            assert await outbox.recover_in_flight(tx) == (1, 0)
    async with db.transaction() as tx:
        assert await outbox.mark_sending(tx, row_id)
    async with db.transaction() as tx:
        assert await outbox.recover_in_flight(tx) == (0, 1)
    assert (await outbox.rows_for_chat(db, 1))[0][2] == "dead"


async def test_sent_rows_remember_their_message(db: Database) -> None:
    async with db.transaction() as tx:
        row_id = await outbox.enqueue(
            tx, -5, "sendMessage", {"text": "t"}, 0, ref_kind="alert", ref_id=7
        )
    row = (await outbox.next_batch(db, 1))[0]
    assert row.id == row_id
    async with db.transaction() as tx:
        await outbox.mark_sent(tx, row, 42, 1)
    assert await outbox.message_for(db, -5, "alert", 7) == 42
    assert await outbox.subject_of(db, -5, 42) == ("alert", 7)
    assert await outbox.next_batch(db, 1) == []


async def test_transactions_roll_back_completely(db: Database) -> None:
    try:
        async with db.transaction() as tx:
            await outbox.enqueue(tx, 1, "sendMessage", {"text": "lost"}, 0)
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert await outbox.rows_for_chat(db, 1) == []


async def test_a_snapshot_reads_one_moment_while_the_bot_writes(db: Database) -> None:
    await _queue(db, 1, "before")
    count = "SELECT COUNT(*) FROM outbox"
    async with db.snapshot() as snapshot:
        assert await snapshot.fetchval(count) == 1
        await _queue(db, 1, "during")  # the writer is not blocked by the long read
        assert await db.fetchval(count) == 2  # the shared reader sees the commit
        assert await snapshot.fetchval(count) == 1  # the export's pages stay consistent
    assert await db.fetchval(count) == 2


async def test_files_of_rows_still_waiting_are_kept(db: Database) -> None:
    async with db.transaction() as tx:
        waiting = await outbox_files.store(tx, b"png", 0)
        done = await outbox_files.store(tx, b"png", 0)
        await outbox.enqueue(
            tx,
            1,
            "sendPhoto",
            {"upload_ref": outbox_files.upload_ref("photo", waiting, "a.png")},
            0,
        )
        await outbox.enqueue(
            tx, 2, "sendPhoto", {"upload_ref": outbox_files.upload_ref("photo", done, "b.png")}, 0
        )
    sent = next(r for r in await outbox.next_batch(db, 10) if r.chat_id == 2)
    async with db.transaction() as tx:
        await outbox.mark_sent(tx, sent, 9, 10)
        assert await outbox_files.prune_unused(tx, 100) == 1
        assert await outbox.prune_delivered(tx, 100) == 1
    assert await outbox_files.data(db, waiting) == b"png"
    assert await outbox_files.data(db, done) is None
    assert [r[2] for r in await outbox.rows_for_chat(db, 1)] == ["pending"]
