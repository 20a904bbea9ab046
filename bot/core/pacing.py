"""Staying inside Telegram's flood limits, for every message the bot sends.

Telegram allows about 30 messages per second overall, 20 per minute per group and about
one per second per private chat (short bursts tolerated). PTB's AIORateLimiter covers the
first two; :class:`PacedRateLimiter` adds the per-chat part for *all* traffic (interactive
replies and outbox deliveries alike) through one shared :class:`ChatPacer`. The outbox
dispatcher reads the same pacer to decide which chat to serve next, and keeps its own
budget below the overall limit so that replies to people who just wrote always find room.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeGuard

from telegram.ext import AIORateLimiter

log = logging.getLogger(__name__)

#: Methods that produce messages: the only ones Telegram's flood limits count.
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
    outbox_rate: float = 20.0  # of Telegram's ~30/s overall; the rest is for replies
    private_burst: int = 3
    private_rate: float = 1.0
    group_burst: int = 20
    group_rate: float = 20 / 60


class ChatPacer:
    """Per-chat token buckets, plus holds after a 429 for that chat."""

    def __init__(self, limits: PaceLimits, now: Callable[[], float] = time.monotonic) -> None:
        self.limits = limits
        self._now = now
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

    def delay(self, chat_id: int) -> float:
        """Seconds until a message for ``chat_id`` may go (0 = now)."""
        now = self._now()
        hold = max(0.0, self._holds.get(chat_id, 0.0) - now)
        return max(hold, self._bucket(chat_id).wait_time(now))

    def take(self, chat_id: int) -> None:
        self._bucket(chat_id).take(self._now())

    async def acquire(self, chat_id: int) -> None:
        # Waiting for tokens to refill is waiting for time itself; no event to wait on.
        while (wait := self.delay(chat_id)) > 0:  # noqa: ASYNC110
            await asyncio.sleep(wait)
        self.take(chat_id)

    def hold(self, chat_id: int, seconds: float) -> None:
        self._holds[chat_id] = max(self._holds.get(chat_id, 0.0), self._now() + seconds)


def _numeric(chat_id: object) -> TypeGuard[int | str]:
    """A chat id as a number or its digits; not a "@channel" name, not absent."""
    return isinstance(chat_id, int | str) and str(chat_id).lstrip("-").isdigit()


class PacedRateLimiter(AIORateLimiter):
    """AIORateLimiter (overall and group limits, retries on 429) plus per-chat pacing."""

    def __init__(self, pacer: ChatPacer, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.pacer = pacer

    async def process_request(
        self,
        callback: Any,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        chat_id = data.get("chat_id")
        if endpoint != "getUpdates":  # by ids: the parameters carry texts and names
            log.debug("Bot API %s chat=%s", endpoint, chat_id)
        if endpoint in MESSAGE_METHODS and _numeric(chat_id):  # "@channel": AIORateLimiter only
            await self.pacer.acquire(int(chat_id))
        return await super().process_request(
            callback, args, kwargs, endpoint, data, rate_limit_args
        )
