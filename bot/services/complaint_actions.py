"""What staff and citizens do to a complaint once it exists.

Each function checks the actor's right on the server, applies the rule from
:mod:`bot.complaint_rules`, and commits the change, its timeline event, the notifications
it causes and the re-planned deadline checks in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from bot import notify
from bot.clock import from_epoch, to_epoch
from bot.complaint_access import can_act, can_view
from bot.complaint_rules import (
    NOTE_MIN,
    Action,
    Status,
    check,
    resumed_due,
    status_after_citizen_answer,
    status_after_reply,
)
from bot.routing import reassign_targets
from bot.services import NotAllowed, NotFound
from bot.services.complaint_alerts import (
    escalation_recipients,
    post_alerts,
    refresh_alerts,
    renderer,
    tell_reporter,
    tell_staff,
)
from bot.services.complaint_checks import close, plan_checks
from bot.services.people import Actor
from storage import complaint_events, complaints, people
from storage.complaints import Complaint
from storage.db import Tx
from storage.outbox import PRIORITY_URGENT

if TYPE_CHECKING:
    from bot.runtime import Runtime

RATING_CHANGE_WINDOW = timedelta(hours=24)
LOW_RATING = 2


class TooShort(ValueError):
    def __init__(self, length: int, minimum: int) -> None:
        super().__init__(f"{length} < {minimum}")
        self.length = length
        self.minimum = minimum


class RatingLocked(Exception):
    pass


class ReopenWindowClosed(Exception):
    pass


# --- access ----------------------------------------------------------------------------


async def visible(runtime: Runtime, actor: Actor, number: str) -> Complaint:
    """The complaint if this actor may see it; otherwise NotFound, exactly as if the
    number did not exist."""
    complaint = await complaints.by_number(runtime.db, number)
    if complaint is None or not can_view(actor.role, actor.telegram_id, actor.unit_code, complaint):
        raise NotFound(number)
    return complaint


async def for_staff(
    runtime: Runtime,
    actor: Actor,
    complaint_id: int,
    action: Action | None = None,
    tx: Tx | None = None,
) -> Complaint:
    complaint = await complaints.get(tx or runtime.db, complaint_id)
    if complaint is None:
        raise NotFound(complaint_id)
    if not can_act(actor.role, actor.unit_code, complaint):
        raise NotAllowed(f"complaint {complaint_id}")
    if action is not None:
        check(action, Status(complaint.status))
    return complaint


async def _own(runtime: Runtime, tx: Tx, actor: Actor, complaint_id: int) -> Complaint:
    complaint = await complaints.get(tx, complaint_id)
    if complaint is None or complaint.reporter_id != actor.telegram_id:
        raise NotAllowed(f"complaint {complaint_id}")
    return complaint


async def number_of(runtime: Runtime, complaint_id: int) -> str:
    complaint = await complaints.get(runtime.db, complaint_id)
    return complaint.number if complaint else str(complaint_id)


# --- staff -----------------------------------------------------------------------------


async def _acknowledge_fields(runtime: Runtime, complaint: Complaint) -> dict[str, int]:
    """Fields recording the first acknowledgement (for the on-time statistics)."""
    if complaint.acknowledged_at is not None:
        return {}
    now = runtime.now()
    worked = runtime.calendar.working_time_between(
        from_epoch(complaint.ack_started_at), from_epoch(now)
    )
    return {
        "acknowledged_at": now,
        "ack_work_seconds": max(0, int(worked.total_seconds()) - complaint.paused_work_seconds),
        "ack_on_time": int(now <= complaint.ack_due_at),
    }


async def _reload(tx: Tx, complaint_id: int) -> Complaint:
    complaint = await complaints.get(tx, complaint_id)
    assert complaint is not None
    return complaint


async def accept(runtime: Runtime, actor: Actor, complaint_id: int) -> Complaint:
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        complaint = await for_staff(runtime, actor, complaint_id, Action.ACCEPT, tx)
        await complaints.update(
            tx,
            complaint.id,
            status=Status.DITERIMA.value,
            assignee_id=actor.telegram_id,
            updated_at=now,
            **await _acknowledge_fields(runtime, complaint),
        )
        await complaint_events.add(
            tx,
            complaint.id,
            now,
            actor.telegram_id,
            "accepted",
            from_status=complaint.status,
            to_status=Status.DITERIMA.value,
            unit_code=complaint.unit_code,
            public=True,
        )
        updated = await _reload(tx, complaint.id)
        language = await notify.language_of(
            tx, complaint.reporter_id, runtime.settings.default_language
        )
        draw = renderer(runtime)
        await tell_reporter(
            runtime,
            tx,
            updated,
            "cz.accepted",
            unit=draw.unit(language, updated.unit_code),
            resolve_due=draw.when(language, updated.resolve_due_at),
        )
        await refresh_alerts(runtime, tx, updated)
        await plan_checks(runtime, tx, updated)
    return updated


async def reply(runtime: Runtime, actor: Actor, complaint_id: int, text: str) -> Complaint:
    """A public answer, signed by the unit: the citizen never sees which officer wrote."""
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        complaint = await for_staff(runtime, actor, complaint_id, Action.REPLY, tx)
        status = status_after_reply(Status(complaint.status))
        changes: dict[str, object] = {"status": status.value, "updated_at": now}
        if complaint.first_response_at is None:
            changes["first_response_at"] = now
        if complaint.assignee_id is None:
            changes["assignee_id"] = actor.telegram_id
        changes.update(await _acknowledge_fields(runtime, complaint))
        await complaints.update(tx, complaint.id, **changes)
        await complaint_events.add(
            tx,
            complaint.id,
            now,
            actor.telegram_id,
            "public_reply",
            from_status=complaint.status,
            to_status=status.value,
            unit_code=complaint.unit_code,
            public=True,
            body=text,
        )
        updated = await _reload(tx, complaint.id)
        language = await notify.language_of(
            tx, complaint.reporter_id, runtime.settings.default_language
        )
        await tell_reporter(
            runtime,
            tx,
            updated,
            "cz.reply",
            body=text,
            unit=renderer(runtime).unit(language, updated.unit_code),
        )
        if updated.status != complaint.status or updated.assignee_id != complaint.assignee_id:
            await refresh_alerts(runtime, tx, updated)
            await plan_checks(runtime, tx, updated)
    return updated


async def note(runtime: Runtime, actor: Actor, complaint_id: int, text: str) -> Complaint:
    async with runtime.db.transaction() as tx:
        complaint = await for_staff(runtime, actor, complaint_id, Action.NOTE, tx)
        await complaint_events.add(
            tx,
            complaint.id,
            runtime.now(),
            actor.telegram_id,
            "internal_note",
            unit_code=complaint.unit_code,
            body=text,
        )
    return complaint


async def ask_info(runtime: Runtime, actor: Actor, complaint_id: int, question: str) -> Complaint:
    """Ask the citizen; the complaint waits for them and its deadlines stop."""
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        complaint = await for_staff(runtime, actor, complaint_id, Action.ASK_INFO, tx)
        await complaints.update(
            tx,
            complaint.id,
            status=Status.MENUNGGU_WARGA.value,
            status_before_wait=complaint.status,
            paused_at=now,
            updated_at=now,
            assignee_id=complaint.assignee_id or actor.telegram_id,
            first_response_at=complaint.first_response_at or now,
            **await _acknowledge_fields(runtime, complaint),
        )
        await complaint_events.add(
            tx,
            complaint.id,
            now,
            actor.telegram_id,
            "info_requested",
            from_status=complaint.status,
            to_status=Status.MENUNGGU_WARGA.value,
            unit_code=complaint.unit_code,
            public=True,
            body=question,
        )
        updated = await _reload(tx, complaint.id)
        language = await notify.language_of(
            tx, complaint.reporter_id, runtime.settings.default_language
        )
        await tell_reporter(
            runtime,
            tx,
            updated,
            "cz.question",
            body=question,
            unit=renderer(runtime).unit(language, updated.unit_code),
        )
        await refresh_alerts(runtime, tx, updated)
        await plan_checks(runtime, tx, updated)
    return updated


def reassign_choices(runtime: Runtime, complaint: Complaint) -> list[str]:
    return reassign_targets(runtime.office, complaint.unit_code, complaint.named_unit_code)


async def reassign(
    runtime: Runtime, actor: Actor, complaint_id: int, unit_code: str, reason: str
) -> Complaint:
    now_dt = runtime.clock.now()
    now = to_epoch(now_dt)
    async with runtime.db.transaction() as tx:
        complaint = await for_staff(runtime, actor, complaint_id, Action.REASSIGN, tx)
        if unit_code not in reassign_choices(runtime, complaint):
            raise NotAllowed(f"reassign to {unit_code}")
        await refresh_alerts(runtime, tx, complaint, moved_to=unit_code)
        await complaints.deactivate_alerts(tx, complaint.id)
        ack_due = runtime.calendar.add_working_time(now_dt, timedelta(seconds=complaint.ack_span))
        await complaints.update(
            tx,
            complaint.id,
            unit_code=unit_code,
            status=Status.BARU.value,
            assignee_id=None,
            updated_at=now,
            acknowledged_at=None,
            ack_started_at=now,
            ack_due_at=to_epoch(ack_due),
        )
        await complaint_events.add(
            tx,
            complaint.id,
            now,
            actor.telegram_id,
            "reassigned",
            from_status=complaint.status,
            to_status=Status.BARU.value,
            unit_code=unit_code,
            public=True,
            body=reason,
            from_unit=complaint.unit_code,
        )
        updated = await _reload(tx, complaint.id)
        language = await notify.language_of(
            tx, complaint.reporter_id, runtime.settings.default_language
        )
        await tell_reporter(
            runtime, tx, updated, "cz.reassigned", unit=renderer(runtime).unit(language, unit_code)
        )
        await post_alerts(runtime, tx, updated, moved_from=(complaint.unit_code, reason))
        await plan_checks(runtime, tx, updated)
    return updated


async def resolve(runtime: Runtime, actor: Actor, complaint_id: int, resolution: str) -> Complaint:
    if len(resolution.strip()) < NOTE_MIN:
        raise TooShort(len(resolution.strip()), NOTE_MIN)
    now_dt = runtime.clock.now()
    now = to_epoch(now_dt)
    async with runtime.db.transaction() as tx:
        complaint = await for_staff(runtime, actor, complaint_id, Action.RESOLVE, tx)
        changes: dict[str, object] = {
            "status": Status.SELESAI.value,
            "resolved_at": now,
            "updated_at": now,
            "resolution_note": resolution.strip(),
            "assignee_id": complaint.assignee_id or actor.telegram_id,
        }
        changes.update(await _acknowledge_fields(runtime, complaint))
        if complaint.resolve_work_seconds is None:
            worked = runtime.calendar.working_time_between(
                from_epoch(complaint.resolve_started_at), now_dt
            )
            changes["resolve_work_seconds"] = max(
                0, int(worked.total_seconds()) - complaint.paused_work_seconds
            )
            changes["resolve_on_time"] = int(now <= complaint.resolve_due_at)
        await complaints.update(tx, complaint.id, **changes)
        await complaint_events.add(
            tx,
            complaint.id,
            now,
            actor.telegram_id,
            "resolved",
            from_status=complaint.status,
            to_status=Status.SELESAI.value,
            unit_code=complaint.unit_code,
            public=True,
            body=resolution.strip(),
        )
        updated = await _reload(tx, complaint.id)
        language = await notify.language_of(
            tx, complaint.reporter_id, runtime.settings.default_language
        )
        draw = renderer(runtime)
        reopen_until = runtime.calendar.add_working_days(
            now_dt, runtime.office.complaints.reopen_within_days
        )
        await tell_reporter(
            runtime,
            tx,
            updated,
            "cz.resolved",
            note=resolution.strip(),
            unit=draw.unit(language, updated.unit_code),
            reopen_until=draw.when(language, to_epoch(reopen_until)),
            markup_for=lambda lang: draw.rating_keyboard(lang, updated.id),
        )
        await refresh_alerts(runtime, tx, updated)
        await plan_checks(runtime, tx, updated)
    return updated


# --- citizen ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Relayed:
    complaint: Complaint
    answered_question: bool


async def citizen_message(
    runtime: Runtime,
    actor: Actor,
    complaint_id: int,
    text: str | None,
    file: tuple[int, int] | None = None,
) -> Relayed:
    """A message from the reporter about their complaint, relayed to the staff. If the
    complaint was waiting for them, the clock restarts with the time it had left."""
    now_dt = runtime.clock.now()
    now = to_epoch(now_dt)
    async with runtime.db.transaction() as tx:
        complaint = await _own(runtime, tx, actor, complaint_id)
        status = Status(complaint.status)
        if status is Status.DITUTUP:
            raise NotAllowed("closed")
        answering = status is Status.MENUNGGU_WARGA
        if answering:
            await _resume(runtime, tx, complaint, now_dt)
        kind = "citizen_answer" if answering else "citizen_message"
        await complaint_events.add(
            tx,
            complaint.id,
            now,
            actor.telegram_id,
            kind,
            from_status=complaint.status,
            to_status=(await _reload(tx, complaint.id)).status,
            unit_code=complaint.unit_code,
            public=True,
            body=text,
            file=bool(file),
        )
        updated = await _reload(tx, complaint.id)
        if text:
            await tell_staff(runtime, tx, updated, f"grp.{kind}", body=text)
        if file is not None:
            await tell_staff(runtime, tx, updated, "grp.citizen_file")
            await _copy_file(runtime, tx, updated, file)
        if answering:
            await refresh_alerts(runtime, tx, updated)
            await plan_checks(runtime, tx, updated)
    return Relayed(updated, answering)


async def _copy_file(runtime: Runtime, tx: Tx, complaint: Complaint, file: tuple[int, int]) -> None:
    from bot.services.complaint_alerts import copy_to_staff

    await copy_to_staff(runtime, tx, complaint, file[0], file[1])


async def _resume(runtime: Runtime, tx: Tx, complaint: Complaint, now_dt) -> None:
    paused = from_epoch(complaint.paused_at or to_epoch(now_dt))
    calendar = runtime.calendar
    waited = calendar.working_time_between(paused, now_dt)
    status = status_after_citizen_answer(
        Status(complaint.status),
        Status(complaint.status_before_wait) if complaint.status_before_wait else None,
    )
    await complaints.update(
        tx,
        complaint.id,
        status=status.value,
        status_before_wait=None,
        paused_at=None,
        paused_work_seconds=complaint.paused_work_seconds + int(waited.total_seconds()),
        ack_due_at=to_epoch(
            resumed_due(calendar, from_epoch(complaint.ack_due_at), paused, now_dt)
        ),
        resolve_due_at=to_epoch(
            resumed_due(calendar, from_epoch(complaint.resolve_due_at), paused, now_dt)
        ),
        updated_at=to_epoch(now_dt),
    )


async def rate(runtime: Runtime, actor: Actor, complaint_id: int, rating: int) -> Complaint:
    """The reporter rates the resolution; rating it also closes it (they reacted)."""
    if not 1 <= rating <= 5:
        raise NotAllowed(f"rating {rating}")
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        complaint = await _own(runtime, tx, actor, complaint_id)
        check(Action.RATE, Status(complaint.status))
        if (
            complaint.rated_at is not None
            and now - complaint.rated_at > RATING_CHANGE_WINDOW.total_seconds()
        ):
            raise RatingLocked
        first_time = complaint.rated_at is None
        await complaints.update(
            tx, complaint.id, rating=rating, updated_at=now, rated_at=complaint.rated_at or now
        )
        await complaint_events.add(
            tx,
            complaint.id,
            now,
            actor.telegram_id,
            "rated",
            unit_code=complaint.unit_code,
            public=True,
            rating=rating,
            changed=not first_time,
        )
        updated = await _reload(tx, complaint.id)
        if updated.status == Status.SELESAI:
            updated = await close(runtime, tx, updated, actor.telegram_id)
        else:
            await refresh_alerts(runtime, tx, updated)
        await tell_staff(runtime, tx, updated, "grp.rated", rating=rating, comment="")
        became_low = rating <= LOW_RATING and (
            complaint.rating is None or complaint.rating > LOW_RATING
        )
        if became_low:
            await _alert_low_rating(runtime, tx, updated, comment=None)
    return updated


async def _alert_low_rating(
    runtime: Runtime, tx: Tx, complaint: Complaint, comment: str | None
) -> None:
    draw = renderer(runtime)
    for person_id in await escalation_recipients(runtime, tx, complaint.unit_code):
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
            comment=f" “{comment}”" if comment else "",
        )


async def comment_rating(runtime: Runtime, actor: Actor, complaint_id: int, text: str) -> Complaint:
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        complaint = await _own(runtime, tx, actor, complaint_id)
        if complaint.rating is None:
            raise NotAllowed("no rating")
        await complaints.update(tx, complaint.id, rating_comment=text[:1000], updated_at=now)
        await complaint_events.add(
            tx,
            complaint.id,
            now,
            actor.telegram_id,
            "rating_comment",
            unit_code=complaint.unit_code,
            body=text[:1000],
        )
        updated = await _reload(tx, complaint.id)
        await refresh_alerts(runtime, tx, updated)
        await tell_staff(
            runtime, tx, updated, "grp.rated", rating=updated.rating, comment=f" — “{text[:200]}”"
        )
    return updated


async def reopen(runtime: Runtime, actor: Actor, complaint_id: int) -> Complaint:
    """ "Belum selesai": back to the same unit with fresh deadlines; supervisors told."""
    now_dt = runtime.clock.now()
    now = to_epoch(now_dt)
    async with runtime.db.transaction() as tx:
        complaint = await _own(runtime, tx, actor, complaint_id)
        if complaint.status == Status.DITUTUP:
            raise ReopenWindowClosed
        check(Action.REOPEN, Status(complaint.status))
        limit = runtime.calendar.add_working_days(
            from_epoch(complaint.resolved_at), runtime.office.complaints.reopen_within_days
        )
        if now_dt > limit:
            raise ReopenWindowClosed
        resolve_due = runtime.calendar.add_working_time(
            now_dt, timedelta(seconds=complaint.resolve_span)
        )
        await complaints.update(
            tx,
            complaint.id,
            status=Status.DIBUKA_KEMBALI.value,
            updated_at=now,
            reopen_count=complaint.reopen_count + 1,
            cycle=complaint.cycle + 1,
            resolved_at=None,
            resolve_started_at=now,
            resolve_due_at=to_epoch(resolve_due),
        )
        await complaint_events.add(
            tx,
            complaint.id,
            now,
            actor.telegram_id,
            "reopened",
            from_status=complaint.status,
            to_status=Status.DIBUKA_KEMBALI.value,
            unit_code=complaint.unit_code,
            public=True,
        )
        updated = await _reload(tx, complaint.id)
        await refresh_alerts(runtime, tx, updated)
        await tell_staff(runtime, tx, updated, "grp.reopened")
        draw = renderer(runtime)
        for person_id in await escalation_recipients(runtime, tx, complaint.unit_code):
            language = await notify.language_of(tx, person_id, runtime.settings.default_language)
            await notify.tell(
                tx,
                person_id,
                "sup.reopened",
                now,
                priority=PRIORITY_URGENT,
                number=updated.number,
                unit=draw.unit(language, updated.unit_code),
            )
        await plan_checks(runtime, tx, updated)
    return updated


async def staff_names(runtime: Runtime, ids: set[int]) -> dict[int, str]:
    names = {}
    for person_id in ids:
        person = await people.get(runtime.db, person_id)
        if person is not None:
            names[person_id] = person.full_name
    return names
