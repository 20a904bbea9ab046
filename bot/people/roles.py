"""Who may do what. Plain rules, checked on the server for every command and button.

Roles: ``citizen`` (anyone), ``staf`` (member of a unit), ``kepala`` (head of a unit),
``supervisor`` (Camat, Sekcam: all units), ``admin`` (operators; ADMIN_IDS or invited).
"""

from __future__ import annotations

from enum import StrEnum

from domain.people import Role

INVITABLE = (Role.STAF, Role.KEPALA, Role.SUPERVISOR, Role.ADMIN)
NEEDS_UNIT = (Role.STAF, Role.KEPALA)


class Permission(StrEnum):
    MANAGE_STAFF = "manage_staff"  # /undang, /cabut, /pengguna, /grup_unit
    STAFF_TOOLS = "staff_tools"  # /antrian, /tiket, /jp
    UNIT_REPORTS = "unit_reports"  # /kinerja (own unit), /ikm, /jp_unit, /kegiatan_baru
    OFFICE_REPORTS = "office_reports"  # /ringkasan, /terlambat, /ekspor, /anggaran, all units
    PERSONAL_DATA = "personal_data"  # exports with reporters' identities


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.CITIZEN: frozenset(),
    Role.STAF: frozenset({Permission.STAFF_TOOLS}),
    Role.KEPALA: frozenset({Permission.STAFF_TOOLS, Permission.UNIT_REPORTS}),
    Role.SUPERVISOR: frozenset(
        {Permission.STAFF_TOOLS, Permission.UNIT_REPORTS, Permission.OFFICE_REPORTS}
    ),
    Role.ADMIN: frozenset(Permission),
}


def effective_role(stored_role: str, telegram_id: int, admin_ids: frozenset[int]) -> Role:
    """ADMIN_IDS always wins, so an operator can never lock themselves out."""
    return Role.ADMIN if telegram_id in admin_ids else Role(stored_role)


def allows(role: Role, permission: Permission) -> bool:
    return permission in GRANTS[role]


def may_act_for_unit(role: Role, own_unit: str | None, unit_code: str) -> bool:
    """Staff act on their own unit's complaints; supervisors and admins on every unit."""
    if role in (Role.SUPERVISOR, Role.ADMIN):
        return True
    return role in (Role.STAF, Role.KEPALA) and own_unit == unit_code


def is_staff(role: Role) -> bool:
    return role is not Role.CITIZEN
