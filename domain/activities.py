"""An activity's kinds and statuses, its invitations' answers, its timeline's event kinds
and their details, its reminder rows and the monthly JP nudge."""

from __future__ import annotations

from enum import StrEnum
from typing import TypedDict

from domain.people import Role


class Kind(StrEnum):
    """``activities.kind``."""

    PELATIHAN = "pelatihan"  # an ASN training: JP for attendance
    FORUM = "forum"  # a citizen forum


class ActivityStatus(StrEnum):
    """``activities.status``. "selesai" (ended) is only shown, never stored."""

    TERJADWAL = "terjadwal"
    DIBATALKAN = "dibatalkan"


class Response(StrEnum):
    """``activity_invitations.response``."""

    NONE = "none"
    YES = "yes"
    NO = "no"


class InvitationSource(StrEnum):
    """``activity_invitations.source``: invited by the audience, or joined by themselves."""

    INVITED = "invited"
    SELF = "self"


class EventKind(StrEnum):
    """``activity_events.kind``."""

    CREATED = "created"
    RSVP = "rsvp"
    MOVED = "moved"
    RELOCATED = "relocated"
    CANCELLED = "cancelled"
    ATTENDANCE = "attendance"
    ATTENDANCE_ADDED = "attendance_added"  # a correction of saved attendance
    ATTENDANCE_REMOVED = "attendance_removed"
    INVITED_LATE = "invited_late"  # joined the audience (a role or unit) after the invitations
    INVITATION_WITHDRAWN = "invitation_withdrawn"  # left it, or erased their data
    REMINDER_SENT = "reminder_sent"
    REMINDER_MISSED = "reminder_missed"  # the bot was down until the activity began
    REMINDER_FAILED = "reminder_failed"  # the row could not be handled
    CHECKLIST_SENT = "checklist_sent"


class EventData(TypedDict, total=False):
    """``activity_events.data``, stored as JSON with exactly the keys given."""

    invited: int  # created, attendance, checklist_sent: how many were invited
    over_budget_confirmed: bool
    response: Response  # rsvp
    old: int | str  # moved: the start before (Unix seconds); relocated: the place before
    new: int | str
    attended: int  # attendance: how many came
    person: int  # whose invitation or attendance changed
    role: Role
    unit: str | None
    reason: str  # invitation_withdrawn by the person's erasure
    offset: int  # reminders: minutes before the start
    reminder_kind: ReminderKind
    recipients: int


class ReminderKind(StrEnum):
    """``activity_reminders.kind``."""

    REMINDER = "reminder"  # before the start, at each configured offset
    CHECKLIST = "checklist"  # the attendance checklist at the end


class ReminderState(StrEnum):
    """``activity_reminders.state``."""

    PENDING = "pending"
    SENT = "sent"
    MISSED = "missed"
    CANCELLED = "cancelled"


class NudgeState(StrEnum):
    """``jp_nudges.state``: the monthly nudge to staff below the pro-rata JP target."""

    PENDING = "pending"
    SENT = "sent"
    MISSED = "missed"
