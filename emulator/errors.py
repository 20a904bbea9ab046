"""Errors of the emulator.

Two kinds exist on purpose: :class:`Rejected` is what the *fake server* answers to the bot (it
becomes an ``{"ok": false, ...}`` body with Telegram's own wording), while :class:`ApiError` is
raised to the *test author* who misuses the simulation API (for example a user who is not a
member writing into a group). Keeping them apart stops a test mistake from being mistaken for a
bot bug, and vice versa.
"""

from __future__ import annotations

import math
from http import HTTPStatus
from typing import Any


class ApiError(Exception):
    """The simulation API was used in a way that cannot happen in real Telegram."""


class Rejected(Exception):
    """A Bot API call the fake server refuses, with Telegram's status code and description."""

    def __init__(
        self, status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def body(self) -> dict[str, Any]:
        """The JSON body Telegram sends for this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(reason: str) -> Rejected:
    """HTTP 400 with the ``Bad Request: `` prefix Telegram puts in front of every reason."""
    return Rejected(400, f"Bad Request: {reason}")


def forbidden(reason: str) -> Rejected:
    """HTTP 403 with the ``Forbidden: `` prefix."""
    return Rejected(403, f"Forbidden: {reason}")


def too_many_requests(wait_seconds: float) -> Rejected:
    """HTTP 429 flood-control error; ``retry_after`` is whole seconds, at least 1."""
    retry_after = max(1, math.ceil(wait_seconds))
    return Rejected(
        429,
        f"Too Many Requests: retry after {retry_after}",
        {"retry_after": retry_after},
    )


def chat_migrated(new_chat_id: int) -> Rejected:
    """HTTP 400 for any call naming a basic group that became a supergroup; the new id
    travels in ``parameters`` (PTB raises ``ChatMigrated``)."""
    return Rejected(400, f"Bad Request: {UPGRADED}", {"migrate_to_chat_id": new_chat_id})


def plain_error(status: int, description: str | None = None) -> Rejected:
    """Any other status (used by failure injection), with the standard reason phrase."""
    if description is None:
        try:
            description = HTTPStatus(status).phrase
        except ValueError:
            description = f"Error {status}"
    return Rejected(status, description)


NOT_FOUND = Rejected(404, "Not Found")
UNAUTHORIZED = Rejected(401, "Unauthorized")

CHAT_NOT_FOUND = "chat not found"
UPGRADED = "group chat was upgraded to a supergroup chat"
CANT_INITIATE = "bot can't initiate conversation with a user"
BLOCKED = "bot was blocked by the user"
KICKED_SUPERGROUP = "bot was kicked from the supergroup chat"
NOT_A_MEMBER = "bot is not a member of the supergroup chat"
KICKED_GROUP = "bot was kicked from the group chat"  # the same, in a basic group
NOT_A_GROUP_MEMBER = "bot is not a member of the group chat"
KICKED_CHANNEL = "bot was kicked from the channel chat"
NOT_A_CHANNEL_MEMBER = "bot is not a member of the channel chat"
CHANNEL_RIGHTS = "need administrator rights in the channel chat"
MEMBERS_INACCESSIBLE = "member list is inaccessible"
REPLY_NOT_FOUND = "message to be replied not found"
EDIT_NOT_FOUND = "message to edit not found"
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
WRONG_FILE_ID = "wrong file identifier/HTTP URL specified"
