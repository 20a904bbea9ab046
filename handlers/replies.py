"""Small helpers every handler uses to answer in the actor's language."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Message, Update
from telegram.constants import ParseMode

from bot.context import BotContext
from bot.texts import Markup, split_message, t


def language(context: BotContext) -> str:
    if context.has_actor:
        return context.actor.language
    return context.runtime.settings.default_language


async def reply(
    update: Update, context: BotContext, text: Markup, markup: InlineKeyboardMarkup | None = None
) -> Message | None:
    """Answer in the chat the update came from; long texts are split."""
    chat = update.effective_chat
    if chat is None:
        return None
    parts = split_message(text)
    sent = None
    for index, part in enumerate(parts):
        sent = await context.bot.send_message(
            chat.id,
            part,
            parse_mode=ParseMode.HTML,
            reply_markup=markup if index == len(parts) - 1 else None,
            message_thread_id=_thread_of(update),
        )
    return sent


def _thread_of(update: Update) -> int | None:
    message = update.effective_message
    if message is not None and message.is_topic_message:
        return message.message_thread_id
    return None


async def say(
    update: Update, context: BotContext, key: str, markup: InlineKeyboardMarkup | None = None,
    **values: object,
) -> Message | None:
    return await reply(update, context, t(language(context), key, **values), markup)


async def answer(update: Update, context: BotContext, key: str | None = None,
                 *, alert: bool = False, **values: object) -> None:
    """Answer a button press (Telegram shows a spinner until we do)."""
    query = update.callback_query
    if query is None:
        return
    text = str(t(language(context), key, **values)) if key else None
    await query.answer(text=text, show_alert=alert)


async def refuse(update: Update, context: BotContext, key: str = "error.not_allowed") -> None:
    """Say no without changing anything: an alert for a button, a reply for a command."""
    if update.callback_query is not None:
        await answer(update, context, key, alert=True)
    else:
        await say(update, context, key)


async def edit(update: Update, context: BotContext, text: Markup,
               markup: InlineKeyboardMarkup | None = None) -> None:
    """Replace the pressed message's text (the conversation moves on in place)."""
    query = update.callback_query
    if query is None or query.message is None:
        await reply(update, context, text, markup)
        return
    await query.edit_message_text(str(text), parse_mode=ParseMode.HTML, reply_markup=markup)
