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


#: The citizen main menu shown by /start; features append their entries at import time.
MAIN_MENU: list[MenuEntry] = [
    MenuEntry("menu.complaint", MenuComplaint()),
    MenuEntry("menu.status", MenuStatus()),
    MenuEntry("menu.history", MenuHistory()),
]
_MENU_TAIL = [MenuEntry("menu.help", MenuHelp()), MenuEntry("menu.language", MenuLanguage())]


def add_menu_entry(entry: MenuEntry) -> None:
    if entry not in MAIN_MENU:
        MAIN_MENU.append(entry)


def main_menu(language: str) -> InlineKeyboardMarkup:
    entries = [*MAIN_MENU, *_MENU_TAIL]
    return rows([button(language, e.text_key, e.data) for e in entries])


def language_choice(language: str) -> InlineKeyboardMarkup:
    return rows(
        [button(language, f"language.name.{code}", SetLanguage(code)) for code in LANGUAGES],
        per_row=2,
    )


MarkupFor = Callable[[str], InlineKeyboardMarkup]
