"""A basic group upgraded to a supergroup: new id, service messages, the old id refused."""

from __future__ import annotations

import httpx
import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, ChatMigrated, Forbidden

from emulator import ApiError, BotWorld

OK_BUTTON = InlineKeyboardMarkup([[InlineKeyboardButton("OK", callback_data="v1:t:ok")]])


async def test_upgrade_makes_a_new_supergroup_and_tells_the_bot(bot: Bot, world: BotWorld) -> None:
    admin, siti = world.user("Admin"), world.user("Siti")
    group = world.group("Seksi Pemerintahan", basic=True, members=[siti], admins=[admin])
    assert group.is_basic and -(10**12) < group.id < 0
    before = await bot.send_message(group.id, "sebelum")
    assert before.chat.type == "group"

    upgraded = await group.upgrade_to_supergroup(admin)

    assert group.migrated_to is upgraded and upgraded.migrated_to is None
    assert str(upgraded.id).startswith("-100") and not upgraded.is_basic
    assert upgraded.title == "Seksi Pemerintahan" and not upgraded.is_forum
    assert {u.id for u in upgraded.members} == {admin.id, siti.id}
    moved_out, joined, moved_in = await bot.get_updates()
    assert moved_out.message.chat.id == group.id and moved_out.message.chat.type == "group"
    assert moved_out.message.migrate_to_chat_id == upgraded.id
    assert moved_out.message.from_user.id == admin.id
    assert joined.my_chat_member.chat.id == upgraded.id
    assert joined.my_chat_member.old_chat_member.status == "left"
    assert joined.my_chat_member.new_chat_member.status == "member"
    message = moved_in.message
    assert (message.chat.id, message.chat.type) == (upgraded.id, "supergroup")
    assert message.migrate_from_chat_id == group.id
    assert message.message_id == 1  # the supergroup counts its messages from 1 again
    assert message.from_user.username == "GroupAnonymousBot" and message.from_user.is_bot
    assert message.sender_chat.id == upgraded.id


async def test_every_call_naming_the_old_group_gets_the_new_id(bot: Bot, world: BotWorld) -> None:
    group = world.group("Seksi Kesos", basic=True, members=[world.user("Siti")])
    for text in ("satu", "dua", "tiga"):
        alert = await bot.send_message(group.id, text, reply_markup=OK_BUTTON)
    upgraded = await group.upgrade_to_supergroup()

    calls = (
        bot.send_message(group.id, "lagi"),
        bot.edit_message_text("diubah", chat_id=group.id, message_id=alert.message_id),
        bot.get_chat_member(group.id, world.bot_id),
        bot.get_chat(group.id),
        bot.copy_message(upgraded.id, group.id, alert.message_id),
    )
    for call in calls:
        with pytest.raises(ChatMigrated) as moved:
            await call
        assert moved.value.new_chat_id == upgraded.id
    async with httpx.AsyncClient(base_url=f"{world.root}/bot{world.token}") as http:
        answer = await http.post("/sendMessage", json={"chat_id": group.id, "text": "x"})
    assert (answer.status_code, answer.json()) == (400, {
        "ok": False, "error_code": 400,
        "description": "Bad Request: group chat was upgraded to a supergroup chat",
        "parameters": {"migrate_to_chat_id": upgraded.id},
    })  # fmt: skip
    assert [m.text for m in group.bot_messages] == ["satu", "dua", "tiga"]

    sent = await bot.send_message(upgraded.id, "di supergrup")
    assert sent.message_id == 2 and sent.chat.type == "supergroup"
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=upgraded.id, message_id=alert.message_id)


async def test_the_old_group_is_history_only(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    group = world.group("Seksi Trantib", basic=True, members=[siti])
    alert = await bot.send_message(group.id, "Aduan", reply_markup=OK_BUTTON)
    upgraded = await group.upgrade_to_supergroup(siti)

    with pytest.raises(ApiError, match="upgraded"):
        await siti.say(group, "/antrian")
    with pytest.raises(ApiError, match="upgraded"):
        await siti.press("OK", message=group.chat.get(alert.message_id))
    with pytest.raises(ApiError, match="upgraded"):
        await group.upgrade_to_supergroup()
    with pytest.raises(ApiError, match="already a supergroup"):
        await upgraded.upgrade_to_supergroup()
    with pytest.raises(ApiError, match="no topics"):
        world.group("Forum", basic=True, forum=True)
    await siti.say(upgraded, "/antrian")  # life goes on in the supergroup
    assert (await bot.get_updates())[-1].message.chat.id == upgraded.id


async def test_upgrade_to_a_forum_keeps_the_bot_admin(bot: Bot, world: BotWorld) -> None:
    siti = world.user("Siti")
    group = world.group("Seksi Umum", basic=True, members=[siti], bot_admin=True)
    with pytest.raises(BadRequest, match=r"(?i)the chat is not a forum"):
        await bot.create_forum_topic(group.id, "Aduan")
    forum = await group.upgrade_to_supergroup(forum=True)
    assert forum.is_forum
    updates = await bot.get_updates()
    assert updates[-1].message.chat.is_forum
    assert updates[1].my_chat_member.new_chat_member.status == "administrator"
    topic = await bot.create_forum_topic(forum.id, "Aduan")
    assert forum.topics == {topic.message_thread_id: "Aduan"}


async def test_a_basic_group_speaks_of_itself_as_a_group(bot: Bot, world: BotWorld) -> None:
    group = world.group("Seksi Umum", basic=True, members=[world.user("Siti")])
    await group.remove_bot()
    with pytest.raises(Forbidden, match=r"(?i)bot was kicked from the group chat"):
        await bot.send_message(group.id, "halo")
    updates = await bot.get_updates()
    assert updates[-1].my_chat_member.chat.type == "group"
