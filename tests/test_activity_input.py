"""What organisers may type for dates, durations, Rupiah and JP, and what is refused."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.activities.input import (
    InputError,
    When,
    clean_place,
    clean_title,
    parse_duration,
    parse_jp,
    parse_rupiah,
    parse_when,
)

WIB = ZoneInfo("Asia/Jakarta")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=WIB)  # Wednesday


@pytest.mark.parametrize(
    "text",
    [
        "2026-12-05 09:00",
        "2026-12-05 09.00",
        "2026-12-05T09:00",
        "5/12 09.00",
        "5/12 9:00",
        "05/12/2026 09:00",
        "5-12-26 09.00",
        "5.12 09.00",
        "5 Des 09:00",
        "5 des 09.00",
        "5 Desember 09:00",
        "5 Desember 2026 pukul 09.00 WIB",
        "Sabtu, 5 Des 09:00",
        "5 Dec 09:00",
        "5 December 2026 09:00",
        "Dec 5 09:00",
        "December 5th 2026 9:00",
        "  5   Des   jam 09:00  ",
        "5Des 09:00",
        "Sat 5 Dec 09:00",
    ],
)
def test_accepted_forms_mean_saturday_5_december_9am(text: str) -> None:
    assert parse_when(text, NOW, WIB) == When(datetime(2026, 12, 5, 9, 0, tzinfo=WIB))


def test_missing_year_means_this_year() -> None:
    assert parse_when("25/11 10:00", NOW, WIB) == When(datetime(2026, 11, 25, 10, 0, tzinfo=WIB))
    assert parse_when("31 Des 19:00", NOW, WIB) == When(datetime(2026, 12, 31, 19, 0, tzinfo=WIB))


@pytest.mark.parametrize(
    ("text", "now", "past"),
    [
        ("9 Des 09:00", datetime(2026, 12, 10, 8, 0, tzinfo=WIB), datetime(2026, 12, 9, 9, 0)),
        ("25/11 08:00", NOW, datetime(2026, 11, 25, 8, 0)),  # today, an hour ago
        ("1 Nov 09:00", NOW, datetime(2026, 11, 1, 9, 0)),  # 24 days ago
        ("25 Okt 09:00", NOW, datetime(2026, 10, 25, 9, 0)),  # 31 days ago: still a month
    ],
)
def test_a_date_passed_within_a_month_is_refused_not_moved_to_next_year(
    text: str, now: datetime, past: datetime
) -> None:
    with pytest.raises(InputError) as caught:
        parse_when(text, now, WIB)
    assert caught.value.reason == "when.past"
    assert caught.value.values == {"when": past.replace(tzinfo=WIB)}


def test_a_date_passed_more_than_a_month_ago_is_next_year_and_says_so() -> None:
    assert parse_when("5 Jan 08:00", NOW, WIB) == When(
        datetime(2027, 1, 5, 8, 0, tzinfo=WIB), assumed_year=2027
    )
    assert parse_when("24 Okt 09:00", NOW, WIB) == When(
        datetime(2027, 10, 24, 9, 0, tzinfo=WIB), assumed_year=2027
    )
    assert parse_when("29 Feb 09:00", NOW, WIB) == When(
        datetime(2028, 2, 29, 9, 0, tzinfo=WIB), assumed_year=2028
    )
    # A typed year is never "assumed", even next year's.
    assert parse_when("5 Jan 2027 08:00", NOW, WIB).assumed_year is None


def test_relative_days() -> None:
    assert parse_when("besok 13.30", NOW, WIB).moment == datetime(2026, 11, 26, 13, 30, tzinfo=WIB)
    assert parse_when("hari ini 15:00", NOW, WIB).moment == datetime(
        2026, 11, 25, 15, 0, tzinfo=WIB
    )


def test_time_zone_of_now_does_not_matter() -> None:
    utc_now = NOW.astimezone(ZoneInfo("UTC"))
    assert parse_when("5/12 09.00", utc_now, WIB).moment == datetime(2026, 12, 5, 9, 0, tzinfo=WIB)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("kapan-kapan", "when.format"),
        ("5 Des", "when.format"),
        ("", "when.format"),
        ("09:00", "when.format"),
        ("5 Dese 09:00", "when.month"),
        ("31/11 09:00", "when.date"),
        ("2026-02-30 09:00", "when.date"),
        ("5/13 09:00", "when.date"),
        ("5/12 25:00", "when.time"),
        ("5/12 09:75", "when.time"),
        ("2026-11-25 08:59", "when.past"),
        ("2026-11-25 09:00", "when.past"),
        ("2025-12-05 09:00", "when.past"),
        ("hari ini 08:00", "when.past"),
        ("2030-12-05 09:00", "when.too_far"),
    ],
)
def test_refused_with_a_reason(text: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_when(text, NOW, WIB)
    assert caught.value.reason == reason


def test_unknown_month_names_the_word() -> None:
    with pytest.raises(InputError) as caught:
        parse_when("5 Dese 09:00", NOW, WIB)
    assert caught.value.values == {"word": "dese"}


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("90", 90),
        ("90m", 90),
        ("90 m", 90),
        ("90 menit", 90),
        ("90 min", 90),
        ("2j", 120),
        ("2 jam", 120),
        ("2h", 120),
        ("2 H", 120),
        ("1,5 jam", 90),
        ("1.5h", 90),
        ("2j30", 150),
        ("2 jam 30 menit", 150),
        ("1h30m", 90),
        ("15", 15),
        ("72 jam", 4320),
    ],
)
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration(text) == minutes


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "duration.format"),
        ("dua jam", "duration.format"),
        ("2 hari", "duration.format"),
        ("-5", "duration.format"),
        ("10", "duration.range"),
        ("73 jam", "duration.range"),
        ("jam", "duration.format"),
    ],
)
def test_bad_durations(text: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_duration(text)
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1.500.000", 1_500_000),
        ("1500000", 1_500_000),
        ("Rp 1.500.000", 1_500_000),
        ("Rp1.500.000,00", 1_500_000),
        ("1,500,000", 1_500_000),
        ("Rp 1,5 juta", 1_500_000),
        ("1.5jt", 1_500_000),
        ("2 juta", 2_000_000),
        ("750rb", 750_000),
        ("750 ribu", 750_000),
        ("Rp 250.000,-", 250_000),
        ("0", 0),
        ("1.500", 1_500),
    ],
)
def test_rupiah(text: str, amount: int) -> None:
    assert parse_rupiah(text) == amount


@pytest.mark.parametrize(
    "text", ["", "gratis", "1.50.000", "12,34", "Rp", "1.500,000", "juta", "1e6"]
)
def test_bad_rupiah(text: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_rupiah(text)
    assert caught.value.reason == "rupiah.format"


def test_rupiah_has_a_ceiling() -> None:
    with pytest.raises(InputError) as caught:
        parse_rupiah("999.999.999.999")
    assert caught.value.reason == "rupiah.range"


def test_jp() -> None:
    assert parse_jp("6") == 6 and parse_jp("6 JP") == 6 and parse_jp("0") == 0
    for bad, reason in (("enam", "jp.format"), ("2,5", "jp.format"), ("999", "jp.range")):
        with pytest.raises(InputError) as caught:
            parse_jp(bad)
        assert caught.value.reason == reason


def test_title_and_place_are_trimmed_and_bounded() -> None:
    assert clean_title("  Pelatihan   Excel  ") == "Pelatihan Excel"
    assert clean_place("Aula\nKantor Camat") == "Aula Kantor Camat"
    with pytest.raises(InputError):
        clean_title("abc")
    with pytest.raises(InputError):
        clean_place("x" * 201)
