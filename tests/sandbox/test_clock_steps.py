"""Where the clock panel's buttons take the office clock."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.core.workcalendar import WorkCalendar
from sandbox.clock import next_monday, plus_hour, plus_working_day, tomorrow_morning
from sandbox.office import working_morning

WIB = ZoneInfo("Asia/Jakarta")
CALENDAR = WorkCalendar(WIB)


def wib(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=WIB)


def test_an_hour_and_tomorrow_morning() -> None:
    assert plus_hour(wib(2026, 11, 27, 15, 30), CALENDAR) == wib(2026, 11, 27, 16, 30)
    assert tomorrow_morning(wib(2026, 11, 27, 15, 30), CALENDAR) == wib(2026, 11, 28, 8, 0)
    assert tomorrow_morning(wib(2026, 11, 27, 23, 59), CALENDAR) == wib(2026, 11, 28, 8, 0)


def test_a_working_day_skips_the_weekend_and_holidays() -> None:
    assert plus_working_day(wib(2026, 11, 25, 9, 0), CALENDAR) == wib(2026, 11, 26, 9, 0)
    assert plus_working_day(wib(2026, 11, 27, 15, 0), CALENDAR) == wib(2026, 11, 30, 15, 0)
    # 25 December (Christmas) is a public holiday: Thursday 24 -> Monday 28
    assert plus_working_day(wib(2026, 12, 24, 10, 0), CALENDAR).date() == date(2026, 12, 28)


def test_next_monday_half_past_seven_is_always_later() -> None:
    assert next_monday(wib(2026, 11, 25, 9, 0), CALENDAR) == wib(2026, 11, 30, 7, 30)
    assert next_monday(wib(2026, 11, 30, 7, 0), CALENDAR) == wib(2026, 11, 30, 7, 30)
    assert next_monday(wib(2026, 11, 30, 7, 30), CALENDAR) == wib(2026, 12, 7, 7, 30)


def test_the_sandbox_opens_on_a_working_morning() -> None:
    assert working_morning(CALENDAR, wib(2026, 11, 25, 22, 0)) == wib(2026, 11, 25, 9, 0)
    assert working_morning(CALENDAR, wib(2026, 11, 28, 10, 0)) == wib(2026, 11, 30, 9, 0)
