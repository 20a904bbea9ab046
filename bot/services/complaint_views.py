"""Read models for tracking: the citizen's status card and history, the staff queue and
the full ticket. Visibility rules come from :mod:`bot.complaint_access`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot import notify
from bot.complaint_access import can_act
from bot.complaint_render import ReporterView
from bot.roles import Role
from bot.services import NotFound
from bot.services.complaint_alerts import queue_evidence, reporter_view
from bot.services.complaint_changes import visible
from bot.services.people import Actor
from storage import complaint_events, complaints, people
from storage.complaint_events import Event
from storage.complaints import Complaint
from storage.db import Tx

if TYPE_CHECKING:
    from bot.runtime import Runtime

HISTORY_PAGE = 5
QUEUE_LIMIT = 30


@dataclass(frozen=True)
class StatusView:
    complaint: Complaint
    events: list[Event]


async def status(runtime: Runtime, actor: Actor, number: str) -> StatusView:
    complaint = await visible(runtime, actor, number)
    return StatusView(complaint, await complaint_events.timeline(runtime.db, complaint.id,
                                                                 public_only=True))


async def status_by_id(runtime: Runtime, actor: Actor, complaint_id: int) -> StatusView:
    complaint = await complaints.get(runtime.db, complaint_id)
    if complaint is None:
        raise NotFound(complaint_id)
    return await status(runtime, actor, complaint.number)


@dataclass(frozen=True)
class HistoryPage:
    items: list[Complaint]
    page: int
    pages: int


async def history(runtime: Runtime, actor: Actor, page: int) -> HistoryPage:
    total = await complaints.count_of_reporter(runtime.db, actor.telegram_id)
    pages = max(1, math.ceil(total / HISTORY_PAGE))
    page = min(max(1, page), pages)
    items = await complaints.of_reporter(runtime.db, actor.telegram_id,
                                         (page - 1) * HISTORY_PAGE, HISTORY_PAGE)
    return HistoryPage(items, page, pages)


async def queue(runtime: Runtime, actor: Actor) -> list[Complaint]:
    """Open complaints of the actor's unit (supervisors: all units), soonest deadline
    first; conduct complaints about the actor's own unit stay hidden."""
    unit = None if actor.role in (Role.SUPERVISOR, Role.ADMIN) else actor.unit_code
    if unit is None and actor.role not in (Role.SUPERVISOR, Role.ADMIN):
        return []
    found = await complaints.open_of_unit(runtime.db, unit, limit=QUEUE_LIMIT * 2)
    return [c for c in found if can_act(actor.role, actor.unit_code, c)][:QUEUE_LIMIT]


@dataclass(frozen=True)
class Ticket:
    complaint: Complaint
    events: list[Event]
    names: dict[int, str]
    reporter: ReporterView
    files: int  # the citizen's attachments, sent under the ticket like under the alert


async def ticket(runtime: Runtime, actor: Actor, number: str) -> Ticket:
    complaint = await complaints.by_number(runtime.db, number)
    if complaint is None or not can_act(actor.role, actor.unit_code, complaint):
        raise NotFound(number)
    return await ticket_of(runtime, complaint)


async def ticket_by_id(runtime: Runtime, actor: Actor, complaint_id: int) -> Ticket:
    complaint = await complaints.get(runtime.db, complaint_id)
    if complaint is None:
        raise NotFound(complaint_id)
    return await ticket(runtime, actor, complaint.number)


async def ticket_of(runtime: Runtime, complaint: Complaint) -> Ticket:
    events = await complaint_events.timeline(runtime.db, complaint.id, public_only=False)
    names: dict[int, str] = {}
    for actor_id in {e.actor_id for e in events if e.actor_id is not None}:
        if actor_id == complaint.reporter_id:
            continue
        person = await people.get(runtime.db, actor_id)
        if person is not None:
            names[actor_id] = person.full_name
    files = len(await complaints.attachments(runtime.db, complaint.id))
    return Ticket(complaint, events, names, await reporter_view(runtime.db, complaint), files)


async def send_ticket_evidence(runtime: Runtime, actor: Actor, ticket: Ticket, chat_id: int,
                               message_id: int, thread_id: int | None) -> None:
    """The citizen's files and location under the ticket card just shown, as under the
    alert (the card says they are below it)."""
    if not can_act(actor.role, actor.unit_code, ticket.complaint):
        raise NotFound(ticket.complaint.number)
    placement: dict[str, object] = {
        "reply_parameters": {"message_id": message_id, "allow_sending_without_reply": True},
    }
    if thread_id is not None:
        placement["message_thread_id"] = thread_id
    async with runtime.db.transaction() as tx:
        await queue_evidence(runtime, tx, ticket.complaint, chat_id, placement)


async def waiting_for_answer(runtime: Runtime, actor: Actor) -> Complaint | None:
    """The reporter's complaint that most recently asked them a question, if any."""
    waiting = await complaints.waiting_for(runtime.db, actor.telegram_id)
    return waiting[0] if waiting else None


async def tell_missed_news(runtime: Runtime, tx: Tx, telegram_id: int, since: int) -> None:
    """A citizen who had blocked the bot writes again: the answers and changes sent
    meanwhile never reached them, so name the complaints that have news (in /status)."""
    numbers = await complaints.changed_for_reporter_since(tx, telegram_id, since)
    if numbers:
        await notify.tell(tx, telegram_id, "cz.missed_news", runtime.now(),
                          default_language=runtime.settings.default_language,
                          numbers=", ".join(numbers), first=numbers[0])
