"""The attendance checklist after an activity: toggles, then "Simpan", which records who
came and credits a training's JP to each attendee for the year of the training."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from telegram import InlineKeyboardMarkup

from bot.activities import keyboards as kb
from bot.activities.common import Loaded, broadcast, load_managed, renderer
from bot.activities.rules import local_year
from bot.core.catalog import Markup, t
from bot.core.errors import NotAllowed
from bot.people.directory import Actor
from domain.activities import EventKind as ActivityEvent
from domain.activities import Kind
from storage.activities import invitations as activity_invitations
from storage.activities import jp
from storage.activities import records as activities
from storage.activities.invitations import Invitation
from storage.core.db import Reader, Tx

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


class AlreadySaved(Exception):
    """Attendance was saved before; it is final."""


class NotEnded(Exception):
    """The checklist opens when the activity has ended."""


@dataclass(frozen=True)
class Checklist:
    loaded: Loaded
    invited: list[Invitation]


async def _open_checklist(runtime: Runtime, db: Reader, actor: Actor, activity_id: int) -> Loaded:
    loaded = await load_managed(db, actor, activity_id)
    if loaded.activity.cancelled:
        raise NotAllowed(f"cancelled activity {activity_id}")
    if runtime.now() < loaded.activity.ends_at:
        raise NotEnded(activity_id)
    if loaded.activity.attendance_saved_at is not None:
        raise AlreadySaved(activity_id)
    return loaded


#: Checks that the actor may open an activity's checklist now; raises otherwise.
Opener = Callable[["Runtime", Reader, Actor, int], Awaitable[Loaded]]


async def view(
    runtime: Runtime, actor: Actor, activity_id: int, opener: Opener = _open_checklist
) -> Checklist:
    loaded = await opener(runtime, runtime.db, actor, activity_id)
    return Checklist(loaded, await activity_invitations.of_activity(runtime.db, activity_id))


async def toggle(
    runtime: Runtime,
    actor: Actor,
    activity_id: int,
    person_id: int,
    opener: Opener = _open_checklist,
) -> Checklist:
    """Tick or untick one person (a draft until saved; not an event yet). The first
    checklist and a correction share this; ``opener`` says which rules apply."""
    async with runtime.db.transaction() as tx:
        loaded = await opener(runtime, tx, actor, activity_id)
        if not await activity_invitations.toggle(tx, activity_id, person_id):
            raise NotAllowed(f"person {person_id} not invited to {activity_id}")
        invited = await activity_invitations.of_activity(tx, activity_id)
    return Checklist(loaded, invited)


@dataclass(frozen=True)
class Saved:
    loaded: Loaded
    attended: int
    invited: int


async def save(runtime: Runtime, actor: Actor, activity_id: int) -> Saved:
    """Record attendance once; trainings credit their JP to each attendee, who is told."""
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        loaded = await _open_checklist(runtime, tx, actor, activity_id)
        if not await activities.mark_attendance_saved(tx, activity_id, now):
            raise AlreadySaved(activity_id)
        attended = await activity_invitations.save_attendance(tx, activity_id)
        invited = await activity_invitations.counts(tx, activity_id)
        activity = loaded.activity
        await activities.add_event(
            tx,
            activity_id,
            now,
            actor.telegram_id,
            ActivityEvent.ATTENDANCE,
            attended=len(attended),
            invited=invited.invited,
        )
        if activity.kind == Kind.PELATIHAN and activity.jp > 0 and attended:
            year = local_year(activity.starts_at, runtime.settings.zone)
            await jp.credit(tx, activity_id, attended, year, activity.jp, now)
            await _tell_attendees(runtime, tx, loaded, attended, year)
    return Saved(loaded, len(attended), invited.invited)


async def _tell_attendees(
    runtime: Runtime, tx: Tx, loaded: Loaded, attended: list[int], year: int
) -> None:
    target = runtime.office.training.jp_target
    for person_id in attended:
        total = await jp.total(tx, person_id, year)

        def render(language: str, total: int = total) -> tuple[Markup, None]:
            activity = loaded.activity
            return t(
                language,
                "att.credited",
                title=activity.title,
                jp=activity.jp,
                total=total,
                target=target,
                year=year,
            ), None

        await broadcast(runtime, tx, [person_id], render)


def checklist_message(
    runtime: Runtime, language: str, checklist: Checklist, page: int
) -> tuple[Markup, InlineKeyboardMarkup]:
    """The checklist message at ``page`` (text with the ticked count, toggles, "Simpan")."""
    pages = kb.checklist_pages(len(checklist.invited))
    page = min(max(page, 0), pages - 1)
    text = renderer(runtime).checklist(
        language, checklist.loaded.activity, checklist.invited, page, pages
    )
    return text, kb.checklist(language, checklist.loaded.activity.id, checklist.invited, page)
