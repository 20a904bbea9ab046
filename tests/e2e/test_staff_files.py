"""Staff answer with a photo or a document (a picture of the repaired street light, a
signed letter): the citizen receives a copy signed by the unit, never the officer."""

from __future__ import annotations

from storage.complaints import records as complaints
from tests.e2e.complaint_steps import alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv


async def test_a_photo_answer_reaches_the_citizen_signed_by_the_unit(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    await office.world.settle()  # the bot has recorded which complaint the alert stands for

    photo = await pemb.staff.send_photo(
        "Lampu sudah diganti tadi pagi.", reply_to=alert, chat=pemb.group
    )
    await pemb.group.wait_for("terkirim ke warga")
    answer = await citizen.wait_for("Jawaban untuk pengaduan")
    assert "Lampu sudah diganti tadi pagi." in answer.text and "— Seksi Pembangunan" in answer.text
    copy = await citizen.wait_for(predicate=lambda m: m.photo is not None)
    assert copy.copied_from == (pemb.group.id, photo.message_id)
    assert "Lampiran jawaban untuk pengaduan" in copy.caption
    assert "Seksi Pembangunan" in copy.caption
    assert "StafPEMB" not in copy.caption and "diganti" not in copy.caption
    complaint = await complaints.by_number(office.db, number)
    assert complaint is not None and complaint.status == "diproses"

    await pemb.staff.send_document("berita-acara.pdf", reply_to=alert, chat=pemb.group)
    await pemb.group.wait_for("terkirim ke warga")
    letter = await citizen.wait_for(predicate=lambda m: m.document is not None)
    assert "Lampiran jawaban" in letter.caption
    await citizen.send(f"/status {number}")
    status = await citizen.wait_for("Linimasa")
    assert "Jawaban Seksi Pembangunan: 📎" in status.text

    await citizen.send("Terima kasih, sudah terang sekarang.", reply_to=copy)
    relayed = await pemb.group.wait_for("Pesan warga")
    assert "sudah terang sekarang" in relayed.text

    await pemb.staff.say(pemb.group, "#catatan foto dari lapangan", reply_to=alert)
    await pemb.group.wait_for("Catatan internal")


async def test_a_question_and_a_resolution_may_come_with_a_photo(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)

    await pemb.staff.press("Minta Info", message=alert, chat=pemb.group)
    prompt = await pemb.group.wait_for("balas pesan ini")
    await pemb.staff.send_photo("Apakah tiang lampu yang ini?", reply_to=prompt, chat=pemb.group)
    await pemb.group.wait_for("Pertanyaan terkirim")
    question = await citizen.wait_for("memerlukan informasi tambahan")
    assert "Apakah tiang lampu yang ini?" in question.text
    shown = await citizen.wait_for(predicate=lambda m: m.photo is not None)
    assert "Lampiran jawaban" in shown.caption
    await citizen.send("Betul, yang itu.", reply_to=question)
    await pemb.group.wait_for("Jawaban warga")

    await pemb.staff.press("Selesai", message=alert, chat=pemb.group)
    prompt = await pemb.group.wait_for("balas pesan ini")
    await pemb.staff.send_photo(reply_to=prompt, chat=pemb.group)  # no caption: a note first
    await pemb.group.wait_for("keterangan")
    await pemb.staff.send_photo(
        "Lampu sudah diganti dan menyala kembali.", reply_to=prompt, chat=pemb.group
    )
    await pemb.group.wait_for("warga diminta menilai")
    result = await citizen.wait_for(predicate=lambda m: m.photo is not None and m is not shown)
    resolved = await citizen.wait_for("dinyatakan selesai")
    assert result.message_id < resolved.message_id  # the rating buttons come last
    assert any("1" in label for row in resolved.buttons for label in row)


async def test_staff_hear_when_the_citizen_cannot_be_reached(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    await office.world.settle()
    citizen.block_bot()
    await office.world.settle()

    await pemb.staff.say(pemb.group, "Petugas datang besok pagi.", reply_to=alert)
    warning = await pemb.group.wait_for("tidak dapat dihubungi")
    assert number in warning.text and "/status" in warning.text

    citizen.unblock_bot()
    await citizen.send(f"/status {number}")
    status = await citizen.wait_for("Linimasa")
    assert "Petugas datang besok pagi." in status.text  # nothing was lost
    await pemb.staff.say(pemb.group, "Mohon tunggu di lokasi.", reply_to=alert)
    await pemb.group.wait_for("terkirim ke warga")


async def test_a_citizen_back_from_blocking_hears_which_complaints_have_news(
    office: OfficeEnv,
) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    other = await file_complaint(citizen, description="Selokan di Jalan Kapten Rahmad tersumbat.")
    alert = await alert_for(pemb.group, number)
    await office.world.settle()
    citizen.block_bot()
    await office.world.settle()
    await pemb.staff.press("Terima", message=alert, chat=pemb.group)
    await pemb.staff.say(pemb.group, "Petugas datang besok pagi.", reply_to=alert)
    await pemb.group.wait_for("tidak dapat dihubungi")

    citizen.unblock_bot()
    await citizen.send("/start")
    news = await citizen.wait_for("Selamat datang kembali")
    assert number in news.text and other not in news.text
    assert f"/status {number}" in news.text
    await citizen.send("/start")
    await office.world.settle()
    assert sum("Selamat datang kembali" in m.text for m in citizen.inbox) == 1
