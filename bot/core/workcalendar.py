"""Working time of a government office: Monday-Friday office hours, minus Indonesian public
holidays (libur nasional), cuti bersama and the office's own extra days off.

Deadlines in this product are promises in *working* time (LAPOR!: "hari kerja"), so every
deadline, reminder offset for complaints and "how late" figure goes through this module.
One working day is one span of office hours, so "1 working day" from Friday 15:30 with
office hours 08:00-16:00 ends at 15:30 on the next working day.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays


@lru_cache(maxsize=1)
def _indonesian_holidays() -> holidays.HolidayBase:
    return holidays.country_holidays("ID", categories=("public", "government"))


class WorkCalendar:
    def __init__(
        self,
        zone: ZoneInfo,
        opens: time = time(8, 0),
        closes: time = time(16, 0),
        extra_days_off: Iterable[date] = (),
        public_holidays: holidays.HolidayBase | None = None,
    ) -> None:
        self.zone = zone
        self.opens = opens
        self.closes = closes
        self._extra = frozenset(extra_days_off)
        self._holidays = public_holidays if public_holidays is not None else _indonesian_holidays()

    @property
    def day_length(self) -> timedelta:
        return datetime.combine(date.min, self.closes) - datetime.combine(date.min, self.opens)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._holidays and day not in self._extra

    def day_off_reason(self, day: date) -> str | None:
        """Why ``day`` is off (holiday name, 'weekend', 'office') or None for a working day."""
        if day in self._extra:
            return "office"
        if day in self._holidays:
            return str(self._holidays.get(day))
        return "weekend" if day.weekday() >= 5 else None

    def _window(self, day: date) -> tuple[datetime, datetime]:
        return (
            datetime.combine(day, self.opens, self.zone),
            datetime.combine(day, self.closes, self.zone),
        )

    def add_working_time(self, start: datetime, amount: timedelta) -> datetime:
        """The instant when ``amount`` of working time has passed after ``start``."""
        remaining = amount
        cursor = start.astimezone(self.zone)
        day = cursor.date()
        while True:
            if self.is_working_day(day):
                opens, closes = self._window(day)
                begin = max(cursor, opens)
                if begin < closes:
                    available = closes - begin
                    if remaining <= available:
                        return begin + remaining
                    remaining -= available
            day += timedelta(days=1)
            cursor = datetime.combine(day, time(), self.zone)

    def add_working_days(self, start: datetime, days: float) -> datetime:
        return self.add_working_time(start, self.day_length * days)

    def working_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Working time elapsed from ``start`` to ``end`` (zero when ``end`` is earlier)."""
        total = timedelta()
        if end <= start:
            return total
        start, end = start.astimezone(self.zone), end.astimezone(self.zone)
        day = start.date()
        while day <= end.date():
            if self.is_working_day(day):
                opens, closes = self._window(day)
                begin, finish = max(start, opens), min(end, closes)
                if finish > begin:
                    total += finish - begin
            day += timedelta(days=1)
        return total

    def working_days_between(self, start: datetime, end: datetime) -> float:
        return self.working_time_between(start, end) / self.day_length

    def next_working_day(self, day: date) -> date:
        """``day`` itself when it is a working day, else the next one."""
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def first_working_day_of_month(self, year: int, month: int) -> date:
        return self.next_working_day(date(year, month, 1))
