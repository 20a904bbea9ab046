"""How activities look: details, cards, invitations, reminders, notices, checklists.

Pure rendering from catalog texts and plain records (no storage, no Telegram calls);
services decide who gets what. Titles and places typed by organisers are always passed
to :func:`bot.texts.t` as values, so they are escaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from bot.activities.rules import has_ended
from bot.core import formatting
from bot.core.catalog import Markup, join, t
from bot.core.clock import from_epoch
from bot.core.office import Office
from domain.activities import Kind, Response
from storage.activities.invitations import Counts, Invitation
from storage.activities.records import Activity

KIND_ICON = {Kind.PELATIHAN.value: "📚", Kind.FORUM.value: "🗣️"}
ANSWER_ICON = {Response.YES.value: "✅", Response.NO.value: "❌", Response.NONE.value: "❔"}


@dataclass(frozen=True)
class ActivityRenderer:
    office: Office
    zone: ZoneInfo

    # --- small pieces -------------------------------------------------------------------

    def when(self, language: str, epoch: int) -> str:
        return formatting.moment(language, from_epoch(epoch), self.zone)

    def short_when(self, language: str, epoch: int) -> str:
        return formatting.short_moment(language, from_epoch(epoch), self.zone)

    def kind(self, language: str, kind: str) -> Markup:
        return t(language, f"act.kind.{kind}")

    @staticmethod
    def duration(language: str, minutes: int) -> Markup:
        hours, rest = divmod(minutes, 60)
        if hours and rest:
            return t(language, "act.duration.hm", hours=hours, minutes=rest)
        if hours:
            return t(language, "act.duration.h", hours=hours)
        return t(language, "act.duration.m", minutes=rest)

    @staticmethod
    def time_left(language: str, minutes: int) -> Markup:
        if minutes >= 1440:
            return t(language, "act.left.days", days=minutes // 1440)
        if minutes >= 60:
            return t(language, "act.left.hours", hours=minutes // 60)
        return t(language, "act.left.minutes", minutes=max(1, minutes))

    def unit_name(self, language: str, code: str | None) -> str:
        return self.office.unit_label(code, language)

    def audience(self, language: str, all_staff: bool, units: list[str], public: bool) -> Markup:
        parts: list[str] = []
        if all_staff:
            parts.append(t(language, "act.audience.all_staff"))
        parts += [
            t(language, "act.audience.unit", unit=self.unit_name(language, code)) for code in units
        ]
        if public:
            parts.append(t(language, "act.audience.public"))
        return join(parts, ", ") if parts else t(language, "act.audience.none")

    # --- blocks -------------------------------------------------------------------------

    def details(
        self, language: str, activity: Activity, units: list[str], organiser: str
    ) -> Markup:
        jp = (
            t(language, "act.details.jp", jp=activity.jp) if activity.kind == Kind.PELATIHAN else ""
        )
        cost = (
            t(language, "act.details.cost", cost=formatting.rupiah(language, activity.cost_rupiah))
            if activity.cost_rupiah
            else ""
        )
        return t(
            language,
            "act.details",
            icon=KIND_ICON[activity.kind],
            kind=self.kind(language, activity.kind),
            title=activity.title,
            when=self.when(language, activity.starts_at),
            duration=self.duration(language, activity.minutes),
            place=activity.place,
            jp=Markup(jp),
            cost=Markup(cost),
            organiser=organiser,
            audience=self.audience(language, activity.all_staff, units, activity.public),
        )

    def counts(self, language: str, counts: Counts) -> Markup:
        return t(
            language,
            "act.counts",
            yes=counts.yes,
            no=counts.no,
            none=counts.none,
            invited=counts.invited,
        )

    def your_answer(self, language: str, response: str | None) -> Markup:
        if response is None:
            return Markup("")
        if response == Response.NONE:
            return t(language, "act.your_answer.none")
        return t(language, "act.your_answer", answer=self.answer(language, response))

    def answer(self, language: str, response: str) -> Markup:
        return t(language, f"act.answer.{response}", icon=ANSWER_ICON[response])

    # --- whole messages -----------------------------------------------------------------

    def card(
        self,
        language: str,
        activity: Activity,
        units: list[str],
        organiser: str,
        counts: Counts,
        response: str | None,
        now: int,
    ) -> Markup:
        """One activity as /kegiatan shows it, with the live answer counts."""
        parts = [
            self.details(language, activity, units, organiser),
            "",
            self.counts(language, counts),
        ]
        if activity.cancelled:
            parts.append(t(language, "act.card_cancelled"))
        elif has_ended(activity.starts_at, activity.minutes, now):
            parts.append(t(language, "act.card_finished"))
        answer = self.your_answer(language, response)
        if answer:
            parts.append(answer)
        return join(parts)

    def invitation(
        self,
        language: str,
        activity: Activity,
        units: list[str],
        organiser: str,
        response: str | None = None,
    ) -> Markup:
        parts = [
            t(language, f"act.invite.{activity.kind}"),
            "",
            self.details(language, activity, units, organiser),
            "",
            t(language, "act.invite.question"),
        ]
        if response not in (None, Response.NONE):
            parts.append(self.your_answer(language, response))
        return join(parts)

    def reminder(
        self, language: str, activity: Activity, units: list[str], organiser: str, minutes_left: int
    ) -> Markup:
        return join(
            [
                t(
                    language,
                    "act.reminder",
                    kind=self.kind(language, activity.kind),
                    left=self.time_left(language, minutes_left),
                ),
                "",
                self.details(language, activity, units, organiser),
            ]
        )

    def moved(
        self, language: str, activity: Activity, units: list[str], organiser: str, old_start: int
    ) -> Markup:
        return join(
            [
                t(
                    language,
                    "act.moved",
                    title=activity.title,
                    old=self.when(language, old_start),
                    new=self.when(language, activity.starts_at),
                ),
                "",
                self.details(language, activity, units, organiser),
                "",
                t(language, "act.moved_question"),
            ]
        )

    def relocated(
        self, language: str, activity: Activity, units: list[str], organiser: str, old_place: str
    ) -> Markup:
        return join(
            [
                t(
                    language,
                    "act.relocated",
                    title=activity.title,
                    old=old_place,
                    new=activity.place,
                ),
                "",
                self.details(language, activity, units, organiser),
            ]
        )

    def cancelled(self, language: str, activity: Activity) -> Markup:
        return t(
            language,
            "act.cancelled_notice",
            kind=self.kind(language, activity.kind),
            title=activity.title,
            when=self.when(language, activity.starts_at),
        )

    def participants(
        self, language: str, activity: Activity, invited: list[Invitation], counts: Counts
    ) -> Markup:
        lines = [
            t(language, "act.people.title", title=activity.title),
            self.counts(language, counts),
        ]
        for invitation in invited:
            unit = (
                t(language, "act.people.unit", unit=self.unit_name(language, invitation.unit_code))
                if invitation.unit_code
                else ""
            )
            attended = ""
            if invitation.attended is not None:
                attended = t(
                    language, "act.people.attended" if invitation.attended else "act.people.absent"
                )
            lines.append(
                t(
                    language,
                    "act.people.line",
                    icon=ANSWER_ICON[invitation.response],
                    name=invitation.name,
                    unit=Markup(unit),
                    attended=Markup(attended),
                )
            )
        if not invited:
            lines.append(t(language, "act.people.none"))
        return join(lines)

    def checklist(
        self, language: str, activity: Activity, invited: list[Invitation], page: int, pages: int
    ) -> Markup:
        checked = sum(1 for i in invited if i.checked)
        text = t(
            language,
            "att.title",
            title=activity.title,
            when=self.when(language, activity.starts_at),
            checked=checked,
            total=len(invited),
        )
        if pages > 1:
            text = join([text, t(language, "att.page", page=page + 1, pages=pages)])
        return text

    def checklist_saved(
        self, language: str, activity: Activity, attended: int, total: int
    ) -> Markup:
        jp = (
            t(language, "att.saved_jp", jp=activity.jp)
            if activity.kind == Kind.PELATIHAN and activity.jp
            else ""
        )
        return t(
            language,
            "att.saved",
            title=activity.title,
            attended=attended,
            total=total,
            jp=Markup(jp),
        )

    # --- finished activities and corrections ---------------------------------------------

    def finished(
        self,
        language: str,
        activity: Activity,
        units: list[str],
        organiser: str,
        counts: Counts,
        deadline: int,
    ) -> Markup:
        """A finished activity as ``/kegiatan selesai`` shows it, with its attendance."""
        if activity.attendance_saved_at is None:
            status = t(language, "actcor.status_unsaved")
        else:
            status = t(
                language,
                "actcor.status_saved",
                attended=counts.attended,
                total=counts.invited,
                deadline=self.short_when(language, deadline),
            )
        return join([self.details(language, activity, units, organiser), "", status])

    def correction(
        self,
        language: str,
        activity: Activity,
        invited: list[Invitation],
        page: int,
        pages: int,
        deadline: int,
    ) -> Markup:
        """The checklist of saved attendance, reopened for a correction."""
        text = t(
            language,
            "actcor.title",
            title=activity.title,
            when=self.when(language, activity.starts_at),
            checked=sum(1 for i in invited if i.checked),
            total=len(invited),
            deadline=self.short_when(language, deadline),
        )
        if pages > 1:
            text = join([text, t(language, "att.page", page=page + 1, pages=pages)])
        return text

    def correction_saved(
        self,
        language: str,
        activity: Activity,
        added: list[str],
        removed: list[str],
        attended: int,
        total: int,
    ) -> Markup:
        if not added and not removed:
            return t(
                language, "actcor.unchanged", title=activity.title, attended=attended, total=total
            )
        jp = activity.jp if activity.kind == Kind.PELATIHAN else 0
        lines = [t(language, "actcor.saved", title=activity.title, attended=attended, total=total)]
        if added:
            lines.append(
                t(
                    language,
                    "actcor.saved_added",
                    names=", ".join(added),
                    jp=t(language, "actcor.saved_jp", sign="+", jp=jp) if jp else "",
                )
            )
        if removed:
            lines.append(
                t(
                    language,
                    "actcor.saved_removed",
                    names=", ".join(removed),
                    jp=t(language, "actcor.saved_jp", sign="−", jp=jp) if jp else "",
                )
            )
        return join(lines)
