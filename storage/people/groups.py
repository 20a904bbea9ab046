"""Which Telegram group is the alert channel of which unit."""

from __future__ import annotations

from dataclasses import dataclass

from storage.core.db import Reader, Row, Tx


@dataclass(frozen=True)
class UnitChat:
    unit_code: str
    chat_id: int
    title: str | None
    is_forum: bool


def _unit_chat(row: Row) -> UnitChat:
    return UnitChat(row["unit_code"], row["chat_id"], row["title"], bool(row["is_forum"]))


async def bind(
    tx: Tx, unit_code: str, chat_id: int, title: str | None, is_forum: bool, by: int, now: int
) -> int | None:
    """Bind (or rebind) the unit to a chat; returns the previously bound chat id, if any."""
    previous = await tx.fetchval("SELECT chat_id FROM unit_chats WHERE unit_code = ?", (unit_code,))
    await tx.execute(
        """INSERT INTO unit_chats (unit_code, chat_id, title, is_forum, bound_by, bound_at)
           VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (unit_code) DO UPDATE SET chat_id = excluded.chat_id,
               title = excluded.title, is_forum = excluded.is_forum,
               bound_by = excluded.bound_by, bound_at = excluded.bound_at""",
        (unit_code, chat_id, title, int(is_forum), by, now),
    )
    return previous


async def unbind(tx: Tx, unit_code: str, chat_id: int) -> bool:
    """The unit loses this group (the bot was removed from it); False when the unit is
    bound elsewhere by now."""
    return (
        await tx.changes(
            "DELETE FROM unit_chats WHERE unit_code = ? AND chat_id = ?", (unit_code, chat_id)
        )
        == 1
    )


async def for_unit(db: Reader, unit_code: str) -> UnitChat | None:
    row = await db.fetchone("SELECT * FROM unit_chats WHERE unit_code = ?", (unit_code,))
    return _unit_chat(row) if row else None


async def units_of_chat(db: Reader, chat_id: int) -> list[str]:
    rows = await db.fetchall(
        "SELECT unit_code FROM unit_chats WHERE chat_id = ? ORDER BY unit_code", (chat_id,)
    )
    return [r["unit_code"] for r in rows]


async def all_bound(db: Reader) -> list[UnitChat]:
    rows = await db.fetchall("SELECT * FROM unit_chats ORDER BY unit_code")
    return [_unit_chat(r) for r in rows]


async def migrate_chat(tx: Tx, old_chat_id: int, new_chat_id: int) -> list[str]:
    """A group upgraded to a supergroup gets a new id; its units follow. Returns the units
    moved (none when an earlier report of the same upgrade moved them already)."""
    rows = await tx.fetchall(
        "UPDATE unit_chats SET chat_id = ? WHERE chat_id = ? RETURNING unit_code",
        (new_chat_id, old_chat_id),
    )
    return sorted(r["unit_code"] for r in rows)


async def set_forum(tx: Tx, chat_id: int, is_forum: bool) -> list[str]:
    """Record whether the chat has topics now (an upgrade can turn them on); returns the
    units whose flag changed."""
    rows = await tx.fetchall(
        "UPDATE unit_chats SET is_forum = ? WHERE chat_id = ? AND is_forum <> ? "
        "RETURNING unit_code",
        (int(is_forum), chat_id, int(is_forum)),
    )
    return sorted(r["unit_code"] for r in rows)
