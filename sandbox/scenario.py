"""What a scenario is: how it prepares the office, which chats the page opens first, what
it adds to the page (exercises, a story) and what it does once a page is open.

Without ``--scenario`` the office is only set up (:class:`FreePlay`): the people, the
groups, and the page opened on a citizen, a unit group and the Camat.
"""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sandbox import roster
from sandbox.office import Person, SandboxOffice
from sandbox.seed import Progress

if TYPE_CHECKING:
    from sandbox.web import SandboxPage

#: The unit whose group the page opens first: street lights, roads and drains (the
#: complaints newcomers think of first) go there.
FIRST_UNIT = "PEMB"


class FreePlay:
    """The office and nothing else: practise freely."""

    name = "free"
    #: How long before "today" the office is set up (a scenario with history plays it
    #: forward from there).
    rewind = timedelta(0)

    async def prepare(self, office: SandboxOffice, progress: Progress) -> None:
        """Scenario data after the office is set up (nothing here)."""

    def panes(self, office: SandboxOffice) -> list[dict[str, int]]:
        """A citizen's chat, a unit group (as its staff member) and the Camat's chat."""
        citizen = first(office, roster.CITIZEN)
        unit = FIRST_UNIT if FIRST_UNIT in office.groups else next(iter(office.groups), None)
        panes = [{"chat": citizen.id, "as": citizen.id}] if citizen else []
        if unit is not None:
            staff = first(office, roster.STAFF, unit)
            group = office.groups[unit]
            panes.append({"chat": group.id, "as": staff.id if staff else office.admin.id})
        camat = first(office, roster.SUPERVISOR)
        if camat is not None:
            panes.append({"chat": camat.id, "as": camat.id})
        return panes

    def state(self) -> dict[str, Any]:
        return {}

    async def run(self, page: SandboxPage) -> None:
        """Nothing plays by itself."""


def first(office: SandboxOffice, role: str, unit: str | None = None) -> Person | None:
    return next(
        (p for p in office.people.values() if p.role == role and (unit is None or p.unit == unit)),
        None,
    )
