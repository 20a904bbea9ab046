"""The emulator seen through python-telegram-bot's ``Bot``: answers, limits and errors."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from emulator import BotWorld, FloodLimits

# PTB 22 warns when RetryAfter.retry_after is read as a number (it is becoming a timedelta;
# importing ``bot`` opts in to the timedelta already). Both spellings are accepted here.
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")


def seconds(value: float | timedelta) -> float:
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


def keyboard(*labels: str, prefix: str = "v1:t:") -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=prefix + label) for label in labels]]
    )


async def test_get_me(bot: Bot, world: BotWorld) -> None:
    me = await bot.get_me()
    assert me.id == world.bot_id
    assert me.username == "marelan_test_bot"
    assert me.is_bot and me.can_join_groups
    assert me.can_read_all_group_messages is False
    head, _, secret = world.token.partition(":")
    assert head == str(world.bot_id) and len(secret) == 35


async def test_long_poll_wakes_up_on_a_new_message(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti", username="siti")
    started = time.monotonic()
    poll = asyncio.create_task(bot.get_updates(timeout=10))
    await asyncio.sleep(0.05)
    sent = await siti.send("/start inv_abc")
    updates = await poll
    assert time.monotonic() - started < 2
    message = updates[0].message
    assert message.message_id == sent.message_id
    assert message.text == "/start inv_abc"
    assert message.from_user.id == siti.id and message.chat.type == "private"
    assert [(e.type, e.offset, e.length) for e in message.entities] == [("bot_command", 0, 6)]
    again = await bot.get_updates(offset=updates[-1].update_id + 1, timeout=0)
    assert again == ()
    assert world.updates.pending == 0


async def test_sending_to_people_who_did_not_start_or_blocked(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    with pytest.raises(Forbidden, match=r"(?i)bot can't initiate conversation with a user"):
        await bot.send_message(siti.id, "halo")
    await siti.send("halo")
    await bot.send_message(siti.id, "halo juga")
    siti.block_bot()
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_message(siti.id, "masih di sana?")
    updates = await bot.get_updates()
    assert updates[-1].my_chat_member.new_chat_member.status == "kicked"
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.send_message(123, "x")


async def test_text_rules(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    await siti.send("/start")
    with pytest.raises(BadRequest, match=r"(?i)can't parse entities: Unsupported start tag \"p\""):
        await bot.send_message(siti.id, "<p>x</p>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(siti.id, "x" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(siti.id, "  ")
    sent = await bot.send_message(siti.id, "&lt;b&gt;&amp; <b>tebal</b>", parse_mode="HTML")
    assert sent.text == "<b>& tebal"
    assert sent.text_html == "&lt;b&gt;&amp; <b>tebal</b>"
    seen = await siti.next_message()
    assert seen.text == "<b>& tebal" and seen.html == "&lt;b&gt;&amp; <b>tebal</b>"


async def test_keyboard_rules(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    await siti.send("/start")
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(siti.id, "x", reply_markup=keyboard("a" * 65, prefix=""))
    await bot.send_message(siti.id, "x", reply_markup=keyboard("a" * 64, prefix=""))
    with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
        await bot.send_message(siti.id, "x", reply_markup=keyboard("é" * 33, prefix=""))
    too_many = InlineKeyboardMarkup(
        [[InlineKeyboardButton(str(i), callback_data=str(i)) for i in range(10)]] * 11
    )
    with pytest.raises(BadRequest, match=r"(?i)reply markup is too long"):
        await bot.send_message(siti.id, "x", reply_markup=too_many)
    text_only = {"inline_keyboard": [[{"text": "just text"}]]}
    with pytest.raises(BadRequest, match=r"(?i)Text buttons are not allowed"):
        await bot.send_message(siti.id, "x", reply_markup=text_only)


async def test_flood_control_gives_retry_after(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    await siti.send("/start")
    for i in range(3):
        await bot.send_message(siti.id, f"burst {i}")
    with pytest.raises(RetryAfter) as raised:
        await bot.send_message(siti.id, "one too many")
    assert seconds(raised.value.retry_after) == 1
    assert world.calls("sendMessage")[-1].status == 429
    world.limits = FloodLimits(enabled=False)
    await bot.send_message(siti.id, "no limits now")


async def test_group_flood_limit(bot: Bot, world: BotWorld) -> None:
    group = world.group("Unit Kebersihan")
    world.limits.global_burst = 100
    for i in range(20):
        await bot.send_message(group.id, f"laporan {i}")
    with pytest.raises(RetryAfter) as raised:
        await bot.send_message(group.id, "21st")
    assert (
        seconds(raised.value.retry_after) == 3
    )  # one message every 3 s once the burst of 20 is spent
    assert world.calls("sendMessage")[-1].result_or_error["parameters"] == {"retry_after": 3}


async def test_fail_next(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    await siti.send("/start")
    world.fail_next("sendMessage", retry_after=7)
    with pytest.raises(RetryAfter):
        await bot.send_message(siti.id, "a")
    assert world.calls("sendMessage")[-1].result_or_error["parameters"] == {"retry_after": 7}
    world.fail_next("sendmessage", status=502, count=2)
    for _ in range(2):
        with pytest.raises(NetworkError, match=r"(?i)Bad Gateway"):
            await bot.send_message(siti.id, "b")
    world.fail_next("sendMessage", status=0)
    with pytest.raises(NetworkError):
        await bot.send_message(siti.id, "c")
    assert siti.inbox == []
    world.fail_next("sendMessage", status=0, processed=True)
    with pytest.raises(NetworkError):
        await bot.send_message(siti.id, "d")
    assert [m.text for m in siti.inbox] == ["d"]  # sent, but the bot never heard back
    await bot.send_message(siti.id, "e")
    assert [c.status for c in world.calls("sendMessage")] == [429, 502, 502, 0, 0, 200]


async def test_edits(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    user_message = await siti.send("/start")
    sent = await bot.send_message(
        siti.id, "<b>Pilih</b>", parse_mode="HTML", reply_markup=keyboard("Ya", "Tidak")
    )
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text(
            "<strong>Pilih</strong>",
            siti.id,
            sent.message_id,
            parse_mode="HTML",
            reply_markup=keyboard("Ya", "Tidak"),
        )
    first = await siti.next_message()
    edited = await bot.edit_message_text("Dipilih: Ya", siti.id, sent.message_id)
    assert edited.edit_date is not None and edited.reply_markup is None
    live = await siti.wait_for_edit(first)
    assert live.text == "Dipilih: Ya" and live.version == 2 and live.buttons == []
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", siti.id, 9999)
    with pytest.raises(BadRequest, match=r"(?i)message can't be edited"):
        await bot.edit_message_text("x", siti.id, user_message.message_id)
    await bot.edit_message_reply_markup(siti.id, sent.message_id, reply_markup=keyboard("OK"))
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_reply_markup(siti.id, sent.message_id, reply_markup=keyboard("OK"))
    with pytest.raises(BadRequest, match=r"(?i)there is no caption in the message to edit"):
        await bot.edit_message_caption(siti.id, sent.message_id, caption="x")
    assert await bot.delete_message(siti.id, sent.message_id)
    assert siti.inbox == []
    with pytest.raises(BadRequest, match=r"(?i)message to delete not found"):
        await bot.delete_message(siti.id, sent.message_id)


async def test_replies_and_chat_actions(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    question = await siti.send("Apakah kantor buka?")
    reply = await bot.send_message(siti.id, "Buka.", reply_to_message_id=question.message_id)
    assert reply.reply_to_message.text == "Apakah kantor buka?"
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(siti.id, "x", reply_to_message_id=4242)
    lenient = await bot.send_message(
        siti.id, "x", reply_to_message_id=4242, allow_sending_without_reply=True
    )
    assert lenient.reply_to_message is None
    assert await bot.send_chat_action(siti.id, "typing")
    with pytest.raises(BadRequest, match=r"(?i)wrong parameter action"):
        await bot.send_chat_action(siti.id, "dancing")
    located = await bot.send_location(siti.id, 3.75, 98.68)
    assert located.location.latitude == pytest.approx(3.75)
