"""A complaint's statuses, its timeline's event kinds and their details, its deadline
checks and its evidence."""

from __future__ import annotations

from enum import StrEnum
from typing import TypedDict


class Status(StrEnum):
    """``complaints.status`` (and ``status_before_wait``, the timeline's from/to)."""

    BARU = "baru"
    DITERIMA = "diterima"
    DIPROSES = "diproses"
    MENUNGGU_WARGA = "menunggu_warga"
    SELESAI = "selesai"
    DITUTUP = "ditutup"
    DIBUKA_KEMBALI = "dibuka_kembali"


class EventKind(StrEnum):
    """``complaint_events.kind``: what happened. Every kind has a line in the staff
    timeline (``ticket.event.<kind>``); the citizen sees the public ones it lists."""

    CREATED = "created"
    ACCEPTED = "accepted"
    PUBLIC_REPLY = "public_reply"
    INTERNAL_NOTE = "internal_note"
    INFO_REQUESTED = "info_requested"
    CITIZEN_ANSWER = "citizen_answer"
    CITIZEN_MESSAGE = "citizen_message"
    REASSIGNED = "reassigned"
    RESOLVED = "resolved"
    REOPENED = "reopened"
    CLOSED = "closed"
    RATED = "rated"
    RATING_COMMENT = "rating_comment"
    REMINDER = "reminder"  # a deadline check warned the unit
    ESCALATED = "escalated"  # a deadline passed: the head and supervisors were told
    REPORTER_ERASED = "reporter_erased"  # the reporter erased their data: now confidential
    WITHDRAWN = "withdrawn"  # ... and the complaint was closed as withdrawn
    PUBLIC_NOTE = "public_note"  # the unit wrote the note for the public page


class CheckKind(StrEnum):
    """``complaint_checks.kind``: the 75% reminders, the escalations at breach, the
    automatic close after the reopen window."""

    ACK_WARN = "ack_warn"
    ACK_BREACH = "ack_breach"
    RESOLVE_WARN = "resolve_warn"
    RESOLVE_BREACH = "resolve_breach"
    AUTOCLOSE = "autoclose"


class CheckState(StrEnum):
    """``complaint_checks.state``."""

    PENDING = "pending"
    DONE = "done"
    CANCELLED = "cancelled"


class AttachmentKind(StrEnum):
    """``complaint_attachments.kind``: how a file came (a picture sent "as a file" is a
    document)."""

    PHOTO = "photo"
    DOCUMENT = "document"
    VOICE = "voice"
    VIDEO = "video"


class EventData(TypedDict, total=False):
    """``complaint_events.data``: the details an event carries besides its body, stored as
    JSON with exactly the keys given."""

    file: bool  # a file came with the text (or instead of it)
    written_by: int  # a brief reply decided by someone else than its writer
    rating: int
    changed: bool  # a rating replaced an earlier one
    from_unit: str  # reassigned: the unit it left
    check: CheckKind  # reminder, escalated: which deadline
    category: str  # created: the category filed under
    replaced: bool  # public_note: an earlier note was replaced
