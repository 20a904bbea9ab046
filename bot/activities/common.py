"""Pieces every activity service uses: rights, loading an activity with what its texts
need, sending one text to many people in their languages, keeping /kegiatan cards live."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.activities import callbacks as acb
from bot.activities import keyboards as kb
from bot.activities.render import ActivityRenderer
from bot.core import notify
from bot.core.catalog import Markup
from bot.core.errors import NotAllowed, NotFound
from bot.core.notify import Ref, ReplyMarkup
from bot.people.directory import Actor, actor_of
from bot.people.roles import Role
from storage.activities import invitations as activity_invitations
from storage.activities import records as activities
from storage.activities.records import CARD, Activity
from storage.core.db import Reader, Tx
from storage.core.outbox import PRIORITY_BULK
from storage.people import directory as people

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

INVITATION = "activity_invite"
CHECKLIST = "activity_checklist"


def renderer(runtime: Runtime) -> ActivityRenderer:
    return ActivityRenderer(runtime.office, runtime.settings.zone)


def manages(actor: Actor, activity: Activity) -> bool:
    """The organiser and supervisors (and admins) manage an activity."""
    return actor.telegram_id == activity.organiser_id or actor.role in (Role.SUPERVISOR, Role.ADMIN)


@dataclass(frozen=True)
class Loaded:
    """An activity with what its texts need."""

    activity: Activity
    units: list[str]
    organiser: str


async def load(db: Reader, activity_id: int) -> Loaded:
    activity = await activities.get(db, activity_id)
    if activity is None:
        raise NotFound(activity_id)
    organiser = await people.get(db, activity.organiser_id)
    return Loaded(
        activity,
        await activities.units_of(db, activity_id),
        organiser.full_name if organiser else "?",
    )


async def load_managed(db: Reader, actor: Actor, activity_id: int) -> Loaded:
    loaded = await load(db, activity_id)
    if not manages(actor, loaded.activity):
        raise NotAllowed(f"activity {activity_id}")
    return loaded


Render = Callable[[str], tuple[Markup, ReplyMarkup]]


async def broadcast(
    runtime: Runtime,
    tx: Tx,
    person_ids: Iterable[int],
    render: Render,
    *,
    ref: Ref | None = None,
    priority: int = PRIORITY_BULK,
) -> int:
    """Queue one text for many people, each in their language (rendered once per
    language); people the bot cannot reach are skipped. Returns how many were queued."""
    rendered: dict[str, tuple[Markup, ReplyMarkup]] = {}
    now = runtime.now()
    queued = 0
    for person_id in dict.fromkeys(person_ids):
        person = await people.get(tx, person_id)
        if person is None or not person.reachable or person.started_at is None:
            continue
        if person.language not in rendered:
            rendered[person.language] = render(person.language)
        text, markup = rendered[person.language]
        await notify.send_text(tx, person_id, text, now, markup=markup, priority=priority, ref=ref)
        queued += 1
    return queued


async def send_invitations(
    runtime: Runtime, tx: Tx, activity_id: int, person_ids: Iterable[int]
) -> int:
    """Queue the invitation with "Hadir" / "Tidak bisa" for each person; returns how many
    were queued (people the bot cannot reach are skipped)."""
    loaded = await load(tx, activity_id)
    draw = renderer(runtime)

    def render(language: str) -> tuple[Markup, ReplyMarkup]:
        return (
            draw.invitation(language, loaded.activity, loaded.units, loaded.organiser),
            kb.rsvp(language, activity_id, acb.VIEW_INVITATION),
        )

    return await broadcast(runtime, tx, person_ids, render, ref=Ref(INVITATION, activity_id))


async def card_view(
    runtime: Runtime, db: Reader, loaded: Loaded, viewer: Actor
) -> tuple[Markup, ReplyMarkup]:
    """The /kegiatan card of an activity as ``viewer`` sees it."""
    activity = loaded.activity
    invitation = await activity_invitations.get(db, activity.id, viewer.telegram_id)
    counts = await activity_invitations.counts(db, activity.id)
    language = viewer.language
    text = renderer(runtime).card(
        language,
        activity,
        loaded.units,
        loaded.organiser,
        counts,
        invitation.response if invitation else None,
        runtime.now(),
    )
    open_ = not activity.cancelled and runtime.now() < activity.starts_at
    markup = (
        kb.card(
            language,
            activity.id,
            manager=open_ and manages(viewer, activity),
            invited=open_ and invitation is not None,
        )
        if open_
        else None
    )
    return text, markup


async def refresh_cards(runtime: Runtime, tx: Tx, activity_id: int) -> None:
    """Edit every /kegiatan card of this activity (answer counts, time, place, status);
    an older edit still waiting is replaced, so bursts cost one edit per card."""
    loaded = await load(tx, activity_id)
    for chat_id in await activities.card_chats(tx, activity_id):
        person = await people.get(tx, chat_id)
        if person is None or not person.reachable:
            continue
        text, markup = await card_view(runtime, tx, loaded, actor_of(runtime, person))
        await activities.drop_pending_edits(tx, chat_id, CARD, activity_id)
        await notify.edit_text(
            tx,
            chat_id,
            Ref(CARD, activity_id),
            text,
            runtime.now(),
            markup=markup,
            priority=PRIORITY_BULK,
        )
