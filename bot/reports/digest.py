"""Scheduled digests: every week (``DIGEST_SCHEDULE``, default Monday 07:30 WIB) each
supervisor gets last week's summary with its chart, through the outbox.

Digests are rows (:mod:`storage.digests`), one per kind and period. The next one is
planned at start and whenever one is sent; a job is armed at the earliest pending row.
Sending first claims the row in the transaction that stores the chart and queues the
messages, so a digest goes out once, even across restarts; one that fell due while the
bot was down goes out at start.

The kinds are added to :data:`DIGESTS` in the application factory: the weekly summary
here, other features' own (e.g. the monthly IKM per service on the first working day of
the month, the public posts).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from telegram.ext import Application

from bot.complaints.alerts import supervisors
from bot.core import notify
from bot.core.catalog import LANGUAGES
from bot.core.clock import from_epoch, to_epoch
from bot.core.extensions import Point
from bot.core.periods import parse_weekly_schedule
from bot.core.scheduling import DueRows
from bot.reports.rules import digest_week
from bot.reports.summary import compute_summary
from bot.reports.views import chart_caption, chart_png, summary_message
from storage.core import outbox, outbox_files
from storage.core.db import Tx
from storage.core.outbox import PRIORITY_BULK
from storage.reports import digest as digests

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)
JOB_NAME = "digests"


@dataclass(frozen=True)
class DigestKind:
    name: str
    next_due: Callable[[Runtime, datetime], datetime]  # first due time after a moment
    period_key: Callable[[Runtime, datetime], str]  # the period a due time reports on
    prepare: Callable[[Runtime, datetime], Awaitable[Any]]  # outside the transaction
    send: Callable[[Runtime, Tx, datetime, Any], Awaitable[int]]  # queue; returns recipients


#: The digests there are, in the order they go out when several fall due together.
DIGESTS = Point[DigestKind]("scheduled digests")


def kinds(runtime: Runtime) -> dict[str, DigestKind]:
    return {kind.name: kind for kind in runtime.extensions[DIGESTS]}


# --- the weekly summary ----------------------------------------------------------------


def _weekly_next(runtime: Runtime, moment: datetime) -> datetime:
    schedule = parse_weekly_schedule(runtime.settings.digest_schedule)
    return schedule.next_after(moment, runtime.settings.zone)


def _weekly_key(runtime: Runtime, due: datetime) -> str:
    return digest_week(due, runtime.settings.zone).start.isoformat()


@dataclass(frozen=True)
class WeeklyDigest:
    texts: dict[str, Any]  # language -> (text, keyboard)
    captions: dict[str, Any]
    pngs: dict[str, bytes]  # language -> chart with labels in that language


async def _weekly_prepare(runtime: Runtime, due: datetime) -> WeeklyDigest:
    period = digest_week(due, runtime.settings.zone)
    summary = await compute_summary(runtime, period)
    texts = {
        language: await summary_message(runtime, summary, language, digest=True)
        for language in LANGUAGES
    }
    pngs = {
        language: await chart_png(runtime, summary.chart, language, period)
        for language in LANGUAGES
    }
    return WeeklyDigest(texts, {lang: chart_caption(lang, period) for lang in LANGUAGES}, pngs)


async def _weekly_send(runtime: Runtime, tx: Tx, due: datetime, digest: WeeklyDigest) -> int:
    now = runtime.now()
    recipients = await supervisors(runtime, tx)
    if not recipients:
        return 0
    file_ids: dict[str, int] = {}
    for person in recipients:
        if person.language not in file_ids:
            file_ids[person.language] = await outbox_files.store(
                tx, digest.pngs[person.language], now
            )
        file_id = file_ids[person.language]
        text, keyboard = digest.texts[person.language]
        await notify.send_text(
            tx, person.telegram_id, text, now, markup=keyboard, priority=PRIORITY_BULK
        )
        await outbox.enqueue(
            tx,
            person.telegram_id,
            "sendPhoto",
            {
                "upload_ref": outbox_files.upload_ref("photo", file_id, "ringkasan.png"),
                "caption": str(digest.captions[person.language]),
                "parse_mode": "HTML",
            },
            now,
            priority=PRIORITY_BULK,
        )
    return len(recipients)


WEEKLY = DigestKind("weekly", _weekly_next, _weekly_key, _weekly_prepare, _weekly_send)


# --- rows, jobs, restarts --------------------------------------------------------------


async def plan_next(runtime: Runtime, tx: Tx, kind: DigestKind) -> None:
    due = kind.next_due(runtime, runtime.clock.now())
    await digests.plan(tx, kind.name, kind.period_key(runtime, due), to_epoch(due), runtime.now())


async def run_due(runtime: Runtime) -> int:
    """Send every digest that is due; returns how many were sent by this call."""
    sent = 0
    known = kinds(runtime)
    for run in await digests.due(runtime.db, runtime.now()):
        kind = known.get(run.kind)
        if kind is None:
            log.warning(
                "digest kind %s is not registered; run %s left pending", run.kind, run.period_key
            )
            continue
        due = from_epoch(run.due_at)
        prepared = await kind.prepare(runtime, due)
        async with runtime.db.transaction() as tx:
            if not await digests.claim(tx, run.kind, run.period_key, runtime.now()):
                continue
            count = await kind.send(runtime, tx, due, prepared)
            await digests.set_recipients(tx, run.kind, run.period_key, count)
            await plan_next(runtime, tx, kind)
        log.info("digest %s %s sent to %d people", run.kind, run.period_key, count)
        sent += 1
    await ROWS.arm(runtime)
    return sent


async def on_start(runtime: Runtime, application: Application) -> None:
    """Plan the next digest of every kind, send those that fell due while the bot was
    down, and re-arm whenever a transaction plans a digest."""
    async with runtime.db.transaction() as tx:
        for kind in runtime.extensions[DIGESTS]:
            await plan_next(runtime, tx, kind)
    ROWS.watch(runtime)
    await run_due(runtime)


ROWS = DueRows(JOB_NAME, "digest_runs", digests.next_due, run_due)
