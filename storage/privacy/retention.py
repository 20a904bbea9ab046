"""Anonymising closed complaints whose retention period is over (SQL only).

What identifies or describes the person goes: the link to the reporter (moved to the
placeholder person 0), the description, the location, the attachments, the texts
exchanged in the timeline, the rating comment and the resolution note. What the office's
statistics need stays: category, kelurahan, unit, status, the dates and deadlines, the
rating.
"""

from __future__ import annotations

import json

from storage.core.db import Tx

#: The placeholder reporter of anonymised complaints (created by migration 0011).
NOBODY = 0


async def due(tx: Tx, closed_before: int, limit: int) -> list[int]:
    """Closed complaints, closed before ``closed_before``, not anonymised yet."""
    rows = await tx.fetchall(
        """SELECT id FROM complaints
           WHERE status = 'ditutup' AND closed_at < ? AND anonymised_at IS NULL
           ORDER BY closed_at, id LIMIT ?""",
        (closed_before, limit),
    )
    return [row[0] for row in rows]


async def anonymise(tx: Tx, complaint_ids: list[int], placeholder: str, now: int) -> None:
    ids = json.dumps(complaint_ids)
    await tx.execute(
        """UPDATE complaints
           SET reporter_id = :nobody, confidential = 1, description = :text,
               latitude = NULL, longitude = NULL, rating_comment = NULL,
               resolution_note = CASE WHEN resolution_note IS NULL THEN NULL ELSE :text END,
               anonymised_at = :now, updated_at = :now
           WHERE id IN (SELECT value FROM json_each(:ids))""",
        {"nobody": NOBODY, "text": placeholder, "now": now, "ids": ids},
    )
    await tx.execute(
        """UPDATE complaint_events SET body = NULL
           WHERE body IS NOT NULL AND complaint_id IN (SELECT value FROM json_each(?))""",
        (ids,),
    )
    await tx.execute(
        "DELETE FROM complaint_attachments WHERE complaint_id IN (SELECT value FROM json_each(?))",
        (ids,),
    )
