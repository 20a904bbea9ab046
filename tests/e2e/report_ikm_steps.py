"""Surveys for the report tests, and independent arithmetic for the IKM and JP figures
they expect.

The arithmetic is written here from the regulation (PermenPANRB 14/2017, PP 11/2017), not
with ``bot.ikm`` or ``bot.activity_rules``, so that a mistake there cannot hide in the
expectation. :func:`submit_survey` calls the survey service the "Kirim" button calls, as
the citizen (registered by their real ``/start``), for tests that need many responses;
``tests/e2e/survey_steps.py`` answers with the buttons.
"""

from __future__ import annotations

from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from bot.survey import responses as survey
from bot.survey.rules import SurveyDraft
from tests.e2e import report_steps as steps
from tests.e2e.harness import WIB, OfficeEnv
from tests.e2e.survey_steps import KEYS

MIXED = dict(zip(KEYS, [4, 3, 2, 4, 3, 4, 4, 1, 3], strict=True))


def id_decimal(value: Fraction | float, places: int = 2) -> str:
    """Half up, Indonesian decimal comma."""
    exact = (
        Decimal(value.numerator) / Decimal(value.denominator)
        if isinstance(value, Fraction)
        else Decimal(str(value))
    )
    quantum = Decimal(1).scaleb(-places)
    return str(exact.quantize(quantum, rounding=ROUND_HALF_UP)).replace(".", ",")


def nrr(responses: list[dict[str, int]]) -> dict[str, Fraction]:
    return {k: Fraction(sum(r[k] for r in responses), len(responses)) for k in KEYS}


def converted_ikm(responses: list[dict[str, int]]) -> Fraction:
    """Σ NRR × 1/9 × 25."""
    return sum(nrr(responses).values(), Fraction(0)) / 9 * 25


def mutu(converted: Fraction) -> str:
    """The 2017 grade table, read on the value rounded to two decimals."""
    shown = Decimal(id_decimal(converted).replace(",", "."))
    if shown >= Decimal("88.31"):
        return "A"
    if shown >= Decimal("76.61"):
        return "B"
    return "C" if shown >= Decimal("65.00") else "D"


def prorata_jp(moment: datetime, yearly: int = 20) -> float:
    """The JP a civil servant should have at ``moment``: the yearly target × the share of
    the (WIB) year elapsed."""
    start = datetime(moment.year, 1, 1, tzinfo=WIB)
    end = datetime(moment.year + 1, 1, 1, tzinfo=WIB)
    return yearly * ((moment - start) / (end - start))


def minimum_sample(population: int) -> int:
    """Krejcie–Morgan with χ² = 3.841, P = 0.5, d = 0.05, rounded half up."""
    chi, p, d = Fraction(3841, 1000), Fraction(1, 2), Fraction(5, 100)
    sample = chi * population * p * (1 - p) / (d * d * (population - 1) + chi * p * (1 - p))
    return int(sample + Fraction(1, 2))


def prorated(yearly: int, days: int, days_in_year: int = 365) -> int:
    return int(Fraction(yearly * days, days_in_year) + Fraction(1, 2))


async def submit_survey(
    office: OfficeEnv,
    name: str,
    service: str,
    scores: dict[str, int],
    profile: dict[str, str | None] | None = None,
    suggestion: str | None = None,
) -> int:
    """A citizen's complete questionnaire, sent; returns the response id."""
    citizen = await steps.citizen(office, name)
    draft = SurveyDraft(
        service=service,
        source="link",
        answers=dict(scores),
        profile={
            "gender": None,
            "age": None,
            "education": None,
            "occupation": None,
            **(profile or {}),
        },
        suggestion=suggestion,
        suggestion_done=True,
    )
    return (await survey.submit(office.runtime, citizen.actor, draft)).response_id
