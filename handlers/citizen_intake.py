"""The complaint intake conversation (private chat), as the citizen experiences it:

/lapor → privacy notice (first time) → category → (officer's unit) → kelurahan →
description → evidence → identity → summary → Kirim.

The draft lives in ``user_data`` (persisted), so it survives a restart; bad input is
explained and asked again without losing what was entered.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot import callbacks as cb
from bot import formatting
from bot.clock import from_epoch
from bot.complaint_rules import DESCRIPTION_MAX, DESCRIPTION_MIN, MAX_ATTACHMENTS
from bot.context import BotContext
from bot.services import complaint_intake as intake
from bot.services.complaint_intake import DailyLimitReached, Draft
from bot.texts import t
from handlers import intake_keyboards as kb
from handlers.replies import answer, language, say

(CONSENT, CATEGORY, CONDUCT_UNIT, KELURAHAN, DESCRIPTION, EVIDENCE, IDENTITY, SUMMARY,
 EDIT) = range(9)
DRAFT = "complaint_draft"
EDITING = "complaint_editing"


def _draft(context: BotContext) -> Draft:
    return Draft.from_dict(context.user_data.get(DRAFT) or {})


def _save(context: BotContext, draft: Draft) -> None:
    context.user_data[DRAFT] = draft.to_dict()


def _forget(context: BotContext) -> None:
    context.user_data.pop(DRAFT, None)
    context.user_data.pop(EDITING, None)


async def _settle_button(update: Update, context: BotContext, choice: str) -> None:
    """Answer the press and record the choice under the step's question."""
    query = update.callback_query
    await query.answer()
    if query.message is not None and query.message.text_html is not None:
        await query.edit_message_text(f"{query.message.text_html}\n✓ <b>{_escape(choice)}</b>",
                                      parse_mode=ParseMode.HTML)


def _escape(text: str) -> str:
    from html import escape

    return escape(text, quote=False)


# --- entry -----------------------------------------------------------------------------

async def start(update: Update, context: BotContext) -> int:
    if update.callback_query is not None:
        await answer(update, context)
    runtime = context.runtime
    if not await intake.may_file(runtime, context.actor):
        await say(update, context, "lapor.limit", limit=runtime.settings.complaints_per_day)
        return ConversationHandler.END
    _forget(context)
    _save(context, Draft())
    if await intake.needs_consent(runtime, context.actor):
        await say(update, context, "lapor.privacy", kb.consent(language(context)))
        return CONSENT
    return await ask_category(update, context)


async def consent_given(update: Update, context: BotContext) -> int:
    await _settle_button(update, context, t(language(context), "lapor.privacy_yes"))
    await intake.give_consent(context.runtime, context.actor)
    return await ask_category(update, context)


async def consent_refused(update: Update, context: BotContext) -> int:
    await _settle_button(update, context, t(language(context), "lapor.privacy_no"))
    _forget(context)
    await say(update, context, "lapor.privacy_declined")
    return ConversationHandler.END


# --- steps -----------------------------------------------------------------------------

async def ask_category(update: Update, context: BotContext) -> int:
    await say(update, context, "lapor.category",
              kb.categories(language(context), context.runtime.office))
    return CATEGORY


async def category_chosen(update: Update, context: BotContext) -> int:
    choice = cb.IntakeCategory.parse(update.callback_query.data)
    category = context.runtime.office.category(choice.code)
    if category is None:
        raise cb.BadCallback(choice.code)
    await _settle_button(update, context, category.label(language(context)))
    draft = _draft(context)
    draft.category = category.code
    draft.named_unit = None
    _save(context, draft)
    if category.conduct:
        await say(update, context, "lapor.conduct_unit",
                  kb.conduct_units(language(context), context.runtime.office))
        return CONDUCT_UNIT
    return await _next(update, context, ask_kelurahan)


async def conduct_unit_chosen(update: Update, context: BotContext) -> int:
    choice = cb.IntakeConductUnit.parse(update.callback_query.data)
    unit = context.runtime.office.unit(choice.code)
    if unit is None and choice.code != "-":
        raise cb.BadCallback(choice.code)
    lang = language(context)
    await _settle_button(update, context, unit.label(lang) if unit else t(lang, "lapor.unknown"))
    draft = _draft(context)
    draft.named_unit = unit.code if unit else None
    _save(context, draft)
    return await _next(update, context, ask_kelurahan)


async def ask_kelurahan(update: Update, context: BotContext) -> int:
    await say(update, context, "lapor.kelurahan",
              kb.kelurahan(language(context), context.runtime.office))
    return KELURAHAN


async def kelurahan_chosen(update: Update, context: BotContext) -> int:
    choice = cb.IntakeKelurahan.parse(update.callback_query.data)
    place = context.runtime.office.kelurahan_by_code(choice.code)
    if place is None and choice.code != "-":
        raise cb.BadCallback(choice.code)
    await _settle_button(update, context,
                         place.name if place else t(language(context), "lapor.unknown"))
    draft = _draft(context)
    draft.kelurahan = place.code if place else None
    _save(context, draft)
    return await _next(update, context, ask_description)


async def ask_description(update: Update, context: BotContext) -> int:
    await say(update, context, "lapor.description", min=DESCRIPTION_MIN, max=DESCRIPTION_MAX)
    return DESCRIPTION


async def description_given(update: Update, context: BotContext) -> int:
    text = update.message.text
    problem = intake.description_problem(text)
    if problem is not None:
        key, values = problem
        await say(update, context, key, **values)
        return DESCRIPTION
    draft = _draft(context)
    draft.description = text.strip()
    _save(context, draft)
    return await _next(update, context, ask_evidence)


async def description_not_text(update: Update, context: BotContext) -> int:
    await say(update, context, "lapor.text_please")
    return DESCRIPTION


async def ask_evidence(update: Update, context: BotContext) -> int:
    await say(update, context, "lapor.evidence", kb.evidence(language(context)),
              max=MAX_ATTACHMENTS)
    return EVIDENCE


async def evidence_file(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    if draft.full:
        await say(update, context, "lapor.evidence_full", max=MAX_ATTACHMENTS)
        return EVIDENCE
    message = update.message
    if message.photo:
        largest = message.photo[-1]
        draft.attachments.append({"kind": "photo", "file_id": largest.file_id,
                                  "file_unique_id": largest.file_unique_id})
    else:
        document = message.document
        draft.attachments.append({"kind": "document", "file_id": document.file_id,
                                  "file_unique_id": document.file_unique_id,
                                  "file_name": document.file_name,
                                  "mime_type": document.mime_type})
    _save(context, draft)
    return await _evidence_progress(update, context, draft)


async def evidence_location(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    location = update.message.location
    draft.location = [location.latitude, location.longitude]
    _save(context, draft)
    return await _evidence_progress(update, context, draft)


async def _evidence_progress(update: Update, context: BotContext, draft: Draft) -> int:
    lang = language(context)
    where = t(lang, "lapor.evidence_location") if draft.location else ""
    await say(update, context, "lapor.evidence_added", kb.evidence(lang),
              files=len(draft.attachments), location=where)
    return EVIDENCE


async def evidence_not_pdf(update: Update, context: BotContext) -> int:
    await say(update, context, "lapor.evidence_pdf_only", kb.evidence(language(context)))
    return EVIDENCE


async def evidence_unsupported(update: Update, context: BotContext) -> int:
    await say(update, context, "lapor.evidence_unsupported", kb.evidence(language(context)))
    return EVIDENCE


async def evidence_finished(update: Update, context: BotContext) -> int:
    query = update.callback_query
    await query.answer()
    await query.edit_message_reply_markup(None)
    return await _next(update, context, ask_identity)


async def ask_identity(update: Update, context: BotContext) -> int:
    await say(update, context, "lapor.identity", kb.identity(language(context)))
    return IDENTITY


async def identity_chosen(update: Update, context: BotContext) -> int:
    choice = cb.IntakeIdentity.parse(update.callback_query.data)
    if choice.confidential not in (0, 1):
        raise cb.BadCallback(str(choice.confidential))
    lang = language(context)
    key = "lapor.identity_hide" if choice.confidential else "lapor.identity_show"
    await _settle_button(update, context, t(lang, key))
    draft = _draft(context)
    draft.confidential = bool(choice.confidential)
    _save(context, draft)
    return await show_summary(update, context)


# --- summary, edit, send -----------------------------------------------------------------

async def _next(update: Update, context: BotContext, step) -> int:
    """Go to the next step, or back to the summary when the citizen is editing."""
    if context.user_data.get(EDITING):
        draft = _draft(context)
        if draft.complete():
            return await show_summary(update, context)
    return await step(update, context)


async def show_summary(update: Update, context: BotContext) -> int:
    context.user_data.pop(EDITING, None)
    draft = _draft(context)
    lang = language(context)
    office = context.runtime.office
    category = office.category(draft.category)
    place = office.kelurahan_by_code(draft.kelurahan) if draft.kelurahan else None
    where = t(lang, "lapor.evidence_location") if draft.location else ""
    evidence = (t(lang, "lapor.evidence_count", files=len(draft.attachments), location=where)
                if draft.attachments or draft.location else t(lang, "lapor.evidence_none"))
    identity = (t(lang, "lapor.identity_hidden") if draft.confidential
                else t(lang, "lapor.identity_shown", name=context.actor.name))
    category_text = category.label(lang) if category else "?"
    if draft.named_unit:
        unit = office.unit(draft.named_unit)
        category_text += f" — {unit.label(lang)}" if unit else ""
    await say(
        update, context, "lapor.summary", kb.summary(lang, draft.id),
        category=category_text, kelurahan=place.name if place else t(lang, "lapor.unknown"),
        evidence=evidence, identity=identity, description=draft.description,
    )
    return SUMMARY


async def edit_menu(update: Update, context: BotContext) -> int:
    await answer(update, context)
    await say(update, context, "lapor.edit_which", kb.edit_fields(language(context)))
    return EDIT


STEP_OF_FIELD = {
    "category": ask_category,
    "kelurahan": ask_kelurahan,
    "description": ask_description,
    "evidence": ask_evidence,
    "identity": ask_identity,
}


async def edit_field(update: Update, context: BotContext) -> int:
    field = cb.IntakeEditField.parse(update.callback_query.data).field
    step = STEP_OF_FIELD.get(field)
    if step is None:
        raise cb.BadCallback(field)
    await answer(update, context)
    context.user_data[EDITING] = True
    if field == "evidence":
        draft = _draft(context)
        draft.attachments, draft.location = [], None
        _save(context, draft)
    return await step(update, context)


async def back_to_summary(update: Update, context: BotContext) -> int:
    await answer(update, context)
    return await show_summary(update, context)


async def send(update: Update, context: BotContext) -> int:
    pressed = cb.IntakeSend.parse(update.callback_query.data)
    draft = _draft(context)
    if pressed.draft != draft.id or not draft.complete():
        await answer(update, context, "lapor.stale", alert=True)
        return SUMMARY
    try:
        submitted = await intake.submit(context.runtime, context.actor, draft)
    except DailyLimitReached:
        await answer(update, context)
        await say(update, context, "lapor.limit",
                  limit=context.runtime.settings.complaints_per_day)
        _forget(context)
        return ConversationHandler.END
    await _settle_button(update, context, t(language(context), "lapor.send"))
    _forget(context)
    await confirm_submission(update, context, submitted.complaint)
    return ConversationHandler.END


async def confirm_submission(update: Update, context: BotContext, complaint) -> None:
    lang = language(context)
    office = context.runtime.office
    zone = context.runtime.settings.zone
    unit = office.unit(complaint.unit_code)
    await say(
        update, context, "lapor.submitted",
        number=complaint.number, unit=unit.label(lang) if unit else complaint.unit_code,
        ack_due=formatting.moment(lang, from_epoch(complaint.ack_due_at), zone),
        resolve_due=formatting.moment(lang, from_epoch(complaint.resolve_due_at), zone),
    )


async def send_after_end(update: Update, context: BotContext) -> None:
    """"Kirim" again after the complaint was sent (double press, redelivered update):
    point to the complaint that exists instead of creating another."""
    pressed = cb.IntakeSend.parse(update.callback_query.data)
    complaint = await intake.already_submitted(context.runtime, context.actor, pressed.draft)
    if complaint is None:
        await answer(update, context, "lapor.stale", alert=True)
        return
    await answer(update, context, "lapor.already_sent", alert=True, number=complaint.number)


async def cancel(update: Update, context: BotContext) -> int:
    if update.callback_query is not None:
        await _settle_button(update, context, t(language(context), "lapor.cancel"))
    _forget(context)
    await say(update, context, "lapor.cancelled")
    return ConversationHandler.END


async def still_busy(update: Update, context: BotContext) -> int | None:
    await say(update, context, "lapor.in_progress")
    return None


def conversation() -> ConversationHandler:
    private = filters.ChatType.PRIVATE
    text = filters.TEXT & ~filters.COMMAND
    return ConversationHandler(
        entry_points=[
            CommandHandler("lapor", start, private),
            CallbackQueryHandler(start, pattern=cb.MenuComplaint.matches),
        ],
        states={
            CONSENT: [CallbackQueryHandler(consent_given, pattern=cb.IntakeConsent.matches),
                      CallbackQueryHandler(consent_refused, pattern=cb.IntakeDecline.matches)],
            CATEGORY: [CallbackQueryHandler(category_chosen, pattern=cb.IntakeCategory.matches)],
            CONDUCT_UNIT: [CallbackQueryHandler(conduct_unit_chosen,
                                                pattern=cb.IntakeConductUnit.matches)],
            KELURAHAN: [CallbackQueryHandler(kelurahan_chosen,
                                             pattern=cb.IntakeKelurahan.matches)],
            DESCRIPTION: [MessageHandler(private & text, description_given),
                          MessageHandler(private & ~filters.COMMAND, description_not_text)],
            EVIDENCE: [
                MessageHandler(private & (filters.PHOTO | filters.Document.PDF), evidence_file),
                MessageHandler(private & filters.LOCATION, evidence_location),
                MessageHandler(private & filters.Document.ALL, evidence_not_pdf),
                CallbackQueryHandler(evidence_finished, pattern=cb.IntakeSkipEvidence.matches),
                CallbackQueryHandler(evidence_finished, pattern=cb.IntakeEvidenceDone.matches),
                MessageHandler(private & ~filters.COMMAND, evidence_unsupported),
            ],
            IDENTITY: [CallbackQueryHandler(identity_chosen, pattern=cb.IntakeIdentity.matches)],
            SUMMARY: [CallbackQueryHandler(send, pattern=cb.IntakeSend.matches),
                      CallbackQueryHandler(edit_menu, pattern=cb.IntakeEdit.matches),
                      CallbackQueryHandler(cancel, pattern=cb.IntakeCancel.matches)],
            EDIT: [CallbackQueryHandler(edit_field, pattern=cb.IntakeEditField.matches),
                   CallbackQueryHandler(back_to_summary, pattern=cb.IntakeBack.matches)],
        },
        fallbacks=[
            CommandHandler("batal", cancel, private),
            CommandHandler("lapor", still_busy, private),
            MessageHandler(private & ~filters.COMMAND, still_busy),
        ],
        name="complaint_intake",
        persistent=True,
        allow_reentry=False,
    )


def register(application: Application) -> None:
    application.add_handler(conversation())
    application.add_handler(CallbackQueryHandler(send_after_end, pattern=cb.IntakeSend.matches))
