"""A citizen typing a private-chat command in a group is pointed to the private chat
(their complaint must not be written in front of the neighbours); other bots' commands
are left alone."""

from __future__ import annotations

from tests.e2e.harness import OfficeEnv


async def test_private_commands_in_a_group_point_to_the_private_chat(office: OfficeEnv) -> None:
    warga = office.user("Warga")
    group = office.world.group("Warga Terjun", members=[warga])

    await warga.say(group, "/lapor")
    hint = await group.wait_for("chat pribadi")
    assert "/lapor" in hint.text and hint.reply_to_message_id is not None
    assert hint.button_urls == {"💬 Buka chat dengan bot": "https://t.me/marelan_test_bot"}

    await warga.say(group, "/survei@marelan_test_bot")
    assert "/survei" in (await group.wait_for("chat pribadi")).text

    before = len(group.bot_messages)
    await warga.say(group, "/start")  # bare /start: maybe for another bot in the group
    await warga.say(group, "/lapor@other_bot")
    await warga.say(group, "/warn")  # not one of ours
    await office.world.settle()
    assert len(group.bot_messages) == before
