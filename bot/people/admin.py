"""Staff administration: invitations, roles, unit groups.

An admin invites with a one-time deep link; opening it registers the person with the role
and unit the admin chose. Tokens carry 128 random bits and only their SHA-256 is stored.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.complaints.alerts import Coverage, coverage
from bot.core import notify
from bot.core.catalog import t
from bot.core.clock import from_epoch
from bot.core.errors import NotAllowed
from bot.core.runtime import GROUP_BOUND, GROUP_LOST, MEMBERSHIP
from bot.people.directory import Actor, person_unreachable
from bot.people.menus import refresh_person_commands
from bot.people.roles import INVITABLE, NEEDS_UNIT, Permission, Role, allows, effective_role
from storage.core import audit
from storage.core.db import Reader, Tx
from storage.people import directory as people
from storage.people import groups as unit_chats
from storage.people import invites
from storage.people.directory import Person
from storage.people.groups import UnitChat
from storage.people.invites import Invite

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)

INVITE_PREFIX = "inv_"
INVITE_VALIDITY = timedelta(hours=72)


class InviteError(ValueError):
    """Bad arguments to /undang: unknown role or unit."""


@dataclass(frozen=True)
class InviteLink:
    url: str
    role: Role
    unit_code: str | None
    expires_at: datetime


@dataclass(frozen=True)
class Membership:
    role: Role
    unit_code: str | None


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _require(actor: Actor, permission: Permission) -> None:
    if not actor.can(permission):
        raise NotAllowed(permission)


def parse_invite_args(args: list[str], unit_codes: list[str]) -> tuple[Role, str | None]:
    if not args or args[0].lower() not in {r.value for r in INVITABLE}:
        raise InviteError("role")
    role = Role(args[0].lower())
    unit = args[1].upper() if len(args) > 1 else None
    if unit is not None and unit not in unit_codes:
        raise InviteError(f"unit:{unit}")
    if role in NEEDS_UNIT and unit is None:
        raise InviteError("role")
    return role, unit


async def create_invite(
    runtime: Runtime, actor: Actor, role: Role, unit_code: str | None
) -> InviteLink:
    _require(actor, Permission.MANAGE_STAFF)
    token = secrets.token_urlsafe(16)  # 128 bits, 22 URL-safe characters
    now = runtime.now()
    expires = now + int(INVITE_VALIDITY.total_seconds())
    async with runtime.db.transaction() as tx:
        await invites.create(tx, _hash(token), role, unit_code, actor.telegram_id, now, expires)
        await audit.record(
            tx,
            now,
            actor.telegram_id,
            "invite.created",
            "invite",
            None,
            role=role.value,
            unit=unit_code,
        )
    url = f"https://t.me/{runtime.bot_username}?start={INVITE_PREFIX}{token}"
    return InviteLink(url, role, unit_code, from_epoch(expires))


class OwnInvite(Exception):
    """The creator opened their own link: it is meant for someone else and stays valid."""


async def accept_invite(runtime: Runtime, actor: Actor, token: str) -> Membership | None:
    """Register the opener; None when the token is unknown, used or expired, or when its
    creator no longer holds the right to invite (a link is only as good as the role that
    gave it). Raises OwnInvite when the creator opens it."""
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        invite = await invites.usable(tx, _hash(token), now)
        refusal = await _refusal(runtime, tx, invite, actor)
        redeemed = (
            None
            if refusal is not None
            else await invites.redeem(tx, _hash(token), actor.telegram_id, now)
        )
        if redeemed is None:
            await audit.record(
                tx,
                now,
                actor.telegram_id,
                "invite.rejected",
                "person",
                actor.telegram_id,
                reason=refusal or "invalid",
            )
        else:
            await _join(runtime, tx, actor, redeemed)
    if refusal == "own":
        raise OwnInvite
    return None if redeemed is None else Membership(Role(redeemed.role), redeemed.unit_code)


async def _refusal(runtime: Runtime, tx: Tx, invite: Invite | None, actor: Actor) -> str | None:
    """Why this person may not redeem this invite, or None."""
    if invite is None:
        return "invalid"
    if invite.created_by == actor.telegram_id:
        return "own"
    creator = await people.get(tx, invite.created_by)
    role = effective_role(
        creator.role if creator else Role.CITIZEN,
        invite.created_by,
        runtime.settings.admin_ids,
    )
    return None if allows(role, Permission.MANAGE_STAFF) else "creator_without_right"


async def _join(runtime: Runtime, tx: Tx, actor: Actor, invite: Invite) -> None:
    """The opener takes the invite's role and unit; its creator is told."""
    now = runtime.now()
    await people.set_role(tx, actor.telegram_id, invite.role, invite.unit_code, now)
    await audit.record(
        tx,
        now,
        actor.telegram_id,
        "invite.accepted",
        "person",
        actor.telegram_id,
        role=invite.role,
        unit=invite.unit_code,
        invited_by=invite.created_by,
    )
    unit = runtime.office.unit(invite.unit_code) if invite.unit_code else None
    admin_language = await notify.language_of(
        tx, invite.created_by, runtime.settings.default_language
    )
    await notify.tell(
        tx,
        invite.created_by,
        "invite.notify_admin",
        now,
        name=actor.name,
        role=t(admin_language, f"role.{invite.role}"),
        unit=t(admin_language, "start.unit_suffix", unit=unit.label(admin_language))
        if unit
        else "",
    )
    await _membership_changed(runtime, tx, actor.telegram_id)
    await refresh_person_commands(runtime, actor.telegram_id, tx)


async def _membership_changed(runtime: Runtime, tx: Tx, telegram_id: int) -> None:
    """A role or unit changed: features follow in the same transaction (e.g. invitations
    to upcoming trainings are sent or withdrawn)."""
    for hook in runtime.extensions[MEMBERSHIP]:
        await hook(runtime, tx, telegram_id)


async def bind_group(
    runtime: Runtime,
    actor: Actor,
    unit_code: str,
    chat_id: int,
    title: str | None,
    is_forum: bool,
) -> UnitChat | None:
    """Make ``chat_id`` the unit's alert channel; returns the group it replaced, if another
    one, which is told in the same transaction that the unit's complaints now go
    elsewhere (so nobody waits there for alerts that no longer come)."""
    _require(actor, Permission.MANAGE_STAFF)
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        previous = await unit_chats.for_unit(tx, unit_code)
        await unit_chats.bind(tx, unit_code, chat_id, title, is_forum, actor.telegram_id, now)
        await audit.record(
            tx,
            now,
            actor.telegram_id,
            "unit_chat.bound",
            "unit",
            unit_code,
            chat_id=chat_id,
            previous=previous.chat_id if previous else None,
        )
        if previous is not None and previous.chat_id != chat_id:
            language = runtime.settings.default_language
            await notify.send_text(
                tx,
                previous.chat_id,
                t(
                    language,
                    "group.unbound",
                    unit=runtime.office.unit_label(unit_code, language),
                    title=title or str(chat_id),
                ),
                now,
            )
        for hook in runtime.extensions[GROUP_BOUND]:  # e.g. send the unit's open complaints there
            await hook(runtime, tx, unit_code, chat_id)
    return previous if previous is not None and previous.chat_id != chat_id else None


async def alert_coverage(runtime: Runtime, actor: Actor) -> Coverage:
    """Each unit's bound group, and who gets the alerts of the units without one."""
    _require(actor, Permission.MANAGE_STAFF)
    return await coverage(runtime.db, runtime.settings.admin_ids)


async def staff_list(runtime: Runtime, actor: Actor) -> list[Person]:
    _require(actor, Permission.MANAGE_STAFF)
    return await people.staff(runtime.db)


async def revoke(runtime: Runtime, actor: Actor, telegram_id: int) -> Person | None:
    """Back to citizen. Returns the person, or None when they hold no role. The unused
    invitations they created are withdrawn with the role."""
    _require(actor, Permission.MANAGE_STAFF)
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        person = await people.get(tx, telegram_id)
        if person is None or person.role == Role.CITIZEN:
            return None
        await people.set_role(tx, telegram_id, Role.CITIZEN, None, now)
        await audit.record(
            tx,
            now,
            actor.telegram_id,
            "role.revoked",
            "person",
            telegram_id,
            role=person.role,
            unit=person.unit_code,
        )
        withdrawn = await invites.withdraw_unused(tx, telegram_id, now)
        if withdrawn:
            await audit.record(
                tx,
                now,
                actor.telegram_id,
                "invite.withdrawn",
                "person",
                telegram_id,
                count=withdrawn,
            )
        await notify.tell(tx, telegram_id, "revoke.notify", now)
        await _membership_changed(runtime, tx, telegram_id)
        await refresh_person_commands(runtime, telegram_id, tx)
    return person


async def admins(runtime: Runtime, db: Reader | None = None) -> list[int]:
    """Everyone who should hear about operational problems."""
    stored = await people.with_roles(db or runtime.db, (Role.ADMIN,))
    return sorted(set(runtime.settings.admin_ids) | {p.telegram_id for p in stored})


async def report_unreachable_group(runtime: Runtime, chat_id: int, reason: str) -> None:
    """The bot was removed from a group (Telegram told us so)."""
    async with runtime.db.transaction() as tx:
        await group_lost(runtime, tx, chat_id, reason)


async def chat_unreachable(runtime: Runtime, tx: Tx, chat_id: int, reason: str) -> None:
    """The dispatcher gave up on a chat (403). A person: they are not written to until they
    write again. A unit group: the unit falls back as if it had no group."""
    if chat_id < 0:
        await group_lost(runtime, tx, chat_id, reason)
    else:
        await person_unreachable(runtime, tx, chat_id, reason)


async def group_lost(runtime: Runtime, tx: Tx, chat_id: int, reason: str) -> list[str]:
    """The bot can no longer write to this group (removed from it: a 403, the removal
    notice, or the check at start). Every unit bound to it loses the binding and falls
    back as if it never had a group (``GROUP_LOST``: its complaints go to the
    supervisors), and the admins are told how to bind it again. Returns those units."""
    lost = []
    now = runtime.now()
    for code in await unit_chats.units_of_chat(tx, chat_id):
        chat = await unit_chats.for_unit(tx, code)
        if chat is None or not await unit_chats.unbind(tx, code, chat_id):
            continue
        unit = runtime.office.unit(code)
        for admin_id in await admins(runtime, tx):
            await notify.tell(
                tx,
                admin_id,
                "group.missing_warning",
                now,
                unit=unit.name if unit else code,
                title=chat.title or "?",
                code=code,
            )
        await audit.record(
            tx,
            now,
            None,
            "unit_chat.unreachable",
            "unit",
            code,
            chat_id=chat_id,
            title=chat.title,
            reason=reason,
        )
        for hook in runtime.extensions[GROUP_LOST]:
            await hook(runtime, tx, code, chat_id)
        lost.append(code)
    return lost
