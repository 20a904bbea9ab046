"""The command table: one place that says which commands exist, where, and for whom.

It feeds both ``/bantuan`` and the command menus Telegram shows (``setMyCommands``), so the
two never disagree. Descriptions live in the catalog under ``cmd.<name>``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from bot.core.extensions import Point
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


#: The commands every installation has; features add theirs to :data:`TABLE`.
BASE: tuple[Command, ...] = (
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
)


#: The command table: :data:`BASE` and the features' own commands, added in the
#: application factory (see :mod:`bot.core.extensions`); ``/bantuan`` and the menus read it.
TABLE = Point[Command]("commands")


def private_command_names(table: Sequence[Command]) -> frozenset[str]:
    """Commands that only work in a private chat with the bot."""
    in_groups = {c.name for c in table if c.where is Where.GROUP}
    return frozenset(c.name for c in table if c.where is Where.PRIVATE) - in_groups


#: Other spellings the handlers accept besides the table's names.
ALIASES = frozenset({"language"})


def known_command_names(table: Sequence[Command]) -> frozenset[str]:
    """Every command the bot answers somewhere (in any chat, for any role)."""
    return frozenset(c.name for c in table) | ALIASES


def for_role(table: Sequence[Command], role: Role, where: Where = Where.PRIVATE) -> list[Command]:
    return [c for c in table if c.where is where and c.visible_to(role)]
