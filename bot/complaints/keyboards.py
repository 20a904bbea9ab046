"""Keyboards of the complaint intake conversation, labelled in the citizen's language."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.complaints import callbacks as cb
from bot.core.keyboards import button, rows
from bot.core.office import Office

FIELDS = ("category", "kelurahan", "description", "evidence", "identity")


def consent(language: str) -> InlineKeyboardMarkup:
    return rows(
        [
            button(language, "lapor.privacy_yes", cb.IntakeConsent()),
            button(language, "lapor.privacy_no", cb.IntakeDecline()),
        ],
        per_row=2,
    )


def categories(language: str, office: Office) -> InlineKeyboardMarkup:
    return rows(
        [
            InlineKeyboardButton(
                c.label(language), callback_data=cb.IntakeCategory(c.code).encode()
            )
            for c in office.categories
        ]
    )


def conduct_units(language: str, office: Office) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(u.label(language), callback_data=cb.IntakeConductUnit(u.code).encode())
        for u in office.units
    ]
    buttons.append(button(language, "lapor.unknown", cb.IntakeConductUnit("-")))
    return rows(buttons)


def kelurahan(language: str, office: Office) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(k.name, callback_data=cb.IntakeKelurahan(k.code).encode())
        for k in office.kelurahan
    ]
    buttons.append(button(language, "lapor.unknown", cb.IntakeKelurahan("-")))
    return rows(buttons, per_row=2)


def evidence(language: str) -> InlineKeyboardMarkup:
    return rows(
        [
            button(language, "lapor.skip", cb.IntakeSkipEvidence()),
            button(language, "lapor.done", cb.IntakeEvidenceDone()),
        ],
        per_row=2,
    )


def far_location(language: str, draft_id: str) -> InlineKeyboardMarkup:
    return rows(
        [
            button(language, "lapor.location_keep", cb.IntakeKeepFarLocation(draft_id)),
            button(language, "lapor.location_drop", cb.IntakeDropFarLocation(draft_id)),
        ]
    )


def identity(language: str) -> InlineKeyboardMarkup:
    return rows(
        [
            button(language, "lapor.identity_show", cb.IntakeIdentity(0)),
            button(language, "lapor.identity_hide", cb.IntakeIdentity(1)),
        ]
    )


def summary(language: str, draft_id: str, version: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [button(language, "lapor.send", cb.IntakeSend(draft_id, version))],
            [
                button(language, "lapor.edit", cb.IntakeEdit()),
                button(language, "lapor.cancel", cb.IntakeCancel()),
            ],
        ]
    )


def edit_fields(language: str) -> InlineKeyboardMarkup:
    buttons = [button(language, f"lapor.field.{name}", cb.IntakeEditField(name)) for name in FIELDS]
    buttons.append(button(language, "lapor.back", cb.IntakeBack()))
    return rows(buttons, per_row=2)
