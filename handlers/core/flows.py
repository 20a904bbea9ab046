"""One guided flow per person at a time.

Each guided flow (complaint, survey, new activity, changing an activity) keeps its draft
in ``user_data`` under its own key. Two flows open at once would compete for the person's
next typed message, so starting a flow while another is open is refused with a pointer to
finishing it or to /batal, and /batal outside any conversation clears leftovers.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from telegram import Update
from telegram.ext import ConversationHandler

from bot.core.catalog import t
from bot.core.context import BotContext
from handlers.core.replies import answer, language, say
from handlers.core.updates import Callback, chat_data, chat_of, user_data, user_of

#: user_data key of each flow's draft -> catalog key naming the flow.
FLOWS: dict[str, str] = {
    "complaint_draft": "flow.complaint",
    "survey_draft": "flow.survey",
    "activity_draft": "flow.activity_new",
    "activity_editing": "flow.activity_edit",
}

R = TypeVar("R")


def open_flow(context: BotContext, except_key: str | None = None) -> str | None:
    """The catalog key of another flow this person has open, if any."""
    for key, label in FLOWS.items():
        if key != except_key and user_data(context).get(key) is not None:
            return label
    return None


def exclusive(own_key: str) -> Callable[[Callback[R]], Callback[R | int]]:
    """Wrap a conversation entry point: refuse to start while another flow is open."""

    def decorate(entry: Callback[R]) -> Callback[R | int]:
        @functools.wraps(entry)
        async def guarded(update: Update, context: BotContext) -> R | int:
            other = open_flow(context, own_key)
            if other is None:
                return await entry(update, context)
            if update.callback_query is not None:
                await answer(update, context)
            await say(update, context, "flow.busy", flow=t(language(context), other))
            return ConversationHandler.END

        return guarded

    return decorate


def clear_flows(context: BotContext) -> bool:
    """Forget every open draft; True if there was one."""
    found = False
    for key in FLOWS:
        found |= user_data(context).pop(key, None) is not None
    return found


def _conversations(context: BotContext, name: str | None = None) -> list[ConversationHandler]:
    """The registered conversations (all, or the one named ``name``)."""
    return [
        handler
        for group in context.application.handlers.values()
        for handler in group
        if isinstance(handler, ConversationHandler) and name in (None, handler.name)
    ]


def _set_state(update: Update, context: BotContext, state: object, name: str | None = None) -> None:
    """Put this person's conversation(s) in ``state`` now. PTB has no public way to set a
    conversation's state from inside a callback or from outside, so it is set the way the
    conversation sets it when a callback returns (``_update_state(state, key)``), which
    also tells the persistence."""
    key = (chat_of(update).id, user_of(update).id)
    for handler in _conversations(context, name):
        handler._update_state(state, key)


async def forget_person(update: Update, context: BotContext) -> None:
    """After an erasure: every draft and every guided conversation of this person ends.

    The stored rows went in the erasure's transaction; this clears what PTB holds in
    memory, ending each conversation as it ends itself, and stores that at once. A
    periodic write of the old drafts that was waiting for the erasure's commit could
    otherwise put them back until PTB's next run: writing now, under the same lock,
    deletes them again before the person reads that their data is gone."""
    clear_flows(context)
    user_data(context).clear()
    chat_data(context).clear()  # the private chat's data, keyed like the person
    _set_state(update, context, ConversationHandler.END)
    await _store(update, context)


async def store_now(
    update: Update, context: BotContext, conversation: str, state: object = None
) -> None:
    """Store this person's data (their drafts) and, given a ``state``, the step their
    ``conversation`` moves to, before they are shown the result of the step.

    PTB writes persistence every few seconds (``UPDATE_INTERVAL_SECONDS``): a step whose
    result the person saw could otherwise be lost to a crash in between, and a summary
    on their screen would no longer be what is stored. The state is the one the callback
    is about to return (PTB sets the same value again then); the write is PTB's own
    ``Application.update_persistence``, which runs under the lock of its periodic run,
    so an older copy can never overwrite this one."""
    if state is not None:
        _set_state(update, context, state, conversation)
    await _store(update, context)


async def _store(update: Update, context: BotContext) -> None:
    """Write this person's data and conversation states now (PTB's own run)."""
    context.application.mark_data_for_update_persistence(
        chat_ids=chat_of(update).id, user_ids=user_of(update).id
    )
    await context.application.update_persistence()
