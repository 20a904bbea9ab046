"""Validation of ``reply_markup``: the four keyboard kinds and their per-button rules.

Wordings that real Telegram is known to use are reproduced (``BUTTON_DATA_INVALID``,
``reply markup is too long``, ``can't parse InlineKeyboardButton: Text buttons are not allowed
in the inline keyboard``, ``BUTTON_URL_INVALID``). Where the real server would silently pick
one of several actions of a button, the emulator refuses, because that is always a bot bug.
"""

from __future__ import annotations

from typing import Any

from .errors import bad_request
from .html import normalize_url

MAX_INLINE_BUTTONS = 100
MAX_REPLY_BUTTONS = 300
MAX_CALLBACK_BYTES = 64
MAX_PLACEHOLDER = 64
_ANY_VALUE_ACTIONS: tuple[str, ...] = ("web_app", "login_url", "switch_inline_query_chosen_chat")
_ANY_VALUE_ACTIONS += ("copy_text", "callback_game", "pay")
_STRING_ACTIONS = ("switch_inline_query", "switch_inline_query_current_chat")
_PARSE = "can't parse reply keyboard markup JSON object"


def check_reply_markup(markup: Any, *, inline_only: bool = False) -> dict[str, Any] | None:
    """Return the markup unchanged when Telegram would accept it, else raise a 400."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request(_PARSE)
    if "inline_keyboard" in markup:
        _check_inline(markup["inline_keyboard"])
    elif inline_only:
        raise bad_request("inline keyboard expected")
    elif "keyboard" in markup:
        _check_reply_keyboard(markup)
    elif "remove_keyboard" in markup:
        if markup["remove_keyboard"] is not True:
            raise bad_request(_PARSE)
    elif "force_reply" in markup:
        if markup["force_reply"] is not True:
            raise bad_request(_PARSE)
        _check_placeholder(markup)
    else:
        raise bad_request(_PARSE)
    return markup


def _rows(value: Any, kind: str) -> list[list[Any]]:
    if not isinstance(value, list) or not all(isinstance(row, list) for row in value):
        raise bad_request(f'can\'t parse {kind}: Field "{kind}" must be an Array of Arrays')
    return value


def _check_inline(value: Any) -> None:
    rows = _rows(value, "inline_keyboard")
    if sum(len(row) for row in rows) > MAX_INLINE_BUTTONS:
        raise bad_request("reply markup is too long")
    for row in rows:
        for button in row:
            _check_inline_button(button)


def _check_inline_button(button: Any) -> None:
    where = "can't parse InlineKeyboardButton"
    if not isinstance(button, dict):
        raise bad_request(f"{where}: InlineKeyboardButton must be an Object")
    text = button.get("text")
    if not isinstance(text, str):
        raise bad_request(f'{where}: Field "text" must be of type String')
    if not text.strip():
        raise bad_request("BUTTON_TEXT_EMPTY")
    actions = [name for name in ("url", "callback_data") if button.get(name) not in (None, "")]
    actions += [name for name in _STRING_ACTIONS if isinstance(button.get(name), str)]
    actions += [name for name in _ANY_VALUE_ACTIONS if button.get(name) not in (None, False)]
    if not actions:
        raise bad_request(f"{where}: Text buttons are not allowed in the inline keyboard")
    if len(actions) > 1:
        raise bad_request(
            f"{where}: exactly one of {', '.join(actions)} must be used (emulator strict mode)"
        )
    if "callback_data" in actions:
        data = button["callback_data"]
        if not isinstance(data, str):
            raise bad_request(f'{where}: Field "callback_data" must be of type String')
        if len(data.encode("utf-8")) > MAX_CALLBACK_BYTES:
            raise bad_request("BUTTON_DATA_INVALID")
    if "url" in actions and (
        not isinstance(button["url"], str) or normalize_url(button["url"]) is None
    ):
        raise bad_request("BUTTON_URL_INVALID")


def _check_reply_keyboard(markup: dict[str, Any]) -> None:
    rows = _rows(markup["keyboard"], "keyboard")
    if sum(len(row) for row in rows) > MAX_REPLY_BUTTONS:
        raise bad_request("reply markup is too long")
    for row in rows:
        for button in row:
            text = button if isinstance(button, str) else None
            if isinstance(button, dict):
                text = button.get("text")
            if not isinstance(text, str) or not text.strip():
                raise bad_request("can't parse KeyboardButton: text must be non-empty")
    _check_placeholder(markup)


def _check_placeholder(markup: dict[str, Any]) -> None:
    placeholder = markup.get("input_field_placeholder")
    if placeholder is not None and (
        not isinstance(placeholder, str) or len(placeholder) > MAX_PLACEHOLDER
    ):
        raise bad_request("input field placeholder must be 1-64 characters long")


def inline_part(markup: dict[str, Any] | None) -> dict[str, Any] | None:
    """What a Message object shows as ``reply_markup``: only an inline keyboard."""
    if markup and "inline_keyboard" in markup:
        return {"inline_keyboard": markup["inline_keyboard"]}
    return None
