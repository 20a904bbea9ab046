"""Typed access to the parts of an update a handler reads, and the types of our handlers.

PTB types every part of an :class:`~telegram.Update` as optional, because one class carries
every kind of update. Each of our handlers is registered so that the parts it reads are
there: a ``CallbackQueryHandler`` with ``pattern=Record.matches`` gets a callback query
with data, a ``MessageHandler`` with ``filters.TEXT`` a message with text, a
``CommandHandler`` its arguments, any update from a person its user and chat. These
accessors return such a part, typed, or raise :class:`MissingPart` naming what is missing:
an update reaching a handler not registered for it is a programming error, which the
error handler logs and apologises for, not a case the conversation handles.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Coroutine
from typing import Any, TypeAlias, TypeVar

from telegram import CallbackQuery, Chat, ChatMemberUpdated, Location, Message, Update, User
from telegram.ext import BaseHandler

from bot.core.context import BotContext

R = TypeVar("R")
T = TypeVar("T")

#: A handler callback as PTB calls it (its ``HandlerCallback`` with our context).
Callback: TypeAlias = Callable[[Update, BotContext], Coroutine[Any, Any, R]]
#: One of our handlers, as a ``ConversationHandler`` lists them.
Handler: TypeAlias = BaseHandler[Update, BotContext, object]


class MissingPart(LookupError):
    """The update (or the conversation's draft) lacks a part that the handler's
    registration (or the conversation's order of steps) guarantees."""


def _required(part: T | None, what: str) -> T:
    if part is None:
        raise MissingPart(what)
    return part


def user_of(update: Update) -> User:
    """The person who acted (every update but channel posts has one)."""
    return _required(update.effective_user, "user")


def chat_of(update: Update) -> Chat:
    """The chat the update happened in."""
    return _required(update.effective_chat, "chat")


def message_of(update: Update) -> Message:
    """The message of a message handler (or the pressed one, for a callback query)."""
    return _required(update.effective_message, "message")


def text_of(update: Update) -> str:
    """The text of the message (handlers registered with ``filters.TEXT``)."""
    return _required(message_of(update).text, "message text")


def location_of(update: Update) -> Location:
    """The location shared (handlers registered with ``filters.LOCATION``)."""
    return _required(message_of(update).location, "location")


def query_of(update: Update) -> CallbackQuery:
    """The button press of a ``CallbackQueryHandler``."""
    return _required(update.callback_query, "callback query")


def data_of(update: Update) -> str:
    """The pressed button's callback data (``pattern=Record.matches`` admits only text);
    parse it with ``Record.parse``, which rejects anything we did not produce."""
    return _required(query_of(update).data, "callback data")


def pressed_message(update: Update) -> Message | None:
    """The message whose button was pressed, or None when Telegram does not give its
    content (an inline message, or an ``InaccessibleMessage``: deleted, or too old)."""
    message = query_of(update).message
    return message if isinstance(message, Message) else None


def member_change_of(update: Update) -> ChatMemberUpdated:
    """The change of the bot's own membership (``ChatMemberHandler.MY_CHAT_MEMBER``)."""
    return _required(update.my_chat_member, "my_chat_member")


def user_data(context: BotContext) -> dict[str, Any]:
    """The acting person's data (drafts of guided flows; persisted)."""
    return _required(context.user_data, "user_data")


def chat_data(context: BotContext) -> dict[str, Any]:
    """The chat's data (persisted)."""
    return _required(context.chat_data, "chat_data")


def args_of(context: BotContext) -> list[str]:
    """The words after a command (empty when there are none)."""
    return context.args or []


def match_of(context: BotContext) -> re.Match[str]:
    """What the handler's ``filters.Regex`` matched."""
    return _required(context.match, "regex match")
