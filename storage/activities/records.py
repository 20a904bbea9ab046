"""Scheduled activities (trainings and citizen forums): the activity, its audience units
and its timeline. Invitations live in :mod:`storage.activity_invitations`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Unpack

from domain.activities import ActivityStatus, EventData, EventKind, Kind, ReminderKind, Response
from domain.people import Role
from storage.core.audit import CHANGE
from storage.core.db import Reader, Row, Tx


@dataclass(frozen=True)
class Activity:
    id: int
    kind: Kind
    title: str
    starts_at: int
    minutes: int
    place: str
    jp: int
    cost_rupiah: int
    all_staff: bool
    public: bool
    organiser_id: int
    status: ActivityStatus
    revision: int
    created_at: int
    updated_at: int
    cancelled_at: int | None
    attendance_saved_at: int | None

    @property
    def ends_at(self) -> int:
        return self.starts_at + self.minutes * 60

    @property
    def cancelled(self) -> bool:
        return self.status is ActivityStatus.DIBATALKAN


@dataclass(frozen=True)
class NewActivity:
    kind: Kind
    title: str
    starts_at: int
    minutes: int
    place: str
    jp: int
    cost_rupiah: int
    all_staff: bool
    public: bool
    organiser_id: int
    draft_key: str


@dataclass(frozen=True)
class Event:
    activity_id: int
    at: int
    actor_id: int | None
    kind: EventKind
    data: EventData


COLUMNS = (
    "id, kind, title, starts_at, minutes, place, jp, cost_rupiah, all_staff, public, "
    "organiser_id, status, revision, created_at, updated_at, cancelled_at, attendance_saved_at"
)


def _activity(row: Row) -> Activity:
    return Activity(
        id=row["id"],
        kind=Kind(row["kind"]),
        title=row["title"],
        starts_at=row["starts_at"],
        minutes=row["minutes"],
        place=row["place"],
        jp=row["jp"],
        cost_rupiah=row["cost_rupiah"],
        all_staff=bool(row["all_staff"]),
        public=bool(row["public"]),
        organiser_id=row["organiser_id"],
        status=ActivityStatus(row["status"]),
        revision=row["revision"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        cancelled_at=row["cancelled_at"],
        attendance_saved_at=row["attendance_saved_at"],
    )


async def insert(tx: Tx, new: NewActivity, units: list[str], now: int) -> int:
    activity_id = await tx.execute(
        """INSERT INTO activities (kind, title, starts_at, minutes, place, jp, cost_rupiah,
                                   all_staff, public, organiser_id, draft_key, created_at,
                                   updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            new.kind,
            new.title,
            new.starts_at,
            new.minutes,
            new.place,
            new.jp,
            new.cost_rupiah,
            int(new.all_staff),
            int(new.public),
            new.organiser_id,
            new.draft_key,
            now,
            now,
        ),
    )
    await tx.executemany(
        "INSERT INTO activity_units (activity_id, unit_code) VALUES (?, ?)",
        [(activity_id, code) for code in units],
    )
    return activity_id


async def get(db: Reader, activity_id: int) -> Activity | None:
    row = await db.fetchone(f"SELECT {COLUMNS} FROM activities WHERE id = ?", (activity_id,))
    return _activity(row) if row else None


async def existing(db: Reader, activity_id: int) -> Activity:
    """An activity known to exist (e.g. written in this transaction)."""
    sql = f"SELECT {COLUMNS} FROM activities WHERE id = ?"
    return _activity(await db.fetchrow(sql, (activity_id,)))


async def id_for_draft(db: Reader, draft_key: str) -> int | None:
    return await db.fetchval("SELECT id FROM activities WHERE draft_key = ?", (draft_key,))


async def units_of(db: Reader, activity_id: int) -> list[str]:
    rows = await db.fetchall(
        "SELECT unit_code FROM activity_units WHERE activity_id = ? ORDER BY unit_code",
        (activity_id,),
    )
    return [r["unit_code"] for r in rows]


async def move(tx: Tx, activity_id: int, starts_at: int, now: int) -> None:
    """A new start time: the revision bumps so reminders are planned afresh."""
    await tx.execute(
        "UPDATE activities SET starts_at = ?, revision = revision + 1, updated_at = ? WHERE id = ?",
        (starts_at, now, activity_id),
    )


async def set_place(tx: Tx, activity_id: int, place: str, now: int) -> None:
    await tx.execute(
        "UPDATE activities SET place = ?, updated_at = ? WHERE id = ?", (place, now, activity_id)
    )


async def cancel(tx: Tx, activity_id: int, now: int) -> bool:
    return (
        await tx.changes(
            "UPDATE activities SET status = 'dibatalkan', cancelled_at = ?, updated_at = ? "
            "WHERE id = ? AND status = 'terjadwal'",
            (now, now, activity_id),
        )
        == 1
    )


async def mark_attendance_saved(tx: Tx, activity_id: int, now: int) -> bool:
    """Claim the one-time save of the attendance checklist."""
    return (
        await tx.changes(
            "UPDATE activities SET attendance_saved_at = ?, updated_at = ? "
            "WHERE id = ? AND attendance_saved_at IS NULL",
            (now, now, activity_id),
        )
        == 1
    )


async def upcoming(
    db: Reader, now: int, *, kind: Kind | None = None, public: bool | None = None, limit: int = 20
) -> list[Activity]:
    """Scheduled activities that have not ended yet, soonest first."""
    sql = (
        f"SELECT {COLUMNS} FROM activities WHERE status = 'terjadwal' "
        "AND starts_at + minutes * 60 > ?"
    )
    params: list[object] = [now]
    if kind is not None:
        sql += " AND kind = ?"
        params.append(kind)
    if public is not None:
        sql += " AND public = ?"
        params.append(int(public))
    rows = await db.fetchall(sql + " ORDER BY starts_at, id LIMIT ?", (*params, limit))
    return [_activity(r) for r in rows]


async def upcoming_for(db: Reader, person_id: int, now: int, limit: int = 20) -> list[Activity]:
    """Upcoming activities a person organises or is invited to."""
    rows = await db.fetchall(
        f"""SELECT {COLUMNS} FROM activities a
            WHERE status = 'terjadwal' AND starts_at + minutes * 60 > ?
              AND (organiser_id = ? OR EXISTS (
                   SELECT 1 FROM activity_invitations i
                   WHERE i.activity_id = a.id AND i.person_id = ?))
            ORDER BY starts_at, id LIMIT ?""",
        (now, person_id, person_id, limit),
    )
    return [_activity(r) for r in rows]


async def not_begun(db: Reader, now: int) -> list[Activity]:
    """Scheduled activities that have not started: invitations to them can still change."""
    rows = await db.fetchall(
        f"SELECT {COLUMNS} FROM activities WHERE status = 'terjadwal' AND starts_at > ? "
        "ORDER BY starts_at, id",
        (now,),
    )
    return [_activity(r) for r in rows]


async def finished(
    db: Reader, now: int, since: int, *, organiser_id: int | None = None, limit: int = 20
) -> list[Activity]:
    """Scheduled (not cancelled) activities that ended in ``[since, now]``, latest first;
    with ``organiser_id`` only those this person organised."""
    sql = (
        f"SELECT {COLUMNS} FROM activities WHERE status = 'terjadwal' "
        "AND starts_at + minutes * 60 BETWEEN ? AND ?"
    )
    params: list[object] = [since, now]
    if organiser_id is not None:
        sql += " AND organiser_id = ?"
        params.append(organiser_id)
    rows = await db.fetchall(
        sql + " ORDER BY starts_at + minutes * 60 DESC, id DESC LIMIT ?", (*params, limit)
    )
    return [_activity(r) for r in rows]


async def in_range(db: Reader, start: int, end: int) -> list[Activity]:
    """Every activity starting in ``[start, end)``, cancelled ones included."""
    rows = await db.fetchall(
        f"SELECT {COLUMNS} FROM activities WHERE starts_at >= ? AND starts_at < ? "
        "ORDER BY starts_at, id",
        (start, end),
    )
    return [_activity(r) for r in rows]


async def committed_cost(db: Reader, start: int, end: int) -> int:
    """Cost of the activities (not cancelled) starting in ``[start, end)``."""
    return await db.fetchval(
        "SELECT COALESCE(SUM(cost_rupiah), 0) FROM activities "
        "WHERE status = 'terjadwal' AND starts_at >= ? AND starts_at < ?",
        (start, end),
    )


# --- timeline ----------------------------------------------------------------------------


async def add_event(
    tx: Tx,
    activity_id: int,
    at: int,
    actor_id: int | None,
    kind: EventKind,
    **data: Unpack[EventData],
) -> None:
    tx.touch(CHANGE)
    await tx.execute(
        "INSERT INTO activity_events (activity_id, at, actor_id, kind, data) "
        "VALUES (?, ?, ?, ?, ?)",
        (
            activity_id,
            at,
            actor_id,
            kind,
            json.dumps(data, ensure_ascii=False, sort_keys=True) if data else None,
        ),
    )


async def events(db: Reader, activity_id: int) -> list[Event]:
    rows = await db.fetchall(
        "SELECT activity_id, at, actor_id, kind, data FROM activity_events "
        "WHERE activity_id = ? ORDER BY id",
        (activity_id,),
    )
    return [
        Event(r["activity_id"], r["at"], r["actor_id"], EventKind(r["kind"]), _data(r["data"]))
        for r in rows
    ]


def _data(text: str | None) -> EventData:
    data: EventData = json.loads(text) if text else {}
    if "response" in data:
        data["response"] = Response(data["response"])
    if "role" in data:
        data["role"] = Role(data["role"])
    if "reminder_kind" in data:
        data["reminder_kind"] = ReminderKind(data["reminder_kind"])
    return data


# --- cards shown by /kegiatan, kept live ---------------------------------------------------

CARD = "activity_card"


async def card_chats(db: Reader, activity_id: int) -> list[int]:
    """Private chats holding a /kegiatan card of this activity (edited when counts move)."""
    rows = await db.fetchall(
        "SELECT DISTINCT chat_id FROM message_refs WHERE ref_kind = ? AND ref_id = ?",
        (CARD, activity_id),
    )
    return [r["chat_id"] for r in rows]


async def drop_pending_edits(tx: Tx, chat_id: int, ref_kind: str, ref_id: int) -> int:
    """Coalesce live updates: an edit still waiting in the outbox is replaced by the newer
    one, so a burst of answers costs the organiser's chat one edit, not one per answer."""
    return await tx.changes(
        """DELETE FROM outbox WHERE chat_id = ? AND state = 'pending'
             AND method = 'editMessageText'
             AND json_extract(params, '$.message_ref') = json_array(?, ?)""",
        (chat_id, ref_kind, ref_id),
    )
