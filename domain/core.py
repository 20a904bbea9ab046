"""The life of an outbox row."""

from __future__ import annotations

from enum import StrEnum


class OutboxState(StrEnum):
    """``outbox.state``: pending -> sending (committed before the request) -> sent | dead."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    DEAD = "dead"
