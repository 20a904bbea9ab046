"""Staying inside Telegram's flood limits, for every message the bot sends.

Telegram allows about 30 messages per second overall, 20 per minute per group and about
one per second per private chat (short bursts tolerated). :class:`PacedRateLimiter` keeps
all three for *all* traffic (interactive replies and outbox deliveries alike), the
per-chat part through one shared :class:`ChatPacer`. The outbox
dispatcher reads the same pacer to decide which chat to serve next, and keeps its own
budget below the overall limit so that replies to people who just wrote always find room.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeGuard

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

JSONDict = dict[str, Any]

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


#: Seconds a paced message waits beyond its token: a request's way to Telegram varies
#: (a new connection, a busy loop), and one that arrives sooner than the one before it
#: would find Telegram's bucket a few milliseconds short (a 429).
ARRIVAL_MARGIN = 0.05
#: Messages of Telegram's overall burst (~30) the bot leaves unused. The overall budget
#: is spent at full speed under load, where the margin above (added only to a wait)
#: does not help: a message that reaches Telegram sooner than the ones taken before it
#: (by up to OVERALL_SLACK / overall rate seconds, 100 ms) still finds a token. The
#: fuzz test met a 429 in about one of 600 messages without it, all of them there.
OVERALL_SLACK = 3


@dataclass
class TokenBucket:
    capacity: float
    rate: float  # tokens per second
    tokens: float = field(default=-1.0)
    stamp: float = 0.0
    margin: float = 0.0  # added to a wait (see ARRIVAL_MARGIN); a burst does not wait

    def __post_init__(self) -> None:
        if self.tokens < 0:
            self.tokens = self.capacity

    def _refill(self, now: float) -> None:
        if self.stamp:
            self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now

    def wait_time(self, now: float) -> float:
        self._refill(now)
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate + self.margin

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
                limits = (self.limits.private_burst, self.limits.private_rate)
            else:
                limits = (self.limits.group_burst, self.limits.group_rate)
            bucket = TokenBucket(*limits, margin=ARRIVAL_MARGIN)
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

    async def wait_for_hold(self, chat_id: int) -> None:
        """Wait out a 429's hold on the chat (calls that do not take a token: edits)."""
        while (wait := self._holds.get(chat_id, 0.0) - self._now()) > 0:  # noqa: ASYNC110
            await asyncio.sleep(wait)

    def hold(self, chat_id: int, seconds: float) -> None:
        self._holds[chat_id] = max(self._holds.get(chat_id, 0.0), self._now() + seconds)


def _numeric(chat_id: object) -> TypeGuard[int | str]:
    """A chat id as a number or its digits; not a "@channel" name, not absent."""
    return isinstance(chat_id, int | str) and str(chat_id).lstrip("-").isdigit()


class PacedRateLimiter(BaseRateLimiter[int]):
    """Telegram's flood limits as Telegram counts them, for every call of the bot.

    Only methods that produce a message (:data:`MESSAGE_METHODS`) count: they wait for
    their chat's token in the shared :class:`ChatPacer` (a private chat's burst and pace, a
    group's 20 per minute) and for the overall budget of ~30 per second (a few short of
    Telegram's burst, :data:`OVERALL_SLACK`). Edits, answers to
    button presses, reads and every other method go straight out, so a staff member's press
    is answered at once however busy the bot is with messages.

    A 429 holds what it was about: a call naming a chat holds that chat in the pacer (the
    outbox dispatcher reads the same holds) and is retried after the wait; a call without
    a chat waits alone. PTB's ``AIORateLimiter`` instead stops every request of the bot
    for the wait, answers to staff included, and counts edits against the 30 per second.
    """

    def __init__(
        self, pacer: ChatPacer, *, max_retries: int = 2, overall_rate: float = 30.0
    ) -> None:
        self.pacer = pacer
        self._max_retries = max_retries
        self._overall = TokenBucket(
            max(1.0, overall_rate - OVERALL_SLACK), overall_rate, margin=ARRIVAL_MARGIN
        )

    async def _overall_token(self) -> None:
        """Wait for the overall budget (a token bucket like the chats', with their margin
        and :data:`OVERALL_SLACK`), then take one."""
        # Waiting for tokens to refill is waiting for time itself; no event to wait on.
        while (wait := self._overall.wait_time(time.monotonic())) > 0:  # noqa: ASYNC110
            await asyncio.sleep(wait)
        self._overall.take(time.monotonic())

    async def initialize(self) -> None:
        """Nothing to set up: the limits live in memory."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | JSONDict | list[JSONDict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | JSONDict | list[JSONDict]:
        chat_id = data.get("chat_id")
        if endpoint != "getUpdates":  # by ids: the parameters carry texts and names
            log.debug("Bot API %s chat=%s", endpoint, chat_id)
        chat = int(chat_id) if _numeric(chat_id) else None
        counted = endpoint in MESSAGE_METHODS
        retries = rate_limit_args or self._max_retries
        for attempt in range(retries + 1):
            try:
                if not counted:
                    if chat is not None:
                        await self.pacer.wait_for_hold(chat)
                    return await callback(*args, **kwargs)
                if chat is not None:
                    await self.pacer.acquire(chat)
                await self._overall_token()
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt == retries:
                    raise
                seconds = retry_seconds(exc) + 0.1
                log.info("flood control (%s, chat %s): retry after %.1fs", endpoint, chat, seconds)
                if chat is None:
                    await asyncio.sleep(seconds)
                else:
                    self.pacer.hold(chat, seconds)
        raise AssertionError("unreachable")


def retry_seconds(exc: RetryAfter) -> float:
    """How long Telegram asked us to wait: a ``timedelta`` with ``PTB_TIMEDELTA`` (set by
    the application factory), seconds without it."""
    value: float | timedelta = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
