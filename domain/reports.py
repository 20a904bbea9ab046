"""Scheduled digest runs."""

from __future__ import annotations

from enum import StrEnum


class DigestState(StrEnum):
    """``digest_runs.state``. The kinds are registered by the features (an open set)."""

    PENDING = "pending"
    SENT = "sent"
