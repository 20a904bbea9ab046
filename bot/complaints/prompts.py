"""Remembering ForceReply prompts and the messages that stand for a complaint, so that a
reply in a group (the only free text a privacy-mode bot sees) finds its subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.complaints.alerts import MESSAGE
from bot.complaints.render import heads_alert
from bot.complaints.rules import heading_number
from bot.core.saving import until_saved
from storage.complaints import prompts
from storage.complaints import records as complaints
from storage.complaints.prompts import Prompt
from storage.core import outbox
from storage.core.db import Tx

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

SUBJECT = "complaint"
ANSWERED = "complaint_prompt_done"  # a prompt already answered (replies to it get told so)


#: How long a question whose message id was lost may still be matched to a reply.
UNPOSTED_WINDOW = 2 * 24 * 3600


async def intend_prompt(
    runtime: Runtime,
    chat_id: int,
    complaint_id: int,
    action: str,
    argument: str | None,
    actor_id: int,
) -> int:
    """Record a question before it is posted, so that its answer is never lost: a crash
    after posting and before :func:`prompt_posted` leaves the intent, which a reply to the
    question is matched to (:func:`find_prompt`)."""
    async with runtime.db.transaction() as tx:
        return await prompts.intend(
            tx, Prompt(chat_id, 0, SUBJECT, complaint_id, action, argument, actor_id), runtime.now()
        )


async def prompt_posted(runtime: Runtime, prompt_id: int, chat_id: int, message_id: int) -> None:
    """The question is on the screen: remember its message (retried while the database
    is busy; the reply is matched to the intent anyway)."""

    async def save(tx: Tx) -> None:
        await prompts.posted(tx, prompt_id, chat_id, message_id)

    await until_saved(runtime.db, save, what=f"prompt {prompt_id}")


async def find_prompt(
    runtime: Runtime,
    chat_id: int,
    message_id: int,
    replier_id: int | None = None,
    replied_text: str | None = None,
) -> Prompt | None:
    """The question a reply answers. A question whose message id was never saved is
    found by who was asked, in which chat, about which complaint (its number is in the
    text replied to), and its message id is saved then."""
    prompt = await prompts.get(runtime.db, chat_id, message_id)
    if prompt is None:
        prompt = await prompts.question(runtime.db, chat_id, message_id)
    if prompt is not None:
        return prompt if prompt.subject_kind == SUBJECT else None
    if replier_id is None or not replied_text:
        return None
    since = runtime.now() - UNPOSTED_WINDOW
    for prompt_id, intent in await prompts.unposted(runtime.db, chat_id, replier_id, since):
        complaint = await complaints.get(runtime.db, intent.subject_id)
        if complaint is not None and complaint.number in replied_text:
            await prompt_posted(runtime, prompt_id, chat_id, message_id)
            return await prompts.question(runtime.db, chat_id, message_id)
    return None


async def forget_prompt(runtime: Runtime, prompt: Prompt) -> None:
    """The prompt was answered (or can no longer be): it stops taking answers, and a later
    reply to it is recognised as one that came too late."""
    async with runtime.db.transaction() as tx:
        await prompts.delete(tx, prompt.chat_id, prompt.message_id)
        await prompts.answered(tx, prompt.chat_id, prompt.message_id)
        await outbox.remember_message(
            tx, prompt.chat_id, prompt.message_id, ANSWERED, prompt.subject_id, runtime.now()
        )


async def subject_of_message(
    runtime: Runtime, chat_id: int, message_id: int
) -> tuple[str, int] | None:
    """What a bot message stands for: (ref kind, complaint id), or None. A reply can come
    before the delivery that posted its target recorded it (the person is quicker than
    the save after the send): then that delivery is waited for."""
    found = await outbox.subject_of(runtime.db, chat_id, message_id)
    if (
        found is None
        and runtime.dispatcher is not None
        and await runtime.dispatcher.settled(chat_id)
    ):
        found = await outbox.subject_of(runtime.db, chat_id, message_id)
    return found


async def complaint_named_in(runtime: Runtime, text: str | None) -> int | None:
    """The complaint of a bot message the bot kept no record of, when the message is an
    alert (by its heading and the number in it: e.g. a copy whose message id was lost in
    a crash between its send and its save), or None."""
    number = heading_number(text or "")
    if number is None or not heads_alert((text or "").strip().splitlines()[0], number):
        return None
    complaint = await complaints.by_number(runtime.db, number)
    return complaint.id if complaint is not None else None


async def remember_message(
    runtime: Runtime, chat_id: int, message_id: int, complaint_id: int
) -> None:
    """A message sent directly (e.g. a ticket) that replies should relate to the complaint."""
    async with runtime.db.transaction() as tx:
        await outbox.remember_message(tx, chat_id, message_id, MESSAGE, complaint_id, runtime.now())
