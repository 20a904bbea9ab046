"""Who may see and who may act on a complaint. Plain rules, used for every command and
every button press (callback data can be forged).

- The reporter sees their own complaint.
- Staff (staf, kepala) of the handling unit see it and act on it, except when the
  complaint is about an officer of their own unit (conflict of interest).
- Supervisors and admins see and act on every complaint.
- Anyone else gets the same "not found" as for a number that does not exist.
"""

from __future__ import annotations

from bot.roles import Role
from storage.complaints import Complaint


def can_act(role: Role, unit_code: str | None, complaint: Complaint) -> bool:
    if role in (Role.SUPERVISOR, Role.ADMIN):
        return True
    return (
        role in (Role.STAF, Role.KEPALA)
        and unit_code == complaint.unit_code
        and unit_code != complaint.named_unit_code
    )


def can_view(role: Role, telegram_id: int, unit_code: str | None, complaint: Complaint) -> bool:
    return telegram_id == complaint.reporter_id or can_act(role, unit_code, complaint)
