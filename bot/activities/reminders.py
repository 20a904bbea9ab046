"""Reminders before an activity and the attendance checklist after it.

Rows (:mod:`storage.activity_reminders`) are planned in the same transaction as every
change of an activity: one reminder row per offset of ``ACTIVITY_REMINDERS`` still ahead,
and one checklist row at the end. A single scheduler job is armed at the earliest pending
row; when it runs, each due row is claimed (conditional UPDATE) in the transaction that
queues its messages, so a reminder goes out once even if the job runs twice or the bot
restarts in between. A reminder that fell due while the bot was down is sent at start if
the activity has not begun, otherwise recorded as ``missed``; if several of one activity
are due at once, only the closest to the start is sent (see
:func:`bot.activity_rules.reminders_to_send`).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from telegram.ext import Application

from bot.activities import callbacks as acb
from bot.activities import keyboards as kb
from bot.activities.common import (
    CHECKLIST,
    INVITATION,
    Loaded,
    broadcast,
    load,
    refresh_cards,
    renderer,
)
from bot.activities.rules import minutes_until, reminder_plan, reminders_to_send
from bot.core import notify
from bot.core.notify import Ref
from bot.core.scheduling import DueRows
from domain.activities import EventKind as ActivityEvent
from domain.activities import ReminderKind, ReminderState
from storage.activities import invitations as activity_invitations
from storage.activities import records as activities
from storage.activities import reminders as activity_reminders
from storage.activities.reminders import Reminder
from storage.core.db import Tx
from storage.core.outbox import PRIORITY_NORMAL

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)
JOB_NAME = "activity-reminders"


async def plan(runtime: Runtime, tx: Tx, activity_id: int) -> None:
    """Make the pending rows match the activity as it is now (call after every change)."""
    activity = await activities.get(tx, activity_id)
    if activity is None:
        return
    if activity.cancelled:
        await activity_reminders.cancel_pending(tx, activity.id)
        return
    await activity_reminders.cancel_pending(tx, activity.id, before_revision=activity.revision)
    offsets = runtime.settings.reminder_offsets_minutes
    for offset, due in reminder_plan(activity.starts_at, offsets, runtime.now()):
        await activity_reminders.plan(
            tx, activity.id, ReminderKind.REMINDER, offset, activity.revision, due
        )
    await activity_reminders.plan(
        tx, activity.id, ReminderKind.CHECKLIST, 0, activity.revision, activity.ends_at
    )


async def run_due(runtime: Runtime) -> int:
    """Handle every due row; returns how many messages were queued."""
    now = runtime.now()
    by_activity: dict[int, list[Reminder]] = defaultdict(list)
    for row in await activity_reminders.due(runtime.db, now):
        by_activity[row.activity_id].append(row)
    queued = 0
    for activity_id, rows in by_activity.items():
        try:
            queued += await _fire_activity(runtime, activity_id, rows)
        except Exception:
            log.exception("reminders of activity %s failed", activity_id)
            await _give_up(runtime, rows)
    await ROWS.arm(runtime)
    return queued


async def _give_up(runtime: Runtime, rows: list[Reminder]) -> None:
    """A row that cannot be handled is recorded as missed, so the job does not spin on it."""
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        for row in rows:
            if await activity_reminders.claim(tx, row.id, ReminderState.MISSED, now):
                await activities.add_event(
                    tx,
                    row.activity_id,
                    now,
                    None,
                    ActivityEvent.REMINDER_FAILED,
                    reminder_kind=row.kind,
                    offset=row.offset_minutes,
                )


async def _fire_activity(runtime: Runtime, activity_id: int, rows: list[Reminder]) -> int:
    queued = 0
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        loaded = await load(tx, activity_id)
        reminders = {r.offset_minutes: r for r in rows if r.kind is ReminderKind.REMINDER}
        send, missed = reminders_to_send(list(reminders), loaded.activity.starts_at, now)
        for offset in missed:
            if await activity_reminders.claim(tx, reminders[offset].id, ReminderState.MISSED, now):
                await activities.add_event(
                    tx, activity_id, now, None, ActivityEvent.REMINDER_MISSED, offset=offset
                )
        if send is not None and await activity_reminders.claim(
            tx, reminders[send].id, ReminderState.SENT, now
        ):
            queued += await _send_reminder(runtime, tx, loaded, reminders[send])
        for row in rows:
            if row.kind is ReminderKind.CHECKLIST and await activity_reminders.claim(
                tx, row.id, ReminderState.SENT, now
            ):
                queued += await _send_checklist(runtime, tx, loaded)
    return queued


async def _send_reminder(runtime: Runtime, tx: Tx, loaded: Loaded, row: Reminder) -> int:
    activity = loaded.activity
    draw = renderer(runtime)
    left = minutes_until(activity.starts_at, runtime.now())
    recipients = await activity_invitations.reminder_recipients(tx, activity.id)

    def render(language: str) -> tuple[Any, Any]:
        return (
            draw.reminder(language, activity, loaded.units, loaded.organiser, left),
            kb.rsvp(language, activity.id, acb.VIEW_INVITATION),
        )

    sent = await broadcast(runtime, tx, recipients, render, ref=Ref(INVITATION, activity.id))
    await activity_reminders.set_recipients(tx, row.id, sent)
    await activities.add_event(
        tx,
        activity.id,
        runtime.now(),
        None,
        ActivityEvent.REMINDER_SENT,
        offset=row.offset_minutes,
        recipients=sent,
    )
    return sent


async def _send_checklist(runtime: Runtime, tx: Tx, loaded: Loaded) -> int:
    """After the end: the organiser gets one toggle per invited person, then "Simpan"."""
    activity = loaded.activity
    await activity_invitations.precheck(tx, activity.id)
    invited = await activity_invitations.of_activity(tx, activity.id)
    language = await notify.language_of(
        tx, activity.organiser_id, runtime.settings.default_language
    )
    text = renderer(runtime).checklist(
        language, activity, invited, 0, kb.checklist_pages(len(invited))
    )
    await notify.send_text(
        tx,
        activity.organiser_id,
        text,
        runtime.now(),
        markup=kb.checklist(language, activity.id, invited, 0),
        priority=PRIORITY_NORMAL,
        ref=Ref(CHECKLIST, activity.id),
    )
    await activities.add_event(
        tx, activity.id, runtime.now(), None, ActivityEvent.CHECKLIST_SENT, invited=len(invited)
    )
    await refresh_cards(runtime, tx, activity.id)  # the cards now say it is over
    return 1


async def on_start(runtime: Runtime, application: Application) -> None:
    """Re-arm from the rows: rows that fell due while the bot was down are handled now."""
    ROWS.watch(runtime)
    await ROWS.arm(runtime)


ROWS = DueRows(JOB_NAME, "activity_reminders", activity_reminders.next_due, run_due)
