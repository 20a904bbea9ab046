"""One way for a feature to extend another: typed extension points, filled in one place.

A feature that others may extend declares a :class:`Point` next to the code that reads it
(e.g. ``bot.reports.sections.SUMMARY``: lines of ``/ringkasan``; ``bot.core.runtime.START``:
what runs at start). Declaring a point registers nothing. The application factory
(:func:`bot.core.app.build_application`) is the only place that adds to points, so one
file lists every way the features are wired together, in the order they act, and
importing a module never changes what the bot does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, eq=False)
class Point(Generic[T]):
    """Where items of type ``T`` plug in. Compared by identity: two points with the same
    name are still two points."""

    name: str


@dataclass
class Extensions:
    """What was added to each point, in the order it was added."""

    _items: dict[Point[Any], list[Any]] = field(default_factory=dict)

    def add(self, point: Point[T], *items: T) -> None:
        """Add items to a point; adding the same item twice keeps the first."""
        present = self._items.setdefault(point, [])
        for item in items:
            if item not in present:
                present.append(item)

    def __getitem__(self, point: Point[T]) -> Sequence[T]:
        return tuple(self._items.get(point, ()))
