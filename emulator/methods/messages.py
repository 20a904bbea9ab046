"""Text messages and what can happen to any message: edits, deletion, copies, forwards."""

from __future__ import annotations

from typing import Any

from ..chats import ChatState
from ..errors import EDIT_NOT_FOUND, NOT_MODIFIED, bad_request
from ..markup import check_reply_markup, inline_part
from ..models import BotMessage
from ..serialize import message_json
from .common import (
    MEDIA_KINDS,
    check_access,
    content_of,
    envelope,
    parse_caption,
    parse_text,
    resolve_chat,
    revise,
    send,
    thread_target,
    writable_chat,
)
from .registry import Call, method

DELETE_WINDOW = 48 * 3600
_NOT_COMPARED = frozenset({"reply_markup", "html", "caption_html"})
CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice",
        "upload_voice", "upload_document", "choose_sticker", "find_location",
        "record_video_note", "upload_video_note",
    }
)  # fmt: skip


@method("sendMessage")
def send_message(call: Call) -> dict[str, Any]:
    chat = writable_chat(call)
    around = envelope(call, chat)
    text, entities = parse_text(call)
    message = send(
        call, chat, kind="text", text=text, html=call.get("text"), entities=entities, **around
    )
    return message_json(call.world, message)


@method("sendLocation")
def send_location(call: Call) -> dict[str, Any]:
    chat = writable_chat(call)
    around = envelope(call, chat)
    latitude, longitude = call.get("latitude"), call.get("longitude")
    if not -90 <= latitude <= 90:
        raise bad_request("wrong latitude specified")
    if not -180 <= longitude <= 180:
        raise bad_request("wrong longitude specified")
    location = {"latitude": latitude, "longitude": longitude}
    message = send(call, chat, kind="location", location=location, **around)
    return message_json(call.world, message)


@method("sendChatAction")
def send_chat_action(call: Call) -> bool:
    chat = writable_chat(call)
    if call.get("action") not in CHAT_ACTIONS:
        raise bad_request("wrong parameter action in request")
    thread_target(call, chat, None)
    return True


# --------------------------------------------------------------------------------- edits


def _edit_target(call: Call) -> tuple[ChatState, BotMessage]:
    if call.get("inline_message_id"):
        raise bad_request("inline messages are not supported by the emulator")
    if call.get("chat_id") is None or call.get("message_id") is None:
        raise bad_request("message identifier is not specified")
    chat = resolve_chat(call, call.get("chat_id"))
    check_access(call, chat)
    message = chat.get(call.get("message_id"))
    if message is None:
        raise bad_request(EDIT_NOT_FOUND)
    if not message.from_bot:
        raise bad_request("message can't be edited")
    return chat, message


def _edited(call: Call, chat: ChatState, message: BotMessage, **changes: Any) -> dict[str, Any]:
    """Refuse a no-op edit like Telegram (raw HTML spelling does not count), else store it."""
    same_markup = inline_part(changes.get("reply_markup")) == inline_part(message.reply_markup)
    compared = {k: v for k, v in changes.items() if k not in _NOT_COMPARED}
    if same_markup and all(getattr(message, k) == v for k, v in compared.items()):
        raise bad_request(NOT_MODIFIED)
    new = revise(chat, message, edited=True, edit_date=call.world.now(), **changes)
    return message_json(call.world, new)


@method("editMessageText")
def edit_message_text(call: Call) -> dict[str, Any]:
    chat, message = _edit_target(call)
    if message.kind != "text":
        raise bad_request("there is no text in the message to edit")
    text, entities = parse_text(call)
    markup = check_reply_markup(call.get("reply_markup"), inline_only=True)
    return _edited(
        call,
        chat,
        message,
        text=text,
        entities=entities,
        html=call.get("text"),
        reply_markup=markup,
    )


@method("editMessageCaption")
def edit_message_caption(call: Call) -> dict[str, Any]:
    chat, message = _edit_target(call)
    if message.kind not in MEDIA_KINDS:
        raise bad_request("there is no caption in the message to edit")
    caption = parse_caption(call)
    markup = check_reply_markup(call.get("reply_markup"), inline_only=True)
    return _edited(call, chat, message, **caption, reply_markup=markup)


@method("editMessageReplyMarkup")
def edit_message_reply_markup(call: Call) -> dict[str, Any]:
    chat, message = _edit_target(call)
    markup = check_reply_markup(call.get("reply_markup"), inline_only=True)
    return _edited(call, chat, message, reply_markup=markup)


@method("deleteMessage")
def delete_message(call: Call) -> bool:
    chat = resolve_chat(call, call.get("chat_id"))
    check_access(call, chat)
    message = chat.get(call.get("message_id"))
    if message is None:
        raise bad_request("message to delete not found")
    if not chat.is_private and not message.from_bot and not chat.bot_is_admin:
        raise bad_request("message can't be deleted")
    if call.world.now() - message.date > DELETE_WINDOW:
        raise bad_request("message can't be deleted for everyone")
    revise(chat, message, deleted=True)
    return True


# ----------------------------------------------------------------------- copy / forward


def _source(call: Call, missing: str) -> BotMessage:
    source_chat = resolve_chat(call, call.get("from_chat_id"))
    if not source_chat.bot_present:
        raise bad_request(missing)
    message = source_chat.get(call.get("message_id"))
    if message is None:
        raise bad_request(missing)
    if message.kind == "service":
        raise bad_request("message can't be copied")
    return message


@method("copyMessage")
def copy_message(call: Call) -> dict[str, int]:
    source = _source(call, "message to copy not found")
    chat = writable_chat(call)
    around = envelope(call, chat)
    content = content_of(source)
    if source.kind in MEDIA_KINDS and "caption" in call.params:
        content |= parse_caption(call)
    copied_from = (source.chat_id, source.message_id)
    message = send(call, chat, **content, **around, copied_from=copied_from)
    return {"message_id": message.message_id}


@method("forwardMessage")
def forward_message(call: Call) -> dict[str, Any]:
    source = _source(call, "message to forward not found")
    chat = writable_chat(call)
    thread = thread_target(call, chat, None)
    origin = source.forwarded_from or (source.chat_id, source.message_id)
    message = send(
        call, chat, **content_of(source), message_thread_id=thread, forwarded_from=origin
    )
    return message_json(call.world, message)
