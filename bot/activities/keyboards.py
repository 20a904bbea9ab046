"""Inline keyboards of activities, labelled from the catalog in the reader's language.

They live in ``bot/`` (not ``handlers/``) because services queue some of them with
outbox messages (invitations, reminders, checklists)."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.activities import callbacks as acb
from bot.core.keyboards import button
from bot.core.office import Office
from domain.activities import Kind
from storage.activities.invitations import Invitation

CHECKLIST_PAGE = 20


def rsvp(language: str, activity_id: int, view: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                button(language, "act.btn.yes", acb.Rsvp(activity_id, 1, view)),
                button(language, "act.btn.no", acb.Rsvp(activity_id, 0, view)),
            ]
        ]
    )


def card(
    language: str, activity_id: int, *, manager: bool, invited: bool
) -> InlineKeyboardMarkup | None:
    rows: list[Sequence[InlineKeyboardButton]] = []
    if invited:
        rows += rsvp(language, activity_id, acb.VIEW_CARD).inline_keyboard
    if manager:
        rows.append(
            [
                button(language, "act.btn.people", acb.Participants(activity_id)),
                button(language, "act.btn.time", acb.ChangeTime(activity_id)),
            ]
        )
        rows.append(
            [
                button(language, "act.btn.place", acb.ChangePlace(activity_id)),
                button(language, "act.btn.cancel", acb.CancelAsk(activity_id)),
            ]
        )
    return InlineKeyboardMarkup(rows) if rows else None


def cancel_confirm(language: str, activity_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                button(language, "act.btn.cancel_yes", acb.CancelConfirm(activity_id)),
                button(language, "act.btn.cancel_no", acb.CancelKeep(activity_id)),
            ]
        ]
    )


def checklist(
    language: str,
    activity_id: int,
    invited: Sequence[Invitation],
    page: int,
    *,
    correcting: bool = False,
) -> InlineKeyboardMarkup:
    """One toggle per invited person (paged), then "Simpan"; ``correcting`` for saved
    attendance reopened within the correction window (its own records and label)."""
    toggle, turn, save = (
        (acb.FixToggle, acb.FixPage, acb.FixSave)
        if correcting
        else (acb.AttendToggle, acb.AttendPage, acb.AttendSave)
    )
    pages = max(1, -(-len(invited) // CHECKLIST_PAGE))
    page = min(max(page, 0), pages - 1)
    shown = invited[page * CHECKLIST_PAGE : (page + 1) * CHECKLIST_PAGE]
    rows = [
        [
            InlineKeyboardButton(
                f"{'✅' if person.checked else '⬜'} {person.name}",
                callback_data=toggle(activity_id, person.person_id, page).encode(),
            )
        ]
        for person in shown
    ]
    if pages > 1:
        nav = []
        if page > 0:
            nav.append(button(language, "att.btn.prev", turn(activity_id, page - 1)))
        if page < pages - 1:
            nav.append(button(language, "att.btn.next", turn(activity_id, page + 1)))
        rows.append(nav)
    rows.append(
        [button(language, "actcor.btn.save" if correcting else "att.btn.save", save(activity_id))]
    )
    return InlineKeyboardMarkup(rows)


def attendance_open(language: str, activity_id: int) -> InlineKeyboardMarkup:
    """The "Presensi" button of a finished activity."""
    return InlineKeyboardMarkup(
        [[button(language, "actcor.btn.open", acb.AttendOpen(activity_id))]]
    )


def checklist_pages(count: int) -> int:
    return max(1, -(-count // CHECKLIST_PAGE))


def subscription(language: str, subscribed: bool) -> InlineKeyboardMarkup:
    key = "forum.btn.subscribed" if subscribed else "forum.btn.subscribe"
    return InlineKeyboardMarkup([[button(language, key, acb.ToggleSubscription())]])


# --- the guided creation flow ------------------------------------------------------------


def kinds(language: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[button(language, f"act.kind_btn.{kind.value}", acb.NewKind(kind.value)) for kind in Kind]]
    )


def jp_auto(language: str, jp: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button(language, "actnew.btn.jp_auto", acb.JpAuto(), jp=jp)]])


def audience(
    language: str, office: Office, *, kind: str, all_staff: bool, units: list[str], public: bool
) -> InlineKeyboardMarkup:
    def mark(on: bool) -> str:
        return "✅" if on else "⬜"

    rows = [
        [
            button(
                language,
                "actnew.btn.all_staff",
                acb.AudienceToggle(acb.ALL_STAFF),
                mark=mark(all_staff),
            )
        ]
    ]
    rows += [
        [
            InlineKeyboardButton(
                f"{mark(unit.code in units)} {unit.label(language)}",
                callback_data=acb.AudienceToggle(unit.code).encode(),
            )
        ]
        for unit in office.units
    ]
    if kind == Kind.FORUM:
        rows.append(
            [
                button(
                    language, "actnew.btn.public", acb.AudienceToggle(acb.PUBLIC), mark=mark(public)
                )
            ]
        )
    rows.append([button(language, "actnew.btn.next", acb.AudienceDone())])
    return InlineKeyboardMarkup(rows)


def skip_cost(language: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[button(language, "actnew.btn.skip", acb.SkipCost())]])


def summary(language: str, draft_id: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                button(language, "actnew.btn.save", acb.Save(draft_id)),
                button(language, "actnew.btn.discard", acb.Discard()),
            ]
        ]
    )


def over_budget(language: str, draft_id: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                button(language, "actnew.btn.save_anyway", acb.SaveOverBudget(draft_id)),
                button(language, "actnew.btn.discard", acb.Discard()),
            ]
        ]
    )
