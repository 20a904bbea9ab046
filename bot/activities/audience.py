"""Invitations follow membership.

An activity invites its audience when it is saved. Someone who joins the staff later (an
invitation link accepted), or moves to another unit, is invited to every activity not yet
begun whose audience now covers them; someone whose role is revoked, or who left the unit,
loses the invitations the audience gave them. This runs as a ``membership_hooks`` entry in
the transaction that changed the role, so the change and its invitations commit together.

Reminders need nothing more: their recipients are read from the invitations when they
fire, so a late invitee gets the reminders still ahead and a withdrawn one gets none.
Activities that have begun keep their invitations (attendance is taken from them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.activities.common import broadcast, refresh_cards, renderer, send_invitations
from bot.activities.rules import audience_covers
from bot.core.catalog import Markup, join, t
from domain.activities import EventKind as ActivityEvent
from storage.activities import invitations as activity_invitations
from storage.activities import records as activities
from storage.activities.invitations import STAFF_ROLES
from storage.activities.records import Activity
from storage.core.db import Tx
from storage.people import directory as people
from storage.people.directory import Person

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


async def follow_membership(runtime: Runtime, tx: Tx, person_id: int) -> None:
    """Invite ``person_id`` where the audience now covers them, withdraw where it no
    longer does; each change is an event on the activity and updates its live cards."""
    person = await people.get(tx, person_id)
    if person is None:
        return
    subscribed = await activity_invitations.is_subscribed(tx, person_id)
    reachable = person.reachable and person.started_at is not None
    withdrawn: list[Activity] = []
    for activity in await activities.not_begun(tx, runtime.now()):
        if activity.organiser_id == person_id:
            continue
        covered = audience_covers(
            all_staff=activity.all_staff,
            units=await activities.units_of(tx, activity.id),
            public=activity.public,
            is_staff=person.role in STAFF_ROLES,
            unit_code=person.unit_code,
            subscribed=subscribed,
        )
        invitation = await activity_invitations.get(tx, activity.id, person_id)
        if covered and invitation is None and reachable:
            await _invite(runtime, tx, activity, person)
        elif (
            not covered
            and invitation is not None
            and await activity_invitations.withdraw(tx, activity.id, person_id)
        ):
            await activities.add_event(
                tx,
                activity.id,
                runtime.now(),
                None,
                ActivityEvent.INVITATION_WITHDRAWN,
                person=person_id,
                role=person.role,
                unit=person.unit_code,
                response=invitation.response,
            )
            await refresh_cards(runtime, tx, activity.id)
            withdrawn.append(activity)
    if withdrawn:
        await _tell_withdrawn(runtime, tx, person_id, withdrawn)


async def _invite(runtime: Runtime, tx: Tx, activity: Activity, person: Person) -> None:
    await activity_invitations.invite(tx, activity.id, [person.telegram_id], runtime.now())
    await send_invitations(runtime, tx, activity.id, [person.telegram_id])
    await activities.add_event(
        tx,
        activity.id,
        runtime.now(),
        None,
        ActivityEvent.INVITED_LATE,
        person=person.telegram_id,
        role=person.role,
        unit=person.unit_code,
    )
    await refresh_cards(runtime, tx, activity.id)


async def _tell_withdrawn(
    runtime: Runtime, tx: Tx, person_id: int, withdrawn: list[Activity]
) -> None:
    """One message listing the invitations taken back (their reminders stop)."""
    draw = renderer(runtime)

    def render(language: str) -> tuple[Markup, None]:
        lines = [t(language, "actcor.withdrawn")]
        lines += [
            t(
                language,
                "actcor.withdrawn_line",
                kind=draw.kind(language, a.kind),
                title=a.title,
                when=draw.short_when(language, a.starts_at),
            )
            for a in withdrawn
        ]
        return join(lines), None

    await broadcast(runtime, tx, [person_id], render)
