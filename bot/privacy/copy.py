"""A person's copy of their data (UU 27/2022: access, a copy, portability), immediately.

Everything stored about the person, as one JSON document: the profile row, the complaints
they filed with the timeline they can see (the messages they sent and received through
the bot), their files' metadata and locations, their survey responses, their activity
invitations with attendance and JP, their forum subscription. Internal staff notes,
reminders and escalations are the office's working records about a case, not the
person's data, and officers are named by their unit only, as the citizen sees them.
Instants are ISO 8601 in the office's zone (WIB). Every copy is recorded in the audit log.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.core.catalog import t
from bot.core.errors import NotFound
from bot.people.directory import Actor
from storage.complaints import records as complaints
from storage.complaints.records import Complaint, Event
from storage.core import audit
from storage.people import directory as people
from storage.people.directory import Person
from storage.privacy import personal_data
from storage.privacy.personal_data import FileInfo, InvitationRecord, SurveyRecord

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

FORMAT = "marelan-asn-bot/data-saya/1"
PAGE = 200
PROFILE_TEXTS = {
    "gender": "gender",
    "age_range": "age",
    "education": "education",
    "occupation": "occupation",
}


@dataclass(frozen=True)
class Holdings:
    """What the short summary says: what is held, counted."""

    person: Person
    complaints: int
    open_complaints: int
    survey_responses: int
    invitations: int
    subscribed_at: int | None


@dataclass(frozen=True)
class DataCopy:
    holdings: Holdings
    document: bytes
    file_name: str


class Writer:
    """Turns stored records into the document's plain values, in the person's language."""

    def __init__(self, runtime: Runtime, language: str) -> None:
        self.runtime = runtime
        self.office = runtime.office
        self.language = language

    def when(self, epoch: int | None) -> str | None:
        if epoch is None:
            return None
        return datetime.fromtimestamp(epoch, self.runtime.settings.zone).isoformat()

    def unit(self, code: str | None) -> dict[str, str] | None:
        if code is None:
            return None
        return {"code": code, "name": self.office.unit_label(code, self.language)}

    def profile(self, person: Person, role: str) -> dict[str, Any]:
        return {
            "telegram_id": person.telegram_id,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "username": person.username,
            "language": person.language,
            "role": role,
            "unit": self.unit(person.unit_code),
            "started_at": self.when(person.started_at),
            "privacy_consent_at": self.when(person.privacy_accepted_at),
            "erased_at": self.when(person.erased_at),
            "reachable": person.reachable,
        }

    def complaint(
        self, complaint: Complaint, events: list[Event], files: list[FileInfo]
    ) -> dict[str, Any]:
        located = complaint.latitude is not None and complaint.longitude is not None
        rated = complaint.rating is not None
        return {
            "number": complaint.number,
            "filed_at": self.when(complaint.created_at),
            "category": {
                "code": complaint.category_code,
                "name": self.office.category_label(complaint.category_code, self.language),
            },
            "kelurahan": self.office.kelurahan_name(complaint.kelurahan_code),
            "handled_by": self.unit(complaint.unit_code),
            "description": complaint.description,
            "confidential": complaint.confidential,
            "status": complaint.status,
            "acknowledge_due_at": self.when(complaint.ack_due_at),
            "resolve_due_at": self.when(complaint.resolve_due_at),
            "acknowledged_at": self.when(complaint.acknowledged_at),
            "resolved_at": self.when(complaint.resolved_at),
            "closed_at": self.when(complaint.closed_at),
            "resolution_note": complaint.resolution_note,
            "rating": {
                "score": complaint.rating,
                "comment": complaint.rating_comment,
                "rated_at": self.when(complaint.rated_at),
            }
            if rated
            else None,
            "location": {"latitude": complaint.latitude, "longitude": complaint.longitude}
            if located
            else None,
            "files": [
                {
                    "kind": f.kind,
                    "file_name": f.file_name,
                    "mime_type": f.mime_type,
                    "file_size": f.file_size,
                }
                for f in files
            ],
            "timeline": [self.event(complaint, e) for e in events],
        }

    def event(self, complaint: Complaint, event: Event) -> dict[str, Any]:
        if event.actor_id is None:
            by = "system"
        elif event.actor_id == complaint.reporter_id:
            by = "you"
        else:
            by = "office"  # officers answer in their unit's name, as the citizen saw it
        return {
            "at": self.when(event.at),
            "event": event.kind,
            "by": by,
            "unit": self.unit(event.unit_code),
            "from_status": event.from_status,
            "to_status": event.to_status,
            "text": event.body,
            "details": event.data or None,
        }

    def survey(self, response: SurveyRecord) -> dict[str, Any]:
        service = self.office.service(response.service_code)
        profile: dict[str, Any] = {}
        for field, key in PROFILE_TEXTS.items():
            code = getattr(response, field)
            label = self.label(f"skm.{key}.{code}") if code else None
            profile[field] = {"code": code, "label": label} if code else None
        return {
            "submitted_at": self.when(response.submitted_at),
            "service": {
                "code": response.service_code,
                "name": service.label(self.language) if service else None,
            },
            "unit": self.unit(response.unit_code),
            "source": response.source,
            "after_complaint": response.complaint_number,
            "answers": {
                key: {
                    "unsur": self.label(f"skm.{key}.name"),
                    "score": score,
                    "label": self.label(f"skm.{key}.{score}"),
                }
                for key, score in sorted(response.answers.items())
            },
            "profile": profile,
            "suggestion": response.suggestion,
        }

    def activity(self, invitation: InvitationRecord) -> dict[str, Any]:
        return {
            "kind": invitation.kind,
            "title": invitation.title,
            "starts_at": self.when(invitation.starts_at),
            "minutes": invitation.minutes,
            "place": invitation.place,
            "status": invitation.status,
            "invitation": invitation.source,
            "invited_at": self.when(invitation.invited_at),
            "response": invitation.response,
            "responded_at": self.when(invitation.responded_at),
            "attended": invitation.attended,
            "jp_credited": invitation.jp_credited,
        }

    def label(self, key: str) -> str:
        return str(t(self.language, key))


async def copy_for(runtime: Runtime, actor: Actor) -> DataCopy:
    """The person's data as a summary and a JSON document; the copy is audit-logged."""
    db = runtime.db
    person = await people.get(db, actor.telegram_id)
    if person is None:
        raise NotFound(actor.telegram_id)
    writer = Writer(runtime, actor.language)
    filed = await _complaints(runtime, writer, person.telegram_id)
    responses = await personal_data.survey_responses(db, person.telegram_id)
    invitations = await personal_data.invitations(db, person.telegram_id)
    subscribed_at = await personal_data.forum_subscribed_at(db, person.telegram_id)
    document = {
        "format": FORMAT,
        "generated_at": writer.when(runtime.now()),
        "controller": runtime.office.office.name,
        "person": writer.profile(person, actor.role.value),
        "complaints": filed,
        "survey_responses": [writer.survey(r) for r in responses],
        "activities": [writer.activity(i) for i in invitations],
        "forum_subscription": {"subscribed_at": writer.when(subscribed_at)}
        if subscribed_at is not None
        else None,
    }
    holdings = Holdings(
        person,
        len(filed),
        sum(c["status"] != "ditutup" for c in filed),
        len(responses),
        len(invitations),
        subscribed_at,
    )
    async with runtime.db.transaction() as tx:
        await audit.record(
            tx,
            runtime.now(),
            person.telegram_id,
            "personal_data.copied",
            "person",
            person.telegram_id,
            complaints=holdings.complaints,
            survey_responses=holdings.survey_responses,
            activities=holdings.invitations,
        )
    data = json.dumps(document, ensure_ascii=False, indent=2).encode()
    return DataCopy(holdings, data, f"data-saya-{person.telegram_id}.json")


async def _complaints(runtime: Runtime, writer: Writer, person_id: int) -> list[dict[str, Any]]:
    """The person's complaints, oldest first, read a page at a time with their public
    timelines and files."""
    found: list[dict[str, Any]] = []
    offset = 0
    while page := await complaints.of_reporter(runtime.db, person_id, offset, PAGE):
        ids = [c.id for c in page]
        events = await personal_data.public_events(runtime.db, ids)
        files = await personal_data.files(runtime.db, ids)
        found += [writer.complaint(c, events[c.id], files[c.id]) for c in page]
        offset += len(page)
    found.reverse()  # of_reporter pages newest first
    return found
