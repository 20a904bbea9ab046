"""/catatan_publik MRL-… teks (staff of the handling unit, supervisors): the note the
public page shows for a resolved complaint; in the unit group or in private."""

from __future__ import annotations

from telegram import Chat, Update
from telegram.ext import Application, CommandHandler, filters

from bot.complaints.views import example_number
from bot.core.catalog import t
from bot.core.commands import Command, Where
from bot.core.context import BotContext
from bot.core.errors import NotFound
from bot.people.roles import Permission
from bot.transparency import notes
from bot.transparency.followups import BadText
from bot.transparency.notes import NeverPublic, NotResolved
from bot.transparency.rules import NOTE_MAX, NOTE_MIN
from handlers.core.guards import requires
from handlers.core.replies import language, say
from handlers.transparency.followups import refuse_text, rest_of_command

#: This feature's commands (the application factory adds them to the command table).
COMMANDS = (
    Command("catatan_publik", permission=Permission.STAFF_TOOLS),
    Command("catatan_publik", Where.GROUP, Permission.STAFF_TOOLS),
)


@requires(Permission.STAFF_TOOLS)
async def catatan_publik(update: Update, context: BotContext) -> None:
    args = context.args or []
    text = rest_of_command(update, 1)
    if not args or not text:
        await say(
            update,
            context,
            "tp.note.usage",
            min=NOTE_MIN,
            max=NOTE_MAX,
            example=example_number(context.runtime),
        )
        return
    number = args[0].upper()
    chat = update.effective_chat
    group = chat.id if chat is not None and chat.type != Chat.PRIVATE else None
    try:
        complaint = await notes.write(context.runtime, context.actor, number, text, group)
    except NotFound:
        await say(update, context, "tp.note.not_found", number=number)
        return
    except NeverPublic:
        await say(update, context, "tp.note.never_public", number=number)
        return
    except NotResolved:
        await say(update, context, "tp.note.not_resolved", number=number)
        return
    except BadText as bad:
        await refuse_text(update, context, bad, "tp.note.length", NOTE_MIN, NOTE_MAX)
        return
    listed = context.runtime.office.publication.resolved_list
    await say(
        update,
        context,
        "tp.note.saved",
        number=complaint.number,
        state="" if listed else t(language(context), "tp.note.list_off"),
    )


def register(application: Application) -> None:
    application.add_handler(
        CommandHandler(
            "catatan_publik", catatan_publik, filters.ChatType.PRIVATE | filters.ChatType.GROUPS
        )
    )
