"""Small reply helpers of the activity handlers."""

from __future__ import annotations

import functools
from datetime import datetime
from typing import TypeVar

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

from bot.activities.changes import Closed
from bot.activities.common import renderer
from bot.activities.input import InputError, When, parse_when
from bot.core.catalog import Markup
from bot.core.clock import to_epoch
from bot.core.context import BotContext
from bot.core.errors import NotFound
from handlers.core.replies import answer, language, note, say
from handlers.core.updates import Callback, query_of, text_of

R = TypeVar("R")


async def explain(update: Update, context: BotContext, error: InputError) -> None:
    """Say what was wrong with the input (the step then asks again); a moment in the
    explanation (the past date as it was read) is written out in full."""
    lang = language(context)
    draw = renderer(context.runtime)
    values = {
        key: draw.when(lang, to_epoch(value)) if isinstance(value, datetime) else value
        for key, value in error.values.items()
    }
    await say(
        update,
        context,
        f"actin.{error.reason}",
        now=draw.when(lang, context.runtime.now()),
        **values,
    )


async def read_when(update: Update, context: BotContext) -> When | None:
    """The start time typed in the message, or None after explaining what was wrong (the
    step then asks again)."""
    runtime = context.runtime
    try:
        return parse_when(text_of(update), runtime.clock.now(), runtime.settings.zone)
    except InputError as error:
        await explain(update, context, error)
        return None


def year_assumed(context: BotContext, when: When) -> None:
    """A date typed without a year that had passed this year was taken as next year's:
    say so (a note to the step's next message), the organiser may have meant something
    else."""
    if when.assumed_year is not None:
        note(context, "actin.when.year_assumed", year=when.assumed_year)


async def replace(
    update: Update, context: BotContext, text: Markup, markup: InlineKeyboardMarkup | None
) -> None:
    """Replace the pressed message (a card, an invitation, a checklist) in place; an
    identical text (a repeated press) is not an error."""
    try:
        await query_of(update).edit_message_text(
            str(text), parse_mode=ParseMode.HTML, reply_markup=markup
        )
    except BadRequest as exc:
        if "not modified" not in str(exc).lower():
            raise


def press_guard(handler: Callback[R]) -> Callback[R | None]:
    """Presses on activities that do not exist (forged ids) or are closed get a clear
    alert instead of a generic error; rights are still checked by the services."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: BotContext) -> R | None:
        try:
            return await handler(update, context)
        except NotFound:
            await answer(update, context, "error.button_unknown", alert=True)
        except Closed as closed:
            await answer(update, context, f"act.closed.{closed.reason}", alert=True)
        return None

    return guarded
