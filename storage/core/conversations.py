"""Key/value JSON store behind the bot's conversation persistence (drafts survive restarts)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from storage.core.db import Reader, Tx


def encode(data: Any) -> str:
    """The stored form of a value: the same value always gives the same text, so an
    unchanged value can be recognised and left alone."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


async def load_all(db: Reader, kind: str) -> dict[str, str]:
    """Every stored value of ``kind`` by key, in its stored (JSON) form."""
    rows = await db.fetchall("SELECT key, data FROM conversation_state WHERE kind = ?", (kind,))
    return {r["key"]: r["data"] for r in rows}


async def write(tx: Tx, changes: Iterable[tuple[str, str, str | None]], now: int) -> None:
    """Store ``(kind, key, encoded value)`` changes; a value of None deletes the key."""
    for kind, key, data in changes:
        if data is None:
            await tx.execute(
                "DELETE FROM conversation_state WHERE kind = ? AND key = ?", (kind, key)
            )
        else:
            await tx.execute(
                """INSERT INTO conversation_state (kind, key, data, updated_at)
                   VALUES (?, ?, ?, ?)
                   ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data,
                       updated_at = excluded.updated_at""",
                (kind, key, data, now),
            )
