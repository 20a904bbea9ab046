"""How a complaint looks: the staff alert, the citizen's status card, timelines.

Pure rendering from catalog texts and plain records; the callers decide who gets what.
A confidential reporter's name, username and id never enter any staff-facing text: the
only reporter information staff renderers receive is :class:`ReporterView`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.complaints import callbacks as cb
from bot.complaints.rules import OPEN, Action, allowed, resolution_time, shown_status
from bot.core import formatting
from bot.core.catalog import MAX_MESSAGE, Markup, escape, join, shorten, t, visible_length
from bot.core.clock import from_epoch
from bot.core.keyboards import button
from bot.core.office import Office
from bot.core.workcalendar import WorkCalendar
from domain.complaints import CheckKind, EventKind, Status
from storage.complaints.records import Complaint, Event

CITIZEN_EVENTS = (
    EventKind.CREATED,
    EventKind.ACCEPTED,
    EventKind.PUBLIC_REPLY,
    EventKind.INFO_REQUESTED,
    EventKind.CITIZEN_ANSWER,
    EventKind.CITIZEN_MESSAGE,
    EventKind.REASSIGNED,
    EventKind.RESOLVED,
    EventKind.REOPENED,
    EventKind.CLOSED,
    EventKind.RATED,
    EventKind.WITHDRAWN,
)
BODY_PREVIEW = 300
RATING_FACES = ("😞", "🙁", "😐", "🙂", "😄")


@dataclass(frozen=True)
class ReporterView:
    """What staff may know about the reporter: a display name, or nothing."""

    display: str | None  # None: confidential

    @classmethod
    def of(cls, complaint: Complaint, full_name: str, username: str | None) -> ReporterView:
        if complaint.confidential:
            return cls(None)
        return cls(f"{full_name} (@{username})" if username else full_name)


@dataclass(frozen=True)
class Renderer:
    office: Office
    calendar: WorkCalendar

    # --- small pieces -------------------------------------------------------------------

    def when(self, language: str, epoch: int) -> str:
        return formatting.moment(language, from_epoch(epoch), self.calendar.zone)

    def short_when(self, language: str, epoch: int) -> str:
        return formatting.short_moment(language, from_epoch(epoch), self.calendar.zone)

    def unit(self, language: str, code: str | None) -> str:
        return self.office.unit_label(code, language)

    def category(self, language: str, code: str) -> str:
        return self.office.category_label(code, language)

    def kelurahan(self, language: str, code: str | None) -> str:
        return self.office.kelurahan_name(code) or str(t(language, "alert.unknown_kelurahan"))

    def status(self, language: str, status: str) -> str:
        return str(t(language, f"status.name.{status}"))

    def status_of(self, language: str, complaint: Complaint) -> str:
        """The complaint's status as people see it (a withdrawn one says so)."""
        return self.status(language, shown_status(complaint.status, complaint.withdrawn_at))

    def duration(self, language: str, span: timedelta) -> str:
        return formatting.working_duration(language, span, self.calendar.day_length)

    # --- staff alert --------------------------------------------------------------------

    def alert(
        self,
        language: str,
        complaint: Complaint,
        reporter: ReporterView,
        *,
        assignee: str | None,
        files: int,
        unbound_warning: bool = False,
        moved_to: str | None = None,
        moved_from: tuple[str, str] | None = None,
    ) -> Markup:
        status = complaint.status
        extras: list[str] = []
        if files or complaint.latitude is not None:
            location = t(language, "alert.location") if complaint.latitude is not None else ""
            extras.append(t(language, "alert.evidence", files=files, location=location))
        if complaint.named_unit_code:
            extras.append(
                t(language, "alert.conduct", unit=self.unit(language, complaint.named_unit_code))
            )
        if moved_from is not None:
            extras.append(
                t(
                    language,
                    "alert.moved_from",
                    unit=self.unit(language, moved_from[0]),
                    reason=moved_from[1],
                )
            )
        if unbound_warning:
            extras.append(
                t(
                    language,
                    "alert.unbound",
                    unit=self.unit(language, complaint.unit_code),
                    code=complaint.unit_code,
                )
            )
        if complaint.rating is not None:
            comment = (
                t(language, "alert.rating_comment", comment=complaint.rating_comment)
                if complaint.rating_comment
                else ""
            )
            extras.append(t(language, "alert.rating", rating=complaint.rating, comment=comment))
        if moved_to is not None:
            extras.append(t(language, "alert.moved", unit=self.unit(language, moved_to)))
        elif status in OPEN:
            extras.append(t(language, "alert.hint"))
        icon = "new" if status is Status.BARU else ("open" if status in OPEN else "done")
        if complaint.withdrawn_at is not None:
            icon = "withdrawn"
        values = {
            "icon": t(language, f"alert.icon.{icon}"),
            "number": complaint.number,
            "category": self.category(language, complaint.category_code),
            "kelurahan": self.kelurahan(language, complaint.kelurahan_code),
            "reporter": reporter.display or t(language, "alert.reporter_hidden"),
            "unit": self.unit(language, complaint.unit_code),
            "status": self.status_of(language, complaint),
            "assignee": t(language, "alert.assignee", name=assignee) if assignee else "",
            "deadlines": self.staff_deadlines(language, complaint),
            "extras": Markup("".join(extras)),
        }
        # The alert is edited at every change, and an edit cannot be split: the
        # description gets what the rest leaves of one message (2000 emoji are 4000 units).
        room = MAX_MESSAGE - visible_length(t(language, "alert.body", description="", **values))
        description = shorten(complaint.description, max(room, 0))
        return t(language, "alert.body", description=description, **values)

    def whole_description(
        self, language: str, complaint: Complaint, alert: Markup
    ) -> Markup | None:
        """The description in full, as its own message under the alert, when ``alert``
        had to shorten it (the alert stays one editable message; the staff still read
        every character the citizen wrote). None when the alert holds it all."""
        if escape(complaint.description) in alert:
            return None
        return t(
            language,
            "alert.whole_description",
            number=complaint.number,
            description=complaint.description,
        )

    def staff_deadlines(self, language: str, complaint: Complaint) -> Markup:
        """The deadlines still ahead: the acknowledge deadline only until it is met (a
        reopened complaint shows its new resolution deadline, not the old ones)."""
        status = complaint.status
        if status is Status.MENUNGGU_WARGA:
            return t(language, "alert.deadlines_paused")
        if complaint.withdrawn_at is not None:
            return t(
                language,
                "alert.deadlines_withdrawn",
                withdrawn=self.when(language, complaint.withdrawn_at),
            )
        if complaint.resolved_at is not None and status not in OPEN:
            return t(
                language,
                "alert.deadlines_resolved",
                resolved=self.when(language, complaint.resolved_at),
            )
        resolve_due = self.when(language, complaint.resolve_due_at)
        if status is Status.DIBUKA_KEMBALI:
            return t(language, "alert.deadline_reopened", resolve_due=resolve_due)
        if complaint.acknowledged_at is not None:
            return t(language, "alert.deadline_resolve", resolve_due=resolve_due)
        return t(
            language,
            "alert.deadlines",
            ack_due=self.when(language, complaint.ack_due_at),
            resolve_due=resolve_due,
        )

    def alert_keyboard(self, language: str, complaint: Complaint) -> InlineKeyboardMarkup | None:
        """The buttons of the actions the complaint's status allows (the same rule the
        server checks when one is pressed)."""
        status = complaint.status
        rows = [
            [(Action.ACCEPT, "btn.accept", cb.Accept), (Action.ASK_INFO, "btn.ask", cb.AskInfo)],
            [
                (Action.REASSIGN, "btn.move", cb.Reassign),
                (Action.RESOLVE, "btn.resolve", cb.Resolve),
            ],
        ]
        keyboard = [
            [
                button(language, key, record(complaint.id))
                for action, key, record in row
                if allowed(action, status)
            ]
            for row in rows
        ]
        keyboard = [row for row in keyboard if row]
        return InlineKeyboardMarkup(keyboard) if keyboard else None

    def brief_reply_keyboard(
        self, language: str, complaint_id: int, message_id: int
    ) -> InlineKeyboardMarkup:
        return InlineKeyboardMarkup(
            [
                [
                    button(language, "btn.brief_send", cb.SendBriefReply(complaint_id, message_id)),
                    button(language, "btn.brief_note", cb.KeepBriefReply(complaint_id, message_id)),
                ]
            ]
        )

    def reassign_keyboard(
        self, language: str, complaint: Complaint, targets: list[str]
    ) -> InlineKeyboardMarkup:
        buttons = [
            [
                InlineKeyboardButton(
                    self.unit(language, code),
                    callback_data=cb.ReassignTo(complaint.id, code).encode(),
                )
            ]
            for code in targets
        ]
        buttons.append([button(language, "btn.cancel", cb.ReassignCancel(complaint.id))])
        return InlineKeyboardMarkup(buttons)

    # --- citizen views ------------------------------------------------------------------

    def rating_keyboard(self, language: str, complaint_id: int) -> InlineKeyboardMarkup:
        stars = [
            InlineKeyboardButton(
                str(t(language, "cz.rate_button", rating=n, face=face)),
                callback_data=cb.Rate(complaint_id, n).encode(),
            )
            for n, face in enumerate(RATING_FACES, start=1)
        ]
        return InlineKeyboardMarkup(
            [stars, [button(language, "cz.not_fixed", cb.NotFixed(complaint_id))]]
        )

    def status_card(self, language: str, complaint: Complaint, events: list[Event]) -> Markup:
        status = complaint.status
        if status is Status.MENUNGGU_WARGA:
            deadlines = t(language, "status.deadlines_paused")
        elif complaint.withdrawn_at is not None:
            deadlines = t(
                language,
                "status.deadlines_withdrawn",
                withdrawn=self.when(language, complaint.withdrawn_at),
            )
        elif status in OPEN:
            deadlines = t(
                language,
                "status.deadlines_open",
                ack_due=self.when(language, complaint.ack_due_at),
                resolve_due=self.when(language, complaint.resolve_due_at),
            )
        else:
            deadlines = t(
                language,
                "status.deadlines_done",
                resolved=self.when(
                    language, resolution_time(complaint.resolved_at, complaint.updated_at)
                ),
            )
        return t(
            language,
            "status.card",
            number=complaint.number,
            status=self.status_of(language, complaint),
            unit=self.unit(language, complaint.unit_code),
            category=self.category(language, complaint.category_code),
            deadlines=deadlines,
            timeline=self.citizen_timeline(language, events),
        )

    def citizen_timeline(self, language: str, events: list[Event]) -> Markup:
        lines = []
        for event in events:
            if not event.public or event.kind not in CITIZEN_EVENTS:
                continue
            what = t(
                language,
                f"timeline.{event.kind}",
                unit=self.unit(language, event.unit_code),
                body=_body(event),
                rating=event.data.get("rating", ""),
            )
            lines.append(
                t(language, "timeline.line", when=self.short_when(language, event.at), what=what)
            )
        return join(lines)

    def staff_timeline(
        self,
        language: str,
        events: list[Event],
        names: dict[int, str],
        reporter_id: int,
        reporter: ReporterView,
    ) -> Markup:
        lines = []
        for event in events:
            who: str  # catalog text (Markup) or a name, which t() escapes
            if event.actor_id is None:
                who = t(language, "ticket.system")
            elif event.actor_id == reporter_id:
                who = (
                    t(language, "ticket.reporter_named", name=reporter.display)
                    if reporter.display
                    else t(language, "ticket.reporter")
                )
            else:
                who = names.get(event.actor_id, str(event.actor_id))
            what = t(
                language,
                f"ticket.event.{event.kind}",
                body=_body(event),
                unit=self.unit(language, event.unit_code),
                rating=event.data.get("rating", ""),
                check=_check(language, event.data.get("check")),
            )
            lines.append(
                t(
                    language,
                    "ticket.line",
                    when=self.short_when(language, event.at),
                    who=who,
                    what=what,
                )
            )
        return join(lines)


def _check(language: str, kind: CheckKind | None) -> str:
    """Which deadline a reminder or escalation was about, in words (not the row's code)."""
    return t(language, f"ticket.check.{kind}") if kind else ""


def _body(event: Event) -> str:
    """The event's text, shortened; a file sent without text shows as 📎."""
    return _preview(event.body) or ("📎" if event.data.get("file") else "")


def _preview(body: str | None) -> str:
    if not body:
        return ""
    return body if len(body) <= BODY_PREVIEW else body[: BODY_PREVIEW - 1] + "…"
