"""JP (jam pelajaran) credits, the monthly nudge rows, and reading activities with their
attendance for reports."""

from __future__ import annotations

from dataclasses import dataclass

from domain.activities import ActivityStatus, Kind, NudgeState
from storage.activities.invitations import STAFF_ROLES
from storage.core.db import Reader, Tx


@dataclass(frozen=True)
class Credit:
    activity_id: int
    title: str
    starts_at: int
    jp: int


@dataclass(frozen=True)
class StaffJp:
    """One ASN's JP in a year (0 when nothing was credited)."""

    person_id: int
    name: str
    unit_code: str | None
    role: str
    jp: int
    registered_at: int  # when they accepted their first invitation (or were first seen)


#: When a person was registered as staff: the first invitation they accepted; people who
#: hold a role without one (the ADMIN_IDS admins) count from when the bot first saw them.
REGISTERED = """COALESCE((SELECT MIN(i.used_at) FROM invites i WHERE i.used_by = p.telegram_id),
                         p.created_at)"""


@dataclass(frozen=True)
class ActivityAttendance:
    """One activity with its audience figures, for the "Kegiatan" sheet of the export."""

    id: int
    kind: Kind
    title: str
    starts_at: int
    minutes: int
    place: str
    jp: int
    cost_rupiah: int
    status: ActivityStatus
    organiser_id: int
    invited: int
    accepted: int
    declined: int
    attended: int | None  # None while attendance is not saved
    jp_credited: int


async def credit(
    tx: Tx, activity_id: int, person_ids: list[int], year: int, jp: int, now: int
) -> None:
    await tx.executemany(
        """INSERT INTO jp_credits (person_id, activity_id, year, jp, credited_at)
           VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
        [(person_id, activity_id, year, jp, now) for person_id in person_ids],
    )


async def uncredit(tx: Tx, activity_id: int, person_ids: list[int]) -> None:
    """Take back a training's JP from people corrected to absent."""
    await tx.executemany(
        "DELETE FROM jp_credits WHERE activity_id = ? AND person_id = ?",
        [(activity_id, person_id) for person_id in person_ids],
    )


async def total(db: Reader, person_id: int, year: int) -> int:
    return await db.fetchval(
        "SELECT COALESCE(SUM(jp), 0) FROM jp_credits WHERE person_id = ? AND year = ?",
        (person_id, year),
    )


async def credits_of(db: Reader, person_id: int, year: int) -> list[Credit]:
    rows = await db.fetchall(
        """SELECT c.activity_id, a.title, a.starts_at, c.jp FROM jp_credits c
           JOIN activities a ON a.id = c.activity_id
           WHERE c.person_id = ? AND c.year = ? ORDER BY a.starts_at, a.id""",
        (person_id, year),
    )
    return [Credit(r["activity_id"], r["title"], r["starts_at"], r["jp"]) for r in rows]


async def jp_by_person(db: Reader, year: int) -> dict[int, int]:
    """JP credited per person in ``year`` (people with no credit are absent)."""
    rows = await db.fetchall(
        "SELECT person_id, SUM(jp) AS jp FROM jp_credits WHERE year = ? GROUP BY person_id",
        (year,),
    )
    return {r["person_id"]: r["jp"] for r in rows}


async def staff_jp(
    db: Reader, year: int, unit_code: str | None = None, until: int | None = None
) -> list[StaffJp]:
    """Every ASN (staf, kepala, supervisor), of one unit or all, with their JP in ``year``;
    with ``until``, only the credits of trainings that started before it (a past moment).
    (``role <> 'citizen'`` lets SQLite use the partial index people_by_role instead of
    reading every citizen.)"""
    marks = ",".join("?" * len(STAFF_ROLES))
    before = (
        ""
        if until is None
        else " AND c.activity_id IN (SELECT id FROM activities WHERE starts_at < ?)"
    )
    sql = f"""SELECT p.telegram_id, p.first_name, p.last_name, p.unit_code, p.role,
                     COALESCE((SELECT SUM(jp) FROM jp_credits c
                               WHERE c.person_id = p.telegram_id AND c.year = ?{before}),
                              0) AS jp,
                     {REGISTERED} AS registered_at
              FROM people p WHERE p.role IN ({marks}) AND p.role <> 'citizen'"""
    params: list[object] = [year, *([] if until is None else [until]), *STAFF_ROLES]
    if unit_code is not None:
        sql += " AND p.unit_code = ?"
        params.append(unit_code)
    rows = await db.fetchall(
        sql + " ORDER BY p.unit_code IS NULL, p.unit_code, jp, p.first_name, p.telegram_id", params
    )
    return [
        StaffJp(
            r["telegram_id"],
            r["first_name"] + (f" {r['last_name']}" if r["last_name"] else ""),
            r["unit_code"],
            r["role"],
            r["jp"],
            r["registered_at"],
        )
        for r in rows
    ]


async def registered_at(db: Reader, person_id: int) -> int | None:
    return await db.fetchval(
        f"SELECT {REGISTERED} FROM people p WHERE p.telegram_id = ?", (person_id,)
    )


async def reachable_staff(db: Reader) -> list[int]:
    marks = ",".join("?" * len(STAFF_ROLES))
    rows = await db.fetchall(
        f"""SELECT telegram_id FROM people WHERE role IN ({marks}) AND reachable = 1
            AND started_at IS NOT NULL ORDER BY telegram_id""",
        STAFF_ROLES,
    )
    return [r["telegram_id"] for r in rows]


async def delivered(db: Reader, start: int, end: int) -> int:
    """JP delivered by trainings starting in ``[start, end)``: the sum over attendees."""
    return await db.fetchval(
        """SELECT COALESCE(SUM(c.jp), 0) FROM jp_credits c
           JOIN activities a ON a.id = c.activity_id
           WHERE a.starts_at >= ? AND a.starts_at < ?""",
        (start, end),
    )


async def with_attendance(db: Reader, start: int, end: int) -> list[ActivityAttendance]:
    """Activities starting in ``[start, end)`` (cancelled included, see ``status``) with
    how many were invited, accepted, declined, attended, and the JP credited in total."""
    rows = await db.fetchall(
        """SELECT a.*,
             (SELECT COUNT(*) FROM activity_invitations i WHERE i.activity_id = a.id) AS invited,
             (SELECT COUNT(*) FROM activity_invitations i
              WHERE i.activity_id = a.id AND i.response = 'yes') AS accepted,
             (SELECT COUNT(*) FROM activity_invitations i
              WHERE i.activity_id = a.id AND i.response = 'no') AS declined,
             (SELECT COUNT(*) FROM activity_invitations i
              WHERE i.activity_id = a.id AND i.attended = 1) AS attended,
             (SELECT COALESCE(SUM(c.jp), 0) FROM jp_credits c
              WHERE c.activity_id = a.id) AS jp_credited
           FROM activities a WHERE a.starts_at >= ? AND a.starts_at < ?
           ORDER BY a.starts_at, a.id""",
        (start, end),
    )
    return [
        ActivityAttendance(
            r["id"],
            Kind(r["kind"]),
            r["title"],
            r["starts_at"],
            r["minutes"],
            r["place"],
            r["jp"],
            r["cost_rupiah"],
            ActivityStatus(r["status"]),
            r["organiser_id"],
            r["invited"],
            r["accepted"],
            r["declined"],
            r["attended"] if r["attendance_saved_at"] is not None else None,
            r["jp_credited"],
        )
        for r in rows
    ]


# --- the monthly nudge -------------------------------------------------------------------


async def plan_nudge(tx: Tx, period: str, due_at: int) -> None:
    await tx.execute(
        "INSERT INTO jp_nudges (period, due_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (period, due_at),
    )
    tx.touch("jp_nudges")


async def due_nudges(db: Reader, now: int) -> list[tuple[str, int]]:
    rows = await db.fetchall(
        "SELECT period, due_at FROM jp_nudges WHERE state = 'pending' AND due_at <= ? "
        "ORDER BY due_at",
        (now,),
    )
    return [(r["period"], r["due_at"]) for r in rows]


async def claim_nudge(
    tx: Tx, period: str, state: NudgeState, now: int, recipients: int = 0
) -> bool:
    return (
        await tx.changes(
            "UPDATE jp_nudges SET state = ?, fired_at = ?, recipients = ? "
            "WHERE period = ? AND state = 'pending'",
            (state, now, recipients, period),
        )
        == 1
    )


async def next_nudge_due(db: Reader) -> int | None:
    return await db.fetchval("SELECT MIN(due_at) FROM jp_nudges WHERE state = 'pending'")


async def nudge_states(db: Reader) -> dict[str, NudgeState]:
    rows = await db.fetchall("SELECT period, state FROM jp_nudges ORDER BY period")
    return {r["period"]: NudgeState(r["state"]) for r in rows}
