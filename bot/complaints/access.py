"""Who may see and who may act on a complaint. Plain rules, used for every command and
every button press (callback data can be forged).

- The reporter sees their own complaint.
- Staff (staf, kepala) of the handling unit see it and act on it.
- Supervisors and admins see and act on every complaint.
- Nobody who belongs to the unit a conduct complaint is about sees it or is told of it,
  whatever their role (conflict of interest): not even the Sekretariat, which handles
  conduct complaints, when the complaint is about the Sekretariat.
- Anyone else gets the same "not found" as for a number that does not exist.
- Staff views (/tiket, /antrian) are shown in a private chat, or in a group only when it
  is the group bound to the complaint's unit: everyone in a group reads them.

Whoever is *told* about a complaint (alerts, escalations, lists, exports) is chosen by the
same rule: see ``bot.services.complaint_alerts.entitled``.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Protocol

from bot.people.roles import Role


class Complaint(Protocol):
    """What these rules read of a complaint (``storage.complaints.records.Complaint`` has
    it); a protocol keeps the rules free of storage."""

    @property
    def unit_code(self) -> str: ...
    @property
    def named_unit_code(self) -> str | None: ...
    @property
    def reporter_id(self) -> int: ...


def conflicted(unit_code: str | None, complaint: Complaint) -> bool:
    """Whether a person of ``unit_code`` belongs to the unit the complaint is about."""
    return complaint.named_unit_code is not None and unit_code == complaint.named_unit_code


def can_act(role: Role, unit_code: str | None, complaint: Complaint) -> bool:
    if conflicted(unit_code, complaint):
        return False
    if role in (Role.SUPERVISOR, Role.ADMIN):
        return True
    return role in (Role.STAF, Role.KEPALA) and unit_code == complaint.unit_code


def can_view(role: Role, telegram_id: int, unit_code: str | None, complaint: Complaint) -> bool:
    return telegram_id == complaint.reporter_id or can_act(role, unit_code, complaint)


def shown_in_group(group_units: Collection[str], complaint: Complaint) -> bool:
    """Whether a staff view of the complaint may be posted in a group bound to
    ``group_units``: the group of the complaint's unit, never the group of the unit a
    conduct complaint is about."""
    return complaint.unit_code in group_units and complaint.named_unit_code not in group_units
