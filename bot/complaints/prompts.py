"""Remembering ForceReply prompts and the messages that stand for a complaint, so that a
reply in a group (the only free text a privacy-mode bot sees) finds its subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.complaints.alerts import MESSAGE
from storage.complaints import prompts
from storage.complaints.prompts import Prompt
from storage.core import outbox

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

SUBJECT = "complaint"
ANSWERED = "complaint_prompt_done"  # a prompt already answered (replies to it get told so)


async def remember_prompt(
    runtime: Runtime,
    chat_id: int,
    message_id: int,
    complaint_id: int,
    action: str,
    argument: str | None,
    actor_id: int,
) -> None:
    async with runtime.db.transaction() as tx:
        await prompts.create(
            tx,
            Prompt(chat_id, message_id, SUBJECT, complaint_id, action, argument, actor_id),
            runtime.now(),
        )


async def find_prompt(runtime: Runtime, chat_id: int, message_id: int) -> Prompt | None:
    prompt = await prompts.get(runtime.db, chat_id, message_id)
    return prompt if prompt is not None and prompt.subject_kind == SUBJECT else None


async def forget_prompt(runtime: Runtime, prompt: Prompt) -> None:
    """The prompt was answered (or can no longer be): it stops taking answers, and a later
    reply to it is recognised as one that came too late."""
    async with runtime.db.transaction() as tx:
        await prompts.delete(tx, prompt.chat_id, prompt.message_id)
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


async def remember_message(
    runtime: Runtime, chat_id: int, message_id: int, complaint_id: int
) -> None:
    """A message sent directly (e.g. a ticket) that replies should relate to the complaint."""
    async with runtime.db.transaction() as tx:
        await outbox.remember_message(tx, chat_id, message_id, MESSAGE, complaint_id, runtime.now())
