"""The wire format: encodings, spec-driven decoding, routing errors, commands and topics."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest
from telegram import Bot, BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeChat
from telegram.error import BadRequest

from emulator import BotWorld
from emulator.files import make_png


@pytest.fixture
async def http(world: BotWorld) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=f"{world.root}/bot{world.token}") as client:
        yield client


async def test_every_encoding_is_understood(http: httpx.AsyncClient, world: BotWorld) -> None:
    world.limits.enabled = False  # five messages in a row to one person
    siti = world.user("Siti")
    await siti.send("/start")
    markup = {"inline_keyboard": [[{"text": "OK", "callback_data": "v1:ok"}]]}
    form = await http.post(
        "/sendMessage",
        data={"chat_id": str(siti.id), "text": "form", "reply_markup": json.dumps(markup)},
    )
    as_json = await http.post(
        "/sendmessage", json={"chat_id": siti.id, "text": "json", "reply_markup": markup}
    )
    query = await http.get("/SENDMESSAGE", params={"chat_id": siti.id, "text": "query"})
    multipart = await http.post(
        "/sendPhoto",
        data={"chat_id": str(siti.id), "caption": "multipart"},
        files={"photo": ("p.png", make_png(), "image/png")},
    )
    attached = await http.post(
        "/sendPhoto",
        data={"chat_id": str(siti.id), "photo": "attach://pic"},
        files={"pic": ("p.png", make_png(8, 8), "image/png")},
    )
    for response in (form, as_json, query, multipart, attached):
        assert response.status_code == 200, response.text
        assert response.json()["ok"] is True
    assert [m.body for m in siti.inbox] == ["form", "json", "query", "multipart", ""]
    assert siti.inbox[0].button_data == {"OK": "v1:ok"}
    assert [c.method for c in world.requests][-5:] == ["sendMessage"] * 3 + ["sendPhoto"] * 2
    assert world.calls("sendMessage")[0].params["chat_id"] == siti.id  # decoded to Integer


async def test_routing_and_decoding_errors(http: httpx.AsyncClient, world: BotWorld) -> None:
    unknown = await http.post("/sendTelepathy")
    assert (unknown.status_code, unknown.json()) == (
        404,
        {"ok": False, "error_code": 404, "description": "Not Found"},
    )
    async with httpx.AsyncClient(base_url=world.root) as raw:
        assert (await raw.get("/bot123:" + "x" * 35 + "/getMe")).status_code == 401
        assert (await raw.get("/botnonsense/getMe")).status_code == 404
        assert (await raw.get(f"/file/bot{world.token}/photos/none.jpg")).status_code == 404
    missing = await http.post("/sendMessage", data={"text": "x"})
    assert missing.json()["description"] == "Bad Request: chat_id is empty"
    empty = await http.post("/sendMessage", data={"chat_id": "1"})
    assert empty.json()["description"] == "Bad Request: message text is empty"
    required = await http.post("/answerCallbackQuery", data={})
    assert (
        required.json()["description"] == 'Bad Request: parameter "callback_query_id" is required'
    )
    not_int = await http.post("/deleteMessage", data={"chat_id": "1", "message_id": "abc"})
    assert not_int.status_code == 400 and "Integer expected" in not_int.json()["description"]
    bad_json = await http.post(
        "/sendMessage", data={"chat_id": "1", "text": "x", "reply_markup": "{nope"}
    )
    assert bad_json.json()["description"] == "Bad Request: can't parse reply_markup JSON object"
    unsupported = await http.post(
        "/sendPoll", data={"chat_id": "1", "question": "q", "options": "[]"}
    )
    assert unsupported.json()["description"] == "Bad Request: method not supported by the emulator"
    assert world.calls("sendPoll")[0].status == 400


async def test_commands_and_descriptions(bot: Bot, world: BotWorld) -> None:
    group = world.group("Unit")
    await bot.set_my_commands([BotCommand("start", "Mulai"), BotCommand("bantuan", "Bantuan")])
    await bot.set_my_commands([BotCommand("help", "Help")], language_code="en")
    await bot.set_my_commands(
        [BotCommand("lapor", "Laporan unit")], scope=BotCommandScopeChat(group.id)
    )
    await bot.set_my_commands(
        [BotCommand("status", "Status")], scope=BotCommandScopeAllGroupChats()
    )
    assert world.commands_for() == ["start", "bantuan"]
    assert world.commands_for(language_code="en") == ["help"]
    assert world.commands_for("chat", chat_id=group.id) == ["lapor"]
    assert world.commands_for("all_group_chats") == ["status"]
    assert [c.command for c in await bot.get_my_commands(language_code="en")] == ["help"]
    await bot.delete_my_commands(language_code="en")
    assert world.commands_for(language_code="en") == []
    for bad, reason in [
        (BotCommand("Start", "x"), "BOT_COMMAND_INVALID"),
        (BotCommand("x" * 33, "x"), "command is too long"),
        (BotCommand("ok", "x" * 257), "command description is too long"),
    ]:
        with pytest.raises(BadRequest, match=rf"(?i){reason}"):
            await bot.set_my_commands([bad])
    with pytest.raises(BadRequest, match=r"(?i)too many commands"):
        await bot.set_my_commands([BotCommand(f"c{i}", "x") for i in range(101)])
    with pytest.raises(BadRequest, match=r"(?i)invalid language code"):
        await bot.set_my_commands([BotCommand("a", "b")], language_code="ind")
    await bot.set_my_description("Kanal resmi Kecamatan Medan Marelan")
    await bot.set_my_short_description("Layanan warga", language_code="id")
    assert (await bot.get_my_description(language_code="id")).description.startswith("Kanal")
    with pytest.raises(BadRequest, match=r"(?i)short description is too long"):
        await bot.set_my_short_description("x" * 121)
    assert await bot.set_chat_menu_button()


async def test_chats_members_and_topics(bot: Bot, world: BotWorld) -> None:
    siti, camat = world.user("Siti"), world.user("Pak Camat")
    unit = world.group("Unit", members=[siti], admins=[camat])
    forum = world.group("Forum Unit", forum=True, members=[siti])
    chat = await bot.get_chat(unit.id)
    assert (chat.type, chat.title, chat.is_forum) == ("supergroup", "Unit", None)
    assert (await bot.get_chat(forum.id)).is_forum
    assert (await bot.get_chat_member(unit.id, siti.id)).status == "member"
    assert (await bot.get_chat_member(unit.id, camat.id)).status == "administrator"
    assert (await bot.get_chat_member(unit.id, world.user("Luar").id)).status == "left"
    assert (await bot.get_chat_member(forum.id, bot.id)).status == "administrator"
    assert [m.user.id for m in await bot.get_chat_administrators(unit.id)] == [camat.id]
    with pytest.raises(BadRequest, match=r"(?i)the chat is not a forum"):
        await bot.create_forum_topic(unit.id, "Aduan")
    topic = await bot.create_forum_topic(forum.id, "Aduan #12")
    assert forum.topics == {topic.message_thread_id: "Aduan #12"}
    posted = await bot.send_message(forum.id, "Rincian", message_thread_id=topic.message_thread_id)
    assert posted.message_thread_id == topic.message_thread_id and posted.is_topic_message
    in_topic = await siti.say(forum, "Sudah dicek", message_thread_id=topic.message_thread_id)
    reply = await bot.send_message(
        forum.id, "Terima kasih", reply_to_message_id=in_topic.message_id
    )
    assert reply.message_thread_id == topic.message_thread_id  # replies stay in the topic
    with pytest.raises(BadRequest, match=r"(?i)message thread not found"):
        await bot.send_message(forum.id, "x", message_thread_id=99999)
