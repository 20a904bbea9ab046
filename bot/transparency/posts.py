"""The public channel's posts: the past week every Monday after the supervisors' digest,
the past month's IKM on the first working day, through the outbox, once.

Both are digest kinds (:mod:`bot.services.digest`): rows keyed by period, claimed once in
the transaction that queues the post, planned again at start, sent at start when they fell
due while the bot was down. They come ``[publication] delay_minutes`` after the
supervisors' digests, so that supervisors see the figures first and can preview
(``/pratinjau_publik``) and hold (``/tahan_publik``) the post.

A held post is not published when its time comes: its run is consumed (the next one is
planned as usual) and the supervisors are told. Releasing it (``/tahan_publik lepas``)
lets a post that is still to come go out on time, and publishes at once one whose time
has passed, with figures counted at that moment. Every hold, release and publication is
in the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from bot.complaints.alerts import supervisors
from bot.core import formatting, notify
from bot.core.catalog import Markup, t
from bot.core.clock import from_epoch
from bot.core.periods import Period, month_period, parse_weekly_schedule
from bot.people.directory import Actor
from bot.reports.digest import DigestKind
from bot.reports.summary import require_office
from bot.transparency.figures import ikm_month, period_figures
from bot.transparency.render import Style, month_post, week_post
from bot.transparency.rules import (
    PostKind,
    covered_period,
    monthly_due_after,
    period_key,
    weekly_due,
)
from storage.core import audit
from storage.core.db import Tx
from storage.core.outbox import PRIORITY_BULK
from storage.people import directory as people
from storage.reports import digest as digests
from storage.transparency import channel as channels
from storage.transparency import posts
from storage.transparency.channel import PublicChannel
from storage.transparency.posts import Hold

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


def style(runtime: Runtime, language: str | None = None) -> Style:
    """The channel speaks the office's default language."""
    return Style(
        language or runtime.settings.default_language,
        runtime.office,
        runtime.settings.zone,
        runtime.calendar.day_length,
        runtime.office.publication.page_url,
    )


def _delay(runtime: Runtime) -> timedelta:
    return timedelta(minutes=runtime.office.publication.delay_minutes)


def next_due(kind: PostKind, runtime: Runtime, moment: datetime) -> datetime:
    schedule = parse_weekly_schedule(runtime.settings.digest_schedule)
    if kind is PostKind.WEEKLY:
        return weekly_due(schedule, runtime.settings.zone, moment, _delay(runtime))
    return monthly_due_after(runtime.calendar, schedule.at, moment, _delay(runtime))


async def render(
    kind: PostKind, runtime: Runtime, due: datetime, language: str | None = None
) -> Markup:
    """The post of the period ``due`` reports on, with the figures as they stand now."""
    period = covered_period(kind, due, runtime.settings.zone)
    if kind is PostKind.WEEKLY:
        return week_post(style(runtime, language), await period_figures(runtime, period))
    found = await ikm_month(runtime, period, followups_until=runtime.now())
    return month_post(style(runtime, language), found)


async def _publish(
    runtime: Runtime,
    tx: Tx,
    channel: PublicChannel,
    kind: PostKind,
    key: str,
    text: Markup,
    actor_id: int | None,
) -> None:
    now = runtime.now()
    await notify.send_text(tx, channel.chat_id, text, now, priority=PRIORITY_BULK)
    await audit.record(
        tx,
        now,
        actor_id,
        "public_post.published",
        "public_post",
        f"{kind.value}:{key}",
        chat_id=channel.chat_id,
    )


async def _withheld(runtime: Runtime, tx: Tx, kind: PostKind, key: str, hold: Hold) -> None:
    """The post's time came while it was held: tell the supervisors it did not go out."""
    now = runtime.now()
    holder = await people.get(tx, hold.held_by)
    for person in await supervisors(runtime, tx):
        label = label_of(runtime, person.language, kind, key)
        await notify.tell(
            tx,
            person.telegram_id,
            "tp.hold.withheld",
            now,
            kind=label.kind,
            period=label.period,
            name=holder.full_name if holder else str(hold.held_by),
        )
    await audit.record(
        tx,
        now,
        None,
        "public_post.withheld",
        "public_post",
        f"{kind.value}:{key}",
        held_by=hold.held_by,
    )


def _kind(kind: PostKind) -> DigestKind:
    async def send(runtime: Runtime, tx: Tx, due: datetime, text: Markup) -> int:
        if not runtime.office.publication.aggregates:
            return 0
        channel = await channels.get(tx)
        if channel is None:
            return 0
        key = period_key(kind, due, runtime.settings.zone)
        hold = await posts.get(tx, kind.value, key)
        if hold is not None and hold.state == "held":
            await _withheld(runtime, tx, kind, key, hold)
            return 0
        await _publish(runtime, tx, channel, kind, key, text, None)
        return 1

    async def prepare(runtime: Runtime, due: datetime) -> Markup:
        return await render(kind, runtime, due)

    return DigestKind(
        kind.value,
        lambda runtime, moment: next_due(kind, runtime, moment),
        lambda runtime, due: period_key(kind, due, runtime.settings.zone),
        prepare,
        send,
    )


KINDS = {kind: _kind(kind) for kind in PostKind}


# --- preview, hold, release (supervisors) ------------------------------------------------


@dataclass(frozen=True)
class Label:
    kind: str
    period: str


def label_of(runtime: Runtime, language: str, kind: PostKind, key: str) -> Label:
    """How a post is named to supervisors: "posting mingguan" and its period."""
    return Label(
        str(t(language, f"tp.kind.{kind.value}")),
        style(runtime, language).period(period_of(kind, key)),
    )


def period_of(kind: PostKind, key: str) -> Period:
    """The period a run's key names (a week's Monday, or a month)."""
    if kind is PostKind.WEEKLY:
        monday = date.fromisoformat(key)
        return Period(monday, monday + timedelta(weeks=1), "week")
    year, month = (int(part) for part in key.split("-"))
    return month_period(year, month)


@dataclass(frozen=True)
class Upcoming:
    kind: PostKind
    period_key: str
    due: datetime
    held: bool


async def upcoming(runtime: Runtime, kind: PostKind | None = None) -> Upcoming | None:
    """The next public post still to come (of one kind, or the sooner of both)."""
    found: list[Upcoming] = []
    for candidate in [kind] if kind else list(PostKind):
        for run in await digests.runs(runtime.db, candidate.value):
            if run.state == "pending":
                hold = await posts.get(runtime.db, candidate.value, run.period_key)
                found.append(
                    Upcoming(
                        candidate,
                        run.period_key,
                        from_epoch(run.due_at),
                        hold is not None and hold.state == "held",
                    )
                )
    return min(found, key=lambda u: u.due) if found else None


@dataclass(frozen=True)
class Preview:
    upcoming: Upcoming | None
    text: Markup | None
    channel: PublicChannel | None
    held_earlier: list[Hold]  # held posts whose time has passed, waiting for a release


async def preview(runtime: Runtime, actor: Actor, kind: PostKind | None) -> Preview:
    require_office(actor)
    next_post = await upcoming(runtime, kind)
    text = None
    if next_post is not None:
        text = await render(next_post.kind, runtime, next_post.due, actor.language)
    earlier = [
        h
        for h in await posts.held(runtime.db)
        if next_post is None
        or (h.kind, h.period_key) != (next_post.kind.value, next_post.period_key)
    ]
    return Preview(next_post, text, await channels.get(runtime.db), earlier)


async def hold_next(
    runtime: Runtime, actor: Actor, kind: PostKind | None
) -> tuple[Upcoming | None, bool]:
    """Hold the next post; returns it and whether this call held it (False: already)."""
    require_office(actor)
    next_post = await upcoming(runtime, kind)
    if next_post is None:
        return None, False
    async with runtime.db.transaction() as tx:
        held = await posts.hold(
            tx, next_post.kind.value, next_post.period_key, actor.telegram_id, runtime.now()
        )
        if held:
            await audit.record(
                tx,
                runtime.now(),
                actor.telegram_id,
                "public_post.held",
                "public_post",
                f"{next_post.kind.value}:{next_post.period_key}",
            )
    return next_post, held


@dataclass(frozen=True)
class Released:
    kind: PostKind
    period_key: str
    outcome: str  # scheduled | published | no_channel
    due: datetime


async def release_all(runtime: Runtime, actor: Actor) -> list[Released]:
    """Release every held post: still to come, it goes out on time; past, it goes now."""
    require_office(actor)
    released = []
    for hold in await posts.held(runtime.db):
        kind = PostKind(hold.kind)
        run = next(
            (
                r
                for r in await digests.runs(runtime.db, hold.kind)
                if r.period_key == hold.period_key
            ),
            None,
        )
        if run is None:
            continue
        due = from_epoch(run.due_at)
        outcome = await _release(runtime, actor, kind, hold, due, run.state == "pending")
        released.append(Released(kind, hold.period_key, outcome, due))
    return released


async def _release(
    runtime: Runtime, actor: Actor, kind: PostKind, hold: Hold, due: datetime, still_to_come: bool
) -> str:
    subject = f"{kind.value}:{hold.period_key}"
    now = runtime.now()
    if still_to_come:
        async with runtime.db.transaction() as tx:
            if await posts.end(tx, kind.value, hold.period_key, "released", actor.telegram_id, now):
                await audit.record(
                    tx, now, actor.telegram_id, "public_post.released", "public_post", subject
                )
        return "scheduled"
    text = await render(kind, runtime, due)
    async with runtime.db.transaction() as tx:
        channel = await channels.get(tx)
        if channel is None or not runtime.office.publication.aggregates:
            return "no_channel"
        if await posts.end(tx, kind.value, hold.period_key, "published", actor.telegram_id, now):
            await _publish(runtime, tx, channel, kind, hold.period_key, text, actor.telegram_id)
    return "published"


def when_due(runtime: Runtime, due: datetime, language: str) -> str:
    return formatting.moment(language, due, runtime.settings.zone)
