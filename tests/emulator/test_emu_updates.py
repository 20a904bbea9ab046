"""Update queue semantics: offsets, allowed_updates, competing pollers, settle, sandbox CLI."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from telegram import Bot
from telegram.error import BadRequest, Conflict

from emulator import BotWorld, FakeTelegram

ROOT = Path(__file__).resolve().parents[2]
MakeBot = Callable[[BotWorld], Bot]


async def test_offsets_confirm_and_negative_offsets_forget(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    for text in ("satu", "dua", "tiga", "empat"):
        await siti.send(text)
    first_two = await bot.get_updates(limit=2)
    assert [u.message.text for u in first_two] == ["satu", "dua"]
    rest = await bot.get_updates(offset=first_two[-1].update_id + 1)
    assert [u.message.text for u in rest] == ["tiga", "empat"]
    assert world.updates.pending == 2
    last = await bot.get_updates(offset=-1)
    assert [u.message.text for u in last] == ["empat"]
    assert world.updates.pending == 1


async def test_allowed_updates_filter_new_updates(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    await siti.send("/start")
    await bot.get_updates(allowed_updates=["message"])
    menu = await bot.send_message(
        siti.id, "x", reply_markup={"inline_keyboard": [[{"text": "A", "callback_data": "a"}]]}
    )
    assert menu.reply_markup is not None
    with pytest.raises(AssertionError, match="exclude callback_query"):
        await siti.press("A")
    siti.block_bot()  # my_chat_member is not in the list either
    assert [u.message.text for u in await bot.get_updates()] == ["/start"]


async def test_a_second_poller_terminates_the_first(world: BotWorld, bot_for: MakeBot) -> None:
    async with bot_for(world) as first, bot_for(world) as second:
        waiting = asyncio.create_task(first.get_updates(timeout=5))
        await asyncio.sleep(0.05)
        assert await second.get_updates(timeout=0) == ()
        with pytest.raises(Conflict, match=r"(?i)terminated by other getUpdates request"):
            await waiting


async def test_settle_reports_an_absent_bot(world: BotWorld) -> None:
    await world.user("Siti").send("halo")
    with pytest.raises(AssertionError, match=r"1 update\(s\) not confirmed by the bot"):
        await world.settle(quiet=0.05, timeout=0.2)


async def test_held_updates_wait_until_released(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    world.updates.hold()
    await siti.send("satu")
    await siti.send("dua")
    assert await bot.get_updates(timeout=0) == ()
    await world.settle(quiet=0.01)  # held updates are not waited for
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await asyncio.sleep(0.05)
    assert not poll.done()
    world.updates.release()
    assert [u.message.text for u in await poll] == ["satu", "dua"]


async def test_more_kinds_of_messages(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    await siti.send_sticker()
    await siti.send_voice(duration=3)
    await siti.send_contact("+6281111111111")
    await siti.send_location(3.7, 98.6)
    updates = await bot.get_updates()
    messages = [u.message for u in updates]
    assert messages[0].sticker.emoji == "👍"
    raw_voice = world.calls("getUpdates")[-1].result_or_error[1]["message"]["voice"]
    assert raw_voice["duration"] == 3 and messages[1].voice.mime_type == "audio/ogg"
    assert messages[2].contact.user_id == siti.id
    assert messages[3].location.longitude == pytest.approx(98.6)
    sent = await bot.send_document(siti.id, b"isi", filename="a.txt", caption="lama")
    before = await siti.next_message()
    await bot.edit_message_caption(
        siti.id, sent.message_id, caption="<b>baru</b>", parse_mode="HTML"
    )
    after = await siti.wait_for_edit(before)
    assert (after.caption, after.caption_entities[0]["type"]) == ("baru", "bold")
    await bot.delete_message(siti.id, sent.message_id)
    with pytest.raises(AssertionError, match="deleted"):
        await siti.wait_for_edit(after)
    with pytest.raises(BadRequest, match=r"(?i)message can't be edited"):
        await bot.edit_message_text("x", siti.id, messages[0].message_id)  # siti's sticker
    pin = await bot.send_location(siti.id, 3.7, 98.6)
    with pytest.raises(BadRequest, match=r"(?i)there is no text in the message to edit"):
        await bot.edit_message_text("x", siti.id, pin.message_id)


async def test_sandbox_entry_point_serves_a_world() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "emulator", "--port", "0",
        cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        token = (await asyncio.wait_for(process.stdout.readline(), 10)).decode().split()[-1]
        root = (await asyncio.wait_for(process.stdout.readline(), 10)).decode().split()[-1]
        async with httpx.AsyncClient() as client:
            me = (await client.get(f"{root}/bot{token}/getMe")).json()
        assert me["ok"] and me["result"]["username"] == "marelan_test_bot"
    finally:
        process.terminate()
        await process.wait()


async def test_worlds_are_isolated(server: FakeTelegram, bot_for: MakeBot) -> None:
    one, two = server.add_bot("satu_bot"), server.add_bot("dua_bot")
    siti = one.user("Siti")
    await siti.send("/start")
    async with bot_for(two) as other:
        with pytest.raises(BadRequest, match=r"(?i)chat not found"):
            await other.send_message(siti.id, "x")
        assert await other.get_updates() == ()
