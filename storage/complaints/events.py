"""The complaint timeline: append-only events, some visible to the citizen."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Unpack

from domain.complaints import CheckKind, EventData, EventKind, Status
from storage.core.audit import CHANGE
from storage.core.db import Reader, Row, Tx


@dataclass(frozen=True)
class Event:
    id: int
    complaint_id: int
    at: int
    actor_id: int | None
    kind: EventKind
    from_status: Status | None
    to_status: Status | None
    unit_code: str | None
    public: bool
    body: str | None
    data: EventData


async def add(
    tx: Tx,
    complaint_id: int,
    at: int,
    actor_id: int | None,
    kind: EventKind,
    *,
    from_status: Status | None = None,
    to_status: Status | None = None,
    unit_code: str | None = None,
    public: bool = False,
    body: str | None = None,
    **data: Unpack[EventData],
) -> int:
    tx.touch(CHANGE)
    return await tx.execute(
        """INSERT INTO complaint_events (complaint_id, at, actor_id, kind, from_status,
                                         to_status, unit_code, public, body, data)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
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


def _status(value: str | None) -> Status | None:
    return None if value is None else Status(value)


def _data(text: str | None) -> EventData:
    data: EventData = json.loads(text) if text else {}
    if "check" in data:
        data["check"] = CheckKind(data["check"])
    return data


def from_row(r: Row) -> Event:
    """An event from a ``complaint_events`` row (all its columns)."""
    return Event(
        r["id"],
        r["complaint_id"],
        r["at"],
        r["actor_id"],
        EventKind(r["kind"]),
        _status(r["from_status"]),
        _status(r["to_status"]),
        r["unit_code"],
        bool(r["public"]),
        r["body"],
        _data(r["data"]),
    )


async def timeline(db: Reader, complaint_id: int, *, public_only: bool) -> list[Event]:
    sql = "SELECT * FROM complaint_events WHERE complaint_id = ?"
    if public_only:
        sql += " AND public = 1"
    rows = await db.fetchall(sql + " ORDER BY id", (complaint_id,))
    return [from_row(r) for r in rows]


async def count(db: Reader, complaint_id: int, kind: EventKind) -> int:
    return int(
        await db.fetchval(
            "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = ? AND kind = ?",
            (complaint_id, kind),
        )
    )
