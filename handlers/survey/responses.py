"""The SKM survey conversation (private chat), as the citizen experiences it:

/survei, the main menu, an invitation button or the deep link ``?start=skm_<CODE>`` →
service (skipped when the link or invitation names it) → U1…U9 one at a time (buttons
"4 · Sangat mudah") → optional profile questions ("Lewati") → optional suggestion →
summary → Kirim.

The draft lives in ``user_data`` and the conversation is persistent, so an unfinished
survey survives a restart (:mod:`handlers.survey_card`). A draft untouched for 24 hours
(``runtime.clock``) is dropped at the next press; its free-text states stop listening, so
a late message goes on to the other handlers instead of being swallowed by a dead survey.
"""

from __future__ import annotations

import re

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.core.callbacks import BadCallback
from bot.core.catalog import t
from bot.core.context import BotContext
from bot.core.errors import NotFound
from bot.core.keyboards import MenuEntry
from bot.survey import callbacks as scb
from bot.survey import keyboards as kb
from bot.survey import responses as service
from bot.survey.responses import TooSoon
from bot.survey.rules import SUGGESTION_MAX, SurveyDraft, question_number
from handlers.complaints.followup import RATING_COMMENT
from handlers.core.flows import exclusive
from handlers.core.replies import answer, ask, choose, conclude, language, note, say
from handlers.core.updates import Handler, data_of, match_of, text_of, user_data
from handlers.survey import card

SERVICE, UNSUR, PROFILE_STEP, SUGGESTION, SUMMARY, EDIT = range(6)
LINK = re.compile(r"^/start skm_([A-Za-z0-9_]{1,20})$")
END = ConversationHandler.END

#: The survey's entry of the citizen main menu (wired in the application factory).
MENU_ENTRY = MenuEntry("menu.survey", scb.SurveyMenu())


# --- entry -----------------------------------------------------------------------------


async def _begin(
    update: Update,
    context: BotContext,
    source: str,
    service_code: str | None,
    complaint_id: int | None = None,
) -> int:
    card.forget(context)
    user_data(context).pop(RATING_COMMENT, None)  # the citizen moved on from the rating
    draft = SurveyDraft(source=source, complaint_id=complaint_id)
    card.save(context, draft)
    if service_code is not None:
        return await _choose(update, context, draft, service_code, picked=False)
    return await ask_service(update, context, draft)


async def _resume_or_begin(update: Update, context: BotContext, source: str) -> int:
    """/survei (or the menu) while a questionnaire is half answered: carry on where the
    citizen stopped, instead of throwing their answers away. (A link or an invitation
    names a service, so it starts that one afresh.)"""
    draft = card.draft_of(context)
    if (
        draft is None
        or draft.service is None
        or not draft.answers
        or draft.expired(context.runtime.now())
    ):
        return await _begin(update, context, source, None)
    chosen = service.service(context.runtime, draft.service)
    label = chosen.label(language(context)) if chosen else draft.service
    note(context, "skm.resumed", service=label)
    return await _next(update, context, draft, new=True)


async def start_command(update: Update, context: BotContext) -> int:
    return await _resume_or_begin(update, context, "command")


async def start_menu(update: Update, context: BotContext) -> int:
    await answer(update, context)
    return await _resume_or_begin(update, context, "menu")


async def start_link(update: Update, context: BotContext) -> int:
    code = match_of(context).group(1).upper()
    return await _begin(update, context, "link", code)


async def start_invite(update: Update, context: BotContext) -> int:
    pressed = scb.SurveyInvite.parse(data_of(update))
    await answer(update, context)
    linked = await service.complaint_link(context.runtime, context.actor, pressed.complaint_id)
    code = None if pressed.service == "-" else pressed.service
    return await _begin(update, context, "invite", code, linked)


# --- service ---------------------------------------------------------------------------


async def ask_service(
    update: Update,
    context: BotContext,
    draft: SurveyDraft,
    key: str = "skm.intro",
    **values: object,
) -> int:
    choices = service.services(context.runtime)
    if not choices:
        card.forget(context)
        await say(update, context, "skm.no_services")
        return END
    lang = language(context)
    await say(
        update,
        context,
        key,
        kb.services(lang, draft.id, choices),
        days=context.runtime.settings.survey_interval_days,
        **values,
    )
    return SERVICE


async def service_chosen(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveyService.parse(data_of(update))
    draft = await card.current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    return await _choose(update, context, draft, pressed.service, picked=True)


async def _choose(
    update: Update, context: BotContext, draft: SurveyDraft, code: str, picked: bool
) -> int:
    """The service is known: from the picker (``picked``), a link or an invitation."""
    lang = language(context)
    try:
        chosen = await service.check_may_answer(context.runtime, context.actor, code)
    except NotFound:
        if picked:
            raise BadCallback(code) from None
        return await ask_service(update, context, draft, "skm.unknown_service", code=code)
    except TooSoon as soon:
        if picked:  # the picker records the service and says when it may be rated
            await answer(update, context)
            choose(update, context, service.service(context.runtime, code).label(lang))
        card.forget(context)
        await ask(
            update,
            context,
            "skm.too_soon",
            service=service.service(context.runtime, code).label(lang),
            last=kb.day(context, soon.last),
            next=kb.day(context, soon.next_at),
        )
        return END
    if picked:  # the picker becomes the card: its first question names the service
        await answer(update, context)
    draft.service = chosen.code
    card.save(context, draft)
    return await _next(update, context, draft, new=not picked)


# --- the nine unsur --------------------------------------------------------------------


async def _next(update: Update, context: BotContext, draft: SurveyDraft, new: bool = False) -> int:
    """The next unanswered question, or the summary."""
    if user_data(context).pop(card.EDITING, None) is None:
        if (unsur := draft.next_unsur()) is not None:
            return await ask_unsur(update, context, draft, unsur, new)
        if (profile := draft.next_profile()) is not None:
            return await ask_profile(update, context, draft, profile, new)
        if not draft.suggestion_done:
            await card.show(
                update,
                context,
                new,
                "skm.suggestion",
                kb.skip_suggestion(language(context), draft.id),
                max=SUGGESTION_MAX,
            )
            return SUGGESTION
    return await show_summary(update, context, draft, new)


async def ask_unsur(
    update: Update, context: BotContext, draft: SurveyDraft, key: str, new: bool = False
) -> int:
    lang = language(context)
    chosen = service.service(context.runtime, draft.service)
    await card.show(
        update,
        context,
        new,
        "skm.question",
        kb.scores(lang, draft.id, key),
        service=chosen.label(lang),
        n=question_number(key),
        name=t(lang, f"skm.{key}.name"),
        question=t(lang, f"skm.{key}.q"),
    )
    return UNSUR


async def unsur_answered(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveyAnswer.parse(data_of(update))
    draft = await card.current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    asking = user_data(context).get(card.EDITING) or draft.next_unsur()
    if pressed.unsur != asking:
        await answer(update, context, "skm.stale", alert=True)
        return None
    try:
        draft.answer(pressed.unsur, pressed.score)
    except ValueError:
        raise BadCallback(data_of(update)) from None
    await answer(update, context)
    card.save(context, draft)
    return await _next(update, context, draft)


# --- profile and suggestion ------------------------------------------------------------


async def ask_profile(
    update: Update, context: BotContext, draft: SurveyDraft, name: str, new: bool = False
) -> int:
    await card.show(
        update, context, new, f"skm.profile.{name}", kb.profile(language(context), draft.id, name)
    )
    return PROFILE_STEP


async def profile_chosen(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveyProfile.parse(data_of(update))
    draft = await card.current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    if pressed.field != draft.next_profile():
        await answer(update, context, "skm.stale", alert=True)
        return None
    try:
        draft.set_profile(pressed.field, pressed.value)
    except ValueError:
        raise BadCallback(data_of(update)) from None
    await answer(update, context)
    card.save(context, draft)
    return await _next(update, context, draft)


async def suggestion_given(update: Update, context: BotContext) -> int:
    draft = card.open_draft(context)
    text = text_of(update).strip()
    if len(text) > SUGGESTION_MAX:
        await say(update, context, "skm.suggestion_too_long", length=len(text), max=SUGGESTION_MAX)
        return SUGGESTION
    draft.suggestion = text or None
    draft.suggestion_done = True
    card.save(context, draft)
    return await show_summary(update, context, draft)


async def suggestion_not_text(update: Update, context: BotContext) -> int:
    await say(update, context, "skm.suggestion_text_only")
    return SUGGESTION


async def suggestion_skipped(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveySkipSuggestion.parse(data_of(update))
    draft = await card.current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    await answer(update, context)
    draft.suggestion, draft.suggestion_done = None, True
    card.save(context, draft)
    return await show_summary(update, context, draft)


# --- summary, edit, send ---------------------------------------------------------------


async def show_summary(
    update: Update, context: BotContext, draft: SurveyDraft, new: bool = False
) -> int:
    lang = language(context)
    chosen = service.service(context.runtime, draft.service)
    await card.show(
        update,
        context,
        new,
        "skm.summary",
        kb.summary(lang, draft.id),
        service=chosen.label(lang),
        answers=kb.answer_lines(lang, draft),
        profile=kb.profile_summary(lang, draft),
        suggestion=draft.suggestion or t(lang, "skm.none"),
    )
    return SUMMARY


async def edit_menu(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveyEdit.parse(data_of(update))
    draft = await card.current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    await answer(update, context)
    await card.show(
        update, context, False, "skm.edit_which", kb.edit_choices(language(context), draft)
    )
    return EDIT


async def edit_unsur(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveyEditUnsur.parse(data_of(update))
    draft = await card.current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    if pressed.unsur not in draft.answers:
        raise BadCallback(pressed.unsur)
    await answer(update, context)
    user_data(context)[card.EDITING] = pressed.unsur
    return await ask_unsur(update, context, draft, pressed.unsur)


async def back_to_summary(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveyBack.parse(data_of(update))
    draft = await card.current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    await answer(update, context)
    return await show_summary(update, context, draft)


async def send(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveySend.parse(data_of(update))
    draft = await card.current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    lang = language(context)
    try:
        submitted = await service.submit(context.runtime, context.actor, draft)
    except service.Incomplete:
        await answer(update, context, "skm.stale", alert=True)
        return None
    except TooSoon as soon:
        await answer(update, context)
        card.forget(context)
        await say(
            update,
            context,
            "skm.too_soon",
            service=service.service(context.runtime, draft.service).label(lang),
            last=kb.day(context, soon.last),
            next=kb.day(context, soon.next_at),
        )
        return END
    await answer(update, context)
    card.forget(context)
    thanks = t(
        lang,
        "skm.thanks",
        service=submitted.service.label(lang),
        next=kb.day(context, submitted.next_at),
    )
    await conclude(update, context, t(lang, "skm.send"), thanks)  # the summary stays
    return END


async def send_after_end(update: Update, context: BotContext) -> None:
    """ "Kirim" again after the survey was sent (double press): it is already stored."""
    pressed = scb.SurveySend.parse(data_of(update))
    if await service.was_sent(context.runtime, context.actor, pressed.draft):
        await answer(update, context, "skm.already_sent", alert=True)
    else:
        await answer(update, context, "skm.stale", alert=True)


async def cancel(update: Update, context: BotContext) -> int:
    lang = language(context)
    await answer(update, context)
    card.forget(context)
    await conclude(update, context, t(lang, "skm.cancel"), t(lang, "skm.cancelled"))
    return END


async def cancel_button(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveyCancel.parse(data_of(update))
    draft = await card.current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    return await cancel(update, context)


async def use_buttons(update: Update, context: BotContext) -> None:
    await say(update, context, "skm.use_buttons")


# --- wiring ----------------------------------------------------------------------------


def conversation(application: Application) -> ConversationHandler:
    private = filters.ChatType.PRIVATE
    fresh = private & card.FreshSurvey(application)
    text = filters.TEXT & ~filters.COMMAND
    reminder: Handler = MessageHandler(fresh & ~filters.COMMAND, use_buttons)
    cancel_press: Handler = CallbackQueryHandler(cancel_button, pattern=scb.SurveyCancel.matches)
    return ConversationHandler(
        entry_points=[
            CommandHandler("survei", exclusive(card.DRAFT)(start_command), private),
            CommandHandler(
                "start", exclusive(card.DRAFT)(start_link), private & filters.Regex(LINK)
            ),
            CallbackQueryHandler(exclusive(card.DRAFT)(start_menu), pattern=scb.SurveyMenu.matches),
            CallbackQueryHandler(
                exclusive(card.DRAFT)(start_invite), pattern=scb.SurveyInvite.matches
            ),
        ],
        states={
            SERVICE: [
                CallbackQueryHandler(service_chosen, pattern=scb.SurveyService.matches),
                cancel_press,
                reminder,
            ],
            UNSUR: [
                CallbackQueryHandler(unsur_answered, pattern=scb.SurveyAnswer.matches),
                cancel_press,
                reminder,
            ],
            PROFILE_STEP: [
                CallbackQueryHandler(profile_chosen, pattern=scb.SurveyProfile.matches),
                cancel_press,
                reminder,
            ],
            SUGGESTION: [
                MessageHandler(fresh & text, suggestion_given),
                CallbackQueryHandler(suggestion_skipped, pattern=scb.SurveySkipSuggestion.matches),
                MessageHandler(fresh & ~filters.COMMAND, suggestion_not_text),
                cancel_press,
            ],
            SUMMARY: [
                CallbackQueryHandler(send, pattern=scb.SurveySend.matches),
                CallbackQueryHandler(edit_menu, pattern=scb.SurveyEdit.matches),
                cancel_press,
                reminder,
            ],
            EDIT: [
                CallbackQueryHandler(edit_unsur, pattern=scb.SurveyEditUnsur.matches),
                CallbackQueryHandler(back_to_summary, pattern=scb.SurveyBack.matches),
                cancel_press,
                reminder,
            ],
        },
        fallbacks=[CommandHandler("batal", cancel, private)],
        name="skm_survey",
        persistent=True,
        allow_reentry=True,
    )


def register(application: Application) -> None:
    application.add_handler(conversation(application))
    application.add_handler(CallbackQueryHandler(send_after_end, pattern=scb.SurveySend.matches))
