"""Reading activities for people: /kegiatan, /forum, "Peserta"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.activities.common import Loaded, load, load_managed
from bot.people.directory import Actor
from bot.people.roles import Role
from domain.activities import Kind
from storage.activities import invitations as activity_invitations
from storage.activities import records as activities
from storage.activities.invitations import Counts, Invitation
from storage.activities.records import CARD
from storage.core import outbox

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

LIST_LIMIT = 10


async def upcoming_for(runtime: Runtime, actor: Actor) -> list[Loaded]:
    """Supervisors and admins see every upcoming activity; others those they organise or
    are invited to."""
    now = runtime.now()
    if actor.role in (Role.SUPERVISOR, Role.ADMIN):
        found = await activities.upcoming(runtime.db, now, limit=LIST_LIMIT)
    else:
        found = await activities.upcoming_for(runtime.db, actor.telegram_id, now, limit=LIST_LIMIT)
    return [await load(runtime.db, a.id) for a in found]


async def public_forums(runtime: Runtime) -> list[Loaded]:
    found = await activities.upcoming(
        runtime.db, runtime.now(), kind=Kind.FORUM, public=True, limit=LIST_LIMIT
    )
    return [await load(runtime.db, a.id) for a in found]


async def response_of(runtime: Runtime, actor: Actor, activity_id: int) -> str | None:
    invitation = await activity_invitations.get(runtime.db, activity_id, actor.telegram_id)
    return invitation.response if invitation else None


async def remember_card(runtime: Runtime, chat_id: int, message_id: int, activity_id: int) -> None:
    """A /kegiatan card was sent: remember it so answers and changes keep it live."""
    async with runtime.db.transaction() as tx:
        await outbox.remember_message(tx, chat_id, message_id, CARD, activity_id, runtime.now())


@dataclass(frozen=True)
class People:
    loaded: Loaded
    invited: list[Invitation]
    counts: Counts


async def participants(runtime: Runtime, actor: Actor, activity_id: int) -> People:
    """Who is invited and what they answered: for the organiser and supervisors only."""
    loaded = await load_managed(runtime.db, actor, activity_id)
    return People(
        loaded,
        await activity_invitations.of_activity(runtime.db, activity_id),
        await activity_invitations.counts(runtime.db, activity_id),
    )


async def is_subscribed(runtime: Runtime, actor: Actor) -> bool:
    return await activity_invitations.is_subscribed(runtime.db, actor.telegram_id)
