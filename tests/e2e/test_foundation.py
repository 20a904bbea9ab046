"""Foundation flows end to end: invitations, unit groups, roles, language, escaping."""

from __future__ import annotations

from storage.core import audit
from storage.people import directory as people
from storage.people import groups as unit_chats
from tests.e2e.harness import OfficeEnv


async def test_start_greets_with_menu(office: OfficeEnv) -> None:
    citizen = office.user("Siti", last_name="Aminah")
    await citizen.send("/start")
    greeting = await citizen.next_message()
    assert "Halo, Siti Aminah!" in greeting.text
    assert "Kantor Camat Medan Marelan" in greeting.text
    assert any("Bantuan" in label for row in greeting.buttons for label in row)


async def test_name_with_markup_characters_renders_literally(office: OfficeEnv) -> None:
    citizen = office.user("<b>&", last_name="<i>")
    await citizen.send("/start")
    greeting = await citizen.next_message()
    assert greeting.text.startswith("Halo, <b>& <i>!")
    bold = [e for e in greeting.entities if e["type"] == "bold"]
    assert all(e["offset"] > len("Halo, <b>& <i>!") for e in bold)


async def test_invite_link_works_once(office: OfficeEnv) -> None:
    staff, intruder = office.user("Budi"), office.user("Joko")
    await office.admin.send("/undang staf PEM")
    reply = await office.admin.next_message()
    assert "Seksi Pemerintahan" in reply.text
    link = reply.text.split("https://t.me/marelan_test_bot?start=")[1].split()[0]
    assert link.startswith("inv_") and len(link) >= 4 + 22  # >= 128 random bits

    await staff.send(f"/start {link}")
    welcome = await staff.next_message()
    assert "terdaftar sebagai Staf di Seksi Pemerintahan" in welcome.text
    assert "menerima undangan" in (await office.admin.next_message()).text

    await intruder.send(f"/start {link}")
    assert "tidak berlaku" in (await intruder.next_message()).text

    budi = await people.get(office.db, staff.id)
    joko = await people.get(office.db, intruder.id)
    assert (budi.role, budi.unit_code) == ("staf", "PEM")
    assert joko.role == "citizen"
    actions = [e.action for e in await audit.entries(office.db)]
    assert "invite.accepted" in actions and "invite.rejected" in actions


async def test_unknown_and_expired_invites_change_nothing(office: OfficeEnv) -> None:
    late = office.user("Rina")
    await office.admin.send("/undang kepala PEMB")
    link = (await office.admin.next_message()).text.split("start=")[1].split()[0]
    await office.advance(hours=73)
    await late.send(f"/start {link}")
    assert "tidak berlaku" in (await late.next_message()).text
    await late.send("/start inv_AAAAAAAAAAAAAAAAAAAAAA")
    assert "tidak berlaku" in (await late.next_message()).text
    assert (await people.get(office.db, late.id)).role == "citizen"


async def test_undang_validates_arguments(office: OfficeEnv) -> None:
    await office.admin.send("/undang")
    assert "Cara pakai" in (await office.admin.next_message()).text
    await office.admin.send("/undang staf")  # staff need a unit
    assert "Cara pakai" in (await office.admin.next_message()).text
    await office.admin.send("/undang staf XYZ")
    assert "tidak dikenal" in (await office.admin.next_message()).text


async def test_admin_binds_group_and_others_are_refused(office: OfficeEnv) -> None:
    staff, citizen = office.user("Budi"), office.user("Warga")
    await office.invite(staff, "staf", "PEM")
    group = office.world.group("Seksi Pemerintahan", members=[office.admin, staff, citizen])

    await staff.say(group, "/grup_unit PEM")
    assert "Hanya admin" in (await group.next_message()).text
    assert await unit_chats.for_unit(office.db, "PEM") is None

    await citizen.send("/undang staf PEM")
    assert "bukan wewenang Anda" in (await citizen.next_message()).text

    await office.admin.say(group, "/grup_unit PEM")
    confirmation = await group.next_message()
    assert "kanal Seksi Pemerintahan" in confirmation.text
    bound = await unit_chats.for_unit(office.db, "PEM")
    assert bound is not None and bound.chat_id == group.id

    other = office.world.group("Grup baru PEM", members=[office.admin])
    await office.admin.say(other, "/grup_unit PEM")
    await other.next_message()
    assert (await unit_chats.for_unit(office.db, "PEM")).chat_id == other.id


async def test_grup_unit_in_private_explains(office: OfficeEnv) -> None:
    await office.admin.send("/grup_unit PEM")
    assert "di dalam grup" in (await office.admin.next_message()).text


async def test_forged_button_presses_change_nothing(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/bahasa")
    menu = await citizen.next_message()
    before = await people.get(office.db, citizen.id)

    for forged in ("v1:lang:set:xx", "v1:lang:set", "v9:lang:set:en", "v1:zz:qq:1", "garbage"):
        answer = await citizen.press_data(forged, message=menu)
        assert answer.show_alert and "tidak berlaku" in answer.text
    assert await people.get(office.db, citizen.id) == before


async def test_language_switch_changes_replies(office: OfficeEnv) -> None:
    citizen = office.user("Ann")
    await citizen.send("/bahasa")
    await citizen.next_message()
    await citizen.press("English")
    assert "switched to English" in (await citizen.next_message()).text
    await citizen.send("/bantuan")
    help_text = (await citizen.next_message()).text
    assert "Commands you can use" in help_text and "/undang" not in help_text
    assert (await people.get(office.db, citizen.id)).language == "en"


async def test_help_lists_commands_by_role(office: OfficeEnv) -> None:
    await office.admin.send("/bantuan")
    admin_help = (await office.admin.next_message()).text
    assert "/undang" in admin_help and "/grup_unit" in admin_help
    citizen = office.user("Warga")
    await citizen.send("/bantuan")
    citizen_help = (await citizen.next_message()).text
    assert "/undang" not in citizen_help and "Ombudsman" in citizen_help


async def test_revoke_removes_role_and_tells_the_person(office: OfficeEnv) -> None:
    staff = office.user("Budi")
    await office.invite(staff, "staf", "PEM")
    await office.admin.send(f"/cabut {staff.id}")
    assert "telah dicabut" in (await office.admin.next_message()).text
    assert "dicabut oleh admin" in (await staff.wait_for("dicabut")).text
    assert (await people.get(office.db, staff.id)).role == "citizen"
    await office.admin.send("/pengguna")
    listing = (await office.admin.next_message()).text
    assert "Budi" not in listing


async def test_staff_list_groups_by_unit(office: OfficeEnv) -> None:
    kepala = office.user("Kasi", last_name="<Pem>")
    await office.invite(kepala, "kepala", "PEM")
    await office.admin.send("/pengguna")
    listing = (await office.admin.next_message()).text
    assert (
        "Seksi Pemerintahan · ⚠️ belum ada grup (/grup_unit PEM): pengaduannya dikirim ke "
        "Admin\n• Kasi <Pem> — Kepala Unit"
    ) in listing


async def test_command_menus_are_published(office: OfficeEnv) -> None:
    await office.world.settle()
    citizen_menu = office.world.commands_for("all_private_chats")
    assert "start" in citizen_menu and "undang" not in citizen_menu
    admin_menu = office.world.commands_for("chat", chat_id=office.admin.id)
    assert "undang" in admin_menu and "pengguna" in admin_menu


async def test_batal_without_a_flow(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/batal")
    assert "Tidak ada proses" in (await citizen.next_message()).text


async def test_batal_ends_a_flow_and_keeps_nothing(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/lapor")
    await citizen.next_message()
    await citizen.press("Setuju")
    await citizen.wait_for("Pilih kategori")
    await citizen.send("/batal")
    assert "dibatalkan" in (await citizen.next_message()).text.lower()
    await citizen.send("/batal")
    assert "Tidak ada proses" in (await citizen.next_message()).text


async def test_admins_hear_when_the_bot_leaves_a_unit_group(office: OfficeEnv) -> None:
    group = office.world.group("Seksi Kesos", members=[office.admin])
    await office.bind_group(group, "KESOS")
    await group.remove_bot()
    warning = await office.admin.wait_for("tidak dapat menjangkau grup")
    assert "/grup_unit KESOS" in warning.text


async def test_start_check_reports_a_group_the_bot_left(office: OfficeEnv) -> None:
    group = office.world.group("Seksi Kesos", members=[office.admin])
    await office.bind_group(group, "KESOS")
    await office.bot.stop()
    await group.remove_bot()
    await office.bot.start()
    warning = await office.admin.wait_for("tidak dapat menjangkau grup")
    assert "Seksi Kesejahteraan Sosial" in warning.text and "/grup_unit KESOS" in warning.text
    checks = [c for c in office.world.calls("getChatMember") if c.params["chat_id"] == group.id]
    assert checks and checks[-1].status == 403  # the start-up check asked and was refused


async def test_handler_errors_are_apologised_for(office: OfficeEnv) -> None:
    """A failure inside a handler: logged with the update id, the person gets an apology
    and the bot keeps serving."""
    from telegram import Update

    from bot.core import outcome

    citizen = office.user("Siti")
    message = await citizen.send("/start")
    await citizen.next_message()
    application = office.bot.application
    update = Update.de_json(
        {
            "update_id": 999001,
            "message": {
                "message_id": message.message_id,
                "date": message.date,
                "chat": {"id": citizen.id, "type": "private", "first_name": "Siti"},
                "from": {"id": citizen.id, "is_bot": False, "first_name": "Siti"},
                "text": "/start",
            },
        },
        application.bot,
    )
    outcome.begin()  # as the first handler of every update does (handlers/core/common.py)
    await application.process_error(update, RuntimeError("database disappeared"))
    assert "terjadi kesalahan" in (await citizen.next_message()).text
    await citizen.send("/bantuan")
    assert "Perintah yang dapat" in (await citizen.next_message()).text


async def test_one_guided_flow_at_a_time(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/lapor")
    await citizen.next_message()
    await citizen.press("Setuju")
    await citizen.wait_for("Pilih kategori")
    await citizen.send("/survei")
    busy = await citizen.next_message()
    assert "masih mengisi pengaduan" in busy.text and "/batal" in busy.text
    await citizen.press("Lainnya")  # the complaint flow carries on where it was
    await citizen.wait_for("Di kelurahan mana")
    await citizen.send("/batal")
    await citizen.wait_for("dibatalkan")
    await citizen.send("/survei")
    assert "layanan" in (await citizen.next_message()).text.lower()


async def test_rebinding_a_unit_tells_the_old_group(office: OfficeEnv) -> None:
    first = office.world.group("Seksi Pemerintahan", members=[office.admin])
    await office.bind_group(first, "PEM")
    second = office.world.group("Seksi Pemerintahan (baru)", members=[office.admin])
    await office.admin.say(second, "/grup_unit PEM")
    confirmation = await second.wait_for("sekarang menjadi kanal")
    assert "Grup sebelumnya (Seksi Pemerintahan) tidak lagi menerima pengaduan" in confirmation.text
    notice = await first.wait_for("bukan lagi kanal")
    assert "Seksi Pemerintahan (baru)" in notice.text

    await office.admin.say(second, "/grup_unit PEM")  # again in the same group: no notices
    again = await second.wait_for("sekarang menjadi kanal")
    assert "Grup sebelumnya" not in again.text
    await office.world.settle()
    assert sum("bukan lagi kanal" in m.text for m in first.bot_messages) == 1
