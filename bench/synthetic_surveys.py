"""Synthetic SKM survey responses for the benchmark (PermenPANRB 14/2017).

The office file gives each service its yearly users (``population``: 8,500 a year in
all); a share of them answer the questionnaire, growing as the office promotes it (the
QR code at the counter, the link after a closed complaint): about 20 % in the first year
to 45 % in the last, i.e. a few thousand responses a year. Each response has a score for
every unsur, drawn around that unsur's level at that service (U4 "Biaya/Tarif" is mostly
"Gratis", U8 complaint handling and U3 waiting time are the weak spots), improving slowly
over the years; the optional profile questions are sometimes skipped and about one in
eight respondents writes a suggestion. Submitted on working days in office hours, or in
the evening from home. Used by :mod:`bench.seed`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from bench.synthetic import ZONE, FastCalendar
from bot.core.clock import to_epoch
from bot.core.office import Office
from bot.survey.rules import PROFILE, UNSUR_KEYS

#: Mean score (1-4) of each unsur in the first year; services shift it a little.
UNSUR_LEVEL = {
    "U1": 3.2,
    "U2": 3.0,
    "U3": 2.6,
    "U4": 3.7,
    "U5": 3.2,
    "U6": 3.3,
    "U7": 3.4,
    "U8": 2.5,
    "U9": 2.9,
}
IMPROVEMENT = 0.3  # points gained over the whole span
RESPONSE_SHARE = (0.20, 0.45)  # of the service users, first year -> last year
SKIP_PROFILE = 0.12
SUGGESTION_SHARE = 0.12
SUGGESTIONS = (
    "Mohon tambah kursi di ruang tunggu.",
    "Antrean sebaiknya pakai nomor urut.",
    "Petugas ramah, terima kasih.",
    "Informasi persyaratan mohon ditempel di depan loket.",
    "Proses terlalu lama, mohon dipercepat.",
    "Toilet perlu dibersihkan lebih sering.",
)
SOURCES = (("link", 55), ("command", 25), ("menu", 20))
RESPONSE_SQL = """INSERT INTO survey_responses (id, draft_key, respondent_id, service_code,
    unit_code, submitted_at, source, gender, age_range, education, occupation, suggestion)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"""
ANSWER_SQL = "INSERT INTO survey_answers (response_id, unsur, score) VALUES (?, ?, ?)"


class SurveyGenerator:
    def __init__(
        self,
        office: Office,
        calendar: FastCalendar,
        start: datetime,
        end: datetime,
        rng: random.Random,
        citizens: list[int],
    ) -> None:
        self.office = office
        self.cal = calendar
        self.start = start
        self.end = end
        self.rng = rng
        self.citizens = citizens
        self.services = [s for s in office.services if s.population]
        # each service a little better or worse than the office as a whole
        self.shift = {s.code: rng.uniform(-0.25, 0.25) for s in self.services}

    def expected(self) -> int:
        """Responses over the span: the yearly users times the growing response share."""
        yearly = sum(s.population or 0 for s in self.services)
        years = (self.end - self.start).days / 365.25
        return round(yearly * years * sum(RESPONSE_SHARE) / 2)

    def times(self, count: int) -> list[int]:
        """Submission instants, more of them later (the response share grows linearly)."""
        span = (self.end - self.start).total_seconds()
        low, high = RESPONSE_SHARE
        out: list[int] = []
        while len(out) < count:
            # inverse of the linearly growing density low + (high - low) * x on [0, 1]
            u = self.rng.random()
            x = (-low + math.sqrt(low * low + (high - low) * (2 * low + high - low) * u)) / (
                high - low
            )
            local = (self.start + timedelta(seconds=span * x)).astimezone(ZONE)
            if not self.cal.is_working_day(local.date()) and self.rng.random() > 0.1:
                continue
            evening = self.rng.random() < 0.2
            hour = self.rng.randrange(19, 22) if evening else self.rng.randrange(8, 16)
            moment = to_epoch(
                local.replace(
                    hour=hour, minute=self.rng.randrange(60), second=self.rng.randrange(60)
                )
            )
            if moment < to_epoch(self.end):
                out.append(moment)
        out.sort()
        return out

    def score(self, level: float) -> int:
        return max(1, min(4, round(self.rng.gauss(level, 0.65))))

    def profile(self) -> list[str | None]:
        return [
            None if self.rng.random() < SKIP_PROFILE else self.rng.choice(choices)
            for choices in PROFILE.values()
        ]

    def rows(
        self, first_id: int, count: int | None = None
    ) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]:
        """(response row, its nine answer rows), oldest first."""
        rng = self.rng
        weights = [s.population or 0 for s in self.services]
        span = to_epoch(self.end) - to_epoch(self.start)
        sources, source_weights = zip(*SOURCES, strict=True)
        for offset, at in enumerate(self.times(self.expected() if count is None else count)):
            response_id = first_id + offset
            service = rng.choices(self.services, weights)[0]
            progress = (at - to_epoch(self.start)) / span
            answers = [
                (
                    response_id,
                    key,
                    self.score(
                        UNSUR_LEVEL[key] + self.shift[service.code] + IMPROVEMENT * progress
                    ),
                )
                for key in UNSUR_KEYS
            ]
            suggestion = rng.choice(SUGGESTIONS) if rng.random() < SUGGESTION_SHARE else None
            yield (
                (
                    response_id,
                    f"bench:{response_id}",
                    rng.choice(self.citizens),
                    service.code,
                    service.unit,
                    at,
                    rng.choices(sources, source_weights)[0],
                    *self.profile(),
                    suggestion,
                ),
                answers,
            )
