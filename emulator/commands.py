"""Bot command lists (setMyCommands and friends): validation and the storage key.

Telegram keeps one list per ``(scope, language_code)`` pair and getMyCommands answers for the
exact pair, with no fallback; the key here is the scope as canonical JSON so tests can look a
list up without knowing how the bot spelled the scope.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from .errors import bad_request

MAX_COMMANDS = 100
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")
_SCOPES: dict[str, tuple[str, ...]] = {
    "default": (),
    "all_private_chats": (),
    "all_group_chats": (),
    "all_chat_administrators": (),
    "chat": ("chat_id",),
    "chat_administrators": ("chat_id",),
    "chat_member": ("chat_id", "user_id"),
}

ChatResolver = Callable[[Any], int]


def scope_key(scope: Any, resolve_chat: ChatResolver) -> str:
    """``'default'`` or the scope as canonical JSON (sorted keys, chat ids as integers)."""
    if scope is None:
        return "default"
    if not isinstance(scope, dict) or scope.get("type") not in _SCOPES:
        raise bad_request("can't parse BotCommandScope: unsupported scope type")
    kind = scope["type"]
    if kind == "default":
        return "default"
    canonical: dict[str, Any] = {"type": kind}
    for name in _SCOPES[kind]:
        if scope.get(name) in (None, ""):
            raise bad_request(f'can\'t parse BotCommandScope: Field "{name}" must be specified')
        value = scope[name]
        if name == "chat_id":
            canonical[name] = resolve_chat(value)
        elif isinstance(value, int) or (isinstance(value, str) and value.isdigit()):
            canonical[name] = int(value)
        else:
            raise bad_request("can't parse BotCommandScope: user_id must be an Integer")
    return json.dumps(canonical, sort_keys=True, separators=(",", ":"))


def make_key(scope_type: str = "default", chat_id: int | None = None, **extra: Any) -> str:
    """The key for a scope given by parts (used by tests via ``BotWorld.commands_for``)."""
    if scope_type == "default":
        return "default"
    canonical: dict[str, Any] = {"type": scope_type}
    if chat_id is not None:
        canonical["chat_id"] = chat_id
    canonical.update(extra)
    return json.dumps(canonical, sort_keys=True, separators=(",", ":"))


def check_language(language_code: str | None) -> str:
    code = language_code or ""
    if code and not re.fullmatch(r"[a-z]{2}", code):
        raise bad_request("invalid language code specified")
    return code


def check_commands(commands: Any) -> list[dict[str, str]]:
    """1-32 characters of a-z, 0-9 and _ per command; 1-256 characters per description."""
    if not isinstance(commands, list):
        raise bad_request('field "commands" must be an Array')
    if len(commands) > MAX_COMMANDS:
        raise bad_request("too many commands specified")
    result = []
    for item in commands:
        if not isinstance(item, dict):
            raise bad_request("can't parse BotCommand: BotCommand must be an Object")
        command, description = item.get("command"), item.get("description")
        if not isinstance(command, str) or not command:
            raise bad_request("command must be non-empty")
        if not isinstance(description, str) or not description.strip():
            raise bad_request("command description must be non-empty")
        if len(command) > 32:
            raise bad_request("command is too long")
        if not _COMMAND.fullmatch(command):
            raise bad_request("BOT_COMMAND_INVALID")
        if len(description) > 256:
            raise bad_request("command description is too long")
        result.append({"command": command, "description": description})
    return result
