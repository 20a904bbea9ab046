"""The office's public channel (one per office), where the public posts go."""

from __future__ import annotations

from dataclasses import dataclass

from storage.core.db import Reader, Row, Tx


@dataclass(frozen=True)
class PublicChannel:
    chat_id: int
    title: str | None
    username: str | None
    bound_by: int
    bound_at: int


def _channel(row: Row) -> PublicChannel:
    return PublicChannel(
        row["chat_id"], row["title"], row["username"], row["bound_by"], row["bound_at"]
    )


async def get(db: Reader) -> PublicChannel | None:
    row = await db.fetchone("SELECT * FROM public_channel WHERE id = 1")
    return _channel(row) if row else None


async def bind(
    tx: Tx, chat_id: int, title: str | None, username: str | None, by: int, now: int
) -> PublicChannel | None:
    """Bind (or rebind) the channel; returns the one bound before, if any."""
    previous = await get(tx)
    await tx.execute(
        """INSERT INTO public_channel (id, chat_id, title, username, bound_by, bound_at)
           VALUES (1, ?, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET chat_id = excluded.chat_id, title = excluded.title,
               username = excluded.username, bound_by = excluded.bound_by,
               bound_at = excluded.bound_at""",
        (chat_id, title, username, by, now),
    )
    return previous


async def unbind(tx: Tx) -> PublicChannel | None:
    previous = await get(tx)
    await tx.execute("DELETE FROM public_channel WHERE id = 1")
    return previous
