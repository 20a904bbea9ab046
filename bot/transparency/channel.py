"""The office's public channel: binding it (``/kanal_publik``, admins), checking at every
start that the bot may still post there, and following the bot's membership.

The bot must be an administrator of the channel with the right to post; Telegram is
asked (``getChat``, ``getChatMember``) before anything is bound, and a channel where the
bot may not post is refused. Admins hear of a problem at start and when Telegram reports
the bot removed or restricted, as for unit groups.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from telegram import Bot
from telegram.error import TelegramError
from telegram.ext import Application

from bot.core import notify
from bot.core.errors import NotAllowed
from bot.people.admin import admins
from bot.people.directory import Actor
from bot.people.roles import Permission
from bot.transparency.rules import ChannelProblem, channel_problem
from storage.core import audit
from storage.transparency import channel as channels
from storage.transparency.channel import PublicChannel

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)


class ChannelNotFound(Exception):
    """Telegram does not know the chat, or will not tell this bot about it."""


@dataclass(frozen=True)
class Inspection:
    chat_id: int
    title: str
    username: str | None
    problem: ChannelProblem | None


async def inspect(bot: Bot, reference: str | int) -> Inspection:
    """Ask Telegram what ``reference`` is and whether the bot may post there."""
    try:
        chat = await bot.get_chat(reference)
    except TelegramError as exc:
        raise ChannelNotFound(str(exc)) from None
    status, can_post = "left", None
    try:
        member = await bot.get_chat_member(chat.id, bot.id)
        status, can_post = member.status, getattr(member, "can_post_messages", None)
    except TelegramError as exc:
        log.info("cannot read the bot's membership in %s: %s", chat.id, exc)
    title = chat.title or chat.username or str(chat.id)
    return Inspection(chat.id, title, chat.username, channel_problem(chat.type, status, can_post))


def require_admin(actor: Actor) -> None:
    if not actor.can(Permission.MANAGE_STAFF):
        raise NotAllowed("public channel")


async def bind(runtime: Runtime, actor: Actor, found: Inspection) -> PublicChannel | None:
    """Bind a channel the bot may post in; returns the channel it replaces, if any."""
    require_admin(actor)
    if found.problem is not None:
        raise ValueError(f"cannot bind a channel with problem {found.problem}")
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        previous = await channels.bind(
            tx, found.chat_id, found.title, found.username, actor.telegram_id, now
        )
        await audit.record(
            tx,
            now,
            actor.telegram_id,
            "public_channel.bound",
            "channel",
            found.chat_id,
            title=found.title,
            replaced=previous.chat_id if previous else None,
        )
    return previous


async def unbind(runtime: Runtime, actor: Actor) -> PublicChannel | None:
    require_admin(actor)
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        previous = await channels.unbind(tx)
        if previous is not None:
            await audit.record(
                tx, now, actor.telegram_id, "public_channel.unbound", "channel", previous.chat_id
            )
    return previous


async def current(runtime: Runtime) -> PublicChannel | None:
    return await channels.get(runtime.db)


def link(runtime: Runtime, channel: PublicChannel | None) -> str | None:
    """Where citizens find the channel: its public address, else the office file's link."""
    if channel is not None and channel.username:
        return f"https://t.me/{channel.username}"
    return runtime.office.publication.channel_url if channel is not None else None


async def warn_admins(runtime: Runtime, channel: PublicChannel, reason: str) -> None:
    """The bot cannot post in the public channel any more: every admin hears it."""
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        for admin_id in await admins(runtime):
            await notify.tell(
                tx,
                admin_id,
                "tp.channel.missing_warning",
                now,
                title=channel.title or channel.chat_id,
            )
        await audit.record(
            tx, now, None, "public_channel.unreachable", "channel", channel.chat_id, reason=reason
        )


async def check_on_start(runtime: Runtime, application: Application) -> bool:
    """At start, as for unit groups: may the bot still post in the bound channel?"""
    channel = await channels.get(runtime.db)
    if channel is None:
        return True
    try:
        found = await inspect(application.bot, channel.chat_id)
    except ChannelNotFound as exc:
        await warn_admins(runtime, channel, str(exc))
        return False
    if found.problem is not None:
        await warn_admins(runtime, channel, found.problem.value)
        return False
    return True


async def membership_changed(
    runtime: Runtime, chat_id: int, title: str, status: str, can_post: bool | None, by: Actor | None
) -> None:
    """Telegram reports the bot's status in a channel changed: warn the admins when the
    public channel is lost; point an admin who just made the bot an administrator of
    another channel to ``/kanal_publik``."""
    bound = await channels.get(runtime.db)
    problem = channel_problem("channel", status, can_post)
    if bound is not None and bound.chat_id == chat_id:
        if problem is not None:
            await warn_admins(runtime, bound, problem.value)
        return
    if problem is None and by is not None and by.can(Permission.MANAGE_STAFF):
        async with runtime.db.transaction() as tx:
            await notify.tell(
                tx, by.telegram_id, "tp.channel.added_hint", runtime.now(), title=title, id=chat_id
            )
