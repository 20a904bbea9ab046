"""Key/value JSON store behind the bot's conversation persistence (drafts survive restarts)."""

from __future__ import annotations

import json
from typing import Any

from storage.core.db import Reader, Tx


async def load_all(db: Reader, kind: str) -> dict[str, Any]:
    rows = await db.fetchall("SELECT key, data FROM conversation_state WHERE kind = ?", (kind,))
    return {r["key"]: json.loads(r["data"]) for r in rows}


async def save(tx: Tx, kind: str, key: str, data: Any, now: int) -> None:
    await tx.execute(
        """INSERT INTO conversation_state (kind, key, data, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (kind, key) DO UPDATE SET data = excluded.data,
               updated_at = excluded.updated_at""",
        (kind, key, json.dumps(data, ensure_ascii=False, sort_keys=True), now),
    )


async def delete(tx: Tx, kind: str, key: str) -> None:
    await tx.execute("DELETE FROM conversation_state WHERE kind = ? AND key = ?", (kind, key))
