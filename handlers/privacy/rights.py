"""A person's rights over their data (UU 27/2022), self-service in the private chat:
/datasaya (a summary and the complete copy as a JSON file) and /hapusdata (the
explanation, then "Hapus data saya" / "Batal")."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, filters

from bot.core.catalog import t
from bot.core.commands import Command
from bot.core.context import BotContext
from bot.core.errors import NotAllowed
from bot.core.keyboards import button
from bot.privacy import copy as personal_data
from bot.privacy import erasure, render
from bot.privacy.callbacks import CancelErasure, ConfirmErasure
from handlers.core.flows import forget_person
from handlers.core.replies import answer, edit, language, reply, say
from handlers.core.updates import chat_of, data_of

#: This feature's commands (the application factory adds them to the command table).
COMMANDS = (
    Command("datasaya"),
    Command("hapusdata"),
)


async def datasaya(update: Update, context: BotContext) -> None:
    runtime, actor = context.runtime, context.actor
    lang = language(context)
    made = await personal_data.copy_for(runtime, actor)
    zone = runtime.settings.zone
    await reply(
        update, context, render.summary(lang, made.holdings, actor.role.value, runtime.office, zone)
    )
    await context.bot.send_document(
        chat_of(update).id,
        document=made.document,
        filename=made.file_name,
        caption=str(render.caption(lang, runtime.now(), zone)),
        parse_mode=ParseMode.HTML,
    )


async def hapusdata(update: Update, context: BotContext) -> None:
    runtime, actor = context.runtime, context.actor
    lang = language(context)
    try:
        preview = await erasure.preview(runtime, actor)
    except erasure.StaffRole:
        await say(update, context, "pd.staff", role=t(lang, f"role.{actor.role}"))
        return
    keyboard = InlineKeyboardMarkup(
        [
            [button(lang, "pd.erase_yes", ConfirmErasure(actor.telegram_id, runtime.now()))],
            [button(lang, "pd.erase_no", CancelErasure(actor.telegram_id))],
        ]
    )
    await reply(update, context, render.explanation(lang, preview), keyboard)


async def confirmed(update: Update, context: BotContext) -> None:
    pressed = ConfirmErasure.parse(data_of(update))
    try:
        done = await erasure.erase(
            context.runtime, context.actor, pressed.person_id, pressed.asked_at
        )
    except erasure.ConfirmationExpired:
        await answer(update, context, "pd.expired", alert=True)
        return
    await forget_person(update, context)
    await answer(update, context)
    await edit(update, context, render.erased(language(context), done))


async def kept(update: Update, context: BotContext) -> None:
    pressed = CancelErasure.parse(data_of(update))
    if pressed.person_id != context.actor.telegram_id:
        raise NotAllowed(f"keep {pressed.person_id}")
    await answer(update, context)
    await edit(update, context, t(language(context), "pd.kept"))


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers(
        [
            CommandHandler("datasaya", datasaya, private),
            CommandHandler("hapusdata", hapusdata, private),
            CallbackQueryHandler(confirmed, pattern=ConfirmErasure.matches),
            CallbackQueryHandler(kept, pattern=CancelErasure.matches),
        ]
    )
