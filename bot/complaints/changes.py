"""The shared mechanics of changing a complaint: access checks, applying a change with
its timeline event, and telling the reporter in the name of the handling unit."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, NoReturn, Unpack

from bot.complaints.alerts import refresh_alerts, renderer, tell_reporter
from bot.complaints.checks import plan_checks
from bot.complaints.rules import Action, can_act, can_view, check, parse_tracking_number
from bot.core import notify
from bot.core.clock import from_epoch
from bot.core.errors import MovedAway, NotAllowed, NotFound
from bot.people.directory import Actor
from domain.complaints import EventData, EventKind
from storage.complaints import records as complaints
from storage.complaints.records import Complaint, ComplaintUpdate
from storage.core.db import Reader, Tx

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


async def visible(runtime: Runtime, actor: Actor, number: str) -> Complaint:
    """The complaint if this actor may see it; otherwise NotFound, exactly as if the
    number did not exist. The number may be typed loosely (``parse_tracking_number``)."""
    typed = parse_tracking_number(number, runtime.office.office.tracking_prefix)
    complaint = await complaints.by_number(runtime.db, typed or number)
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
    """The complaint if ``actor`` may act on it (and ``action`` applies to its status)."""
    complaint = await complaints.get(tx or runtime.db, complaint_id)
    if complaint is None:
        raise NotFound(complaint_id)
    if not can_act(actor.role, actor.unit_code, complaint):
        await _refuse(tx or runtime.db, actor, complaint)
    if action is not None:
        check(action, complaint.status, complaint.withdrawn_at)
    return complaint


async def _refuse(db: Reader, actor: Actor, complaint: Complaint) -> NoReturn:
    """Officers of a unit that handed the complaint on learn where it went (they saw it
    until the move); anyone else gets the plain refusal."""
    if (
        actor.unit_code
        and actor.unit_code != complaint.unit_code
        and (await complaints.was_alerted_to(db, complaint.id, actor.unit_code))
    ):
        raise MovedAway(complaint.number, complaint.unit_code)
    raise NotAllowed(f"complaint {complaint.id}")


async def reporters_own(tx: Tx, actor: Actor, complaint_id: int) -> Complaint:
    """The complaint if ``actor`` filed it: only the reporter rates, reopens, answers."""
    complaint = await complaints.get(tx, complaint_id)
    if complaint is None or complaint.reporter_id != actor.telegram_id:
        raise NotAllowed(f"complaint {complaint_id}")
    return complaint


async def number_of(runtime: Runtime, complaint_id: int) -> str:
    complaint = await complaints.get(runtime.db, complaint_id)
    return complaint.number if complaint else str(complaint_id)


async def apply(
    runtime: Runtime,
    tx: Tx,
    complaint: Complaint,
    actor_id: int | None,
    kind: EventKind,
    change: ComplaintUpdate | None = None,
    *,
    public: bool = True,
    body: str | None = None,
    unit_code: str | None = None,
    **data: Unpack[EventData],
) -> Complaint:
    """Change the complaint and record the event (with the status move, if any) in the
    caller's transaction; returns the complaint as it is now."""
    now = runtime.now()
    if change is not None:
        await complaints.update(tx, complaint.id, replace(change, updated_at=now))
    new_status = change.status_set if change is not None else None
    await complaints.add_event(
        tx,
        complaint.id,
        now,
        actor_id,
        kind,
        from_status=complaint.status if new_status else None,
        to_status=new_status,
        unit_code=unit_code or complaint.unit_code,
        public=public,
        body=body,
        **data,
    )
    return await complaints.existing(tx, complaint.id)


async def after_change(runtime: Runtime, tx: Tx, complaint: Complaint) -> None:
    """Every live alert shows the new state; deadline checks follow it."""
    await refresh_alerts(runtime, tx, complaint)
    await plan_checks(runtime, tx, complaint)


async def tell_reporter_from_unit(
    runtime: Runtime, tx: Tx, complaint: Complaint, key: str, **values: object
) -> None:
    """A message to the reporter signed with the handling unit (never the officer)."""
    language = await notify.language_of(
        tx, complaint.reporter_id, runtime.settings.default_language
    )
    unit = renderer(runtime).unit(language, complaint.unit_code)
    await tell_reporter(runtime, tx, complaint, key, unit=unit, **values)


def acknowledged(
    runtime: Runtime, complaint: Complaint, change: ComplaintUpdate
) -> ComplaintUpdate:
    """``change``, recording the first acknowledgement too if this is it (for the on-time
    statistics)."""
    if complaint.acknowledged_at is not None:
        return change
    now = runtime.now()
    worked = runtime.calendar.working_time_between(
        from_epoch(complaint.ack_started_at), from_epoch(now)
    )
    return replace(
        change,
        acknowledged_at=now,
        ack_work_seconds=max(0, int(worked.total_seconds()) - complaint.paused_work_seconds),
        ack_on_time=int(now <= complaint.ack_due_at),
    )
