"""The pure rules of what is published: small numbers, when the posts go out, which
channel, and what staff may write for the public."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.office import load_office
from bot.core.periods import parse_weekly_schedule
from bot.core.workcalendar import WorkCalendar
from bot.transparency.rules import (
    ChannelProblem,
    Counts,
    Personal,
    PostKind,
    change,
    channel_problem,
    channel_reference,
    covered_period,
    index_shown,
    median,
    monthly_due_after,
    period_key,
    personal_markers,
    publishable,
    weekly_due,
)

WIB = ZoneInfo("Asia/Jakarta")
HOUR = timedelta(hours=1)


def test_a_unit_with_fewer_than_five_complaints_shows_counts_only() -> None:
    few = publishable(
        Counts(
            received=4,
            acknowledged=4,
            ack_on_time=4,
            resolved=4,
            resolve_known=4,
            resolve_on_time=3,
        ),
        [3600] * 4,
        5,
    )
    assert (few.received, few.resolved) == (4, 4)
    assert (few.ack_share, few.resolve_share, few.median_seconds) == (None, None, None)
    assert few.small


def test_a_busy_unit_shows_shares_only_over_five_or_more() -> None:
    busy = publishable(
        Counts(
            received=9,
            acknowledged=8,
            ack_on_time=6,
            resolved=3,
            resolve_known=3,
            resolve_on_time=3,
        ),
        [10, 20, 30],
        5,
    )
    assert busy.ack_share == 6 / 8
    assert busy.resolve_share is None and busy.median_seconds is None  # only 3 resolved
    assert busy.small
    done = publishable(
        Counts(received=0, resolved=6, resolve_known=6, resolve_on_time=5), [1, 2, 3, 4, 5, 6], 5
    )
    assert done.resolve_share == 5 / 6 and done.median_seconds == 3  # nearest rank
    assert not done.small  # resolved counts as the unit's complaints too


def test_no_data_is_not_hidden_data() -> None:
    quiet = publishable(Counts(), [], 5)
    assert quiet.ack_share is None and not quiet.small
    assert median([]) is None and median([7]) == 7 and median([1, 2, 3, 4]) == 2


def test_change_against_the_week_before() -> None:
    now = publishable(
        Counts(received=10, resolved=8, resolve_known=8, resolve_on_time=6), list(range(8)), 5
    )
    before = publishable(
        Counts(received=6, resolved=5, resolve_known=5, resolve_on_time=5), list(range(5)), 5
    )
    moved = change(now, before)
    assert (moved.received, moved.resolved) == (4, 3)
    assert moved.resolve_share_points == pytest.approx(-25.0)
    hidden = publishable(Counts(received=2), [], 5)
    assert change(now, hidden).resolve_share_points is None


def test_the_index_needs_five_respondents() -> None:
    assert not index_shown(4, 5) and index_shown(5, 5)


def test_the_posts_follow_the_digests() -> None:
    schedule = parse_weekly_schedule("mon 07:30")
    friday = datetime(2026, 11, 27, 10, 0, tzinfo=WIB)
    due = weekly_due(schedule, WIB, friday, HOUR)
    assert due == datetime(2026, 11, 30, 8, 30, tzinfo=WIB)
    assert weekly_due(schedule, WIB, due, HOUR) == due + timedelta(weeks=1)
    between = datetime(2026, 11, 30, 8, 0, tzinfo=WIB)  # after the digest, before the post
    assert weekly_due(schedule, WIB, between, HOUR) == due
    assert period_key(PostKind.WEEKLY, due, WIB) == "2026-11-23"
    assert covered_period(PostKind.WEEKLY, due, WIB).start == date(2026, 11, 23)

    office = load_office()
    calendar = WorkCalendar(WIB, time(8), time(16), office.non_working_dates)
    monthly = monthly_due_after(calendar, time(7, 30), friday, HOUR)
    assert monthly == datetime(2026, 12, 1, 8, 30, tzinfo=WIB)
    # 1 January 2027 is a holiday and 2-3 January a weekend: Monday 4 January
    assert monthly_due_after(calendar, time(7, 30), monthly, HOUR) == datetime(
        2027, 1, 4, 8, 30, tzinfo=WIB
    )
    assert period_key(PostKind.MONTHLY, monthly, WIB) == "2026-11"


def test_only_a_channel_where_the_bot_may_post() -> None:
    assert channel_problem("channel", "administrator", True) is None
    assert channel_problem("channel", "administrator", False) is ChannelProblem.CANNOT_POST
    assert channel_problem("channel", "left", None) is ChannelProblem.NOT_ADMIN
    assert channel_problem("channel", "kicked", None) is ChannelProblem.NOT_ADMIN
    assert channel_problem("supergroup", "administrator", True) is ChannelProblem.NOT_A_CHANNEL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@info_marelan", "@info_marelan"),
        ("info_marelan", "@info_marelan"),
        ("https://t.me/info_marelan", "@info_marelan"),
        ("t.me/info_marelan", "@info_marelan"),
        ("-1001234567890", -1001234567890),
        ("-12345", None),
        ("@x", None),
        ("https://example.org/kanal", None),
    ],
)
def test_channel_references(text: str, expected: object) -> None:
    assert channel_reference(text) == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Lampu jalan sudah diganti oleh tim Seksi Pembangunan.", []),
        ("Diperbaiki dalam 3 hari kerja, 2 petugas, tahun 2026.", []),
        ("Hubungi 0812-3456-7890 untuk info", [Personal.NUMBER]),
        ("Hubungi +62 812 3456 7890", [Personal.NUMBER]),
        ("NIK 1271020304050607 sudah dicek", [Personal.NUMBER]),
        ("Terima kasih @siti_rahma", [Personal.USERNAME]),
        ("Kirim ke siti@example.com", [Personal.EMAIL]),
        (
            "@budi_s 081234567890 budi@example.org",
            [Personal.NUMBER, Personal.USERNAME, Personal.EMAIL],
        ),
    ],
)
def test_what_would_identify_someone(text: str, found: list[Personal]) -> None:
    assert personal_markers(text) == found
