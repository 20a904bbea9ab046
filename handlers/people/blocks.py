"""Abuse limits as the chat sees them: the gate every update passes first (a blocked
person gets one notice, a person writing too fast one polite notice and then silence), and
the admins' /blokir, /buka_blokir and /diblokir."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CommandHandler,
    TypeHandler,
    filters,
)

from bot.core import formatting
from bot.core.catalog import join, t
from bot.core.clock import from_epoch
from bot.core.commands import Command
from bot.core.context import BotContext
from bot.people import blocks
from bot.people.blocks import BlockRefused, Treatment
from bot.people.roles import Permission
from handlers.core.guards import requires
from handlers.core.replies import answer, language, quote, say
from handlers.core.updates import args_of

log = logging.getLogger(__name__)

COMMANDS = (
    Command("blokir", permission=Permission.MANAGE_STAFF),
    Command("buka_blokir", permission=Permission.MANAGE_STAFF),
    Command("diblokir", permission=Permission.MANAGE_STAFF),
)


async def gate(update: Update, context: BotContext) -> None:
    """Runs before every handler for what people send (messages and button presses)."""
    user = update.effective_user
    if user is None or user.is_bot or (update.message is None and update.callback_query is None):
        return
    treatment = await blocks.treatment(context.runtime, user.id)
    if treatment is Treatment.HANDLE:
        return
    log.info("update %s from %s not handled: %s", update.update_id, user.id, treatment.value)
    if update.callback_query is not None:
        await answer(update, context)  # no spinner, and nothing else
    lang = user.language_code if user.language_code in ("id", "en") else None
    lang = lang or context.runtime.settings.default_language
    if treatment is Treatment.TELL_BLOCKED:
        await quote(update, context, t(lang, "block.notice"))
    elif treatment is Treatment.TELL_TOO_FAST:
        minutes = context.runtime.settings.flood_mute_minutes
        await quote(update, context, t(lang, "flood.notice", minutes=minutes))
    raise ApplicationHandlerStop


def _target(context: BotContext) -> tuple[int, str | None] | None:
    args = args_of(context)
    if not args or not args[0].isdigit():
        return None
    reason = " ".join(args[1:]).strip() or None
    return int(args[0]), reason


@requires(Permission.MANAGE_STAFF)
async def blokir(update: Update, context: BotContext) -> None:
    target = _target(context)
    if target is None:
        await say(update, context, "block.usage")
        return
    person, reason = target
    try:
        done = await blocks.block(context.runtime, context.actor, person, reason)
    except BlockRefused as refused:
        await say(update, context, str(refused), id=person)
        return
    await say(update, context, "block.done" if done else "block.already", id=person)


@requires(Permission.MANAGE_STAFF)
async def buka_blokir(update: Update, context: BotContext) -> None:
    target = _target(context)
    if target is None:
        await say(update, context, "unblock.usage")
        return
    done = await blocks.unblock(context.runtime, context.actor, target[0])
    await say(update, context, "unblock.done" if done else "unblock.not_blocked", id=target[0])


@requires(Permission.MANAGE_STAFF)
async def diblokir(update: Update, context: BotContext) -> None:
    found = await blocks.blocked_people(context.runtime, context.actor)
    lang = language(context)
    if not found:
        await say(update, context, "blocked.none")
        return
    zone = context.runtime.settings.zone
    lines = [
        t(
            lang,
            "blocked.line",
            id=block.telegram_id,
            reason=block.reason or "—",
            at=formatting.moment(lang, from_epoch(block.blocked_at), zone),
        )
        for block in found
    ]
    await say(update, context, "blocked.list", count=len(found), lines=join(lines))


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handler(TypeHandler(Update, gate), group=-2)
    application.add_handlers(
        [
            CommandHandler("blokir", blokir, private),
            CommandHandler("buka_blokir", buka_blokir, private),
            CommandHandler("diblokir", diblokir, private),
        ]
    )
