"""Concurrent update processing that keeps each chat in order.

Processing updates one at a time would make every citizen wait while a supervisor's chart
renders; processing them all concurrently would let two quick messages from the same
person race through a conversation. So: different chats in parallel, one chat in order.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.constants import UpdateType
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)


def describe(update: object) -> str:
    """An update by ids only (what an operator needs at DEBUG; never names or texts)."""
    if not isinstance(update, Update):
        return type(update).__name__
    kind = next(
        (k.value for k in UpdateType if getattr(update, k.value, None) is not None), "unknown"
    )
    chat = update.effective_chat.id if update.effective_chat else None
    user = update.effective_user.id if update.effective_user else None
    return f"update {update.update_id}: {kind} chat={chat} user={user}"


class PerChatUpdateProcessor(BaseUpdateProcessor):
    def __init__(self, max_concurrent_updates: int = 64) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}

    @staticmethod
    def _key(update: object) -> int | None:
        if isinstance(update, Update):
            if update.effective_chat is not None:
                return update.effective_chat.id
            if update.effective_user is not None:
                return update.effective_user.id
        return None

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        log.debug("%s", describe(update))
        key = self._key(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._users[key] = self._users.get(key, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._users[key] -= 1
            if self._users[key] == 0:
                del self._users[key]
                self._locks.pop(key, None)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        self._locks.clear()
        self._users.clear()
