"""One source of time for the whole bot.

Deadlines, reminders and digests all ask this object for "now". Production uses
:class:`SystemClock`; tests and the sandbox use :class:`FakeClock` and move time forward
instead of sleeping. Listeners let the scheduler re-arm its jobs when fake time jumps.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """Current time, timezone-aware (UTC)."""
        ...

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Be told when time jumps (only fake clocks ever jump)."""
        ...

    def unsubscribe(self, listener: Callable[[], None]) -> None: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def subscribe(self, listener: Callable[[], None]) -> None:
        """Real time never jumps, so there is nothing to tell."""

    def unsubscribe(self, listener: Callable[[], None]) -> None:
        """Nothing was subscribed."""


class FakeClock:
    """A clock that only moves when told to; used by tests, benchmarks and the sandbox."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(UTC)
        self._listeners: list[Callable[[], None]] = []

    def now(self) -> datetime:
        return self._now

    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[], None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def set(self, moment: datetime) -> None:
        self._now = moment.astimezone(UTC)
        for listener in list(self._listeners):
            listener()

    def advance(self, delta: timedelta | None = None, **kwargs: float) -> datetime:
        """Move forward by ``delta`` (or ``timedelta(**kwargs)``) and wake the listeners."""
        self.set(self._now + (delta if delta is not None else timedelta(**kwargs)))
        return self._now


def to_epoch(moment: datetime) -> int:
    """Storage keeps instants as integer Unix seconds: compact, indexable, zone-free."""
    return int(moment.timestamp())


def from_epoch(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)
