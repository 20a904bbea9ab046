"""The SKM questionnaire (PermenPANRB 14/2017) and a citizen's unfinished survey.

Pure: the nine unsur keys, the optional profile questions, the draft a citizen fills in
(kept in ``user_data``, so it survives a restart) and the rules on when a draft expires and
when a person may answer again for the same service. Labels live in the catalog
(``bot/texts/survey.py``), keyed by unsur and score.

Answers are kept by unsur key (``{"U1": 4, ...}``), never by position: questionnaires
differ in the order of U8 and U9, and a key cannot be misread.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from domain.survey import Source

UNSUR_KEYS: tuple[str, ...] = tuple(f"U{n}" for n in range(1, 10))
SCORES: tuple[int, ...] = (1, 2, 3, 4)

#: Optional profile questions, in the order asked, with their answer codes.
PROFILE: dict[str, tuple[str, ...]] = {
    "gender": ("L", "P"),
    "age": ("U20", "20_29", "30_39", "40_49", "50_59", "60P"),
    "education": ("SD", "SMP", "SMA", "D3", "S1", "S2"),
    "occupation": ("PNS", "SWASTA", "WIRASWASTA", "PELAJAR", "LAINNYA"),
}
SKIPPED = "-"  # the callback value of "Lewati"

SUGGESTION_MAX = 1000
#: An unfinished survey left alone this long is forgotten.
DRAFT_TTL = timedelta(hours=24)
SOURCES = tuple(Source)


@dataclass
class SurveyDraft:
    service: str | None = None
    source: str = "command"
    complaint_id: int | None = None
    answers: dict[str, int] = field(default_factory=dict)
    profile: dict[str, str | None] = field(default_factory=dict)
    suggestion: str | None = None
    suggestion_done: bool = False
    touched_at: int = 0
    id: str = field(default_factory=lambda: secrets.token_hex(4))

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "service": self.service,
            "source": self.source,
            "complaint_id": self.complaint_id,
            "answers": dict(self.answers),
            "profile": dict(self.profile),
            "suggestion": self.suggestion,
            "suggestion_done": self.suggestion_done,
            "touched_at": self.touched_at,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SurveyDraft:
        draft = cls(
            service=data.get("service"),
            source=data.get("source", "command"),
            complaint_id=data.get("complaint_id"),
            answers={k: int(v) for k, v in (data.get("answers") or {}).items()},
            profile=dict(data.get("profile") or {}),
            suggestion=data.get("suggestion"),
            suggestion_done=bool(data.get("suggestion_done")),
            touched_at=int(data.get("touched_at") or 0),
        )
        if data.get("id"):
            draft.id = data["id"]
        return draft

    def answer(self, key: str, score: int) -> None:
        if key not in UNSUR_KEYS or score not in SCORES:
            raise ValueError(f"{key}={score}")
        self.answers[key] = score

    def set_profile(self, name: str, value: str) -> None:
        if name not in PROFILE or (value != SKIPPED and value not in PROFILE[name]):
            raise ValueError(f"{name}={value}")
        self.profile[name] = None if value == SKIPPED else value

    def next_unsur(self) -> str | None:
        return next((k for k in UNSUR_KEYS if k not in self.answers), None)

    def next_profile(self) -> str | None:
        return next((name for name in PROFILE if name not in self.profile), None)

    def complete(self) -> bool:
        return (
            self.service is not None
            and self.next_unsur() is None
            and self.next_profile() is None
            and self.suggestion_done
        )

    def expired(self, now: int) -> bool:
        return bool(self.touched_at) and now - self.touched_at > DRAFT_TTL.total_seconds()


def next_allowed(last_submitted: datetime, interval_days: int) -> datetime:
    """When a person who answered at ``last_submitted`` may answer again for that service."""
    return last_submitted + timedelta(days=interval_days)


def question_number(key: str) -> int:
    return UNSUR_KEYS.index(key) + 1
