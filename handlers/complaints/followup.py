"""Citizens following their complaints: /status, /riwayat, rating, "not solved yet", and
free messages, which go to the complaint they answer."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.complaints import callbacks as cb
from bot.complaints import followup as reactions
from bot.complaints import views
from bot.complaints.alerts import CITIZEN, renderer
from bot.complaints.changes import number_of
from bot.complaints.prompts import subject_of_message
from bot.complaints.rules import InvalidTransition, parse_tracking_number
from bot.core.callbacks import MenuHistory, MenuStatus
from bot.core.catalog import join, t
from bot.core.context import BotContext
from bot.core.errors import NotFound
from bot.core.keyboards import button
from handlers.complaints import actions as unit_group
from handlers.core.replies import answer, language, reply, say
from handlers.core.updates import args_of, data_of, message_of, query_of, user_data

RATING_COMMENT = "rating_comment_for"


# --- status and history ----------------------------------------------------------------


async def status(update: Update, context: BotContext) -> None:
    args = args_of(context)
    if not args:  # the person's own complaints, each a button to its status
        await show_history(update, context, 1)
        return
    await show_status(update, context, " ".join(args))


async def ask_number(update: Update, context: BotContext) -> None:
    await answer(update, context)
    await say(update, context, "status.ask", example=views.example_number(context.runtime))


async def show_status(update: Update, context: BotContext, number: str) -> None:
    try:
        view = await views.status(context.runtime, context.actor, number)
    except NotFound:
        await say(update, context, "status.not_found", number=_typed(context, number) or number)
        return
    lang = language(context)
    await reply(
        update, context, renderer(context.runtime).status_card(lang, view.complaint, view.events)
    )


def _typed(context: BotContext, text: str) -> str | None:
    return parse_tracking_number(text, context.runtime.office.office.tracking_prefix)


async def status_button(update: Update, context: BotContext) -> None:
    pressed = cb.ShowStatus.parse(data_of(update))
    try:
        view = await views.status_by_id(context.runtime, context.actor, pressed.complaint_id)
    except NotFound:
        await answer(update, context, "error.button_unknown", alert=True)
        return
    await answer(update, context)
    await reply(
        update,
        context,
        renderer(context.runtime).status_card(language(context), view.complaint, view.events),
    )


async def riwayat(update: Update, context: BotContext) -> None:
    await show_history(update, context, 1)


async def history_button(update: Update, context: BotContext) -> None:
    if data_of(update) == MenuHistory().encode():
        await answer(update, context)
        await show_history(update, context, 1)
        return
    pressed = cb.HistoryPage.parse(data_of(update))
    await answer(update, context)
    await show_history(update, context, pressed.page, edit=True)


async def show_history(update: Update, context: BotContext, page: int, edit: bool = False) -> None:
    lang = language(context)
    found = await views.history(context.runtime, context.actor, page)
    if not found.items:
        await say(update, context, "history.empty")
        return
    draw = renderer(context.runtime)
    lines = [t(lang, "history.title", page=found.page, pages=found.pages)]
    for complaint in found.items:
        lines.append(
            t(
                lang,
                "history.line",
                number=complaint.number,
                status=draw.status_of(lang, complaint),
                date=draw.short_when(lang, complaint.created_at),
                category=draw.category(lang, complaint.category_code),
            )
        )
    keyboard = [
        [InlineKeyboardButton(c.number, callback_data=cb.ShowStatus(c.id).encode())]
        for c in found.items
    ]
    paging = []
    if found.page > 1:
        paging.append(button(lang, "history.prev", cb.HistoryPage(found.page - 1)))
    if found.page < found.pages:
        paging.append(button(lang, "history.next", cb.HistoryPage(found.page + 1)))
    if paging:
        keyboard.append(paging)
    text = join(lines, "\n\n")
    if edit and update.callback_query is not None:
        await update.callback_query.edit_message_text(
            text, reply_markup=InlineKeyboardMarkup(keyboard)
        )
    else:
        await reply(update, context, text, InlineKeyboardMarkup(keyboard))


# --- after resolution ------------------------------------------------------------------


async def rate(update: Update, context: BotContext) -> None:
    pressed = cb.Rate.parse(data_of(update))
    try:
        complaint = await reactions.rate(
            context.runtime, context.actor, pressed.complaint_id, pressed.rating
        )
    except reactions.RatingLocked:
        await answer(update, context, "cz.rating_locked", alert=True)
        return
    except InvalidTransition:
        await answer(update, context, "error.button_unknown", alert=True)
        return
    await answer(update, context)
    user_data(context)[RATING_COMMENT] = complaint.id
    lang = language(context)
    await say(
        update,
        context,
        "cz.rated",
        InlineKeyboardMarkup([[button(lang, "lapor.skip", cb.SkipComment(complaint.id))]]),
        rating=pressed.rating,
    )


async def skip_comment(update: Update, context: BotContext) -> None:
    cb.SkipComment.parse(data_of(update))
    user_data(context).pop(RATING_COMMENT, None)
    await answer(update, context)
    await query_of(update).edit_message_reply_markup(None)
    await say(update, context, "cz.comment_skipped")


async def not_fixed(update: Update, context: BotContext) -> None:
    pressed = cb.NotFixed.parse(data_of(update))
    try:
        complaint = await reactions.reopen(context.runtime, context.actor, pressed.complaint_id)
    except (reactions.ReopenWindowClosed, InvalidTransition) as refused:
        number = await number_of(context.runtime, pressed.complaint_id)
        key = (
            "cz.reopen_after_rating"
            if isinstance(refused, reactions.ClosedByRating)
            else "cz.reopen_closed"
        )
        await answer(update, context)
        await say(update, context, key, number=number)
        return
    await answer(update, context)
    await say(
        update,
        context,
        "cz.reopened",
        number=complaint.number,
        unit=renderer(context.runtime).unit(language(context), complaint.unit_code),
    )


# --- free messages ---------------------------------------------------------------------


async def private_message(update: Update, context: BotContext) -> None:
    """Any private message outside a guided flow: a staff reply, a rating comment, a
    tracking number, or the citizen's answer about their complaint."""
    message = message_of(update)
    if message.reply_to_message is not None:
        if await unit_group.staff_reply(update, context):
            return
        if await _reply_about_complaint(update, context, message.reply_to_message):
            return
    text = (message.text or "").strip()
    pending_comment = user_data(context).pop(RATING_COMMENT, None)
    if pending_comment is not None and text:
        await reactions.comment_rating(context.runtime, context.actor, pending_comment, text)
        await say(update, context, "cz.comment_saved")
        return
    if text and _typed(context, text) is not None:
        await show_status(update, context, text)
        return
    waiting = await views.waiting_for_answer(context.runtime, context.actor)
    if waiting is not None:
        await _relay(update, context, waiting.id)
        return
    await say(update, context, "cz.no_open_question")


async def _reply_about_complaint(update: Update, context: BotContext, replied: Message) -> bool:
    subject = await subject_of_message(context.runtime, replied.chat_id, replied.message_id)
    if subject is None or subject[0] != CITIZEN:
        return False
    await _relay(update, context, subject[1])
    return True


async def _relay(update: Update, context: BotContext, complaint_id: int) -> None:
    message = message_of(update)
    text = message.text or message.caption
    has_file = bool(message.photo or message.document or message.voice or message.video)
    if not text and not has_file:
        await say(update, context, "cz.relay_unsupported")
        return
    try:
        relayed = await reactions.citizen_message(
            context.runtime,
            context.actor,
            complaint_id,
            text,
            (message.chat_id, message.message_id) if has_file else None,
        )
    except reactions.ComplaintClosed as closed:
        await say(update, context, "cz.closed_not_relayed", number=closed.number)
        return
    if not relayed.delivered:
        key = "cz.message_kept"
    elif relayed.answered_question:
        key = "cz.answer_forwarded"
    else:
        key = "cz.message_forwarded"
    await say(
        update,
        context,
        key,
        number=relayed.complaint.number,
        unit=renderer(context.runtime).unit(language(context), relayed.complaint.unit_code),
    )


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers(
        [
            CommandHandler("status", status, private),
            CommandHandler("riwayat", riwayat, private),
            CallbackQueryHandler(ask_number, pattern=MenuStatus.matches),
            CallbackQueryHandler(history_button, pattern=MenuHistory.matches),
            CallbackQueryHandler(history_button, pattern=cb.HistoryPage.matches),
            CallbackQueryHandler(status_button, pattern=cb.ShowStatus.matches),
            CallbackQueryHandler(rate, pattern=cb.Rate.matches),
            CallbackQueryHandler(skip_comment, pattern=cb.SkipComment.matches),
            CallbackQueryHandler(not_fixed, pattern=cb.NotFixed.matches),
        ]
    )


def register_fallbacks(application: Application) -> None:
    """Free messages come after every flow and command has had its chance."""
    private = filters.ChatType.PRIVATE
    application.add_handler(MessageHandler(private & ~filters.COMMAND, private_message))
