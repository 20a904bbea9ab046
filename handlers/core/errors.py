"""The last line: log with the update id, apologise, keep running."""

from __future__ import annotations

import logging
from collections.abc import Awaitable

from telegram import Chat, Update
from telegram.error import ChatMigrated, Forbidden, TelegramError

from bot.complaints.alerts import renderer
from bot.core import outcome
from bot.core.callbacks import BadCallback
from bot.core.context import BotContext
from bot.core.errors import MovedAway, NotAllowed
from bot.people import groups as group_upgrade
from handlers.core.replies import answer, language, refuse, say

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    error = context.error
    if not isinstance(update, Update):
        log.error("error outside an update", exc_info=error)
        return
    if isinstance(error, BadCallback):
        log.warning("update %s: malformed callback data %r", update.update_id, str(error))
        await _quietly(answer(update, context, "error.button_unknown", alert=True))
        return
    if isinstance(error, MovedAway):
        log.info("update %s: refused (%s)", update.update_id, error)
        unit = renderer(context.runtime).unit(language(context), error.unit_code)
        await _quietly(refuse(update, context, "grp.moved_away", number=error.number, unit=unit))
        return
    if isinstance(error, NotAllowed):
        log.info("update %s: refused (%s)", update.update_id, error)
        await _quietly(refuse(update, context))
        return
    if isinstance(error, ChatMigrated):
        await _chat_upgraded(update, context, error)
        return
    if outcome.committed():
        await _after_commit(update, context, error)
        return
    log.error("update %s failed", update.update_id, exc_info=error)
    if update.callback_query is not None:
        await _quietly(answer(update, context, "error.generic", alert=True))
    elif update.effective_chat is not None and not isinstance(error, Forbidden):
        await _quietly(say(update, context, "error.generic"))


async def _after_commit(update: Update, context: BotContext, error: BaseException | None) -> None:
    """The change was saved, and only what came after it failed (most often the answer,
    while Telegram has trouble): "try again" would do it twice, so say it was saved."""
    log.error("update %s failed after its change was saved", update.update_id, exc_info=error)
    if update.callback_query is not None:
        await _quietly(answer(update, context))
    if update.effective_chat is not None and not isinstance(error, Forbidden):
        await _quietly(say(update, context, "error.after_commit"))


async def _chat_upgraded(update: Update, context: BotContext, error: ChatMigrated) -> None:
    """The group became a supergroup while this update waited, and a call naming the old id
    was refused. What the handler committed stays; follow the group so that everything
    else goes to the new id, and stop the presser's spinner."""
    chat = update.effective_chat
    log.warning(
        "update %s: chat %s became %s",
        update.update_id,
        chat.id if chat else None,
        error.new_chat_id,
    )
    if chat is not None and chat.type == Chat.GROUP:
        await group_upgrade.follow_upgrade(
            context.runtime, chat.id, error.new_chat_id, via="handler"
        )
    if update.callback_query is not None:
        await _quietly(answer(update, context))


async def _quietly(coroutine: Awaitable[object]) -> None:
    try:
        await coroutine
    except TelegramError as exc:
        log.warning("could not tell the user about an error: %s", exc)
