"""The satisfaction index (IKM) of PermenPANRB 14/2017, as plain arithmetic.

Input is what the database aggregates per unsur (the sum of the scores and how many
respondents answered it), so a year of responses never has to be loaded into Python;
:func:`from_answers` builds the same input from raw answers for small sets and tests.

- NRR per unsur = sum of its scores / respondents who answered it.
- Weight per unsur = exactly 1/9, or the rounded 0.11 some offices print (office file
  ``[survey] weight = "rounded"``).
- IKM (1–4) = Σ NRR × weight; converted IKM = IKM × 25, reported with two decimals.
- Mutu and kinerja from the converted value, with the 2017 grade table (not the 2004 one).

Arithmetic is exact (fractions) until the reported value is rounded half up to two
decimals; the grade is read from that reported value, so what is shown and the grade agree.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Literal

from bot.survey.rules import UNSUR_KEYS

Weighting = Literal["exact", "rounded"]
WEIGHTS: dict[str, Fraction] = {"exact": Fraction(1, 9), "rounded": Fraction(11, 100)}
CONVERSION = 25
TWO_PLACES = Decimal("0.01")

#: Lower bound of each grade (converted IKM, two decimals), best first: mutu, kinerja key.
GRADES: tuple[tuple[Decimal, str, str], ...] = (
    (Decimal("88.31"), "A", "sangat_baik"),
    (Decimal("76.61"), "B", "baik"),
    (Decimal("65.00"), "C", "kurang_baik"),
    (Decimal("0"), "D", "tidak_baik"),
)

# Krejcie–Morgan (domain.md): chi-square for 1 degree of freedom at 95%, P, margin d.
CHI_SQUARE = Fraction(3841, 1000)
PROPORTION = Fraction(1, 2)
MARGIN = Fraction(5, 100)


@dataclass(frozen=True)
class UnsurSum:
    """What SQL gives per unsur: the sum of its scores and how many answered it."""

    total: int
    answered: int


@dataclass(frozen=True)
class Grade:
    mutu: str  # A–D
    kinerja: str  # catalog key suffix: sangat_baik, baik, kurang_baik, tidak_baik


@dataclass(frozen=True)
class UnsurResult:
    key: str
    answered: int
    nrr: Fraction | None  # None: nobody answered it
    weighted: Fraction | None

    @property
    def converted(self) -> Decimal | None:
        return None if self.nrr is None else round_two(self.nrr * CONVERSION)

    @property
    def grade(self) -> Grade | None:
        """The unsur's own mutu (its NRR × 25 read on the same table)."""
        converted = self.converted
        return None if converted is None else grade(converted)


@dataclass(frozen=True)
class IkmResult:
    respondents: int
    unsur: tuple[UnsurResult, ...]  # always U1..U9, in key order
    weighting: str
    ikm: Fraction | None  # None when some unsur has no answer at all
    converted: Decimal | None
    grade: Grade | None

    def of(self, key: str) -> UnsurResult:
        return next(u for u in self.unsur if u.key == key)


def round_two(value: Fraction) -> Decimal:
    """Round half up to two decimals, the way the index is published."""
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return exact.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def grade(converted: Decimal) -> Grade:
    """Mutu and kinerja for a converted IKM (two decimals): 65.00 is C, 64.99 is D."""
    for lower, mutu, kinerja in GRADES:
        if converted >= lower:
            return Grade(mutu, kinerja)
    return Grade("D", "tidak_baik")


def compute(
    respondents: int, sums: Mapping[str, UnsurSum], weighting: str = "exact"
) -> IkmResult | None:
    """The index from per-unsur sums; None when there is no respondent at all."""
    if respondents <= 0:
        return None
    weight = WEIGHTS[weighting]
    results = []
    for key in UNSUR_KEYS:
        found = sums.get(key)
        if found is None or found.answered == 0:
            results.append(UnsurResult(key, 0, None, None))
            continue
        nrr = Fraction(found.total, found.answered)
        results.append(UnsurResult(key, found.answered, nrr, nrr * weight))
    if any(r.nrr is None for r in results):
        return IkmResult(respondents, tuple(results), weighting, None, None, None)
    ikm = sum((r.weighted for r in results if r.weighted is not None), Fraction(0))
    converted = round_two(ikm * CONVERSION)
    return IkmResult(respondents, tuple(results), weighting, ikm, converted, grade(converted))


def sums_of(responses: Iterable[Mapping[str, int]]) -> tuple[int, dict[str, UnsurSum]]:
    """Respondents and per-unsur sums from raw answers ``{"U1": 4, ...}`` (keys, never
    positions; a missing key is an unsur the respondent skipped)."""
    respondents = 0
    totals: dict[str, list[int]] = {key: [0, 0] for key in UNSUR_KEYS}
    for answers in responses:
        respondents += 1
        for key, score in answers.items():
            if key not in totals or not 1 <= score <= 4:
                raise ValueError(f"bad answer {key}={score}")
            totals[key][0] += score
            totals[key][1] += 1
    return respondents, {k: UnsurSum(t, n) for k, (t, n) in totals.items()}


def from_answers(
    responses: Iterable[Mapping[str, int]], weighting: str = "exact"
) -> IkmResult | None:
    respondents, sums = sums_of(responses)
    return compute(respondents, sums, weighting)


def weakest_unsur(result: IkmResult, count: int = 3) -> list[UnsurResult]:
    """The unsur with the lowest NRR ("prioritas perbaikan"); ties keep key order."""
    answered = [(u.nrr, u) for u in result.unsur if u.nrr is not None]
    return [u for _, u in sorted(answered, key=lambda pair: pair[0])][:count]


def minimum_sample(population: int) -> int:
    """Krejcie–Morgan: s = χ²·N·P(1−P) / (d²(N−1) + χ²·P(1−P)), rounded half up as in
    their published table (N=100 → 80, N=1000 → 278, very large N → 384)."""
    if population <= 0:
        raise ValueError("population must be positive")
    spread = PROPORTION * (1 - PROPORTION)
    sample = (CHI_SQUARE * population * spread) / (
        MARGIN**2 * (population - 1) + CHI_SQUARE * spread
    )
    return round_half_up(sample)


def prorated_population(yearly: int, days: int, days_in_year: int) -> int:
    """Service users expected in a period of ``days`` from a yearly figure (at least 1)."""
    return max(1, round_half_up(Fraction(yearly * days, days_in_year)))


def round_half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))
