"""The SKM survey conversation (private chat), as the citizen experiences it:

/survei, the main menu, an invitation button or the deep link ``?start=skm_<CODE>`` →
service (skipped when the link or invitation names it) → U1…U9 one at a time (buttons
"4 · Sangat mudah") → optional profile questions ("Lewati") → optional suggestion →
summary → Kirim.

The draft lives in ``user_data`` and the conversation is persistent, so an unfinished
survey survives a restart. A draft untouched for 24 hours (``runtime.clock``) is dropped
at the next press; its free-text states stop listening, so a late message goes on to the
other handlers instead of being swallowed by a dead survey.
"""

from __future__ import annotations

import re

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot import survey_callbacks as scb
from bot.callbacks import BadCallback
from bot.context import RUNTIME_KEY, BotContext
from bot.keyboards import MenuEntry, add_menu_entry
from bot.services import NotFound
from bot.services import survey as service
from bot.services.survey import TooSoon
from bot.skm import SUGGESTION_MAX, SurveyDraft, question_number
from bot.texts import Markup, t
from handlers import survey_keyboards as kb
from handlers.citizen_complaints import RATING_COMMENT
from handlers.replies import answer, language, say

SERVICE, UNSUR, PROFILE_STEP, SUGGESTION, SUMMARY, EDIT = range(6)
DRAFT = "survey_draft"
EDITING = "survey_editing"  # the unsur being answered again from the summary
CARD = "survey_card"  # message id of the survey card (replies to it belong to the survey)
LINK = re.compile(r"^/start skm_([A-Za-z0-9_]{1,20})$")
END = ConversationHandler.END

add_menu_entry(MenuEntry("menu.survey", scb.SurveyMenu()))


# --- the draft -------------------------------------------------------------------------

def _draft(context: BotContext) -> SurveyDraft | None:
    raw = context.user_data.get(DRAFT)
    return SurveyDraft.from_dict(raw) if raw else None


def _save(context: BotContext, draft: SurveyDraft) -> None:
    draft.touched_at = context.runtime.now()
    context.user_data[DRAFT] = draft.to_dict()


def _forget(context: BotContext) -> None:
    for key in (DRAFT, EDITING, CARD):
        context.user_data.pop(key, None)


async def _current(update: Update, context: BotContext, pressed_draft: str
                   ) -> SurveyDraft | int | None:
    """The draft a press belongs to; otherwise what the conversation should return: the
    press is stale (stay), or the survey expired (end)."""
    draft = _draft(context)
    if draft is not None and draft.expired(context.runtime.now()):
        _forget(context)
        await answer(update, context)
        await say(update, context, "skm.expired")
        return END
    if draft is None or draft.id != pressed_draft:
        await answer(update, context, "skm.stale", alert=True)
        return None
    return draft


async def _card(update: Update, context: BotContext, new: bool, key: str,
                markup: InlineKeyboardMarkup | None, **values: object) -> None:
    """Show a step on the survey card: the questionnaire runs in one message edited in
    place (nine questions would otherwise flood the chat); ``new`` starts a fresh card."""
    query = update.callback_query
    if new or query is None or query.message is None:
        sent = await say(update, context, key, markup, **values)
        if sent is not None:
            context.user_data[CARD] = sent.message_id
        return
    context.user_data[CARD] = query.message.message_id
    await query.edit_message_text(t(language(context), key, **values),
                                  parse_mode=ParseMode.HTML, reply_markup=markup)


async def _settle(update: Update, context: BotContext, choice: str) -> None:
    """Answer the press and note the choice under the question, without its buttons."""
    query = update.callback_query
    await query.answer()
    if query.message is not None and query.message.text_html is not None:
        await query.edit_message_text(
            t(language(context), "skm.chosen", text=_html(query.message.text_html),
              choice=choice), parse_mode=ParseMode.HTML)


def _html(text: str) -> Markup:
    return Markup(text)  # the bot's own message, already HTML


# --- entry -----------------------------------------------------------------------------

async def _begin(update: Update, context: BotContext, source: str, service_code: str | None,
                 complaint_id: int | None = None) -> int:
    _forget(context)
    context.user_data.pop(RATING_COMMENT, None)  # the citizen moved on from the rating
    draft = SurveyDraft(source=source, complaint_id=complaint_id)
    _save(context, draft)
    if service_code is not None:
        return await _choose(update, context, draft, service_code, picked=False)
    return await ask_service(update, context, draft)


async def start_command(update: Update, context: BotContext) -> int:
    return await _begin(update, context, "command", None)


async def start_menu(update: Update, context: BotContext) -> int:
    await answer(update, context)
    return await _begin(update, context, "menu", None)


async def start_link(update: Update, context: BotContext) -> int:
    code = LINK.match(update.effective_message.text.strip()).group(1).upper()
    return await _begin(update, context, "link", code)


async def start_invite(update: Update, context: BotContext) -> int:
    pressed = scb.SurveyInvite.parse(update.callback_query.data)
    await answer(update, context)
    linked = await service.complaint_link(context.runtime, context.actor, pressed.complaint_id)
    code = None if pressed.service == "-" else pressed.service
    return await _begin(update, context, "invite", code, linked)


# --- service ---------------------------------------------------------------------------

async def ask_service(update: Update, context: BotContext, draft: SurveyDraft,
                      key: str = "skm.intro", **values: object) -> int:
    choices = service.services(context.runtime)
    if not choices:
        _forget(context)
        await say(update, context, "skm.no_services")
        return END
    lang = language(context)
    await say(update, context, key, kb.services(lang, draft.id, choices),
              days=context.runtime.settings.survey_interval_days, **values)
    return SERVICE


async def service_chosen(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveyService.parse(update.callback_query.data)
    draft = await _current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    return await _choose(update, context, draft, pressed.service, picked=True)


async def _choose(update: Update, context: BotContext, draft: SurveyDraft, code: str,
                  picked: bool) -> int:
    """The service is known: from the picker (``picked``), a link or an invitation."""
    lang = language(context)
    try:
        chosen = await service.check_may_answer(context.runtime, context.actor, code)
    except NotFound:
        if picked:
            raise BadCallback(code) from None
        return await ask_service(update, context, draft, "skm.unknown_service", code=code)
    except TooSoon as soon:
        if picked:
            await _settle(update, context, service.service(context.runtime, code).label(lang))
        _forget(context)
        await say(update, context, "skm.too_soon", service=service.service(
            context.runtime, code).label(lang), last=kb.day(context, soon.last),
            next=kb.day(context, soon.next_at))
        return END
    if picked:
        await _settle(update, context, chosen.label(lang))
    draft.service = chosen.code
    _save(context, draft)
    return await _next(update, context, draft, new=True)


# --- the nine unsur --------------------------------------------------------------------

async def _next(update: Update, context: BotContext, draft: SurveyDraft,
                new: bool = False) -> int:
    """The next unanswered question, or the summary."""
    if context.user_data.pop(EDITING, None) is None:
        if draft.next_unsur() is not None:
            return await ask_unsur(update, context, draft, draft.next_unsur(), new)
        if draft.next_profile() is not None:
            return await ask_profile(update, context, draft, new)
        if not draft.suggestion_done:
            await _card(update, context, new, "skm.suggestion", kb.skip_suggestion(
                language(context), draft.id), max=SUGGESTION_MAX)
            return SUGGESTION
    return await show_summary(update, context, draft, new)


async def ask_unsur(update: Update, context: BotContext, draft: SurveyDraft, key: str,
                    new: bool = False) -> int:
    lang = language(context)
    chosen = service.service(context.runtime, draft.service)
    await _card(update, context, new, "skm.question", kb.scores(lang, draft.id, key),
                service=chosen.label(lang), n=question_number(key),
                name=t(lang, f"skm.{key}.name"), question=t(lang, f"skm.{key}.q"))
    return UNSUR


async def unsur_answered(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveyAnswer.parse(update.callback_query.data)
    draft = await _current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    asking = context.user_data.get(EDITING) or draft.next_unsur()
    if pressed.unsur != asking:
        await answer(update, context, "skm.stale", alert=True)
        return None
    try:
        draft.answer(pressed.unsur, pressed.score)
    except ValueError:
        raise BadCallback(update.callback_query.data) from None
    await answer(update, context)
    _save(context, draft)
    return await _next(update, context, draft)


# --- profile and suggestion ------------------------------------------------------------

async def ask_profile(update: Update, context: BotContext, draft: SurveyDraft,
                      new: bool = False) -> int:
    name = draft.next_profile()
    await _card(update, context, new, f"skm.profile.{name}",
                kb.profile(language(context), draft.id, name))
    return PROFILE_STEP


async def profile_chosen(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveyProfile.parse(update.callback_query.data)
    draft = await _current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    if pressed.field != draft.next_profile():
        await answer(update, context, "skm.stale", alert=True)
        return None
    try:
        draft.set_profile(pressed.field, pressed.value)
    except ValueError:
        raise BadCallback(update.callback_query.data) from None
    await answer(update, context)
    _save(context, draft)
    return await _next(update, context, draft)


async def suggestion_given(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    text = update.message.text.strip()
    if len(text) > SUGGESTION_MAX:
        await say(update, context, "skm.suggestion_too_long", length=len(text),
                  max=SUGGESTION_MAX)
        return SUGGESTION
    draft.suggestion = text or None
    draft.suggestion_done = True
    _save(context, draft)
    return await show_summary(update, context, draft)


async def suggestion_not_text(update: Update, context: BotContext) -> int:
    await say(update, context, "skm.suggestion_text_only")
    return SUGGESTION


async def suggestion_skipped(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveySkipSuggestion.parse(update.callback_query.data)
    draft = await _current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    await answer(update, context)
    draft.suggestion, draft.suggestion_done = None, True
    _save(context, draft)
    return await show_summary(update, context, draft)


# --- summary, edit, send ---------------------------------------------------------------

async def show_summary(update: Update, context: BotContext, draft: SurveyDraft,
                       new: bool = False) -> int:
    lang = language(context)
    chosen = service.service(context.runtime, draft.service)
    await _card(update, context, new, "skm.summary", kb.summary(lang, draft.id),
              service=chosen.label(lang), answers=kb.answer_lines(lang, draft),
              profile=kb.profile_summary(lang, draft),
              suggestion=draft.suggestion or t(lang, "skm.none"))
    return SUMMARY


async def edit_menu(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveyEdit.parse(update.callback_query.data)
    draft = await _current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    await answer(update, context)
    await _card(update, context, False, "skm.edit_which",
                kb.edit_choices(language(context), draft))
    return EDIT


async def edit_unsur(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveyEditUnsur.parse(update.callback_query.data)
    draft = await _current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    if pressed.unsur not in draft.answers:
        raise BadCallback(pressed.unsur)
    await answer(update, context)
    context.user_data[EDITING] = pressed.unsur
    return await ask_unsur(update, context, draft, pressed.unsur)


async def back_to_summary(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveyBack.parse(update.callback_query.data)
    draft = await _current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    await answer(update, context)
    return await show_summary(update, context, draft)


async def send(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveySend.parse(update.callback_query.data)
    draft = await _current(update, context, pressed.draft)
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
        _forget(context)
        await say(update, context, "skm.too_soon",
                  service=service.service(context.runtime, draft.service).label(lang),
                  last=kb.day(context, soon.last), next=kb.day(context, soon.next_at))
        return END
    await _settle(update, context, t(lang, "skm.send"))
    _forget(context)
    await say(update, context, "skm.thanks", service=submitted.service.label(lang),
              next=kb.day(context, submitted.next_at))
    return END


async def send_after_end(update: Update, context: BotContext) -> None:
    """"Kirim" again after the survey was sent (double press): it is already stored."""
    pressed = scb.SurveySend.parse(update.callback_query.data)
    if await service.was_sent(context.runtime, context.actor, pressed.draft):
        await answer(update, context, "skm.already_sent", alert=True)
    else:
        await answer(update, context, "skm.stale", alert=True)


async def cancel(update: Update, context: BotContext) -> int:
    if update.callback_query is not None:
        await _settle(update, context, t(language(context), "skm.cancel"))
    _forget(context)
    await say(update, context, "skm.cancelled")
    return END


async def cancel_button(update: Update, context: BotContext) -> int | None:
    pressed = scb.SurveyCancel.parse(update.callback_query.data)
    draft = await _current(update, context, pressed.draft)
    if not isinstance(draft, SurveyDraft):
        return draft
    return await cancel(update, context)


async def use_buttons(update: Update, context: BotContext) -> None:
    await say(update, context, "skm.use_buttons")


# --- wiring ----------------------------------------------------------------------------

class FreshSurvey(filters.UpdateFilter):
    """True while the sender has a survey draft younger than 24 hours, for a message that
    is not a reply to another bot message: a late message, or a reply about a complaint,
    goes on to the other handlers instead of being taken by the survey."""

    def __init__(self, application: Application) -> None:
        super().__init__(name="FreshSurvey")
        self._application = application

    def filter(self, update: Update) -> bool:
        user = update.effective_user
        if user is None:
            return False
        data = self._application.user_data.get(user.id) or {}
        raw = data.get(DRAFT)
        if not raw:
            return False
        message = update.effective_message
        replied = message.reply_to_message if message is not None else None
        if replied is not None and replied.message_id != data.get(CARD):
            return False
        runtime = self._application.bot_data[RUNTIME_KEY]
        return not SurveyDraft.from_dict(raw).expired(runtime.now())


def conversation(application: Application) -> ConversationHandler:
    private = filters.ChatType.PRIVATE
    fresh = private & FreshSurvey(application)
    text = filters.TEXT & ~filters.COMMAND
    reminder = MessageHandler(fresh & ~filters.COMMAND, use_buttons)
    cancel_press = CallbackQueryHandler(cancel_button, pattern=scb.SurveyCancel.matches)
    return ConversationHandler(
        entry_points=[
            CommandHandler("survei", start_command, private),
            CommandHandler("start", start_link, private & filters.Regex(LINK)),
            CallbackQueryHandler(start_menu, pattern=scb.SurveyMenu.matches),
            CallbackQueryHandler(start_invite, pattern=scb.SurveyInvite.matches),
        ],
        states={
            SERVICE: [CallbackQueryHandler(service_chosen, pattern=scb.SurveyService.matches),
                      cancel_press, reminder],
            UNSUR: [CallbackQueryHandler(unsur_answered, pattern=scb.SurveyAnswer.matches),
                    cancel_press, reminder],
            PROFILE_STEP: [CallbackQueryHandler(profile_chosen, pattern=scb.SurveyProfile.matches),
                           cancel_press, reminder],
            SUGGESTION: [
                MessageHandler(fresh & text, suggestion_given),
                CallbackQueryHandler(suggestion_skipped,
                                     pattern=scb.SurveySkipSuggestion.matches),
                MessageHandler(fresh & ~filters.COMMAND, suggestion_not_text),
                cancel_press,
            ],
            SUMMARY: [CallbackQueryHandler(send, pattern=scb.SurveySend.matches),
                      CallbackQueryHandler(edit_menu, pattern=scb.SurveyEdit.matches),
                      cancel_press, reminder],
            EDIT: [CallbackQueryHandler(edit_unsur, pattern=scb.SurveyEditUnsur.matches),
                   CallbackQueryHandler(back_to_summary, pattern=scb.SurveyBack.matches),
                   cancel_press, reminder],
        },
        fallbacks=[CommandHandler("batal", cancel, private)],
        name="skm_survey",
        persistent=True,
        allow_reentry=True,
    )


def register(application: Application) -> None:
    application.add_handler(conversation(application))
    application.add_handler(CallbackQueryHandler(send_after_end, pattern=scb.SurveySend.matches))

