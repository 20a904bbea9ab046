"""People driving a real PTB ``Application`` (polling, AIORateLimiter) through the emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import Forbidden
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from emulator import ApiError, BotWorld

LANGUAGES = InlineKeyboardMarkup(
    [
        [InlineKeyboardButton("Bahasa Indonesia", callback_data="v1:lang:id")],
        [InlineKeyboardButton("English", callback_data="v1:lang:en")],
        [InlineKeyboardButton("Situs kantor", url="https://example.org/")],
    ]
)


class Recorder:
    """A tiny bot: /start offers languages, a press edits the message, groups are logged."""

    def __init__(self) -> None:
        self.group_texts: list[str] = []
        self.silent_presses = False

    async def start(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await update.effective_message.reply_html("<b>Pilih bahasa</b>", reply_markup=LANGUAGES)

    async def chosen(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if self.silent_presses:
            return
        if query.data not in ("v1:lang:id", "v1:lang:en"):
            await query.answer("Tombol tidak dikenal", show_alert=True)
            return
        await query.answer("Tersimpan")
        await query.edit_message_text(f"Bahasa: {query.data.rsplit(':', 1)[1]}")

    async def group_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        self.group_texts.append(message.text or "<service>")
        if message.text and message.text.startswith("/lapor"):
            await message.reply_text("Laporan diterima. Balas pesan ini untuk menambah.")


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def app(world: BotWorld, recorder: Recorder) -> AsyncIterator[Application]:
    application = (
        ApplicationBuilder()
        .token(world.token)
        .base_url(f"{world.root}/bot")
        .base_file_url(f"{world.root}/file/bot")
        .rate_limiter(AIORateLimiter(max_retries=3))
        .build()
    )
    application.add_handler(CommandHandler("start", recorder.start, filters.ChatType.PRIVATE))
    application.add_handler(CallbackQueryHandler(recorder.chosen))
    application.add_handler(MessageHandler(filters.ChatType.GROUPS, recorder.group_message))
    async with application:
        await application.start()
        await application.updater.start_polling(poll_interval=0, timeout=2)
        yield application
        await application.updater.stop()
        await application.stop()


async def test_press_by_label_round_trip(app: Application, world: BotWorld) -> None:
    siti = world.user("Siti", username="siti")
    assert not siti.started
    await siti.send("/start")
    assert siti.started
    menu = await siti.next_message()
    assert menu.text == "Pilih bahasa" and menu.html == "<b>Pilih bahasa</b>"
    assert menu.buttons == [["Bahasa Indonesia"], ["English"], ["Situs kantor"]]
    assert menu.button_data["English"] == "v1:lang:en"
    answer = await siti.press("indonesia")  # unique case-insensitive substring
    assert (answer.text, answer.show_alert) == ("Tersimpan", False)
    edited = await siti.wait_for_edit(menu)
    assert edited.text == "Bahasa: id" and edited.edited and edited.buttons == []
    await world.settle()
    assert [c.method for c in world.requests if c.method != "getUpdates"][-2:] == [
        "answerCallbackQuery",
        "editMessageText",
    ]


async def test_button_lookup_errors_and_forged_data(
    app: Application, world: BotWorld, recorder: Recorder
) -> None:
    siti = world.user("Siti")
    await siti.send("/start")
    menu = await siti.next_message()
    with pytest.raises(AssertionError, match="no inline button 'Jawa'"):
        await siti.press("Jawa")
    with pytest.raises(AssertionError, match="ambiguous"):
        await siti.press("s")  # "Bahasa Indonesia", "English", "Situs kantor"
    link = await siti.press("Situs kantor")
    assert link.url == "https://example.org/"
    forged = await siti.press_data("v1:admin:drop", message=menu)
    assert forged.show_alert and forged.text == "Tombol tidak dikenal"
    recorder.silent_presses = True
    with pytest.raises(AssertionError, match="did not call answerCallbackQuery"):
        await siti.press("English", timeout=0.3)


async def test_privacy_mode_in_groups(
    app: Application, world: BotWorld, recorder: Recorder
) -> None:
    siti, budi = world.user("Siti"), world.user("Budi")
    group = world.group("Unit Pelayanan", members=[siti, budi])
    await budi.say(group, "halo semua")
    await budi.say(group, "/lapor@other_bot jalan rusak")
    await budi.say(group, "/lapor@marelan_test_bot jalan rusak")
    ack = await group.next_message()
    assert ack.reply_to_message_id is not None
    await siti.say(group, "ini tambahan", reply_to=ack)
    await siti.say(group, "bukan balasan ke bot", reply_to=group.messages[0])
    await group.add_member(world.user("Rina"))
    await world.settle()
    assert recorder.group_texts == [
        "/lapor@marelan_test_bot jalan rusak",
        "ini tambahan",
        "<service>",
    ]
    assert len(group.messages) == 7  # everything is in the chat, delivered or not
    with pytest.raises(ApiError, match="not a member"):
        await world.user("Orang Luar").say(group, "hai")


async def test_kicked_bot_gets_forbidden(app: Application, world: BotWorld) -> None:
    siti = world.user("Siti")
    group = world.group("Unit Pelayanan", members=[siti])
    await group.remove_bot()
    await world.settle()
    with pytest.raises(Forbidden, match=r"(?i)bot was kicked from the supergroup chat"):
        await app.bot.send_message(group.id, "masih di sini?")
    await group.add_bot(by=siti)
    await app.bot.send_message(group.id, "kembali")
    assert group.last_message.text == "kembali"


async def test_reading_helpers(app: Application, world: BotWorld) -> None:
    siti = world.user("Siti")
    await siti.send("/start")
    assert (await siti.next_message()).text == "Pilih bahasa"
    await app.bot.send_message(siti.id, "kedua")
    await app.bot.send_message(siti.id, "ketiga")
    found = await siti.wait_for("ketiga")
    assert found.text == "ketiga"
    with pytest.raises(AssertionError, match="no new message from the bot"):
        await siti.next_message(timeout=0.2)
    assert [m.body for m in siti.inbox] == ["Pilih bahasa", "kedua", "ketiga"]
    assert siti.last_message.text == "ketiga"
    assert [m.body for m in world.messages(siti.id)] == [
        "/start",
        "Pilih bahasa",
        "kedua",
        "ketiga",
    ]


async def test_an_anonymous_admin_writes_as_the_group(bot: Bot, world: BotWorld) -> None:
    admin, member = world.user("Admin"), world.user("Siti")
    group = world.group("Seksi Kesos", members=[member], admins=[admin])
    await group.send_anonymously(admin, "/antrian")
    (update,) = await bot.get_updates()
    message = update.message
    assert message.from_user.username == "GroupAnonymousBot" and message.from_user.is_bot
    assert message.sender_chat.id == group.id and message.text == "/antrian"
    with pytest.raises(ApiError):
        await group.send_anonymously(member, "bukan admin")
    basic = world.group("Grup biasa", basic=True, admins=[admin])
    with pytest.raises(ApiError):
        await basic.send_anonymously(admin, "grup dasar tidak punya admin anonim")


async def test_editing_a_message_tells_the_bot_like_telegram(bot: Bot, world: BotWorld) -> None:
    siti, budi = world.user("Siti"), world.user("Budi")
    sent = await siti.send("Selokan tersumbat")
    group = world.group("Seksi Kesos", members=[siti, budi])
    chatter = await siti.say(group, "obrolan biasa")  # privacy mode: the bot never sees it
    await bot.get_updates(offset=-1)  # skip what came so far
    updates = await bot.get_updates()
    offset = updates[-1].update_id + 1 if updates else None

    await siti.edit(sent, "Selokan tersumbat sampah")
    await siti.edit(chatter, "obrolan yang diedit")
    (update,) = await bot.get_updates(offset=offset)
    assert update.message is None and update.edited_message is not None
    assert update.edited_message.text == "Selokan tersumbat sampah"
    assert update.edited_message.edit_date is not None
    with pytest.raises(ApiError):
        await budi.edit(sent, "bukan pesan saya")
