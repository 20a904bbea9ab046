"""Waiting on state changes without polling.

The bot, the fake server and the test share one event loop, so "wait until the bot has sent
something" is a condition on in-memory state. :class:`Signal` is fired after every relevant
change; waiters re-check their predicate on each firing instead of sleeping in a loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Signal:
    """A broadcast "something changed" notification."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        """Wake every current waiter (later waiters wait for the next firing)."""
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, within: float) -> bool:
        """Wait for the next firing; False on timeout."""
        event = self._event
        try:
            # asyncio.timeout, not wait_for: on 3.11 wait_for can swallow a cancellation that
            # races with the event being set, leaving the waiting task impossible to stop.
            async with asyncio.timeout(within):
                await event.wait()
        except TimeoutError:
            return False
        return True

    async def wait_for(self, predicate: Callable[[], T], within: float) -> T | None:
        """Return the first truthy ``predicate()`` result, or None after ``within`` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while True:
            result = predicate()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                return None
            await self.wait(remaining)
