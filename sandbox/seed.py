"""Setting up the sandbox office through the bot's real commands.

Nothing is written into the database behind the bot's back: the admin (the one id in
``ADMIN_IDS``) starts the bot, invites the Camat and a head and a staff member per unit
with ``/undang``, each of them opens their invitation link (``/start inv_...``), and the
admin binds every unit's group with ``/grup_unit``. What the page then shows in the
admin's chat is the history of that setup.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sandbox import roster
from sandbox.office import Person, SandboxOffice
from sandbox.steps import Actor, ScriptError
from storage.people import directory as people
from storage.people import groups as unit_chats

INVITE_TOKEN = re.compile(r"start=(inv_[A-Za-z0-9_-]+)")
Progress = Callable[[str], None]


async def set_up_office(office: SandboxOffice, progress: Progress = lambda _line: None) -> None:
    """The admin starts the bot, invites everyone and binds every unit's group."""
    admin = Actor(office, office.admin)
    await admin.send("/start")
    await admin.expect("")
    camat = office.add_person(roster.CAMAT_NAME, roster.SUPERVISOR)
    await invite(office, camat)
    progress(f"{camat.user.full_name} (Camat) diundang")
    for index, unit in enumerate(office.office.units):
        head = office.add_person(roster.head_name(index), roster.HEAD, unit.code)
        staff = office.add_person(roster.staff_name(index), roster.STAFF, unit.code)
        await invite(office, head)
        await invite(office, staff)
        office.add_group(
            unit.code, unit.name, [office.admin, head, staff], admins=[office.admin, head]
        )
        await bind_group(office, unit.code)
        progress(f"{unit.name}: {head.user.full_name}, {staff.user.full_name}, grup terikat")
    for _ in range(2):
        office.new_citizen()
    office.save()


async def invite(office: SandboxOffice, person: Person) -> None:
    """``/undang <role> [unit]`` by the admin; the person opens the link."""
    admin = Actor(office, office.admin)
    await admin.send(f"/undang {person.role} {person.unit or ''}".strip())
    link = await admin.expect(INVITE_TOKEN)
    token = INVITE_TOKEN.search(link.body)
    assert token is not None
    newcomer = Actor(office, person)
    await newcomer.send(f"/start {token.group(1)}")
    answer = await newcomer.expect("")
    stored = await people.get(office.runtime.db, person.id)
    if stored is None or stored.role != person.role or stored.unit_code != person.unit:
        raise ScriptError(
            f"{person.user.full_name} was not registered as {person.role}: {answer.body[:120]!r}"
        )


async def bind_group(office: SandboxOffice, unit: str) -> None:
    """``/grup_unit <unit>`` by the admin in the unit's group."""
    group = office.groups[unit]
    admin = Actor(office, office.admin, group)
    await admin.send(f"/grup_unit {unit}")
    answer = await admin.expect("")
    bound = await unit_chats.for_unit(office.runtime.db, unit)
    if bound is None or bound.chat_id != group.id:
        raise ScriptError(f"the group of {unit} was not bound: {answer.body[:120]!r}")
