"""Public posts a supervisor held (/tahan_publik): one row per post (kind and period of
its digest run), so that holding, releasing and publishing late each happen once."""

from __future__ import annotations

from dataclasses import dataclass

from domain.transparency import HoldState
from storage.core.db import Reader, Row, Tx


@dataclass(frozen=True)
class Hold:
    kind: str
    period_key: str
    state: HoldState
    held_by: int
    held_at: int


def _hold(row: Row) -> Hold:
    return Hold(
        row["kind"], row["period_key"], HoldState(row["state"]), row["held_by"], row["held_at"]
    )


async def hold(tx: Tx, kind: str, period_key: str, by: int, now: int) -> bool:
    """Hold the post; False when it is already held or was published after a hold."""
    return (
        await tx.changes(
            """INSERT INTO public_post_holds (kind, period_key, held_by, held_at)
           VALUES (?, ?, ?, ?)
           ON CONFLICT (kind, period_key) DO UPDATE SET state = 'held',
               held_by = excluded.held_by, held_at = excluded.held_at,
               ended_by = NULL, ended_at = NULL
           WHERE public_post_holds.state = 'released'""",
            (kind, period_key, by, now),
        )
        == 1
    )


async def get(db: Reader, kind: str, period_key: str) -> Hold | None:
    row = await db.fetchone(
        "SELECT * FROM public_post_holds WHERE kind = ? AND period_key = ?", (kind, period_key)
    )
    return _hold(row) if row else None


async def held(db: Reader) -> list[Hold]:
    rows = await db.fetchall(
        "SELECT * FROM public_post_holds WHERE state = 'held' ORDER BY held_at"
    )
    return [_hold(r) for r in rows]


async def end(tx: Tx, kind: str, period_key: str, state: str, by: int, now: int) -> bool:
    """Release or publish a held post; False when another call ended the hold first."""
    return (
        await tx.changes(
            """UPDATE public_post_holds SET state = ?, ended_by = ?, ended_at = ?
           WHERE kind = ? AND period_key = ? AND state = 'held'""",
            (state, by, now, kind, period_key),
        )
        == 1
    )
