"""Checks shared by every message-producing method, in Telegram's order.

Validation comes first (chat, access, reply target, topic, text, markup) and flood control
last, so a rejected request never uses up a message of the rate budget, as on Telegram where
such requests never leave the Bot API server.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .. import formatting
from ..chats import SUPERGROUP, ChatState
from ..errors import (
    BLOCKED,
    CANT_INITIATE,
    CHANNEL_RIGHTS,
    CHAT_NOT_FOUND,
    KICKED_CHANNEL,
    KICKED_GROUP,
    KICKED_SUPERGROUP,
    NOT_A_CHANNEL_MEMBER,
    NOT_A_GROUP_MEMBER,
    NOT_A_MEMBER,
    REPLY_NOT_FOUND,
    bad_request,
    chat_migrated,
    forbidden,
)
from ..markup import check_reply_markup
from ..models import BotMessage
from ..serialize import user_json
from .registry import Call

MEDIA_KINDS = frozenset({"photo", "document", "voice", "video"})


def resolve_chat(call: Call, chat_id: Any) -> ChatState:
    """The chat behind ``chat_id``: a numeric id, or ``@username`` of a public channel. A
    basic group upgraded to a supergroup answers every method with its new id."""
    if isinstance(chat_id, str) and chat_id.startswith("@"):
        chat = call.world.public_chat(chat_id[1:])
    else:
        chat = call.world.chats.get(chat_id) if isinstance(chat_id, int) else None
    if chat is None:
        raise bad_request(CHAT_NOT_FOUND)
    if chat.migrated_to is not None:
        raise chat_migrated(chat.migrated_to)
    return chat


def check_access(call: Call, chat: ChatState) -> None:
    """403s: the person blocked or never started the bot; the bot left or was kicked."""
    if chat.is_private:
        user = call.world.users[chat.id]
        if user.blocked:
            raise forbidden(BLOCKED)
        if not user.started:
            raise forbidden(CANT_INITIATE)
    elif chat.is_channel:
        check_channel_post(chat)
    elif chat.bot_status == "kicked":
        raise forbidden(KICKED_SUPERGROUP if chat.type == SUPERGROUP else KICKED_GROUP)
    elif chat.bot_status == "left":
        raise forbidden(NOT_A_MEMBER if chat.type == SUPERGROUP else NOT_A_GROUP_MEMBER)


def check_channel_post(chat: ChatState) -> None:
    """A bot posts in a channel only as an administrator with ``can_post_messages``."""
    if chat.bot_status == "kicked":
        raise forbidden(KICKED_CHANNEL)
    if chat.bot_status != "administrator":
        raise forbidden(NOT_A_CHANNEL_MEMBER)
    if not chat.bot_can_post:
        raise bad_request(CHANNEL_RIGHTS)


def writable_chat(call: Call, key: str = "chat_id") -> ChatState:
    chat = resolve_chat(call, call.get(key))
    check_access(call, chat)
    return chat


def reply_target(call: Call, chat: ChatState) -> int | None:
    """The message replied to, from reply_parameters or the legacy reply_to_message_id."""
    parameters = call.get("reply_parameters") or {}
    if not isinstance(parameters, dict):
        raise bad_request("can't parse reply parameters JSON object")
    message_id = parameters.get("message_id", call.get("reply_to_message_id"))
    if isinstance(message_id, str) and message_id.isdigit():
        message_id = int(message_id)
    if message_id is None:
        return None
    allow = parameters.get(
        "allow_sending_without_reply", call.get("allow_sending_without_reply", False)
    )
    target = chat
    if parameters.get("chat_id") not in (None, chat.id):
        target = resolve_chat(call, parameters["chat_id"])
    if not isinstance(message_id, int) or target.get(message_id) is None:
        if allow:
            return None
        raise bad_request(REPLY_NOT_FOUND)
    return message_id if target is chat else None


def thread_target(call: Call, chat: ChatState, replied: int | None) -> int | None:
    """The forum topic to post in; a reply inherits the topic of the message it answers."""
    requested = call.get("message_thread_id")
    if requested is None:
        return chat.messages[replied].message_thread_id if replied is not None else None
    if chat.is_forum and requested in chat.topics:
        return requested
    if not chat.is_forum and chat.type == SUPERGROUP and chat.get(requested) is not None:
        return requested  # a reply thread of an ordinary supergroup
    raise bad_request("message thread not found")


def lookup_user(call: Call) -> formatting.UserLookup:
    world = call.world

    def lookup(user_id: int) -> dict[str, Any] | None:
        if user_id in world.users or user_id == world.bot_id:
            return user_json(world, user_id)
        return None

    return lookup


def parse_text(call: Call) -> tuple[str, list[dict[str, Any]]]:
    return formatting.message_text(
        call.get("text"),
        call.get("parse_mode"),
        call.get("entities"),
        strict_html=call.world.strict_html,
        user_lookup=lookup_user(call),
    )


def parse_caption(call: Call, source: dict[str, Any] | None = None) -> dict[str, Any]:
    """Caption fields of ``source`` (a media-group item) or of the call itself."""
    values = source if source is not None else call.params
    caption, entities = formatting.caption(
        values.get("caption"),
        values.get("parse_mode"),
        values.get("caption_entities"),
        strict_html=call.world.strict_html,
        user_lookup=lookup_user(call),
    )
    return {
        "caption": caption,
        "caption_html": values.get("caption") or None,
        "caption_entities": entities,
    }


def envelope(call: Call, chat: ChatState) -> dict[str, Any]:
    """Reply target, topic and reply markup of a new message, validated."""
    replied = reply_target(call, chat)
    return {
        "reply_to_message_id": replied,
        "message_thread_id": thread_target(call, chat, replied),
        "reply_markup": check_reply_markup(call.get("reply_markup")),
    }


def send(call: Call, chat: ChatState, **fields: Any) -> BotMessage:
    """Count the message against flood control, then store it as sent by the bot."""
    call.world.flood.check(chat.id, private=chat.is_private)
    return call.world.add_message(chat, from_bot=True, sender_id=call.world.bot_id, **fields)


def revise(chat: ChatState, message: BotMessage, **changes: Any) -> BotMessage:
    """Store the next version of ``message``."""
    new = dataclasses.replace(message, version=message.version + 1, **changes)
    chat.replace(new)
    return new


def content_of(message: BotMessage) -> dict[str, Any]:
    """The fields a copy or a forward takes over from the original."""
    names: tuple[str, ...] = ("kind", "text", "html", "entities", "caption", "caption_html")
    names += ("caption_entities", "photo", "document", "location", "extra")
    return {name: getattr(message, name) for name in names}
