"""/tindak_lanjut KODE_LAYANAN teks (supervisors): the office's follow-up to a service's
IKM, published with the monthly IKM post and on the public page."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler, filters

from bot.core.catalog import t
from bot.core.commands import Command
from bot.core.context import BotContext
from bot.core.errors import NotFound
from bot.people.roles import Permission
from bot.transparency import followups
from bot.transparency.followups import BadText
from bot.transparency.posts import style
from bot.transparency.rules import FOLLOWUP_MAX, FOLLOWUP_MIN
from handlers.core.guards import requires
from handlers.core.replies import language, say
from handlers.core.updates import message_of

#: This feature's commands (the application factory adds them to the command table).
COMMANDS = (Command("tindak_lanjut", permission=Permission.OFFICE_REPORTS),)


def rest_of_command(update: Update, skip: int) -> str:
    """The message text after the command and ``skip`` words, as typed (line breaks and
    spacing kept, unlike ``context.args``)."""
    text = message_of(update).text or ""
    parts = text.split(maxsplit=skip + 1)
    return parts[skip + 1] if len(parts) > skip + 1 else ""


async def refuse_text(
    update: Update, context: BotContext, bad: BadText, length_key: str, minimum: int, maximum: int
) -> None:
    """Explain why a text for the public was not saved (nothing is lost: it was not
    stored, and the person's message is still in the chat to copy)."""
    lang = language(context)
    if bad.markers:
        what = ", ".join(str(t(lang, f"tp.personal.{m.value}")) for m in bad.markers)
        await say(update, context, "tp.personal.refused", what=what)
    else:
        await say(update, context, length_key, min=minimum, max=maximum, length=bad.length)


def _codes(context: BotContext) -> str:
    return ", ".join(s.code for s in context.runtime.office.services) or "—"


@requires(Permission.OFFICE_REPORTS)
async def tindak_lanjut(update: Update, context: BotContext) -> None:
    args = context.args or []
    text = rest_of_command(update, 1)
    if not args or not text:
        await say(
            update,
            context,
            "tp.followup.usage",
            min=FOLLOWUP_MIN,
            max=FOLLOWUP_MAX,
            codes=_codes(context),
        )
        return
    try:
        recorded = await followups.record(context.runtime, context.actor, args[0], text)
    except NotFound:
        await say(
            update,
            context,
            "tp.followup.unknown_service",
            code=args[0].upper(),
            codes=_codes(context),
        )
        return
    except BadText as bad:
        await refuse_text(update, context, bad, "tp.followup.length", FOLLOWUP_MIN, FOLLOWUP_MAX)
        return
    lang = language(context)
    unsur = (
        t(lang, "tp.followup.unsur", unsur=t(lang, f"skm.{recorded.unsur_key}.name"))
        if recorded.unsur_key
        else ""
    )
    await say(
        update,
        context,
        "tp.followup.saved",
        service=recorded.service.label(lang),
        period=style(context.runtime, lang).period(recorded.period),
        unsur=unsur,
    )


def register(application: Application) -> None:
    application.add_handler(
        CommandHandler("tindak_lanjut", tindak_lanjut, filters.ChatType.PRIVATE)
    )
