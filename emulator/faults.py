"""A standing, seeded plan of network and server faults, for chaos tests.

Set ``world.faults = FaultPlan(seed)``: every Bot API call of the listed methods then
fails with probability ``rate``, in one of the ways a real network and Telegram's front
end fail: a 5xx before the call takes effect, a 5xx or a reset connection after it took
effect (the answer is lost: "did my message go out?"), a reset before, or a timeout (the
call takes effect and the answer comes later than the client waits). The choices come
from one :class:`random.Random` seeded with ``seed``, so a failing run names its seed.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from .world import Failure

#: The methods a bot's traffic is made of (getUpdates is left alone: its faults only
#: delay updates, which Telegram redelivers).
DEFAULT_METHODS = frozenset(
    {
        "sendMessage",
        "editMessageText",
        "editMessageReplyMarkup",
        "answerCallbackQuery",
        "copyMessage",
        "sendPhoto",
        "sendDocument",
        "setMyCommands",
    }
)
#: (name, status, processed, delay): 0 is a reset connection.
KINDS = (
    ("502 before", 502, False, 0.0),
    ("500 after", 500, True, 0.0),
    ("502 after", 502, True, 0.0),
    ("504 after", 504, True, 0.0),
    ("reset before", 0, False, 0.0),
    ("reset after", 0, True, 0.0),
    ("timeout after", 0, True, -1.0),  # -1: the plan's timeout
)


@dataclass
class FaultPlan:
    seed: int
    rate: float = 0.05
    methods: frozenset[str] = DEFAULT_METHODS
    #: Longer than the client waits for an answer (python-telegram-bot: 5 s).
    timeout_seconds: float = 6.0
    enabled: bool = True
    injected: Counter[str] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def __call__(self, method: str, params: dict[str, Any]) -> Failure | None:
        if not self.enabled or method not in self.methods:
            return None
        if self._random.random() >= self.rate:
            return None
        name, status, processed, delay = self._random.choice(KINDS)
        self.injected[name] += 1
        failure = Failure(status, 1, None, processed)
        if delay < 0:
            failure.delay = self.timeout_seconds
        return failure
