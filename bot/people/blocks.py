"""Blocking a person (/blokir, /buka_blokir, /diblokir), and what the bot does with a
message from someone blocked or writing too fast.

A block is an admin's decision, recorded in the audit log with the reason; the blocked
person is told once that the bot no longer answers them and is ignored after that. Staff
and admins cannot be blocked (take their role first with /cabut), nor can an admin block
themselves. Messages about complaints a blocked person filed earlier still reach them:
the office still owes them an answer.

The set of blocked people is read once and kept in memory (it is short, and consulted for
every update).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from bot.core.errors import NotAllowed
from bot.people.directory import Actor
from bot.people.flood import FloodGate, Verdict
from bot.people.roles import Permission, Role
from storage.core import audit
from storage.people import blocks
from storage.people import directory as people
from storage.people.blocks import Block

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


class BlockRefused(Exception):
    """The person may not be blocked; the value is the catalog key saying why."""


@dataclass
class Guard:
    """Per runtime: the flood gate and the blocked people (loaded on first use)."""

    flood: FloodGate
    blocked: set[int] | None = None


GUARD = "people.guard"


def guard(runtime: Runtime) -> Guard:
    found = runtime.memory.get(GUARD)
    if not isinstance(found, Guard):
        settings = runtime.settings
        found = Guard(
            FloodGate(settings.flood_messages_per_minute, settings.flood_mute_minutes * 60)
        )
        runtime.memory[GUARD] = found
    return found


async def _blocked(runtime: Runtime) -> set[int]:
    state = guard(runtime)
    if state.blocked is None:
        state.blocked = {b.telegram_id for b in await blocks.all_blocks(runtime.db)}
    return state.blocked


class Treatment(Enum):
    HANDLE = "handle"
    TELL_BLOCKED = "tell_blocked"  # blocked: the one notice
    TELL_TOO_FAST = "tell_too_fast"  # over the limit: the one notice
    IGNORE = "ignore"


async def treatment(runtime: Runtime, telegram_id: int) -> Treatment:
    """What to do with a message or press from ``telegram_id``."""
    if telegram_id in runtime.settings.admin_ids:
        return Treatment.HANDLE
    if telegram_id in await _blocked(runtime):
        async with runtime.db.transaction() as tx:
            first = await blocks.notified(tx, telegram_id, runtime.now())
        return Treatment.TELL_BLOCKED if first else Treatment.IGNORE
    gate = guard(runtime).flood
    gate.limit = runtime.settings.flood_messages_per_minute  # settings may change meanwhile
    gate.mute_seconds = runtime.settings.flood_mute_minutes * 60
    verdict = gate.hit(telegram_id, runtime.now())
    if verdict is Verdict.NOTICE:
        return Treatment.TELL_TOO_FAST
    return Treatment.IGNORE if verdict is Verdict.MUTED else Treatment.HANDLE


async def block(runtime: Runtime, actor: Actor, target: int, reason: str | None) -> bool:
    """Block ``target`` (audited); False when they were blocked already."""
    if not actor.can(Permission.MANAGE_STAFF):
        raise NotAllowed("only admins block people")
    if target == actor.telegram_id:
        raise BlockRefused("block.self")
    person = await people.get(runtime.db, target)
    staff = person is not None and person.role not in (None, Role.CITIZEN.value)
    if target in runtime.settings.admin_ids or staff:
        raise BlockRefused("block.staff")
    async with runtime.db.transaction() as tx:
        done = await blocks.block(tx, target, reason, actor.telegram_id, runtime.now())
        if done:
            await audit.record(
                tx, runtime.now(), actor.telegram_id, "person.blocked", "person", target,
                reason=reason or "",
            )  # fmt: skip
    (await _blocked(runtime)).add(target)
    return done


async def unblock(runtime: Runtime, actor: Actor, target: int) -> bool:
    if not actor.can(Permission.MANAGE_STAFF):
        raise NotAllowed("only admins unblock people")
    async with runtime.db.transaction() as tx:
        done = await blocks.unblock(tx, target)
        if done:
            await audit.record(
                tx, runtime.now(), actor.telegram_id, "person.unblocked", "person", target
            )
    (await _blocked(runtime)).discard(target)
    return done


async def blocked_people(runtime: Runtime, actor: Actor) -> list[Block]:
    if not actor.can(Permission.MANAGE_STAFF):
        raise NotAllowed("only admins see who is blocked")
    return await blocks.all_blocks(runtime.db)
