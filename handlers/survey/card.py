"""The survey's session: the draft in ``user_data`` (persisted, so it survives a
restart), the card message the questionnaire runs on, and the 24-hour expiry measured with
``runtime.clock``."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import Application, ConversationHandler, filters

from bot.core.catalog import t
from bot.core.context import RUNTIME_KEY, BotContext
from bot.survey.rules import SurveyDraft
from handlers.core.replies import answer, edited, language, reply, say, with_notes
from handlers.core.updates import MissingPart, pressed_message, query_of, user_data

DRAFT = "survey_draft"
EDITING = "survey_editing"  # the unsur being answered again from the summary
CARD = "survey_card"  # message id of the survey card (replies to it belong to the survey)
END = ConversationHandler.END


def draft_of(context: BotContext) -> SurveyDraft | None:
    raw = user_data(context).get(DRAFT)
    return SurveyDraft.from_dict(raw) if raw else None


def open_draft(context: BotContext) -> SurveyDraft:
    """The draft of the survey in progress (its free-text states admit only a person with
    one: :class:`FreshSurvey`)."""
    draft = draft_of(context)
    if draft is None:
        raise MissingPart("survey draft")
    return draft


def save(context: BotContext, draft: SurveyDraft) -> None:
    draft.touched_at = context.runtime.now()
    user_data(context)[DRAFT] = draft.to_dict()


def forget(context: BotContext) -> None:
    for key in (DRAFT, EDITING, CARD):
        user_data(context).pop(key, None)


async def current(
    update: Update, context: BotContext, pressed_draft: str
) -> SurveyDraft | int | None:
    """The draft a press belongs to; otherwise what the conversation should return: the
    press is stale (stay), or the survey expired (end)."""
    draft = draft_of(context)
    if draft is not None and draft.expired(context.runtime.now()):
        forget(context)
        await answer(update, context)
        await say(update, context, "skm.expired")
        return END
    if draft is None or draft.id != pressed_draft:
        await answer(update, context, "skm.stale", alert=True)
        return None
    return draft


async def show(
    update: Update,
    context: BotContext,
    new: bool,
    key: str,
    markup: InlineKeyboardMarkup | None,
    **values: object,
) -> None:
    """Show a step on the survey card: the questionnaire runs in one message edited in
    place (nine questions would otherwise flood the chat); ``new`` starts a fresh card
    (with the notes taken for it)."""
    shown = pressed_message(update) if update.callback_query is not None else None
    text = with_notes(context, t(language(context), key, **values))
    if new or shown is None:
        sent = await reply(update, context, text, markup)
        if sent is not None:
            user_data(context)[CARD] = sent.message_id
        return
    user_data(context)[CARD] = shown.message_id
    query = query_of(update)
    await edited(
        lambda: query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    )


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
