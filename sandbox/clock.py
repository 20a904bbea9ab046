"""The clock panel's steps: where "+1 hour", "tomorrow 08:00", "+1 working day" and "next
Monday 07:30" take the office clock. Pure functions of the current time and the working
calendar, so they are tested without a bot."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from bot.core.workcalendar import WorkCalendar

Step = Callable[[datetime, WorkCalendar], datetime]


def plus_hour(now: datetime, calendar: WorkCalendar) -> datetime:
    return now + timedelta(hours=1)


def tomorrow_morning(now: datetime, calendar: WorkCalendar) -> datetime:
    """08:00 of the next calendar day (WIB), working day or not."""
    day = now.astimezone(calendar.zone).date() + timedelta(days=1)
    return datetime.combine(day, time(8, 0), calendar.zone)


def plus_working_day(now: datetime, calendar: WorkCalendar) -> datetime:
    """One span of office hours later, as deadlines count (Friday 15:00 → Monday 15:00)."""
    return calendar.add_working_days(now, 1)


def next_monday(now: datetime, calendar: WorkCalendar) -> datetime:
    """07:30 of the next Monday (the weekly digest's default time), strictly later."""
    local = now.astimezone(calendar.zone)
    days = (7 - local.weekday()) % 7 or 7
    candidate = datetime.combine(local.date() + timedelta(days=days), time(7, 30), calendar.zone)
    if local.weekday() == 0 and local.time() < time(7, 30):
        candidate = datetime.combine(local.date(), time(7, 30), calendar.zone)
    return candidate


STEPS: dict[str, Step] = {
    "hour": plus_hour,
    "tomorrow": tomorrow_morning,
    "workday": plus_working_day,
    "monday": next_monday,
}
