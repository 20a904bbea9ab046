"""Posting and keeping up to date the alerts staff act on.

A complaint's alert goes to its unit's group. When the unit has no group yet, or the
complaint is about an officer's conduct, the supervisors get it in their private chats.
Every copy is remembered (``complaint_alerts``) so that each later change edits all of them.
All of it is queued in the caller's transaction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot import notify
from bot.complaint_access import can_act
from bot.complaint_render import Renderer, ReporterView
from bot.notify import Ref
from bot.roles import Role
from bot.texts import Markup, t
from storage import complaints, outbox, people, unit_chats
from storage.complaints import Complaint
from storage.db import Reader, Tx
from storage.outbox import PRIORITY_URGENT
from storage.people import Person

if TYPE_CHECKING:
    from bot.runtime import Runtime

ALERT = "complaint_alert"
TOPIC = "complaint_topic"
MESSAGE = "complaint_msg"  # other bot messages about a complaint in staff chats
CITIZEN = "complaint_citizen"  # messages to the reporter; their replies relay to staff


def renderer(runtime: Runtime) -> Renderer:
    return Renderer(runtime.office, runtime.calendar)


async def supervisors(tx: Tx) -> list[Person]:
    """Supervisors; when none is registered yet, the admins, so nothing is lost."""
    found = await people.with_roles(tx, (Role.SUPERVISOR.value,))
    return found or await people.with_roles(tx, (Role.ADMIN.value,))


def entitled(candidates: list[Person], complaint: Complaint) -> list[Person]:
    """Those of ``candidates`` who may be told about the complaint: the rule of who may see
    it (:func:`bot.complaint_access.can_act`), so nobody of the unit a conduct complaint
    is about hears of it, whichever step tells them."""
    return [p for p in candidates if can_act(Role(p.role), p.unit_code, complaint)]


async def escalation_recipients(runtime: Runtime, tx: Tx, complaint: Complaint) -> list[int]:
    """The head of the handling unit and the supervisors (escalations, reopening, low
    ratings), the configured admins when none of them may be told."""
    heads = await people.with_roles(tx, (Role.KEPALA.value,), complaint.unit_code)
    ids = [p.telegram_id for p in entitled(heads + await supervisors(tx), complaint)]
    if not ids:
        ids = sorted(runtime.settings.admin_ids)
    return list(dict.fromkeys(ids))


async def reporter_view(db: Reader, complaint: Complaint) -> ReporterView:
    if complaint.confidential:
        return ReporterView(None)
    person = await people.get(db, complaint.reporter_id)
    return ReporterView.of(complaint, person.full_name if person else "?",
                           person.username if person else None)


async def chat_language(runtime: Runtime, tx: Tx, chat_id: int) -> str:
    if chat_id < 0:
        return runtime.settings.default_language
    return await notify.language_of(tx, chat_id, runtime.settings.default_language)


async def _render(runtime: Runtime, tx: Tx, complaint: Complaint, chat_id: int,
                  **extra: Any) -> tuple[Markup, Any]:
    language = await chat_language(runtime, tx, chat_id)
    assignee = await people.get(tx, complaint.assignee_id) if complaint.assignee_id else None
    files = len(await complaints.attachments(tx, complaint.id))
    unbound = chat_id > 0 and await unit_chats.for_unit(tx, complaint.unit_code) is None
    draw = renderer(runtime)
    text = draw.alert(
        language, complaint, await reporter_view(tx, complaint),
        assignee=assignee.full_name if assignee else None, files=files,
        unbound_warning=unbound and complaint.named_unit_code is None, **extra,
    )
    keyboard = None if extra.get("moved_to") else draw.alert_keyboard(language, complaint)
    return text, keyboard


async def post_alerts(runtime: Runtime, tx: Tx, complaint: Complaint,
                      moved_from: tuple[str, str] | None = None) -> None:
    """Alert the handling unit (or the supervisors) about a new or moved complaint."""
    unit_chat = await unit_chats.for_unit(tx, complaint.unit_code)
    unit_may_see = complaint.unit_code != complaint.named_unit_code
    if unit_chat is not None and unit_may_see:
        await post_alert_to(runtime, tx, complaint, unit_chat.chat_id, complaint.unit_code,
                            forum=unit_chat.is_forum, moved_from=moved_from)
    if unit_chat is None or not unit_may_see or complaint.named_unit_code is not None:
        for chief in entitled(await supervisors(tx), complaint):
            await post_alert_to(runtime, tx, complaint, chief.telegram_id, None,
                                moved_from=moved_from)


async def post_alert_to(runtime: Runtime, tx: Tx, complaint: Complaint, chat_id: int,
                        unit_code: str | None, *, forum: bool = False,
                        moved_from: tuple[str, str] | None = None) -> None:
    now = runtime.now()
    thread = None
    if forum:
        name = f"{complaint.number} · {renderer(runtime).category('id', complaint.category_code)}"
        await outbox.enqueue(tx, chat_id, "createForumTopic", {"name": name[:128]}, now,
                             priority=PRIORITY_URGENT, ref_kind=TOPIC, ref_id=complaint.id)
        thread = Ref(TOPIC, complaint.id)
    text, keyboard = await _render(runtime, tx, complaint, chat_id, moved_from=moved_from)
    await notify.send_text(tx, chat_id, text, now, markup=keyboard, priority=PRIORITY_URGENT,
                           ref=Ref(ALERT, complaint.id), thread=thread)
    alert = Ref(ALERT, complaint.id)
    files = await complaints.attachments(tx, complaint.id)
    for index, item in enumerate(files, start=1):
        method, field = ("sendPhoto", "photo") if item.kind == "photo" else ("sendDocument",
                                                                              "document")
        params: dict[str, Any] = {
            field: item.file_id,
            "caption": f"{complaint.number} · {index}/{len(files)}",
            "reply_to_ref": alert.as_param(),
        }
        if thread is not None:
            params["thread_ref"] = thread.as_param()
        # A reply to the photo ("is this in front of the school?") answers the citizen too.
        await outbox.enqueue(tx, chat_id, method, params, now, priority=PRIORITY_URGENT,
                             ref_kind=MESSAGE, ref_id=complaint.id)
    if complaint.latitude is not None and complaint.longitude is not None:
        await notify.location(tx, chat_id, complaint.latitude, complaint.longitude, now,
                              reply_to=alert, thread=thread, priority=PRIORITY_URGENT,
                              ref=Ref(MESSAGE, complaint.id))
    await complaints.add_alert_chat(tx, complaint.id, chat_id, unit_code)


async def refresh_alerts(runtime: Runtime, tx: Tx, complaint: Complaint, **extra: Any) -> None:
    """Edit every live copy of the alert to show the complaint as it is now; a copy that is
    gone (deleted, or in a group that has since become a supergroup) is posted anew, so
    the staff keep a current alert with working buttons."""
    for chat_id in await complaints.alert_chats(tx, complaint.id):
        text, keyboard = await _render(runtime, tx, complaint, chat_id, **extra)
        await notify.edit_text(tx, chat_id, Ref(ALERT, complaint.id), text, runtime.now(),
                               markup=keyboard, priority=PRIORITY_URGENT, repost_if_gone=True)


async def tell_staff(runtime: Runtime, tx: Tx, complaint: Complaint, key: str,
                     **values: object) -> None:
    """A message about the complaint in every chat holding its alert, as a reply to it."""
    for chat_id in await complaints.alert_chats(tx, complaint.id):
        language = await chat_language(runtime, tx, chat_id)
        await notify.send_text(
            tx, chat_id, t(language, key, number=complaint.number, **values), runtime.now(),
            reply_to=Ref(ALERT, complaint.id), ref=Ref(MESSAGE, complaint.id),
            thread=Ref(TOPIC, complaint.id), priority=PRIORITY_URGENT,
        )


async def copy_to_staff(runtime: Runtime, tx: Tx, complaint: Complaint, from_chat: int,
                        message_id: int) -> None:
    """Relay a citizen's file without revealing who sent it (a copy, not a forward)."""
    for chat_id in await complaints.alert_chats(tx, complaint.id):
        await notify.copy(tx, chat_id, from_chat, message_id, runtime.now(),
                          reply_to=Ref(ALERT, complaint.id), thread=Ref(TOPIC, complaint.id),
                          priority=PRIORITY_URGENT, ref=Ref(MESSAGE, complaint.id))


async def copy_to_reporter_from_unit(runtime: Runtime, tx: Tx, complaint: Complaint,
                                     from_chat: int, message_id: int) -> None:
    """A staff member's photo or document, copied to the reporter (a copy shows no sender)
    under a caption signed with the unit; the reporter may reply to it like to a text."""
    reporter = await people.get(tx, complaint.reporter_id)
    if reporter is not None and not reporter.reachable:
        return
    language = reporter.language if reporter else runtime.settings.default_language
    caption = t(language, "cz.reply_file", number=complaint.number,
                unit=renderer(runtime).unit(language, complaint.unit_code))
    await notify.copy(tx, complaint.reporter_id, from_chat, message_id, runtime.now(),
                      caption=caption, ref=Ref(CITIZEN, complaint.id), priority=PRIORITY_URGENT)


async def tell_reporter(runtime: Runtime, tx: Tx, complaint: Complaint, key: str, *,
                        markup_for: Any = None, **values: object) -> None:
    await notify.tell(
        tx, complaint.reporter_id, key, runtime.now(),
        default_language=runtime.settings.default_language, markup_for=markup_for,
        priority=PRIORITY_URGENT, ref=Ref(CITIZEN, complaint.id), number=complaint.number,
        **values,
    )


async def alert_unit_group(runtime: Runtime, tx: Tx, unit_code: str, chat_id: int) -> None:
    """A unit just got its group: bring it every open complaint it has not seen there."""
    for complaint in await complaints.open_of_unit(tx, unit_code, limit=500):
        if complaint.named_unit_code == unit_code:
            continue
        if chat_id in await complaints.alert_chats(tx, complaint.id):
            continue
        chat = await unit_chats.for_unit(tx, unit_code)
        await post_alert_to(runtime, tx, complaint, chat_id, unit_code,
                            forum=bool(chat and chat.is_forum))
