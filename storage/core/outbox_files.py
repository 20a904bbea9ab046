"""Files an outbox row uploads (e.g. the chart of a digest).

The bytes are stored in the same transaction as the row that sends them, so a queued
photo survives a restart; the row's params name the file with
``"upload_ref": [field, file_id, file_name]`` and the dispatcher uploads it.
"""

from __future__ import annotations

from storage.core.db import Reader, Tx


async def store(tx: Tx, data: bytes, now: int) -> int:
    return int(
        await tx.fetchval(
            "INSERT INTO outbox_files (data, created_at) VALUES (?, ?) RETURNING id", (data, now)
        )
    )


async def data(db: Reader, file_id: int) -> bytes | None:
    return await db.fetchval("SELECT data FROM outbox_files WHERE id = ?", (file_id,))


def upload_ref(field: str, file_id: int, file_name: str) -> list[object]:
    return [field, file_id, file_name]


async def prune_unused(tx: Tx, before: int) -> int:
    """Delete files stored before ``before`` that no row still waiting to be sent names."""
    return await tx.changes(
        """DELETE FROM outbox_files WHERE created_at < ? AND NOT EXISTS (
               SELECT 1 FROM outbox
               WHERE outbox.state IN ('pending', 'sending')
                 AND {json_text} = CAST(outbox_files.id AS TEXT))""".format(
            json_text=tx.dialect.json_text("outbox.params", "upload_ref", 1)
        ),
        (before,),
    )
