"""Deadline checks as rows: the scheduler's jobs are only a cache of these."""

from __future__ import annotations

from dataclasses import dataclass

from domain.complaints import CheckKind
from storage.core.db import Reader, Tx


@dataclass(frozen=True)
class Check:
    id: int
    complaint_id: int
    kind: CheckKind
    cycle: int
    due_at: int


async def plan(tx: Tx, complaint_id: int, kind: CheckKind, cycle: int, due_at: int) -> None:
    """Create the check, or move it if still pending; a check that fired stays fired."""
    await tx.execute(
        """INSERT INTO complaint_checks (complaint_id, kind, cycle, due_at)
           VALUES (?, ?, ?, ?)
           ON CONFLICT (complaint_id, kind, cycle) DO UPDATE SET due_at = excluded.due_at,
               state = CASE WHEN complaint_checks.state = 'done' THEN 'done' ELSE 'pending' END
        """,
        (complaint_id, kind, cycle, due_at),
    )
    tx.touch("complaint_checks")


async def cancel(tx: Tx, complaint_id: int, kinds: tuple[CheckKind, ...]) -> None:
    marks = ", ".join("?" * len(kinds))
    await tx.execute(
        f"""UPDATE complaint_checks SET state = 'cancelled'
            WHERE complaint_id = ? AND state = 'pending' AND kind IN ({marks})""",
        (complaint_id, *kinds),
    )


async def due(db: Reader, now: int, limit: int = 200) -> list[Check]:
    rows = await db.fetchall(
        """SELECT id, complaint_id, kind, cycle, due_at FROM complaint_checks
           WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?""",
        (now, limit),
    )
    return [
        Check(r["id"], r["complaint_id"], CheckKind(r["kind"]), r["cycle"], r["due_at"])
        for r in rows
    ]


async def claim(tx: Tx, check_id: int, now: int) -> bool:
    """Mark fired; False if another run (or a restart) already fired it."""
    return (
        await tx.changes(
            "UPDATE complaint_checks SET state = 'done', fired_at = ? "
            "WHERE id = ? AND state = 'pending'",
            (now, check_id),
        )
        == 1
    )


async def next_due(db: Reader) -> int | None:
    return await db.fetchval("SELECT MIN(due_at) FROM complaint_checks WHERE state = 'pending'")


async def fired(db: Reader, complaint_id: int) -> list[tuple[CheckKind, int]]:
    rows = await db.fetchall(
        "SELECT kind, cycle FROM complaint_checks WHERE complaint_id = ? AND state = 'done' "
        "ORDER BY fired_at, id",
        (complaint_id,),
    )
    return [(CheckKind(r["kind"]), r["cycle"]) for r in rows]
