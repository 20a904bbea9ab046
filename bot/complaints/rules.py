"""The rules of a complaint's life, as plain code: statuses, who may move it where,
deadlines on the working calendar, when the deadline checks fall due, which unit handles
it, and who may see it and act on it. Nothing here reads Telegram or the database.

LAPOR! defaults (domain.md): forward within 3 working days, follow up within 5, close 10
working days after the answer if the reporter does not react. We acknowledge within the
category's ``acknowledge_days`` (1 by default) and resolve within ``resolve_days``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Protocol

from bot.core.office import Office
from bot.core.workcalendar import WorkCalendar
from bot.people.roles import Role
from domain.complaints import CheckKind, Status

WARN_AT = 0.75  # share of a deadline after which the unit group gets a reminder
DESCRIPTION_MIN, DESCRIPTION_MAX = 10, 2000
NOTE_MIN = 10
BRIEF_REPLY_WORDS = 3  # a reply to an alert with fewer words is confirmed before it goes out
MAX_ATTACHMENTS = 5


OPEN = frozenset(
    {Status.BARU, Status.DITERIMA, Status.DIPROSES, Status.MENUNGGU_WARGA, Status.DIBUKA_KEMBALI}
)
#: How a complaint closed because its reporter withdrew it (/hapusdata) is shown: it was
#: not resolved, so it must not look "done". Stored as 'ditutup' with ``withdrawn_at``.
WITHDRAWN = "ditarik"


def shown_status(status: Status, withdrawn_at: int | None) -> str:
    """The status people see: the stored one, or :data:`WITHDRAWN`."""
    return WITHDRAWN if withdrawn_at is not None else status


class Action(StrEnum):
    ACCEPT = "accept"
    ASK_INFO = "ask_info"
    REPLY = "reply"
    NOTE = "note"
    REASSIGN = "reassign"
    RESOLVE = "resolve"
    CITIZEN_ANSWER = "citizen_answer"
    REOPEN = "reopen"
    RATE = "rate"
    WITHDRAW = "withdraw"  # the reporter erased their data (UU 27/2022): handling ends


class InvalidTransition(Exception):
    """The action does not apply in the complaint's current status."""

    def __init__(self, action: Action, status: Status, withdrawn_at: int | None = None) -> None:
        super().__init__(f"{action} not allowed in {status}")
        self.action = action
        self.status = status
        #: The status as people see it (a withdrawn complaint is "ditarik", not "ditutup").
        self.shown = shown_status(status, withdrawn_at)


ALLOWED: dict[Action, frozenset[Status]] = {
    # A reopened complaint was acknowledged in its first round and keeps its assignee:
    # there is nothing to accept, only to work on again (Minta Info, Alihkan, Selesai).
    Action.ACCEPT: frozenset({Status.BARU}),
    Action.ASK_INFO: OPEN - {Status.MENUNGGU_WARGA},
    Action.REPLY: OPEN,
    Action.NOTE: frozenset(Status),
    Action.REASSIGN: OPEN - {Status.MENUNGGU_WARGA},
    Action.RESOLVE: OPEN,
    Action.CITIZEN_ANSWER: OPEN,
    Action.REOPEN: frozenset({Status.SELESAI}),
    Action.RATE: frozenset({Status.SELESAI, Status.DITUTUP}),
    Action.WITHDRAW: OPEN | {Status.SELESAI},
}


def allowed(action: Action, status: Status) -> bool:
    return status in ALLOWED[action]


def check(action: Action, status: Status, withdrawn_at: int | None = None) -> None:
    if not allowed(action, status):
        raise InvalidTransition(action, status, withdrawn_at)


def status_after_reply(status: Status) -> Status:
    """The first public answer moves a complaint to 'diproses'."""
    return (
        Status.DIPROSES
        if status in (Status.BARU, Status.DITERIMA, Status.DIBUKA_KEMBALI)
        else status
    )


def status_after_citizen_answer(status: Status, before_wait: Status | None) -> Status:
    if status is Status.MENUNGGU_WARGA:
        return Status.DIPROSES if before_wait in (None, Status.BARU) else before_wait
    return status


_WORD = re.compile(r"[^\W_]+")


def is_brief(text: str) -> bool:
    """A reply that is only emoji or shorter than a few words ("👍", "ok", "siap pak")
    is more likely meant for colleagues than for the citizen, so it is not sent to them
    without asking."""
    return len(_WORD.findall(text)) < BRIEF_REPLY_WORDS


def tracking_number(prefix: str, local_created: datetime, sequence: int) -> str:
    """``MRL-2611-0001``: prefix, year and month of filing, a sequence per month."""
    return f"{prefix}-{local_created:%y%m}-{sequence:04d}"


_TYPED_NUMBER = re.compile(r"\s*#?([A-Za-z]+)[\s-]*(\d{4})[\s-]*(\d{1,9})[.,;:!?)]*\s*")


def parse_tracking_number(text: str, prefix: str) -> str | None:
    """The office's tracking number a person typed, in the form it is stored in, or None
    if the text is not one. People copy it from a sentence ("MRL-2611-0001."), type it in
    lower case, with spaces, with a "#" or without the leading zeros ("mrl-2611-1")."""
    match = _TYPED_NUMBER.fullmatch(text)
    if match is None or match.group(1).upper() != prefix.upper():
        return None
    _, period, sequence = match.groups()
    return f"{prefix.upper()}-{period}-{int(sequence):04d}"


@dataclass(frozen=True)
class Deadlines:
    ack_due: datetime
    resolve_due: datetime


def initial_deadlines(
    calendar: WorkCalendar, created: datetime, acknowledge_days: float, resolve_days: float
) -> Deadlines:
    return Deadlines(
        calendar.add_working_days(created, acknowledge_days),
        calendar.add_working_days(created, resolve_days),
    )


def resumed_due(
    calendar: WorkCalendar, due: datetime, paused: datetime, resumed: datetime
) -> datetime:
    """The clock stopped while the complaint waited for the citizen: whatever working time
    was left at the pause is still left at the resume."""
    remaining = calendar.working_time_between(paused, due)
    return calendar.add_working_time(resumed, remaining)


def warn_time(calendar: WorkCalendar, now: datetime, due: datetime, span: timedelta) -> datetime:
    """When only ``1 - WARN_AT`` of the deadline's working span remains (now, if already)."""
    remaining = calendar.working_time_between(now, due)
    lead = span * (1 - WARN_AT)
    return now if remaining <= lead else calendar.add_working_time(now, remaining - lead)


def check_times(
    calendar: WorkCalendar,
    now: datetime,
    *,
    ack: tuple[datetime, timedelta] | None,
    resolve: tuple[datetime, timedelta],
) -> dict[CheckKind, datetime]:
    """Due instants of the deadline checks from ``now``: each deadline as (due, span).
    Acknowledgement checks only while the complaint is not yet acknowledged."""
    resolve_due, resolve_span = resolve
    times = {
        CheckKind.RESOLVE_WARN: warn_time(calendar, now, resolve_due, resolve_span),
        CheckKind.RESOLVE_BREACH: resolve_due,
    }
    if ack is not None:
        ack_due, ack_span = ack
        times[CheckKind.ACK_WARN] = warn_time(calendar, now, ack_due, ack_span)
        times[CheckKind.ACK_BREACH] = ack_due
    return times


def resolution_time(resolved_at: int | None, updated_at: int) -> int:
    """When a resolved complaint was resolved. Resolving sets ``resolved_at`` in the same
    update as the status, so the fallback (its last change) serves only rows written
    otherwise (by hand, by an older version): the reopen window and the automatic close
    then count from there instead of failing."""
    return resolved_at if resolved_at is not None else updated_at


def autoclose_time(calendar: WorkCalendar, resolved: datetime, close_after_days: int) -> datetime:
    return calendar.add_working_days(resolved, close_after_days)


def lateness(calendar: WorkCalendar, due: datetime, now: datetime) -> timedelta:
    """Working time past ``due`` (zero when not late)."""
    return calendar.working_time_between(due, now)


def current_due(acknowledged_at: int | None, ack_due_at: int, resolve_due_at: int) -> int:
    """The deadline the unit works against now: acknowledging until the complaint is
    accepted, then resolving it."""
    return ack_due_at if acknowledged_at is None else resolve_due_at


def overdue_by(calendar: WorkCalendar, status: Status, due: datetime, now: datetime) -> timedelta:
    """Working time a complaint is past ``due``; zero while it waits for the citizen, since
    the unit cannot act before they answer (the deadline is moved when they do)."""
    if status == Status.MENUNGGU_WARGA:
        return timedelta(0)
    return lateness(calendar, due, now)


# --- routing: which unit handles a complaint -------------------------------------
#
# FixMyStreet's lesson: category and place together decide the responsible body. The
# category's default unit applies unless the office file has a (category, kelurahan) rule.
# Complaints about an officer's conduct never go to that officer's own unit (conflict of
# interest, domain rule): they go to the Sekretariat, and the supervisors see them too.

SECRETARIAT = "SEKRET"


@dataclass(frozen=True)
class Route:
    unit_code: str
    also_supervisors: bool  # supervisors get their own alert (conduct complaints)


def route(office: Office, category_code: str, kelurahan_code: str | None) -> Route:
    category = office.category(category_code)
    if category is None:
        raise ValueError(f"unknown category {category_code}")
    if category.conduct:
        return Route(SECRETARIAT, also_supervisors=True)
    for rule in office.routing:
        if rule.category == category_code and rule.kelurahan == kelurahan_code:
            return Route(rule.unit, also_supervisors=False)
    return Route(category.unit, also_supervisors=False)


def reassign_targets(office: Office, current_unit: str, named_unit: str | None) -> list[str]:
    """Units a complaint may move to: any other unit, never the unit of the officer a
    conduct complaint is about."""
    return [u.code for u in office.units if u.code not in (current_unit, named_unit)]


# --- access: who sees and who acts -----------------------------------------------
#
# Who may see and act on a complaint, checked for every command and every button press
# (callback data can be forged).
#
# - The reporter sees their own complaint.
# - Staff (staf, kepala) of the handling unit see it and act on it.
# - Supervisors and admins see and act on every complaint.
# - Nobody who belongs to the unit a conduct complaint is about sees it or is told of it,
#   whatever their role (conflict of interest): not even the Sekretariat, which handles
#   conduct complaints, when the complaint is about the Sekretariat.
# - Anyone else gets the same "not found" as for a number that does not exist.
# - Staff views (/tiket, /antrian) are shown in a private chat, or in a group only when it
#   is the group bound to the complaint's unit: everyone in a group reads them.
#
# Whoever is *told* about a complaint (alerts, escalations, lists, exports) is chosen by the
# same rule: see ``bot.complaints.alerts.entitled``.


class Complaint(Protocol):
    """What these rules read of a complaint (``storage.complaints.records.Complaint`` has
    it); a protocol keeps the rules free of storage."""

    @property
    def unit_code(self) -> str: ...
    @property
    def named_unit_code(self) -> str | None: ...
    @property
    def reporter_id(self) -> int: ...


def conflicted(unit_code: str | None, complaint: Complaint) -> bool:
    """Whether a person of ``unit_code`` belongs to the unit the complaint is about."""
    return complaint.named_unit_code is not None and unit_code == complaint.named_unit_code


def can_act(role: Role, unit_code: str | None, complaint: Complaint) -> bool:
    if conflicted(unit_code, complaint):
        return False
    if role in (Role.SUPERVISOR, Role.ADMIN):
        return True
    return role in (Role.STAF, Role.KEPALA) and unit_code == complaint.unit_code


def can_view(role: Role, telegram_id: int, unit_code: str | None, complaint: Complaint) -> bool:
    return telegram_id == complaint.reporter_id or can_act(role, unit_code, complaint)


def shown_in_group(group_units: Collection[str], complaint: Complaint) -> bool:
    """Whether a staff view of the complaint may be posted in a group bound to
    ``group_units``: the group of the complaint's unit, never the group of the unit a
    conduct complaint is about."""
    return complaint.unit_code in group_units and complaint.named_unit_code not in group_units
