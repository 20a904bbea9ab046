"""How a person's message enters a chat, and whether the bot is told about it.

The delivery rule is Telegram's privacy mode: in a group, a bot that is not an admin and has
privacy mode on only receives commands (``/cmd`` or ``/cmd@this_bot``), replies to its own
messages and service messages. Everything else is stored in the chat but produces no update,
which is exactly the class of bug ("works in private, silent in the group") tests must catch.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
from typing import TYPE_CHECKING, Any

from .chats import ChatState
from .errors import ApiError
from .files import document_json, image_size, make_png, video_json, voice_json
from .models import BotMessage

if TYPE_CHECKING:
    from .world import BotWorld

_COMMAND = re.compile(r"/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,32}))?(?![A-Za-z0-9_@])")
SAMPLE_PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
PHOTO_SIZE = (640, 480)
SAMPLE_MP4 = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + bytes(40)
VIDEO_SIZE = (480, 848)


def command_entities(text: str) -> list[dict[str, Any]]:
    """The bot_command entity Telegram puts on a leading ``/command[@bot]``."""
    match = _COMMAND.match(text)
    if not match:
        return []
    return [{"type": "bot_command", "offset": 0, "length": len(match.group(0))}]


def command_target(message: BotMessage) -> tuple[str, str | None] | None:
    """``(command, @mention or None)`` of a message starting with a command."""
    match = _COMMAND.match(message.text or message.caption or "")
    return (match.group(1), match.group(2)) if match else None


def bot_receives(world: BotWorld, chat: ChatState, message: BotMessage) -> bool:
    """Telegram's delivery rule for a person's message (privacy mode in groups)."""
    if chat.is_private:
        return True
    if not chat.bot_present:
        return False
    if not chat.privacy_mode or chat.bot_is_admin or message.kind == "service":
        return True
    replied = chat.messages.get(message.reply_to_message_id or 0)
    if replied is not None and replied.from_bot:
        return True
    command = command_target(message)
    if command is None:
        return False
    mention = command[1]
    return mention is None or mention.lower() == world.username.lower()


def reply_id(chat: ChatState, reply_to: BotMessage | int | None) -> int | None:
    if reply_to is None:
        return None
    message_id = reply_to if isinstance(reply_to, int) else reply_to.message_id
    if isinstance(reply_to, BotMessage) and reply_to.chat_id != chat.id:
        raise ApiError(f"message #{message_id} is in another chat")
    if chat.get(message_id) is None:
        raise ApiError(f"no message #{message_id} to reply to in chat {chat.id}")
    return message_id


def thread_id(chat: ChatState, requested: int | None, replied: int | None) -> int | None:
    """A topic of a forum; replies stay in the topic of the message they answer."""
    if requested is None and replied is not None:
        return chat.messages[replied].message_thread_id
    if requested is not None and requested not in chat.topics:
        raise ApiError(f"no topic {requested} in chat {chat.id} (topics: {chat.topics})")
    return requested


async def post(
    world: BotWorld,
    chat: ChatState,
    sender_id: int,
    fields: dict[str, Any],
    *,
    reply_to: BotMessage | int | None = None,
    message_thread_id: int | None = None,
) -> BotMessage:
    """Store a person's message and queue the update if the bot may see it."""
    replied = reply_id(chat, reply_to)
    message = world.add_message(
        chat,
        from_bot=False,
        sender_id=sender_id,
        reply_to_message_id=replied,
        message_thread_id=thread_id(chat, message_thread_id, replied),
        **fields,
    )
    if bot_receives(world, chat, message):
        world.emit_message(message)
    await asyncio.sleep(0)  # let a waiting getUpdates hand it out before the test goes on
    return message


async def edit_post(
    world: BotWorld,
    chat: ChatState,
    message: BotMessage,
    *,
    text: str | None = None,
    location: dict[str, Any] | None = None,
) -> BotMessage:
    """The sender edits their message's text, or a live location moves: Telegram sends
    the bot an ``edited_message`` update (under the same privacy rule as the original)."""
    current = chat.get(message.message_id)
    editable = (
        current is not None
        and not current.from_bot
        and (current.text is not None if text is not None else current.location is not None)
    )
    if current is None or not editable:
        raise ApiError(f"message #{message.message_id} cannot be edited that way")
    changes: dict[str, Any] = (
        {"text": text, "entities": command_entities(text)}
        if text is not None
        else {"location": location}
    )
    new = dataclasses.replace(
        current, **changes, version=current.version + 1, edited=True, edit_date=world.now()
    )
    chat.replace(new)
    if bot_receives(world, chat, new):
        world.emit_message(new, edited=True)
    await asyncio.sleep(0)
    return new


# ------------------------------------------------------------------ content of messages


def text_fields(text: str) -> dict[str, Any]:
    if not text:
        raise ApiError("a message needs a non-empty text")
    return {"kind": "text", "text": text, "entities": command_entities(text)}


def photo_fields(
    world: BotWorld, caption: str | None, picture: bytes | None = None
) -> dict[str, Any]:
    """A photo message: ``picture`` (PNG, GIF, JPEG or WebP bytes), or a generated PNG."""
    if picture is None:
        picture = make_png(*PHOTO_SIZE, rgb=world.files.next_color())
    size = image_size(picture)
    if size is None:
        raise ApiError("a photo must be a PNG, GIF, JPEG or WebP picture")
    sizes = world.files.photo(picture, size)
    return {"kind": "photo", "photo": sizes, **_caption(caption)}


def document_fields(
    world: BotWorld, file_name: str, mime_type: str, content: bytes, caption: str | None
) -> dict[str, Any]:
    stored = world.files.add("document", content, file_name=file_name, mime_type=mime_type)
    return {"kind": "document", "document": document_json(stored), **_caption(caption)}


def location_fields(latitude: float, longitude: float) -> dict[str, Any]:
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ApiError("latitude must be in -90..90 and longitude in -180..180")
    return {"kind": "location", "location": {"latitude": latitude, "longitude": longitude}}


def sticker_fields(world: BotWorld) -> dict[str, Any]:
    stored = world.files.add("sticker", b"RIFF\x1a\x00\x00\x00WEBPVP8 ", mime_type="image/webp")
    sticker = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "emoji": "👍",
        "file_size": stored.size,
    }
    return {"kind": "sticker", "extra": {"sticker": sticker}}


def voice_fields(world: BotWorld, duration: int) -> dict[str, Any]:
    stored = world.files.add("voice", b"OggS" + bytes(60), mime_type="audio/ogg", duration=duration)
    return {"kind": "voice", "extra": {"voice": voice_json(stored)}}


def video_fields(world: BotWorld, duration: int, caption: str | None) -> dict[str, Any]:
    """A short MP4 video as a phone records it (the bytes only need to be non-empty)."""
    stored = world.files.add(
        "video", SAMPLE_MP4, mime_type="video/mp4", size=VIDEO_SIZE, duration=duration
    )
    return {"kind": "video", "extra": {"video": video_json(stored)}, **_caption(caption)}


def contact_fields(phone_number: str, first_name: str, user_id: int) -> dict[str, Any]:
    contact = {"phone_number": phone_number, "first_name": first_name, "user_id": user_id}
    return {"kind": "contact", "extra": {"contact": contact}}


def _caption(caption: str | None) -> dict[str, Any]:
    if not caption:
        return {}
    return {"caption": caption, "caption_entities": command_entities(caption)}
