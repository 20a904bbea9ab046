"""/pratinjau_publik and /tahan_publik (supervisors): see the next public post as it
would read now, hold it, release what is held."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler, filters

from bot.core.catalog import join, t
from bot.core.commands import Command
from bot.core.context import BotContext
from bot.people.roles import Permission
from bot.transparency import channel, posts
from bot.transparency.rules import PostKind
from handlers.core.guards import requires
from handlers.core.replies import language, reply, say

#: This feature's commands (the application factory adds them to the command table).
COMMANDS = (
    Command("pratinjau_publik", permission=Permission.OFFICE_REPORTS),
    Command("tahan_publik", permission=Permission.OFFICE_REPORTS),
)
KIND_WORDS = {
    "mingguan": PostKind.WEEKLY,
    "minggu": PostKind.WEEKLY,
    "weekly": PostKind.WEEKLY,
    "bulanan": PostKind.MONTHLY,
    "bulan": PostKind.MONTHLY,
    "monthly": PostKind.MONTHLY,
    "ikm": PostKind.MONTHLY,
}
RELEASE_WORDS = ("lepas", "release")


class _Usage(Exception):
    """The arguments name no kind of post."""


def _kind(args: list[str]) -> PostKind | None:
    if not args:
        return None
    if len(args) > 1 or args[0].lower() not in KIND_WORDS:
        raise _Usage
    return KIND_WORDS[args[0].lower()]


@requires(Permission.OFFICE_REPORTS)
async def pratinjau_publik(update: Update, context: BotContext) -> None:
    runtime, lang = context.runtime, language(context)
    try:
        kind = _kind(context.args or [])
    except _Usage:
        await say(update, context, "tp.preview.usage")
        return
    if not runtime.office.publication.aggregates:
        await say(update, context, "tp.preview.disabled")
        return
    found = await posts.preview(runtime, context.actor, kind)
    if found.upcoming is None or found.text is None:
        await say(update, context, "tp.hold.none")
        return
    next_post = found.upcoming
    label = posts.label_of(runtime, lang, next_post.kind, next_post.period_key)
    where = (
        channel.link(runtime, found.channel) or found.channel.title or str(found.channel.chat_id)
        if found.channel
        else t(lang, "tp.preview.no_channel")
    )
    header = t(
        lang,
        "tp.preview.header",
        kind=label.kind,
        period=label.period,
        when=posts.when_due(runtime, next_post.due, lang),
        channel=where,
        state=t(lang, "tp.state.held" if next_post.held else "tp.state.scheduled"),
    )
    await reply(update, context, join([header, "", found.text]))
    if found.held_earlier:
        labels = [
            posts.label_of(runtime, lang, PostKind(h.kind), h.period_key)
            for h in found.held_earlier
        ]
        items = "; ".join(f"{label.kind} {label.period}" for label in labels)
        await say(update, context, "tp.preview.held_earlier", items=items)


@requires(Permission.OFFICE_REPORTS)
async def tahan_publik(update: Update, context: BotContext) -> None:
    runtime, lang = context.runtime, language(context)
    args = context.args or []
    if len(args) == 1 and args[0].lower() in RELEASE_WORDS:
        await _release(update, context)
        return
    try:
        kind = _kind(args)
    except _Usage:
        await say(update, context, "tp.hold.usage")
        return
    next_post, held = await posts.hold_next(runtime, context.actor, kind)
    if next_post is None:
        await say(update, context, "tp.hold.none")
        return
    label = posts.label_of(runtime, lang, next_post.kind, next_post.period_key)
    await say(
        update,
        context,
        "tp.hold.done" if held else "tp.hold.already",
        kind=label.kind,
        period=label.period,
        when=posts.when_due(runtime, next_post.due, lang),
    )


async def _release(update: Update, context: BotContext) -> None:
    runtime, lang = context.runtime, language(context)
    released = await posts.release_all(runtime, context.actor)
    if not released:
        await say(update, context, "tp.hold.nothing_held")
        return
    lines = []
    for item in released:
        label = posts.label_of(runtime, lang, item.kind, item.period_key)
        lines.append(
            t(
                lang,
                f"tp.hold.item_{item.outcome}",
                kind=label.kind,
                period=label.period,
                when=posts.when_due(runtime, item.due, lang),
            )
        )
    await say(update, context, "tp.hold.released", items=join(lines))


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers(
        [
            CommandHandler("pratinjau_publik", pratinjau_publik, private),
            CommandHandler("tahan_publik", tahan_publik, private),
        ]
    )
