"""JP, reminders, pro-rata targets, the monthly nudge and the budget rules."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.activities import callbacks as acb
from bot.activities.create import Draft
from bot.activities.rules import (
    JP_GRACE,
    Budget,
    Kind,
    audience_covers,
    auto_jp,
    can_correct,
    compliance,
    correction_deadline,
    cost_per_jp,
    is_behind,
    next_nudge,
    nudge_still_timely,
    prorata_target,
    reminder_plan,
    reminders_to_send,
    would_exceed,
    year_bounds,
    year_fraction,
)
from bot.core.workcalendar import WorkCalendar

WIB = ZoneInfo("Asia/Jakarta")


@pytest.mark.parametrize(
    ("minutes", "jp"), [(44, 0), (45, 1), (89, 1), (90, 2), (135, 3), (480, 10)]
)
def test_one_jp_is_45_minutes_rounded_down(minutes: int, jp: int) -> None:
    assert auto_jp(minutes) == jp


def test_reminder_plan_skips_offsets_already_past() -> None:
    start = 1_000_000
    offsets = [4320, 1440, 120]
    assert reminder_plan(start, offsets, now=0) == [
        (4320, start - 4320 * 60),
        (1440, start - 1440 * 60),
        (120, start - 120 * 60),
    ]
    assert reminder_plan(start, offsets, now=start - 2 * 86400) == [
        (1440, start - 1440 * 60),
        (120, start - 120 * 60),
    ]
    assert reminder_plan(start, offsets, now=start) == []


def test_only_the_closest_due_reminder_is_sent_after_downtime() -> None:
    assert reminders_to_send([1440], starts_at=100, now=50) == (1440, [])
    assert reminders_to_send([4320, 1440], starts_at=100, now=50) == (1440, [4320])
    assert reminders_to_send([4320, 120], starts_at=100, now=100) == (None, [120, 4320])
    assert reminders_to_send([], starts_at=100, now=50) == (None, [])


def test_prorata_target() -> None:
    assert year_fraction(datetime(2026, 1, 1, tzinfo=WIB), WIB) == 0
    mid = datetime(2026, 7, 2, 12, 0, tzinfo=WIB)
    assert year_fraction(mid, WIB) == pytest.approx(0.5, abs=0.002)
    december = datetime(2026, 12, 1, 9, 0, tzinfo=WIB)
    assert prorata_target(20, december, WIB) == pytest.approx(20 * (334 + 9 / 24) / 365)
    assert is_behind(18, prorata_target(20, december, WIB))
    assert not is_behind(19, prorata_target(20, december, WIB))


def test_compliance_share() -> None:
    result = compliance([(20, 10.0), (5, 10.0), (10, 10.0)])
    assert (result.staff, result.on_track, result.share) == (3, 2, pytest.approx(2 / 3))
    assert compliance([(0, 0.0)]).on_track == 1  # a newcomer within the grace month
    assert compliance([]).share is None


def test_prorata_target_of_a_newcomer_starts_a_grace_month_after_registration() -> None:
    december = datetime(2026, 12, 1, 9, 0, tzinfo=WIB)
    registered = datetime(2026, 11, 25, 9, 0, tzinfo=WIB)
    assert prorata_target(20, registered, WIB, registered) == 0  # day one
    assert prorata_target(20, december, WIB, registered) == 0  # within the grace month
    march = datetime(2026, 3, 1, 10, 0, tzinfo=WIB)
    grace_over = march + JP_GRACE
    assert prorata_target(20, grace_over, WIB, march) == 0
    later = grace_over + timedelta(days=73)  # 73 days: a fifth of a year
    assert prorata_target(20, later, WIB, march) == pytest.approx(20 * 73 / 365)
    # Registered long ago (or last year): the whole year counts, as for everyone.
    veteran = datetime(2020, 3, 1, tzinfo=WIB)
    assert prorata_target(20, december, WIB, veteran) == prorata_target(20, december, WIB)
    early = datetime(2026, 1, 10, tzinfo=WIB)  # registered in January: from 9 February
    assert prorata_target(20, december, WIB, early) < prorata_target(20, december, WIB)


def test_next_nudge_is_the_first_working_day_at_nine() -> None:
    calendar = WorkCalendar(WIB)
    wednesday = datetime(2026, 11, 25, 9, 0, tzinfo=WIB)
    assert next_nudge(calendar, wednesday) == datetime(2026, 12, 1, 9, 0, tzinfo=WIB)
    # 1 January is a holiday and 2-3 January 2027 a weekend: Monday 4 January.
    assert next_nudge(calendar, datetime(2026, 12, 1, 9, 0, tzinfo=WIB)) == datetime(
        2027, 1, 4, 9, 0, tzinfo=WIB
    )
    assert next_nudge(calendar, datetime(2026, 12, 1, 8, 59, tzinfo=WIB)) == datetime(
        2026, 12, 1, 9, 0, tzinfo=WIB
    )
    off = WorkCalendar(WIB, extra_days_off=[date(2026, 12, 1)])
    assert next_nudge(off, wednesday) == datetime(2026, 12, 2, 9, 0, tzinfo=WIB)


def test_a_late_nudge_is_sent_only_the_same_day() -> None:
    due = datetime(2026, 12, 1, 9, 0, tzinfo=WIB)
    assert nudge_still_timely(due, datetime(2026, 12, 1, 15, 0, tzinfo=WIB), WIB)
    assert not nudge_still_timely(due, datetime(2026, 12, 2, 8, 0, tzinfo=WIB), WIB)


def test_budget() -> None:
    budget = Budget(total=25_000_000, spent=10_000_000, planned=12_000_000)
    assert budget.remaining == 3_000_000 and not budget.over
    assert Budget(10, 8, 5).over
    assert would_exceed(25_000_000, 22_000_000, 3_000_001)
    assert not would_exceed(25_000_000, 22_000_000, 3_000_000)
    assert not would_exceed(0, 0, 0)
    assert cost_per_jp(1_200_000, 48) == 25_000
    assert cost_per_jp(1_200_000, 0) is None


def test_year_bounds_are_local() -> None:
    start, end = year_bounds(2026, WIB)
    assert datetime.fromtimestamp(start, WIB) == datetime(2026, 1, 1, tzinfo=WIB)
    assert datetime.fromtimestamp(end, WIB) == datetime(2027, 1, 1, tzinfo=WIB)


def test_attendance_can_be_corrected_from_the_end_until_the_deadline() -> None:
    ends = 1_000_000
    assert correction_deadline(ends, 30) == ends + 30 * 86400
    assert not can_correct(ends, ends - 1, 30)
    assert can_correct(ends, ends, 30)
    assert can_correct(ends, ends + 30 * 86400, 30)
    assert not can_correct(ends, ends + 30 * 86400 + 1, 30)
    assert not can_correct(ends, ends, 0)


@pytest.mark.parametrize(
    ("audience", "person", "covered"),
    [
        (
            {"all_staff": True, "units": [], "public": False},
            {"is_staff": True, "unit_code": None, "subscribed": False},
            True,
        ),
        (
            {"all_staff": True, "units": [], "public": False},
            {"is_staff": False, "unit_code": None, "subscribed": True},
            False,
        ),
        (
            {"all_staff": False, "units": ["PEM"], "public": False},
            {"is_staff": True, "unit_code": "PEM", "subscribed": False},
            True,
        ),
        (
            {"all_staff": False, "units": ["PEM"], "public": False},
            {"is_staff": True, "unit_code": "PEMB", "subscribed": False},
            False,
        ),
        (
            {"all_staff": False, "units": ["PEM"], "public": False},
            {"is_staff": False, "unit_code": "PEM", "subscribed": False},
            False,
        ),
        (
            {"all_staff": False, "units": [], "public": True},
            {"is_staff": False, "unit_code": None, "subscribed": True},
            True,
        ),
        (
            {"all_staff": False, "units": [], "public": True},
            {"is_staff": True, "unit_code": "PEM", "subscribed": False},
            False,
        ),
    ],
)
def test_audience_covers_staff_by_unit_or_all_and_subscribers_by_public(
    audience: dict, person: dict, covered: bool
) -> None:
    assert audience_covers(**audience, **person) is covered


def test_shown_status_finishes_at_the_end_and_keeps_cancellations() -> None:
    from bot.activities.rules import shown_status

    start, minutes = 1_000_000, 120
    end = start + minutes * 60
    assert shown_status("terjadwal", start, minutes, start - 1) == "terjadwal"
    assert shown_status("terjadwal", start, minutes, end - 1) == "terjadwal"  # under way
    assert shown_status("terjadwal", start, minutes, end) == "selesai"
    assert shown_status("dibatalkan", start, minutes, end + 10) == "dibatalkan"


def test_only_a_citizen_forum_keeps_a_public_audience() -> None:
    draft = Draft()
    draft.choose_kind(Kind.FORUM)
    draft.toggle_audience(acb.PUBLIC, set())
    assert draft.kind == "forum" and draft.public
    draft.choose_kind(Kind.PELATIHAN)
    assert draft.kind == "pelatihan" and not draft.public
    with pytest.raises(ValueError):
        draft.toggle_audience(acb.PUBLIC, set())
