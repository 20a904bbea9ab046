"""Rows for the XLSX export, read page by page (keyset pagination), so that an export of a
busy month never holds all its complaints in memory at once."""

from __future__ import annotations

from collections.abc import AsyncIterator

from storage.core.db import Reader, Row

PAGE = 500

_COMPLAINT = """SELECT c.id, c.number, c.status, c.category_code, c.description, c.unit_code,
       c.created_at, c.updated_at, c.resolve_due_at, c.ack_due_at, c.kelurahan_code,
       c.latitude, c.longitude, c.confidential, c.acknowledged_at, c.ack_on_time,
       c.ack_work_seconds, c.resolved_at, c.resolve_on_time, c.resolve_work_seconds,
       c.closed_at, c.reopen_count, c.rating, c.rating_comment, c.reporter_id, c.withdrawn_at,
       p.first_name AS reporter_first_name, p.last_name AS reporter_last_name,
       p.username AS reporter_username
FROM complaints AS c INDEXED BY complaints_by_created
LEFT JOIN people p ON p.telegram_id = c.reporter_id"""


async def complaint_pages(
    db: Reader, start: int, end: int, page: int = PAGE, withheld: str | None = None
) -> AsyncIterator[list[Row]]:
    """The complaints received in ``[start, end)``, oldest first, ``page`` at a time;
    without the conduct complaints about the unit ``withheld`` (the exporter's own)."""
    after = (start - 1, 0)
    while True:
        rows = await db.fetchall(
            f"""{_COMPLAINT}
                WHERE c.created_at >= ? AND c.created_at < ? AND (c.created_at, c.id) > (?, ?)
                  AND (CAST(? AS TEXT) IS NULL OR c.named_unit_code IS DISTINCT FROM ?)
                ORDER BY c.created_at, c.id LIMIT ?""",
            (start, end, *after, withheld, withheld, page),
        )
        if not rows:
            return
        yield rows
        after = (rows[-1]["created_at"], rows[-1]["id"])


async def events_of(db: Reader, complaint_ids: list[int]) -> list[Row]:
    """The timelines of these complaints, in their order, each in event order."""
    return await db.fetchall(
        """SELECT e.complaint_id, c.number, c.reporter_id, c.confidential, e.at, e.actor_id,
                  e.kind, e.from_status, e.to_status, e.unit_code, e.public, e.body, e.data,
                  p.role AS actor_role, p.first_name AS actor_first_name,
                  p.last_name AS actor_last_name
           FROM {wanted}
           JOIN complaints c ON c.id = wanted.value
           JOIN complaint_events e ON e.complaint_id = c.id
           LEFT JOIN people p ON p.telegram_id = e.actor_id
           ORDER BY wanted.key, e.id""".format(wanted=db.dialect.each("wanted")),
        (db.dialect.array(complaint_ids),),
    )
