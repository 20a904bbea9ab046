"""The outbox: notifications waiting to be delivered, written in the same transaction as
the change that caused them.

Row life: ``pending`` -> ``sending`` (committed before the request) -> ``sent`` | ``dead``.
A row found in ``sending`` at start was in flight during a crash: it goes back to
``pending`` (``crash_retried`` counts how often), so each crash sends it again at most
once; a row in flight during :data:`MAX_CRASHES` crashes is given up (it may be what
crashes the bot).
Per chat, rows leave strictly in id order: only the oldest unfinished row of a chat is
ever handed out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from domain.core import OutboxState
from storage.core.db import Reader, Row, Tx
from storage.core.namespace import instance_locks

PRIORITY_URGENT = 0
PRIORITY_NORMAL = 5
PRIORITY_BULK = 9
MAX_CRASHES = 5


@dataclass(frozen=True)
class OutboxRow:
    id: int
    chat_id: int
    method: str
    params: dict[str, Any]
    priority: int
    attempts: int
    ref_kind: str | None
    ref_id: int | None


def _row(row: Row) -> OutboxRow:
    return OutboxRow(
        id=row["id"],
        chat_id=row["chat_id"],
        method=row["method"],
        params=json.loads(row["params"]),
        priority=row["priority"],
        attempts=row["attempts"],
        ref_kind=row["ref_kind"],
        ref_id=row["ref_id"],
    )


async def enqueue(
    tx: Tx,
    chat_id: int,
    method: str,
    params: dict[str, Any],
    now: int,
    *,
    priority: int = PRIORITY_NORMAL,
    ref_kind: str | None = None,
    ref_id: int | None = None,
) -> int:
    """Queue one Bot API call. ``ref_kind``/``ref_id`` name the object the sent message
    stands for (see :func:`message_for`)."""
    row_id = await tx.fetchval(
        """INSERT INTO outbox (chat_id, method, params, priority, ref_kind, ref_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        (chat_id, method, json.dumps(params, ensure_ascii=False), priority, ref_kind, ref_id, now),
    )
    tx.touch("outbox")
    return row_id


async def queued_content(tx: Tx, chat_id: int, ref_kind: str, ref_id: int) -> list[OutboxRow]:
    """The rows not yet handed to Telegram that carry the content of one object's message
    in a chat: the text that will stand for it, and edits of it."""
    rows = await tx.fetchall(
        """SELECT * FROM outbox
           WHERE chat_id = ? AND state = 'pending'
             AND ((ref_kind = ? AND ref_id = ? AND method = 'sendMessage')
                  OR method = 'editMessageText')
           ORDER BY id""",
        (chat_id, ref_kind, ref_id),
    )
    found = [_row(row) for row in rows]
    return [
        row
        for row in found
        if row.method == "sendMessage" or row.params.get("message_ref") == [ref_kind, ref_id]
    ]


async def last_delivered(
    db: Reader, chat_id: int, ref_kind: str, ref_id: int, *, look_back: int = 50
) -> dict[str, Any] | None:
    """The parameters of the newest text handed to Telegram for one object's message in a
    chat (its send or an edit of it, among the chat's last ``look_back`` texts), or None
    when none is known (never sent, or pruned)."""
    rows = await db.fetchall(
        """SELECT * FROM outbox
           WHERE chat_id = ? AND state IN ('sent', 'sending')
             AND method IN ('sendMessage', 'editMessageText')
           ORDER BY id DESC LIMIT ?""",
        (chat_id, look_back),
    )
    for row in map(_row, rows):
        if row.method == "sendMessage" and (row.ref_kind, row.ref_id) == (ref_kind, ref_id):
            return row.params
        if row.params.get("message_ref") == [ref_kind, ref_id]:
            return row.params
    return None


async def replace_params(tx: Tx, row_id: int, params: dict[str, Any]) -> None:
    """New parameters for a row still waiting (a row already handed out keeps its own)."""
    await tx.execute(
        "UPDATE outbox SET params = ? WHERE id = ? AND state = 'pending'",
        (json.dumps(params, ensure_ascii=False), row_id),
    )


async def drop_pending(tx: Tx, row_id: int) -> None:
    """Forget a row that was never handed out (an edit another queued row makes moot)."""
    await tx.execute("DELETE FROM outbox WHERE id = ? AND state = 'pending'", (row_id,))


async def next_batch(
    db: Reader, limit: int, skip_chats: frozenset[int] = frozenset()
) -> list[OutboxRow]:
    """The head row of each chat's queue, most urgent first."""
    rows = await db.fetchall(
        """
        SELECT o.* FROM outbox o
        WHERE o.state = 'pending'
          AND o.id = (SELECT MIN(i.id) FROM outbox i
                      WHERE i.chat_id = o.chat_id AND i.state IN ('pending', 'sending'))
        ORDER BY o.priority, o.id
        LIMIT ?
        """,
        (limit + len(skip_chats),),
    )
    picked = [_row(r) for r in rows if r["chat_id"] not in skip_chats]
    return picked[:limit]


async def mark_sending(tx: Tx, row_id: int, claimer: int = 0) -> bool:
    """Claim a pending row for the process numbered ``claimer`` (``db.instance``); False
    when it is not pending any more. Several processes on one PostgreSQL database may try
    the same row: one claims it, the others pass over it (``FOR UPDATE SKIP LOCKED``)
    without waiting, so a message goes out once."""
    changed = await tx.changes(
        f"""UPDATE outbox SET state = 'sending', attempts = attempts + 1, claimed_by = ?
            WHERE id = (SELECT id FROM outbox WHERE id = ? AND state = 'pending'
                        {tx.dialect.skip_locked})""",
        (claimer, row_id),
    )
    return changed == 1


async def mark_sent(tx: Tx, row: OutboxRow, message_id: int | None, now: int) -> None:
    await tx.execute(
        "UPDATE outbox SET state = 'sent', sent_at = ?, message_id = ?, last_error = NULL "
        "WHERE id = ?",
        (now, message_id, row.id),
    )
    if message_id is not None and row.ref_kind is not None and row.ref_id is not None:
        await tx.execute(
            """INSERT INTO message_refs (chat_id, message_id, ref_kind, ref_id, created_at)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (chat_id, message_id) DO UPDATE SET ref_kind = excluded.ref_kind,
                   ref_id = excluded.ref_id, created_at = excluded.created_at""",
            (row.chat_id, message_id, row.ref_kind, row.ref_id, now),
        )


async def release(tx: Tx, row_id: int, error: str) -> None:
    """Back to pending after a transient failure; the dispatcher decides when to retry."""
    await tx.execute(
        "UPDATE outbox SET state = 'pending', last_error = ? WHERE id = ?", (error[:500], row_id)
    )


async def mark_dead(tx: Tx, row_id: int, error: str) -> None:
    await tx.execute(
        "UPDATE outbox SET state = 'dead', last_error = ? WHERE id = ?", (error[:500], row_id)
    )


async def kill_chat_queue(tx: Tx, chat_id: int, error: str) -> int:
    """A permanent failure for a chat (blocked, kicked) ends its whole queue."""
    return await tx.changes(
        "UPDATE outbox SET state = 'dead', last_error = ? "
        "WHERE chat_id = ? AND state IN ('pending', 'sending')",
        (error[:500], chat_id),
    )


async def move_chat(tx: Tx, old_chat_id: int, new_chat_id: int) -> int:
    """A group got a new id (upgraded to a supergroup): its unfinished rows go there, in
    their order. A row in flight keeps its state; the dispatcher settles it. Returns how
    many moved."""
    moved = await tx.changes(
        "UPDATE outbox SET chat_id = ? WHERE chat_id = ? AND state IN ('pending', 'sending')",
        (new_chat_id, old_chat_id),
    )
    if moved:
        tx.touch("outbox")
    return moved


def _gone(tx: Tx) -> str:
    """Rows in ``sending`` whose claimer is no longer running: on PostgreSQL, a claimer
    whose instance lock (storage/core/postgres.py) nobody holds any more, or this very
    process at its start (``:me`` with ``:mine``); on SQLite (one process per file) any
    claimer but this process, or this process at its start."""
    if not tx.dialect.postgresql:
        return "(claimed_by IS NULL OR claimed_by <> :me OR :mine = 1)"
    instances = instance_locks(tx.schema)  # the locks of this office's processes
    return f"""(claimed_by IS NULL OR (claimed_by = :me AND :mine = 1) OR claimed_by NOT IN (
                SELECT CAST(objid AS bigint) FROM pg_locks
                WHERE locktype = 'advisory' AND classid = {instances} AND objsubid = 2
                  AND granted AND database = (SELECT oid FROM pg_database
                                              WHERE datname = current_database())))"""


async def recover_in_flight(tx: Tx, me: int = 0, *, at_start: bool = True) -> list[int]:
    """Rows caught in flight by a process that stopped (a crash, a SIGKILL) get one more
    try per crash, up to :data:`MAX_CRASHES`; ``at_start``: this process (``me``) starts
    and has nothing in flight, so its own rows count as stopped too. Returns the ids
    retried (the rows given up are ``dead`` with the reason)."""
    gone = _gone(tx)
    params = {"me": me, "mine": int(at_start), "limit": MAX_CRASHES - 1}
    await tx.execute(
        f"""UPDATE outbox SET state = 'dead', last_error = 'in flight during repeated crashes'
            WHERE state = 'sending' AND crash_retried >= :limit AND {gone}""",
        params,
    )
    rows = await tx.fetchall(
        f"""UPDATE outbox SET state = 'pending', crash_retried = crash_retried + 1
            WHERE state = 'sending' AND {gone} RETURNING id""",
        params,
    )
    return sorted(row[0] for row in rows)


async def message_for(db: Reader, chat_id: int, ref_kind: str, ref_id: int) -> int | None:
    """The newest message in ``chat_id`` that stands for (ref_kind, ref_id)."""
    return await db.fetchval(
        """SELECT message_id FROM message_refs WHERE chat_id = ? AND ref_kind = ? AND ref_id = ?
           ORDER BY created_at DESC, message_id DESC LIMIT 1""",
        (chat_id, ref_kind, ref_id),
    )


async def subject_of(db: Reader, chat_id: int, message_id: int) -> tuple[str, int] | None:
    row = await db.fetchone(
        "SELECT ref_kind, ref_id FROM message_refs WHERE chat_id = ? AND message_id = ?",
        (chat_id, message_id),
    )
    return (row["ref_kind"], row["ref_id"]) if row else None


async def remember_message(
    tx: Tx, chat_id: int, message_id: int, ref_kind: str, ref_id: int, now: int
) -> None:
    """For messages sent directly (not through the outbox) that stand for an object."""
    await tx.execute(
        """INSERT INTO message_refs (chat_id, message_id, ref_kind, ref_id, created_at)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (chat_id, message_id) DO UPDATE SET ref_kind = excluded.ref_kind,
               ref_id = excluded.ref_id, created_at = excluded.created_at""",
        (chat_id, message_id, ref_kind, ref_id, now),
    )


async def counts(db: Reader) -> dict[str, int]:
    rows = await db.fetchall("SELECT state, COUNT(*) AS n FROM outbox GROUP BY state")
    return {r["state"]: r["n"] for r in rows}


async def rows_for_chat(db: Reader, chat_id: int) -> list[tuple[int, str, OutboxState]]:
    rows = await db.fetchall(
        "SELECT id, method, state FROM outbox WHERE chat_id = ? ORDER BY id", (chat_id,)
    )
    return [(r["id"], r["method"], OutboxState(r["state"])) for r in rows]


async def prune_delivered(tx: Tx, before: int) -> int:
    """Delete rows that were sent or given up before ``before``; returns how many.
    ``message_refs`` (which message stands for which object) is kept."""
    return await tx.changes(
        "DELETE FROM outbox WHERE state IN ('sent', 'dead') AND COALESCE(sent_at, created_at) < ?",
        (before,),
    )
