"""What a person sees of a chat: the bot's messages, read with a cursor.

``next_message`` and ``wait_for`` consume messages in order, like a person scrolling down, so a
test reads a conversation step by step and can never match a stale message twice. A message
already read that the bot edits since is news too, for ``wait_for`` (after the unread
ones): a guided step shows its next question by editing the message whose button was
pressed, and a person sees it change. Waiting is on the chat's change signal, never on
sleeps. (The ``timeout=`` keyword of the public methods is part of the agreed API, hence
the ASYNC109 exemptions.)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .chats import ChatState
from .models import BotMessage

if TYPE_CHECKING:
    from .world import BotWorld

Predicate = Callable[[BotMessage], bool]


def _short(message: BotMessage) -> str:
    body = message.body.replace("\n", " ")
    buttons = f" {message.buttons}" if message.buttons else ""
    return f"#{message.message_id} {body[:80]!r}{buttons}"


class ChatReader:
    """Reading helpers shared by a person's private chat and a group."""

    world: BotWorld
    _cursor: int = 0
    #: The version of each message when the cursor passed it (read or skipped).
    _passed: dict[int, int]

    def _chat(self) -> ChatState:
        raise NotImplementedError

    @property
    def last_message(self) -> BotMessage | None:
        """The newest bot message in this chat (current version), if any."""
        messages = self._chat().bot_visible()
        return messages[-1] if messages else None

    async def next_message(self, timeout: float = 5) -> BotMessage:  # noqa: ASYNC109
        """The next bot message not returned before; waits for it if needed."""
        return await self._consume(lambda _message: True, timeout, "new message", edits=False)

    async def wait_for(
        self,
        contains: str | None = None,
        *,
        predicate: Predicate | None = None,
        timeout: float = 5,  # noqa: ASYNC109
    ) -> BotMessage:
        """The first unread bot message whose text/caption contains ``contains`` (and that
        satisfies ``predicate``); messages before it are skipped as read."""

        def matches(message: BotMessage) -> bool:
            if contains is not None and contains not in message.body:
                return False
            return predicate is None or predicate(message)

        wanted = f"message containing {contains!r}" if contains is not None else "matching message"
        return await self._consume(matches, timeout, wanted)

    async def wait_for_edit(self, message: BotMessage, timeout: float = 5) -> BotMessage:  # noqa: ASYNC109
        """The first version of ``message`` newer than the snapshot given."""
        chat = self.world.chats[message.chat_id]

        def newer() -> BotMessage | None:
            live = chat.messages[message.message_id]
            return live if live.version > message.version else None

        live = await chat.signal.wait_for(newer, timeout)
        if live is None:
            raise AssertionError(
                f"{self}: message #{message.message_id} was not edited within {timeout}s"
            )
        if live.deleted:
            raise AssertionError(f"{self}: message #{message.message_id} was deleted, not edited")
        seen = self._passed.get(message.message_id, 0)
        self._passed[message.message_id] = max(seen, live.version)  # read: no news for wait_for
        return live

    async def _consume(
        self, matches: Predicate, within: float, wanted: str, *, edits: bool = True
    ) -> BotMessage:
        chat = self._chat()
        passed = self._passed

        def edited(message: BotMessage) -> bool:
            return message.version > passed.get(message.message_id, message.version)

        def find() -> tuple[int, BotMessage] | None:
            ids = chat.bot_message_ids
            for index in range(self._cursor, len(ids)):  # unread messages first
                message = chat.messages[ids[index]]
                if not message.deleted and matches(message):
                    return index + 1, message
            for index in range(min(self._cursor, len(ids)) if edits else 0):
                message = chat.messages[ids[index]]  # then read ones edited since
                if not message.deleted and edited(message) and matches(message):
                    return self._cursor, message
            return None

        found = await chat.signal.wait_for(find, within)
        if found is None:
            raise AssertionError(self._timeout_report(chat, within, wanted))
        cursor, message = found
        ids = chat.bot_message_ids
        for index in range(ids.index(message.message_id) + 1):
            passed[ids[index]] = chat.messages[ids[index]].version  # skipped as read
        passed[message.message_id] = message.version
        self._cursor = cursor
        return message

    def _timeout_report(self, chat: ChatState, timeout: float, wanted: str) -> str:
        unread = [chat.messages[i] for i in chat.bot_message_ids[self._cursor :]]
        read = len(chat.bot_message_ids) - len(unread)
        lines = "\n  ".join(_short(m) for m in unread if not m.deleted) or "(none)"
        return (
            f"{self}: no {wanted} from the bot within {timeout}s "
            f"({read} bot message(s) already read); unread bot messages:\n  {lines}"
        )


class SharedChat(ChatReader):
    """A group or a channel as the test holds it: one chat of the world, read in order."""

    def __init__(self, world: BotWorld, chat: ChatState) -> None:
        self.world = world
        self.chat = chat
        self._cursor = 0
        self._passed = {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.title!r}, id={self.id})"

    def _chat(self) -> ChatState:
        return self.chat

    @property
    def id(self) -> int:
        return self.chat.id

    @property
    def title(self) -> str:
        return self.chat.title or ""
