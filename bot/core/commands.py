"""The command table: one place that says which commands exist, where, and for whom.

It feeds both ``/bantuan`` and the command menus Telegram shows (``setMyCommands``), so the
two never disagree. Descriptions live in the catalog under ``cmd.<name>``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.people.roles import Permission, Role, allows


class Where(StrEnum):
    PRIVATE = "private"
    GROUP = "group"


@dataclass(frozen=True)
class Command:
    name: str
    where: Where = Where.PRIVATE
    permission: Permission | None = None  # None: everyone

    def visible_to(self, role: Role) -> bool:
        return self.permission is None or allows(role, self.permission)


COMMANDS: list[Command] = [
    Command("start"),
    Command("bantuan"),
    Command("bahasa"),
    Command("batal"),
    Command("lapor"),
    Command("status"),
    Command("riwayat"),
    Command("survei"),
    Command("ikm", permission=Permission.UNIT_REPORTS),
    Command("saran", permission=Permission.UNIT_REPORTS),
    Command("antrian", permission=Permission.STAFF_TOOLS),
    Command("tiket", permission=Permission.STAFF_TOOLS),
    Command("undang", permission=Permission.MANAGE_STAFF),
    Command("pengguna", permission=Permission.MANAGE_STAFF),
    Command("cabut", permission=Permission.MANAGE_STAFF),
    Command("grup_unit", Where.GROUP, Permission.MANAGE_STAFF),
    Command("antrian", Where.GROUP, Permission.STAFF_TOOLS),
    Command("tiket", Where.GROUP, Permission.STAFF_TOOLS),
]


def register(*commands: Command) -> None:
    """Features add their commands at import time, before menus are published."""
    known = {c.name for c in COMMANDS}
    for command in commands:
        if command.name not in known:
            COMMANDS.append(command)
            known.add(command.name)


def private_command_names() -> frozenset[str]:
    """Commands that only work in a private chat with the bot."""
    in_groups = {c.name for c in COMMANDS if c.where is Where.GROUP}
    return frozenset(c.name for c in COMMANDS if c.where is Where.PRIVATE) - in_groups


#: Other spellings the handlers accept besides the table's names.
ALIASES = frozenset({"language"})


def known_command_names() -> frozenset[str]:
    """Every command the bot answers somewhere (in any chat, for any role)."""
    return frozenset(c.name for c in COMMANDS) | ALIASES


def for_role(role: Role, where: Where = Where.PRIVATE) -> list[Command]:
    return [c for c in COMMANDS if c.where is where and c.visible_to(role)]
