"""The rules of a person's rights over their data (UU 27/2022, PDP), as plain code.

- Access and a copy (/datasaya): immediate, for anyone who started the bot.
- Erasure, withdrawn consent and restriction (/hapusdata): immediate, for citizens only.
  Staff, heads of unit, supervisors and admins hold their role as employment data: an
  admin ends it with /cabut first.
- After erasure the person's Telegram names are no longer stored: the row keeps a neutral
  placeholder (its id stays, complaints and survey answers refer to it) until the person
  consents again (the privacy notice of /lapor) or takes up a role.
- Complaints are public-service records the office must keep (LAPOR! practice, the
  archive): they are not deleted but made anonymous, and those still being handled are
  closed as withdrawn by the reporter, except complaints about an officer's conduct:
  those concern the office's integrity (pungli, abuse), not only the reporter, and stay
  open, anonymous, for the supervisors.
- Survey responses stay as anonymous statistics for the IKM; the profile answers and the
  suggestion, which describe the person, are erased.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bot.complaints.rules import ALLOWED, OPEN, Action, Status
from bot.people.roles import Role

#: What the people row holds instead of the erased names (first_name may not be empty).
ERASED_NAME = "(dihapus)"
#: What stays of the texts of a complaint anonymised after its retention period.
ANONYMISED_TEXT = "(dianonimkan: masa simpan data pribadi berakhir)"
#: A confirmation button older than this asks for /hapusdata again: erasure cannot be
#: undone, so the person confirms what they have just read.
CONFIRM_VALID = timedelta(hours=1)


def may_erase(role: Role) -> bool:
    """Only citizens erase themselves; a role is employment data, ended by an admin."""
    return role is Role.CITIZEN


def names_withheld(role: str, erased_at: int | None, privacy_accepted_at: int | None) -> bool:
    """True while the person's names must not be stored again after an erasure."""
    return erased_at is not None and privacy_accepted_at is None and role == Role.CITIZEN


@dataclass(frozen=True)
class Names:
    first_name: str
    last_name: str | None
    username: str | None


def names_to_store(withheld: bool, telegram: Names) -> Names:
    """The names the people row should hold: Telegram's, or the placeholder."""
    return Names(ERASED_NAME, None, None) if withheld else telegram


def withdrawn_on_erasure(status: str, conduct: bool) -> bool:
    """Does erasing the reporter's data close this complaint as withdrawn?"""
    return not conduct and Status(status) in ALLOWED[Action.WITHDRAW]


def kept_open_on_erasure(status: str, conduct: bool) -> bool:
    """A conduct complaint still being handled: it stays open for the supervisors."""
    return conduct and Status(status) in OPEN


def confirmation_fresh(asked_at: int, now: int) -> bool:
    """Is a confirmation button shown at ``asked_at`` still valid at ``now``?"""
    return 0 <= now - asked_at <= CONFIRM_VALID.total_seconds()
