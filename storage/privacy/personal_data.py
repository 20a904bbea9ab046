"""Everything stored about one person, read for their copy (/datasaya), and the writes of
their erasure (/hapusdata). Reads take the reader; a person's complaints are read page by
page (:func:`storage.complaints.of_reporter`) with their timelines and files per page."""

from __future__ import annotations

from dataclasses import dataclass

from domain.activities import ActivityStatus, InvitationSource, Kind, Response
from domain.complaints import AttachmentKind
from domain.survey import Source
from storage.complaints import records
from storage.complaints.records import Event
from storage.core.db import Reader, Row, Tx


@dataclass(frozen=True)
class FileInfo:
    """What the copy says about a file: never Telegram's file id (not the person's)."""

    kind: AttachmentKind
    file_name: str | None
    mime_type: str | None
    file_size: int | None


@dataclass(frozen=True)
class SurveyRecord:
    id: int
    submitted_at: int
    service_code: str
    unit_code: str
    source: Source
    complaint_number: str | None
    answers: dict[str, int]
    gender: str | None
    age_range: str | None
    education: str | None
    occupation: str | None
    suggestion: str | None


@dataclass(frozen=True)
class InvitationRecord:
    activity_id: int
    kind: Kind
    title: str
    starts_at: int
    minutes: int
    place: str
    status: ActivityStatus
    source: InvitationSource
    invited_at: int
    response: Response
    responded_at: int | None
    attended: bool | None
    jp_credited: int | None


@dataclass(frozen=True)
class Preview:
    """What an erasure would touch, for the explanation before confirming."""

    complaints: int
    open_complaints: int  # closed as withdrawn by the erasure
    conduct_open: int  # about an officer's conduct: stay open, anonymous
    survey_responses: int
    pending_invitations: int
    subscribed: bool


# --- reads -------------------------------------------------------------------------------


async def public_events(db: Reader, complaint_ids: list[int]) -> dict[int, list[Event]]:
    """The citizen-visible timelines of these complaints (internal notes, reminders and
    escalations are the office's, not the person's)."""
    rows = await db.fetchall(
        f"""SELECT e.* FROM {db.dialect.each("wanted")}
            JOIN complaint_events e ON e.complaint_id = wanted.value AND e.public = 1
            ORDER BY e.complaint_id, e.id""",
        (db.dialect.array(complaint_ids),),
    )
    found: dict[int, list[Event]] = {i: [] for i in complaint_ids}
    for r in rows:
        found[r["complaint_id"]].append(records.event_from_row(r))
    return found


async def files(db: Reader, complaint_ids: list[int]) -> dict[int, list[FileInfo]]:
    rows = await db.fetchall(
        f"""SELECT a.complaint_id, a.kind, a.file_name, a.mime_type, a.file_size
            FROM {db.dialect.each("wanted")}
            JOIN complaint_attachments a ON a.complaint_id = wanted.value
            ORDER BY a.complaint_id, a.position""",
        (db.dialect.array(complaint_ids),),
    )
    found: dict[int, list[FileInfo]] = {i: [] for i in complaint_ids}
    for r in rows:
        found[r["complaint_id"]].append(
            FileInfo(AttachmentKind(r["kind"]), r["file_name"], r["mime_type"], r["file_size"])
        )
    return found


async def survey_responses(db: Reader, person_id: int) -> list[SurveyRecord]:
    rows = await db.fetchall(
        """SELECT r.*, c.number AS complaint_number FROM survey_responses r
           LEFT JOIN complaints c ON c.id = r.complaint_id
           WHERE r.respondent_id = ? ORDER BY r.submitted_at, r.id""",
        (person_id,),
    )
    answers = await _answers(db, [r["id"] for r in rows])
    return [_survey(r, answers[r["id"]]) for r in rows]


async def _answers(db: Reader, response_ids: list[int]) -> dict[int, dict[str, int]]:
    rows = await db.fetchall(
        f"""SELECT a.response_id, a.unsur, a.score FROM {db.dialect.each("wanted")}
            JOIN survey_answers a ON a.response_id = wanted.value ORDER BY a.unsur""",
        (db.dialect.array(response_ids),),
    )
    found: dict[int, dict[str, int]] = {i: {} for i in response_ids}
    for r in rows:
        found[r["response_id"]][r["unsur"]] = r["score"]
    return found


def _survey(row: Row, answers: dict[str, int]) -> SurveyRecord:
    return SurveyRecord(
        row["id"],
        row["submitted_at"],
        row["service_code"],
        row["unit_code"],
        Source(row["source"]),
        row["complaint_number"],
        answers,
        row["gender"],
        row["age_range"],
        row["education"],
        row["occupation"],
        row["suggestion"],
    )


async def invitations(db: Reader, person_id: int) -> list[InvitationRecord]:
    """Every activity the person was invited to or joined, with their answer, attendance
    and the JP credited for it."""
    rows = await db.fetchall(
        """SELECT i.*, a.kind, a.title, a.starts_at, a.minutes, a.place, a.status, c.jp
           FROM activity_invitations i INDEXED BY activity_invitations_by_person
           JOIN activities a ON a.id = i.activity_id
           LEFT JOIN jp_credits c ON c.person_id = i.person_id AND c.activity_id = a.id
           WHERE i.person_id = ? ORDER BY a.starts_at, a.id""",
        (person_id,),
    )
    return [
        InvitationRecord(
            r["activity_id"],
            Kind(r["kind"]),
            r["title"],
            r["starts_at"],
            r["minutes"],
            r["place"],
            ActivityStatus(r["status"]),
            InvitationSource(r["source"]),
            r["invited_at"],
            Response(r["response"]),
            r["responded_at"],
            None if r["attended"] is None else bool(r["attended"]),
            r["jp"],
        )
        for r in rows
    ]


async def forum_subscribed_at(db: Reader, person_id: int) -> int | None:
    return await db.fetchval(
        "SELECT subscribed_at FROM forum_subscriptions WHERE person_id = ?", (person_id,)
    )


async def preview(db: Reader, person_id: int, now: int, conduct_codes: list[str]) -> Preview:
    """Counts for the explanation; ``conduct_codes``: the categories about an officer's
    conduct, whose complaints an erasure does not close."""
    conduct = db.dialect.each("conduct", ":conduct", of="text")
    row = await db.fetchrow(
        f"""SELECT
             (SELECT COUNT(*) FROM complaints WHERE reporter_id = :p) AS complaints,
             (SELECT COUNT(*) FROM complaints
              WHERE reporter_id = :p AND status <> 'ditutup'
                AND category_code NOT IN (SELECT value FROM {conduct})
             ) AS open_complaints,
             (SELECT COUNT(*) FROM complaints
              WHERE reporter_id = :p AND status NOT IN ('selesai', 'ditutup')
                AND category_code IN (SELECT value FROM {conduct})
             ) AS conduct_open,
             (SELECT COUNT(*) FROM survey_responses WHERE respondent_id = :p) AS responses,
             (SELECT COUNT(*) FROM activity_invitations i JOIN activities a
                ON a.id = i.activity_id
              WHERE i.person_id = :p AND a.status = 'terjadwal' AND a.starts_at > :now
             ) AS pending,
             EXISTS (SELECT 1 FROM forum_subscriptions WHERE person_id = :p) AS subscribed""",
        {"p": person_id, "now": now, "conduct": db.dialect.array(conduct_codes)},
    )
    return Preview(
        row["complaints"],
        row["open_complaints"],
        row["conduct_open"],
        row["responses"],
        row["pending"],
        bool(row["subscribed"]),
    )


# --- erasure -----------------------------------------------------------------------------


async def erase_names(tx: Tx, person_id: int, placeholder: str, now: int) -> None:
    """Consent withdrawn and the names replaced; the row itself stays, because complaints,
    survey responses and attendance refer to it."""
    await tx.execute(
        """UPDATE people SET first_name = ?, last_name = NULL, username = NULL,
               privacy_accepted_at = NULL, erased_at = ?, updated_at = ?
           WHERE telegram_id = ?""",
        (placeholder, now, now, person_id),
    )


async def erase_survey_profiles(tx: Tx, person_id: int) -> int:
    """The profile answers and suggestions of the person's responses; the scores stay
    (anonymous statistics for the IKM). Returns how many responses changed."""
    return await tx.changes(
        """UPDATE survey_responses SET gender = NULL, age_range = NULL, education = NULL,
               occupation = NULL, suggestion = NULL
           WHERE respondent_id = ? AND COALESCE(gender, age_range, education, occupation,
                                                suggestion) IS NOT NULL""",
        (person_id,),
    )


async def withdraw_invitations(tx: Tx, person_id: int, now: int) -> list[int]:
    """Invitations to activities that have not begun are withdrawn (no reminders, no
    place on the list); returns the activities concerned."""
    rows = await tx.fetchall(
        """DELETE FROM activity_invitations
           WHERE person_id = ? AND activity_id IN (
               SELECT id FROM activities WHERE status = 'terjadwal' AND starts_at > ?)
           RETURNING activity_id""",
        (person_id, now),
    )
    return sorted(r["activity_id"] for r in rows)


async def drop_conversation_state(tx: Tx, person_id: int) -> int:
    """The person's drafts (user data, their private chat's data) and where they stood in
    each guided conversation (keys end with the user id)."""
    # Conversation keys are JSON arrays of ids (bot/core/persistence.py); the last is the user.
    last = (
        "(CAST(key AS jsonb) ->> -1)"
        if tx.dialect.postgresql
        else "CAST(json_extract(key, '$[#-1]') AS TEXT)"
    )
    return await tx.changes(
        f"""DELETE FROM conversation_state
            WHERE (kind IN ('user', 'chat') AND key = :person)
               OR (kind LIKE 'conv:%' AND CASE WHEN key LIKE '[%' THEN {last} END = :person)""",
        {"person": str(person_id)},
    )


async def redact_delivered(tx: Tx, ref_kind: str, ref_ids: list[int]) -> int:
    """Delivered messages standing for these objects (sent, or edits of them), e.g. the
    alerts that named a reporter: the log keeps that they were sent, not their text."""
    dialect = tx.dialect
    kind, ref = (
        dialect.json_text("params", "message_ref", 0),
        dialect.json_text("params", "message_ref", 1),
    )
    return await tx.changes(
        f"""UPDATE outbox SET params = '{{"redacted": true}}'
            WHERE state IN ('sent', 'dead') AND (
                (ref_kind = :kind AND ref_id IN (SELECT value FROM {dialect.each("i", ":ids")}))
             OR ({kind} = :kind
                 AND {ref} IN (SELECT CAST(value AS TEXT) FROM {dialect.each("t", ":ids")})))""",
        {"kind": ref_kind, "ids": dialect.array(ref_ids)},
    )
