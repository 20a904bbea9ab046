"""What staff do to a complaint: accept, answer, note, ask, reassign, resolve.

Each function checks the actor's right on the server, applies the rule from
:mod:`bot.complaint_rules`, and commits the change, its timeline event, the notifications
it causes and the re-planned deadline checks in one transaction.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING, Unpack

from bot.complaints.alerts import (
    chat_language,
    copy_to_reporter_from_unit,
    post_alerts,
    refresh_alerts,
    renderer,
)
from bot.complaints.changes import (
    acknowledged,
    after_change,
    apply,
    for_staff,
    tell_reporter_from_unit,
)
from bot.complaints.checks import plan_checks
from bot.complaints.rules import NOTE_MIN, Action, check, reassign_targets, status_after_reply
from bot.core import notify
from bot.core.catalog import t
from bot.core.clock import from_epoch, to_epoch
from bot.core.errors import NotAllowed
from bot.people.directory import Actor
from domain.complaints import EventData, EventKind, Status
from storage.complaints import prompts
from storage.complaints import records as complaints
from storage.complaints.prompts import Prompt
from storage.complaints.records import Complaint, ComplaintUpdate
from storage.core.db import Tx
from storage.core.outbox import PRIORITY_URGENT
from storage.people import directory as people

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


class TooShort(ValueError):
    def __init__(self, length: int, minimum: int) -> None:
        super().__init__(f"{length} < {minimum}")
        self.length = length
        self.minimum = minimum


async def accept(runtime: Runtime, actor: Actor, complaint_id: int) -> Complaint:
    async with runtime.db.transaction() as tx:
        complaint = await for_staff(runtime, actor, complaint_id, Action.ACCEPT, tx)
        updated = await apply(
            runtime,
            tx,
            complaint,
            actor.telegram_id,
            EventKind.ACCEPTED,
            acknowledged(
                runtime,
                complaint,
                ComplaintUpdate(status=Status.DITERIMA, assignee_id=actor.telegram_id),
            ),
        )
        language = await _reporter_language(runtime, tx, updated)
        await tell_reporter_from_unit(
            runtime,
            tx,
            updated,
            "cz.accepted",
            resolve_due=renderer(runtime).when(language, updated.resolve_due_at),
        )
        await after_change(runtime, tx, updated)
    return updated


async def _reporter_language(runtime: Runtime, tx: Tx, complaint: Complaint) -> str:
    return await notify.language_of(tx, complaint.reporter_id, runtime.settings.default_language)


async def reply(
    runtime: Runtime,
    actor: Actor,
    complaint_id: int,
    text: str | None,
    file: tuple[int, int] | None = None,
) -> Complaint:
    """A public answer, signed by the unit: the citizen never sees which officer wrote.
    It is a text, a photo or document (``file``: chat and message to copy, e.g. a picture
    of the repaired street light), or both. The first one moves the complaint to
    'diproses' (and acknowledges it)."""
    if not text and file is None:
        raise ValueError("an answer needs a text or a file")
    async with runtime.db.transaction() as tx:
        complaint = await for_staff(runtime, actor, complaint_id, Action.REPLY, tx)
        return await _answer(runtime, tx, actor, complaint, text, file)


async def _answer(
    runtime: Runtime,
    tx: Tx,
    actor: Actor,
    complaint: Complaint,
    text: str | None,
    file: tuple[int, int] | None = None,
    written_by: int | None = None,
) -> Complaint:
    """The public answer; ``written_by``: who wrote a held brief reply someone else sent."""
    data = EventData(file=file is not None)
    if written_by is not None:
        data["written_by"] = written_by
    change = ComplaintUpdate(
        status=status_after_reply(complaint.status),
        first_response_at=complaint.first_response_at or runtime.now(),
        assignee_id=complaint.assignee_id or actor.telegram_id,
    )
    updated = await apply(
        runtime,
        tx,
        complaint,
        actor.telegram_id,
        EventKind.PUBLIC_REPLY,
        acknowledged(runtime, complaint, change),
        body=text or None,
        **data,
    )
    if text:
        await tell_reporter_from_unit(runtime, tx, updated, "cz.reply", body=text)
    if file is not None:
        await copy_to_reporter_from_unit(runtime, tx, updated, *file)
    if (updated.status, updated.assignee_id) != (complaint.status, complaint.assignee_id):
        await after_change(runtime, tx, updated)
    return updated


async def reporter_unreachable(runtime: Runtime, complaint: Complaint) -> bool:
    """Whether Telegram refuses messages to the reporter (they blocked the bot): staff
    should know that an answer waits in /status instead of reaching them."""
    reporter = await people.get(runtime.db, complaint.reporter_id)
    return reporter is not None and not reporter.reachable


async def note(runtime: Runtime, actor: Actor, complaint_id: int, text: str) -> Complaint:
    """An internal note: in the ticket for staff, never shown to the citizen."""
    async with runtime.db.transaction() as tx:
        complaint = await for_staff(runtime, actor, complaint_id, Action.NOTE, tx)
        await _note(runtime, tx, actor, complaint, text)
    return complaint


async def _note(
    runtime: Runtime,
    tx: Tx,
    actor: Actor,
    complaint: Complaint,
    text: str | None,
    **data: Unpack[EventData],
) -> None:
    await apply(
        runtime,
        tx,
        complaint,
        actor.telegram_id,
        EventKind.INTERNAL_NOTE,
        public=False,
        body=text,
        **data,
    )


# --- brief replies: "👍", "ok", "siap" are asked about before they reach the citizen ----

BRIEF = "complaint_brief_reply"  # prompts.subject_kind of a brief reply awaiting a decision


class AlreadyDecided(Exception):
    """The brief reply was sent or kept as a note already (a second press)."""


async def hold_brief_reply(
    runtime: Runtime,
    actor: Actor,
    complaint_id: int,
    chat_id: int,
    message_id: int,
    thread_id: int | None,
    text: str,
) -> Complaint:
    """Keep a brief reply to the alert unsent and ask, in the same chat and with buttons,
    whether it is for the citizen or an internal note. The text is stored with the
    question in one transaction, so it survives until someone decides."""
    async with runtime.db.transaction() as tx:
        complaint = await for_staff(runtime, actor, complaint_id, Action.REPLY, tx)
        await prompts.create(
            tx,
            Prompt(chat_id, message_id, BRIEF, complaint.id, "decide", text, actor.telegram_id),
            runtime.now(),
        )
        language = await chat_language(runtime, tx, chat_id)
        draw = renderer(runtime)
        question = t(
            language,
            "grp.brief_ask",
            name=actor.name,
            number=complaint.number,
            unit=draw.unit(language, complaint.unit_code),
        )
        await notify.send_text(
            tx,
            chat_id,
            question,
            runtime.now(),
            quote=message_id,
            thread_id=thread_id,
            priority=PRIORITY_URGENT,
            markup=draw.brief_reply_keyboard(language, complaint.id, message_id),
        )
    return complaint


async def decide_brief_reply(
    runtime: Runtime, actor: Actor, complaint_id: int, chat_id: int, message_id: int, send: bool
) -> Complaint:
    """Send the held reply to the citizen (as the unit's answer) or keep it as an internal
    note: the presser's role is checked for that action, and the decision, the answer and
    its messages are one transaction."""
    async with runtime.db.transaction() as tx:
        complaint = await for_staff(runtime, actor, complaint_id, tx=tx)  # the role first
        held = await prompts.get(tx, chat_id, message_id)
        if held is None or held.subject_kind != BRIEF:
            raise AlreadyDecided
        if held.subject_id != complaint_id:
            raise NotAllowed(f"brief reply {message_id} is not about {complaint_id}")
        check(Action.REPLY if send else Action.NOTE, complaint.status, complaint.withdrawn_at)
        await prompts.delete(tx, chat_id, message_id)
        written_by = held.actor_id
        if send:
            return await _answer(
                runtime, tx, actor, complaint, held.argument, written_by=written_by
            )
        await _note(runtime, tx, actor, complaint, held.argument, written_by=written_by)
        return complaint


async def ask_info(
    runtime: Runtime,
    actor: Actor,
    complaint_id: int,
    question: str,
    file: tuple[int, int] | None = None,
) -> Complaint:
    """Ask the citizen (with a photo or document, e.g. "is it this drain?"); the complaint
    waits for them and its deadlines stop."""
    async with runtime.db.transaction() as tx:
        complaint = await for_staff(runtime, actor, complaint_id, Action.ASK_INFO, tx)
        now = runtime.now()
        updated = await apply(
            runtime,
            tx,
            complaint,
            actor.telegram_id,
            EventKind.INFO_REQUESTED,
            acknowledged(
                runtime,
                complaint,
                ComplaintUpdate(
                    status=Status.MENUNGGU_WARGA,
                    status_before_wait=complaint.status,
                    paused_at=now,
                    assignee_id=complaint.assignee_id or actor.telegram_id,
                    first_response_at=complaint.first_response_at or now,
                ),
            ),
            body=question,
            file=file is not None,
        )
        await tell_reporter_from_unit(runtime, tx, updated, "cz.question", body=question)
        if file is not None:
            await copy_to_reporter_from_unit(runtime, tx, updated, *file)
        await after_change(runtime, tx, updated)
    return updated


def reassign_choices(runtime: Runtime, complaint: Complaint) -> list[str]:
    return reassign_targets(runtime.office, complaint.unit_code, complaint.named_unit_code)


async def reassign(
    runtime: Runtime, actor: Actor, complaint_id: int, unit_code: str, reason: str
) -> Complaint:
    """Move to another unit, which must accept it anew within its acknowledgement span;
    the resolution deadline promised to the citizen stays."""
    now_dt = runtime.clock.now()
    async with runtime.db.transaction() as tx:
        complaint = await for_staff(runtime, actor, complaint_id, Action.REASSIGN, tx)
        if unit_code not in reassign_choices(runtime, complaint):
            raise NotAllowed(f"reassign to {unit_code}")
        await refresh_alerts(runtime, tx, complaint, moved_to=unit_code)
        await complaints.deactivate_alerts(tx, complaint.id)
        ack_due = runtime.calendar.add_working_time(now_dt, timedelta(seconds=complaint.ack_span))
        updated = await apply(
            runtime,
            tx,
            complaint,
            actor.telegram_id,
            EventKind.REASSIGNED,
            ComplaintUpdate(
                unit_code=unit_code,
                status=Status.BARU,
                assignee_id=None,
                acknowledged_at=None,
                ack_started_at=to_epoch(now_dt),
                ack_due_at=to_epoch(ack_due),
            ),
            body=reason,
            unit_code=unit_code,
            from_unit=complaint.unit_code,
        )
        await tell_reporter_from_unit(runtime, tx, updated, "cz.reassigned")
        await post_alerts(runtime, tx, updated, moved_from=(complaint.unit_code, reason))
        await plan_checks(runtime, tx, updated)
    return updated


async def resolve(
    runtime: Runtime,
    actor: Actor,
    complaint_id: int,
    resolution: str,
    file: tuple[int, int] | None = None,
) -> Complaint:
    """Done: the citizen gets the note (and the photo of the result, when one came with
    it) with rating buttons and "not solved yet"."""
    resolution = resolution.strip()
    if len(resolution) < NOTE_MIN:
        raise TooShort(len(resolution), NOTE_MIN)
    now_dt = runtime.clock.now()
    async with runtime.db.transaction() as tx:
        complaint = await for_staff(runtime, actor, complaint_id, Action.RESOLVE, tx)
        change = acknowledged(
            runtime,
            complaint,
            ComplaintUpdate(
                status=Status.SELESAI,
                resolved_at=to_epoch(now_dt),
                resolution_note=resolution,
                assignee_id=complaint.assignee_id or actor.telegram_id,
            ),
        )
        if complaint.resolve_work_seconds is None:  # the first resolution is the promise kept
            worked = runtime.calendar.working_time_between(
                from_epoch(complaint.resolve_started_at), now_dt
            )
            change = replace(
                change,
                resolve_work_seconds=max(
                    0, int(worked.total_seconds()) - complaint.paused_work_seconds
                ),
                resolve_on_time=int(to_epoch(now_dt) <= complaint.resolve_due_at),
            )
        updated = await apply(
            runtime,
            tx,
            complaint,
            actor.telegram_id,
            EventKind.RESOLVED,
            change,
            body=resolution,
            file=file is not None,
        )
        if file is not None:  # before the note, so that the rating buttons come last
            await copy_to_reporter_from_unit(runtime, tx, updated, *file)
        draw = renderer(runtime)
        language = await _reporter_language(runtime, tx, updated)
        reopen_until = runtime.calendar.add_working_days(
            now_dt, runtime.office.complaints.reopen_within_days
        )
        await tell_reporter_from_unit(
            runtime,
            tx,
            updated,
            "cz.resolved",
            note=resolution,
            reopen_until=draw.when(language, to_epoch(reopen_until)),
            markup_for=lambda lang: draw.rating_keyboard(lang, updated.id),
        )
        await after_change(runtime, tx, updated)
    return updated
