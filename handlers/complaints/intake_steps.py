"""The shared state of the complaint intake: the draft in ``user_data``, the
conversation states, and the question each step asks.

Each step stores before it shows (:func:`handlers.flows.store_now`): the changed draft
and the step the conversation moves to are written, in one transaction, before the next
question or the summary appears (:func:`keep_draft` changes the draft in memory only, for
a step whose :func:`enter` follows). A step shows itself in one chat-bound message
(``handlers.core.replies.ask``): after a button press the pressed question keeps the
choice in its record and shows the next question. Each stored change raises the draft's
``version``, which the summary's Kirim button carries, so a crash at any moment can neither
lose a step the citizen saw nor file a draft other than the summary they pressed."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ConversationHandler

from bot.complaints import keyboards as kb
from bot.complaints.intake import Draft
from bot.complaints.rules import DESCRIPTION_MAX, DESCRIPTION_MIN, MAX_ATTACHMENTS
from bot.core.catalog import t
from bot.core.context import BotContext
from handlers.core.flows import store_now
from handlers.core.replies import ask, language
from handlers.core.updates import user_data

(CONSENT, CATEGORY, CONDUCT_UNIT, KELURAHAN, DESCRIPTION, EVIDENCE, IDENTITY, SUMMARY, EDIT) = (
    range(9)
)
DRAFT = "complaint_draft"
EDITING = "complaint_editing"
#: The step the intake is at, kept with the draft: a citizen whose screen fell behind it
#: (a crash between storing a step and showing its question) is shown it again.
STEP = "complaint_step"
CONVERSATION = "complaint_intake"


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


async def ask_consent(update: Update, context: BotContext) -> int:
    await enter(update, context, CONSENT)
    await ask(update, context, "lapor.privacy", kb.consent(language(context)))
    return CONSENT


async def ask_category(update: Update, context: BotContext) -> int:
    await enter(update, context, CATEGORY)
    await ask(
        update, context, "lapor.category", kb.categories(language(context), context.runtime.office)
    )
    return CATEGORY


async def ask_conduct_unit(update: Update, context: BotContext) -> int:
    await enter(update, context, CONDUCT_UNIT)
    await ask(
        update,
        context,
        "lapor.conduct_unit",
        kb.conduct_units(language(context), context.runtime.office),
    )
    return CONDUCT_UNIT


async def ask_kelurahan(update: Update, context: BotContext) -> int:
    await enter(update, context, KELURAHAN)
    await ask(
        update, context, "lapor.kelurahan", kb.kelurahan(language(context), context.runtime.office)
    )
    return KELURAHAN


async def ask_description(update: Update, context: BotContext) -> int:
    category = context.runtime.office.category(load_draft(context).category or "")
    about_a_service = category is not None and category.invites_to_survey
    note = t(language(context), "lapor.service_window") if about_a_service else ""
    await enter(update, context, DESCRIPTION)
    await ask(
        update, context, "lapor.description", min=DESCRIPTION_MIN, max=DESCRIPTION_MAX, note=note
    )
    return DESCRIPTION


async def ask_evidence(update: Update, context: BotContext) -> int:
    await enter(update, context, EVIDENCE)
    await ask(
        update, context, "lapor.evidence", kb.evidence(language(context)), max=MAX_ATTACHMENTS
    )
    return EVIDENCE


async def ask_identity(update: Update, context: BotContext) -> int:
    await enter(update, context, IDENTITY)
    await ask(update, context, "lapor.identity", kb.identity(language(context)))
    return IDENTITY
