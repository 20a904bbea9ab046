"""The monthly JP nudge: on the first working day of each month at 09:00 WIB, staff below
the pro-rata target get a friendly message listing upcoming trainings.

One row per month (:func:`storage.jp.plan_nudge`), claimed once in the transaction that
queues the messages. A nudge delayed by downtime is still sent the same day, otherwise
recorded as missed. After each run the next month's row is planned.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from telegram.ext import Application

from bot.activities.common import broadcast, renderer
from bot.activities.jp import personal_target, upcoming_trainings
from bot.activities.rules import is_behind, local_year, next_nudge, nudge_period, nudge_still_timely
from bot.core import formatting
from bot.core.catalog import Markup, join, t
from bot.core.clock import from_epoch, to_epoch
from bot.core.scheduling import DueRows
from domain.activities import NudgeState
from storage.activities import jp
from storage.activities.records import Activity
from storage.core.db import Tx

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)
JOB_NAME = "jp-nudge"


async def plan_next(runtime: Runtime) -> None:
    due = next_nudge(runtime.calendar, runtime.clock.now())
    async with runtime.db.transaction() as tx:
        await jp.plan_nudge(tx, nudge_period(due, runtime.settings.zone), to_epoch(due))


async def run_due(runtime: Runtime) -> int:
    """Send (or record as missed) every due nudge; returns how many people were nudged."""
    nudged = 0
    now = runtime.clock.now()
    zone = runtime.settings.zone
    for period, due_at in await jp.due_nudges(runtime.db, to_epoch(now)):
        async with runtime.db.transaction() as tx:
            if not nudge_still_timely(from_epoch(due_at), now, zone):
                await jp.claim_nudge(tx, period, NudgeState.MISSED, to_epoch(now))
                continue
            recipients = await _behind(runtime, tx)
            if not await jp.claim_nudge(
                tx, period, NudgeState.SENT, to_epoch(now), len(recipients)
            ):
                continue
            nudged += await _send(runtime, tx, recipients)
    await plan_next(runtime)
    await ROWS.arm(runtime)
    return nudged


async def _behind(runtime: Runtime, tx: Tx) -> list[tuple[int, int, float]]:
    """(person, JP this year, their pro-rata target) of reachable staff below it;
    newcomers' targets start a grace month after their registration."""
    now = runtime.clock.now()
    staff = {
        s.person_id: s
        for s in await jp.staff_jp(tx, local_year(to_epoch(now), runtime.settings.zone))
    }
    found = []
    for person_id in await jp.reachable_staff(tx):
        person = staff.get(person_id)
        if person is None:
            continue
        target = personal_target(runtime, person, now)
        if is_behind(person.jp, target):
            found.append((person_id, person.jp, target))
    return found


async def _send(runtime: Runtime, tx: Tx, recipients: list[tuple[int, int, float]]) -> int:
    target = runtime.office.training.jp_target
    trainings = await upcoming_trainings(runtime)
    sent = 0
    for person_id, total, prorata in recipients:

        def render(
            language: str, total: int = total, prorata: float = prorata
        ) -> tuple[Markup, None]:
            return nudge_text(runtime, language, total, target, prorata, trainings), None

        sent += await broadcast(runtime, tx, [person_id], render)
    return sent


def nudge_text(
    runtime: Runtime,
    language: str,
    total: int,
    target: int,
    prorata: float,
    trainings: list[Activity],
) -> Markup:
    draw = renderer(runtime)
    lines = [
        t(
            language,
            "jp.nudge",
            total=total,
            target=target,
            prorata=formatting.number(language, prorata, 1),
        )
    ]
    if trainings:
        lines.append(t(language, "jp.nudge_upcoming"))
        lines += [
            t(
                language,
                "jp.training_line",
                title=a.title,
                when=draw.short_when(language, a.starts_at),
                jp=a.jp,
            )
            for a in trainings
        ]
    else:
        lines.append(t(language, "jp.nudge_none"))
    return join(lines)


async def on_start(runtime: Runtime, application: Application) -> None:
    """Handle a nudge that fell due while the bot was down, plan the next one, arm."""
    ROWS.watch(runtime)
    await plan_next(runtime)
    await ROWS.arm(runtime)


ROWS = DueRows(JOB_NAME, "jp_nudges", jp.next_nudge_due, run_due)
