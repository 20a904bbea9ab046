"""The bot's own profile: getMe, commands, descriptions, menu button, logOut/close."""

from __future__ import annotations

import logging
from typing import Any

from ..commands import check_commands, check_language, scope_key
from ..errors import bad_request
from ..serialize import me_json
from .common import resolve_chat
from .registry import Call, method

log = logging.getLogger("emulator")
DESCRIPTION_LIMIT = 512
SHORT_DESCRIPTION_LIMIT = 120
MENU_BUTTON_TYPES = frozenset({"commands", "web_app", "default"})


@method("getMe")
def get_me(call: Call) -> dict[str, Any]:
    return me_json(call.world)


@method("logOut")
def log_out(call: Call) -> bool:
    log.warning("%s called logOut: a real bot could not log in for 10 minutes", call.world.username)
    return True


@method("close")
def close(call: Call) -> bool:
    return True


def _key(call: Call) -> tuple[str, str]:
    def chat_id(value: Any) -> int:
        return resolve_chat(call, value).id

    return scope_key(call.get("scope"), chat_id), check_language(call.get("language_code"))


@method("setMyCommands")
def set_my_commands(call: Call) -> bool:
    commands = check_commands(call.get("commands"))
    key = _key(call)
    if commands:
        call.world.commands[key] = commands
    else:
        call.world.commands.pop(key, None)
    return True


@method("getMyCommands")
def get_my_commands(call: Call) -> list[dict[str, str]]:
    return list(call.world.commands.get(_key(call), []))


@method("deleteMyCommands")
def delete_my_commands(call: Call) -> bool:
    call.world.commands.pop(_key(call), None)
    return True


def _set_text(call: Call, kind: str, limit: int) -> bool:
    text = call.get(kind) or ""
    language = check_language(call.get("language_code"))
    if len(text) > limit:
        raise bad_request(f"{kind.replace('_', ' ')} is too long")
    if text:
        call.world.descriptions[(kind, language)] = text
    else:
        call.world.descriptions.pop((kind, language), None)
    return True


def _get_text(call: Call, kind: str) -> dict[str, str]:
    language = check_language(call.get("language_code"))
    descriptions = call.world.descriptions
    return {kind: descriptions.get((kind, language)) or descriptions.get((kind, ""), "")}


@method("setMyDescription")
def set_my_description(call: Call) -> bool:
    return _set_text(call, "description", DESCRIPTION_LIMIT)


@method("getMyDescription")
def get_my_description(call: Call) -> dict[str, str]:
    return _get_text(call, "description")


@method("setMyShortDescription")
def set_my_short_description(call: Call) -> bool:
    return _set_text(call, "short_description", SHORT_DESCRIPTION_LIMIT)


@method("getMyShortDescription")
def get_my_short_description(call: Call) -> dict[str, str]:
    return _get_text(call, "short_description")


@method("setChatMenuButton")
def set_chat_menu_button(call: Call) -> bool:
    chat_id = call.get("chat_id")
    if chat_id is not None:
        chat = resolve_chat(call, chat_id)
        if not chat.is_private:
            raise bad_request("menu button can be set only in private chats")
        chat_id = chat.id
    button = call.get("menu_button") or {"type": "default"}
    if not isinstance(button, dict) or button.get("type") not in MENU_BUTTON_TYPES:
        raise bad_request("can't parse menu button: unsupported type")
    call.world.menu_buttons[chat_id] = button
    return True


@method("getChatMenuButton")
def get_chat_menu_button(call: Call) -> dict[str, Any]:
    buttons = call.world.menu_buttons
    chat_id = call.get("chat_id")
    return buttons.get(chat_id) or buttons.get(None) or {"type": "commands"}
