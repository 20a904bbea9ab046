"""What the reporter does after filing: answer or write to the unit, rate the resolution
(with a comment), or say it is not solved yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.complaints.alerts import (
    copy_to_staff,
    escalation_recipients,
    refresh_alerts,
    renderer,
    tell_staff,
)
from bot.complaints.changes import after_change, apply, reporters_own
from bot.complaints.checks import close, plan_checks
from bot.complaints.rules import (
    Action,
    check,
    resolution_time,
    resumed_due,
    status_after_citizen_answer,
)
from bot.core import notify
from bot.core.clock import from_epoch, to_epoch
from bot.core.errors import NotAllowed
from bot.people.directory import Actor
from domain.complaints import EventKind, Status
from storage.complaints.records import Complaint, ComplaintUpdate
from storage.core.db import Tx
from storage.core.outbox import PRIORITY_URGENT

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

RATING_CHANGE_WINDOW = timedelta(hours=24)
CAPTION_BODY_MAX = 900  # of Telegram's 1024 caption characters; the rest is the heading
LOW_RATING = 2


class RatingLocked(Exception):
    pass


class ReopenWindowClosed(Exception):
    pass


class ClosedByRating(ReopenWindowClosed):
    """The reporter's own rating closed the complaint, before the reopen window ended."""


class ComplaintClosed(NotAllowed):
    """A message about a closed complaint: it is not relayed (the number says which)."""

    def __init__(self, number: str) -> None:
        super().__init__(f"{number} is closed")
        self.number = number


@dataclass(frozen=True)
class Relayed:
    complaint: Complaint
    answered_question: bool
    delivered: bool  # False: kept on the complaint, but nobody could be told yet


async def citizen_message(
    runtime: Runtime,
    actor: Actor,
    complaint_id: int,
    text: str | None,
    file: tuple[int, int] | None = None,
) -> Relayed:
    """A message from the reporter about their complaint, relayed to the staff (a file as
    a copy, which does not reveal the sender). If the complaint was waiting for them, the
    clock restarts with the working time it had left."""
    now_dt = runtime.clock.now()
    async with runtime.db.transaction() as tx:
        complaint = await reporters_own(tx, actor, complaint_id)
        if complaint.status == Status.DITUTUP:
            raise ComplaintClosed(complaint.number)
        answering = complaint.status == Status.MENUNGGU_WARGA
        change = _resume(runtime, complaint, now_dt) if answering else None
        kind = EventKind.CITIZEN_ANSWER if answering else EventKind.CITIZEN_MESSAGE
        updated = await apply(
            runtime, tx, complaint, actor.telegram_id, kind, change, body=text, file=bool(file)
        )
        if file is not None:  # one message: the file, its caption saying whose it is
            key = f"grp.{kind}_file_text" if text else f"grp.{kind}_file"
            reached = await copy_to_staff(
                runtime, tx, updated, *file, key, body=_caption_body(text)
            )
        else:
            reached = await tell_staff(runtime, tx, updated, f"grp.{kind}", body=text)
        if answering:
            await after_change(runtime, tx, updated)
    return Relayed(updated, answering, reached > 0)


def _caption_body(text: str | None) -> str:
    """The citizen's caption under the file, shortened to fit Telegram's caption limit
    with our heading; the whole text stays in the timeline (/tiket)."""
    if not text:
        return ""
    return text if len(text) <= CAPTION_BODY_MAX else text[: CAPTION_BODY_MAX - 1] + "…"


def _resume(runtime: Runtime, complaint: Complaint, now: datetime) -> ComplaintUpdate:
    paused = from_epoch(complaint.paused_at or to_epoch(now))
    calendar = runtime.calendar
    waited = calendar.working_time_between(paused, now)
    return ComplaintUpdate(
        status=status_after_citizen_answer(complaint.status, complaint.status_before_wait),
        status_before_wait=None,
        paused_at=None,
        paused_work_seconds=complaint.paused_work_seconds + int(waited.total_seconds()),
        ack_due_at=to_epoch(resumed_due(calendar, from_epoch(complaint.ack_due_at), paused, now)),
        resolve_due_at=to_epoch(
            resumed_due(calendar, from_epoch(complaint.resolve_due_at), paused, now)
        ),
    )


async def rate(runtime: Runtime, actor: Actor, complaint_id: int, rating: int) -> Complaint:
    """The reporter rates the resolution (changeable for 24 hours); rating a resolved
    complaint also closes it: they reacted. A low rating alerts the head and supervisors."""
    if not 1 <= rating <= 5:
        raise NotAllowed(f"rating {rating}")
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        complaint = await reporters_own(tx, actor, complaint_id)
        check(Action.RATE, complaint.status, complaint.withdrawn_at)
        if (
            complaint.rated_at is not None
            and now - complaint.rated_at > RATING_CHANGE_WINDOW.total_seconds()
        ):
            raise RatingLocked
        updated = await apply(
            runtime,
            tx,
            complaint,
            actor.telegram_id,
            EventKind.RATED,
            ComplaintUpdate(rating=rating, rated_at=complaint.rated_at or now),
            rating=rating,
            changed=complaint.rated_at is not None,
        )
        if updated.status == Status.SELESAI:
            updated = await close(runtime, tx, updated, actor.telegram_id)
        else:
            await refresh_alerts(runtime, tx, updated)
        await tell_staff(runtime, tx, updated, "grp.rated", rating=rating, comment="")
        was_low = complaint.rating is not None and complaint.rating <= LOW_RATING
        if rating <= LOW_RATING and not was_low:
            await _alert_low_rating(runtime, tx, updated)
    return updated


async def _alert_low_rating(runtime: Runtime, tx: Tx, complaint: Complaint) -> None:
    draw = renderer(runtime)
    for person_id in await escalation_recipients(runtime, tx, complaint):
        language = await notify.language_of(tx, person_id, runtime.settings.default_language)
        await notify.tell(
            tx,
            person_id,
            "sup.low_rating",
            runtime.now(),
            priority=PRIORITY_URGENT,
            number=complaint.number,
            unit=draw.unit(language, complaint.unit_code),
            rating=complaint.rating,
            comment="",
        )


async def comment_rating(runtime: Runtime, actor: Actor, complaint_id: int, text: str) -> Complaint:
    text = text.strip()[:1000]
    async with runtime.db.transaction() as tx:
        complaint = await reporters_own(tx, actor, complaint_id)
        if complaint.rating is None:
            raise NotAllowed("no rating")
        updated = await apply(
            runtime,
            tx,
            complaint,
            actor.telegram_id,
            EventKind.RATING_COMMENT,
            ComplaintUpdate(rating_comment=text),
            public=False,
            body=text,
        )
        await refresh_alerts(runtime, tx, updated)
        await tell_staff(
            runtime, tx, updated, "grp.rated", rating=updated.rating, comment=f" — “{text[:200]}”"
        )
    return updated


def _closed_by_rating(complaint: Complaint) -> bool:
    """Rating a resolved complaint closes it in the same moment; a rating given after an
    automatic close is later than the close."""
    return (
        complaint.rated_at is not None
        and complaint.closed_at is not None
        and complaint.rated_at <= complaint.closed_at
    )


def reopen_limit(runtime: Runtime, complaint: Complaint) -> datetime:
    """Until when the reporter may say "not solved yet" about a resolved complaint."""
    resolved = resolution_time(complaint.resolved_at, complaint.updated_at)
    return runtime.calendar.add_working_days(
        from_epoch(resolved), runtime.office.complaints.reopen_within_days
    )


async def reopen(runtime: Runtime, actor: Actor, complaint_id: int) -> Complaint:
    """ "Belum selesai": back to the same unit with a fresh resolution deadline, within the
    office's reopen window; the supervisors are told."""
    now_dt = runtime.clock.now()
    async with runtime.db.transaction() as tx:
        complaint = await reporters_own(tx, actor, complaint_id)
        if complaint.status == Status.DITUTUP:
            raise ClosedByRating if _closed_by_rating(complaint) else ReopenWindowClosed
        check(Action.REOPEN, complaint.status, complaint.withdrawn_at)
        if now_dt > reopen_limit(runtime, complaint):
            raise ReopenWindowClosed
        due = runtime.calendar.add_working_time(now_dt, timedelta(seconds=complaint.resolve_span))
        updated = await apply(
            runtime,
            tx,
            complaint,
            actor.telegram_id,
            EventKind.REOPENED,
            ComplaintUpdate(
                status=Status.DIBUKA_KEMBALI,
                reopen_count=complaint.reopen_count + 1,
                cycle=complaint.cycle + 1,
                resolved_at=None,
                resolve_started_at=to_epoch(now_dt),
                resolve_due_at=to_epoch(due),
            ),
        )
        await refresh_alerts(runtime, tx, updated)
        await tell_staff(runtime, tx, updated, "grp.reopened")
        draw = renderer(runtime)
        for person_id in await escalation_recipients(runtime, tx, complaint):
            language = await notify.language_of(tx, person_id, runtime.settings.default_language)
            await notify.tell(
                tx,
                person_id,
                "sup.reopened",
                runtime.now(),
                priority=PRIORITY_URGENT,
                number=updated.number,
                unit=draw.unit(language, updated.unit_code),
            )
        await plan_checks(runtime, tx, updated)
    return updated
