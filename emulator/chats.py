"""State of one chat: its messages in order, who is in it, and how the bot stands there."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from .journal import MessageJournal
from .models import BotMessage
from .sync import Signal

PRIVATE = "private"
GROUP = "group"  # a basic group; upgrading makes it a supergroup with a new id
SUPERGROUP = "supergroup"
CHANNEL = "channel"  # the bot can only be an administrator there; posts have no sender
ACTIVE_BOT = ("member", "administrator")


@dataclass
class ChatState:
    """A private chat (``id`` = the user's id), a basic group (small negative id), a
    supergroup or a channel (negative ``-100...`` id; a public one has a ``username``).

    Messages are never removed: deletion stores a version with ``deleted=True`` so "the bot
    deleted it" stays observable. ``signal`` fires on every change of this chat's messages.
    """

    id: int
    type: str
    title: str | None = None
    username: str | None = None
    is_forum: bool = False
    privacy_mode: bool = True
    bot_status: str = "member"
    members: dict[int, str] = field(default_factory=dict)
    messages: dict[int, BotMessage] = field(default_factory=dict)
    bot_message_ids: list[int] = field(default_factory=list)
    topics: dict[int, str] = field(default_factory=dict)
    #: In a channel: whether the bot, as an administrator, may post (can_post_messages).
    bot_can_post: bool = True
    #: Set on a basic group upgraded to a supergroup: every later call answers 400.
    migrated_to: int | None = None
    next_message_id: int = 1
    instance: str = field(default_factory=lambda: str(secrets.randbelow(9 * 10**18) + 10**18))
    signal: Signal = field(default_factory=Signal)
    #: The world's feed of changes across chats (set when the world registers the chat).
    journal: MessageJournal | None = None

    @property
    def is_private(self) -> bool:
        return self.type == PRIVATE

    @property
    def is_channel(self) -> bool:
        return self.type == CHANNEL

    @property
    def bot_is_admin(self) -> bool:
        return self.bot_status == "administrator"

    @property
    def bot_present(self) -> bool:
        return self.is_private or self.bot_status in ACTIVE_BOT

    def new_message_id(self) -> int:
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id

    def add(self, message: BotMessage) -> None:
        self.messages[message.message_id] = message
        if message.from_bot:
            self.bot_message_ids.append(message.message_id)
        self._changed(message)

    def replace(self, message: BotMessage) -> None:
        """Store a new version of an existing message."""
        self.messages[message.message_id] = message
        self._changed(message)

    def _changed(self, message: BotMessage) -> None:
        self.signal.fire()
        if self.journal is not None:
            self.journal.record(self.id, message.message_id)

    def get(self, message_id: int) -> BotMessage | None:
        """The current version, or None when it never existed or was deleted."""
        message = self.messages.get(message_id)
        return None if message is None or message.deleted else message

    def visible(self) -> list[BotMessage]:
        return [m for m in self.messages.values() if not m.deleted]

    def bot_visible(self) -> list[BotMessage]:
        return [m for m in self.visible() if m.from_bot]
