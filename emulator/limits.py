"""Flood control: Telegram's message rate limits as token buckets.

Telegram does not publish exact algorithms, only the rules of thumb in its FAQ: about 30
messages per second overall, one message per second per private chat (short bursts tolerated)
and 20 messages per minute per group. Token buckets model "burst then steady rate" and give an
exact ``retry_after``, which is what the bot's rate limiter must honour.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from .errors import too_many_requests

#: Methods that produce messages; only these are counted, as on Telegram.
MESSAGE_METHODS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendDocument",
        "sendLocation",
        "sendMediaGroup",
        "copyMessage",
        "forwardMessage",
    }
)


@dataclass
class FloodLimits:
    """Mutable limits of one world; tests may loosen or tighten them at any time."""

    enabled: bool = True
    global_rate: float = 30.0
    global_burst: int = 30
    private_rate: float = 1.0
    private_burst: int = 3
    group_rate: float = 20 / 60
    group_burst: int = 20


@dataclass
class TokenBucket:
    tokens: float
    updated: float

    def wait_needed(self, now: float, capacity: int, rate: float) -> float:
        """Seconds until one token is available (0 when one is available now)."""
        self.tokens = min(capacity, self.tokens + (now - self.updated) * rate)
        self.updated = now
        if self.tokens >= 1:
            return 0.0
        return (1 - self.tokens) / rate if rate > 0 else float("inf")

    def take(self) -> None:
        self.tokens -= 1


class FloodControl:
    """Decides whether one more message may go to a chat right now."""

    def __init__(
        self,
        limits: Callable[[], FloodLimits],
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self._limits = limits
        self._now = now
        self._global: TokenBucket | None = None
        self._chats: dict[int, TokenBucket] = {}

    def check(self, chat_id: int, *, private: bool) -> None:
        """Consume one token from the global and the chat bucket, or raise a 429."""
        limits = self._limits()
        if not limits.enabled:
            return
        now = self._now()
        chat_capacity = limits.private_burst if private else limits.group_burst
        chat_rate = limits.private_rate if private else limits.group_rate
        overall = self._bucket(None, limits.global_burst, now)
        chat = self._bucket(chat_id, chat_capacity, now)
        wait = max(
            overall.wait_needed(now, limits.global_burst, limits.global_rate),
            chat.wait_needed(now, chat_capacity, chat_rate),
        )
        if wait > 0:
            raise too_many_requests(wait)
        overall.take()
        chat.take()

    def reset(self) -> None:
        """Forget all history (full buckets again)."""
        self._global = None
        self._chats.clear()

    def _bucket(self, chat_id: int | None, capacity: int, now: float) -> TokenBucket:
        if chat_id is None:
            if self._global is None:
                self._global = TokenBucket(capacity, now)
            return self._global
        return self._chats.setdefault(chat_id, TokenBucket(capacity, now))
