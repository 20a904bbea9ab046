"""Deadline arithmetic on the office's working calendar (WIB, Mon-Fri 08:00-16:00)."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.core.workcalendar import WorkCalendar

WIB = ZoneInfo("Asia/Jakarta")


def wib(*args: int) -> datetime:
    return datetime(*args, tzinfo=WIB)


@pytest.fixture
def calendar() -> WorkCalendar:
    return WorkCalendar(WIB, time(8), time(16))


def test_within_one_day(calendar: WorkCalendar) -> None:
    assert calendar.add_working_time(wib(2026, 11, 25, 9), timedelta(hours=3)) == wib(
        2026, 11, 25, 12
    )


def test_across_a_weekend(calendar: WorkCalendar) -> None:
    # Friday 27 Nov 2026 14:00 + 1 working day (8 h): 2 h on Friday, 6 h on Monday.
    assert calendar.add_working_days(wib(2026, 11, 27, 14), 1) == wib(2026, 11, 30, 14)


def test_filed_on_saturday_starts_monday_morning(calendar: WorkCalendar) -> None:
    assert calendar.add_working_days(wib(2026, 11, 28, 10), 1) == wib(2026, 11, 30, 16)


def test_after_office_hours_before_a_monday_holiday(calendar: WorkCalendar) -> None:
    # Friday 14 Aug 2026 15:30; Monday 17 Aug is Independence Day (libur nasional).
    # 30 minutes remain on Friday, the other 7.5 h run on Tuesday 18 Aug.
    assert calendar.add_working_days(wib(2026, 8, 14, 15, 30), 1) == wib(2026, 8, 18, 15, 30)
    # Filed after closing time: the clock starts on Tuesday at 08:00.
    assert calendar.add_working_days(wib(2026, 8, 14, 17, 0), 1) == wib(2026, 8, 18, 16, 0)


def test_cuti_bersama_counts_as_day_off(calendar: WorkCalendar) -> None:
    # Thursday 24 Dec 2026 is cuti bersama, Friday 25 Dec is Christmas.
    assert not calendar.is_working_day(date(2026, 12, 24))
    assert calendar.add_working_days(wib(2026, 12, 23, 15), 1) == wib(2026, 12, 28, 15)


def test_five_working_days_across_eid_holidays(calendar: WorkCalendar) -> None:
    # Lebaran 2026: 18-24 March are off (Nyepi, cuti bersama, Idul Fitri).
    due = calendar.add_working_days(wib(2026, 3, 17, 9), 5)
    assert due == wib(2026, 3, 31, 9)


def test_extra_office_days_off() -> None:
    calendar = WorkCalendar(WIB, time(8), time(16), extra_days_off=[date(2026, 11, 30)])
    assert calendar.add_working_days(wib(2026, 11, 27, 14), 1) == wib(2026, 12, 1, 14)
    assert calendar.day_off_reason(date(2026, 11, 30)) == "office"


def test_working_time_between_is_inverse_of_adding(calendar: WorkCalendar) -> None:
    start = wib(2026, 8, 14, 15, 30)
    due = calendar.add_working_days(start, 3.5)
    assert calendar.working_days_between(start, due) == pytest.approx(3.5)
    assert calendar.working_time_between(due, start) == timedelta()


def test_first_working_day_of_month(calendar: WorkCalendar) -> None:
    assert calendar.first_working_day_of_month(2026, 11) == date(2026, 11, 2)  # 1 Nov is Sunday
    assert calendar.first_working_day_of_month(2027, 1) == date(
        2027, 1, 4
    )  # 1 Jan holiday, weekend
