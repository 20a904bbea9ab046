"""A command the bot does not know (a typo, a command from another bot's habits) gets a
pointer to /bantuan instead of silence, without disturbing a flow in progress; in
groups only commands addressed to this bot by name are answered."""

from __future__ import annotations

from tests.e2e.complaint_steps import begin_complaint
from tests.e2e.harness import OfficeEnv


async def test_an_unknown_command_in_private_points_to_bantuan(office: OfficeEnv) -> None:
    citizen = office.user("Ani")
    await citizen.send("/start")
    await citizen.next_message()
    await citizen.send("/foo")
    hint = await citizen.next_message()
    assert "/foo" in hint.text and "/bantuan" in hint.text
    await citizen.send("/Lapr@marelan_test_bot")  # a typo, addressed to us by name
    assert "/bantuan" in (await citizen.next_message()).text


async def test_an_unknown_command_during_a_flow_keeps_the_draft(office: OfficeEnv) -> None:
    citizen = office.user("Ani")
    await begin_complaint(citizen)
    await citizen.send("/foto")
    assert "/bantuan" in (await citizen.next_message()).text
    await citizen.press("Lewati")
    await citizen.wait_for("identitas")


async def test_in_groups_only_unknown_commands_named_for_this_bot_are_answered(
    office: OfficeEnv,
) -> None:
    """A bare /foo in a group may be meant for another bot (privacy mode delivers bare
    commands to every bot): it is left alone, as is /foo@other_bot, which a bot that is a
    group admin also receives. /foo@marelan_test_bot is ours."""
    warga = office.user("Warga")
    group = office.world.group("Warga Terjun", members=[warga])
    await warga.say(group, "/foo@marelan_test_bot")
    hint = await group.wait_for("/bantuan")
    assert "/foo" in hint.text and hint.reply_to_message_id is not None

    admin_group = office.world.group("Forum RT", members=[warga], bot_admin=True)
    before = len(group.bot_messages), len(admin_group.bot_messages)
    await warga.say(group, "/foo")
    await warga.say(admin_group, "/foo@other_bot")
    await warga.say(admin_group, "/warn")
    await office.world.settle()
    assert (len(group.bot_messages), len(admin_group.bot_messages)) == before


async def test_bantuan_tells_what_a_complaint_may_carry_and_how_forums_reach_citizens(
    office: OfficeEnv,
) -> None:
    from tests.e2e.activity_steps import member

    citizen = office.user("Ani")
    await citizen.send("/bantuan")
    help_text = (await citizen.wait_for("Perintah yang dapat Anda gunakan")).text
    assert "pesan suara, video" in help_text and "sebagai file" in help_text
    assert "Forum warga publik" not in help_text  # citizens do not organise forums
    kasi = await member(office, "Kasi", "kepala", "PEM")
    await kasi.send("/bantuan")
    assert "bagikan tautan" in (await kasi.wait_for("Perintah yang dapat Anda gunakan")).text
