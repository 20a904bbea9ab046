"""Posting and keeping up to date the alerts staff act on.

A complaint's alert goes to its unit's group. When the unit has no group (never bound, or
the bot was removed from it), or the complaint is about an officer's conduct, the
supervisors get it in their private chats; when no supervisor can be written to, the
admins (``ADMIN_IDS`` or invited) do, so an alert never goes to nobody. Every copy is
remembered (``complaint_alerts``) so that each later change edits all of them, and a
complaint whose copies nobody can read any more is alerted again to whoever would get it
now. All of it is queued in the caller's transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.complaints.render import Renderer, ReporterView
from bot.complaints.rules import Status, can_act
from bot.core import notify
from bot.core.catalog import Markup, t
from bot.core.notify import Ref
from bot.people.roles import Role, effective_role
from domain.complaints import AttachmentKind
from storage.complaints import records as complaints
from storage.complaints.records import Complaint
from storage.core import outbox
from storage.core.db import Reader, Tx
from storage.core.outbox import PRIORITY_URGENT
from storage.people import directory as people
from storage.people import groups as unit_chats
from storage.people.directory import Person
from storage.people.groups import UnitChat

if TYPE_CHECKING:
    from telegram import InlineKeyboardMarkup

    from bot.core.runtime import Runtime

ALERT = "complaint_alert"
TOPIC = "complaint_topic"
MESSAGE = "complaint_msg"  # other bot messages about a complaint in staff chats
CITIZEN = "complaint_citizen"  # messages to the reporter; their replies relay to staff
#: The Bot API method (and its file field) that sends an attachment of each kind by file_id.
SEND_FILE: dict[AttachmentKind, tuple[str, str]] = {
    AttachmentKind.PHOTO: ("sendPhoto", "photo"),
    AttachmentKind.DOCUMENT: ("sendDocument", "document"),
    AttachmentKind.VOICE: ("sendVoice", "voice"),
    AttachmentKind.VIDEO: ("sendVideo", "video"),
}


def renderer(runtime: Runtime) -> Renderer:
    return Renderer(runtime.office, runtime.calendar)


async def supervisors(runtime: Runtime, db: Reader) -> list[Person]:
    """Who gets what is addressed to "the supervisors" (alerts of units without a group,
    escalations, low ratings, digests): the supervisors the bot can write to; when there
    is none, the admins, whether invited or in ``ADMIN_IDS`` (those are admins even if
    never stored with that role). Empty only when nobody can be written to."""
    return await _supervisors(db, runtime.settings.admin_ids)


async def _supervisors(db: Reader, admin_ids: frozenset[int]) -> list[Person]:
    found = await people.receivers(db, (Role.SUPERVISOR,))
    return found or await people.receivers(db, (Role.ADMIN,), admin_ids)


@dataclass(frozen=True)
class Coverage:
    """Where the units' alerts go now: to their bound group, or to ``receivers``."""

    groups: dict[str, UnitChat]  # unit code -> its bound group
    receivers: list[Person]  # who gets the alerts of the units without a group

    def uncovered(self, unit_codes: list[str]) -> list[str]:
        """Units whose alerts would reach nobody: no group, and nobody to fall back to."""
        return [] if self.receivers else [c for c in unit_codes if c not in self.groups]


async def coverage(db: Reader, admin_ids: frozenset[int]) -> Coverage:
    """Say it before it happens (at start, /pengguna, ``marelan-bot check-config``). Takes
    a plain reader and the admin ids so that the CLI can ask without a running bot."""
    groups = {chat.unit_code: chat for chat in await unit_chats.all_bound(db)}
    return Coverage(groups, await _supervisors(db, admin_ids))


def entitled(runtime: Runtime, candidates: list[Person], complaint: Complaint) -> list[Person]:
    """Those of ``candidates`` who may be told about the complaint: the rule of who may see
    it (:func:`bot.complaint_access.can_act`), so nobody of the unit a conduct complaint
    is about hears of it, whichever step tells them. ``ADMIN_IDS`` people are admins even
    when stored as citizens (the supervisors' fallback on a fresh office)."""
    admin_ids = runtime.settings.admin_ids
    return [
        p
        for p in candidates
        if can_act(effective_role(p.role, p.telegram_id, admin_ids), p.unit_code, complaint)
    ]


async def escalation_recipients(runtime: Runtime, tx: Tx, complaint: Complaint) -> list[int]:
    """The head of the handling unit and the supervisors (escalations, reopening, low
    ratings), the configured admins when none of them may be told."""
    heads = await people.with_roles(tx, (Role.KEPALA,), complaint.unit_code)
    chiefs = await supervisors(runtime, tx)
    ids = [p.telegram_id for p in entitled(runtime, heads + chiefs, complaint)]
    if not ids:
        ids = sorted(runtime.settings.admin_ids)
    return list(dict.fromkeys(ids))


async def reporter_view(db: Reader, complaint: Complaint) -> ReporterView:
    if complaint.confidential:
        return ReporterView(None)
    person = await people.get(db, complaint.reporter_id)
    return ReporterView.of(
        complaint, person.full_name if person else "?", person.username if person else None
    )


async def chat_language(runtime: Runtime, tx: Tx, chat_id: int) -> str:
    if chat_id < 0:
        return runtime.settings.default_language
    return await notify.language_of(tx, chat_id, runtime.settings.default_language)


async def _render(
    runtime: Runtime,
    tx: Tx,
    complaint: Complaint,
    chat_id: int,
    *,
    moved_to: str | None = None,
    moved_from: tuple[str, str] | None = None,
) -> tuple[Markup, InlineKeyboardMarkup | None]:
    """The alert in this chat's language; an alert of a complaint that moved away (to
    ``moved_to``) keeps no buttons."""
    language = await chat_language(runtime, tx, chat_id)
    assignee = await people.get(tx, complaint.assignee_id) if complaint.assignee_id else None
    files = len(await complaints.attachments(tx, complaint.id))
    unbound = chat_id > 0 and await unit_chats.for_unit(tx, complaint.unit_code) is None
    draw = renderer(runtime)
    text = draw.alert(
        language,
        complaint,
        await reporter_view(tx, complaint),
        assignee=assignee.full_name if assignee else None,
        files=files,
        unbound_warning=unbound and complaint.named_unit_code is None,
        moved_to=moved_to,
        moved_from=moved_from,
    )
    keyboard = None if moved_to else draw.alert_keyboard(language, complaint)
    return text, keyboard


@dataclass(frozen=True)
class Target:
    """A chat that should hold a complaint's alert."""

    chat_id: int
    unit_code: str | None  # the unit whose group it is; None for a person's private chat
    forum: bool = False


async def alert_targets(runtime: Runtime, db: Reader, complaint: Complaint) -> list[Target]:
    """Who should hold the alert now: the unit's group, unless the complaint is about that
    unit's officers; the supervisors when the unit has no group, and for every complaint
    about an officer's conduct."""
    unit_chat = await unit_chats.for_unit(db, complaint.unit_code)
    unit_may_see = complaint.unit_code != complaint.named_unit_code
    targets = []
    if unit_chat is not None and unit_may_see:
        targets.append(Target(unit_chat.chat_id, complaint.unit_code, unit_chat.is_forum))
    if unit_chat is None or not unit_may_see or complaint.named_unit_code is not None:
        chiefs = entitled(runtime, await supervisors(runtime, db), complaint)
        targets += [Target(p.telegram_id, None) for p in chiefs]
    return targets


async def post_alerts(
    runtime: Runtime, tx: Tx, complaint: Complaint, moved_from: tuple[str, str] | None = None
) -> None:
    """Alert the handling unit (or the supervisors) about a new or moved complaint."""
    for target in await alert_targets(runtime, tx, complaint):
        await post_alert_to(
            runtime,
            tx,
            complaint,
            target.chat_id,
            target.unit_code,
            forum=target.forum,
            moved_from=moved_from,
        )


async def live_holders(runtime: Runtime, tx: Tx, complaint: Complaint) -> list[int]:
    """The chats holding a copy of the alert that can still be written to; when there is
    none (the alert went to nobody, or its readers blocked the bot or removed it from
    their group), the alert is first posted to whoever should hold it now, so that what
    follows is read by someone, with the complaint it is about above it."""
    holders = await complaints.live_alert_chats(tx, complaint.id)
    if holders or complaint.status == Status.DITUTUP:
        return holders
    await fill_in(runtime, tx, complaint)
    return await complaints.live_alert_chats(tx, complaint.id)


async def fill_in(runtime: Runtime, tx: Tx, complaint: Complaint) -> None:
    """Post the alert to every chat that should hold it and holds no live copy."""
    holders = set(await complaints.live_alert_chats(tx, complaint.id))
    for target in await alert_targets(runtime, tx, complaint):
        if target.chat_id not in holders:
            await post_alert_to(
                runtime, tx, complaint, target.chat_id, target.unit_code, forum=target.forum
            )


async def post_alert_to(
    runtime: Runtime,
    tx: Tx,
    complaint: Complaint,
    chat_id: int,
    unit_code: str | None,
    *,
    forum: bool = False,
    moved_from: tuple[str, str] | None = None,
) -> None:
    now = runtime.now()
    thread = None
    if forum:
        name = f"{complaint.number} · {renderer(runtime).category('id', complaint.category_code)}"
        await outbox.enqueue(
            tx,
            chat_id,
            "createForumTopic",
            {"name": name[:128]},
            now,
            priority=PRIORITY_URGENT,
            ref_kind=TOPIC,
            ref_id=complaint.id,
        )
        thread = Ref(TOPIC, complaint.id)
    text, keyboard = await _render(runtime, tx, complaint, chat_id, moved_from=moved_from)
    await notify.send_text(
        tx,
        chat_id,
        text,
        now,
        markup=keyboard,
        priority=PRIORITY_URGENT,
        ref=Ref(ALERT, complaint.id),
        thread=thread,
    )
    placement: dict[str, Any] = {"reply_to_ref": Ref(ALERT, complaint.id).as_param()}
    if thread is not None:
        placement["thread_ref"] = thread.as_param()
    language = await chat_language(runtime, tx, chat_id)
    whole = renderer(runtime).whole_description(language, complaint, text)
    if whole is not None:
        await notify.send_text(
            tx,
            chat_id,
            whole,
            now,
            priority=PRIORITY_URGENT,
            ref=Ref(MESSAGE, complaint.id),
            reply_to=Ref(ALERT, complaint.id),
            thread=thread,
        )
    await queue_evidence(runtime, tx, complaint, chat_id, placement)
    await complaints.add_alert_chat(tx, complaint.id, chat_id, unit_code)


async def queue_evidence(
    runtime: Runtime, tx: Tx, complaint: Complaint, chat_id: int, placement: dict[str, Any]
) -> None:
    """The citizen's files and location, each as its own message placed by ``placement``
    (the reply and thread parameters: under the alert, or under a /tiket card). Each
    stands for the complaint, so a reply to the photo ("is this in front of the
    school?") answers the citizen too."""
    now = runtime.now()
    files = await complaints.attachments(tx, complaint.id)
    for index, item in enumerate(files, start=1):
        method, field = SEND_FILE[item.kind]
        params = {
            field: item.file_id,
            "caption": f"{complaint.number} · {index}/{len(files)}",
            **placement,
        }
        await outbox.enqueue(
            tx,
            chat_id,
            method,
            params,
            now,
            priority=PRIORITY_URGENT,
            ref_kind=MESSAGE,
            ref_id=complaint.id,
        )
    if complaint.latitude is not None and complaint.longitude is not None:
        params = {"latitude": complaint.latitude, "longitude": complaint.longitude, **placement}
        await outbox.enqueue(
            tx,
            chat_id,
            "sendLocation",
            params,
            now,
            priority=PRIORITY_URGENT,
            ref_kind=MESSAGE,
            ref_id=complaint.id,
        )


async def refresh_alerts(
    runtime: Runtime, tx: Tx, complaint: Complaint, *, moved_to: str | None = None
) -> None:
    """Edit every live copy of the alert to show the complaint as it is now; a copy that is
    gone (deleted, or in a group that has since become a supergroup) is posted anew, so
    the staff keep a current alert with working buttons."""
    for chat_id in await complaints.alert_chats(tx, complaint.id):
        text, keyboard = await _render(runtime, tx, complaint, chat_id, moved_to=moved_to)
        await notify.edit_text(
            tx,
            chat_id,
            Ref(ALERT, complaint.id),
            text,
            runtime.now(),
            markup=keyboard,
            priority=PRIORITY_URGENT,
            repost_if_gone=True,
        )


async def tell_staff(
    runtime: Runtime, tx: Tx, complaint: Complaint, key: str, **values: object
) -> int:
    """A message about the complaint in every chat holding its alert, as a reply to it.
    Returns in how many chats it was queued (0: nobody can read it)."""
    chats = await live_holders(runtime, tx, complaint)
    for chat_id in chats:
        language = await chat_language(runtime, tx, chat_id)
        await notify.send_text(
            tx,
            chat_id,
            t(language, key, number=complaint.number, **values),
            runtime.now(),
            reply_to=Ref(ALERT, complaint.id),
            ref=Ref(MESSAGE, complaint.id),
            thread=Ref(TOPIC, complaint.id),
            priority=PRIORITY_URGENT,
        )
    return len(chats)


async def copy_to_staff(
    runtime: Runtime,
    tx: Tx,
    complaint: Complaint,
    from_chat: int,
    message_id: int,
    key: str,
    **values: object,
) -> int:
    """Relay a citizen's file without revealing who sent it (a copy, not a forward), in
    one message: the file under the caption ``key`` that says whose complaint it is.
    Returns in how many chats it was queued."""
    chats = await live_holders(runtime, tx, complaint)
    for chat_id in chats:
        language = await chat_language(runtime, tx, chat_id)
        caption = t(language, key, number=complaint.number, **values)
        await notify.copy(
            tx,
            chat_id,
            from_chat,
            message_id,
            runtime.now(),
            caption=caption,
            reply_to=Ref(ALERT, complaint.id),
            thread=Ref(TOPIC, complaint.id),
            priority=PRIORITY_URGENT,
            ref=Ref(MESSAGE, complaint.id),
        )
    return len(chats)


async def copy_to_reporter_from_unit(
    runtime: Runtime, tx: Tx, complaint: Complaint, from_chat: int, message_id: int
) -> None:
    """A staff member's photo or document, copied to the reporter (a copy shows no sender)
    under a caption signed with the unit; the reporter may reply to it like to a text."""
    reporter = await people.get(tx, complaint.reporter_id)
    if reporter is not None and not reporter.reachable:
        return
    language = reporter.language if reporter else runtime.settings.default_language
    caption = t(
        language,
        "cz.reply_file",
        number=complaint.number,
        unit=renderer(runtime).unit(language, complaint.unit_code),
    )
    await notify.copy(
        tx,
        complaint.reporter_id,
        from_chat,
        message_id,
        runtime.now(),
        caption=caption,
        ref=Ref(CITIZEN, complaint.id),
        priority=PRIORITY_URGENT,
    )


async def tell_reporter(
    runtime: Runtime,
    tx: Tx,
    complaint: Complaint,
    key: str,
    *,
    markup_for: Any = None,
    **values: object,
) -> None:
    await notify.tell(
        tx,
        complaint.reporter_id,
        key,
        runtime.now(),
        default_language=runtime.settings.default_language,
        markup_for=markup_for,
        priority=PRIORITY_URGENT,
        ref=Ref(CITIZEN, complaint.id),
        number=complaint.number,
        **values,
    )


async def alert_unit_group(runtime: Runtime, tx: Tx, unit_code: str, chat_id: int) -> None:
    """A unit just got its group: bring it every open complaint whose alert never arrived
    there. Alerts that did arrive before the bot lost the group are live again and shown
    as the complaints are now."""
    chat = await unit_chats.for_unit(tx, unit_code)
    for complaint in await complaints.open_of_unit(tx, unit_code, limit=500):
        if complaint.named_unit_code == unit_code:
            continue
        if chat_id in await complaints.alert_chats(tx, complaint.id):
            continue
        if await outbox.message_for(tx, chat_id, ALERT, complaint.id) is not None:
            await complaints.add_alert_chat(tx, complaint.id, chat_id, unit_code)
            text, keyboard = await _render(runtime, tx, complaint, chat_id)
            await notify.edit_text(
                tx,
                chat_id,
                Ref(ALERT, complaint.id),
                text,
                runtime.now(),
                markup=keyboard,
                priority=PRIORITY_URGENT,
                repost_if_gone=True,
            )
            continue
        await post_alert_to(
            runtime, tx, complaint, chat_id, unit_code, forum=bool(chat and chat.is_forum)
        )


async def unit_group_lost(runtime: Runtime, tx: Tx, unit_code: str, chat_id: int) -> None:
    """The bot can no longer write to the unit's group (removed from it): the copies there
    stop being live, and the unit's open complaints go to the supervisors, as for a unit
    that never had a group."""
    await complaints.deactivate_chat_alerts(tx, chat_id)
    for complaint in await complaints.open_of_unit(tx, unit_code, limit=500):
        await fill_in(runtime, tx, complaint)


async def alert_orphans(runtime: Runtime, tx: Tx) -> None:
    """Someone who gets alerts can be written to now (a supervisor joined, an admin started
    or unblocked the bot): open complaints whose alert reached nobody are posted to them."""
    for complaint in await complaints.open_without_live_alert(tx):
        await fill_in(runtime, tx, complaint)


async def alert_orphans_for(runtime: Runtime, tx: Tx, telegram_id: int, *_: object) -> None:
    """Return hook (and at a first /start): when the person who started the bot or came
    back after blocking it is one who gets alerts, they get the orphaned ones."""
    if any(p.telegram_id == telegram_id for p in await supervisors(runtime, tx)):
        await alert_orphans(runtime, tx)


async def follow_membership(runtime: Runtime, tx: Tx, telegram_id: int) -> None:
    """Membership hook: someone who lost the supervisor or admin role (``/cabut``) stops
    holding alert copies, and the complaints only they held go to whoever gets alerts
    now; someone who gained it gets the orphaned ones."""
    person = await people.get(tx, telegram_id)
    role = (
        effective_role(person.role, telegram_id, runtime.settings.admin_ids)
        if person is not None
        else Role.CITIZEN
    )
    if role not in (Role.SUPERVISOR, Role.ADMIN):
        if await complaints.deactivate_chat_alerts(tx, telegram_id):
            await alert_orphans(runtime, tx)
        return
    await alert_orphans_for(runtime, tx, telegram_id)
