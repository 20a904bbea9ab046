"""Small helpers every handler uses to answer in the actor's language.

An answer comes after the change it reports committed, so a failure to deliver it must
not make the person do it again: transient failures (network, 5xx) are retried a few
times, and a send whose answer was lost is looked for by message id before it is sent
again (:mod:`bot.core.ledger`), so the person reads it once.

A guided flow (the complaint intake, the survey, a new activity) costs one chat-bound
message per step: a step reached by a button press edits the pressed message in place
(:func:`choose` then :func:`ask`: the record of what was chosen on it, then the next
question), a step reached by typing gets its question as a new message. Never both:
Telegram counts each against the bot's limits, and the chat stays a tidy record.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

from telegram import (
    Chat,
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, NetworkError

from bot.core.catalog import Markup, chosen, fit_message, recorded, split_message, t
from bot.core.context import BotContext
from bot.core.ledger import Attempt, after_loss, find_landed
from bot.people import groups as group_upgrade
from handlers.core.updates import pressed_message, query_of

log = logging.getLogger(__name__)
T = TypeVar("T")
#: Seconds between the tries of an answer that failed for a transient reason.
RETRY_DELAYS = (0.5, 1.5, 3.0)
#: An answer to a button press that was already answered (a retry after a lost answer).
ANSWERED_ALREADY = ("query is too old", "query id is invalid")


def transient(error: BaseException) -> bool:
    """Worth trying again: the network or Telegram's side, not a refusal."""
    return isinstance(error, NetworkError) and not isinstance(error, BadRequest)


async def retried(call: Callable[[], Awaitable[T]]) -> T:
    """Run a Bot API call, again after a transient failure (for calls that are harmless
    to repeat: edits, answers to presses)."""
    for delay in RETRY_DELAYS:
        try:
            return await call()
        except NetworkError as error:
            if not transient(error):
                raise
            log.warning("Bot API call failed (%s); trying again", error)
            await asyncio.sleep(delay)
    return await call()


async def edited(call: Callable[[], Awaitable[object]]) -> None:
    """An edit, retried like :func:`retried`; "not modified" (the same text again, or a
    retry after a lost answer) is success."""
    try:
        await retried(call)
    except BadRequest as error:
        if "message is not modified" not in str(error).lower():
            raise


def language(context: BotContext) -> str:
    if context.has_actor:
        return context.actor.language
    return context.runtime.settings.default_language


async def reply(
    update: Update,
    context: BotContext,
    text: Markup,
    markup: InlineKeyboardMarkup | ForceReply | None = None,
) -> Message | None:
    """Answer in the chat the update came from; long texts are split. The notes of the
    update (:func:`note`) go first, in the same message."""
    chat = update.effective_chat
    if chat is None:
        return None
    text = with_notes(context, text)
    chat_id, thread = chat.id, thread_of(update)
    parts = split_message(text)
    sent = None
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        sent = await send(context, chat_id, part, markup=markup if last else None, thread=thread)
        if sent.chat_id != chat_id:  # the group became a supergroup meanwhile
            chat_id, thread = sent.chat_id, None
    return sent


async def quote(
    update: Update, context: BotContext, text: Markup, markup: InlineKeyboardMarkup | None = None
) -> Message | None:
    """Answer a message, as a reply to it in groups (what ``message.reply_text`` does)."""
    message = update.effective_message
    if message is None:
        return None
    private = message.chat.type == Chat.PRIVATE
    return await send(
        context,
        message.chat_id,
        text,
        markup=markup,
        thread=thread_of(update),
        quote=None if private else message.message_id,
    )


async def send(
    context: BotContext,
    chat_id: int,
    text: Markup,
    *,
    markup: InlineKeyboardMarkup | ForceReply | None = None,
    thread: int | None = None,
    quote: int | None = None,
) -> Message:
    """Send to the chat where someone just acted. If it was a basic group that became a
    supergroup before this answer (``ChatMigrated``), follow it and answer there: the
    person still hears back. The topic and the quoted message stay behind, since their
    ids mean something else in the new chat."""
    try:
        return await send_once(
            context,
            chat_id,
            text=text,
            parse_mode=ParseMode.HTML,
            reply_markup=markup,
            message_thread_id=thread,
            reply_parameters=ReplyParameters(quote, allow_sending_without_reply=True)
            if quote is not None
            else None,
        )
    except ChatMigrated as moved:
        await group_upgrade.follow_upgrade(context.runtime, chat_id, moved.new_chat_id, via="reply")
        return await send_once(
            context, moved.new_chat_id, text=text, parse_mode=ParseMode.HTML, reply_markup=markup
        )


async def send_once(context: BotContext, chat_id: int, **params: Any) -> Message:
    """``sendMessage``, retried after transient failures; after a lost answer the message
    is looked for first, so a retry never shows it twice."""
    ledger = context.runtime.ledger
    lost: Attempt | None = None
    for delay in (*RETRY_DELAYS, None):
        if lost is not None:
            found = await find_landed(context.bot, ledger, lost, "sendMessage", params)
            if found:
                return _landed(context, chat_id, found[0])
        floor = ledger.floor(chat_id)
        try:
            return await context.bot.send_message(chat_id, **params)
        except NetworkError as error:
            if delay is None or not transient(error):
                raise
            lost = after_loss(ledger, chat_id, floor, lost, error)
            log.warning("sending to chat %s failed (%s); trying again", chat_id, error)
            await asyncio.sleep(delay)
    raise AssertionError("unreachable")


def _landed(context: BotContext, chat_id: int, message_id: int) -> Message:
    """The message a lost send landed as (what callers read of it: chat and id)."""
    kind = Chat.PRIVATE if chat_id > 0 else Chat.SUPERGROUP
    message = Message(message_id, datetime.now(UTC), Chat(chat_id, kind))
    message.set_bot(context.bot)
    return message


def thread_of(update: Update) -> int | None:
    """The forum topic the update came from, for answers that belong in it."""
    message = update.effective_message
    if message is not None and message.is_topic_message:
        return message.message_thread_id
    return None


async def say(
    update: Update,
    context: BotContext,
    key: str,
    markup: InlineKeyboardMarkup | None = None,
    /,
    **values: object,
) -> Message | None:
    """:func:`reply` with the catalog text ``key`` (``values`` are the text's placeholders,
    so the keyboard is passed by position)."""
    return await reply(update, context, t(language(context), key, **values), markup)


async def answer(
    update: Update,
    context: BotContext,
    key: str | None = None,
    *,
    alert: bool = False,
    **values: object,
) -> None:
    """Answer a button press (Telegram shows a spinner until we do)."""
    query = update.callback_query
    if query is None:
        return
    text = str(t(language(context), key, **values)) if key else None
    try:
        await retried(lambda: query.answer(text=text, show_alert=alert))
    except BadRequest as error:  # a retry after a lost answer: the first one arrived
        if not any(marker in str(error).lower() for marker in ANSWERED_ALREADY):
            raise


async def refuse(
    update: Update, context: BotContext, key: str = "error.not_allowed", **values: object
) -> None:
    """Say no without changing anything: an alert for a button, a reply for a command."""
    if update.callback_query is not None:
        await answer(update, context, key, alert=True, **values)
    else:
        await say(update, context, key, **values)


async def point_to_private(update: Update, context: BotContext, key: str, **values: object) -> None:
    """In a group: answer with a pointer (and a button) to the private chat with the bot,
    where what was asked for is answered without the group reading along."""
    lang = language(context)
    link = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    str(t(lang, "group.open_private")), url=f"https://t.me/{context.bot.username}"
                )
            ]
        ]
    )
    await quote(update, context, t(lang, key, **values), markup=link)


async def edit(
    update: Update, context: BotContext, text: Markup, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Replace the pressed message's text (the conversation moves on in place). In a group
    that became a supergroup since the press, the text arrives there as a new message."""
    query = update.callback_query
    if query is None or query.message is None:
        await reply(update, context, text, markup)
        return
    try:
        await edited(
            lambda: query.edit_message_text(
                fit_message(text), parse_mode=ParseMode.HTML, reply_markup=markup
            )
        )
    except ChatMigrated as moved:
        await group_upgrade.follow_upgrade(
            context.runtime, query.message.chat.id, moved.new_chat_id, via="reply"
        )
        await send(context, moved.new_chat_id, text, markup=markup)


def chosen_text(update: Update, choice: str) -> Markup | None:
    """The pressed message's question with the choice made under it (None when Telegram
    does not give the message's text)."""
    message = pressed_message(update)
    if message is None or message.text_html is None:
        return None
    return chosen(message.text_html, choice)


async def settle_button(update: Update, context: BotContext, choice: str) -> None:
    """Record the choice under the step's question, which loses its buttons: the chat keeps
    what was chosen."""
    text = chosen_text(update, choice)
    if text is not None:
        fitted = fit_message(text)
        await edited(lambda: query_of(update).edit_message_text(fitted, parse_mode=ParseMode.HTML))


def choose(update: Update, context: BotContext, choice: str | None = None) -> None:
    """Note the button a person pressed in a guided step (``choice``, else the pressed
    button's own label): the step's next :func:`ask` replaces the pressed question, and
    the choice joins the record above it."""
    context.choice = choice if choice is not None else pressed_label(update)


def pressed_label(update: Update) -> str | None:
    """The label of the button pressed (None if the message no longer shows it)."""
    query = update.callback_query
    message = pressed_message(update) if query is not None else None
    if query is None or message is None or message.reply_markup is None:
        return None
    for row in message.reply_markup.inline_keyboard:
        for button in row:
            if button.callback_data == query.data:
                return button.text
    return None


def note(context: BotContext, key: str, **values: object) -> None:
    """A remark that belongs to the step's next question (an input understood, an
    assumption made): :func:`ask` shows it above the question, in the same message."""
    context.notes.append(str(t(language(context), key, **values)))


def with_notes(context: BotContext, text: Markup) -> Markup:
    """``text`` after the notes taken for it (which are then used up)."""
    if not context.notes:
        return text
    notes, context.notes = context.notes, []
    return Markup("\n\n".join([*notes, str(text)]))


async def conclude(update: Update, context: BotContext, choice: str, text: Markup) -> None:
    """The last step of a guided flow, in one edit: the pressed message (a summary) keeps
    its content, loses its buttons and records ``choice``; ``text`` (the outcome) comes
    under it. Sent as a new message when the edit cannot be made."""
    text = with_notes(context, text)
    record = chosen_text(update, choice) if update.callback_query is not None else None
    whole = Markup(f"{record}\n\n{text}") if record else None
    if whole is None or len(split_message(whole)) > 1:
        await reply(update, context, text)
        return
    query = query_of(update)
    try:
        await edited(lambda: query.edit_message_text(whole, parse_mode=ParseMode.HTML))
    except BadRequest:  # gone or no longer editable
        await reply(update, context, text)


async def ask(
    update: Update,
    context: BotContext,
    key: str,
    markup: InlineKeyboardMarkup | None = None,
    /,
    **values: object,
) -> Message | None:
    """A guided step's question (the catalog text ``key``) in one chat-bound message."""
    return await show_step(update, context, t(language(context), key, **values), markup)


async def show_step(
    update: Update, context: BotContext, text: Markup, markup: InlineKeyboardMarkup | None = None
) -> Message | None:
    """:func:`ask` for a text already rendered: after :func:`choose`, the pressed message
    becomes the record and ``text`` (an edit); otherwise ``text`` is sent."""
    choice, context.choice = context.choice, None
    text = with_notes(context, text)
    message = pressed_message(update) if update.callback_query is not None else None
    if choice is None or message is None or message.text_html is None:
        return await reply(update, context, text, markup)
    step = recorded(message.text_html, choice, text)
    if len(split_message(step)) > 1:
        return await reply(update, context, text, markup)
    query = query_of(update)
    try:
        shown = await retried(
            lambda: query.edit_message_text(step, parse_mode=ParseMode.HTML, reply_markup=markup)
        )
    except BadRequest as error:
        if "message is not modified" in str(error).lower():  # a retry: the edit landed
            return None
        return await reply(update, context, text, markup)  # gone or not editable: a new one
    return shown if isinstance(shown, Message) else None
