"""Erasure on the person's request (UU 27/2022: ending processing, withdrawing consent,
restriction), immediate and in one transaction.

What happens (the rules are in :mod:`bot.personal_data`):
- consent withdrawn, names replaced by a placeholder (the row and its id stay: the
  office's records refer to it), the forum subscription removed, invitations to
  activities that have not begun withdrawn (the organisers' cards follow), the drafts and
  conversation state dropped;
- every complaint the person filed becomes confidential for good: staff, groups and even
  admins' exports no longer see who filed it (the complaint itself is a public-service
  record the office keeps); the delivered alerts that named them are redacted from the
  outbox log and edited in the chats;
- every complaint still being handled (or resolved and waiting for a reaction) is closed
  as withdrawn by the reporter, with a timeline event and a notice to the unit; no survey
  invitation follows, processing has stopped. A complaint about an officer's conduct is
  the exception: it stays open, now anonymous, and the supervisors are told;
- survey responses keep their scores (anonymous IKM statistics); their profile answers
  and suggestion are erased. The link to the respondent stays: it is what enforces one
  response per service per interval, and the scores alone say nothing about the person.
The audit log records that an erasure happened and what it counted, never the values.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.activities.common import refresh_cards
from bot.complaints.alerts import ALERT, refresh_alerts, tell_staff
from bot.complaints.changes import after_change, apply
from bot.core.errors import NotAllowed
from bot.people.directory import Actor
from bot.privacy.rules import (
    ERASED_NAME,
    confirmation_fresh,
    kept_open_on_erasure,
    may_erase,
    withdrawn_on_erasure,
)
from domain.activities import EventKind as ActivityEvent
from domain.complaints import EventKind, Status
from storage.activities import invitations as activity_invitations
from storage.activities import records as activities
from storage.complaints import records as complaints
from storage.complaints.records import Complaint, ComplaintUpdate
from storage.core import audit
from storage.core.db import Tx
from storage.privacy import personal_data
from storage.privacy.personal_data import Preview

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)
PAGE = 200


class StaffRole(Exception):
    """Staff hold their role as employment data: an admin ends it first (/cabut)."""


class ConfirmationExpired(Exception):
    """The confirmation button is too old: the person reads the explanation again."""


@dataclass(frozen=True)
class Erased:
    complaints: int  # kept, now anonymous
    closed: list[str]  # numbers of the complaints closed as withdrawn
    kept_open: list[str]  # numbers of the conduct complaints still handled, anonymously
    survey_responses: int  # whose profile answers and suggestion were erased
    invitations: int  # withdrawn
    subscription: bool  # a forum subscription was removed
    drafts: int  # conversation state rows dropped


async def preview(runtime: Runtime, actor: Actor) -> Preview:
    """What an erasure would touch, for the explanation shown before confirming."""
    if not may_erase(actor.role):
        raise StaffRole
    return await personal_data.preview(
        runtime.db, actor.telegram_id, runtime.now(), _conduct_codes(runtime)
    )


def _conduct_codes(runtime: Runtime) -> list[str]:
    return [c.code for c in runtime.office.categories if c.conduct]


async def erase(runtime: Runtime, actor: Actor, person_id: int, asked_at: int) -> Erased:
    """Erase the acting person's data. The button names whose erasure it confirms:
    a press by anyone else (forged data) is refused and changes nothing."""
    if person_id != actor.telegram_id or not may_erase(actor.role):
        raise NotAllowed(f"erase {person_id}")
    now = runtime.now()
    if not confirmation_fresh(asked_at, now):
        raise ConfirmationExpired
    async with runtime.db.transaction() as tx:
        filed = await _filed(tx, person_id)
        ended = {c.number: await _end_handling(runtime, tx, actor, c) for c in filed}
        closed = [number for number, what in ended.items() if what == WITHDRAWN]
        kept = [number for number, what in ended.items() if what == KEPT_OPEN]
        await personal_data.redact_delivered(tx, ALERT, [c.id for c in filed])
        responses = await personal_data.erase_survey_profiles(tx, person_id)
        invitations = await _withdraw_invitations(runtime, tx, person_id)
        subscribed = await activity_invitations.is_subscribed(tx, person_id)
        await activity_invitations.set_subscribed(tx, person_id, False, now)
        drafts = await personal_data.drop_conversation_state(tx, person_id)
        await personal_data.erase_names(tx, person_id, ERASED_NAME, now)
        erased = Erased(len(filed), closed, kept, responses, invitations, subscribed, drafts)
        await audit.record(
            tx,
            now,
            person_id,
            "personal_data.erased",
            "person",
            person_id,
            complaints=erased.complaints,
            closed=len(closed),
            kept_open=len(kept),
            survey_responses=responses,
            invitations=invitations,
            subscription=subscribed,
            drafts=drafts,
        )
    await flush_to_disk(runtime)
    return erased


async def flush_to_disk(runtime: Runtime) -> None:
    """Rows are gone at the commit, but older copies of their pages stay in the WAL until
    a checkpoint: take them off the disk now (secure_delete zeroed the freed space). An
    export reading at this moment can hold it up: then the WAL keeps them until SQLite's
    next checkpoint reuses it, and the operator is told in the log."""
    if not await runtime.db.checkpoint():
        log.warning(
            "checkpoint after an erasure incomplete (a long read held it); "
            "old pages stay in the WAL until the next checkpoint"
        )


async def _filed(tx: Tx, person_id: int) -> list[Complaint]:
    found: list[Complaint] = []
    while page := await complaints.of_reporter(tx, person_id, len(found), PAGE):
        found += page
    return found


WITHDRAWN, KEPT_OPEN, UNCHANGED = "withdrawn", "kept_open", "unchanged"


async def _end_handling(runtime: Runtime, tx: Tx, actor: Actor, complaint: Complaint) -> str:
    """Make the complaint anonymous and, if it is still being handled, close it as
    withdrawn by the reporter (WITHDRAWN), unless it is about an officer's conduct, which
    stays open for the supervisors (KEPT_OPEN). Every copy of its alert follows."""
    if not complaint.confidential:
        complaint = await apply(
            runtime,
            tx,
            complaint,
            actor.telegram_id,
            EventKind.REPORTER_ERASED,
            ComplaintUpdate(confidential=True),
            public=False,
        )
    category = runtime.office.category(complaint.category_code)
    conduct = category is not None and category.conduct
    if not withdrawn_on_erasure(complaint.status, conduct):
        await refresh_alerts(runtime, tx, complaint)
        if kept_open_on_erasure(complaint.status, conduct):
            await tell_staff(runtime, tx, complaint, "grp.reporter_erased_conduct")
            return KEPT_OPEN
        return UNCHANGED
    now = runtime.now()
    closed = await apply(
        runtime,
        tx,
        complaint,
        actor.telegram_id,
        EventKind.WITHDRAWN,
        ComplaintUpdate(
            status=Status.DITUTUP,
            closed_at=now,
            withdrawn_at=now,
            paused_at=None,
            status_before_wait=None,
        ),
    )
    await after_change(runtime, tx, closed)
    await tell_staff(runtime, tx, closed, "grp.withdrawn")
    return WITHDRAWN


async def _withdraw_invitations(runtime: Runtime, tx: Tx, person_id: int) -> int:
    """Invitations to activities that have not begun; each activity records it and its
    organisers' cards show the new counts."""
    withdrawn = await personal_data.withdraw_invitations(tx, person_id, runtime.now())
    for activity_id in withdrawn:
        await activities.add_event(
            tx,
            activity_id,
            runtime.now(),
            person_id,
            ActivityEvent.INVITATION_WITHDRAWN,
            reason="personal_data_erased",
        )
        await refresh_cards(runtime, tx, activity_id)
    return len(withdrawn)
