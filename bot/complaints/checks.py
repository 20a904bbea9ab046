"""Deadline checks: the 75% reminder, the escalation at breach, the auto-close.

Checks are rows planned from the complaint's state in the same transaction as every
change. One scheduler job is armed at the earliest pending check; when it runs it fires
every due check, each in its own transaction that first claims the row, so a check fires
once even if the job runs twice or the bot restarts in between.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from telegram.ext import Application

from bot.complaints.alerts import (
    escalation_recipients,
    refresh_alerts,
    renderer,
    tell_reporter,
    tell_staff,
)
from bot.complaints.rules import OPEN, autoclose_time, check_times, resolution_time
from bot.core import notify
from bot.core.clock import from_epoch, to_epoch
from bot.core.runtime import COMPLAINT_CLOSED
from bot.core.scheduling import DueRows
from domain.complaints import CheckKind, EventKind, Status
from storage.complaints import records as complaints
from storage.complaints.records import Check, Complaint, ComplaintUpdate
from storage.core.db import Tx
from storage.core.outbox import PRIORITY_URGENT

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)
JOB_NAME = "complaint-checks"
DEADLINE_CHECKS = (
    CheckKind.ACK_WARN,
    CheckKind.ACK_BREACH,
    CheckKind.RESOLVE_WARN,
    CheckKind.RESOLVE_BREACH,
)
ACK_CHECKS = (CheckKind.ACK_WARN, CheckKind.ACK_BREACH)


async def plan_checks(runtime: Runtime, tx: Tx, complaint: Complaint) -> None:
    """Make the pending checks match the complaint as it is now."""
    status = complaint.status
    cycle = complaint.cycle
    if status in OPEN and status is not Status.MENUNGGU_WARGA:
        acknowledged = complaint.acknowledged_at is not None
        ack = (
            None
            if acknowledged
            else (from_epoch(complaint.ack_due_at), timedelta(seconds=complaint.ack_span))
        )
        times = check_times(
            runtime.calendar,
            runtime.clock.now(),
            ack=ack,
            resolve=(
                from_epoch(complaint.resolve_due_at),
                timedelta(seconds=complaint.resolve_span),
            ),
        )
        for kind, due in times.items():
            await complaints.plan_check(tx, complaint.id, kind, cycle, to_epoch(due))
        if acknowledged:
            await complaints.cancel_checks(tx, complaint.id, ACK_CHECKS)
        await complaints.cancel_checks(tx, complaint.id, (CheckKind.AUTOCLOSE,))
    elif status is Status.SELESAI:
        await complaints.cancel_checks(tx, complaint.id, DEADLINE_CHECKS)
        close_at = autoclose_time(
            runtime.calendar,
            from_epoch(resolution_time(complaint.resolved_at, complaint.updated_at)),
            runtime.office.complaints.close_after_days,
        )
        await complaints.plan_check(
            tx, complaint.id, CheckKind.AUTOCLOSE, cycle, to_epoch(close_at)
        )
    else:  # waiting for the citizen (clock stopped) or closed
        await complaints.cancel_checks(tx, complaint.id, (*DEADLINE_CHECKS, CheckKind.AUTOCLOSE))


async def run_due(runtime: Runtime) -> int:
    """Fire every check that is due now; returns how many fired."""
    fired = 0
    now = runtime.now()
    for check in await complaints.due_checks(runtime.db, now):
        async with runtime.db.transaction() as tx:
            if not await complaints.claim_check(tx, check.id, now):
                continue
            complaint = await complaints.get(tx, check.complaint_id)
            if complaint is not None and complaint.cycle == check.cycle:
                await FIRE[check.kind](runtime, tx, complaint, check)
                fired += 1
    await ROWS.arm(runtime)
    return fired


async def _remind(runtime: Runtime, tx: Tx, complaint: Complaint, check: Check) -> None:
    if check.kind is CheckKind.ACK_WARN and complaint.acknowledged_at is not None:
        return
    if complaint.status not in OPEN:
        return
    due = complaint.ack_due_at if check.kind is CheckKind.ACK_WARN else complaint.resolve_due_at
    left = runtime.calendar.working_time_between(runtime.clock.now(), from_epoch(due))
    draw = renderer(runtime)
    language = runtime.settings.default_language
    # Fired late (the bot was down at the 75% point): no "time left" once none is.
    late = "_late" if left <= timedelta(0) else ""
    await tell_staff(
        runtime,
        tx,
        complaint,
        f"grp.reminder.{check.kind}{late}",
        due=draw.when(language, due),
        left=draw.duration(language, left),
    )
    await complaints.add_event(
        tx,
        complaint.id,
        runtime.now(),
        None,
        EventKind.REMINDER,
        unit_code=complaint.unit_code,
        check=check.kind,
    )


async def _escalate(runtime: Runtime, tx: Tx, complaint: Complaint, check: Check) -> None:
    if check.kind is CheckKind.ACK_BREACH and complaint.acknowledged_at is not None:
        return
    if complaint.status not in OPEN:
        return
    due = complaint.ack_due_at if check.kind is CheckKind.ACK_BREACH else complaint.resolve_due_at
    draw = renderer(runtime)
    for person_id in await escalation_recipients(runtime, tx, complaint):
        language = await notify.language_of(tx, person_id, runtime.settings.default_language)
        await notify.tell(
            tx,
            person_id,
            f"esc.{check.kind}",
            runtime.now(),
            priority=PRIORITY_URGENT,
            number=complaint.number,
            unit=draw.unit(language, complaint.unit_code),
            due=draw.when(language, due),
        )
    await complaints.add_event(
        tx,
        complaint.id,
        runtime.now(),
        None,
        EventKind.ESCALATED,
        unit_code=complaint.unit_code,
        check=check.kind,
    )


async def _autoclose(runtime: Runtime, tx: Tx, complaint: Complaint, check: Check) -> None:
    if complaint.status != Status.SELESAI:
        return
    await close(runtime, tx, complaint, actor_id=None)
    await tell_reporter(
        runtime, tx, complaint, "cz.closed_auto", days=runtime.office.complaints.close_after_days
    )


async def close(runtime: Runtime, tx: Tx, complaint: Complaint, actor_id: int | None) -> Complaint:
    now = runtime.now()
    await complaints.update(
        tx, complaint.id, ComplaintUpdate(status=Status.DITUTUP, closed_at=now, updated_at=now)
    )
    await complaints.add_event(
        tx,
        complaint.id,
        now,
        actor_id,
        EventKind.CLOSED,
        from_status=complaint.status,
        to_status=Status.DITUTUP,
        unit_code=complaint.unit_code,
        public=True,
    )
    closed = await complaints.existing(tx, complaint.id)
    await plan_checks(runtime, tx, closed)
    await refresh_alerts(runtime, tx, closed)
    for hook in runtime.extensions[COMPLAINT_CLOSED]:
        await hook(runtime, tx, closed)
    return closed


FIRE: dict[CheckKind, Callable[[Runtime, Tx, Complaint, Check], Awaitable[None]]] = {
    CheckKind.ACK_WARN: _remind,
    CheckKind.RESOLVE_WARN: _remind,
    CheckKind.ACK_BREACH: _escalate,
    CheckKind.RESOLVE_BREACH: _escalate,
    CheckKind.AUTOCLOSE: _autoclose,
}


async def on_start(runtime: Runtime, application: Application) -> None:
    """Re-arm from the rows: checks that fell due while the bot was down fire now."""
    ROWS.watch(runtime)
    await ROWS.arm(runtime)


ROWS = DueRows(JOB_NAME, "complaint_checks", complaints.next_check_due, run_due)
