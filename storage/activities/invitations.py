"""Who is invited to an activity, what they answered, whether they came; who the audience
is; forum subscriptions."""

from __future__ import annotations

from dataclasses import dataclass

from domain.activities import InvitationSource, Response
from domain.people import Role
from storage.core.db import Reader, Row, Tx

#: Roles counted as ASN: invited by "Semua staf", credited JP, nudged monthly.
STAFF_ROLES = (Role.STAF, Role.KEPALA, Role.SUPERVISOR)
_REACHABLE = "p.reachable = 1 AND p.started_at IS NOT NULL"


@dataclass(frozen=True)
class Invitation:
    activity_id: int
    person_id: int
    name: str
    unit_code: str | None
    role: Role
    source: InvitationSource
    response: Response
    checked: bool
    attended: bool | None


@dataclass(frozen=True)
class Counts:
    invited: int
    yes: int
    no: int
    none: int
    attended: int


def _invitation(row: Row) -> Invitation:
    name = row["first_name"] + (f" {row['last_name']}" if row["last_name"] else "")
    return Invitation(
        activity_id=row["activity_id"],
        person_id=row["person_id"],
        name=name,
        unit_code=row["unit_code"],
        role=Role(row["role"]),
        source=InvitationSource(row["source"]),
        response=Response(row["response"]),
        checked=bool(row["checked"]),
        attended=None if row["attended"] is None else bool(row["attended"]),
    )


# --- audience ----------------------------------------------------------------------------


async def audience(
    db: Reader, *, all_staff: bool, units: list[str], public: bool, exclude: int
) -> list[int]:
    """People an activity invites, among those the bot may write to (they started it and
    did not block it): all ASN staff, staff of the chosen units, subscribed citizens."""
    ids: list[int] = []
    if all_staff:
        marks = ",".join("?" * len(STAFF_ROLES))
        rows = await db.fetchall(
            f"SELECT telegram_id FROM people p WHERE role IN ({marks}) AND {_REACHABLE}",
            STAFF_ROLES,
        )
        ids += [r["telegram_id"] for r in rows]
    if units:
        roles = ",".join("?" * len(STAFF_ROLES))
        marks = ",".join("?" * len(units))
        rows = await db.fetchall(
            f"""SELECT telegram_id FROM people p WHERE role IN ({roles})
                AND unit_code IN ({marks}) AND {_REACHABLE}""",
            (*STAFF_ROLES, *units),
        )
        ids += [r["telegram_id"] for r in rows]
    if public:
        rows = await db.fetchall(
            f"""SELECT p.telegram_id FROM forum_subscriptions s
                JOIN people p ON p.telegram_id = s.person_id WHERE {_REACHABLE}"""
        )
        ids += [r["telegram_id"] for r in rows]
    return [i for i in dict.fromkeys(ids) if i != exclude]


# --- invitations -------------------------------------------------------------------------


async def invite(
    tx: Tx,
    activity_id: int,
    person_ids: list[int],
    now: int,
    source: InvitationSource = InvitationSource.INVITED,
) -> None:
    await tx.executemany(
        """INSERT INTO activity_invitations (activity_id, person_id, source, invited_at)
           VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
        [(activity_id, person_id, source, now) for person_id in person_ids],
    )


async def get(db: Reader, activity_id: int, person_id: int) -> Invitation | None:
    rows = await _select(db, "i.activity_id = ? AND i.person_id = ?", (activity_id, person_id))
    return rows[0] if rows else None


async def of_activity(db: Reader, activity_id: int) -> list[Invitation]:
    """Everyone invited: answered yes first, then not answered, then no; by name."""
    return await _select(
        db,
        "i.activity_id = ?",
        (activity_id,),
        order="CASE i.response WHEN 'yes' THEN 0 WHEN 'none' THEN 1 ELSE 2 END, "
        "p.first_name, p.telegram_id",
    )


async def _select(
    db: Reader, where: str, params: tuple, order: str = "p.first_name"
) -> list[Invitation]:
    rows = await db.fetchall(
        f"""SELECT i.*, p.first_name, p.last_name, p.unit_code, p.role
            FROM activity_invitations i JOIN people p ON p.telegram_id = i.person_id
            WHERE {where} ORDER BY {order}""",
        params,
    )
    return [_invitation(r) for r in rows]


async def respond(tx: Tx, activity_id: int, person_id: int, response: Response, now: int) -> bool:
    """Record an answer; False when it did not change."""
    return (
        await tx.changes(
            """UPDATE activity_invitations SET response = ?, responded_at = ?
           WHERE activity_id = ? AND person_id = ? AND response <> ?""",
            (response, now, activity_id, person_id, response),
        )
        == 1
    )


async def counts(db: Reader, activity_id: int) -> Counts:
    row = await db.fetchrow(
        """SELECT COUNT(*) AS invited,
                  COUNT(*) FILTER (WHERE response = 'yes') AS yes,
                  COUNT(*) FILTER (WHERE response = 'no') AS no,
                  COUNT(*) FILTER (WHERE response = 'none') AS none,
                  COUNT(*) FILTER (WHERE attended = 1) AS attended
           FROM activity_invitations WHERE activity_id = ?""",
        (activity_id,),
    )
    return Counts(row["invited"], row["yes"], row["no"], row["none"], row["attended"])


async def reminder_recipients(db: Reader, activity_id: int) -> list[int]:
    """Who gets reminders: accepted or not answered (never those who declined)."""
    rows = await db.fetchall(
        f"""SELECT i.person_id FROM activity_invitations i
            JOIN people p ON p.telegram_id = i.person_id
            WHERE i.activity_id = ? AND i.response IN ('yes', 'none') AND {_REACHABLE}
            ORDER BY i.person_id""",
        (activity_id,),
    )
    return [r["person_id"] for r in rows]


async def withdraw(tx: Tx, activity_id: int, person_id: int) -> bool:
    """Take back an invitation the audience gave (not a forum the person joined); the
    activity's timeline keeps the record. False when there was none to take back."""
    return (
        await tx.changes(
            "DELETE FROM activity_invitations "
            "WHERE activity_id = ? AND person_id = ? AND source = 'invited'",
            (activity_id, person_id),
        )
        == 1
    )


async def everyone_invited(db: Reader, activity_id: int) -> list[int]:
    """Who hears about a change of time or place, or a cancellation."""
    rows = await db.fetchall(
        f"""SELECT i.person_id FROM activity_invitations i
            JOIN people p ON p.telegram_id = i.person_id
            WHERE i.activity_id = ? AND {_REACHABLE} ORDER BY i.person_id""",
        (activity_id,),
    )
    return [r["person_id"] for r in rows]


# --- attendance --------------------------------------------------------------------------


async def precheck(tx: Tx, activity_id: int) -> None:
    """The checklist starts with those who said they would come."""
    await tx.execute(
        "UPDATE activity_invitations SET checked = CASE WHEN response = 'yes' THEN 1 ELSE 0 END "
        "WHERE activity_id = ?",
        (activity_id,),
    )


async def toggle(tx: Tx, activity_id: int, person_id: int) -> bool:
    return (
        await tx.changes(
            "UPDATE activity_invitations SET checked = 1 - checked "
            "WHERE activity_id = ? AND person_id = ?",
            (activity_id, person_id),
        )
        == 1
    )


async def save_attendance(tx: Tx, activity_id: int) -> list[int]:
    """Turn the checklist into attendance; returns who attended."""
    await tx.execute(
        "UPDATE activity_invitations SET attended = checked WHERE activity_id = ?",
        (activity_id,),
    )
    rows = await tx.fetchall(
        "SELECT person_id FROM activity_invitations WHERE activity_id = ? AND attended = 1 "
        "ORDER BY person_id",
        (activity_id,),
    )
    return [r["person_id"] for r in rows]


async def reset_checklist(tx: Tx, activity_id: int) -> None:
    """Reopening saved attendance for a correction: the checklist starts as saved."""
    await tx.execute(
        "UPDATE activity_invitations SET checked = COALESCE(attended, 0) WHERE activity_id = ?",
        (activity_id,),
    )


async def attendance_changes(db: Reader, activity_id: int) -> tuple[list[int], list[int]]:
    """Who the checklist adds to and removes from the saved attendance."""
    rows = await db.fetchall(
        "SELECT person_id, checked FROM activity_invitations "
        "WHERE activity_id = ? AND checked <> COALESCE(attended, 0) ORDER BY person_id",
        (activity_id,),
    )
    return (
        [r["person_id"] for r in rows if r["checked"]],
        [r["person_id"] for r in rows if not r["checked"]],
    )


# --- forum subscriptions -----------------------------------------------------------------


async def is_subscribed(db: Reader, person_id: int) -> bool:
    return bool(
        await db.fetchval("SELECT 1 FROM forum_subscriptions WHERE person_id = ?", (person_id,))
    )


async def set_subscribed(tx: Tx, person_id: int, subscribed: bool, now: int) -> None:
    if subscribed:
        await tx.execute(
            "INSERT INTO forum_subscriptions (person_id, subscribed_at) VALUES (?, ?) "
            "ON CONFLICT DO NOTHING",
            (person_id, now),
        )
    else:
        await tx.execute("DELETE FROM forum_subscriptions WHERE person_id = ?", (person_id,))
