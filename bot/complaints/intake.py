"""Filing a complaint: consent, the daily limit, and turning a finished draft into a case.

Submission is idempotent: the draft's key is unique in the database, so "Kirim" pressed
twice, or an update delivered twice by Telegram, yields the same complaint. The citizen's
confirmation (the tracking number) is queued in the transaction that files the complaint,
so a crash right after the commit cannot leave them without their number (and filing
again); the dispatcher delivers it exactly once.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, time
from typing import TYPE_CHECKING, Any

from bot.complaints.alerts import CITIZEN, post_alerts
from bot.complaints.checks import plan_checks
from bot.complaints.rules import (
    DESCRIPTION_MAX,
    DESCRIPTION_MIN,
    MAX_ATTACHMENTS,
    initial_deadlines,
    route,
    tracking_number,
)
from bot.core import formatting, notify
from bot.core.catalog import t
from bot.core.clock import from_epoch, to_epoch
from bot.people.directory import Actor
from domain.complaints import AttachmentKind, EventKind, Status
from storage.complaints import records as complaints
from storage.complaints.records import Attachment, Complaint, NewComplaint
from storage.core import audit
from storage.core.db import Tx
from storage.core.outbox import PRIORITY_URGENT
from storage.people import directory as people

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


class DailyLimitReached(Exception):
    pass


@dataclass
class Draft:
    """A complaint being written; lives in the person's persisted ``user_data``."""

    id: str = field(default_factory=lambda: secrets.token_urlsafe(6))
    category: str | None = None
    named_unit: str | None = None
    kelurahan: str | None = None
    description: str | None = None
    attachments: list[dict[str, Any]] = field(default_factory=list)
    location: list[float] | None = None
    confidential: bool | None = None
    # The description came from a photo's caption: text typed next completes it.
    description_from_caption: bool = False
    # A location pin far outside the kecamatan, kept only once the citizen confirms it.
    pending_location: list[float] | None = None
    #: Raised by every stored change; the summary's Kirim carries it, so a summary that
    #: no longer shows the stored draft is refused instead of filed.
    version: int = 0

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Draft:
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**known)

    @property
    def full(self) -> bool:
        return len(self.attachments) >= MAX_ATTACHMENTS

    def complete(self) -> bool:
        return (
            self.category is not None
            and self.description is not None
            and self.confidential is not None
        )


def description_problem(text: str) -> tuple[str, dict[str, int]] | None:
    """Why a description is not acceptable (catalog key and values), or None."""
    length = len(text.strip())
    if length < DESCRIPTION_MIN:
        return "lapor.too_short", {"length": length, "min": DESCRIPTION_MIN}
    if length > DESCRIPTION_MAX:
        return "lapor.too_long", {"length": length, "max": DESCRIPTION_MAX}
    return None


def completed_description(description: str, addition: str) -> str:
    """The description with a further paragraph the citizen typed (photo first: the
    caption, then the full story)."""
    return f"{description.strip()}\n\n{addition.strip()}"


async def needs_consent(runtime: Runtime, actor: Actor) -> bool:
    person = await people.get(runtime.db, actor.telegram_id)
    return person is None or person.privacy_accepted_at is None


async def give_consent(runtime: Runtime, actor: Actor) -> None:
    async with runtime.db.transaction() as tx:
        await people.accept_privacy(tx, actor.telegram_id, runtime.now())
        await audit.record(
            tx, runtime.now(), actor.telegram_id, "privacy.accepted", "person", actor.telegram_id
        )


def _start_of_local_day(runtime: Runtime) -> int:
    local = runtime.clock.now().astimezone(runtime.settings.zone)
    return to_epoch(datetime.combine(local.date(), time(), runtime.settings.zone))


async def filed_today(runtime: Runtime, actor: Actor) -> int:
    return await complaints.count_of_reporter(
        runtime.db, actor.telegram_id, _start_of_local_day(runtime)
    )


async def may_file(runtime: Runtime, actor: Actor) -> bool:
    return await filed_today(runtime, actor) < runtime.settings.complaints_per_day


async def already_submitted(runtime: Runtime, actor: Actor, draft_id: str) -> Complaint | None:
    """The complaint a draft became, if it was sent already."""
    complaint_id = await complaints.id_for_draft(runtime.db, f"{actor.telegram_id}:{draft_id}")
    return await complaints.get(runtime.db, complaint_id) if complaint_id is not None else None


@dataclass(frozen=True)
class Submitted:
    complaint: Complaint
    created: bool


async def submit(runtime: Runtime, actor: Actor, draft: Draft) -> Submitted:
    if not draft.complete():
        raise ValueError("draft is not complete")
    key = f"{actor.telegram_id}:{draft.id}"
    existing = await complaints.id_for_draft(runtime.db, key)
    if existing is not None:
        return Submitted(await complaints.existing(runtime.db, existing), created=False)
    if not await may_file(runtime, actor):
        raise DailyLimitReached
    async with runtime.db.transaction() as tx:
        existing = await complaints.id_for_draft(tx, key)
        if existing is not None:  # a duplicate raced us to the lock
            return Submitted(await complaints.existing(tx, existing), created=False)
        complaint_id = await _create(runtime, tx, actor, draft, key)
        complaint = await complaints.existing(tx, complaint_id)
        await confirm(runtime, tx, actor, complaint)
        await post_alerts(runtime, tx, complaint)
        await plan_checks(runtime, tx, complaint)
    return Submitted(complaint, created=True)


async def confirm(runtime: Runtime, tx: Tx, actor: Actor, complaint: Complaint) -> None:
    """Queue the "recorded" message with the tracking number and the deadlines. It stands
    for the complaint in the citizen's chat: a reply to it reaches the unit."""
    language, zone = actor.language, runtime.settings.zone
    text = t(
        language,
        "lapor.submitted",
        number=complaint.number,
        unit=runtime.office.unit_label(complaint.unit_code, language),
        ack_due=formatting.moment(language, from_epoch(complaint.ack_due_at), zone),
        resolve_due=formatting.moment(language, from_epoch(complaint.resolve_due_at), zone),
    )
    await notify.send_text(
        tx,
        actor.telegram_id,
        text,
        runtime.now(),
        priority=PRIORITY_URGENT,
        ref=notify.Ref(CITIZEN, complaint.id),
    )


async def _create(runtime: Runtime, tx: Tx, actor: Actor, draft: Draft, key: str) -> int:
    office = runtime.office
    if draft.category is None or draft.description is None:
        raise ValueError("draft is not complete")
    category = office.category(draft.category)
    if category is None:
        raise ValueError(f"unknown category {draft.category}")
    destination = route(office, category.code, draft.kelurahan)
    now_dt = runtime.clock.now()
    now = to_epoch(now_dt)
    deadlines = initial_deadlines(
        runtime.calendar, now_dt, category.acknowledge_days, category.resolve_days
    )
    local = now_dt.astimezone(runtime.settings.zone)
    sequence = await complaints.next_sequence(tx, f"{local:%y%m}")
    day = runtime.calendar.day_length
    new = NewComplaint(
        draft_key=key,
        number=tracking_number(office.office.tracking_prefix, local, sequence),
        reporter_id=actor.telegram_id,
        confidential=bool(draft.confidential),
        category_code=category.code,
        kelurahan_code=draft.kelurahan,
        unit_code=destination.unit_code,
        named_unit_code=draft.named_unit if category.conduct else None,
        description=draft.description.strip(),
        latitude=draft.location[0] if draft.location else None,
        longitude=draft.location[1] if draft.location else None,
        status=Status.BARU,
        created_at=now,
        updated_at=now,
        ack_started_at=now,
        ack_span=int((day * category.acknowledge_days).total_seconds()),
        ack_due_at=to_epoch(deadlines.ack_due),
        resolve_started_at=now,
        resolve_span=int((day * category.resolve_days).total_seconds()),
        resolve_due_at=to_epoch(deadlines.resolve_due),
    )
    complaint_id = await complaints.insert(tx, new)
    await complaints.add_attachments(
        tx,
        complaint_id,
        [
            Attachment(
                AttachmentKind(a["kind"]),
                a["file_id"],
                a.get("file_unique_id"),
                a.get("file_name"),
                a.get("mime_type"),
                a.get("file_size"),
            )
            for a in draft.attachments
        ],
    )
    await complaints.add_event(
        tx,
        complaint_id,
        now,
        actor.telegram_id,
        EventKind.CREATED,
        to_status=Status.BARU,
        unit_code=destination.unit_code,
        public=True,
        category=category.code,
    )
    return complaint_id
