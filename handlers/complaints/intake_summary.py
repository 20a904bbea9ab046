"""The end of the complaint intake: the summary, changing a field, sending, cancelling.

"Kirim" is idempotent: a second press, or the same update delivered twice, points to the
complaint that exists instead of creating another. It carries the version of the draft
the summary showed: a summary that no longer shows the stored draft (changed since, or a
crash lost what it showed) is refused and the current summary shown, so what is filed is
always what the citizen read.
"""

from __future__ import annotations

from telegram import Update

from bot.complaints import callbacks as cb
from bot.complaints import intake
from bot.complaints import keyboards as kb
from bot.complaints.intake import DailyLimitReached
from bot.core.callbacks import BadCallback
from bot.core.catalog import t
from bot.core.context import BotContext
from handlers.complaints.intake_steps import (
    EDIT,
    EDITING,
    SUMMARY,
    ask_category,
    ask_description,
    ask_evidence,
    ask_identity,
    ask_kelurahan,
    enter,
    forget_draft,
    load_draft,
    save_draft,
)
from handlers.core.replies import answer, language, say, settle_button
from handlers.core.updates import data_of, user_data


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
    await say(
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
    field = cb.IntakeEditField.parse(data_of(update)).field
    step = STEP_OF_FIELD.get(field)
    if step is None:
        raise BadCallback(field)
    await answer(update, context)
    user_data(context)[EDITING] = True
    if field == "evidence":
        draft = load_draft(context)
        draft.attachments, draft.location = [], None
        await save_draft(update, context, draft)
    return await step(update, context)


async def back_to_summary(update: Update, context: BotContext) -> int:
    await answer(update, context)
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
    # when this press is a second one for a complaint filed before a crash).
    ended = await forget_draft(update, context)
    await settle_button(update, context, t(language(context), "lapor.send"))
    return ended


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
        await settle_button(update, context, t(language(context), "lapor.cancel"))
    await say(update, context, "lapor.cancelled")
    return ended
