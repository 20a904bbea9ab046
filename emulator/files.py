"""Files of one world: ids like Telegram's, tiny real images, and what getFile serves.

Files are real bytes so a bot that downloads a citizen's photo and re-uploads or stores it
works end to end. Identifiers are random per world (a file_id from another bot token is
"wrong file identifier" here, as it would be across real bots).
"""

from __future__ import annotations

import mimetypes
import secrets
import struct
import zlib
from typing import Any

from .models import StoredFile

_ID_PREFIX = {
    "photo": "AgAC",
    "document": "BQAC",
    "sticker": "CAAC",
    "voice": "AwAC",
    "video": "BAAC",
}
_FOLDER = {
    "photo": "photos",
    "document": "documents",
    "sticker": "stickers",
    "voice": "voice",
    "video": "videos",
}
DOWNLOAD_LIMIT = 20 * 1024 * 1024


def _token(length: int) -> str:
    return secrets.token_urlsafe(length)[:length]


class FileStore:
    """All files of one world, by file_id and by file_path."""

    def __init__(self) -> None:
        self._by_id: dict[str, StoredFile] = {}
        self._by_path: dict[str, StoredFile] = {}
        self._counter = 0
        self._photo_sets: dict[str, list[dict[str, Any]]] = {}

    def add(
        self,
        kind: str,
        data: bytes,
        *,
        file_name: str | None = None,
        mime_type: str | None = None,
        size: tuple[int, int] | None = None,
        duration: int | None = None,
    ) -> StoredFile:
        self._counter += 1
        extension = _extension(kind, file_name, mime_type)
        stored = StoredFile(
            file_id=_ID_PREFIX.get(kind, "BQAC") + "AgIAAxkBAA" + _token(56),
            file_unique_id="AQAD" + _token(12),
            kind=kind,
            data=data,
            file_path=f"{_FOLDER.get(kind, 'documents')}/file_{self._counter}{extension}",
            file_name=file_name,
            mime_type=mime_type,
            width=size[0] if size else None,
            height=size[1] if size else None,
            duration=duration,
        )
        self._by_id[stored.file_id] = stored
        self._by_path[stored.file_path] = stored
        return stored

    def next_color(self) -> tuple[int, int, int]:
        """A different colour for each generated picture, so their bytes differ."""
        n = self._counter + 1
        return (n * 67) % 256, (n * 131) % 256, (n * 197) % 256

    def get(self, file_id: str) -> StoredFile | None:
        return self._by_id.get(file_id)

    def by_path(self, file_path: str) -> StoredFile | None:
        return self._by_path.get(file_path)

    def photo(self, data: bytes, size: tuple[int, int]) -> list[dict[str, Any]]:
        """PhotoSize list for one picture: thumbnails first, the original last."""
        width, height = size
        scales = [s for s in (90, 320) if s < max(width, height)]
        sizes = []
        for side in scales:
            factor = side / max(width, height)
            scaled = (max(1, round(width * factor)), max(1, round(height * factor)))
            sizes.append(self.add("photo", data, size=scaled))
        sizes.append(self.add("photo", data, size=size))
        photo = [photo_size(stored) for stored in sizes]
        for stored in sizes:
            self._photo_sets[stored.file_id] = photo
        return photo

    def photo_set(self, file_id: str) -> list[dict[str, Any]] | None:
        """All sizes of the photo that ``file_id`` is one size of (for re-sending by id)."""
        return self._photo_sets.get(file_id)


def photo_size(stored: StoredFile) -> dict[str, Any]:
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": stored.size,
        "width": stored.width,
        "height": stored.height,
    }


def document_json(stored: StoredFile) -> dict[str, Any]:
    result: dict[str, Any] = {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": stored.size,
    }
    if stored.file_name:
        result["file_name"] = stored.file_name
    if stored.mime_type:
        result["mime_type"] = stored.mime_type
    return result


def voice_json(stored: StoredFile) -> dict[str, Any]:
    """The Voice object of a stored voice note."""
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "duration": stored.duration or 0,
        "mime_type": stored.mime_type or "audio/ogg",
        "file_size": stored.size,
    }


def video_json(stored: StoredFile) -> dict[str, Any]:
    """The Video object of a stored video."""
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "width": stored.width or 0,
        "height": stored.height or 0,
        "duration": stored.duration or 0,
        "mime_type": stored.mime_type or "video/mp4",
        "file_size": stored.size,
    }


def file_json(stored: StoredFile) -> dict[str, Any]:
    """The File object of getFile."""
    return {
        "file_id": stored.file_id,
        "file_unique_id": stored.file_unique_id,
        "file_size": stored.size,
        "file_path": stored.file_path,
    }


def _extension(kind: str, file_name: str | None, mime_type: str | None) -> str:
    if file_name and "." in file_name:
        return "." + file_name.rsplit(".", 1)[1].lower()
    if kind == "photo":
        return ".jpg"
    if kind == "voice":
        return ".oga"
    if kind == "video":
        return ".mp4"
    guessed = mimetypes.guess_extension(mime_type or "") if mime_type else None
    return guessed or ""


def make_png(width: int = 4, height: int = 3, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A tiny but valid PNG, so clients and image libraries accept it."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


def image_size(data: bytes) -> tuple[int, int] | None:
    """Width and height of a PNG, GIF, JPEG or WebP picture; None when it is not one."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) >= 24:
        return struct.unpack(">II", data[16:24])
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return struct.unpack("<HH", data[6:10])
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return (512, 512)
    return None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    pos = 2
    while pos + 9 < len(data):
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        pos += 2 + length
    return None
