"""The public note of a resolved complaint (``/catatan_publik MRL-… teks``).

What is safe to publish about a resolved complaint? Not the resolution note: the officer
wrote it *to the citizen*, and it may quote them, name them or give an address. The
public list on the page therefore shows only a separate note the unit writes knowingly
for the public, checked for phone and ID numbers, usernames and e-mail addresses, and
only for complaints that are ever listed (not confidential, not about an officer's
conduct). Without such a note the list shows no text at all. The list itself is off
unless the office turns it on (``[publication] resolved_list``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.complaints.rules import can_act
from bot.core.errors import NotFound
from bot.people.directory import Actor
from bot.transparency.followups import check_public_text
from bot.transparency.rules import NOTE_MAX, NOTE_MIN
from domain.complaints import EventKind, Status
from storage.complaints import records as complaints
from storage.complaints.records import Complaint
from storage.people import groups as unit_chats
from storage.transparency import notes

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

RESOLVED = (Status.SELESAI, Status.DITUTUP)


class NotResolved(Exception):
    """A public note is written once the complaint is resolved."""


class NeverPublic(Exception):
    """Confidential and conduct complaints are never listed: no note for them."""


def never_public(runtime: Runtime, complaint: Complaint) -> bool:
    category = runtime.office.category(complaint.category_code)
    return (
        complaint.confidential
        or complaint.named_unit_code is not None
        or (category is not None and category.conduct)
    )


async def write(
    runtime: Runtime, actor: Actor, number: str, text: str, group_chat_id: int | None = None
) -> Complaint:
    """Write the note (staff of the handling unit, supervisors, admins). In a unit group,
    only about that group's own units' complaints."""
    complaint = await complaints.by_number(runtime.db, number.upper())
    if complaint is None or not can_act(actor.role, actor.unit_code, complaint):
        raise NotFound(number)
    if group_chat_id is not None and complaint.unit_code not in await unit_chats.units_of_chat(
        runtime.db, group_chat_id
    ):
        raise NotFound(number)
    if never_public(runtime, complaint):
        raise NeverPublic(number)
    if complaint.status not in RESOLVED:
        raise NotResolved(number)
    body = check_public_text(text, NOTE_MIN, NOTE_MAX)
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        replaced = await notes.write(tx, complaint.id, body, actor.telegram_id, now)
        await complaints.add_event(
            tx,
            complaint.id,
            now,
            actor.telegram_id,
            EventKind.PUBLIC_NOTE,
            unit_code=complaint.unit_code,
            body=body,
            replaced=replaced is not None,
        )
    return complaint
