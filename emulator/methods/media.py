"""Photos, documents, voice notes, videos, albums, and getFile.

A file is either uploaded in the request (multipart, possibly via ``attach://``) or named by
a file_id this world already knows. Uploaded photos must really be images, because Telegram
re-encodes them and refuses what it cannot decode (``IMAGE_PROCESS_FAILED``).
"""

from __future__ import annotations

import mimetypes
import secrets
from collections.abc import Callable
from typing import Any

from ..errors import WRONG_FILE_ID, Rejected, bad_request
from ..files import DOWNLOAD_LIMIT, document_json, file_json, image_size, video_json, voice_json
from ..models import StoredFile, Upload
from ..serialize import message_json
from .common import envelope, parse_caption, send, writable_chat
from .registry import Call, method

PHOTO_LIMIT = 10 * 1024 * 1024
UPLOAD_LIMIT = 50 * 1024 * 1024


def _known_file(call: Call, value: str, kind: str) -> StoredFile:
    if value.startswith(("http://", "https://")):
        raise bad_request("failed to get HTTP URL content (the emulator does not fetch URLs)")
    stored = call.world.files.get(value)
    if stored is None:
        raise bad_request(WRONG_FILE_ID)
    if stored.kind != kind:
        raise bad_request(f"type of file mismatch: can't use file of type {stored.kind} as {kind}")
    return stored


def _photo(call: Call, value: Any) -> list[dict[str, Any]]:
    """PhotoSize list for an uploaded picture or for the photo behind a known file_id."""
    if isinstance(value, str):
        stored = _known_file(call, value, "photo")
        return call.world.files.photo_set(stored.file_id) or []
    if not isinstance(value, Upload):
        raise bad_request("there is no photo in the request")
    if len(value.data) > PHOTO_LIMIT:
        raise bad_request("PHOTO_SAVE_FILE_INVALID")
    size = image_size(value.data)
    if size is None:
        raise bad_request("IMAGE_PROCESS_FAILED")
    width, height = size
    if width + height > 10000 or max(width, height) > 20 * max(1, min(width, height)):
        raise bad_request("PHOTO_INVALID_DIMENSIONS")
    return call.world.files.photo(value.data, size)


def _document(call: Call, value: Any) -> dict[str, Any]:
    if isinstance(value, str):
        return document_json(_known_file(call, value, "document"))
    if not isinstance(value, Upload):
        raise bad_request("there is no document in the request")
    if not value.data:
        raise bad_request("file must be non-empty")
    if len(value.data) > UPLOAD_LIMIT:
        raise Rejected(413, "Request Entity Too Large")
    name = value.filename or "document"
    mime = value.content_type
    if not mime or mime == "application/octet-stream":
        mime = mimetypes.guess_type(name)[0] or mime
    stored = call.world.files.add("document", value.data, file_name=name, mime_type=mime)
    return document_json(stored)


def _upload(call: Call, value: Any, kind: str, mime: str, **meta: Any) -> StoredFile:
    """A voice note or video: one this world knows by file_id, or a new upload."""
    if isinstance(value, str):
        return _known_file(call, value, kind)
    if not isinstance(value, Upload):
        raise bad_request(f"there is no {kind} in the request")
    if not value.data:
        raise bad_request("file must be non-empty")
    if len(value.data) > UPLOAD_LIMIT:
        raise Rejected(413, "Request Entity Too Large")
    content_type = value.content_type
    if content_type and content_type != "application/octet-stream":
        mime = content_type
    return call.world.files.add(kind, value.data, file_name=value.filename, mime_type=mime, **meta)


@method("sendPhoto")
def send_photo(call: Call) -> dict[str, Any]:
    chat = writable_chat(call)
    around = envelope(call, chat)
    caption = parse_caption(call)
    photo = _photo(call, call.get("photo"))
    message = send(call, chat, kind="photo", photo=photo, **caption, **around)
    return message_json(call.world, message)


@method("sendDocument")
def send_document(call: Call) -> dict[str, Any]:
    chat = writable_chat(call)
    around = envelope(call, chat)
    caption = parse_caption(call)
    document = _document(call, call.get("document"))
    message = send(call, chat, kind="document", document=document, **caption, **around)
    return message_json(call.world, message)


def _send_media(
    call: Call,
    kind: str,
    mime: str,
    describe: Callable[[StoredFile], dict[str, Any]],
    **meta: Any,
) -> dict[str, Any]:
    """sendVoice / sendVideo: the file (known or uploaded) as a message of that kind, the
    Voice or Video object (``describe``) in the message's kind-specific field."""
    chat = writable_chat(call)
    around = envelope(call, chat)
    caption = parse_caption(call)
    stored = _upload(call, call.get(kind), kind, mime, duration=call.get("duration"), **meta)
    message = send(call, chat, kind=kind, extra={kind: describe(stored)}, **caption, **around)
    return message_json(call.world, message)


@method("sendVoice")
def send_voice(call: Call) -> dict[str, Any]:
    return _send_media(call, "voice", "audio/ogg", voice_json)


@method("sendVideo")
def send_video(call: Call) -> dict[str, Any]:
    width, height = call.get("width"), call.get("height")
    size = (width, height) if width and height else None
    return _send_media(call, "video", "video/mp4", video_json, size=size)


def _album_item(call: Call, item: Any) -> dict[str, Any]:
    if not isinstance(item, dict) or item.get("type") not in ("photo", "document"):
        raise bad_request("the emulator supports only photo and document media groups")
    media = item.get("media")
    if isinstance(media, str) and media.startswith("attach://"):
        media = call.uploads.get(media.removeprefix("attach://"))
        if media is None:
            raise bad_request(f"file {item['media']} is not found in the request")
    fields = parse_caption(call, item)
    if item["type"] == "photo":
        return {"kind": "photo", "photo": _photo(call, media), **fields}
    return {"kind": "document", "document": _document(call, media), **fields}


@method("sendMediaGroup")
def send_media_group(call: Call) -> list[dict[str, Any]]:
    chat = writable_chat(call)
    around = envelope(call, chat) | {"reply_markup": None}
    media = call.get("media")
    if not 2 <= len(media) <= 10:
        raise bad_request("media group must include 2-10 items")
    kinds = {item.get("type") for item in media if isinstance(item, dict)}
    if "document" in kinds and len(kinds) > 1:
        raise bad_request("documents can't be mixed with other media types")
    items = [_album_item(call, item) for item in media]
    group_id = str(10**17 + secrets.randbelow(9 * 10**17))
    world = call.world
    world.flood.check(chat.id, private=chat.is_private)
    messages = [
        world.add_message(
            chat, from_bot=True, sender_id=world.bot_id, media_group_id=group_id, **item, **around
        )
        for item in items
    ]
    return [message_json(world, message) for message in messages]


@method("getFile")
def get_file(call: Call) -> dict[str, Any]:
    stored = call.world.files.get(call.get("file_id"))
    if stored is None:
        raise bad_request("invalid file_id")
    if stored.size > DOWNLOAD_LIMIT:
        raise bad_request("file is too big")
    return file_json(stored)
