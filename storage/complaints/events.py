"""The complaint timeline: append-only events, some visible to the citizen."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from storage.core.db import Reader, Tx


@dataclass(frozen=True)
class Event:
    id: int
    complaint_id: int
    at: int
    actor_id: int | None
    kind: str
    from_status: str | None
    to_status: str | None
    unit_code: str | None
    public: bool
    body: str | None
    data: dict[str, Any]


async def add(
    tx: Tx,
    complaint_id: int,
    at: int,
    actor_id: int | None,
    kind: str,
    *,
    from_status: str | None = None,
    to_status: str | None = None,
    unit_code: str | None = None,
    public: bool = False,
    body: str | None = None,
    **data: Any,
) -> int:
    return await tx.fetchval(
        """INSERT INTO complaint_events (complaint_id, at, actor_id, kind, from_status,
                                         to_status, unit_code, public, body, data)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""",
        (
            complaint_id,
            at,
            actor_id,
            kind,
            from_status,
            to_status,
            unit_code,
            int(public),
            body,
            json.dumps(data, ensure_ascii=False) if data else None,
        ),
    )


async def timeline(db: Reader, complaint_id: int, *, public_only: bool) -> list[Event]:
    sql = "SELECT * FROM complaint_events WHERE complaint_id = ?"
    if public_only:
        sql += " AND public = 1"
    rows = await db.fetchall(sql + " ORDER BY id", (complaint_id,))
    return [
        Event(
            r["id"],
            r["complaint_id"],
            r["at"],
            r["actor_id"],
            r["kind"],
            r["from_status"],
            r["to_status"],
            r["unit_code"],
            bool(r["public"]),
            r["body"],
            json.loads(r["data"]) if r["data"] else {},
        )
        for r in rows
    ]


async def count(db: Reader, complaint_id: int, kind: str) -> int:
    return int(
        await db.fetchval(
            "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = ? AND kind = ?",
            (complaint_id, kind),
        )
    )
