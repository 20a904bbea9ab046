"""Everyone's commands: /start, /bantuan, /bahasa, /batal, the main menu, stale buttons."""

from __future__ import annotations

import logging

from telegram import Chat, Message, Update
from telegram.constants import ChatID
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.core import outcome
from bot.core.callbacks import BadCallback, MenuHelp, MenuLanguage, SetLanguage, parse_any
from bot.core.catalog import Markup, join, t
from bot.core.commands import (
    TABLE,
    Where,
    for_role,
    known_command_names,
    private_command_names,
)
from bot.core.context import BotContext
from bot.core.keyboards import MENU, language_choice, main_menu
from bot.people import directory as people
from bot.people.roles import Permission, Role
from handlers.core.flows import clear_flows
from handlers.core.replies import answer, language, point_to_private, quote, reply, say
from handlers.core.updates import data_of, message_of, query_of, user_of

log = logging.getLogger(__name__)


async def fresh(update: Update, context: BotContext) -> None:
    """Runs before everything: this update has committed nothing yet (what the error
    handler says depends on it, see :mod:`bot.core.outcome`)."""
    outcome.begin()


async def identify(update: Update, context: BotContext) -> None:
    """Runs first for every update: who is acting, with which role and language."""
    user = update.effective_user
    if user is not None and user.id == ChatID.ANONYMOUS_ADMIN:
        await _anonymous_admin(update, context)
    if user is None or user.is_bot:
        return
    chat = update.effective_chat
    context.actor = await people.seen(
        context.runtime,
        user.id,
        user.first_name,
        user.last_name,
        user.username,
        private_chat=chat is not None and chat.type == chat.PRIVATE,
    )


async def _anonymous_admin(update: Update, context: BotContext) -> None:
    """A group admin who posts "anonymously" writes as the group itself: the bot cannot
    tell who it is, so no role applies. Say so when they address the bot (a command or a
    reply to its message), instead of refusing or ignoring them silently; nothing else of
    that update is handled. Service messages Telegram sends in the group's name (e.g. a
    supergroup's first message after an upgrade) go on as usual."""
    message = update.effective_message
    if message is None:
        return
    if _addressed_to_bot(message, context.bot.id):
        lang = context.runtime.settings.default_language
        await quote(update, context, t(lang, "error.anonymous_admin"))
        raise ApplicationHandlerStop


def greeting(context: BotContext) -> Markup:
    actor = context.actor
    lang = actor.language
    parts = [t(lang, "start.greeting", name=actor.name, office=context.runtime.office.office.name)]
    if actor.role is not Role.CITIZEN:
        unit = context.runtime.office.unit(actor.unit_code) if actor.unit_code else None
        suffix = t(lang, "start.unit_suffix", unit=unit.label(lang)) if unit else ""
        parts.append(
            t(lang, "start.greeting_staff", role=t(lang, f"role.{actor.role}"), unit=suffix)
        )
    return join(parts, "")


async def start(update: Update, context: BotContext) -> None:
    await reply(
        update,
        context,
        greeting(context),
        main_menu(language(context), context.runtime.extensions[MENU]),
    )


HELP_SECTIONS = (
    "everyone",
    Permission.STAFF_TOOLS.value,
    Permission.UNIT_REPORTS.value,
    Permission.OFFICE_REPORTS.value,
    Permission.PERSONAL_DATA.value,
    Permission.MANAGE_STAFF.value,
)


def help_text(context: BotContext) -> Markup:
    """The commands this person's role may use, grouped by who they are for."""
    lang = language(context)
    role = context.actor.role
    lines: list[str] = [t(lang, "help.title")]  # command names are ours: safe HTML
    table = context.runtime.extensions[TABLE]
    private = for_role(table, role, Where.PRIVATE)
    for section in HELP_SECTIONS:
        commands = [
            c for c in private if (c.permission.value if c.permission else "everyone") == section
        ]
        if commands and role is not Role.CITIZEN:
            lines.append(t(lang, f"help.section.{section}"))
        lines += [f"/{c.name} — {t(lang, f'cmd.{c.name}')}" for c in commands]
    groups = for_role(table, role, Where.GROUP) if role is not Role.CITIZEN else []
    if groups:
        lines.append(t(lang, "help.section.group"))
        lines += [f"/{c.name} — {t(lang, f'cmd.{c.name}')}" for c in groups]
        lines.append(t(lang, "help.group_replies"))
    lines.append(t(lang, "help.evidence"))
    if context.actor.can(Permission.UNIT_REPORTS):  # who organises activities
        lines.append(t(lang, "help.forum"))
    lines.append(t(lang, "help.footer"))
    return join(lines)


async def bantuan(update: Update, context: BotContext) -> None:
    if update.callback_query is not None:
        await answer(update, context)
    await reply(update, context, help_text(context))


async def bahasa(update: Update, context: BotContext) -> None:
    if update.callback_query is not None:
        await answer(update, context)
    await say(update, context, "language.choose", language_choice(language(context)))


async def set_language(update: Update, context: BotContext) -> None:
    choice = SetLanguage.parse(data_of(update))
    if choice.language not in ("id", "en"):
        raise BadCallback(choice.language)
    context.actor = await people.set_language(context.runtime, context.actor, choice.language)
    await answer(update, context)
    await say(update, context, "language.set")


async def batal_outside_flow(update: Update, context: BotContext) -> None:
    """/batal when no guided flow is active (flows handle their own /batal first);
    a draft left behind by an ended conversation is cleared too."""
    await say(update, context, "cancel.done" if clear_flows(context) else "cancel.nothing")


async def stale_button(update: Update, context: BotContext) -> None:
    """Every press must be answered; presses nobody handled are stale or forged (or carry
    no data at all: this handler takes every press)."""
    data = query_of(update).data
    try:
        parse_any(data)
        log.info("stale button %r from %s", data, user_of(update).id)
    except BadCallback:
        log.warning("malformed callback data %r from %s", data, user_of(update).id)
    await answer(update, context, "error.button_unknown", alert=True)


def _addressed_to_bot(message: Message, bot_id: int) -> bool:
    """A private message, a command, or a reply to one of the bot's messages."""
    replied = message.reply_to_message
    return (
        message.chat.type == Chat.PRIVATE
        or (message.text or "").startswith("/")
        or (
            replied is not None and replied.from_user is not None and replied.from_user.id == bot_id
        )
    )


async def edited(update: Update, context: BotContext) -> None:
    """Telegram also reports edits of messages the bot has already acted on. Acting again
    would send a staff answer to the citizen twice, relay a message twice or rerun a
    command, so edits are not acted on; the person is told when they edited a text meant
    for the bot, so that a correction is sent as a new message instead of being lost."""
    message = update.edited_message
    if message is None or message.location is not None:
        return  # a live location moving: Telegram reports each move as an edit
    if (message.text or message.caption) and _addressed_to_bot(message, context.bot.id):
        await quote(update, context, t(language(context), "error.edit_ignored"))


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handler(TypeHandler(Update, fresh), group=-3)
    application.add_handler(TypeHandler(Update, identify), group=-1)
    application.add_handlers(
        [
            MessageHandler(filters.UpdateType.EDITED_MESSAGE, edited),  # before every flow
            CommandHandler("bantuan", bantuan, private),
            CommandHandler(["bahasa", "language"], bahasa, private),
            CallbackQueryHandler(bantuan, pattern=MenuHelp.matches),
            CallbackQueryHandler(bahasa, pattern=MenuLanguage.matches),
            CallbackQueryHandler(set_language, pattern=SetLanguage.matches),
        ]
    )


def _command_of(message: Message) -> tuple[str, str]:
    """``(name, @mention or "")`` of the command a message starts with."""
    name, _, mention = (message.text or "").split()[0][1:].partition("@")
    return name, mention


async def private_only_in_group(update: Update, context: BotContext) -> None:
    """One of our private-chat commands sent in a group (a citizen typing /lapor in their
    neighbourhood group): point to the private chat instead of staying silent. An unknown
    command named for this bot (``/foo@this_bot``) points to /bantuan. Commands for other
    bots (``/cmd@other_bot``, or a bare /start or /foo) are left alone: privacy mode gives
    every bot in the group the bare ones."""
    name, mention = _command_of(message_of(update))
    ours = mention.lower() == context.bot.username.lower()
    table = context.runtime.extensions[TABLE]
    if ours and name.lower() not in known_command_names(table):
        await unknown_command(update, context)
        return
    if (
        (mention and not ours)
        or name not in private_command_names(table)
        or (name == "start" and not ours)
    ):
        return
    await point_to_private(update, context, "group.private_only", command=name)


async def unknown_command(update: Update, context: BotContext) -> None:
    """A command no handler took. In a private chat: a typo or a habit from another bot,
    answered with a pointer to /bantuan (a flow in progress goes on). A known command that
    does not apply here stays unanswered, as before."""
    name, mention = _command_of(message_of(update))
    if mention and mention.lower() != context.bot.username.lower():
        return
    if name.lower() in known_command_names(context.runtime.extensions[TABLE]):
        return
    await quote(update, context, t(language(context), "error.unknown_command", command=name))


def register_fallbacks(application: Application) -> None:
    """Registered last: the plain /start, /batal outside flows, private commands sent in
    groups, unknown commands, and stale buttons."""
    private = filters.ChatType.PRIVATE
    application.add_handlers(
        [
            CommandHandler("start", start, private),
            CommandHandler("batal", batal_outside_flow, private),
            MessageHandler(filters.ChatType.GROUPS & filters.COMMAND, private_only_in_group),
            MessageHandler(private & filters.COMMAND, unknown_command),
            CallbackQueryHandler(stale_button),
        ]
    )
