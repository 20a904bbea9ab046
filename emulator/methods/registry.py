"""The table from Bot API method name to the emulator's implementation."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..models import Upload

if TYPE_CHECKING:
    from ..world import BotWorld


@dataclass
class Call:
    """One decoded request: typed params by spec, plus the raw multipart uploads."""

    world: BotWorld
    method: str
    params: dict[str, Any]
    uploads: dict[str, Upload] = field(default_factory=dict)
    client_gone: Callable[[], bool] = lambda: False

    def get(self, name: str, default: Any = None) -> Any:
        return self.params.get(name, default)


Handler = Callable[[Call], Any | Awaitable[Any]]
HANDLERS: dict[str, Handler] = {}


def method(name: str) -> Callable[[Handler], Handler]:
    """Register the implementation of the Bot API method ``name`` (canonical spelling)."""

    def register(handler: Handler) -> Handler:
        HANDLERS[name] = handler
        return handler

    return register
