"""The world's message journal, people with chosen ids and photos of real pictures: what a
screen showing every chat at once (the sandbox page) relies on."""

from __future__ import annotations

import pytest
from telegram import Bot

from emulator import ApiError, BotWorld
from emulator.files import make_png


async def test_the_journal_lists_new_edited_and_deleted_messages_of_every_chat(
    world: BotWorld, bot: Bot
) -> None:
    siti = world.user("Siti")
    group = world.group("Seksi Pembangunan", members=[siti])
    start = world.journal.cursor
    said = await siti.send("/start")
    sent = await bot.send_message(siti.id, "Halo <b>Siti</b>", parse_mode="HTML")
    posted = await bot.send_message(group.id, "Pengaduan baru")
    changes, cursor = world.journal.since(start)
    assert changes == [
        (siti.id, said.message_id),
        (siti.id, sent.message_id),
        (group.id, posted.message_id),
    ]

    await bot.edit_message_text("Halo lagi", chat_id=siti.id, message_id=sent.message_id)
    await bot.delete_message(group.id, posted.message_id)
    await bot.edit_message_text("Halo sekali lagi", chat_id=siti.id, message_id=sent.message_id)
    later, end = world.journal.since(cursor)
    # each message once, ordered by its latest change
    assert later == [(group.id, posted.message_id), (siti.id, sent.message_id)]
    assert world.journal.since(end) == ([], end)
    assert world.chat(group.id).messages[posted.message_id].deleted


async def test_people_and_groups_can_be_given_their_ids(world: BotWorld) -> None:
    siti = world.user("Siti", user_id=123456789)
    group = world.group("Grup", members=[siti], chat_id=-1001234567890)
    assert (siti.id, group.id) == (123456789, -1001234567890)
    with pytest.raises(ApiError):
        world.user("Siti lagi", user_id=123456789)
    with pytest.raises(ApiError):
        world.group("Grup lagi", chat_id=-1001234567890)
    said = await siti.send("/start")
    assert world.journal.since(0)[0] == [(siti.id, said.message_id)]


async def test_a_person_sends_a_picture_of_their_own(world: BotWorld, bot: Bot) -> None:
    siti = world.user("Siti")
    picture = make_png(30, 20, rgb=(1, 2, 3))
    sent = await siti.send_photo("Jalan berlubang", content=picture)
    largest = sent.photo[-1]
    assert (largest["width"], largest["height"]) == (30, 20)
    assert world.file_bytes(largest["file_id"]) == picture
    with pytest.raises(ApiError, match="picture"):
        await siti.send_photo(content=b"not a picture")
