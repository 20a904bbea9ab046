"""The arithmetic of the reports, as plain code: shares, ranks, trends, chart weeks, the
ranking order and the digest's week.

Definitions (also in the README):
- Figures describe the complaints *received* in the period, as they stand now.
- A share is on-time / known: of the complaints acknowledged (resolved) at least once,
  how many were acknowledged (resolved) by their deadline. No data gives no share ("—").
- Percentiles use the nearest-rank method: the p-th percentile of n sorted values is the
  value at rank ceil(p*n) (1-based), so the median of 4 values is the 2nd.
- The reopen rate is reopened / resolved at least once; the rating average is over the
  rated complaints.
- The unit ranking orders by a composite score (0-100): 40 % resolved on time, 20 % not
  reopened, 20 % the citizens' rating ((average − 1) / 4) and 20 % no backlog (1 − open
  complaints past a deadline now / open complaints now). A part without data is left out
  and the others are weighed up; units without a complaint of the period resolved or rated
  have no score and come last.
- JP compliance of a period is read as of its last moment (or now, for a period that has
  not ended): the credits of trainings that started by then, against the pro-rata target
  of that moment's year.
- The monthly IKM digest is due on the first working day of each month, at the clock time
  of the weekly digest, and reports on the month before.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.core.clock import to_epoch
from bot.core.periods import Period, month_period
from bot.core.workcalendar import WorkCalendar

MEDIAN, P90 = 0.5, 0.9
CHART_MIN_WEEKS = 8
Direction = Literal["up", "down", "same"]


def share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def average(total: int, count: int) -> float | None:
    return total / count if count else None


def rank_offset(count: int, fraction: float) -> int:
    """0-based offset of the nearest-rank percentile among ``count`` sorted values."""
    if count <= 0:
        raise ValueError("no values")
    return max(0, math.ceil(fraction * count - 1e-9) - 1)


@dataclass(frozen=True)
class Trend:
    direction: Direction
    difference: float  # absolute value of current - previous


def trend(current: float | None, previous: float | None) -> Trend | None:
    """▲/▼ against the previous period; None when either side has no data."""
    if current is None or previous is None:
        return None
    difference = current - previous
    if abs(difference) < 1e-9:
        return Trend("same", 0.0)
    return Trend("up" if difference > 0 else "down", abs(difference))


def instants(period: Period, zone: ZoneInfo) -> tuple[int, int]:
    start, end = period.bounds(zone)
    return to_epoch(start), to_epoch(end)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class ChartWeek:
    monday: date
    start: int  # Monday 00:00 local
    end: int  # the next Monday 00:00 local


def chart_weeks(
    period: Period, today: date, zone: ZoneInfo, minimum: int = CHART_MIN_WEEKS
) -> list[ChartWeek]:
    """Whole Monday-to-Sunday weeks for the chart: those overlapping the period (up to
    today), reaching back to at least ``minimum`` weeks so that a day or a week still
    shows its context."""
    last_day = max(period.start, min(period.end, today + timedelta(days=1)) - timedelta(days=1))
    last_monday = monday_of(last_day)
    monday = min(monday_of(period.start), last_monday - timedelta(weeks=minimum - 1))
    weeks = []
    while monday <= last_monday:
        following = monday + timedelta(weeks=1)
        weeks.append(
            ChartWeek(
                monday,
                to_epoch(datetime.combine(monday, time(), zone)),
                to_epoch(datetime.combine(following, time(), zone)),
            )
        )
        monday = following
    return weeks


@dataclass(frozen=True)
class UnitStanding:
    unit_code: str
    position: int  # order in the office file, the last tie-breaker
    received: int
    resolve_share: float | None  # resolved on time, of those resolved
    reopen_rate: float | None  # reopened, of those resolved
    rating: float | None  # the citizens' average, 1-5
    open_now: int  # open on the unit's clock now
    late_now: int  # of those, past a deadline


#: The composite score's parts and weights (README, "Reports"): resolved on time, not
#: reopened, the citizens' rating (1 → 0, 5 → 1) and no backlog past a deadline.
SCORE_WEIGHTS = {"on_time": 40, "not_reopened": 20, "rating": 20, "no_backlog": 20}


def score_parts(unit: UnitStanding) -> dict[str, float]:
    """Each part on 0..1; a part without data is left out (and the others weigh more).
    The backlog counts only next to a result: a unit that has only received complaints
    (none resolved or rated in the period) has no record to rank yet."""
    parts: dict[str, float] = {}
    if unit.resolve_share is not None:
        parts["on_time"] = unit.resolve_share
    if unit.reopen_rate is not None:
        parts["not_reopened"] = 1.0 - unit.reopen_rate
    if unit.rating is not None:
        parts["rating"] = (unit.rating - 1.0) / 4.0
    if parts:
        parts["no_backlog"] = 1.0 - unit.late_now / unit.open_now if unit.open_now else 1.0
    return parts


def score(unit: UnitStanding) -> float | None:
    """The composite score, 0-100; None for a unit without data (no complaint of the
    period resolved or rated)."""
    parts = score_parts(unit)
    if not parts:
        return None
    weight = sum(SCORE_WEIGHTS[name] for name in parts)
    return 100.0 * sum(SCORE_WEIGHTS[name] * value for name, value in parts.items()) / weight


def ranking(units: Iterable[UnitStanding]) -> list[UnitStanding]:
    """Best first by the composite score, then the busier unit; units without data last
    (the busier first, then in the office file's order)."""

    def key(unit: UnitStanding) -> tuple[bool, float, int, int]:
        found = score(unit)
        return (found is None, -(found or 0.0), -unit.received, unit.position)

    return sorted(units, key=key)


def digest_week(due: datetime, zone: ZoneInfo) -> Period:
    """The digest due at ``due`` covers the last full Monday-to-Sunday week before the
    week it is sent in."""
    this_monday = monday_of(due.astimezone(zone).date())
    start = this_monday - timedelta(weeks=1)
    return Period(start, this_monday, "week")


def hours(seconds: int | None) -> float | None:
    return None if seconds is None else seconds / 3600


def as_of(period: Period, now: datetime, zone: ZoneInfo) -> datetime:
    """The moment a period's standing figures (JP compliance) are read at: its last
    second, or ``now`` while the period is still running."""
    last = datetime.combine(period.end, time(), zone) - timedelta(seconds=1)
    return min(now.astimezone(zone), last)


def monthly_due(calendar: WorkCalendar, after: datetime, at: time) -> datetime:
    """The first working day of a month at ``at`` (local), strictly after ``after``."""
    local = after.astimezone(calendar.zone)
    year, month = local.year, local.month
    for _ in range(3):
        due = datetime.combine(calendar.first_working_day_of_month(year, month), at, calendar.zone)
        if due > local:
            return due
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise AssertionError("no working day in three months")


def month_before(due: datetime, zone: ZoneInfo) -> Period:
    """The calendar month before the one ``due`` falls in (what the monthly digest covers)."""
    day = due.astimezone(zone).date().replace(day=1) - timedelta(days=1)
    return month_period(day.year, day.month)
