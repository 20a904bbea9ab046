"""The office's follow-up to a service's IKM (/tindak_lanjut), written for the public."""

from __future__ import annotations

from dataclasses import dataclass

from storage.core.db import Reader, Row, Tx


@dataclass(frozen=True)
class FollowUp:
    service_code: str
    period_key: str  # the month whose results it answers (YYYY-MM)
    unsur_key: str | None
    body: str
    recorded_at: int


def _followup(row: Row) -> FollowUp:
    return FollowUp(
        row["service_code"], row["period_key"], row["unsur_key"], row["body"], row["recorded_at"]
    )


async def add(
    tx: Tx, service_code: str, period_key: str, unsur_key: str | None, body: str, by: int, now: int
) -> int:
    return int(
        await tx.fetchval(
            """INSERT INTO ikm_followups (service_code, period_key, unsur_key, body,
                                          recorded_by, recorded_at)
               VALUES (?, ?, ?, ?, ?, ?) RETURNING id""",
            (service_code, period_key, unsur_key, body, by, now),
        )
    )


async def latest(db: Reader, until: int) -> dict[str, FollowUp]:
    """Per service, the last follow-up recorded at or before ``until``."""
    rows = await db.fetchall(
        """SELECT f.* FROM ikm_followups f
           WHERE f.id = (SELECT g.id FROM ikm_followups g
                         WHERE g.service_code = f.service_code AND g.recorded_at <= ?
                         ORDER BY g.recorded_at DESC, g.id DESC LIMIT 1)""",
        (until,),
    )
    return {r["service_code"]: _followup(r) for r in rows}


async def since(db: Reader, period_key: str) -> list[FollowUp]:
    """Every follow-up answering ``period_key`` or a later month, newest first."""
    rows = await db.fetchall(
        """SELECT * FROM ikm_followups WHERE period_key >= ?
           ORDER BY period_key DESC, recorded_at DESC, id DESC""",
        (period_key,),
    )
    return [_followup(r) for r in rows]
