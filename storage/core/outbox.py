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
    row_id = await tx.execute(
        """INSERT INTO outbox (chat_id, method, params, priority, ref_kind, ref_id, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)""",
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


async def replace_params(tx: Tx, row_id: int, params: dict[str, Any]) -> None:
    """New parameters for a row still waiting (a row already handed out keeps its own)."""
    await tx.execute(
        "UPDATE outbox SET params = ? WHERE id = ? AND state = 'pending'",
        (json.dumps(params, ensure_ascii=False), row_id),
    )


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


async def mark_sending(tx: Tx, row_id: int) -> bool:
    changed = await tx.changes(
        "UPDATE outbox SET state = 'sending', attempts = attempts + 1 "
        "WHERE id = ? AND state = 'pending'",
        (row_id,),
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
            """INSERT OR REPLACE INTO message_refs (chat_id, message_id, ref_kind, ref_id,
                                                   created_at)
               VALUES (?, ?, ?, ?, ?)""",
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


async def recover_in_flight(tx: Tx) -> tuple[int, int]:
    """After a crash: rows caught in flight get one more try per crash, up to
    :data:`MAX_CRASHES`. Returns (retried, abandoned)."""
    abandoned = await tx.changes(
        "UPDATE outbox SET state = 'dead', last_error = 'in flight during repeated crashes' "
        "WHERE state = 'sending' AND crash_retried >= ?",
        (MAX_CRASHES - 1,),
    )
    retried = await tx.changes(
        "UPDATE outbox SET state = 'pending', crash_retried = crash_retried + 1 "
        "WHERE state = 'sending'"
    )
    return retried, abandoned


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
        """INSERT OR REPLACE INTO message_refs (chat_id, message_id, ref_kind, ref_id, created_at)
           VALUES (?, ?, ?, ?, ?)""",
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
