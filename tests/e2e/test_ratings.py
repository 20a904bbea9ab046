"""The citizen's rating of a resolved complaint: low ratings alert the unit head and the
supervisors, a rating can be changed for 24 hours and not after, one rating per complaint,
an optional comment or "Lewati"."""

from __future__ import annotations

from emulator import BotMessage, FakeUser
from storage.complaints import records as complaints
from tests.e2e.complaint_steps import Unit, alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv


async def resolved_complaint(
    office: OfficeEnv, unit: Unit, citizen: FakeUser
) -> tuple[str, BotMessage, BotMessage]:
    """A complaint filed, resolved by the unit; returns its number, the unit's alert and
    the citizen's "resolved" message carrying the rating buttons."""
    number = await file_complaint(citizen)
    alert = await alert_for(unit.group, number)
    await unit.staff.press("Selesai", message=alert, chat=unit.group)
    prompt = await unit.group.wait_for("balas pesan ini")
    await unit.staff.say(unit.group, "Lampu sudah diganti dan menyala kembali.", reply_to=prompt)
    resolved = await citizen.wait_for("dinyatakan selesai")
    return number, alert, resolved


def current(group_or_user, message: BotMessage) -> BotMessage:
    """The live version of a message (after the bot's edits)."""
    chat = group_or_user.world.chats[message.chat_id]
    return chat.get(message.message_id)


async def test_a_rating_of_two_alerts_the_head_and_the_supervisors(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    camat = office.user("Camat")
    await office.invite(camat, "supervisor")
    citizen = office.user("Siti")
    number, alert, resolved = await resolved_complaint(office, pemb, citizen)

    await citizen.press("2", message=resolved)
    thanks = await citizen.wait_for("Terima kasih atas penilaian")
    assert "(2/5)" in thanks.text and "Lewati" in thanks.buttons[0][0]
    for chief in (pemb.head, camat):
        warning = await chief.wait_for(f"Pengaduan {number}")
        assert "dinilai 2/5" in warning.text and "Seksi Pembangunan" in warning.text
    await office.world.settle()
    assert not any("dinilai" in m.body for m in pemb.staff.inbox)
    assert "⭐ Penilaian warga: 2/5" in current(pemb.group, alert).text

    await citizen.send("Lampunya mati lagi malam ini.")
    await citizen.wait_for("Komentar Anda tersimpan")
    await office.world.settle()
    assert "2/5 — “Lampunya mati lagi malam ini.”" in current(pemb.group, alert).text
    stored = await complaints.by_number(office.db, number)
    assert (stored.rating, stored.rating_comment) == (2, "Lampunya mati lagi malam ini.")


async def test_a_rating_can_be_changed_within_24_hours_only(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number, alert, resolved = await resolved_complaint(office, pemb, citizen)

    await citizen.press("4", message=resolved)
    await citizen.wait_for("(4/5)")
    await office.advance(hours=23, minutes=59)
    await citizen.press("5", message=resolved)
    await citizen.wait_for("(5/5)")
    await office.world.settle()
    assert "⭐ Penilaian warga: 5/5" in current(pemb.group, alert).text

    await office.advance(minutes=2)  # 24 h and 1 min after the first rating
    refusal = await citizen.press("1", message=resolved)
    assert refusal.show_alert and "dalam 24 jam" in refusal.text
    await office.world.settle()

    stored = await complaints.by_number(office.db, number)
    assert stored.rating == 5 and stored.status == "ditutup"
    assert await complaints.count_events(office.db, stored.id, "rated") == 2
    assert await complaints.count_events(office.db, stored.id, "closed") == 1
    assert "⭐ Penilaian warga: 5/5" in current(pemb.group, alert).text
    assert not any("dinilai 1/5" in m.body for m in pemb.head.inbox)


async def test_changing_to_a_low_rating_alerts_once(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number, _alert, resolved = await resolved_complaint(office, pemb, citizen)

    await citizen.press("5", message=resolved)
    await citizen.wait_for("(5/5)")
    await office.world.settle()
    assert not any("dinilai" in m.body for m in pemb.head.inbox)
    await citizen.press("1", message=resolved)
    await pemb.head.wait_for("dinilai 1/5")
    await citizen.press("2", message=resolved)
    await citizen.wait_for("(2/5)")
    await office.world.settle()
    assert sum("dinilai" in m.body for m in pemb.head.inbox) == 1
    stored = await complaints.by_number(office.db, number)
    assert stored.rating == 2


async def test_lewati_skips_the_comment(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number, _alert, resolved = await resolved_complaint(office, pemb, citizen)

    await citizen.press("5", message=resolved)
    thanks = await citizen.wait_for("Terima kasih atas penilaian")
    await citizen.press("Lewati", message=thanks)
    await citizen.wait_for("Baik, terima kasih")
    await citizen.send("Halo, apakah kantor buka hari Sabtu?")
    await citizen.wait_for("Untuk pengaduan baru ketik /lapor")
    stored = await complaints.by_number(office.db, number)
    assert stored.rating == 5 and stored.rating_comment is None
    assert await complaints.count_events(office.db, stored.id, "rating_comment") == 0
