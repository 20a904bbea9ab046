"""Scheduled digests as rows: one per kind and period, sent once.

A row is created for the next due time as soon as the previous one is sent (and at
start), so a digest that falls due while the bot is down is still there, pending, when it
starts again. Sending claims the row with a conditional UPDATE in the transaction that
queues the messages: a job running twice, or a restart in between, sends nothing twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from domain.reports import DigestState
from storage.core.db import Reader, Row, Tx


@dataclass(frozen=True)
class DigestRun:
    kind: str
    period_key: str
    due_at: int
    state: DigestState


def _run(row: Row) -> DigestRun:
    return DigestRun(row["kind"], row["period_key"], row["due_at"], DigestState(row["state"]))


async def plan(tx: Tx, kind: str, period_key: str, due_at: int, now: int) -> None:
    """Create the run, or move it while it is still pending (the schedule changed)."""
    await tx.execute(
        """INSERT INTO digest_runs (kind, period_key, due_at, created_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (kind, period_key) DO UPDATE SET due_at = excluded.due_at
           WHERE digest_runs.state = 'pending'""",
        (kind, period_key, due_at, now),
    )
    tx.touch("digest_runs")


async def due(db: Reader, now: int) -> list[DigestRun]:
    rows = await db.fetchall(
        "SELECT * FROM digest_runs WHERE state = 'pending' AND due_at <= ? ORDER BY due_at",
        (now,),
    )
    return [_run(r) for r in rows]


async def next_due(db: Reader) -> int | None:
    return await db.fetchval("SELECT MIN(due_at) FROM digest_runs WHERE state = 'pending'")


async def claim(tx: Tx, kind: str, period_key: str, now: int) -> bool:
    """Mark sent; False when another run (or a restart) already sent it."""
    return (
        await tx.changes(
            """UPDATE digest_runs SET state = 'sent', sent_at = ?
           WHERE kind = ? AND period_key = ? AND state = 'pending'""",
            (now, kind, period_key),
        )
        == 1
    )


async def set_recipients(tx: Tx, kind: str, period_key: str, recipients: int) -> None:
    await tx.execute(
        "UPDATE digest_runs SET recipients = ? WHERE kind = ? AND period_key = ?",
        (recipients, kind, period_key),
    )


async def runs(db: Reader, kind: str) -> list[DigestRun]:
    rows = await db.fetchall("SELECT * FROM digest_runs WHERE kind = ? ORDER BY due_at", (kind,))
    return [_run(r) for r in rows]
