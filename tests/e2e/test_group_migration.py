"""Unit groups survive Telegram's upgrade of a basic group to a supergroup (new chat id).

The bot may learn of the upgrade from the service messages, from a refused send to the old
id (the dispatcher, or a direct answer), from the start check, or from a stray membership
update; whichever comes first moves the unit's binding, and the others find nothing left.
"""

from __future__ import annotations

import asyncio

from emulator import ApiCall, BotMessage
from emulator.serialize import status_update
from storage.complaints import records as complaints
from storage.core import audit, outbox
from storage.core.audit import AuditEntry
from storage.people import groups as unit_chats
from tests.e2e.complaint_steps import alert_for, file_complaint, reply_to_prompt, unit_with_group
from tests.e2e.harness import OfficeEnv

UPGRADED = "telah menjadi supergrup"
MISSING = "tidak dapat menjangkau grup"
LITTER = "Sampah dibuang sembarangan di tepi jalan tiap malam."
DRAIN = "Saluran air di Jl. Paya Pasir tersumbat sampah sejak kemarin sore."


def naming(office: OfficeEnv, chat_id: int, since: int) -> list[ApiCall]:
    """Bot API calls made after request number ``since`` that named ``chat_id``."""
    return [c for c in office.world.requests[since:] if c.params.get("chat_id") == chat_id]


async def migrations(office: OfficeEnv) -> list[AuditEntry]:
    return await audit.entries(office.db, "unit_chat.migrated")


def buttons(message: BotMessage) -> list[str]:
    return [label for row in message.buttons for label in row]


async def test_binding_follows_the_upgrade_and_the_unit_works_on_there(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan", basic=True)
    citizen = office.user("Siti")
    old_alert = await alert_for(pemb.group, await file_complaint(citizen))
    await pemb.staff.press("Minta Info", message=old_alert, chat=pemb.group)
    await pemb.group.wait_for("balas pesan ini")  # a prompt nobody answers before the upgrade
    await office.world.settle()
    old_id, old_messages = pemb.group.id, len(pemb.group.bot_messages)
    mark = len(office.world.requests)

    upgraded = await pemb.group.upgrade_to_supergroup(office.admin)

    notice = await upgraded.wait_for(UPGRADED)
    assert "Seksi Pembangunan" in notice.text
    await office.world.settle()
    assert (await unit_chats.for_unit(office.db, "PEMB")).chat_id == upgraded.id
    [moved] = await migrations(office)  # two service messages, one move
    assert moved.details["via"] == "service_message" and moved.details["units"] == ["PEMB"]
    assert moved.details["new_chat_id"] == upgraded.id
    assert (moved.details["alerts"], moved.details["prompts"]) == (1, 1)
    await office.admin.send("/pengguna")
    listing = await office.admin.wait_for("Pengguna terdaftar")
    assert f"Seksi Pembangunan · grup Seksi Pembangunan ({upgraded.id})" in listing.text

    number = await file_complaint(citizen, description=DRAIN)
    alert = await alert_for(upgraded, number)
    answer = await pemb.staff.press("Terima", message=alert, chat=upgraded)
    assert "penanggung jawab" in answer.text
    edited = await upgraded.wait_for_edit(alert)
    assert "Status:</b> Diterima" in edited.html
    await citizen.wait_for("diterima")
    await office.world.settle()
    assert naming(office, old_id, mark) == []  # not even a failed attempt
    assert len(pemb.group.bot_messages) == old_messages


async def test_a_reminder_sent_before_the_bot_saw_the_upgrade_arrives_once(
    office: OfficeEnv,
) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan", basic=True)
    citizen = office.user("Siti")
    number = await file_complaint(citizen)  # Wed 09:00; the 75% point is Wed 15:00
    await alert_for(pemb.group, number)
    await office.world.settle()
    old_id, mark = pemb.group.id, len(office.world.requests)

    office.world.updates.hold()  # Telegram is late with the upgrade's service messages
    upgraded = await pemb.group.upgrade_to_supergroup(office.admin)
    await office.advance(hours=7)  # the reminder is queued for the old id and sent
    reminder = await upgraded.wait_for("Pengingat")
    assert number in reminder.text
    [moved] = await migrations(office)
    assert moved.details["via"] == "delivery"
    [refused] = naming(office, old_id, mark)
    assert refused.status == 400
    assert refused.result_or_error["parameters"] == {"migrate_to_chat_id": upgraded.id}

    office.world.updates.release()
    await upgraded.wait_for(UPGRADED)
    await office.world.settle()
    assert len(await migrations(office)) == 1  # the service messages found nothing to move
    assert sum("Pengingat" in m.body for m in upgraded.bot_messages) == 1
    assert not any("Pengingat" in m.body for m in pemb.group.bot_messages)
    assert len(naming(office, old_id, mark)) == 1
    assert (await unit_chats.for_unit(office.db, "PEMB")).chat_id == upgraded.id
    assert "dead" not in await outbox.counts(office.db)


async def test_an_old_alert_is_posted_anew_when_its_complaint_changes(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan", basic=True)
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    old_alert = await alert_for(pemb.group, number)
    upgraded = await pemb.group.upgrade_to_supergroup(office.admin)
    await upgraded.wait_for(UPGRADED)

    # The old alert is history in the old group; staff open the complaint in the new one.
    await pemb.staff.say(upgraded, f"/tiket {number}")
    ticket = await upgraded.wait_for("Riwayat lengkap")
    await pemb.staff.press("Terima", message=ticket, chat=upgraded)
    reposted = await upgraded.wait_for(
        f"Pengaduan {number}", predicate=lambda m: "Status:</b> Diterima" in (m.html or "")
    )
    assert buttons(reposted) == ["❓ Minta Info", "↪️ Alihkan", "🏁 Selesai"]
    assert pemb.group.chat.get(old_alert.message_id).version == old_alert.version
    await citizen.wait_for("diterima")

    # From now on the reposted alert is the one kept up to date.
    await pemb.staff.press("Minta Info", message=reposted, chat=upgraded)
    await reply_to_prompt(pemb.staff, upgraded, "Tiang lampu yang mana, dekat nomor rumah berapa?")
    edited = await upgraded.wait_for_edit(reposted)
    assert "Menunggu jawaban warga" in edited.text
    await citizen.wait_for("Tiang lampu yang mana")
    await office.world.settle()
    assert sum(f"Pengaduan {number}" in m.body for m in upgraded.bot_messages) == 2  # ticket
    assert "dead" not in await outbox.counts(office.db)


async def test_an_answer_to_a_command_sent_just_before_the_upgrade_arrives(
    office: OfficeEnv,
) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan", basic=True)
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    await alert_for(pemb.group, number)
    await office.world.settle()
    old_id, mark = pemb.group.id, len(office.world.requests)

    await pemb.staff.say(pemb.group, f"/tiket {number}")
    upgraded = await pemb.group.upgrade_to_supergroup(office.admin)  # before the bot answers

    ticket = await upgraded.wait_for("Riwayat lengkap")
    await pemb.staff.press("Terima", message=ticket, chat=upgraded)
    await citizen.wait_for("diterima")
    await office.world.settle()
    [refused] = naming(office, old_id, mark)
    assert (refused.method, refused.status) == ("sendMessage", 400)
    assert len(await migrations(office)) == 1
    assert (await unit_chats.for_unit(office.db, "PEMB")).chat_id == upgraded.id


async def test_a_button_pressed_just_before_the_upgrade_still_works(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan", basic=True)
    trantib = await unit_with_group(office, "TRANTIB", "Seksi Trantib")
    citizen = office.user("Siti")
    number = await file_complaint(
        citizen, category="Kebersihan & Sampah", kelurahan="Paya Pasir", description=LITTER
    )
    alert = await alert_for(pemb.group, number)
    await pemb.staff.press("Alihkan", message=alert, chat=pemb.group)
    choice = await pemb.group.wait_for("ke unit mana")
    await office.world.settle()

    target = "Seksi Ketenteraman dan Ketertiban Umum"
    pressing = asyncio.create_task(pemb.staff.press(target, message=choice, chat=pemb.group))
    await asyncio.sleep(0)  # the press is on its way to the bot...
    upgraded = await pemb.group.upgrade_to_supergroup(office.admin)  # ...and the group changes
    await pressing

    # The press came from the old chat id, the answer comes from the new one: the bot works
    # on them in parallel, so let it store the prompt first (as a person takes seconds).
    await office.world.settle()
    prompt = await upgraded.wait_for("alasan pengalihan")  # shown where it can be
    assert "Seksi Ketenteraman" in prompt.text and prompt.force_reply  # names the unit
    await pemb.staff.say(upgraded, "Pembuangan liar adalah urusan penertiban.", reply_to=prompt)
    await upgraded.wait_for("dialihkan ke")
    await alert_for(trantib.group, number)
    stored = await complaints.by_number(office.db, number)
    assert (stored.unit_code, stored.status) == ("TRANTIB", "baru")


async def test_an_upgrade_while_the_bot_was_down_is_no_missing_group(office: OfficeEnv) -> None:
    group = office.world.group("Seksi Kesos", members=[office.admin], basic=True)
    await office.bind_group(group, "KESOS")
    await office.world.settle()
    await office.bot.stop()
    upgraded = await group.upgrade_to_supergroup(office.admin)
    await office.bot.start()  # the start check meets the old id first

    await upgraded.wait_for(UPGRADED)
    await office.world.settle()
    assert not any(MISSING in m.body for m in office.admin.inbox)
    assert (await unit_chats.for_unit(office.db, "KESOS")).chat_id == upgraded.id
    [moved] = await migrations(office)
    assert moved.details["via"] == "start"
    checks = [c for c in office.world.calls("getChatMember") if c.params["chat_id"] == upgraded.id]
    assert checks and checks[-1].ok


async def test_a_stray_left_update_of_the_old_group_is_no_removal(office: OfficeEnv) -> None:
    world = office.world
    group = world.group("Seksi Kesos", members=[office.admin], basic=True)
    await office.bind_group(group, "KESOS")
    await world.settle()

    world.updates.hold()
    upgraded = await group.upgrade_to_supergroup(office.admin)
    world.updates.drop_all()  # the upgrade's updates are lost (kept 24 hours only)...
    left = status_update(world, group.chat, office.admin.id, world.bot_id, "member", "left")
    world.emit("my_chat_member", left)  # ...and a "left" for the old group comes instead
    world.updates.release()

    await upgraded.wait_for(UPGRADED)
    await world.settle()
    assert not any(MISSING in m.body for m in office.admin.inbox)
    [moved] = await migrations(office)
    assert moved.details["via"] == "membership"
    assert (await unit_chats.for_unit(office.db, "KESOS")).chat_id == upgraded.id

    await upgraded.remove_bot()  # a real removal, from the group as it is now
    warning = await office.admin.wait_for(MISSING)
    assert "/grup_unit KESOS" in warning.text


async def test_an_upgrade_that_turns_on_topics_makes_the_unit_a_forum(office: OfficeEnv) -> None:
    staff = office.user("StafPEMB")
    await office.invite(staff, "staf", "PEMB")
    group = office.world.group(
        "Seksi Pembangunan", members=[office.admin, staff], basic=True, bot_admin=True
    )
    await office.bind_group(group, "PEMB")
    assert not (await unit_chats.for_unit(office.db, "PEMB")).is_forum

    forum = await group.upgrade_to_supergroup(office.admin, forum=True)
    await forum.wait_for(UPGRADED)
    await office.world.settle()
    assert (await unit_chats.for_unit(office.db, "PEMB")).is_forum

    number = await file_complaint(office.user("Siti"))
    alert = await alert_for(forum, number)
    assert forum.topics[alert.message_thread_id].startswith(f"{number} · Infrastruktur")
    await staff.press("Terima", message=alert, chat=forum)
    assert "Status:</b> Diterima" in (await forum.wait_for_edit(alert)).html


async def test_removal_from_a_basic_group_is_still_reported(office: OfficeEnv) -> None:
    group = office.world.group("Seksi Kesos", members=[office.admin], basic=True)
    await office.bind_group(group, "KESOS")
    await group.remove_bot()
    warning = await office.admin.wait_for(MISSING)
    assert "/grup_unit KESOS" in warning.text
    [asked] = [c for c in office.world.calls("getChat") if c.params["chat_id"] == group.id]
    assert asked.status == 403  # no supergroup behind it: a real removal
    assert await migrations(office) == []


async def test_a_group_bound_just_before_its_upgrade_ends_up_bound(office: OfficeEnv) -> None:
    group = office.world.group("Seksi Kesos", members=[office.admin], basic=True)
    await office.admin.say(group, "/grup_unit KESOS")
    upgraded = await group.upgrade_to_supergroup(office.admin)  # before the bot answers

    await upgraded.wait_for("sekarang menjadi kanal")
    await office.world.settle()
    assert (await unit_chats.for_unit(office.db, "KESOS")).chat_id == upgraded.id
    assert not any(MISSING in m.body for m in office.admin.inbox)
    assert group.bot_messages == []
