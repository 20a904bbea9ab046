"""The audit log: who did what, when, to which subject. Append-only."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from storage.core.db import Reader, Tx


@dataclass(frozen=True)
class AuditEntry:
    at: int
    actor_id: int | None
    action: str
    subject_kind: str | None
    subject_id: str | None
    details: dict[str, Any]


#: The topic every recorded event touches: a transaction that touched it changed state
#: (commit listeners use it, e.g. to tell a person their change was saved).
CHANGE = "change"


async def record(
    tx: Tx,
    at: int,
    actor_id: int | None,
    action: str,
    subject_kind: str | None = None,
    subject_id: str | int | None = None,
    **details: object,
) -> None:
    tx.touch(CHANGE)
    await tx.execute(
        """INSERT INTO audit_log (at, actor_id, action, subject_kind, subject_id, details)
           VALUES (?, ?, ?, ?, ?, ?)""",
        (
            at,
            actor_id,
            action,
            subject_kind,
            None if subject_id is None else str(subject_id),
            json.dumps(details, ensure_ascii=False, sort_keys=True) if details else None,
        ),
    )


async def entries(db: Reader, action: str | None = None, limit: int = 100) -> list[AuditEntry]:
    sql = "SELECT * FROM audit_log"
    params: tuple = ()
    if action is not None:
        sql += " WHERE action = ?"
        params = (action,)
    rows = await db.fetchall(sql + " ORDER BY id DESC LIMIT ?", (*params, limit))
    return [
        AuditEntry(
            r["at"],
            r["actor_id"],
            r["action"],
            r["subject_kind"],
            r["subject_id"],
            json.loads(r["details"]) if r["details"] else {},
        )
        for r in rows
    ]
