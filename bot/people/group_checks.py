"""Checks at start that the bot can do what it needs: it is still in every bound unit
group and may write there, and every unit's alerts reach someone. Problems are logged and
reported to the admins. A group that became a supergroup while the bot was away is
followed to its new id, not reported."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from telegram.constants import ChatMemberStatus
from telegram.error import BadRequest, ChatMigrated, Forbidden, TelegramError
from telegram.ext import Application

from bot.complaints.alerts import coverage
from bot.people.admin import group_lost
from bot.people.groups import follow_upgrade
from storage.people import groups as unit_chats

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)
ABSENT = (ChatMemberStatus.LEFT, ChatMemberStatus.BANNED)


async def check_unit_groups(runtime: Runtime, application: Application) -> list[str]:
    """Returns the unit codes whose group the bot cannot reach; those units fall back as
    if they had no group and the admins are told (:func:`bot.services.staff.group_lost`)."""
    missing: list[str] = []
    for chat in await unit_chats.all_bound(runtime.db):
        try:
            reachable = await _bot_present(runtime, application, chat.chat_id)
        except (Forbidden, BadRequest) as exc:  # removed, or the chat is gone
            log.warning("unit group %s (%s) unreachable: %s", chat.unit_code, chat.chat_id, exc)
            reachable = False
        except TelegramError as exc:  # Telegram unreachable now: no reason to unbind
            log.warning("could not check unit group %s (%s): %s", chat.unit_code, chat.chat_id, exc)
            continue
        if not reachable:
            async with runtime.db.transaction() as tx:
                missing += await group_lost(runtime, tx, chat.chat_id, "absent at start")
    return missing


async def _bot_present(runtime: Runtime, application: Application, chat_id: int) -> bool:
    bot = application.bot
    try:
        member = await bot.get_chat_member(chat_id, bot.id)
    except ChatMigrated as moved:
        await follow_upgrade(runtime, chat_id, moved.new_chat_id, via="start")
        member = await bot.get_chat_member(moved.new_chat_id, bot.id)
    return member.status not in ABSENT


async def check_alert_coverage(runtime: Runtime, application: Application) -> list[str]:
    """Log the units whose alerts would reach nobody: no bound group, and no supervisor or
    admin who can be written to (nobody to tell but the log). Returns their codes."""
    found = await coverage(runtime.db, runtime.settings.admin_ids)
    uncovered = found.uncovered([unit.code for unit in runtime.office.units])
    if uncovered:
        log.warning(
            "complaint alerts of these units would reach nobody (no bound group, and no "
            "supervisor or admin has started the bot): %s. Bind their groups with "
            "/grup_unit or have an admin send /start to the bot.",
            ", ".join(uncovered),
        )
    return uncovered
