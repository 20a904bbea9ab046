"""People an admin blocked: the bot tells them once and then ignores them."""

from __future__ import annotations

from dataclasses import dataclass

from storage.core.db import Reader, Tx


@dataclass(frozen=True)
class Block:
    telegram_id: int
    reason: str | None
    blocked_by: int
    blocked_at: int
    notified_at: int | None


async def block(tx: Tx, telegram_id: int, reason: str | None, by: int, now: int) -> bool:
    """Block ``telegram_id``; False when they were blocked already (nothing changes)."""
    return (
        await tx.changes(
            """INSERT INTO blocked_people (telegram_id, reason, blocked_by, blocked_at)
               VALUES (?, ?, ?, ?) ON CONFLICT (telegram_id) DO NOTHING""",
            (telegram_id, reason, by, now),
        )
        == 1
    )


async def unblock(tx: Tx, telegram_id: int) -> bool:
    return await tx.changes("DELETE FROM blocked_people WHERE telegram_id = ?", (telegram_id,)) == 1


async def notified(tx: Tx, telegram_id: int, now: int) -> bool:
    """Mark the one notice as given; False when it was given already."""
    changed = await tx.changes(
        "UPDATE blocked_people SET notified_at = ? WHERE telegram_id = ? AND notified_at IS NULL",
        (now, telegram_id),
    )
    return changed == 1


async def all_blocks(db: Reader) -> list[Block]:
    rows = await db.fetchall(
        """SELECT telegram_id, reason, blocked_by, blocked_at, notified_at
           FROM blocked_people ORDER BY blocked_at DESC, telegram_id"""
    )
    return [Block(*row) for row in rows]
