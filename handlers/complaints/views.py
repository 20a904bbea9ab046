"""Staff tools in the private chat (and unit groups): /antrian and /tiket.

Everyone in a group reads the answer, so in a group they answer only about the group's
own unit's complaints (never a conduct complaint about that unit); elsewhere they point
to the private chat (rules in :mod:`bot.complaints.rules`)."""

from __future__ import annotations

from datetime import timedelta

from telegram import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, filters

from bot.complaints import callbacks as cb
from bot.complaints import views
from bot.complaints.alerts import renderer
from bot.complaints.prompts import remember_message
from bot.complaints.rules import current_due, overdue_by
from bot.core.catalog import join, t
from bot.core.clock import from_epoch
from bot.core.context import BotContext
from bot.core.errors import NotFound
from bot.people.roles import Permission
from handlers.core.guards import requires
from handlers.core.replies import answer, language, point_to_private, reply, say
from handlers.core.updates import args_of, data_of


@requires(Permission.STAFF_TOOLS)
async def antrian(update: Update, context: BotContext) -> None:
    lang = language(context)
    runtime = context.runtime
    draw = renderer(runtime)
    try:
        queue = await views.queue(runtime, context.actor, _group_of(update))
    except views.NotHere:
        await point_to_private(update, context, "staff.elsewhere", command="antrian")
        return
    found = queue.complaints
    if not found:
        await say(update, context, "queue.empty")
        return
    scope = ", ".join(runtime.office.unit_label(code, lang) for code in queue.unit_codes) or t(
        lang, "queue.all_units"
    )
    now = runtime.clock.now()
    lines = [t(lang, "queue.title", scope=scope, count=len(found))]
    for complaint in found:
        due = current_due(complaint.acknowledged_at, complaint.ack_due_at, complaint.resolve_due_at)
        late = overdue_by(runtime.calendar, complaint.status, from_epoch(due), now)
        overdue = late > timedelta(0)
        lines.append(
            t(
                lang,
                "queue.line",
                flag="🔴" if overdue else "🟢",
                number=complaint.number,
                status=draw.status(lang, complaint.status),
                category=draw.category(lang, complaint.category_code),
                due=draw.short_when(lang, due),
                late=t(lang, "queue.late", late=draw.duration(lang, late)) if overdue else "",
            )
        )
    keyboard = [
        [
            InlineKeyboardButton(c.number, callback_data=cb.OpenTicket(c.id).encode())
            for c in found[i : i + 3]
        ]
        for i in range(0, len(found), 3)
    ]
    await reply(update, context, join(lines, "\n"), InlineKeyboardMarkup(keyboard))


@requires(Permission.STAFF_TOOLS)
async def tiket(update: Update, context: BotContext) -> None:
    args = args_of(context)
    if not args:
        await say(update, context, "ticket.usage", example=views.example_number(context.runtime))
        return
    number = args[0].strip().upper()
    try:
        found = await views.ticket(context.runtime, context.actor, number, _group_of(update))
    except views.NotHere:
        await point_to_private(update, context, "staff.elsewhere", command="tiket")
        return
    except NotFound:
        await say(update, context, "status.not_found", number=number)
        return
    await _show_ticket(update, context, found)


@requires(Permission.STAFF_TOOLS)
async def open_ticket(update: Update, context: BotContext) -> None:
    pressed = cb.OpenTicket.parse(data_of(update))
    try:
        found = await views.ticket_by_id(
            context.runtime, context.actor, pressed.complaint_id, _group_of(update)
        )
    except views.NotHere:
        await answer(update, context, "staff.elsewhere_alert", alert=True)
        return
    except NotFound:
        await answer(update, context, "error.button_unknown", alert=True)
        return
    await answer(update, context)
    await _show_ticket(update, context, found)


def _group_of(update: Update) -> int | None:
    """The group a staff view was asked for in; None in a private chat."""
    chat = update.effective_chat
    return None if chat is None or chat.type == Chat.PRIVATE else chat.id


async def _show_ticket(update: Update, context: BotContext, found: views.Ticket) -> None:
    lang = language(context)
    draw = renderer(context.runtime)
    complaint = found.complaint
    assignee = found.names.get(complaint.assignee_id) if complaint.assignee_id else None
    card = draw.alert(lang, complaint, found.reporter, assignee=assignee, files=found.files)
    history = draw.staff_timeline(
        lang, found.events, found.names, complaint.reporter_id, found.reporter
    )
    text = join([card, "", t(lang, "ticket.title", number=complaint.number), history])
    sent = await reply(update, context, text, draw.alert_keyboard(lang, complaint))
    if sent is not None:
        await remember_message(context.runtime, sent.chat_id, sent.message_id, complaint.id)
        await views.send_ticket_evidence(
            context.runtime,
            context.actor,
            found,
            sent.chat_id,
            sent.message_id,
            sent.message_thread_id if sent.is_topic_message else None,
        )


def register(application: Application) -> None:
    anywhere = filters.ChatType.PRIVATE | filters.ChatType.GROUPS
    application.add_handlers(
        [
            CommandHandler("antrian", antrian, anywhere),
            CommandHandler("tiket", tiket, anywhere),
            CallbackQueryHandler(open_ticket, pattern=cb.OpenTicket.matches),
        ]
    )
