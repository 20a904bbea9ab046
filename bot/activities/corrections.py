"""Correcting attendance after "Simpan", and the list of recently finished activities
(``/kegiatan selesai``) from which the checklist is reopened with "Presensi".

Organisers make mistakes and paper lists arrive late, so saved attendance may be corrected
by the organiser and supervisors for ``[training] attendance_correction_days`` (30) after
the end (:func:`bot.activity_rules.can_correct`). Reopening shows the checklist as saved;
"Simpan koreksi" applies the difference in one transaction: attendance, the training's JP
(credited to or taken back from each person changed, in the training's year), one event
per person added or removed, and a notice to each person whose JP changed. An activity
whose attendance was never saved simply reopens its first checklist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from telegram import InlineKeyboardMarkup

from bot.activities import attendance
from bot.activities import keyboards as kb
from bot.activities.attendance import Checklist
from bot.activities.common import Loaded, broadcast, load, load_managed, renderer
from bot.activities.rules import can_correct, correction_deadline, local_year
from bot.core.catalog import Markup, t
from bot.core.errors import NotAllowed
from bot.people.directory import Actor
from bot.people.roles import Role
from domain.activities import EventKind as ActivityEvent
from domain.activities import Kind
from storage.activities import invitations as activity_invitations
from storage.activities import jp
from storage.activities import records as activities
from storage.activities.invitations import Counts
from storage.activities.records import Activity
from storage.core.db import Reader, Tx

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

LIST_LIMIT = 10
DAY = 86400


class CorrectionClosed(Exception):
    """Saved attendance can no longer be corrected (the window is over), or there is no
    saved attendance to correct."""

    def __init__(self, reason: str, deadline: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason  # "expired" | "not_saved"
        self.deadline = deadline


def deadline_of(runtime: Runtime, activity: Activity) -> int:
    return correction_deadline(activity.ends_at, runtime.office.training.attendance_correction_days)


# --- /kegiatan selesai -------------------------------------------------------------------


@dataclass(frozen=True)
class Finished:
    loaded: Loaded
    counts: Counts
    deadline: int


async def finished_for(runtime: Runtime, actor: Actor) -> list[Finished]:
    """Activities that ended within the correction window and that ``actor`` manages
    (their own; supervisors and admins: all), latest first."""
    now = runtime.now()
    since = now - runtime.office.training.attendance_correction_days * DAY
    everyone = actor.role in (Role.SUPERVISOR, Role.ADMIN)
    found = await activities.finished(
        runtime.db,
        now,
        since,
        limit=LIST_LIMIT,
        organiser_id=None if everyone else actor.telegram_id,
    )
    return [
        Finished(
            await load(runtime.db, a.id),
            await activity_invitations.counts(runtime.db, a.id),
            deadline_of(runtime, a),
        )
        for a in found
    ]


# --- the correction checklist ------------------------------------------------------------


async def _open(runtime: Runtime, db: Reader, actor: Actor, activity_id: int) -> Loaded:
    loaded = await load_managed(db, actor, activity_id)
    activity = loaded.activity
    if activity.cancelled:
        raise NotAllowed(f"cancelled activity {activity_id}")
    if activity.attendance_saved_at is None:
        raise CorrectionClosed("not_saved")
    days = runtime.office.training.attendance_correction_days
    if not can_correct(activity.ends_at, runtime.now(), days):
        raise CorrectionClosed("expired", deadline_of(runtime, activity))
    return loaded


@dataclass(frozen=True)
class Reopened:
    checklist: Checklist
    correcting: bool


async def reopen(runtime: Runtime, actor: Actor, activity_id: int) -> Reopened:
    """ "Presensi": the saved attendance as a checklist to correct, or the first checklist
    when attendance was never saved."""
    loaded = await load_managed(runtime.db, actor, activity_id)
    if loaded.activity.attendance_saved_at is None:
        return Reopened(await attendance.view(runtime, actor, activity_id), False)
    async with runtime.db.transaction() as tx:
        loaded = await _open(runtime, tx, actor, activity_id)
        await activity_invitations.reset_checklist(tx, activity_id)
        invited = await activity_invitations.of_activity(tx, activity_id)
    return Reopened(Checklist(loaded, invited), True)


async def view(runtime: Runtime, actor: Actor, activity_id: int) -> Checklist:
    return await attendance.view(runtime, actor, activity_id, _open)


async def toggle(runtime: Runtime, actor: Actor, activity_id: int, person_id: int) -> Checklist:
    """Tick or untick one person (a draft until "Simpan koreksi")."""
    return await attendance.toggle(runtime, actor, activity_id, person_id, _open)


@dataclass(frozen=True)
class Corrected:
    loaded: Loaded
    added: list[str]
    removed: list[str]
    attended: int
    invited: int


async def save(runtime: Runtime, actor: Actor, activity_id: int) -> Corrected:
    """Apply the checklist to the saved attendance; see the module docstring."""
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        loaded = await _open(runtime, tx, actor, activity_id)
        added, removed = await activity_invitations.attendance_changes(tx, activity_id)
        names = {
            i.person_id: i.name for i in await activity_invitations.of_activity(tx, activity_id)
        }
        if added or removed:
            await activity_invitations.save_attendance(tx, activity_id)
            for kind, changed in (
                (ActivityEvent.ATTENDANCE_ADDED, added),
                (ActivityEvent.ATTENDANCE_REMOVED, removed),
            ):
                for person_id in changed:
                    await activities.add_event(
                        tx, activity_id, now, actor.telegram_id, kind, person=person_id
                    )
            await _move_jp(runtime, tx, loaded, added, removed)
            if actor.telegram_id != loaded.activity.organiser_id:
                await _tell_organiser(
                    runtime,
                    tx,
                    loaded,
                    actor,
                    [names[p] for p in added],
                    [names[p] for p in removed],
                )
        counts = await activity_invitations.counts(tx, activity_id)
    return Corrected(
        loaded,
        [names[p] for p in added],
        [names[p] for p in removed],
        counts.attended,
        counts.invited,
    )


async def _move_jp(
    runtime: Runtime, tx: Tx, loaded: Loaded, added: list[int], removed: list[int]
) -> None:
    """A training's JP follow the corrected attendance; each person changed is told."""
    activity = loaded.activity
    if activity.kind != Kind.PELATIHAN or activity.jp <= 0:
        return
    year = local_year(activity.starts_at, runtime.settings.zone)
    await jp.credit(tx, activity.id, added, year, activity.jp, runtime.now())
    await jp.uncredit(tx, activity.id, removed)
    draw = renderer(runtime)
    target = runtime.office.training.jp_target
    for key, changed in (("actcor.jp_added", added), ("actcor.jp_removed", removed)):
        for person_id in changed:
            total = await jp.total(tx, person_id, year)

            def render(language: str, key: str = key, total: int = total) -> tuple[Markup, None]:
                return t(
                    language,
                    key,
                    title=activity.title,
                    jp=activity.jp,
                    total=total,
                    target=target,
                    year=year,
                    organiser=loaded.organiser,
                    when=draw.short_when(language, activity.starts_at),
                ), None

            await broadcast(runtime, tx, [person_id], render)


async def _tell_organiser(
    runtime: Runtime, tx: Tx, loaded: Loaded, actor: Actor, added: list[str], removed: list[str]
) -> None:
    """A supervisor corrected someone else's activity: its organiser hears what changed."""
    await broadcast(
        runtime,
        tx,
        [loaded.activity.organiser_id],
        lambda language: (
            t(
                language,
                "actcor.organiser_told",
                name=actor.name,
                title=loaded.activity.title,
                added=", ".join(added) or "—",
                removed=", ".join(removed) or "—",
            ),
            None,
        ),
    )


def correction_message(
    runtime: Runtime, language: str, checklist: Checklist, page: int
) -> tuple[Markup, InlineKeyboardMarkup]:
    """The correction checklist at ``page``: as the first checklist, with its deadline."""
    pages = kb.checklist_pages(len(checklist.invited))
    page = min(max(page, 0), pages - 1)
    activity = checklist.loaded.activity
    text = renderer(runtime).correction(
        language, activity, checklist.invited, page, pages, deadline_of(runtime, activity)
    )
    return text, kb.checklist(language, activity.id, checklist.invited, page, correcting=True)
