"""/kanal_publik (admins): bind the public channel after asking Telegram whether the bot
may post there; the bot's membership in channels; /transparansi (everyone)."""

from __future__ import annotations

from telegram import Chat, Update
from telegram.ext import Application, ChatMemberHandler, CommandHandler, filters

from bot.core.catalog import join, t
from bot.core.commands import Command
from bot.core.context import BotContext
from bot.people.roles import Permission
from bot.transparency import channel, posts
from bot.transparency.channel import ChannelNotFound
from bot.transparency.rules import PostKind, channel_reference
from handlers.core.guards import requires
from handlers.core.replies import language, reply, say

#: This feature's commands (the application factory adds them to the command table).
COMMANDS = (
    Command("transparansi"),
    Command("kanal_publik", permission=Permission.MANAGE_STAFF),
)
UNBIND_WORDS = ("hapus", "lepas", "remove")


@requires(Permission.MANAGE_STAFF)
async def kanal_publik(update: Update, context: BotContext) -> None:
    args = context.args or []
    runtime = context.runtime
    if len(args) == 1 and args[0].lower() in UNBIND_WORDS:
        previous = await channel.unbind(runtime, context.actor)
        if previous is None:
            await say(update, context, "tp.channel.unbound_none")
        else:
            await say(update, context, "tp.channel.unbound", title=previous.title or "?")
        return
    reference = channel_reference(args[0]) if len(args) == 1 else None
    if reference is None:
        bound = await channel.current(runtime)
        current = (
            channel.link(runtime, bound) or bound.title or str(bound.chat_id)
            if bound
            else t(language(context), "tp.channel.none")
        )
        await say(update, context, "tp.channel.usage", current=current)
        return
    try:
        found = await channel.inspect(context.bot, reference)
    except ChannelNotFound:
        await say(update, context, "tp.channel.not_found", ref=args[0])
        return
    if found.problem is not None:
        await say(update, context, f"tp.channel.{found.problem.value}", title=found.title)
        return
    previous = await channel.bind(runtime, context.actor, found)
    lang = language(context)
    upcoming = await posts.upcoming(runtime, PostKind.WEEKLY)
    replaced = (
        t(lang, "tp.channel.replaced", title=previous.title or previous.chat_id)
        if previous is not None and previous.chat_id != found.chat_id
        else ""
    )
    await say(
        update,
        context,
        "tp.channel.bound",
        title=found.title,
        replaced=replaced,
        next=posts.when_due(runtime, upcoming.due, lang) if upcoming else "—",
    )


async def channel_membership(update: Update, context: BotContext) -> None:
    """The bot's rights in a channel changed (a second handler group: the unit groups'
    membership handler sees every chat first)."""
    change = update.my_chat_member
    if change is None or change.chat.type != Chat.CHANNEL:
        return
    member = change.new_chat_member
    await channel.membership_changed(
        context.runtime,
        change.chat.id,
        change.chat.title or str(change.chat.id),
        member.status,
        getattr(member, "can_post_messages", None),
        context.actor if context.has_actor else None,
    )


async def transparansi(update: Update, context: BotContext) -> None:
    runtime = context.runtime
    lang = language(context)
    bound = await channel.current(runtime)
    channel_link = channel.link(runtime, bound)
    page = runtime.office.publication.page_url
    lines = [t(lang, "tp.citizen.title", office=runtime.office.office.name)]
    if channel_link:
        lines.append(t(lang, "tp.citizen.channel", link=channel_link))
    if page:
        lines.append(t(lang, "tp.citizen.page", link=page))
    if not channel_link and not page:
        lines.append(t(lang, "tp.citizen.none"))
    await reply(update, context, join(lines))


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers(
        [
            CommandHandler("kanal_publik", kanal_publik, private),
            CommandHandler("transparansi", transparansi, private),
        ]
    )
    application.add_handler(
        ChatMemberHandler(channel_membership, ChatMemberHandler.MY_CHAT_MEMBER), group=1
    )
