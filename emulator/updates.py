"""The update queue of one bot, served by getUpdates or pushed to a webhook.

Telegram keeps an update until the bot *confirms* it: by asking getUpdates for a higher offset,
or by answering the webhook POST with a 2xx. "Every update was consumed" (used by
``BotWorld.settle``) therefore means "the queue is empty", not "the bot received it".
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import aiohttp

from .sync import Signal

log = logging.getLogger("emulator")

#: Sent only when asked for explicitly via allowed_updates.
OPT_IN_UPDATES = frozenset({"chat_member", "message_reaction", "message_reaction_count"})


class UpdateQueue:
    """Pending updates in id order, plus the getUpdates long-poll bookkeeping."""

    def __init__(self, on_change: Callable[[], None]) -> None:
        self._pending: list[dict[str, Any]] = []
        self._next_id = 100_000_000 + secrets.randbelow(800_000_000)
        self._on_change = on_change
        self.allowed_updates: list[str] | None = None
        self.signal = Signal()
        self.poll_generation = 0
        self.delivered = 0
        self._held = False

    @property
    def pending(self) -> int:
        return len(self._pending)

    @property
    def held(self) -> bool:
        return self._held

    def hold(self) -> None:
        """Telegram is late handing out updates: they queue up (in order) but neither
        getUpdates nor the webhook sees them until :meth:`release`."""
        self._held = True

    def release(self) -> None:
        self._held = False
        self._changed()

    def wants(self, kind: str) -> bool:
        if not self.allowed_updates:
            return kind not in OPT_IN_UPDATES
        return kind in self.allowed_updates

    def push(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queue an update unless allowed_updates filters it out."""
        if not self.wants(kind):
            return None
        update = {"update_id": self._next_id, kind: payload}
        self._next_id += 1
        self._pending.append(update)
        self._changed()
        return update

    def confirm_below(self, offset: int) -> None:
        before = len(self._pending)
        self._pending = [u for u in self._pending if u["update_id"] >= offset]
        if len(self._pending) != before:
            self.delivered += before - len(self._pending)
            self._changed()

    def keep_last(self, count: int) -> None:
        """Negative getUpdates offset: forget all but the last ``count`` updates."""
        self._pending = self._pending[-count:] if count else []
        self._changed()

    def drop_all(self) -> None:
        self._pending.clear()
        self._changed()

    def batch(self, limit: int) -> list[dict[str, Any]]:
        return [] if self._held else self._pending[:limit]

    def first(self) -> dict[str, Any] | None:
        return self._pending[0] if self._pending and not self._held else None

    def new_poll(self) -> int:
        """A getUpdates call starts; an older one still waiting must give up (409)."""
        self.poll_generation += 1
        self.signal.fire()
        return self.poll_generation

    def _changed(self) -> None:
        self.signal.fire()
        self._on_change()


@dataclass
class WebhookInfo:
    """The webhook setting of one world (``url == ""`` means polling)."""

    url: str = ""
    secret_token: str | None = None
    max_connections: int = 40
    allowed_updates: list[str] | None = None
    ip_address: str | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None

    def as_json(self, pending: int) -> dict[str, Any]:
        result: dict[str, Any] = {
            "url": self.url,
            "has_custom_certificate": False,
            "pending_update_count": pending,
        }
        if self.url:
            result["max_connections"] = self.max_connections
            if self.allowed_updates is not None:
                result["allowed_updates"] = self.allowed_updates
            if self.ip_address:
                result["ip_address"] = self.ip_address
        if self.last_error_date:
            result["last_error_date"] = self.last_error_date
            result["last_error_message"] = self.last_error_message
        return result


class WebhookPusher:
    """Delivers queued updates one by one to the webhook URL, retrying with backoff."""

    FIRST_RETRY = 0.05
    MAX_RETRY = 1.0

    def __init__(self, queue: UpdateQueue, info: WebhookInfo, clock: Callable[[], float]) -> None:
        self._queue = queue
        self._info = info
        self._clock = clock
        self._task: asyncio.Task[None] | None = None
        self._stopping = False

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        if self._task is None:
            return
        self._stopping = True
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self._task = None

    async def _run(self) -> None:
        delay = self.FIRST_RETRY
        async with aiohttp.ClientSession() as session:
            while not self._stopping:
                update = self._queue.first()
                if update is None:
                    await self._queue.signal.wait(3600)
                    continue
                if await self._post(session, update):
                    self._queue.confirm_below(update["update_id"] + 1)
                    delay = self.FIRST_RETRY
                else:
                    await asyncio.sleep(delay)
                    delay = min(delay * 2, self.MAX_RETRY)

    async def _post(self, session: aiohttp.ClientSession, update: dict[str, Any]) -> bool:
        headers = {}
        if self._info.secret_token:
            headers["X-Telegram-Bot-Api-Secret-Token"] = self._info.secret_token
        try:
            async with session.post(
                self._info.url,
                json=update,
                headers=headers,
                timeout=aiohttp.ClientTimeout(total=60),
            ) as response:
                if 200 <= response.status < 300:
                    return True
                error = f"Wrong response from the webhook: {response.status} {response.reason}"
        except (aiohttp.ClientError, TimeoutError, OSError) as exc:
            error = _connection_error(exc)
        self._info.last_error_date = int(self._clock())
        self._info.last_error_message = error
        log.info("webhook delivery of update %s failed: %s", update["update_id"], error)
        return False


def _connection_error(exc: BaseException) -> str:
    if isinstance(exc, aiohttp.ClientConnectorError):
        return "Connection refused"
    if isinstance(exc, TimeoutError):
        return "Read timeout expired"
    return f"Connection error: {exc.__class__.__name__}"
