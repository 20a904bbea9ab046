"""How fast one person may write: more than ``limit`` messages in a minute earns one
polite notice and then silence for ``mute`` seconds (pure rules, no Telegram, no
storage).

Why: one person (or a script) sending a message a second would take the bot's attention
and Telegram's rate budget from everyone else, and the office's staff from their work.
The state lives in memory; a restart forgets it, which errs on the side of answering.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from enum import Enum

WINDOW_SECONDS = 60


class Verdict(Enum):
    PASS = "pass"  # handle it
    NOTICE = "notice"  # just went over the limit: say so, once, and do not handle it
    MUTED = "muted"  # within the mute: ignore it


@dataclass
class FloodGate:
    limit: int
    mute_seconds: int
    _recent: dict[int, deque[int]] = field(default_factory=dict)
    _muted_until: dict[int, int] = field(default_factory=dict)

    def hit(self, person: int, now: int) -> Verdict:
        """Count one message of ``person`` at ``now`` (seconds) and say what to do."""
        until = self._muted_until.get(person)
        if until is not None:
            if now < until:
                return Verdict.MUTED
            del self._muted_until[person]
            self._recent.pop(person, None)
        recent = self._recent.setdefault(person, deque())
        while recent and recent[0] <= now - WINDOW_SECONDS:
            recent.popleft()
        recent.append(now)
        if len(recent) > self.limit:
            self._muted_until[person] = now + self.mute_seconds
            recent.clear()
            return Verdict.NOTICE
        if not recent:
            self._recent.pop(person, None)
        return Verdict.PASS
