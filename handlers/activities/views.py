"""/kegiatan (staff): upcoming activities as cards with live answer counts; for the
organiser and supervisors the buttons "Peserta", "Ubah waktu", "Ubah tempat", "Batalkan".

Changing the time or place asks for the new value in the private chat (a small
persisted conversation); wrong input is explained and asked again. Every press is
authorised on the server (the services raise NotAllowed)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from telegram import Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.activities import callbacks as acb
from bot.activities import changes, views
from bot.activities import keyboards as kb
from bot.activities.changes import Closed
from bot.activities.common import Loaded, card_view, load_managed, renderer
from bot.activities.input import InputError, When
from bot.core.catalog import join, t
from bot.core.context import BotContext
from bot.people.directory import Actor
from bot.people.roles import Permission
from handlers.activities.replies import explain, press_guard, read_when, replace, year_assumed
from handlers.core.flows import exclusive
from handlers.core.guards import requires
from handlers.core.replies import answer, language, reply, say
from handlers.core.updates import data_of, text_of, user_data

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

NEW_TIME, NEW_PLACE = range(2)
EDITING = "activity_editing"


@requires(Permission.STAFF_TOOLS)
async def kegiatan(update: Update, context: BotContext) -> None:
    runtime = context.runtime
    found = await views.upcoming_for(runtime, context.actor)
    lang = language(context)
    title = t(lang, "act.list_title", count=len(found)) if found else t(lang, "act.list_empty")
    if context.actor.can(Permission.UNIT_REPORTS):  # organisers: where attendance lives
        title = join([title, t(lang, "actcor.finished_hint")])
    await reply(update, context, title)
    for loaded in found:
        text, markup = await card_view(runtime, runtime.db, loaded, context.actor)
        sent = await reply(update, context, text, markup)
        if sent is not None:
            await views.remember_card(runtime, sent.chat_id, sent.message_id, loaded.activity.id)


@press_guard
@requires(Permission.STAFF_TOOLS)
async def participants(update: Update, context: BotContext) -> None:
    pressed = acb.Participants.parse(data_of(update))
    found = await views.participants(context.runtime, context.actor, pressed.activity_id)
    await answer(update, context)
    await reply(
        update,
        context,
        renderer(context.runtime).participants(
            language(context), found.loaded.activity, found.invited, found.counts
        ),
    )


# --- cancellation ------------------------------------------------------------------------


@press_guard
@requires(Permission.STAFF_TOOLS)
async def cancel_ask(update: Update, context: BotContext) -> None:
    pressed = acb.CancelAsk.parse(data_of(update))
    loaded = await load_managed(context.runtime.db, context.actor, pressed.activity_id)
    await answer(update, context)
    lang = language(context)
    await say(
        update,
        context,
        "act.cancel_confirm",
        kb.cancel_confirm(lang, loaded.activity.id),
        title=loaded.activity.title,
        when=renderer(context.runtime).when(lang, loaded.activity.starts_at),
    )


@press_guard
@requires(Permission.STAFF_TOOLS)
async def cancel_confirm(update: Update, context: BotContext) -> None:
    pressed = acb.CancelConfirm.parse(data_of(update))
    loaded = await changes.cancel(context.runtime, context.actor, pressed.activity_id)
    await answer(update, context)
    await replace(
        update, context, t(language(context), "act.cancel_done", title=loaded.activity.title), None
    )


async def cancel_keep(update: Update, context: BotContext) -> None:
    await answer(update, context)
    await replace(update, context, t(language(context), "act.cancel_kept"), None)


# --- change of time or place -------------------------------------------------------------


@press_guard
@requires(Permission.STAFF_TOOLS)
async def ask_time(update: Update, context: BotContext) -> int:
    return await _ask(update, context, acb.ChangeTime, "act.ask_time", NEW_TIME)


@press_guard
@requires(Permission.STAFF_TOOLS)
async def ask_place(update: Update, context: BotContext) -> int:
    return await _ask(update, context, acb.ChangePlace, "act.ask_place", NEW_PLACE)


async def _ask(
    update: Update,
    context: BotContext,
    record: type[acb.ChangeTime | acb.ChangePlace],
    key: str,
    state: int,
) -> int:
    pressed = record.parse(data_of(update))
    runtime = context.runtime
    loaded = await changes.open_for_change(runtime, context.actor, pressed.activity_id)
    await answer(update, context)
    user_data(context)[EDITING] = loaded.activity.id
    lang = language(context)
    await say(
        update,
        context,
        key,
        title=loaded.activity.title,
        place=loaded.activity.place,
        when=renderer(runtime).when(lang, loaded.activity.starts_at),
    )
    return state


async def time_given(update: Update, context: BotContext) -> int:
    when = await read_when(update, context)
    if when is None:
        return NEW_TIME

    async def move(runtime: Runtime, actor: Actor, activity_id: int, _text: str) -> Loaded:
        return await changes.move(runtime, actor, activity_id, when.moment)

    return await _apply(update, context, move, NEW_TIME, "act.moved_done", when=when)


async def place_given(update: Update, context: BotContext) -> int:
    return await _apply(update, context, changes.relocate, NEW_PLACE, "act.relocated_done")


async def _apply(
    update: Update,
    context: BotContext,
    change: Callable[[Runtime, Actor, int, str], Awaitable[Loaded]],
    state: int,
    done: str,
    when: When | None = None,
) -> int:
    activity_id = user_data(context).get(EDITING)
    if activity_id is None:
        return ConversationHandler.END
    try:
        loaded = await change(context.runtime, context.actor, activity_id, text_of(update))
    except InputError as error:
        await explain(update, context, error)
        return state
    except Closed as closed:
        user_data(context).pop(EDITING, None)
        await say(update, context, f"act.closed.{closed.reason}")
        return ConversationHandler.END
    user_data(context).pop(EDITING, None)
    lang = language(context)
    if when is not None:
        year_assumed(context, when)
    await say(
        update,
        context,
        done,
        title=loaded.activity.title,
        place=loaded.activity.place,
        when=renderer(context.runtime).when(lang, loaded.activity.starts_at),
    )
    return ConversationHandler.END


async def stop_editing(update: Update, context: BotContext) -> int:
    user_data(context).pop(EDITING, None)
    await say(update, context, "act.edit_cancelled")
    return ConversationHandler.END


async def text_please(update: Update, context: BotContext) -> int | None:
    await say(update, context, "actnew.text_please")
    return None


def edit_conversation() -> ConversationHandler:
    private = filters.ChatType.PRIVATE
    text = private & filters.TEXT & ~filters.COMMAND
    return ConversationHandler(
        entry_points=[
            CallbackQueryHandler(exclusive(EDITING)(ask_time), pattern=acb.ChangeTime.matches),
            CallbackQueryHandler(exclusive(EDITING)(ask_place), pattern=acb.ChangePlace.matches),
        ],
        states={
            NEW_TIME: [MessageHandler(text, time_given)],
            NEW_PLACE: [MessageHandler(text, place_given)],
        },
        fallbacks=[
            CommandHandler("batal", stop_editing, private),
            MessageHandler(private & ~filters.COMMAND & ~filters.TEXT, text_please),
        ],
        name="activity_edit",
        persistent=True,
        allow_reentry=True,
    )


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers(
        [
            CommandHandler("kegiatan", kegiatan, private),
            edit_conversation(),
            CallbackQueryHandler(participants, pattern=acb.Participants.matches),
            CallbackQueryHandler(cancel_ask, pattern=acb.CancelAsk.matches),
            CallbackQueryHandler(cancel_confirm, pattern=acb.CancelConfirm.matches),
            CallbackQueryHandler(cancel_keep, pattern=acb.CancelKeep.matches),
        ]
    )
