"""Admin commands: /undang, /start inv_..., /pengguna, /cabut, /grup_unit."""

from __future__ import annotations

import re
from datetime import datetime

from telegram import Chat, ChatMember, Update
from telegram.error import ChatMigrated, TelegramError
from telegram.ext import Application, ChatMemberHandler, CommandHandler, MessageHandler, filters

from bot.complaints.alerts import Coverage
from bot.core.catalog import Markup, join, t
from bot.core.context import BotContext
from bot.people import admin as staff
from bot.people import directory as people
from bot.people import groups as group_upgrade
from bot.people.admin import INVITE_PREFIX, InviteError, OwnInvite
from bot.people.roles import Permission
from handlers.core.common import start
from handlers.core.guards import requires
from handlers.core.replies import language, reply, say
from handlers.core.updates import args_of, chat_of, member_change_of, message_of

INVITE_LINK = re.compile(rf"^/start {INVITE_PREFIX}[A-Za-z0-9_-]{{10,60}}$")


def _unit_codes(context: BotContext) -> list[str]:
    return [u.code for u in context.runtime.office.units]


def _unit_suffix(context: BotContext, unit_code: str | None) -> str:
    lang = language(context)
    unit = context.runtime.office.unit(unit_code) if unit_code else None
    return t(lang, "start.unit_suffix", unit=unit.label(lang)) if unit else ""


def _local(context: BotContext, moment: datetime) -> str:
    return moment.astimezone(context.runtime.settings.zone).strftime("%d-%m-%Y %H:%M WIB")


@requires(Permission.MANAGE_STAFF)
async def undang(update: Update, context: BotContext) -> None:
    lang = language(context)
    units = ", ".join(_unit_codes(context))
    try:
        role, unit_code = staff.parse_invite_args(args_of(context), _unit_codes(context))
    except InviteError as exc:
        if str(exc).startswith("unit:"):
            await say(update, context, "invite.unknown_unit", code=str(exc)[5:], units=units)
        else:
            await say(update, context, "invite.usage", units=units)
        return
    link = await staff.create_invite(context.runtime, context.actor, role, unit_code)
    await say(
        update,
        context,
        "invite.created",
        role=t(lang, f"role.{role}"),
        unit=_unit_suffix(context, unit_code),
        expires=_local(context, link.expires_at),
        link=link.url,
    )


async def accept_invite(update: Update, context: BotContext) -> None:
    token = args_of(context)[0].removeprefix(INVITE_PREFIX)
    try:
        membership = await staff.accept_invite(context.runtime, context.actor, token)
    except OwnInvite:
        await say(update, context, "invite.own")
        return
    if membership is None:
        await say(update, context, "invite.invalid")
        return
    context.actor = await people.reload(context.runtime, context.actor)
    await say(
        update,
        context,
        "invite.accepted",
        role=t(language(context), f"role.{membership.role}"),
        unit=_unit_suffix(context, membership.unit_code),
    )
    await start(update, context)


@requires(Permission.MANAGE_STAFF)
async def pengguna(update: Update, context: BotContext) -> None:
    lang = language(context)
    everyone = await staff.staff_list(context.runtime, context.actor)
    found = await staff.alert_coverage(context.runtime, context.actor)
    units = context.runtime.office.units
    lines = [t(lang, "users.title")]
    for unit in units:
        members = [p for p in everyone if p.unit_code == unit.code]
        lines.append(_unit_heading(lang, unit.label(lang), unit.code, found))
        lines += [_user_line(lang, p) for p in members] or [t(lang, "users.none_in_unit")]
    others = [p for p in everyone if p.unit_code is None]
    if others:
        lines.append(t(lang, "users.without_unit"))
        lines += [_user_line(lang, p) for p in others]
    uncovered = found.uncovered([unit.code for unit in units])
    if uncovered:
        lines.append(t(lang, "users.uncovered", codes=", ".join(uncovered)))
    await reply(update, context, join(lines))


def _unit_heading(lang: str, unit: str, code: str, found: Coverage) -> Markup:
    """The unit, and its bound group with the id (which changes when Telegram upgrades the
    group to a supergroup), or, without a group, who gets its alerts instead."""
    group = found.groups.get(code)
    if group is not None:
        return t(lang, "users.unit_group", unit=unit, title=group.title or "?", id=group.chat_id)
    if not found.receivers:
        return t(lang, "users.unit_nobody", unit=unit, code=code)
    return t(
        lang,
        "users.unit_fallback",
        unit=unit,
        code=code,
        names=", ".join(p.full_name for p in found.receivers),
    )


def _user_line(lang: str, person) -> Markup:
    return t(
        lang,
        "users.line",
        name=person.full_name,
        role=t(lang, f"role.{person.role}"),
        id=person.telegram_id,
        unreachable="" if person.reachable else t(lang, "users.unreachable"),
    )


@requires(Permission.MANAGE_STAFF)
async def cabut(update: Update, context: BotContext) -> None:
    args = args_of(context)
    if len(args) != 1 or not args[0].isdigit():
        await say(update, context, "revoke.usage")
        return
    target = int(args[0])
    if target in context.runtime.settings.admin_ids:
        await say(update, context, "revoke.config_admin", name=target)
        return
    person = await staff.revoke(context.runtime, context.actor, target)
    if person is None:
        await say(update, context, "revoke.unknown", id=target)
        return
    await say(update, context, "revoke.done", name=person.full_name, id=target)


async def grup_unit(update: Update, context: BotContext) -> None:
    if not context.actor.can(Permission.MANAGE_STAFF):
        await say(update, context, "group.refused")
        return
    units = ", ".join(_unit_codes(context))
    code = (args_of(context) or [""])[0].upper()
    unit = context.runtime.office.unit(code)
    if unit is None:
        await say(update, context, "group.usage", units=units)
        return
    chat = chat_of(update)
    replaced = await staff.bind_group(
        context.runtime, context.actor, unit.code, chat.id, chat.title, bool(chat.is_forum)
    )
    lang = language(context)
    await say(
        update,
        context,
        "group.bound",
        unit=unit.label(lang),
        replaced=t(lang, "group.replaced", title=replaced.title or replaced.chat_id)
        if replaced
        else "",
    )


async def grup_unit_in_private(update: Update, context: BotContext) -> None:
    await say(update, context, "group.private")


async def bot_membership_changed(update: Update, context: BotContext) -> None:
    """Blocked by a person: they are unreachable from now on (staff are told when they
    answer). Removed from a unit group: the admins hear it now, not at the next start. A basic
    group that became a supergroup is no removal: Telegram is not known to say "left" then,
    but should it, the admins must not be alarmed, so the bot asks first."""
    change = member_change_of(update)
    if change.new_chat_member.status not in (ChatMember.LEFT, ChatMember.BANNED):
        return
    if change.chat.type == Chat.PRIVATE:  # the person blocked the bot: known at once
        await people.mark_unreachable(context.runtime, change.chat.id, "blocked the bot")
        return
    if change.chat.type == Chat.GROUP and await _upgraded(context, change.chat.id):
        return
    await staff.report_unreachable_group(
        context.runtime, change.chat.id, f"bot {change.new_chat_member.status}"
    )


async def _upgraded(context: BotContext, chat_id: int) -> bool:
    """Whether Telegram answers for this basic group with a supergroup's id (followed)."""
    try:
        await context.bot.get_chat(chat_id)
    except ChatMigrated as moved:
        await group_upgrade.follow_upgrade(
            context.runtime, chat_id, moved.new_chat_id, via="membership"
        )
        return True
    except TelegramError:
        return False
    return False


async def group_upgraded(update: Update, context: BotContext) -> None:
    """The service message of a group that became a supergroup (one in the old chat with
    ``migrate_to_chat_id``, one in the new with ``migrate_from_chat_id``; either may come
    first, and the dispatcher may have followed already)."""
    message = message_of(update)
    old_id = message.migrate_from_chat_id or message.chat_id
    new_id = message.migrate_to_chat_id or message.chat_id
    is_forum = bool(message.chat.is_forum) if message.migrate_from_chat_id else None
    await group_upgrade.follow_upgrade(
        context.runtime,
        old_id,
        new_id,
        via="service_message",
        is_forum=is_forum,
        actor_id=context.actor.telegram_id if context.has_actor else None,
    )
    if message.migrate_to_chat_id and context.application.chat_data.get(old_id):
        context.application.migrate_chat_data(old_chat_id=old_id, new_chat_id=new_id)


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    groups = filters.ChatType.GROUPS
    application.add_handlers(
        [
            CommandHandler("start", accept_invite, private & filters.Regex(INVITE_LINK)),
            CommandHandler("undang", undang, private),
            CommandHandler("pengguna", pengguna, private),
            CommandHandler("cabut", cabut, private),
            CommandHandler("grup_unit", grup_unit, groups),
            CommandHandler("grup_unit", grup_unit_in_private, private),
            ChatMemberHandler(bot_membership_changed, ChatMemberHandler.MY_CHAT_MEMBER),
            MessageHandler(filters.StatusUpdate.MIGRATE, group_upgraded),
        ]
    )
