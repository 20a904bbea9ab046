"""Inline keyboards, labelled from the catalog in the reader's language."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core.callbacks import (
    Callback,
    MenuComplaint,
    MenuHelp,
    MenuHistory,
    MenuLanguage,
    MenuStatus,
    SetLanguage,
)
from bot.core.catalog import LANGUAGES, t
from bot.core.extensions import Point


def button(language: str, key: str, data: Callback, **values: object) -> InlineKeyboardButton:
    return InlineKeyboardButton(str(t(language, key, **values)), callback_data=data.encode())


def rows(buttons: Sequence[InlineKeyboardButton], per_row: int = 1) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [list(buttons[i : i + per_row]) for i in range(0, len(buttons), per_row)]
    )


@dataclass(frozen=True)
class MenuEntry:
    text_key: str
    data: Callback


#: The citizen main menu shown by /start: these entries, then the features' own (added to
#: :data:`MENU` in the application factory), then help and language.
BASE_MENU = (
    MenuEntry("menu.complaint", MenuComplaint()),
    MenuEntry("menu.status", MenuStatus()),
    MenuEntry("menu.history", MenuHistory()),
)
MENU = Point[MenuEntry]("entries of the citizen main menu")
_MENU_TAIL = (MenuEntry("menu.help", MenuHelp()), MenuEntry("menu.language", MenuLanguage()))


def main_menu(language: str, entries: Sequence[MenuEntry]) -> InlineKeyboardMarkup:
    return rows([button(language, e.text_key, e.data) for e in (*entries, *_MENU_TAIL)])


def language_choice(language: str) -> InlineKeyboardMarkup:
    return rows(
        [button(language, f"language.name.{code}", SetLanguage(code)) for code in LANGUAGES],
        per_row=2,
    )


MarkupFor = Callable[[str], InlineKeyboardMarkup]
