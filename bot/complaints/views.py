"""Read models for tracking: the citizen's status card and history, the staff queue and
the full ticket. Visibility rules come from :mod:`bot.complaint_access`."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.complaints.alerts import queue_evidence, reporter_view
from bot.complaints.changes import visible
from bot.complaints.render import ReporterView
from bot.complaints.rules import can_act, shown_in_group, tracking_number
from bot.core import notify
from bot.core.errors import NotFound
from bot.people.directory import Actor
from bot.people.roles import Role, may_act_for_unit
from storage.complaints import records as complaints
from storage.complaints.records import Complaint, Event
from storage.core.db import Tx
from storage.people import directory as people
from storage.people import groups as unit_chats

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

HISTORY_PAGE = 5
QUEUE_LIMIT = 30


@dataclass(frozen=True)
class StatusView:
    complaint: Complaint
    events: list[Event]


def example_number(runtime: Runtime) -> str:
    """A tracking number of this office and month for the texts that show one (each office
    of a city has its own prefix: Medan Labuhan's citizens must not read ``MRL-``)."""
    now = runtime.clock.now().astimezone(runtime.settings.zone)
    return tracking_number(runtime.office.office.tracking_prefix, now, 1)


async def status(runtime: Runtime, actor: Actor, number: str) -> StatusView:
    complaint = await visible(runtime, actor, number)
    return StatusView(
        complaint, await complaints.timeline(runtime.db, complaint.id, public_only=True)
    )


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
    items = await complaints.of_reporter(
        runtime.db, actor.telegram_id, (page - 1) * HISTORY_PAGE, HISTORY_PAGE
    )
    return HistoryPage(items, page, pages)


class NotHere(Exception):
    """A staff view asked for in a group where it may not be shown (an unbound group,
    another unit's group, the group of the unit a conduct complaint is about): the asker
    is pointed to the private chat and told nothing else, not even whether it exists."""


@dataclass(frozen=True)
class Queue:
    unit_codes: list[str]  # whose complaints; empty: every unit
    complaints: list[Complaint]


async def queue(runtime: Runtime, actor: Actor, group_id: int | None = None) -> Queue:
    """Open complaints of the actor's unit (supervisors: all units), or in a unit group of
    that group's units, soonest deadline first; conduct complaints about the actor's own
    unit, or about the group's, stay hidden."""
    if group_id is not None:
        return await _group_queue(runtime, actor, group_id)
    unit = None if actor.role in (Role.SUPERVISOR, Role.ADMIN) else actor.unit_code
    if unit is None and actor.role not in (Role.SUPERVISOR, Role.ADMIN):
        return Queue([], [])
    found = await complaints.open_of_unit(runtime.db, unit, limit=QUEUE_LIMIT * 2)
    return Queue(
        [unit] if unit else [],
        [c for c in found if can_act(actor.role, actor.unit_code, c)][:QUEUE_LIMIT],
    )


async def _group_queue(runtime: Runtime, actor: Actor, group_id: int) -> Queue:
    units = await unit_chats.units_of_chat(runtime.db, group_id)
    if not any(may_act_for_unit(actor.role, actor.unit_code, unit) for unit in units):
        raise NotHere
    found = [
        c
        for unit in units
        for c in await complaints.open_of_unit(runtime.db, unit, limit=QUEUE_LIMIT * 2)
        if can_act(actor.role, actor.unit_code, c) and shown_in_group(units, c)
    ]
    found.sort(key=_soonest_deadline)  # a group may serve several units
    return Queue(units, found[:QUEUE_LIMIT])


def _soonest_deadline(complaint: Complaint) -> tuple[int, int]:
    """The order of :func:`storage.complaints.open_of_unit`."""
    ack_first = (
        complaint.acknowledged_at is None and complaint.ack_due_at < complaint.resolve_due_at
    )
    return (complaint.ack_due_at if ack_first else complaint.resolve_due_at, complaint.id)


@dataclass(frozen=True)
class Ticket:
    complaint: Complaint
    events: list[Event]
    names: dict[int, str]
    reporter: ReporterView
    files: int  # the citizen's attachments, sent under the ticket like under the alert


async def ticket(
    runtime: Runtime, actor: Actor, number: str, group_id: int | None = None
) -> Ticket:
    """The full ticket, in a private chat (``group_id`` None) or in a unit group."""
    complaint = await complaints.by_number(runtime.db, number)
    if complaint is None or not can_act(actor.role, actor.unit_code, complaint):
        raise NotHere if group_id is not None else NotFound(number)
    if group_id is not None and not shown_in_group(
        await unit_chats.units_of_chat(runtime.db, group_id), complaint
    ):
        raise NotHere
    return await ticket_of(runtime, complaint)


async def ticket_by_id(
    runtime: Runtime, actor: Actor, complaint_id: int, group_id: int | None = None
) -> Ticket:
    complaint = await complaints.get(runtime.db, complaint_id)
    if complaint is None:
        raise NotHere if group_id is not None else NotFound(complaint_id)
    return await ticket(runtime, actor, complaint.number, group_id)


async def ticket_of(runtime: Runtime, complaint: Complaint) -> Ticket:
    events = await complaints.timeline(runtime.db, complaint.id, public_only=False)
    names: dict[int, str] = {}
    for actor_id in {e.actor_id for e in events if e.actor_id is not None}:
        if actor_id == complaint.reporter_id:
            continue
        person = await people.get(runtime.db, actor_id)
        if person is not None:
            names[actor_id] = person.full_name
    files = len(await complaints.attachments(runtime.db, complaint.id))
    return Ticket(complaint, events, names, await reporter_view(runtime.db, complaint), files)


async def send_ticket_evidence(
    runtime: Runtime,
    actor: Actor,
    ticket: Ticket,
    chat_id: int,
    message_id: int,
    thread_id: int | None,
) -> None:
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
        await notify.tell(
            tx,
            telegram_id,
            "cz.missed_news",
            runtime.now(),
            default_language=runtime.settings.default_language,
            numbers=", ".join(numbers),
            first=numbers[0],
        )
