"""Public posts a supervisor held."""

from __future__ import annotations

from enum import StrEnum


class HoldState(StrEnum):
    """``public_post_holds.state``: held until released (it then goes out at its time) or
    published by a release after its time had come."""

    HELD = "held"
    RELEASED = "released"
    PUBLISHED = "published"
