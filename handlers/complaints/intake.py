"""The complaint intake conversation (private chat), as the citizen experiences it:

/lapor → privacy notice (first time) → category → (officer's unit) → kelurahan →
description → evidence → identity → summary → Kirim.

One module for the whole conversation, in sections: the draft and the stored step, the
question each step asks, the entry, the steps, the summary (edit, send, cancel), bringing
back a citizen whose screen fell behind, and the wiring.

The draft lives in ``user_data`` (persisted), so it survives a restart. Each step stores
before it shows (:func:`handlers.core.flows.store_now`): the changed draft and the step
the conversation moves to are written, in one transaction, before the next question or
the summary appears (:func:`keep_draft` changes the draft in memory only, for a step whose
:func:`enter` follows). A step shows itself in one chat-bound message
(``handlers.core.replies.ask``): after a button press the pressed question keeps the
choice in its record and shows the next question. Bad input is explained and asked again
without losing what was entered.

"Kirim" is idempotent: a second press, or the same update delivered twice, points to the
complaint that exists instead of creating another. It carries the draft's ``version``
(raised by each stored change): a summary that no longer shows the stored draft (changed
since, or a crash lost what it showed) is refused and the current summary shown, so what
is filed is always what the citizen read.
"""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Message, Update
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
from bot.complaints.intake import DailyLimitReached, Draft
from bot.complaints.rules import DESCRIPTION_MAX, DESCRIPTION_MIN, MAX_ATTACHMENTS
from bot.core import formatting
from bot.core.callbacks import BadCallback, MenuComplaint, in_domain
from bot.core.catalog import t
from bot.core.context import BotContext
from handlers.core.flows import exclusive, store_now
from handlers.core.replies import answer, ask, choose, language, note, say
from handlers.core.updates import (
    Callback,
    Handler,
    MissingPart,
    data_of,
    location_of,
    message_of,
    text_of,
    user_data,
)

(CONSENT, CATEGORY, CONDUCT_UNIT, KELURAHAN, DESCRIPTION, EVIDENCE, IDENTITY, SUMMARY, EDIT) = (
    range(9)
)
DRAFT = "complaint_draft"
EDITING = "complaint_editing"
#: The step the intake is at, kept with the draft: a citizen whose screen fell behind it
#: (a crash between storing a step and showing its question) is shown it again.
STEP = "complaint_step"
CONVERSATION = "complaint_intake"


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


# --- the draft and the stored step -----------------------------------------------------


def load_draft(context: BotContext) -> Draft:
    return Draft.from_dict(user_data(context).get(DRAFT) or {})


def keep_draft(context: BotContext, draft: Draft) -> None:
    """Change the draft as a new version, in memory: the step's :func:`enter` stores it."""
    draft.version += 1
    user_data(context)[DRAFT] = draft.to_dict()


async def save_draft(update: Update, context: BotContext, draft: Draft) -> None:
    """Store the changed draft as a new version, now (a step that stays where it is)."""
    keep_draft(context, draft)
    await store_now(update, context, CONVERSATION)


async def enter(update: Update, context: BotContext, state: int) -> int:
    """Store that the conversation is at ``state`` (with the draft) before it is shown."""
    if state == ConversationHandler.END:
        user_data(context).pop(STEP, None)
    else:
        user_data(context)[STEP] = state
    await store_now(update, context, CONVERSATION, state)
    return state


async def forget_draft(update: Update, context: BotContext) -> int:
    """End the intake, stored before the citizen is told (a crash cannot bring back a
    draft they cancelled or sent)."""
    user_data(context).pop(DRAFT, None)
    user_data(context).pop(EDITING, None)
    return await enter(update, context, ConversationHandler.END)


# --- the question of each step ---------------------------------------------------------


async def _ask(
    update: Update,
    context: BotContext,
    state: int,
    key: str,
    markup: InlineKeyboardMarkup | None = None,
    /,
    **values: object,
) -> int:
    """Store that the intake is at ``state``, then ask its question (catalog ``key``)."""
    await enter(update, context, state)
    await ask(update, context, key, markup, **values)
    return state


async def ask_consent(update: Update, context: BotContext) -> int:
    return await _ask(update, context, CONSENT, "lapor.privacy", kb.consent(language(context)))


async def ask_category(update: Update, context: BotContext) -> int:
    office = context.runtime.office
    return await _ask(
        update, context, CATEGORY, "lapor.category", kb.categories(language(context), office)
    )


async def ask_conduct_unit(update: Update, context: BotContext) -> int:
    units = kb.conduct_units(language(context), context.runtime.office)
    return await _ask(update, context, CONDUCT_UNIT, "lapor.conduct_unit", units)


async def ask_kelurahan(update: Update, context: BotContext) -> int:
    places = kb.kelurahan(language(context), context.runtime.office)
    return await _ask(update, context, KELURAHAN, "lapor.kelurahan", places)


async def ask_description(update: Update, context: BotContext) -> int:
    category = context.runtime.office.category(load_draft(context).category or "")
    about_a_service = category is not None and category.invites_to_survey
    window = t(language(context), "lapor.service_window") if about_a_service else ""
    limits = {"min": DESCRIPTION_MIN, "max": DESCRIPTION_MAX}
    return await _ask(
        update, context, DESCRIPTION, "lapor.description", None, note=window, **limits
    )


async def ask_evidence(update: Update, context: BotContext) -> int:
    buttons = kb.evidence(language(context))
    return await _ask(update, context, EVIDENCE, "lapor.evidence", buttons, max=MAX_ATTACHMENTS)


async def ask_identity(update: Update, context: BotContext) -> int:
    return await _ask(update, context, IDENTITY, "lapor.identity", kb.identity(language(context)))


# --- entry -----------------------------------------------------------------------------


async def start(update: Update, context: BotContext) -> int:
    if update.callback_query is not None:
        await answer(update, context)
    runtime = context.runtime
    if not await intake.may_file(runtime, context.actor):
        await say(update, context, "lapor.limit", limit=runtime.settings.complaints_per_day)
        return ConversationHandler.END
    keep_draft(context, Draft())
    if await intake.needs_consent(runtime, context.actor):
        return await ask_consent(update, context)
    return await ask_category(update, context)


async def consent_given(update: Update, context: BotContext) -> int:
    await answer(update, context)
    await intake.give_consent(context.runtime, context.actor)
    choose(update, context, t(language(context), "lapor.privacy_yes"))
    return await ask_category(update, context)


async def consent_refused(update: Update, context: BotContext) -> int:
    await answer(update, context)
    ended = await forget_draft(update, context)
    choose(update, context, t(language(context), "lapor.privacy_no"))
    await ask(update, context, "lapor.privacy_declined")
    return ended


# --- steps -----------------------------------------------------------------------------
# Each step stores the changed draft and the next step (one transaction) before anything
# changes on the citizen's screen; then the pressed question records the choice and shows
# the next one, in one edit.


async def category_chosen(update: Update, context: BotContext) -> int:
    choice = cb.IntakeCategory.parse(data_of(update))
    category = context.runtime.office.category(choice.code)
    if category is None:
        raise BadCallback(choice.code)
    await answer(update, context)
    draft = load_draft(context)
    draft.category = category.code
    draft.named_unit = None
    keep_draft(context, draft)
    choose(update, context, category.label(language(context)))
    if category.conduct:
        return await ask_conduct_unit(update, context)
    return await _next(update, context, ask_kelurahan)


async def conduct_unit_chosen(update: Update, context: BotContext) -> int:
    choice = cb.IntakeConductUnit.parse(data_of(update))
    unit = context.runtime.office.unit(choice.code)
    if unit is None and choice.code != "-":
        raise BadCallback(choice.code)
    await answer(update, context)
    lang = language(context)
    draft = load_draft(context)
    draft.named_unit = unit.code if unit else None
    keep_draft(context, draft)
    choose(update, context, unit.label(lang) if unit else t(lang, "lapor.unknown"))
    return await _next(update, context, ask_kelurahan)


async def kelurahan_chosen(update: Update, context: BotContext) -> int:
    choice = cb.IntakeKelurahan.parse(data_of(update))
    place = context.runtime.office.kelurahan_by_code(choice.code)
    if place is None and choice.code != "-":
        raise BadCallback(choice.code)
    await answer(update, context)
    draft = load_draft(context)
    draft.kelurahan = place.code if place else None
    keep_draft(context, draft)
    choose(update, context, place.name if place else t(language(context), "lapor.unknown"))
    return await _next(update, context, ask_description)


async def description_given(update: Update, context: BotContext) -> int:
    text = text_of(update)
    problem = intake.description_problem(text)
    if problem is not None:
        key, values = problem
        await say(update, context, key, **values)
        return DESCRIPTION
    draft = load_draft(context)
    draft.description = text.strip()
    keep_draft(context, draft)
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
        keep_draft(context, draft)
        note(context, "lapor.caption_used")
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
    choose(update, context, t(lang, "lapor.location_keep" if keep else "lapor.location_drop"))
    if not keep:
        await ask(
            update,
            context,
            "lapor.location_dropped",
            kb.evidence(lang) if step == EVIDENCE else None,
        )
    elif step == DESCRIPTION:
        await _location_kept(update, context)
    else:
        await _evidence_progress(update, context, draft)
    return step


async def _location_kept(update: Update, context: BotContext) -> None:
    await ask(
        update, context, "lapor.kept_ask_text", what=t(language(context), "lapor.kept_location")
    )


async def _evidence_progress(update: Update, context: BotContext, draft: Draft) -> int:
    lang = language(context)
    where = t(lang, "lapor.evidence_location") if draft.location else ""
    await ask(
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
    await answer(update, context)
    choose(update, context)
    return await _next(update, context, ask_identity)


async def identity_chosen(update: Update, context: BotContext) -> int:
    choice = cb.IntakeIdentity.parse(data_of(update))
    if choice.confidential not in (0, 1):
        raise BadCallback(str(choice.confidential))
    await answer(update, context)
    lang = language(context)
    key = "lapor.identity_hide" if choice.confidential else "lapor.identity_show"
    draft = load_draft(context)
    draft.confidential = bool(choice.confidential)
    keep_draft(context, draft)
    choose(update, context, t(lang, key))
    return await show_summary(update, context)


# --- summary, edit, send, cancel -------------------------------------------------------


async def _next(update: Update, context: BotContext, step: Callback[int]) -> int:
    """Go to the next step, or back to the summary when the citizen is editing."""
    if user_data(context).get(EDITING):
        draft = load_draft(context)
        if draft.complete():
            return await show_summary(update, context)
    return await step(update, context)


async def show_summary(update: Update, context: BotContext) -> int:
    user_data(context).pop(EDITING, None)
    await enter(update, context, SUMMARY)
    draft = load_draft(context)
    lang = language(context)
    office = context.runtime.office
    category = office.category(draft.category or "")
    place = office.kelurahan_by_code(draft.kelurahan) if draft.kelurahan else None
    where = t(lang, "lapor.evidence_location") if draft.location else ""
    evidence = (
        t(lang, "lapor.evidence_count", files=len(draft.attachments), location=where)
        if draft.attachments or draft.location
        else t(lang, "lapor.evidence_none")
    )
    identity = (
        t(lang, "lapor.identity_hidden")
        if draft.confidential
        else t(lang, "lapor.identity_shown", name=context.actor.name)
    )
    category_text = category.label(lang) if category else "?"
    if draft.named_unit:
        unit = office.unit(draft.named_unit)
        category_text += f" — {unit.label(lang)}" if unit else ""
    await ask(
        update,
        context,
        "lapor.summary",
        kb.summary(lang, draft.id, draft.version),
        category=category_text,
        kelurahan=place.name if place else t(lang, "lapor.unknown"),
        evidence=evidence,
        identity=identity,
        description=draft.description,
    )
    return SUMMARY


async def edit_menu(update: Update, context: BotContext) -> int:
    await answer(update, context)
    await enter(update, context, EDIT)
    choose(update, context)
    await ask(update, context, "lapor.edit_which", kb.edit_fields(language(context)))
    return EDIT


STEP_OF_FIELD = {
    "category": ask_category,
    "kelurahan": ask_kelurahan,
    "description": ask_description,
    "evidence": ask_evidence,
    "identity": ask_identity,
}


async def edit_field(update: Update, context: BotContext) -> int:
    field = cb.IntakeEditField.parse(data_of(update)).field
    step = STEP_OF_FIELD.get(field)
    if step is None:
        raise BadCallback(field)
    await answer(update, context)
    user_data(context)[EDITING] = True
    if field == "evidence":
        draft = load_draft(context)
        draft.attachments, draft.location = [], None
        keep_draft(context, draft)
    choose(update, context)
    return await step(update, context)


async def back_to_summary(update: Update, context: BotContext) -> int:
    await answer(update, context)
    choose(update, context)
    return await show_summary(update, context)


async def send(update: Update, context: BotContext) -> int | None:
    pressed = cb.IntakeSend.parse(data_of(update))
    draft = load_draft(context)
    if pressed.draft != draft.id or not draft.complete():
        await answer(update, context, "lapor.stale", alert=True)
        return None
    if pressed.version != draft.version:
        await answer(update, context, "lapor.summary_changed", alert=True)
        return await show_summary(update, context)
    await answer(update, context)
    try:
        await intake.submit(context.runtime, context.actor, draft)
    except DailyLimitReached:
        ended = await forget_draft(update, context)
        await say(update, context, "lapor.limit", limit=context.runtime.settings.complaints_per_day)
        return ended
    # The confirmation with the number was queued with the complaint (exactly once, also
    # when this press is a second one for a complaint filed before a crash): it is this
    # step's one message, under the summary, which stays as it was sent.
    return await forget_draft(update, context)


async def send_after_end(update: Update, context: BotContext) -> None:
    """ "Kirim" again after the complaint was sent (double press, redelivered update):
    point to the complaint that exists instead of creating another."""
    pressed = cb.IntakeSend.parse(data_of(update))
    complaint = await intake.already_submitted(context.runtime, context.actor, pressed.draft)
    if complaint is None:
        await answer(update, context, "lapor.stale", alert=True)
        return
    await answer(update, context, "lapor.already_sent", alert=True, number=complaint.number)


async def cancel(update: Update, context: BotContext) -> int:
    await answer(update, context)
    ended = await forget_draft(update, context)
    if update.callback_query is not None:
        choose(update, context, t(language(context), "lapor.cancel"))
    await ask(update, context, "lapor.cancelled")
    return ended


# --- a screen that fell behind ---------------------------------------------------------


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
    show that step again, in one message (after a crash, the question on their screen may
    be an earlier one whose buttons no longer count)."""
    again = _current_step(context)
    if again is None:
        await say(update, context, "lapor.in_progress")
        return None
    note(context, "lapor.in_progress")
    return await again(update, context)


async def step_passed(update: Update, context: BotContext) -> int | None:
    """A button of the intake that the current step does not take (an earlier step's,
    left on the screen by a crash or scrolled back to): the current step is shown."""
    await answer(update, context, "lapor.step_passed", alert=True)
    again = _current_step(context)
    return None if again is None else await again(update, context)


def _current_step(context: BotContext) -> Callback[int] | None:
    """What shows the step the intake is stored at (None: nothing to show again)."""
    step = user_data(context).get(STEP)
    again = ASK.get(step) if isinstance(step, int) else None
    if step in (SUMMARY, EDIT) and not load_draft(context).complete():
        return None
    return again


# --- wiring ----------------------------------------------------------------------------


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
                # The identity question is edited into the summary: if a crash kept the
                # edit from landing, the citizen still sees the question and presses again.
                CallbackQueryHandler(identity_chosen, pattern=cb.IntakeIdentity.matches),
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
