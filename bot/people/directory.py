"""People as the bot sees them: who is acting, in which language, with which role."""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from bot.core.runtime import RETURNED, STAFF_STARTED
from bot.people.menus import refresh_person_commands
from bot.people.roles import Permission, Role, allows, effective_role
from bot.privacy.rules import Names, names_to_store, names_withheld
from storage.core import audit
from storage.core.db import Tx
from storage.people import directory as people
from storage.people.directory import Person

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Actor:
    telegram_id: int
    name: str
    username: str | None
    language: str
    role: Role
    unit_code: str | None

    def can(self, permission: Permission) -> bool:
        return allows(self.role, permission)

    @property
    def is_staff(self) -> bool:
        return self.role is not Role.CITIZEN


def actor_of(runtime: Runtime, person: Person) -> Actor:
    return Actor(
        telegram_id=person.telegram_id,
        name=person.full_name,
        username=person.username,
        language=person.language,
        role=effective_role(person.role, person.telegram_id, runtime.settings.admin_ids),
        unit_code=person.unit_code,
    )


async def seen(
    runtime: Runtime,
    telegram_id: int,
    first_name: str,
    last_name: str | None,
    username: str | None,
    private_chat: bool,
) -> Actor:
    """Resolve the person behind an update, recording new people and name changes (this
    is how a name is corrected: it follows Telegram). After an erasure the names are not
    stored again until the person consents anew; the actor still carries them, for the
    replies to this person only.

    Only writes when something changed, so ordinary traffic costs one indexed read."""
    person = await people.get(runtime.db, telegram_id)
    telegram = Names(first_name, last_name, username)
    withheld = person is not None and names_withheld(
        person.role, person.erased_at, person.privacy_accepted_at
    )
    names = names_to_store(withheld, telegram)
    unchanged = (
        person is not None
        and Names(person.first_name, person.last_name, person.username) == names
        and (not private_chat or (person.reachable and person.started_at is not None))
    )
    if unchanged and person is not None:
        return _as_seen(actor_of(runtime, person), withheld, telegram)
    first_contact = private_chat and (person is None or person.started_at is None)
    unreachable_since = (
        person.unreachable_since or person.started_at or 0
        if private_chat and person is not None and not person.reachable
        else None
    )
    async with runtime.db.transaction() as tx:
        person = await people.upsert_seen(
            tx,
            telegram_id,
            names.first_name,
            names.last_name,
            names.username,
            runtime.settings.default_language,
            runtime.now(),
            started=private_chat,
        )
        actor = actor_of(runtime, person)
        if first_contact and actor.is_staff:  # e.g. an ADMIN_IDS operator's first /start
            await refresh_person_commands(runtime, telegram_id, tx)
            for staff_hook in runtime.extensions[STAFF_STARTED]:
                await staff_hook(runtime, tx, telegram_id)
        if unreachable_since is not None:  # e.g. tell them what they missed meanwhile
            for hook in runtime.extensions[RETURNED]:
                await hook(runtime, tx, telegram_id, unreachable_since)
    return _as_seen(actor, withheld, telegram)


def _as_seen(actor: Actor, withheld: bool, telegram: Names) -> Actor:
    """The actor named as Telegram names them, when the stored row holds a placeholder."""
    if not withheld:
        return actor
    last = f" {telegram.last_name}" if telegram.last_name else ""
    return replace(actor, name=telegram.first_name + last, username=telegram.username)


async def reload(runtime: Runtime, actor: Actor) -> Actor:
    """The actor as stored now (e.g. right after a role was granted)."""
    person = await people.get(runtime.db, actor.telegram_id)
    return actor_of(runtime, person) if person is not None else actor


async def set_language(runtime: Runtime, actor: Actor, language: str) -> Actor:
    async with runtime.db.transaction() as tx:
        await people.set_language(tx, actor.telegram_id, language, runtime.now())
        await audit.record(
            tx,
            runtime.now(),
            actor.telegram_id,
            "person.language",
            "person",
            actor.telegram_id,
            language=language,
        )
    await refresh_person_commands(runtime, actor.telegram_id)
    return Actor(
        actor.telegram_id, actor.name, actor.username, language, actor.role, actor.unit_code
    )


async def mark_unreachable(runtime: Runtime, telegram_id: int, reason: str) -> None:
    """The person blocked the bot (Telegram told us so)."""
    async with runtime.db.transaction() as tx:
        await person_unreachable(runtime, tx, telegram_id, reason)


async def person_unreachable(runtime: Runtime, tx: Tx, chat_id: int, reason: str) -> None:
    """Telegram refused delivery to a person for good (blocked, never started): stop
    queueing for them until they write to the bot again."""
    await people.set_reachable(tx, chat_id, False, runtime.now())
    await audit.record(
        tx, runtime.now(), None, "person.unreachable", "person", chat_id, reason=reason
    )
