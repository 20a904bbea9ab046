"""The public note of a resolved complaint (/catatan_publik): written by the unit for the
public page, kept apart from the resolution note the citizen received."""

from __future__ import annotations

from storage.core.db import Reader, Tx


async def write(tx: Tx, complaint_id: int, body: str, by: int, now: int) -> str | None:
    """Write or replace the note; returns the note it replaced, if any."""
    previous = await get(tx, complaint_id)
    await tx.execute(
        """INSERT INTO complaint_public_notes (complaint_id, body, written_by, written_at)
           VALUES (?, ?, ?, ?)
           ON CONFLICT (complaint_id) DO UPDATE SET body = excluded.body,
               written_by = excluded.written_by, written_at = excluded.written_at""",
        (complaint_id, body, by, now),
    )
    return previous


async def get(db: Reader, complaint_id: int) -> str | None:
    return await db.fetchval(
        "SELECT body FROM complaint_public_notes WHERE complaint_id = ?", (complaint_id,)
    )
