"""The queries behind the published figures, counted by what happened in a period:
complaints received (filed), acknowledged and resolved during it, per handling unit.

Unlike the supervisors' reports (the complaints *received* in a period, as they stand
now), a public week reads like a diary: what came in, what was answered, what was done.
The public list of resolved complaints selects only what may be shown: never a
confidential complaint, never one about an officer's conduct, and no text a citizen wrote.

A period is a half-open range of instants ``[start, end)`` (Unix seconds).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from storage.core.db import Reader

#: A complaint counts as resolved while it stands resolved (a reopened one does not).
RESOLVED = "status IN ('selesai', 'ditutup')"


@dataclass
class Activity:
    """One unit's complaints in a period."""

    unit_code: str
    received: int = 0
    acknowledged: int = 0  # acknowledged in the period, with a known on-time flag
    ack_on_time: int = 0
    resolved: int = 0  # resolved in the period and still resolved
    resolve_known: int = 0  # of those, with a known on-time flag (the first resolution)
    resolve_on_time: int = 0


async def activity(db: Reader, start: int, end: int) -> dict[str, Activity]:
    """Per handling unit: received, acknowledged (on time) and resolved (on time)."""
    found: dict[str, Activity] = defaultdict(lambda: Activity(""))
    for row in await db.fetchall(
        """SELECT unit_code, COUNT(*) AS n FROM complaints INDEXED BY complaints_report_unit_time
           WHERE created_at >= ? AND created_at < ? GROUP BY unit_code""",
        (start, end),
    ):
        found[row["unit_code"]].received = row["n"]
    for row in await db.fetchall(
        """SELECT unit_code, COUNT(ack_on_time) AS n, COALESCE(SUM(ack_on_time), 0) AS ok
           FROM complaints INDEXED BY complaints_by_acknowledged
           WHERE acknowledged_at >= ? AND acknowledged_at < ? GROUP BY unit_code""",
        (start, end),
    ):
        found[row["unit_code"]].acknowledged = row["n"]
        found[row["unit_code"]].ack_on_time = row["ok"]
    for row in await db.fetchall(
        f"""SELECT unit_code, COUNT(*) AS n, COUNT(resolve_on_time) AS known,
                   COALESCE(SUM(resolve_on_time), 0) AS ok
            FROM complaints INDEXED BY complaints_by_resolved
            WHERE resolved_at >= ? AND resolved_at < ? AND {RESOLVED} GROUP BY unit_code""",
        (start, end),
    ):
        unit = found[row["unit_code"]]
        unit.resolved, unit.resolve_known, unit.resolve_on_time = (
            row["n"],
            row["known"],
            row["ok"],
        )
    for code, unit in found.items():
        unit.unit_code = code
    return dict(found)


async def resolve_times(db: Reader, start: int, end: int) -> dict[str, list[int]]:
    """Per unit, the working seconds the complaints resolved in the period took (first
    resolution, pauses excluded), sorted."""
    rows = await db.fetchall(
        f"""SELECT unit_code, resolve_work_seconds AS seconds
            FROM complaints INDEXED BY complaints_by_resolved
            WHERE resolved_at >= ? AND resolved_at < ? AND {RESOLVED}
              AND resolve_work_seconds IS NOT NULL
            ORDER BY resolve_work_seconds""",
        (start, end),
    )
    times: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        times[row["unit_code"]].append(row["seconds"])
    return dict(times)


@dataclass(frozen=True)
class ResolvedItem:
    """A resolved complaint as the public may see it: no reporter, no citizen's text."""

    number: str
    category_code: str
    kelurahan_code: str | None
    unit_code: str
    received_at: int
    resolved_at: int
    public_note: str | None


async def resolved_publicly(db: Reader, since: int, until: int, limit: int) -> list[ResolvedItem]:
    """Complaints resolved in ``[since, until)``, newest first, that may be listed: not
    confidential, not about an officer's conduct (by category or by a named unit)."""
    rows = await db.fetchall(
        f"""SELECT c.number, c.category_code, c.kelurahan_code, c.unit_code, c.created_at,
                   c.resolved_at, n.body AS public_note
            FROM complaints c INDEXED BY complaints_by_resolved
            JOIN categories k ON k.code = c.category_code
            LEFT JOIN complaint_public_notes n ON n.complaint_id = c.id
            WHERE c.resolved_at >= ? AND c.resolved_at < ? AND c.{RESOLVED}
              AND c.confidential = 0 AND k.conduct = 0 AND c.named_unit_code IS NULL
            ORDER BY c.resolved_at DESC, c.id DESC LIMIT ?""",
        (since, until, limit),
    )
    return [
        ResolvedItem(
            r["number"],
            r["category_code"],
            r["kelurahan_code"],
            r["unit_code"],
            r["created_at"],
            r["resolved_at"],
            r["public_note"],
        )
        for r in rows
    ]
