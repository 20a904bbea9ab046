"""Staff acting on complaints: the alert's buttons and replies to the bot's messages.

Works in unit groups (privacy mode: the bot sees only commands and replies to its own
messages, so free text is always collected as a reply to a ForceReply prompt) and in a
supervisor's private chat, where alerts for unbound units and conduct complaints land.
"""

from __future__ import annotations

import html
import logging

from telegram import ForceReply, Update
from telegram.ext import Application, CallbackQueryHandler, MessageHandler, filters

from bot.complaints import actions
from bot.complaints import callbacks as cb
from bot.complaints.alerts import ALERT, MESSAGE, renderer
from bot.complaints.changes import for_staff, number_of
from bot.complaints.prompts import (
    ANSWERED,
    find_prompt,
    forget_prompt,
    intend_prompt,
    prompt_posted,
    subject_of_message,
)
from bot.complaints.rules import NOTE_MIN, Action, InvalidTransition, is_brief
from bot.core.callbacks import BadCallback
from bot.core.catalog import Markup, t
from bot.core.context import BotContext
from bot.core.errors import NotFound
from handlers.core.replies import answer, edit, language, quote, send, thread_of
from handlers.core.updates import chat_of, data_of, message_of

log = logging.getLogger(__name__)
NOTE_TAG = "#catatan"


def _mention(context: BotContext) -> Markup:
    """A link to the presser: makes the selective ForceReply reach exactly them."""
    actor = context.actor
    return Markup(f'<a href="tg://user?id={actor.telegram_id}">{html.escape(actor.name)}</a>')


async def _invalid(
    update: Update, context: BotContext, error: InvalidTransition, number: str
) -> None:
    lang = language(context)
    await answer(
        update,
        context,
        "grp.invalid_state",
        alert=True,
        number=number,
        status=renderer(context.runtime).status(lang, error.shown),
    )


async def _number(context: BotContext, complaint_id: int) -> str:
    return await number_of(context.runtime, complaint_id)


# --- buttons ---------------------------------------------------------------------------


async def accept(update: Update, context: BotContext) -> None:
    pressed = cb.Accept.parse(data_of(update))
    try:
        complaint = await actions.accept(context.runtime, context.actor, pressed.complaint_id)
    except InvalidTransition as error:
        await _invalid(update, context, error, await _number(context, pressed.complaint_id))
        return
    await answer(update, context, "grp.accepted", number=complaint.number)


async def _prompt(
    update: Update,
    context: BotContext,
    complaint_id: int,
    action: str,
    key: str,
    argument: str | None = None,
    **values: object,
) -> None:
    """Ask the presser for text with a ForceReply aimed at them (works in privacy mode).
    The question is recorded before it is posted: a crash in between cannot make the
    answer vanish (the reply is matched to the recorded question)."""
    text = t(language(context), key, name=_mention(context), **values)
    chat_id = chat_of(update).id
    prompt_id = await intend_prompt(
        context.runtime, chat_id, complaint_id, action, argument, context.actor.telegram_id
    )
    sent = await send(
        context, chat_id, text, markup=ForceReply(selective=True), thread=thread_of(update)
    )
    await prompt_posted(context.runtime, prompt_id, sent.chat_id, sent.message_id)


async def ask_info(update: Update, context: BotContext) -> None:
    pressed = cb.AskInfo.parse(data_of(update))
    complaint = await _checked(update, context, pressed.complaint_id, Action.ASK_INFO)
    if complaint is None:
        return
    await answer(update, context)
    await _prompt(update, context, complaint.id, "ask", "grp.ask_prompt", number=complaint.number)


async def resolve(update: Update, context: BotContext) -> None:
    pressed = cb.Resolve.parse(data_of(update))
    complaint = await _checked(update, context, pressed.complaint_id, Action.RESOLVE)
    if complaint is None:
        return
    await answer(update, context)
    await _prompt(
        update,
        context,
        complaint.id,
        "resolve",
        "grp.resolve_prompt",
        number=complaint.number,
        min=NOTE_MIN,
    )


async def reassign(update: Update, context: BotContext) -> None:
    pressed = cb.Reassign.parse(data_of(update))
    complaint = await _checked(update, context, pressed.complaint_id, Action.REASSIGN)
    if complaint is None:
        return
    await answer(update, context)
    lang = language(context)
    targets = actions.reassign_choices(context.runtime, complaint)
    await send(
        context,
        chat_of(update).id,
        t(lang, "grp.move_choose", number=complaint.number),
        markup=renderer(context.runtime).reassign_keyboard(lang, complaint, targets),
        thread=thread_of(update),
    )


async def reassign_to(update: Update, context: BotContext) -> None:
    pressed = cb.ReassignTo.parse(data_of(update))
    complaint = await _checked(update, context, pressed.complaint_id, Action.REASSIGN)
    if complaint is None:
        return
    if pressed.unit not in actions.reassign_choices(context.runtime, complaint):
        raise BadCallback(pressed.unit)
    await answer(update, context)
    unit = renderer(context.runtime).unit(language(context), pressed.unit)
    # One message: the prompt, which names the unit chosen (an edit of the chooser as
    # well would cost a second; a second press only asks again).
    await _prompt(
        update,
        context,
        complaint.id,
        "reassign",
        "grp.move_prompt",
        argument=pressed.unit,
        number=complaint.number,
        unit=unit,
    )


async def reassign_cancel(update: Update, context: BotContext) -> None:
    pressed = cb.ReassignCancel.parse(data_of(update))
    await for_staff(context.runtime, context.actor, pressed.complaint_id)
    await answer(update, context)
    await edit(update, context, t(language(context), "grp.cancelled"))


async def _checked(update: Update, context: BotContext, complaint_id: int, action: Action):
    """The complaint if the presser may do ``action`` now; otherwise answered and None."""
    try:
        return await for_staff(context.runtime, context.actor, complaint_id, action)
    except InvalidTransition as error:
        await _invalid(update, context, error, await _number(context, complaint_id))
    except NotFound:
        await answer(update, context, "error.button_unknown", alert=True)
    return None


# --- replies ---------------------------------------------------------------------------


async def staff_reply(update: Update, context: BotContext) -> bool:
    """Handle a reply to one of the bot's staff-side messages. Returns False when the
    replied-to message is not one (so private chats can try the citizen side)."""
    message = message_of(update)
    target = message.reply_to_message
    if target is None or not context.has_actor:
        return False
    prompt = await find_prompt(
        context.runtime,
        message.chat_id,
        target.message_id,
        context.actor.telegram_id,
        target.text or target.caption,
    )
    if prompt is not None:
        await _answer_prompt(update, context, prompt)
        return True
    subject = await subject_of_message(context.runtime, message.chat_id, target.message_id)
    if subject is not None and subject[0] == ANSWERED:
        await quote(
            update,
            context,
            t(language(context), "grp.prompt_answered", number=await _number(context, subject[1])),
        )
        return True
    if subject is None or subject[0] not in (ALERT, MESSAGE):
        return False
    await _reply_or_note(update, context, subject[1])
    return True


async def _reply_or_note(update: Update, context: BotContext, complaint_id: int) -> None:
    message = message_of(update)
    text = (message.text or message.caption or "").strip()
    has_file = message.photo or message.document
    file = (message.chat_id, message.message_id) if has_file else None
    if not text and file is None:
        await quote(update, context, t(language(context), "grp.text_or_file"))
        return
    try:
        if text.lower().startswith(NOTE_TAG):
            complaint = await actions.note(
                context.runtime, context.actor, complaint_id, text[len(NOTE_TAG) :].strip() or text
            )
            key = "grp.note_saved"
        elif file is None and is_brief(text):  # "👍", "ok": asked about, not sent
            await actions.hold_brief_reply(
                context.runtime,
                context.actor,
                complaint_id,
                message.chat_id,
                message.message_id,
                message.message_thread_id if message.is_topic_message else None,
                text,
            )
            return
        else:
            complaint = await actions.reply(
                context.runtime, context.actor, complaint_id, text, file
            )
            key = (
                "grp.reply_unreachable"
                if await actions.reporter_unreachable(context.runtime, complaint)
                else "grp.reply_sent"
            )
    except InvalidTransition as error:
        await quote(
            update,
            context,
            t(
                language(context),
                "grp.invalid_state",
                number=await _number(context, complaint_id),
                status=renderer(context.runtime).status(language(context), error.shown),
            ),
        )
        return
    await quote(update, context, t(language(context), key, number=complaint.number))


async def brief_reply(update: Update, context: BotContext) -> None:
    """A button under a held brief reply: send it to the citizen, or keep it internal."""
    data = data_of(update)
    send_it = cb.SendBriefReply.matches(data)
    pressed = (cb.SendBriefReply if send_it else cb.KeepBriefReply).parse(data)
    chat_id = chat_of(update).id
    try:
        complaint = await actions.decide_brief_reply(
            context.runtime,
            context.actor,
            pressed.complaint_id,
            chat_id,
            pressed.message_id,
            send_it,
        )
    except actions.AlreadyDecided:
        await answer(update, context, "grp.brief_decided", alert=True)
        return
    except InvalidTransition as error:
        await _invalid(update, context, error, await _number(context, pressed.complaint_id))
        return
    await answer(update, context)
    key = "grp.brief_sent" if send_it else "grp.brief_noted"
    if send_it and await actions.reporter_unreachable(context.runtime, complaint):
        key = "grp.reply_unreachable"
    await edit(
        update, context, t(language(context), key, number=complaint.number, name=context.actor.name)
    )


async def _answer_prompt(update: Update, context: BotContext, prompt) -> None:
    message = message_of(update)
    lang = language(context)
    text = (message.text or message.caption or "").strip()
    if not text:
        await quote(update, context, t(lang, "grp.text_only"))
        return
    file = (message.chat_id, message.message_id) if message.photo or message.document else None
    runtime = context.runtime
    try:
        if prompt.action == "ask":
            complaint = await actions.ask_info(
                runtime, context.actor, prompt.subject_id, text, file
            )
            reply = t(lang, "grp.question_sent", number=complaint.number)
            if await actions.reporter_unreachable(runtime, complaint):
                reply = t(lang, "grp.question_unreachable", number=complaint.number)
        elif prompt.action == "resolve":
            complaint = await actions.resolve(runtime, context.actor, prompt.subject_id, text, file)
            reply = t(lang, "grp.resolved", number=complaint.number)
        elif prompt.action == "reassign":
            complaint = await actions.reassign(
                runtime, context.actor, prompt.subject_id, prompt.argument, text
            )
            reply = t(
                lang,
                "grp.moved",
                number=complaint.number,
                unit=renderer(runtime).unit(lang, prompt.argument),
            )
        else:
            log.warning("unknown prompt action %s", prompt.action)
            return
    except actions.TooShort as short:
        await quote(
            update,
            context,
            t(
                lang,
                "grp.too_short",
                length=short.length,
                min=short.minimum,
                what=t(lang, f"grp.what.{prompt.action}"),
                number=await _number(context, prompt.subject_id),
            ),
        )
        return
    except InvalidTransition as error:
        await quote(
            update,
            context,
            t(
                lang,
                "grp.invalid_state",
                number=await _number(context, prompt.subject_id),
                status=renderer(runtime).status(lang, error.shown),
            ),
        )
        await forget_prompt(runtime, prompt)
        return
    await forget_prompt(runtime, prompt)
    await quote(update, context, reply)


async def group_reply(update: Update, context: BotContext) -> None:
    """A reply in a group. One to a message of the bot that stands for nothing the bot
    knows (a notice, a question whose record was lost) is explained, not ignored."""
    if await staff_reply(update, context):
        return
    target = message_of(update).reply_to_message
    if (
        target is not None
        and target.from_user is not None
        and target.from_user.id == context.bot.id
    ):
        await quote(update, context, t(language(context), "grp.unknown_message"))


def register(application: Application) -> None:
    groups = filters.ChatType.GROUPS
    application.add_handlers(
        [
            CallbackQueryHandler(accept, pattern=cb.Accept.matches),
            CallbackQueryHandler(ask_info, pattern=cb.AskInfo.matches),
            CallbackQueryHandler(resolve, pattern=cb.Resolve.matches),
            CallbackQueryHandler(reassign, pattern=cb.Reassign.matches),
            CallbackQueryHandler(reassign_to, pattern=cb.ReassignTo.matches),
            CallbackQueryHandler(reassign_cancel, pattern=cb.ReassignCancel.matches),
            CallbackQueryHandler(brief_reply, pattern=cb.SendBriefReply.matches),
            CallbackQueryHandler(brief_reply, pattern=cb.KeepBriefReply.matches),
            MessageHandler(groups & filters.REPLY & ~filters.COMMAND, group_reply),
        ]
    )
