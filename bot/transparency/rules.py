"""The rules of what the office publishes, as plain code (no Telegram, no database).

- **Small numbers identify people.** A unit with fewer than ``min_count`` (5) complaints
  received or resolved in a period is shown with counts only; any share or median is shown
  only when it is computed over at least ``min_count`` complaints; a service's IKM only
  with at least ``min_count`` respondents. Hidden values read "—" with a footnote.
- **When.** The public posts follow the supervisors' digests by ``delay_minutes``: the week
  every ``DIGEST_SCHEDULE`` (Monday 07:30 + 60 min by default), the month's IKM on the first
  working day of the month at the same clock time.
- **Which channel.** The bot must be an administrator of a channel with the right to post.
- **What staff may write for the public.** A public note or follow-up is checked for what
  would identify someone: phone and ID numbers (8 digits or more), @usernames, e-mail
  addresses. Names cannot be recognised by a rule, so the officer is told to leave them out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.core.periods import Period, WeeklySchedule
from bot.core.workcalendar import WorkCalendar
from bot.reports.rules import MEDIAN, digest_week, month_before, monthly_due, rank_offset, share

NOTE_MIN, NOTE_MAX = 10, 300
FOLLOWUP_MIN, FOLLOWUP_MAX = 10, 500


# --- small numbers ---------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """What happened to one unit's (or the office's) complaints in a period."""

    received: int = 0
    acknowledged: int = 0
    ack_on_time: int = 0
    resolved: int = 0
    resolve_known: int = 0
    resolve_on_time: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(a + b for a, b in zip(self.as_tuple(), other.as_tuple(), strict=True)))

    def as_tuple(self) -> tuple[int, ...]:
        return (
            self.received,
            self.acknowledged,
            self.ack_on_time,
            self.resolved,
            self.resolve_known,
            self.resolve_on_time,
        )


@dataclass(frozen=True)
class Published:
    """Figures as they may be published: a share or median is None when hidden or unknown."""

    received: int
    resolved: int
    ack_share: float | None
    resolve_share: float | None
    median_seconds: int | None
    small: bool  # something was hidden because too few complaints stood behind it


def median(sorted_values: list[int]) -> int | None:
    """Nearest-rank median (the reports' definition) of values sorted ascending."""
    if not sorted_values:
        return None
    return sorted_values[rank_offset(len(sorted_values), MEDIAN)]


def publishable(counts: Counts, resolve_times: list[int], min_count: int) -> Published:
    """Apply the small-number rule to one unit's (or the office's) figures: the unit's
    complaints in the period are those it received or resolved then (the larger count)."""
    unit_small = max(counts.received, counts.resolved) < min_count

    def shown(part: int, whole: int) -> float | None:
        return None if unit_small or whole < min_count else share(part, whole)

    ack = shown(counts.ack_on_time, counts.acknowledged)
    resolve = shown(counts.resolve_on_time, counts.resolve_known)
    middle = None if unit_small or len(resolve_times) < min_count else median(resolve_times)
    hidden = any(
        whole > 0 and value is None
        for value, whole in (
            (ack, counts.acknowledged),
            (resolve, counts.resolve_known),
            (middle, len(resolve_times)),
        )
    )
    return Published(counts.received, counts.resolved, ack, resolve, middle, hidden)


@dataclass(frozen=True)
class Change:
    """Against the period before: counts as differences, shares in percentage points."""

    received: int
    resolved: int
    resolve_share_points: float | None
    median_seconds: int | None


def change(current: Published, previous: Published) -> Change:
    def points(now: float | None, before: float | None) -> float | None:
        return None if now is None or before is None else (now - before) * 100

    def seconds(now: int | None, before: int | None) -> int | None:
        return None if now is None or before is None else now - before

    return Change(
        current.received - previous.received,
        current.resolved - previous.resolved,
        points(current.resolve_share, previous.resolve_share),
        seconds(current.median_seconds, previous.median_seconds),
    )


def index_shown(respondents: int, min_count: int) -> bool:
    """A service's IKM is published only with enough respondents not to expose them."""
    return respondents >= min_count


# --- when ------------------------------------------------------------------------------


class PostKind(StrEnum):
    WEEKLY = "public_weekly"
    MONTHLY = "public_monthly"


def weekly_due(
    schedule: WeeklySchedule, zone: ZoneInfo, moment: datetime, delay: timedelta
) -> datetime:
    """The first public weekly post strictly after ``moment``: ``delay`` after a digest."""
    return schedule.next_after(moment - delay, zone) + delay


def monthly_due_after(
    calendar: WorkCalendar, at: time, moment: datetime, delay: timedelta
) -> datetime:
    """The first public IKM post strictly after ``moment``: ``delay`` after the monthly
    digest on the first working day of a month."""
    return monthly_due(calendar, moment - delay, at) + delay


def covered_period(kind: PostKind, due: datetime, zone: ZoneInfo) -> Period:
    """The week before the week of ``due``, or the month before its month."""
    if kind is PostKind.WEEKLY:
        return digest_week(due, zone)
    return month_before(due, zone)


def period_key(kind: PostKind, due: datetime, zone: ZoneInfo) -> str:
    period = covered_period(kind, due, zone)
    return period.start.isoformat() if kind is PostKind.WEEKLY else f"{period.start:%Y-%m}"


# --- the channel -------------------------------------------------------------------------


class ChannelProblem(StrEnum):
    NOT_A_CHANNEL = "not_channel"
    NOT_ADMIN = "not_admin"
    CANNOT_POST = "cannot_post"


def channel_problem(
    chat_type: str, bot_status: str, can_post: bool | None
) -> ChannelProblem | None:
    """Why the bot cannot publish there, or None when it can."""
    if chat_type != "channel":
        return ChannelProblem.NOT_A_CHANNEL
    if bot_status != "administrator":
        return ChannelProblem.NOT_ADMIN
    if not can_post:
        return ChannelProblem.CANNOT_POST
    return None


CHANNEL_REF = re.compile(
    r"^(?:@|(?:https?://)?t\.me/)?(?P<username>[A-Za-z][A-Za-z0-9_]{3,31})$|^(?P<id>-100\d{6,})$"
)


def channel_reference(text: str) -> str | int | None:
    """``@name``, ``t.me/name`` or ``-100…`` as the Bot API takes it (``@name`` or an id)."""
    match = CHANNEL_REF.match(text.strip())
    if match is None:
        return None
    if match.group("id"):
        return int(match.group("id"))
    return f"@{match.group('username')}"


# --- what staff write for the public -----------------------------------------------------


class Personal(StrEnum):
    NUMBER = "number"  # phone, NIK, KK: a run of 8 digits or more
    USERNAME = "username"
    EMAIL = "email"


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
_USERNAME = re.compile(r"(?<![\w.])@[A-Za-z][A-Za-z0-9_]{3,}")
_LONG_NUMBER = re.compile(r"\+?\d(?:[\s.\-/]?\d){7,}")


def personal_markers(text: str) -> list[Personal]:
    """What in ``text`` would identify a person if published (in a fixed order)."""
    found = []
    if _LONG_NUMBER.search(text):
        found.append(Personal.NUMBER)
    without_email = _EMAIL.sub(" ", text)
    if _USERNAME.search(without_email):
        found.append(Personal.USERNAME)
    if _EMAIL.search(text):
        found.append(Personal.EMAIL)
    return found
