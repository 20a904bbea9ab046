"""The shared state of the complaint intake: the draft in ``user_data``, the
conversation states, and the question each step asks."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode

from bot.complaint_rules import DESCRIPTION_MAX, DESCRIPTION_MIN, MAX_ATTACHMENTS
from bot.context import BotContext
from bot.services.complaint_intake import Draft
from bot.texts import chosen, t
from handlers import intake_keyboards as kb
from handlers.replies import language, say

(CONSENT, CATEGORY, CONDUCT_UNIT, KELURAHAN, DESCRIPTION, EVIDENCE, IDENTITY, SUMMARY, EDIT) = (
    range(9)
)
DRAFT = "complaint_draft"
EDITING = "complaint_editing"


def load_draft(context: BotContext) -> Draft:
    return Draft.from_dict(context.user_data.get(DRAFT) or {})


def save_draft(context: BotContext, draft: Draft) -> None:
    context.user_data[DRAFT] = draft.to_dict()


def forget_draft(context: BotContext) -> None:
    context.user_data.pop(DRAFT, None)
    context.user_data.pop(EDITING, None)


async def settle_button(update: Update, context: BotContext, choice: str) -> None:
    """Answer the press and record the choice under the step's question."""
    query = update.callback_query
    await query.answer()
    if query.message is not None and query.message.text_html is not None:
        await query.edit_message_text(chosen(query.message.text_html, choice),
                                      parse_mode=ParseMode.HTML)


async def ask_category(update: Update, context: BotContext) -> int:
    await say(
        update, context, "lapor.category", kb.categories(language(context), context.runtime.office)
    )
    return CATEGORY


async def ask_kelurahan(update: Update, context: BotContext) -> int:
    await say(
        update, context, "lapor.kelurahan", kb.kelurahan(language(context), context.runtime.office)
    )
    return KELURAHAN


async def ask_description(update: Update, context: BotContext) -> int:
    category = context.runtime.office.category(load_draft(context).category or "")
    about_a_service = category is not None and category.invites_to_survey
    note = t(language(context), "lapor.service_window") if about_a_service else ""
    await say(update, context, "lapor.description", min=DESCRIPTION_MIN, max=DESCRIPTION_MAX,
              note=note)
    return DESCRIPTION


async def ask_evidence(update: Update, context: BotContext) -> int:
    await say(
        update, context, "lapor.evidence", kb.evidence(language(context)), max=MAX_ATTACHMENTS
    )
    return EVIDENCE


async def ask_identity(update: Update, context: BotContext) -> int:
    await say(update, context, "lapor.identity", kb.identity(language(context)))
    return IDENTITY
