"""IKM arithmetic (PermenPANRB 14/2017) on hand-computed data sets."""

from decimal import Decimal
from fractions import Fraction

import pytest

from bot.survey.ikm_rules import (
    UnsurSum,
    compute,
    from_answers,
    grade,
    minimum_sample,
    prorated_population,
    sums_of,
    weakest_unsur,
)

KEYS = [f"U{n}" for n in range(1, 10)]
MIXED = [4, 3, 2, 4, 3, 4, 4, 1, 3]  # U1..U9 of the third respondent below


def every(score: int) -> dict[str, int]:
    return dict.fromkeys(KEYS, score)


def uniform(total: int, answered: int) -> dict[str, UnsurSum]:
    """Every unsur with the same sum and count (NRR = total / answered)."""
    return {key: UnsurSum(total, answered) for key in KEYS}


def test_three_respondents_by_hand() -> None:
    # U1 = (4+3+4)/3 = 11/3, U2 = 10/3, U3 = 9/3, U4 = 11/3, U5 = 10/3, U6 = 11/3,
    # U7 = 11/3, U8 = 8/3, U9 = 10/3: Σ NRR = 91/3; IKM = 91/27 = 3.370…;
    # converted = 91 × 25 / 27 = 84.259… → 84.26 → B (Baik).
    result = from_answers([every(4), every(3), dict(zip(KEYS, MIXED, strict=True))])
    assert result is not None and result.respondents == 3
    assert result.of("U1").nrr == Fraction(11, 3) and result.of("U8").nrr == Fraction(8, 3)
    assert result.of("U3").weighted == Fraction(1, 3)  # 3 × 1/9
    assert result.ikm == Fraction(91, 27)
    assert result.converted == Decimal("84.26")
    assert (result.grade.mutu, result.grade.kinerja) == ("B", "baik")
    assert [u.key for u in weakest_unsur(result)] == ["U8", "U3", "U2"]  # tie: key order


def test_respondents_who_skipped_an_unsur_count_only_where_they_answered() -> None:
    # R1 all 4; R2 all 2 but skipped U3; R3 all 3 but U3 = 1 and skipped U9.
    # U3 = (4+1)/2 = 2.5, U9 = (4+2)/2 = 3, the other seven (4+2+3)/3 = 3.
    # Σ NRR = 21 + 2.5 + 3 = 26.5; converted = 26.5 × 25 / 9 = 73.611… → 73.61 → C.
    # (Dividing by all 3 respondents instead would give 68.52.)
    second = {k: 2 for k in KEYS if k != "U3"}
    third = {**{k: 3 for k in KEYS if k != "U9"}, "U3": 1}
    result = from_answers([every(4), second, third])
    assert result.respondents == 3
    assert (result.of("U3").answered, result.of("U3").nrr) == (2, Fraction(5, 2))
    assert (result.of("U9").answered, result.of("U9").nrr) == (2, Fraction(3))
    assert result.converted == Decimal("73.61")
    assert (result.grade.mutu, result.grade.kinerja) == ("C", "kurang_baik")


def test_both_weights() -> None:
    mixed = [every(4), every(3), dict(zip(KEYS, MIXED, strict=True))]
    exact, rounded = from_answers(mixed), from_answers(mixed, "rounded")
    assert exact.converted == Decimal("84.26")
    # Σ NRR × 0.11 = 91/3 × 0.11 = 3.33666…; × 25 = 83.4166… → 83.42
    assert rounded.ikm == Fraction(91, 3) * Fraction(11, 100)
    assert rounded.converted == Decimal("83.42")
    assert from_answers([every(4)]).converted == Decimal("100.00")
    assert from_answers([every(4)], "rounded").converted == Decimal("99.00")
    # NRR 3.54 everywhere: 88.50 (A) with 1/9, but 87.62 (B) with 0.11.
    assert compute(100, uniform(354, 100)).grade.mutu == "A"
    with_rounded = compute(100, uniform(354, 100), "rounded")
    assert (with_rounded.converted, with_rounded.grade.mutu) == (Decimal("87.62"), "B")


@pytest.mark.parametrize(
    ("total", "answered", "converted", "mutu", "kinerja"),
    [
        (6499, 2500, "64.99", "D", "tidak_baik"),  # NRR 2.5996
        (260, 100, "65.00", "C", "kurang_baik"),  # NRR 2.6
        (3064, 1000, "76.60", "C", "kurang_baik"),  # NRR 3.064
        (7661, 2500, "76.61", "B", "baik"),  # NRR 3.0644
        (3532, 1000, "88.30", "B", "baik"),  # NRR 3.532
        (8831, 2500, "88.31", "A", "sangat_baik"),  # NRR 3.5324
        (12999, 5000, "65.00", "C", "kurang_baik"),  # 64.995 is reported, and graded, as 65.00
    ],
)
def test_every_grade_boundary(
    total: int, answered: int, converted: str, mutu: str, kinerja: str
) -> None:
    result = compute(answered, uniform(total, answered))
    assert result.converted == Decimal(converted)
    assert (result.grade.mutu, result.grade.kinerja) == (mutu, kinerja)


def test_boundaries_from_raw_answers() -> None:
    # Five respondents answering 3, 3, 3, 2, 2 everywhere: NRR 13/5 = 2.6 → exactly 65.00.
    result = from_answers([every(3), every(3), every(3), every(2), every(2)])
    assert (result.converted, result.grade.mutu) == (Decimal("65.00"), "C")
    assert from_answers([every(1)]).converted == Decimal("25.00")
    assert from_answers([every(1)]).grade.mutu == "D"


def test_grade_table_is_the_2017_one() -> None:
    assert grade(Decimal("81.26")).mutu == "B"  # the 2004 table would say A
    assert grade(Decimal("100.00")).mutu == "A" and grade(Decimal("25.00")).mutu == "D"


def test_no_respondent_and_an_unanswered_unsur() -> None:
    assert from_answers([]) is None
    nobody_on_u9 = from_answers([{k: 4 for k in KEYS if k != "U9"}])
    assert nobody_on_u9.ikm is None and nobody_on_u9.grade is None
    assert nobody_on_u9.of("U9").nrr is None and nobody_on_u9.of("U1").nrr == 4


def test_answers_are_read_by_key_not_position() -> None:
    in_order = dict(zip(KEYS, MIXED, strict=True))
    u9_before_u8 = {k: in_order[k] for k in ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U9", "U8"]}
    assert from_answers([u9_before_u8]) == from_answers([in_order])
    with pytest.raises(ValueError):
        sums_of([{"U10": 4}])
    with pytest.raises(ValueError):
        sums_of([{"U1": 5}])


@pytest.mark.parametrize(
    ("population", "sample"),
    [
        (100, 80),
        (1000, 278),
        (1_000_000, 384),
        (10**9, 384),
        (10, 10),
        (50, 44),
        (200, 132),
        (500, 217),
        (1, 1),
    ],
)
def test_krejcie_morgan(population: int, sample: int) -> None:
    assert minimum_sample(population) == sample


def test_population_pro_rated_to_a_period() -> None:
    assert prorated_population(2400, 30, 365) == 197  # 197.26
    assert prorated_population(2400, 365, 365) == 2400
    assert prorated_population(10, 1, 365) == 1
