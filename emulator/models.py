"""Plain data carried between the fake server, the world and the tests.

:class:`BotMessage` is a frozen snapshot: an edit never mutates it but stores a new version in
the chat, so a test that kept an old reference can still compare "before" and "after".
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ApiCall:
    """One Bot API request as the bot made it, and what the fake server answered.

    ``status`` is the HTTP status (0 when failure injection dropped the connection);
    ``result_or_error`` is the ``result`` on success, otherwise the error body.
    """

    method: str
    params: dict[str, Any]
    status: int
    result_or_error: Any

    @property
    def ok(self) -> bool:
        return self.status == 200


@dataclass(frozen=True)
class CallbackAnswer:
    """What the bot told the client in answerCallbackQuery (toast, alert or URL)."""

    text: str | None
    show_alert: bool
    url: str | None


@dataclass(frozen=True)
class Upload:
    """A file part of a multipart request."""

    field: str
    filename: str | None
    content_type: str | None
    data: bytes = dataclasses.field(repr=False)


@dataclass
class StoredFile:
    """A file the world knows, addressable by ``file_id`` and downloadable by ``file_path``."""

    file_id: str
    file_unique_id: str
    kind: str
    data: bytes = field(repr=False)
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None
    width: int | None = None
    height: int | None = None
    duration: int | None = None  # seconds, for voice notes and videos

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True)
class BotMessage:
    """A message in a chat, sent by a person or by the bot, as it looked at one moment.

    ``text``/``caption`` are plain text after HTML parsing; ``html``/``caption_html`` keep the
    raw string exactly as the bot sent it (None for people's messages, which have no markup).
    ``photo`` is the list of PhotoSize dicts (largest last), as in the Bot API. ``extra`` holds
    the kind-specific Bot API fields that have no attribute here (``sticker``, ``voice``,
    ``contact``, ``new_chat_members``, ``forum_topic_created``...). ``version`` starts at 1 and
    grows with every edit; a deleted message keeps its last content with ``deleted=True``.
    """

    message_id: int
    chat_id: int
    from_bot: bool
    sender_id: int
    date: int
    kind: str
    text: str | None = None
    html: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    caption: str | None = None
    caption_html: str | None = None
    caption_entities: list[dict[str, Any]] = field(default_factory=list)
    reply_markup: dict[str, Any] | None = None
    reply_to_message_id: int | None = None
    message_thread_id: int | None = None
    photo: list[dict[str, Any]] | None = None
    document: dict[str, Any] | None = None
    location: dict[str, Any] | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    copied_from: tuple[int, int] | None = None
    forwarded_from: tuple[int, int] | None = None
    media_group_id: str | None = None
    version: int = 1
    edited: bool = False
    edit_date: int | None = None
    deleted: bool = False

    @property
    def body(self) -> str:
        """Text or caption, whichever the message has ("" for neither)."""
        return self.text or self.caption or ""

    @property
    def inline_keyboard(self) -> list[list[dict[str, Any]]]:
        """The inline keyboard rows, or [] when the message has none."""
        if not self.reply_markup:
            return []
        return self.reply_markup.get("inline_keyboard") or []

    @property
    def buttons(self) -> list[list[str]]:
        """Button labels row by row (inline keyboard, else reply keyboard)."""
        if self.inline_keyboard:
            return [[b["text"] for b in row] for row in self.inline_keyboard]
        rows = (self.reply_markup or {}).get("keyboard") or []
        return [[b if isinstance(b, str) else b.get("text", "") for b in row] for row in rows]

    @property
    def button_data(self) -> dict[str, str]:
        """Label -> callback_data for the inline buttons that carry callback data."""
        return {
            b["text"]: b["callback_data"]
            for row in self.inline_keyboard
            for b in row
            if "callback_data" in b
        }

    @property
    def button_urls(self) -> dict[str, str]:
        """Label -> url for the inline buttons that open a link."""
        return {b["text"]: b["url"] for row in self.inline_keyboard for b in row if "url" in b}

    @property
    def force_reply(self) -> bool:
        return bool((self.reply_markup or {}).get("force_reply"))
