"""Token buckets that keep the dispatcher inside Telegram's flood limits.

PTB's AIORateLimiter covers the overall and per-group limits; Telegram also asks for about
one message per second per private chat. The dispatcher paces itself below all three so
that the rate limiter never has to make it wait while holding a delivery slot, and so that
interactive replies (which bypass the outbox) always find capacity left.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class TokenBucket:
    capacity: float
    rate: float  # tokens per second
    tokens: float = field(default=-1.0)
    stamp: float = 0.0

    def __post_init__(self) -> None:
        if self.tokens < 0:
            self.tokens = self.capacity

    def _refill(self, now: float) -> None:
        if self.stamp:
            self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now

    def wait_time(self, now: float) -> float:
        self._refill(now)
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def take(self, now: float) -> None:
        self._refill(now)
        self.tokens -= 1


@dataclass(frozen=True)
class PaceLimits:
    overall_rate: float = 20.0  # Telegram allows ~30/s; the rest is for interactive replies
    private_burst: int = 3
    private_rate: float = 1.0
    group_burst: int = 20
    group_rate: float = 20 / 60


class Pacer:
    """Decides how long a message for a chat must wait; also holds chats after errors."""

    def __init__(self, limits: PaceLimits, now: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._now = now
        self._overall = TokenBucket(limits.overall_rate, limits.overall_rate)
        self._chats: dict[int, TokenBucket] = {}
        self._holds: dict[int, float] = {}

    def _bucket(self, chat_id: int) -> TokenBucket:
        bucket = self._chats.get(chat_id)
        if bucket is None:
            if chat_id > 0:
                bucket = TokenBucket(self.limits.private_burst, self.limits.private_rate)
            else:
                bucket = TokenBucket(self.limits.group_burst, self.limits.group_rate)
            self._chats[chat_id] = bucket
        return bucket

    def delay(self, chat_id: int, counts: bool) -> float:
        """Seconds until a message for ``chat_id`` may go (0 = now)."""
        now = self._now()
        hold = max(0.0, self._holds.get(chat_id, 0.0) - now)
        if not counts:
            return hold
        return max(hold, self._bucket(chat_id).wait_time(now), self._overall.wait_time(now))

    def take(self, chat_id: int, counts: bool) -> None:
        if counts:
            now = self._now()
            self._bucket(chat_id).take(now)
            self._overall.take(now)

    def hold(self, chat_id: int, seconds: float) -> None:
        self._holds[chat_id] = max(self._holds.get(chat_id, 0.0), self._now() + seconds)
