"""Rules of scheduled activities (trainings and citizen forums): JP, reminders, budget.

Pure functions, unit-tested directly. Instants are Unix seconds as stored; local dates
and times use the office zone passed in.

- 1 JP (jam pelajaran) = 45 minutes; "Otomatis" credits ``minutes // 45``.
- Every ASN is entitled to at least the yearly JP target (20, PP 11/2017 jo. PP 17/2020);
  the pro-rata target is that share of the year already elapsed. For an officer who
  registered this year it counts from one grace month after their registration, so a
  newcomer is not "behind" on day one.
- Reminders: one per configured offset before the start; offsets already past when an
  activity is planned are not created (the invitation itself is the notice).
- Saved attendance may be corrected for ``[training] attendance_correction_days`` (30)
  after the end; the JP stay in the calendar year of the training, whenever corrected.
- Someone who joins the staff (or changes unit) is invited to every activity not yet
  begun whose audience covers them; someone who leaves it loses those invitations.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.workcalendar import WorkCalendar
from domain.activities import ActivityStatus
from domain.activities import Kind as Kind  # re-exported: handlers name it from here

JP_MINUTES = 45
#: A newly registered officer has this long before the pro-rata JP target starts to run.
JP_GRACE = timedelta(days=30)
NUDGE_AT = time(9, 0)


def auto_jp(minutes: int) -> int:
    """JP credited by the "Otomatis" choice: whole lesson hours, rounded down."""
    return minutes // JP_MINUTES


def reminder_plan(starts_at: int, offsets_minutes: list[int], now: int) -> list[tuple[int, int]]:
    """``(offset, due_at)`` for every offset still ahead of ``now``, largest offset first."""
    plan = [(offset, starts_at - offset * 60) for offset in sorted(offsets_minutes, reverse=True)]
    return [(offset, due) for offset, due in plan if due > now]


def reminders_to_send(
    due_offsets: list[int], starts_at: int, now: int
) -> tuple[int | None, list[int]]:
    """Of one activity's reminders due now, which one to send and which are missed.

    Normally one is due at a time. After downtime several may be: only the closest to the
    start (smallest offset) is sent, the others are recorded as missed, so nobody gets
    "3 days left" and "1 day left" in the same minute. Once the activity has begun, every
    due reminder is missed."""
    ordered = sorted(due_offsets)
    if not ordered or now >= starts_at:
        return None, ordered
    return ordered[0], ordered[1:]


def local_year(moment: int, zone: ZoneInfo) -> int:
    return datetime.fromtimestamp(moment, zone).year


def year_fraction(moment: datetime, zone: ZoneInfo) -> float:
    """Share of the local calendar year elapsed at ``moment`` (0 on 1 January 00:00)."""
    local = moment.astimezone(zone)
    start = datetime(local.year, 1, 1, tzinfo=zone)
    end = datetime(local.year + 1, 1, 1, tzinfo=zone)
    return (local - start) / (end - start)


def prorata_target(
    target: int, moment: datetime, zone: ZoneInfo, registered: datetime | None = None
) -> float:
    """The JP a person should have by ``moment``: target × the share of the year elapsed
    since 1 January, or since one grace month after ``registered`` when that is later."""
    local = moment.astimezone(zone)
    start = datetime(local.year, 1, 1, tzinfo=zone)
    length = datetime(local.year + 1, 1, 1, tzinfo=zone) - start
    if registered is not None:
        start = max(start, registered.astimezone(zone) + JP_GRACE)
    return target * max(local - start, timedelta(0)) / length


def is_behind(jp: int, prorata: float) -> bool:
    return jp < prorata


@dataclass(frozen=True)
class Compliance:
    """JP compliance of a group of staff: how many are at or above the pro-rata target."""

    staff: int
    on_track: int

    @property
    def share(self) -> float | None:
        return self.on_track / self.staff if self.staff else None


def compliance(standings: list[tuple[int, float]]) -> Compliance:
    """From each person's (JP, pro-rata target)."""
    return Compliance(
        len(standings), sum(1 for jp, target in standings if not is_behind(jp, target))
    )


def next_nudge(calendar: WorkCalendar, after: datetime) -> datetime:
    """The first working day of a month at 09:00 local time, strictly after ``after``."""
    local = after.astimezone(calendar.zone)
    year, month = local.year, local.month
    for _ in range(3):
        day = calendar.first_working_day_of_month(year, month)
        moment = datetime.combine(day, NUDGE_AT, calendar.zone)
        if moment > local:
            return moment
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    raise AssertionError("no working day in three months")


def nudge_period(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%Y-%m")


def nudge_still_timely(due: datetime, now: datetime, zone: ZoneInfo) -> bool:
    """A nudge delayed by downtime is still sent the same day, otherwise it is missed."""
    return due.astimezone(zone).date() == now.astimezone(zone).date()


@dataclass(frozen=True)
class Budget:
    """A year's training budget against what activities spent and plan to spend."""

    total: int
    spent: int
    planned: int

    @property
    def remaining(self) -> int:
        return self.total - self.spent - self.planned

    @property
    def over(self) -> bool:
        return self.remaining < 0


def would_exceed(total: int, committed: int, cost: int) -> bool:
    """Saving an activity costing ``cost`` exceeds the budget (asks for confirmation)."""
    return cost > 0 and committed + cost > total


def cost_per_jp(spent: int, jp_delivered: int) -> float | None:
    """Rupiah per JP delivered (each attendee's credited JP counts)."""
    return spent / jp_delivered if jp_delivered else None


def year_bounds(year: int, zone: ZoneInfo) -> tuple[int, int]:
    """Unix seconds of the local year's start and the next year's start."""
    return (
        int(datetime.combine(date(year, 1, 1), time(), zone).timestamp()),
        int(datetime.combine(date(year + 1, 1, 1), time(), zone).timestamp()),
    )


def ends_at(starts_at: int, minutes: int) -> int:
    return starts_at + minutes * 60


def has_begun(starts_at: int, now: int) -> bool:
    return now >= starts_at


#: ``/start forum`` (the deep link organisers share) opens /forum.
FORUM_START = "forum"


def forum_link(bot_username: str) -> str:
    """The link that opens /forum, to invite citizens to subscribe to forum news."""
    return f"https://t.me/{bot_username}?start={FORUM_START}"


def has_ended(starts_at: int, minutes: int, now: int) -> bool:
    return now >= starts_at + minutes * 60


SCHEDULED, CANCELLED = ActivityStatus.TERJADWAL, ActivityStatus.DIBATALKAN
FINISHED = "selesai"  # shown only: a scheduled activity that has ended


def shown_status(status: str, starts_at: int, minutes: int, now: int) -> str:
    """The status people see: a scheduled activity that has ended is "selesai" from its
    end on (nothing is stored for that); a cancelled one stays "dibatalkan"."""
    if status == SCHEDULED and has_ended(starts_at, minutes, now):
        return FINISHED
    return status


def minutes_until(starts_at: int, now: int) -> int:
    return max(0, (starts_at - now) // 60)


def correction_deadline(ends_at: int, days: int) -> int:
    """The last instant at which saved attendance may still be corrected."""
    return ends_at + days * 86400


def can_correct(ends_at: int, now: int, days: int) -> bool:
    """Attendance is corrected after the end, until the deadline (inclusive); 0 days turns
    corrections off."""
    return days > 0 and ends_at <= now <= correction_deadline(ends_at, days)


def audience_covers(
    *,
    all_staff: bool,
    units: list[str],
    public: bool,
    is_staff: bool,
    unit_code: str | None,
    subscribed: bool,
) -> bool:
    """Whether an activity's audience includes a person: ASN by "Semua staf" or by their
    unit, citizens (anyone) subscribed to forums by "Publik". The same rule as the
    invitations sent when the activity was saved."""
    if is_staff and (all_staff or (unit_code is not None and unit_code in units)):
        return True
    return public and subscribed
