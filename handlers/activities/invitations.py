"""What invited people and citizens do: answer "Hadir" / "Tidak bisa", browse public
forums with /forum and subscribe to new ones; and the organiser's attendance checklist."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, filters

from bot.activities import attendance, changes, views
from bot.activities import callbacks as acb
from bot.activities import keyboards as kb
from bot.activities.attendance import AlreadySaved, NotEnded
from bot.activities.common import Loaded, card_view, load, renderer
from bot.activities.rules import FORUM_START
from bot.core.callbacks import BadCallback
from bot.core.catalog import Markup, join
from bot.core.context import BotContext
from bot.core.keyboards import MenuEntry
from handlers.activities.replies import press_guard, replace
from handlers.core.replies import answer, language, reply, say
from handlers.core.updates import data_of, query_of

#: The forums' entry of the citizen main menu (wired in the application factory).
MENU_ENTRY = MenuEntry("menu.forum", acb.MenuForum())


# --- RSVP --------------------------------------------------------------------------------


@press_guard
async def rsvp(update: Update, context: BotContext) -> None:
    pressed = acb.Rsvp.parse(data_of(update))
    if pressed.going not in (0, 1) or pressed.view not in (
        acb.VIEW_INVITATION,
        acb.VIEW_CARD,
        acb.VIEW_FORUM,
    ):
        raise BadCallback(data_of(update))
    runtime = context.runtime
    answered = await changes.rsvp(runtime, context.actor, pressed.activity_id, bool(pressed.going))
    lang = language(context)
    draw = renderer(runtime)
    await answer(update, context, "act.answer_saved", answer=draw.answer(lang, answered.response))
    loaded = await load(runtime.db, pressed.activity_id)
    markup: InlineKeyboardMarkup | None
    if pressed.view == acb.VIEW_CARD:
        # card_view builds an inline keyboard (or none) but declares the outbox's wider
        # ReplyMarkup; its declaration in bot/activities/common.py is to be narrowed.
        text, markup = await card_view(runtime, runtime.db, loaded, context.actor)  # type: ignore[assignment]
    elif pressed.view == acb.VIEW_FORUM:
        text, markup = await _forum_card(context, loaded)
    else:
        text = draw.invitation(
            lang, loaded.activity, loaded.units, loaded.organiser, answered.response
        )
        markup = kb.rsvp(lang, loaded.activity.id, acb.VIEW_INVITATION)
    await replace(update, context, text, markup)


# --- /forum ------------------------------------------------------------------------------


async def _forum_card(context: BotContext, loaded: Loaded) -> tuple[Markup, InlineKeyboardMarkup]:
    """A public forum as /forum shows it, with the reader's answer once given."""
    lang = language(context)
    response = await views.response_of(context.runtime, context.actor, loaded.activity.id)
    draw = renderer(context.runtime)
    parts: list[str] = [draw.details(lang, loaded.activity, loaded.units, loaded.organiser)]
    if response is not None:
        parts += ["", draw.your_answer(lang, response)]
    return join(parts), kb.rsvp(lang, loaded.activity.id, acb.VIEW_FORUM)


async def forum(update: Update, context: BotContext) -> None:
    if update.callback_query is not None:
        await answer(update, context)
    runtime = context.runtime
    found = await views.public_forums(runtime)
    lang = language(context)
    if found:
        await say(update, context, "forum.title", count=len(found))
        for loaded in found:
            text, markup = await _forum_card(context, loaded)
            await reply(update, context, text, markup)
    else:
        await say(update, context, "forum.empty")
    subscribed = await views.is_subscribed(runtime, context.actor)
    await say(update, context, "forum.subscription", kb.subscription(lang, subscribed))


async def toggle_subscription(update: Update, context: BotContext) -> None:
    subscribed = await changes.toggle_subscription(context.runtime, context.actor)
    lang = language(context)
    await answer(update, context, "forum.subscribed" if subscribed else "forum.unsubscribed")
    await query_of(update).edit_message_reply_markup(kb.subscription(lang, subscribed))


# --- attendance checklist ----------------------------------------------------------------


@press_guard
async def attend_toggle(update: Update, context: BotContext) -> None:
    pressed = acb.AttendToggle.parse(data_of(update))
    await _checklist_step(
        update, context, pressed.activity_id, pressed.page, person_id=pressed.person_id
    )


@press_guard
async def attend_page(update: Update, context: BotContext) -> None:
    pressed = acb.AttendPage.parse(data_of(update))
    await _checklist_step(update, context, pressed.activity_id, pressed.page)


async def _checklist_step(
    update: Update, context: BotContext, activity_id: int, page: int, person_id: int | None = None
) -> None:
    runtime = context.runtime
    try:
        if person_id is None:
            checklist = await attendance.view(runtime, context.actor, activity_id)
        else:
            checklist = await attendance.toggle(runtime, context.actor, activity_id, person_id)
    except AlreadySaved:
        await answer(update, context, "att.already_saved", alert=True)
        return
    except NotEnded:
        await answer(update, context, "att.not_ended", alert=True)
        return
    await answer(update, context)
    text, markup = attendance.checklist_message(runtime, language(context), checklist, page)
    await replace(update, context, text, markup)


@press_guard
async def attend_save(update: Update, context: BotContext) -> None:
    pressed = acb.AttendSave.parse(data_of(update))
    try:
        saved = await attendance.save(context.runtime, context.actor, pressed.activity_id)
    except AlreadySaved:
        await answer(update, context, "att.already_saved", alert=True)
        return
    except NotEnded:
        await answer(update, context, "att.not_ended", alert=True)
        return
    await answer(update, context)
    await replace(
        update,
        context,
        renderer(context.runtime).checklist_saved(
            language(context), saved.loaded.activity, saved.attended, saved.invited
        ),
        None,
    )


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers(
        [
            CommandHandler("forum", forum, private),
            CommandHandler("start", forum, private & filters.Regex(rf"^/start {FORUM_START}$")),
            CallbackQueryHandler(forum, pattern=acb.MenuForum.matches),
            CallbackQueryHandler(rsvp, pattern=acb.Rsvp.matches),
            CallbackQueryHandler(toggle_subscription, pattern=acb.ToggleSubscription.matches),
            CallbackQueryHandler(attend_toggle, pattern=acb.AttendToggle.matches),
            CallbackQueryHandler(attend_page, pattern=acb.AttendPage.matches),
            CallbackQueryHandler(attend_save, pattern=acb.AttendSave.matches),
        ]
    )
