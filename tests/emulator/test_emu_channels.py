"""Channels in the emulator, seen through python-telegram-bot's ``Bot``: who may post,
what a post looks like, what a bot outside the channel can learn about it."""

from __future__ import annotations

import pytest
from telegram import Bot, ChatMemberAdministrator, ChatMemberBanned, ChatMemberLeft
from telegram.constants import ChatType
from telegram.error import BadRequest, Forbidden

from emulator import BotWorld


async def test_an_admin_bot_posts_on_behalf_of_the_channel(bot: Bot, world: BotWorld) -> None:
    owner = world.user("Camat")
    channel = world.channel("Info Kecamatan", owner=owner, username="info_marelan")
    by_name = await bot.get_chat("@info_marelan")
    assert (by_name.id, by_name.type, by_name.username) == (
        channel.id,
        ChatType.CHANNEL,
        "info_marelan",
    )
    me = await bot.get_chat_member(channel.id, bot.id)
    assert isinstance(me, ChatMemberAdministrator) and me.can_post_messages

    sent = await bot.send_message(channel.id, "<b>Kinerja</b> minggu ini", parse_mode="HTML")
    assert sent.from_user is None and sent.sender_chat.id == channel.id
    assert [p.text for p in channel.posts] == ["Kinerja minggu ini"]
    assert (await channel.next_message()).html == "<b>Kinerja</b> minggu ini"


async def test_a_bot_without_the_right_to_post_or_outside_is_refused(
    bot: Bot, world: BotWorld
) -> None:
    owner = world.user("Camat")
    muted = world.channel("Tanpa hak", owner=owner, can_post=False)
    with pytest.raises(BadRequest, match=r"(?i)need administrator rights in the channel chat"):
        await bot.send_message(muted.id, "halo")
    assert not (await bot.get_chat_member(muted.id, bot.id)).can_post_messages

    public = world.channel("Publik", owner=owner, username="publik_marelan", bot_admin=False)
    assert isinstance(await bot.get_chat_member("@publik_marelan", bot.id), ChatMemberLeft)
    with pytest.raises(BadRequest, match=r"(?i)member list is inaccessible"):
        await bot.get_chat_member(public.id, owner.id)
    with pytest.raises(Forbidden, match=r"(?i)bot is not a member of the channel chat"):
        await bot.send_message(public.id, "halo")

    hidden = world.channel("Rahasia", owner=owner, bot_admin=False)
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.get_chat(hidden.id)
    with pytest.raises(BadRequest, match=r"(?i)chat not found"):
        await bot.get_chat("@tidak_ada_kanal")
    assert muted.posts == [] and public.posts == []


async def test_adding_restricting_and_removing_the_bot_are_updates(
    bot: Bot, world: BotWorld
) -> None:
    owner = world.user("Camat")
    channel = world.channel("Info", owner=owner, bot_admin=False)
    await channel.add_bot(owner)
    await channel.set_bot_rights(owner, can_post=False)
    await channel.remove_bot(owner)
    updates = await bot.get_updates(timeout=0)
    changes = [u.my_chat_member for u in updates]
    assert all(c.chat.type == ChatType.CHANNEL and c.from_user.id == owner.id for c in changes)
    assert [(c.old_chat_member.status, c.new_chat_member.status) for c in changes] == [
        ("left", "administrator"),
        ("administrator", "administrator"),
        ("administrator", "kicked"),
    ]
    assert changes[0].new_chat_member.can_post_messages
    assert changes[1].old_chat_member.can_post_messages
    assert not changes[1].new_chat_member.can_post_messages
    assert isinstance(changes[2].new_chat_member, ChatMemberBanned)
    with pytest.raises(Forbidden, match=r"(?i)bot was kicked from the channel chat"):
        await bot.send_message(channel.id, "halo")
