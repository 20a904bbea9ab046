"""Everything stored about a complaint: the complaint itself, its evidence, where its
alerts were posted, its timeline (append-only events, some visible to the citizen) and its
deadline checks (rows: the scheduler's jobs are only a cache of them)."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from enum import Enum
from typing import Any, Final, Unpack

from domain.complaints import AttachmentKind, CheckKind, EventData, EventKind, Status
from storage.core.audit import CHANGE
from storage.core.db import Reader, Row, Tx


@dataclass(frozen=True)
class Complaint:
    id: int
    number: str
    reporter_id: int
    confidential: bool
    category_code: str
    kelurahan_code: str | None
    unit_code: str
    named_unit_code: str | None
    description: str
    latitude: float | None
    longitude: float | None
    status: Status
    status_before_wait: Status | None
    assignee_id: int | None
    created_at: int
    updated_at: int
    ack_started_at: int
    ack_span: int
    ack_due_at: int
    resolve_started_at: int
    resolve_span: int
    resolve_due_at: int
    paused_at: int | None
    paused_work_seconds: int
    acknowledged_at: int | None
    first_response_at: int | None
    resolved_at: int | None
    closed_at: int | None
    ack_work_seconds: int | None
    resolve_work_seconds: int | None
    ack_on_time: int | None
    resolve_on_time: int | None
    reopen_count: int
    cycle: int
    resolution_note: str | None
    rating: int | None
    rating_comment: str | None
    rated_at: int | None
    withdrawn_at: int | None = None  # closed because the reporter erased their data
    anonymised_at: int | None = None  # its personal data removed after the retention period


@dataclass(frozen=True)
class Attachment:
    kind: AttachmentKind
    file_id: str
    file_unique_id: str | None = None
    file_name: str | None = None
    mime_type: str | None = None
    file_size: int | None = None


@dataclass(frozen=True)
class NewComplaint:
    """A complaint as filed: the columns of its first row."""

    draft_key: str  # unique: makes "Kirim" idempotent
    number: str
    reporter_id: int
    confidential: bool
    category_code: str
    kelurahan_code: str | None
    unit_code: str
    named_unit_code: str | None
    description: str
    latitude: float | None
    longitude: float | None
    status: Status
    created_at: int
    updated_at: int
    ack_started_at: int
    ack_span: int
    ack_due_at: int
    resolve_started_at: int
    resolve_span: int
    resolve_due_at: int


class Unset(Enum):
    """The value of a :class:`ComplaintUpdate` field that changes nothing."""

    UNSET = "unset"


UNSET: Final = Unset.UNSET


@dataclass(frozen=True)
class ComplaintUpdate:
    """The columns a change of a complaint may set, each typed as stored. A field left
    :data:`UNSET` keeps its column (``None`` writes NULL); :func:`update` writes the set
    fields, so no other name can reach the SQL."""

    status: Status | Unset = UNSET
    status_before_wait: Status | Unset | None = UNSET
    unit_code: str | Unset = UNSET
    assignee_id: int | Unset | None = UNSET
    confidential: bool | Unset = UNSET
    updated_at: int | Unset = UNSET
    ack_started_at: int | Unset = UNSET
    ack_due_at: int | Unset = UNSET
    resolve_started_at: int | Unset = UNSET
    resolve_due_at: int | Unset = UNSET
    paused_at: int | Unset | None = UNSET
    paused_work_seconds: int | Unset = UNSET
    acknowledged_at: int | Unset | None = UNSET
    first_response_at: int | Unset = UNSET
    resolved_at: int | Unset | None = UNSET
    closed_at: int | Unset = UNSET
    withdrawn_at: int | Unset = UNSET
    ack_work_seconds: int | Unset = UNSET
    resolve_work_seconds: int | Unset = UNSET
    ack_on_time: int | Unset = UNSET
    resolve_on_time: int | Unset = UNSET
    reopen_count: int | Unset = UNSET
    cycle: int | Unset = UNSET
    resolution_note: str | Unset = UNSET
    rating: int | Unset = UNSET
    rating_comment: str | Unset = UNSET
    rated_at: int | Unset = UNSET

    def assignments(self) -> dict[str, object]:
        """The set columns and their values."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return {name: value for name, value in values.items() if value is not UNSET}

    @property
    def status_set(self) -> Status | None:
        """The status this change moves to, if it moves it."""
        return None if isinstance(self.status, Unset) else self.status


COLUMNS = tuple(f.name for f in fields(Complaint))
SELECT = f"SELECT {', '.join(COLUMNS)} FROM complaints"
_NEW_COLUMNS = tuple(f.name for f in fields(NewComplaint))
_INSERT = (
    f"INSERT INTO complaints ({', '.join(_NEW_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(_NEW_COLUMNS))}) RETURNING id"
)


def _complaint(row: Row) -> Complaint:
    values = dict(zip(COLUMNS, row, strict=True))
    values["confidential"] = bool(values["confidential"])
    values["status"] = Status(values["status"])
    if values["status_before_wait"] is not None:
        values["status_before_wait"] = Status(values["status_before_wait"])
    return Complaint(**values)


async def next_sequence(tx: Tx, period: str) -> int:
    """The next number within a month (``period`` = YYMM); gap-free under the write lock."""
    return int(
        await tx.fetchval(
            """INSERT INTO complaint_counters (period, last) VALUES (?, 1)
               ON CONFLICT (period) DO UPDATE SET last = complaint_counters.last + 1
               RETURNING last""",
            (period,),
        )
    )


async def insert(tx: Tx, new: NewComplaint) -> int:
    return int(await tx.fetchval(_INSERT, tuple(getattr(new, name) for name in _NEW_COLUMNS)))


async def id_for_draft(db: Reader, draft_key: str) -> int | None:
    return await db.fetchval("SELECT id FROM complaints WHERE draft_key = ?", (draft_key,))


async def update(tx: Tx, complaint_id: int, change: ComplaintUpdate) -> None:
    values = change.assignments()
    if not values:
        return
    assignments = ", ".join(f"{name} = ?" for name in values)
    await tx.execute(
        f"UPDATE complaints SET {assignments} WHERE id = ?", (*values.values(), complaint_id)
    )


async def get(db: Reader, complaint_id: int) -> Complaint | None:
    row = await db.fetchone(f"{SELECT} WHERE id = ?", (complaint_id,))
    return _complaint(row) if row else None


async def existing(db: Reader, complaint_id: int) -> Complaint:
    """A complaint known to exist (written in this transaction, or referenced by a row
    that keeps it: complaints are never deleted)."""
    return _complaint(await db.fetchrow(f"{SELECT} WHERE id = ?", (complaint_id,)))


async def by_number(db: Reader, number: str) -> Complaint | None:
    row = await db.fetchone(f"{SELECT} WHERE number = ?", (number.upper(),))
    return _complaint(row) if row else None


async def of_reporter(db: Reader, reporter_id: int, offset: int, limit: int) -> list[Complaint]:
    rows = await db.fetchall(
        f"{SELECT} WHERE reporter_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
        (reporter_id, limit, offset),
    )
    return [_complaint(r) for r in rows]


async def changed_for_reporter_since(db: Reader, reporter_id: int, since: int) -> list[str]:
    """Numbers of the reporter's complaints with news for them (a public event by someone
    else) at or after ``since``."""
    rows = await db.fetchall(
        """SELECT DISTINCT c.number FROM complaints c
           JOIN complaint_events e ON e.complaint_id = c.id
           WHERE c.reporter_id = ? AND e.at >= ? AND e.public = 1
             AND (e.actor_id IS NULL OR e.actor_id <> c.reporter_id)
           ORDER BY c.number""",
        (reporter_id, since),
    )
    return [r["number"] for r in rows]


async def count_of_reporter(db: Reader, reporter_id: int, since: int = 0) -> int:
    return int(
        await db.fetchval(
            "SELECT COUNT(*) FROM complaints WHERE reporter_id = ? AND created_at >= ?",
            (reporter_id, since),
        )
    )


async def waiting_for(db: Reader, reporter_id: int) -> list[Complaint]:
    """The reporter's complaints waiting for their answer, most recently asked first."""
    rows = await db.fetchall(
        f"{SELECT} WHERE reporter_id = ? AND status = 'menunggu_warga' "
        "ORDER BY paused_at DESC, id DESC",
        (reporter_id,),
    )
    return [_complaint(r) for r in rows]


async def open_of_unit(db: Reader, unit_code: str | None, limit: int = 50) -> list[Complaint]:
    """Open complaints (of one unit, or all with None), soonest deadline first."""
    sql = f"{SELECT} WHERE status NOT IN ('selesai', 'ditutup')"
    params: list[Any] = []
    if unit_code is not None:
        sql += " AND unit_code = ?"
        params.append(unit_code)
    sql += """ ORDER BY CASE WHEN acknowledged_at IS NULL AND ack_due_at < resolve_due_at
                             THEN ack_due_at ELSE resolve_due_at END, id LIMIT ?"""
    rows = await db.fetchall(sql, (*params, limit))
    return [_complaint(r) for r in rows]


async def add_attachments(tx: Tx, complaint_id: int, attachments: list[Attachment]) -> None:
    await tx.executemany(
        """INSERT INTO complaint_attachments (complaint_id, kind, file_id, file_unique_id,
                                              file_name, mime_type, file_size, position)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            (
                complaint_id,
                a.kind,
                a.file_id,
                a.file_unique_id,
                a.file_name,
                a.mime_type,
                a.file_size,
                i,
            )
            for i, a in enumerate(attachments)
        ],
    )


async def attachments(db: Reader, complaint_id: int) -> list[Attachment]:
    rows = await db.fetchall(
        """SELECT kind, file_id, file_unique_id, file_name, mime_type, file_size
           FROM complaint_attachments WHERE complaint_id = ? ORDER BY position""",
        (complaint_id,),
    )
    return [
        Attachment(
            AttachmentKind(r["kind"]),
            r["file_id"],
            r["file_unique_id"],
            r["file_name"],
            r["mime_type"],
            r["file_size"],
        )
        for r in rows
    ]


async def add_alert_chat(tx: Tx, complaint_id: int, chat_id: int, unit_code: str | None) -> None:
    await tx.execute(
        """INSERT INTO complaint_alerts (complaint_id, chat_id, unit_code, active)
           VALUES (?, ?, ?, 1)
           ON CONFLICT (complaint_id, chat_id) DO UPDATE SET active = 1,
               unit_code = excluded.unit_code""",
        (complaint_id, chat_id, unit_code),
    )


async def deactivate_alerts(tx: Tx, complaint_id: int) -> list[int]:
    """Alerts stop being live copies (e.g. the complaint moved); returns their chats."""
    rows = await tx.fetchall(
        "UPDATE complaint_alerts SET active = 0 WHERE complaint_id = ? AND active = 1 "
        "RETURNING chat_id",
        (complaint_id,),
    )
    return [r["chat_id"] for r in rows]


async def move_alert_chat(tx: Tx, old_chat_id: int, new_chat_id: int) -> int:
    """Alert copies of a group that got a new id (upgraded to a supergroup) are edited
    there from now on. Returns how many moved."""
    moved = await tx.changes(
        """UPDATE complaint_alerts SET chat_id = :new
           WHERE chat_id = :old AND NOT EXISTS (
               SELECT 1 FROM complaint_alerts AS there
               WHERE there.complaint_id = complaint_alerts.complaint_id
                 AND there.chat_id = :new)""",
        {"new": new_chat_id, "old": old_chat_id},
    )
    await tx.execute("DELETE FROM complaint_alerts WHERE chat_id = ?", (old_chat_id,))
    return moved


async def was_alerted_to(db: Reader, complaint_id: int, unit_code: str) -> bool:
    """Whether the complaint's alert ever went to this unit (live or since moved away)."""
    row = await db.fetchone(
        "SELECT 1 FROM complaint_alerts WHERE complaint_id = ? AND unit_code = ?",
        (complaint_id, unit_code),
    )
    return row is not None


async def alert_chats(db: Reader, complaint_id: int) -> list[int]:
    rows = await db.fetchall(
        "SELECT chat_id FROM complaint_alerts WHERE complaint_id = ? AND active = 1 "
        "ORDER BY chat_id",
        (complaint_id,),
    )
    return [r["chat_id"] for r in rows]


async def live_alert_chats(db: Reader, complaint_id: int) -> list[int]:
    """The chats holding a live copy of the alert that the bot can still write to: unit
    groups (a group the bot lost has its copies deactivated) and people who have not
    blocked it."""
    rows = await db.fetchall(
        """SELECT a.chat_id FROM complaint_alerts a
           LEFT JOIN people p ON p.telegram_id = a.chat_id
           WHERE a.complaint_id = ? AND a.active = 1
             AND (a.chat_id < 0 OR COALESCE(p.reachable, 0) = 1)
           ORDER BY a.chat_id""",
        (complaint_id,),
    )
    return [r["chat_id"] for r in rows]


async def deactivate_chat_alerts(tx: Tx, chat_id: int) -> int:
    """Every alert copy in a chat that should no longer get them (a unit group that
    removed the bot, a person whose role was revoked) stops being live; returns how
    many."""
    return await tx.changes(
        "UPDATE complaint_alerts SET active = 0 WHERE chat_id = ? AND active = 1", (chat_id,)
    )


async def has_alert_chat(db: Reader, complaint_id: int, chat_id: int) -> bool:
    """Whether the alert was ever queued for this chat (live or not)."""
    row = await db.fetchone(
        "SELECT 1 FROM complaint_alerts WHERE complaint_id = ? AND chat_id = ?",
        (complaint_id, chat_id),
    )
    return row is not None


async def open_without_live_alert(db: Reader, limit: int = 500) -> list[Complaint]:
    """Open complaints whose alert nobody holds who can be written to (it went to nobody,
    or only to people who blocked the bot since), oldest first."""
    rows = await db.fetchall(
        f"""{SELECT} WHERE status NOT IN ('selesai', 'ditutup') AND NOT EXISTS (
                SELECT 1 FROM complaint_alerts a
                LEFT JOIN people p ON p.telegram_id = a.chat_id
                WHERE a.complaint_id = complaints.id AND a.active = 1
                  AND (a.chat_id < 0 OR COALESCE(p.reachable, 0) = 1))
            ORDER BY id LIMIT ?""",
        (limit,),
    )
    return [_complaint(r) for r in rows]


# --- the timeline ---------------------------------------------------------------------


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


async def add_event(
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
    return int(
        await tx.fetchval(
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
    )


def _event_status(value: str | None) -> Status | None:
    return None if value is None else Status(value)


def _event_data(text: str | None) -> EventData:
    data: EventData = json.loads(text) if text else {}
    if "check" in data:
        data["check"] = CheckKind(data["check"])
    return data


def event_from_row(r: Row) -> Event:
    """An event from a ``complaint_events`` row (all its columns)."""
    return Event(
        r["id"],
        r["complaint_id"],
        r["at"],
        r["actor_id"],
        EventKind(r["kind"]),
        _event_status(r["from_status"]),
        _event_status(r["to_status"]),
        r["unit_code"],
        bool(r["public"]),
        r["body"],
        _event_data(r["data"]),
    )


async def timeline(db: Reader, complaint_id: int, *, public_only: bool) -> list[Event]:
    sql = "SELECT * FROM complaint_events WHERE complaint_id = ?"
    if public_only:
        sql += " AND public = 1"
    rows = await db.fetchall(sql + " ORDER BY id", (complaint_id,))
    return [event_from_row(r) for r in rows]


async def count_events(db: Reader, complaint_id: int, kind: EventKind) -> int:
    return int(
        await db.fetchval(
            "SELECT COUNT(*) FROM complaint_events WHERE complaint_id = ? AND kind = ?",
            (complaint_id, kind),
        )
    )


# --- deadline checks -------------------------------------------------------------------


@dataclass(frozen=True)
class Check:
    id: int
    complaint_id: int
    kind: CheckKind
    cycle: int
    due_at: int


async def plan_check(tx: Tx, complaint_id: int, kind: CheckKind, cycle: int, due_at: int) -> None:
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


async def cancel_checks(tx: Tx, complaint_id: int, kinds: tuple[CheckKind, ...]) -> None:
    marks = ", ".join("?" * len(kinds))
    await tx.execute(
        f"""UPDATE complaint_checks SET state = 'cancelled'
            WHERE complaint_id = ? AND state = 'pending' AND kind IN ({marks})""",
        (complaint_id, *kinds),
    )


async def due_checks(db: Reader, now: int, limit: int = 200) -> list[Check]:
    rows = await db.fetchall(
        """SELECT id, complaint_id, kind, cycle, due_at FROM complaint_checks
           WHERE state = 'pending' AND due_at <= ? ORDER BY due_at, id LIMIT ?""",
        (now, limit),
    )
    return [
        Check(r["id"], r["complaint_id"], CheckKind(r["kind"]), r["cycle"], r["due_at"])
        for r in rows
    ]


async def claim_check(tx: Tx, check_id: int, now: int) -> bool:
    """Mark fired; False if another run (or a restart) already fired it."""
    return (
        await tx.changes(
            "UPDATE complaint_checks SET state = 'done', fired_at = ? "
            "WHERE id = ? AND state = 'pending'",
            (now, check_id),
        )
        == 1
    )


async def next_check_due(db: Reader) -> int | None:
    return await db.fetchval("SELECT MIN(due_at) FROM complaint_checks WHERE state = 'pending'")


async def fired_checks(db: Reader, complaint_id: int) -> list[tuple[CheckKind, int]]:
    rows = await db.fetchall(
        "SELECT kind, cycle FROM complaint_checks WHERE complaint_id = ? AND state = 'done' "
        "ORDER BY fired_at, id",
        (complaint_id,),
    )
    return [(CheckKind(r["kind"]), r["cycle"]) for r in rows]
