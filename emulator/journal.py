"""A world-wide feed of message changes, for clients that show every chat at once.

Tests read one chat at a time (:mod:`.reading`); a screen that shows many chats side by side
(the sandbox page) needs to learn of any new message, edit or deletion in any chat without
scanning them all. Every chat of a world records ``(chat_id, message_id)`` here whenever it
stores a message or a new version of one; readers keep a cursor and ask what came since.
"""

from __future__ import annotations

from .sync import Signal


class MessageJournal:
    """Append-only list of ``(chat_id, message_id)`` changes, with a signal on each."""

    def __init__(self) -> None:
        self._entries: list[tuple[int, int]] = []
        self.signal = Signal()

    @property
    def cursor(self) -> int:
        """The position after the newest entry: ``since(cursor)`` is empty right now."""
        return len(self._entries)

    def record(self, chat_id: int, message_id: int) -> None:
        self._entries.append((chat_id, message_id))
        self.signal.fire()

    def since(self, cursor: int) -> tuple[list[tuple[int, int]], int]:
        """Changed messages after ``cursor`` (each once, in order of their latest change),
        and the new cursor."""
        latest_first = dict.fromkeys(reversed(self._entries[cursor:]))
        return list(reversed(latest_first)), len(self._entries)
