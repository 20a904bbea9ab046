"""Edits of messages the bot already acted on are not acted on again (no second answer to
the citizen, no second binding), and the person is told to send a correction anew."""

from __future__ import annotations

from storage.complaints import records as complaints
from storage.people import groups as unit_chats
from tests.e2e.complaint_steps import (
    alert_for,
    begin_complaint,
    file_complaint,
    unit_with_group,
)
from tests.e2e.harness import OfficeEnv


async def test_an_edited_staff_answer_reaches_the_citizen_once(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    await pemb.staff.press("Terima", message=alert, chat=pemb.group)
    await citizen.wait_for("diterima")
    answer = await pemb.staff.say(pemb.group, "Petugas datang besok.", reply_to=alert)
    await pemb.group.wait_for("terkirim ke warga")
    await citizen.wait_for("Jawaban untuk pengaduan")

    await pemb.staff.edit(answer, "Petugas datang lusa.")
    notice = await pemb.group.wait_for("tidak diproses ulang")
    assert notice.reply_to_message_id == answer.message_id
    await office.world.settle()
    answers = [m for m in citizen.inbox if "Jawaban untuk pengaduan" in m.text]
    assert [a.text.count("Petugas datang") for a in answers] == [1]
    assert "lusa" not in answers[0].text
    complaint = await complaints.by_number(office.db, number)
    assert complaint is not None
    assert await complaints.count_events(office.db, complaint.id, "public_reply") == 1


async def test_an_edit_during_the_intake_keeps_the_draft(office: OfficeEnv) -> None:
    citizen = office.user("Budi")
    description = await begin_complaint(
        citizen, description="Selokan di depan sekolah tersumbat sampah plastik."
    )

    await citizen.edit(description, "Selokan di depan masjid tersumbat.")
    await citizen.wait_for("tidak diproses ulang")
    await citizen.press("Lewati")
    await citizen.wait_for("identitas")
    await citizen.press("Tampilkan nama saya")
    summary = await citizen.wait_for("Periksa pengaduan")
    assert "depan sekolah" in summary.text and "masjid" not in summary.text


async def test_an_edited_command_is_not_run_again(office: OfficeEnv) -> None:
    group = office.world.group("Seksi Pemerintahan", members=[office.admin])
    command = await office.admin.say(group, "/grup_unit PEM")
    await group.wait_for("sekarang menjadi kanal")
    await office.admin.edit(command, "/grup_unit KESOS")
    await group.wait_for("tidak diproses ulang")
    assert (await unit_chats.for_unit(office.db, "PEM")).chat_id == group.id
    assert await unit_chats.for_unit(office.db, "KESOS") is None


async def test_a_moving_live_location_is_taken_once_and_quietly(office: OfficeEnv) -> None:
    citizen = office.user("Rina")
    await begin_complaint(
        citizen,
        category="Kebersihan",
        kelurahan="Paya Pasir",
        description="Tumpukan sampah di pinggir jalan sudah seminggu tidak diangkut.",
    )
    pin = await citizen.send_live_location(3.7001, 98.6401)
    await citizen.wait_for("Tersimpan")
    before = len(citizen.inbox)
    for step in range(1, 4):  # walking along the street: Telegram reports edits
        await citizen.move_live_location(pin, 3.7001 + step / 10_000, 98.6401)
    await office.world.settle()
    assert len(citizen.inbox) == before  # no notice per move
    await citizen.press("Selesai")
    await citizen.wait_for("identitas")
    await citizen.press("Tampilkan nama saya")
    summary = await citizen.wait_for("Periksa pengaduan")
    assert "Lampiran: 0 berkas dan lokasi" in summary.text
    await citizen.press("Kirim")
    await citizen.wait_for("tercatat")
    (latitude,) = await office.db.fetchone("SELECT latitude FROM complaints")
    assert latitude == 3.7001  # where the citizen shared it, not where they walked on
