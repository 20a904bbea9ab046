"""Reminder and checklist rows of activities: the scheduler's jobs are only a cache.

Design: one row per activity x offset x revision (not per recipient); who receives a
reminder is resolved when it fires, so an answer given after planning ("Tidak bisa") is
respected. A row is claimed with a conditional UPDATE in the transaction that queues its
messages, which makes each reminder go out once, also across restarts.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.activities import ReminderKind, ReminderState
from storage.core.db import Reader, Row, Tx


@dataclass(frozen=True)
class Reminder:
    id: int
    activity_id: int
    kind: ReminderKind
    offset_minutes: int
    revision: int
    due_at: int
    state: ReminderState


_COLUMNS = "id, activity_id, kind, offset_minutes, revision, due_at, state"


def _reminder(r: Row) -> Reminder:
    return Reminder(
        r["id"],
        r["activity_id"],
        ReminderKind(r["kind"]),
        r["offset_minutes"],
        r["revision"],
        r["due_at"],
        ReminderState(r["state"]),
    )


async def plan(
    tx: Tx, activity_id: int, kind: ReminderKind, offset_minutes: int, revision: int, due_at: int
) -> None:
    """Create the row, or move it while still pending; a row that fired stays fired."""
    await tx.execute(
        """INSERT INTO activity_reminders (activity_id, kind, offset_minutes, revision, due_at)
           VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (activity_id, kind, offset_minutes, revision) DO UPDATE
           SET due_at = CASE WHEN activity_reminders.state = 'pending'
                             THEN excluded.due_at ELSE activity_reminders.due_at END""",
        (activity_id, kind, offset_minutes, revision, due_at),
    )
    tx.touch("activity_reminders")


async def cancel_pending(tx: Tx, activity_id: int, *, before_revision: int | None = None) -> int:
    """Cancel pending rows of an activity (all, or those of older revisions)."""
    sql = (
        "UPDATE activity_reminders SET state = 'cancelled' "
        "WHERE activity_id = ? AND state = 'pending'"
    )
    params: tuple = (activity_id,)
    if before_revision is not None:
        sql += " AND revision < ?"
        params = (activity_id, before_revision)
    changed = await tx.changes(sql, params)
    tx.touch("activity_reminders")
    return changed


async def due(db: Reader, now: int, limit: int = 500) -> list[Reminder]:
    rows = await db.fetchall(
        f"""SELECT {_COLUMNS} FROM activity_reminders
            WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?""",
        (now, limit),
    )
    return [_reminder(r) for r in rows]


async def claim(tx: Tx, reminder_id: int, state: ReminderState, now: int) -> bool:
    """Move a pending row to ``sent`` or ``missed``; False if it was already handled."""
    return (
        await tx.changes(
            "UPDATE activity_reminders SET state = ?, fired_at = ?"
            " WHERE id = ? AND state = 'pending'",
            (state, now, reminder_id),
        )
        == 1
    )


async def set_recipients(tx: Tx, reminder_id: int, recipients: int) -> None:
    await tx.execute(
        "UPDATE activity_reminders SET recipients = ? WHERE id = ?", (recipients, reminder_id)
    )


async def next_due(db: Reader) -> int | None:
    return await db.fetchval("SELECT MIN(due_at) FROM activity_reminders WHERE state = 'pending'")


async def of_activity(db: Reader, activity_id: int) -> list[Reminder]:
    rows = await db.fetchall(
        f"SELECT {_COLUMNS} FROM activity_reminders WHERE activity_id = ? ORDER BY revision, "
        "kind DESC, offset_minutes DESC",
        (activity_id,),
    )
    return [_reminder(r) for r in rows]
