"""The complaint intake conversation (private chat), as the citizen experiences it:

/lapor → privacy notice (first time) → category → (officer's unit) → kelurahan →
description → evidence → identity → summary → Kirim.

The draft lives in ``user_data`` (persisted), so it survives a restart, and each step is
stored before the citizen sees its result (``handlers.intake_steps``), so it survives a
crash too; bad input is explained and asked again without losing what was entered.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.complaints import callbacks as cb
from bot.complaints import intake
from bot.complaints import keyboards as kb
from bot.complaints.intake import Draft
from bot.complaints.rules import MAX_ATTACHMENTS
from bot.core import formatting
from bot.core.callbacks import BadCallback, MenuComplaint, in_domain
from bot.core.catalog import t
from bot.core.context import BotContext
from handlers.complaints.intake_steps import (
    CATEGORY,
    CONDUCT_UNIT,
    CONSENT,
    DESCRIPTION,
    DRAFT,
    EDIT,
    EDITING,
    EVIDENCE,
    IDENTITY,
    KELURAHAN,
    STEP,
    SUMMARY,
    ask_category,
    ask_conduct_unit,
    ask_consent,
    ask_description,
    ask_evidence,
    ask_identity,
    ask_kelurahan,
    forget_draft,
    load_draft,
    save_draft,
)
from handlers.complaints.intake_summary import (
    back_to_summary,
    cancel,
    edit_field,
    edit_menu,
    send,
    send_after_end,
    show_summary,
)
from handlers.core.flows import exclusive
from handlers.core.replies import answer, edited, language, say, settle_button
from handlers.core.updates import (
    Callback,
    Handler,
    MissingPart,
    data_of,
    location_of,
    message_of,
    query_of,
    text_of,
    user_data,
)

#: What a complaint may carry: photos, PDF documents, pictures sent "as a file" (JPG, PNG),
#: voice notes and videos (all sent on to the unit by file_id).
EVIDENCE_FILES = (
    filters.PHOTO
    | filters.Document.PDF
    | filters.Document.JPG
    | filters.Document.MimeType("image/png")
    | filters.VOICE
    | filters.VIDEO
)

# --- entry -----------------------------------------------------------------------------


async def start(update: Update, context: BotContext) -> int:
    if update.callback_query is not None:
        await answer(update, context)
    runtime = context.runtime
    if not await intake.may_file(runtime, context.actor):
        await say(update, context, "lapor.limit", limit=runtime.settings.complaints_per_day)
        return ConversationHandler.END
    await save_draft(update, context, Draft())
    if await intake.needs_consent(runtime, context.actor):
        return await ask_consent(update, context)
    return await ask_category(update, context)


async def consent_given(update: Update, context: BotContext) -> int:
    await answer(update, context)
    await intake.give_consent(context.runtime, context.actor)
    state = await ask_category(update, context)
    await settle_button(update, context, t(language(context), "lapor.privacy_yes"))
    return state


async def consent_refused(update: Update, context: BotContext) -> int:
    await answer(update, context)
    ended = await forget_draft(update, context)
    await settle_button(update, context, t(language(context), "lapor.privacy_no"))
    await say(update, context, "lapor.privacy_declined")
    return ended


# --- steps -----------------------------------------------------------------------------
# Each step stores the changed draft and the next step before anything changes on the
# citizen's screen; the choice is ticked under its question last.


async def category_chosen(update: Update, context: BotContext) -> int:
    choice = cb.IntakeCategory.parse(data_of(update))
    category = context.runtime.office.category(choice.code)
    if category is None:
        raise BadCallback(choice.code)
    await answer(update, context)
    draft = load_draft(context)
    draft.category = category.code
    draft.named_unit = None
    await save_draft(update, context, draft)
    if category.conduct:
        state = await ask_conduct_unit(update, context)
    else:
        state = await _next(update, context, ask_kelurahan)
    await settle_button(update, context, category.label(language(context)))
    return state


async def conduct_unit_chosen(update: Update, context: BotContext) -> int:
    choice = cb.IntakeConductUnit.parse(data_of(update))
    unit = context.runtime.office.unit(choice.code)
    if unit is None and choice.code != "-":
        raise BadCallback(choice.code)
    await answer(update, context)
    lang = language(context)
    draft = load_draft(context)
    draft.named_unit = unit.code if unit else None
    await save_draft(update, context, draft)
    state = await _next(update, context, ask_kelurahan)
    await settle_button(update, context, unit.label(lang) if unit else t(lang, "lapor.unknown"))
    return state


async def kelurahan_chosen(update: Update, context: BotContext) -> int:
    choice = cb.IntakeKelurahan.parse(data_of(update))
    place = context.runtime.office.kelurahan_by_code(choice.code)
    if place is None and choice.code != "-":
        raise BadCallback(choice.code)
    await answer(update, context)
    draft = load_draft(context)
    draft.kelurahan = place.code if place else None
    await save_draft(update, context, draft)
    state = await _next(update, context, ask_description)
    await settle_button(
        update, context, place.name if place else t(language(context), "lapor.unknown")
    )
    return state


async def description_given(update: Update, context: BotContext) -> int:
    text = text_of(update)
    problem = intake.description_problem(text)
    if problem is not None:
        key, values = problem
        await say(update, context, key, **values)
        return DESCRIPTION
    draft = load_draft(context)
    draft.description = text.strip()
    await save_draft(update, context, draft)
    return await _next(update, context, ask_evidence)


async def description_not_text(update: Update, context: BotContext) -> int:
    await say(update, context, "lapor.text_please")
    return DESCRIPTION


async def description_with_file(update: Update, context: BotContext) -> int:
    """A file (photo, picture, PDF, voice note, video) sent before the description is kept
    as the first attachment; its caption, when it describes the problem well enough, is
    the description, which text typed next completes."""
    draft = load_draft(context)
    if not draft.full:
        draft.attachments.append(_attachment(message_of(update)))
    caption = message_of(update).caption or ""
    if caption and intake.description_problem(caption) is None:
        draft.description = caption.strip()
        draft.description_from_caption = True
        await save_draft(update, context, draft)
        await say(update, context, "lapor.caption_used")
        return await _next(update, context, ask_evidence)
    await save_draft(update, context, draft)
    await say(update, context, "lapor.kept_ask_text", what=t(language(context), "lapor.kept_file"))
    return DESCRIPTION


async def description_with_location(update: Update, context: BotContext) -> int:
    """A location pin sent before the description is kept for the evidence step."""
    if await _far_location_asked(update, context):
        return DESCRIPTION
    draft = load_draft(context)
    location = location_of(update)
    draft.location = [location.latitude, location.longitude]
    await save_draft(update, context, draft)
    await _location_kept(update, context)
    return DESCRIPTION


async def evidence_file(update: Update, context: BotContext) -> int:
    draft = load_draft(context)
    if draft.full:
        await say(update, context, "lapor.evidence_full", max=MAX_ATTACHMENTS)
        return EVIDENCE
    draft.attachments.append(_attachment(message_of(update)))
    await save_draft(update, context, draft)
    return await _evidence_progress(update, context, draft)


def _attachment(message: Message) -> dict[str, object]:
    """What the draft keeps of a photo (its largest size), a document (PDF or picture), a
    voice note or a video: enough to send it on by file_id."""
    if message.photo:
        largest = message.photo[-1]
        return {
            "kind": "photo",
            "file_id": largest.file_id,
            "file_unique_id": largest.file_unique_id,
            "file_size": largest.file_size,
        }
    kind = "voice" if message.voice else "video" if message.video else "document"
    media = message.voice or message.video or message.document
    if media is None:  # EVIDENCE_FILES lets only these through
        raise MissingPart("photo, document, voice note or video")
    return {
        "kind": kind,
        "file_id": media.file_id,
        "file_unique_id": media.file_unique_id,
        "file_name": getattr(media, "file_name", None),
        "mime_type": media.mime_type,
        "file_size": media.file_size,
    }


async def evidence_text(update: Update, context: BotContext) -> int:
    """Text at the evidence step: after a captioned photo it completes the description;
    otherwise the description is complete and the citizen learns how to change it."""
    draft = load_draft(context)
    lang = language(context)
    if not draft.description_from_caption or draft.description is None:
        await say(update, context, "lapor.evidence_text", kb.evidence(lang))
        return EVIDENCE
    description = intake.completed_description(draft.description, text_of(update))
    problem = intake.description_problem(description)
    if problem is not None:
        key, values = problem
        await say(update, context, key, kb.evidence(lang), **values)
        return EVIDENCE
    draft.description = description
    await save_draft(update, context, draft)
    await say(update, context, "lapor.description_completed", kb.evidence(lang))
    return EVIDENCE


async def evidence_location(update: Update, context: BotContext) -> int:
    if await _far_location_asked(update, context):
        return EVIDENCE
    draft = load_draft(context)
    location = location_of(update)
    draft.location = [location.latitude, location.longitude]
    await save_draft(update, context, draft)
    return await _evidence_progress(update, context, draft)


async def _far_location_asked(update: Update, context: BotContext) -> bool:
    """A pin far outside the kecamatan is held back and the citizen asked to confirm it
    (True); a pin inside, or an office file without an area, is kept as sent (False)."""
    area = context.runtime.office.office.area
    location = location_of(update)
    km = area.far_outside(location.latitude, location.longitude) if area else None
    if km is None:
        return False
    draft = load_draft(context)
    draft.pending_location = [location.latitude, location.longitude]
    await save_draft(update, context, draft)
    lang = language(context)
    await say(
        update,
        context,
        "lapor.location_far",
        kb.far_location(lang, draft.id),
        km=formatting.number(lang, km, 0),
        district=context.runtime.office.office.district,
    )
    return True


async def far_location_answered(update: Update, context: BotContext) -> int:
    """ "Yes, it is right" keeps the held-back pin; "No" drops it. Either way the citizen
    stays in the step they were in."""
    data = data_of(update)
    keep = cb.IntakeKeepFarLocation.matches(data)
    pressed = (cb.IntakeKeepFarLocation if keep else cb.IntakeDropFarLocation).parse(data)
    draft = load_draft(context)
    step = DESCRIPTION if draft.description is None else EVIDENCE
    if pressed.draft != draft.id:
        await answer(update, context, "lapor.stale", alert=True)
        return step
    await answer(update, context)
    if draft.pending_location is None:  # answered already (a second press)
        return step
    lang = language(context)
    if keep:
        draft.location = draft.pending_location
    draft.pending_location = None
    await save_draft(update, context, draft)
    if not keep:
        await say(
            update,
            context,
            "lapor.location_dropped",
            kb.evidence(lang) if step == EVIDENCE else None,
        )
    elif step == DESCRIPTION:
        await _location_kept(update, context)
    else:
        await _evidence_progress(update, context, draft)
    await settle_button(
        update, context, t(lang, "lapor.location_keep" if keep else "lapor.location_drop")
    )
    return step


async def _location_kept(update: Update, context: BotContext) -> None:
    await say(
        update, context, "lapor.kept_ask_text", what=t(language(context), "lapor.kept_location")
    )


async def _evidence_progress(update: Update, context: BotContext, draft: Draft) -> int:
    lang = language(context)
    where = t(lang, "lapor.evidence_location") if draft.location else ""
    await say(
        update,
        context,
        "lapor.evidence_added",
        kb.evidence(lang),
        files=len(draft.attachments),
        location=where,
    )
    return EVIDENCE


async def evidence_not_pdf(update: Update, context: BotContext) -> int:
    await say(update, context, "lapor.evidence_pdf_only", kb.evidence(language(context)))
    return EVIDENCE


async def evidence_unsupported(update: Update, context: BotContext) -> int:
    await say(update, context, "lapor.evidence_unsupported", kb.evidence(language(context)))
    return EVIDENCE


async def evidence_finished(update: Update, context: BotContext) -> int:
    """Lewati/Selesai: the next step, then the buttons go. Both calls go through the
    retrying helpers, as every other step's do: a 5xx is Telegram's trouble, not a
    reason to tell the citizen to try again."""
    query = query_of(update)
    await answer(update, context)
    state = await _next(update, context, ask_identity)
    await edited(lambda: query.edit_message_reply_markup(None))
    return state


async def identity_chosen(update: Update, context: BotContext) -> int:
    choice = cb.IntakeIdentity.parse(data_of(update))
    if choice.confidential not in (0, 1):
        raise BadCallback(str(choice.confidential))
    await answer(update, context)
    lang = language(context)
    key = "lapor.identity_hide" if choice.confidential else "lapor.identity_show"
    draft = load_draft(context)
    draft.confidential = bool(choice.confidential)
    await save_draft(update, context, draft)
    state = await show_summary(update, context)
    await settle_button(update, context, t(lang, key))
    return state


# --- summary, edit, send -----------------------------------------------------------------


async def _next(update: Update, context: BotContext, step: Callback[int]) -> int:
    """Go to the next step, or back to the summary when the citizen is editing."""
    if user_data(context).get(EDITING):
        draft = load_draft(context)
        if draft.complete():
            return await show_summary(update, context)
    return await step(update, context)


ASK: dict[int, Callback[int]] = {
    CONSENT: ask_consent,
    CATEGORY: ask_category,
    CONDUCT_UNIT: ask_conduct_unit,
    KELURAHAN: ask_kelurahan,
    DESCRIPTION: ask_description,
    EVIDENCE: ask_evidence,
    IDENTITY: ask_identity,
    SUMMARY: show_summary,
    EDIT: show_summary,
}


async def still_busy(update: Update, context: BotContext) -> int | None:
    """/lapor, or a message the current step does not take: say where the citizen is and
    show that step again (after a crash, the question on their screen may be an earlier
    one whose buttons no longer count)."""
    await say(update, context, "lapor.in_progress")
    return await _ask_again(update, context)


async def step_passed(update: Update, context: BotContext) -> int | None:
    """A button of the intake that the current step does not take (an earlier step's,
    left on the screen by a crash or scrolled back to): the current step is shown."""
    await answer(update, context, "lapor.step_passed", alert=True)
    return await _ask_again(update, context)


async def _ask_again(update: Update, context: BotContext) -> int | None:
    step = user_data(context).get(STEP)
    ask = ASK.get(step) if isinstance(step, int) else None
    if ask is None:
        return None
    if step in (SUMMARY, EDIT) and not load_draft(context).complete():
        return None
    return await ask(update, context)


def conversation() -> ConversationHandler:
    private = filters.ChatType.PRIVATE
    text = filters.TEXT & ~filters.COMMAND
    far_location: list[Handler] = [
        CallbackQueryHandler(far_location_answered, pattern=cb.IntakeKeepFarLocation.matches),
        CallbackQueryHandler(far_location_answered, pattern=cb.IntakeDropFarLocation.matches),
    ]
    return ConversationHandler(
        entry_points=[
            CommandHandler("lapor", exclusive(DRAFT)(start), private),
            CallbackQueryHandler(exclusive(DRAFT)(start), pattern=MenuComplaint.matches),
        ],
        states={
            CONSENT: [
                CallbackQueryHandler(consent_given, pattern=cb.IntakeConsent.matches),
                CallbackQueryHandler(consent_refused, pattern=cb.IntakeDecline.matches),
            ],
            CATEGORY: [CallbackQueryHandler(category_chosen, pattern=cb.IntakeCategory.matches)],
            CONDUCT_UNIT: [
                CallbackQueryHandler(conduct_unit_chosen, pattern=cb.IntakeConductUnit.matches)
            ],
            KELURAHAN: [CallbackQueryHandler(kelurahan_chosen, pattern=cb.IntakeKelurahan.matches)],
            DESCRIPTION: [
                MessageHandler(private & text, description_given),
                MessageHandler(private & EVIDENCE_FILES, description_with_file),
                MessageHandler(private & filters.LOCATION, description_with_location),
                *far_location,
                MessageHandler(private & ~filters.COMMAND, description_not_text),
            ],
            EVIDENCE: [
                MessageHandler(private & EVIDENCE_FILES, evidence_file),
                MessageHandler(private & filters.LOCATION, evidence_location),
                MessageHandler(private & text, evidence_text),
                MessageHandler(private & filters.Document.ALL, evidence_not_pdf),
                *far_location,
                CallbackQueryHandler(evidence_finished, pattern=cb.IntakeSkipEvidence.matches),
                CallbackQueryHandler(evidence_finished, pattern=cb.IntakeEvidenceDone.matches),
                MessageHandler(private & ~filters.COMMAND, evidence_unsupported),
            ],
            IDENTITY: [CallbackQueryHandler(identity_chosen, pattern=cb.IntakeIdentity.matches)],
            SUMMARY: [
                CallbackQueryHandler(edit_menu, pattern=cb.IntakeEdit.matches),
                CallbackQueryHandler(cancel, pattern=cb.IntakeCancel.matches),
            ],
            EDIT: [
                CallbackQueryHandler(edit_field, pattern=cb.IntakeEditField.matches),
                CallbackQueryHandler(back_to_summary, pattern=cb.IntakeBack.matches),
            ],
        },
        fallbacks=[
            # Kirim counts in every state: the draft version it carries, not the state
            # (which a crash may leave a step behind or ahead), proves what was shown.
            CallbackQueryHandler(send, pattern=cb.IntakeSend.matches),
            CommandHandler("batal", cancel, private),
            CommandHandler("lapor", still_busy, private),
            MessageHandler(private & ~filters.COMMAND, still_busy),
            CallbackQueryHandler(step_passed, pattern=in_domain("lp")),
        ],
        name="complaint_intake",
        persistent=True,
        allow_reentry=False,
    )


def register(application: Application) -> None:
    application.add_handler(conversation())
    application.add_handler(CallbackQueryHandler(send_after_end, pattern=cb.IntakeSend.matches))
