"""Changes to an activity after it is saved: answers (RSVP), a new time or place, a
cancellation, forum subscriptions. Each is one transaction with its event and the
notifications it causes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from bot.activities import callbacks as acb
from bot.activities import keyboards as kb
from bot.activities.common import (
    INVITATION,
    Loaded,
    broadcast,
    load,
    load_managed,
    refresh_cards,
    renderer,
)
from bot.activities.input import InputError, clean_place
from bot.activities.reminders import plan
from bot.activities.rules import has_begun
from bot.core.clock import to_epoch
from bot.core.errors import NotAllowed
from bot.core.notify import Ref
from bot.people.directory import Actor
from domain.activities import EventKind as ActivityEvent
from domain.activities import InvitationSource, Kind, Response
from storage.activities import invitations as activity_invitations
from storage.activities import records as activities
from storage.core import audit

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


class Closed(Exception):
    """The activity was cancelled or has begun: answers and changes are over."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # "cancelled" | "begun"


def _require_open(runtime: Runtime, loaded: Loaded) -> None:
    if loaded.activity.cancelled:
        raise Closed("cancelled")
    if has_begun(loaded.activity.starts_at, runtime.now()):
        raise Closed("begun")


async def open_for_change(runtime: Runtime, actor: Actor, activity_id: int) -> Loaded:
    """The activity ``actor`` manages, before they are asked for its new time or place:
    raises :class:`Closed` once it is cancelled or has begun (and NotAllowed, NotFound)."""
    loaded = await load_managed(runtime.db, actor, activity_id)
    _require_open(runtime, loaded)
    return loaded


@dataclass(frozen=True)
class Answered:
    loaded: Loaded
    response: Response


async def rsvp(runtime: Runtime, actor: Actor, activity_id: int, going: bool) -> Answered:
    """Record "Hadir" / "Tidak bisa". Invited people may answer; anyone may answer a public
    forum (they join its list). The organisers' cards follow in the same transaction."""
    response = Response.YES if going else Response.NO
    async with runtime.db.transaction() as tx:
        loaded = await load(tx, activity_id)
        _require_open(runtime, loaded)
        invitation = await activity_invitations.get(tx, activity_id, actor.telegram_id)
        if invitation is None:
            activity = loaded.activity
            if not (activity.public and activity.kind == Kind.FORUM):
                raise NotAllowed(f"rsvp {activity_id}")
            await activity_invitations.invite(
                tx,
                activity_id,
                [actor.telegram_id],
                runtime.now(),
                source=InvitationSource.SELF,
            )
        if await activity_invitations.respond(
            tx, activity_id, actor.telegram_id, response, runtime.now()
        ):
            await activities.add_event(
                tx,
                activity_id,
                runtime.now(),
                actor.telegram_id,
                ActivityEvent.RSVP,
                response=response,
            )
            await refresh_cards(runtime, tx, activity_id)
    return Answered(loaded, response)


async def move(runtime: Runtime, actor: Actor, activity_id: int, when: datetime) -> Loaded:
    """A new start time (read from what the organiser typed, as in the creation flow):
    everyone invited is told, and the reminders are planned afresh for the new time.
    Raises InputError when it is the current time."""
    loaded = await load_managed(runtime.db, actor, activity_id)
    _require_open(runtime, loaded)
    starts_at = to_epoch(when)
    if starts_at == loaded.activity.starts_at:
        raise InputError("when.same")
    async with runtime.db.transaction() as tx:
        before = await load_managed(tx, actor, activity_id)
        _require_open(runtime, before)
        await activities.move(tx, activity_id, starts_at, runtime.now())
        after = await load(tx, activity_id)
        await plan(runtime, tx, activity_id)
        await activities.add_event(
            tx,
            activity_id,
            runtime.now(),
            actor.telegram_id,
            ActivityEvent.MOVED,
            old=before.activity.starts_at,
            new=starts_at,
        )
        draw = renderer(runtime)

        def render(language: str) -> tuple[Any, Any]:
            return (
                draw.moved(
                    language,
                    after.activity,
                    after.units,
                    after.organiser,
                    before.activity.starts_at,
                ),
                kb.rsvp(language, activity_id, acb.VIEW_INVITATION),
            )

        await _tell_everyone(runtime, tx, activity_id, render)
    return after


async def relocate(runtime: Runtime, actor: Actor, activity_id: int, text: str) -> Loaded:
    """A new place or link: everyone invited is told."""
    loaded = await load_managed(runtime.db, actor, activity_id)
    _require_open(runtime, loaded)
    place = clean_place(text)
    if place == loaded.activity.place:
        raise InputError("place.same")
    async with runtime.db.transaction() as tx:
        before = await load_managed(tx, actor, activity_id)
        _require_open(runtime, before)
        await activities.set_place(tx, activity_id, place, runtime.now())
        after = await load(tx, activity_id)
        await activities.add_event(
            tx,
            activity_id,
            runtime.now(),
            actor.telegram_id,
            ActivityEvent.RELOCATED,
            old=before.activity.place,
            new=place,
        )
        draw = renderer(runtime)

        def render(language: str) -> tuple[Any, Any]:
            return (
                draw.relocated(
                    language, after.activity, after.units, after.organiser, before.activity.place
                ),
                None,
            )

        await _tell_everyone(runtime, tx, activity_id, render)
    return after


async def cancel(runtime: Runtime, actor: Actor, activity_id: int) -> Loaded:
    """Cancel: everyone invited is told, pending reminders and the checklist are dropped."""
    async with runtime.db.transaction() as tx:
        loaded = await load_managed(tx, actor, activity_id)
        _require_open(runtime, loaded)
        await activities.cancel(tx, activity_id, runtime.now())
        after = await load(tx, activity_id)
        await plan(runtime, tx, activity_id)
        await activities.add_event(
            tx, activity_id, runtime.now(), actor.telegram_id, ActivityEvent.CANCELLED
        )
        draw = renderer(runtime)
        await _tell_everyone(
            runtime,
            tx,
            activity_id,
            lambda language: (draw.cancelled(language, after.activity), None),
        )
    return after


async def _tell_everyone(runtime: Runtime, tx: Any, activity_id: int, render: Any) -> int:
    invited = await activity_invitations.everyone_invited(tx, activity_id)
    sent = await broadcast(runtime, tx, invited, render, ref=Ref(INVITATION, activity_id))
    await refresh_cards(runtime, tx, activity_id)
    return sent


async def toggle_subscription(runtime: Runtime, actor: Actor) -> bool:
    """ "Beri tahu saya forum berikutnya": on or off; returns the new state."""
    async with runtime.db.transaction() as tx:
        subscribed = not await activity_invitations.is_subscribed(tx, actor.telegram_id)
        await activity_invitations.set_subscribed(tx, actor.telegram_id, subscribed, runtime.now())
        await audit.record(
            tx,
            runtime.now(),
            actor.telegram_id,
            "forum.subscribe" if subscribed else "forum.unsubscribe",
            "person",
            actor.telegram_id,
        )
    return subscribed
