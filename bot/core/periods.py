"""Reporting periods and recurring schedules, as people type them.

Pure functions: a period is a half-open range of local dates ``[start, end)``; callers turn
it into instants with the office time zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = {
    "mon": 0,
    "tue": 1,
    "wed": 2,
    "thu": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
    "sen": 0,
    "sel": 1,
    "rab": 2,
    "kam": 3,
    "jum": 4,
    "sab": 5,
    "min": 6,
}


class PeriodError(ValueError):
    """The text is not a period we understand."""


@dataclass(frozen=True)
class Period:
    start: date  # inclusive
    end: date  # exclusive
    label: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def previous(self) -> Period:
        """The period of the same length right before this one (for ▲/▼ comparisons)."""
        if self.label.startswith("month:"):
            prev_end = self.start
            prev_start = (self.start - timedelta(days=1)).replace(day=1)
            return Period(prev_start, prev_end, "month:" + prev_start.strftime("%Y-%m"))
        if self.label.startswith("year:"):
            prev_start = self.start.replace(year=self.start.year - 1)
            return Period(prev_start, self.start, f"year:{prev_start.year}")
        return Period(self.start - timedelta(days=self.days), self.start, "range")

    def bounds(self, zone: ZoneInfo) -> tuple[datetime, datetime]:
        return (
            datetime.combine(self.start, time(), zone),
            datetime.combine(self.end, time(), zone),
        )


def month_period(year: int, month: int) -> Period:
    start = date(year, month, 1)
    return Period(start, next_month(start), f"month:{start:%Y-%m}")


def next_month(day: date) -> date:
    """The first day of the month after ``day``'s."""
    return date(day.year + (day.month == 12), day.month % 12 + 1, 1)


def split_settled(period: Period, today: date) -> tuple[list[Period], list[Period]]:
    """The calendar months of ``period`` that ended before ``today``'s month began (their
    figures change only when an old case is touched), and the rest of the period as ranges
    (none, one or two: a part month at the start, and what is not over yet)."""
    first = period.start if period.start.day == 1 else next_month(period.start)
    settled: list[Period] = []
    month = first
    while next_month(month) <= min(period.end, today.replace(day=1)):
        settled.append(month_period(month.year, month.month))
        month = next_month(month)
    if not settled:
        return [], [period]
    rest = [
        Period(start, end, "range")
        for start, end in ((period.start, settled[0].start), (settled[-1].end, period.end))
        if start < end
    ]
    return settled, rest


def year_period(year: int) -> Period:
    return Period(date(year, 1, 1), date(year + 1, 1, 1), f"year:{year}")


def period_between(start: date, end: date) -> Period:
    """The period ``[start, end)`` named as a month or a year when it is one (e.g. rebuilt
    from a button's callback data)."""
    if start.day == 1 and end == month_period(start.year, start.month).end:
        return month_period(start.year, start.month)
    if (start.month, start.day) == (1, 1) and end == date(start.year + 1, 1, 1):
        return year_period(start.year)
    return Period(start, end, "range")


FIRST_YEAR = 2000  # before the office had any digital record: surely a typing error


def parse_period(text: str | None, today: date, default: str = "bulan") -> Period:
    """Accept ``hari``, ``minggu``, ``bulan``, ``tahun`` (and English), ``YYYY-MM``,
    ``YYYY`` and ``YYYY-MM-DD..YYYY-MM-DD`` (inclusive end, as people write it), from the
    year 2000 to next year (``1900`` or ``2999`` is a typing error, not an empty report;
    ``9999``, whose end lies past the calendar, is one too)."""
    try:
        period = _parse_period(text, today, default)
    except (ValueError, OverflowError) as exc:  # e.g. "year 10000 is out of range"
        if isinstance(exc, PeriodError):
            raise
        raise PeriodError((text or default).strip()) from exc
    if period.start.year < FIRST_YEAR or period.end > date(today.year + 2, 1, 1):
        raise PeriodError((text or default).strip())
    return period


def _parse_period(text: str | None, today: date, default: str) -> Period:
    word = (text or default).strip().lower()
    if word in ("hari", "today", "day"):
        return Period(today, today + timedelta(days=1), "day")
    if word in ("minggu", "week"):
        monday = today - timedelta(days=today.weekday())
        return Period(monday, monday + timedelta(days=7), "week")
    if word in ("bulan", "month"):
        return month_period(today.year, today.month)
    if word in ("tahun", "year"):
        return year_period(today.year)
    if match := re.fullmatch(r"(\d{4})-(\d{2})", word):
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            raise PeriodError(word)
        return month_period(year, month)
    if re.fullmatch(r"\d{4}", word):
        return year_period(int(word))
    if match := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", word):
        try:
            first, last = date.fromisoformat(match.group(1)), date.fromisoformat(match.group(2))
        except ValueError as exc:
            raise PeriodError(word) from exc
        if last < first:
            raise PeriodError(word)
        return Period(first, last + timedelta(days=1), "range")
    raise PeriodError(word)


@dataclass(frozen=True)
class WeeklySchedule:
    weekday: int
    at: time

    def next_after(self, moment: datetime, zone: ZoneInfo) -> datetime:
        """The first occurrence strictly after ``moment``, in the office zone."""
        local = moment.astimezone(zone)
        candidate = datetime.combine(local.date(), self.at, zone)
        candidate += timedelta(days=(self.weekday - local.weekday()) % 7)
        if candidate <= local:
            candidate += timedelta(days=7)
        return candidate


def parse_weekly_schedule(text: str) -> WeeklySchedule:
    """``"mon 07:30"`` (or ``"sen 07.30"``) -> weekday and local time."""
    match = re.fullmatch(r"\s*([a-z]{3})[a-z]*\s+(\d{1,2})[:.](\d{2})\s*", text.lower())
    if not match or match.group(1) not in WEEKDAYS:
        raise ValueError(f"bad weekly schedule {text!r}")
    hour, minute = int(match.group(2)), int(match.group(3))
    if hour > 23 or minute > 59:
        raise ValueError(f"bad time in {text!r}")
    return WeeklySchedule(WEEKDAYS[match.group(1)], time(hour, minute))
