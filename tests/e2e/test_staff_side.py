"""What officers met when they tried the staff side as they would use it: replies that
went nowhere, reminders that told the wrong time, codes instead of words."""

from __future__ import annotations

from bot.complaints import callbacks as cb
from storage.complaints import records as complaints
from tests.e2e.complaint_steps import alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv


async def test_a_reminder_fired_late_says_the_deadline_passed(office: OfficeEnv) -> None:
    """The bot was down at the 75% point: the reminder comes with the escalation, and must
    not promise "1 minute left" for a deadline that has passed; the ticket names both in
    words, not as row codes."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    camat = office.user("Camat")
    await office.invite(camat, "supervisor")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)  # Wed 09:00; acknowledge by Thu 09:00
    await alert_for(pemb.group, number)

    await office.advance(hours=24, minutes=1)  # the 75% point and the deadline are both due
    reminder = await pemb.group.wait_for("Pengingat")
    assert "belum diterima" in reminder.text and "sudah lewat" in reminder.text
    assert "sisa" not in reminder.text
    await camat.wait_for("Eskalasi")

    await pemb.staff.say(pemb.group, f"/tiket {number}")
    ticket = await pemb.group.wait_for("Riwayat lengkap")
    assert "sistem: pengingat: batas tanggapan hampir tiba" in ticket.text
    assert "sistem: eskalasi: batas tanggapan terlewati" in ticket.text
    assert "ack_" not in ticket.text


async def test_a_reminder_in_time_tells_the_time_left(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    await alert_for(pemb.group, number)
    await office.advance(hours=6)  # Wed 15:00: 75% of the working day to Thu 09:00
    reminder = await pemb.group.wait_for("Pengingat")
    assert number in reminder.text and "(sisa 2 jam)" in reminder.text


async def test_replies_to_the_citizens_files_and_location_reach_the_citizen(
    office: OfficeEnv,
) -> None:
    """In privacy mode the bot sees replies to its own messages only; the citizen's photos,
    location and later files are the bot's messages too, and an officer replying to one
    ("is this in front of the school?") was met with silence and never reached the citizen."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen, photos=1, location=(3.7, 98.64))
    alert = await alert_for(pemb.group, number)
    photo = await pemb.group.wait_for(predicate=lambda m: m.photo is not None)
    place = await pemb.group.wait_for(predicate=lambda m: m.kind == "location")
    await office.world.settle()

    await pemb.staff.say(pemb.group, "Apakah ini di depan sekolah?", reply_to=photo)
    await pemb.group.wait_for("terkirim ke warga")
    assert "Apakah ini di depan sekolah?" in (await citizen.wait_for("Jawaban untuk")).text
    await pemb.staff.say(pemb.group, "Titik ini sudah kami tandai.", reply_to=place)
    await pemb.group.wait_for("terkirim ke warga")
    assert "Titik ini sudah kami tandai." in (await citizen.wait_for("Jawaban untuk")).text

    await pemb.staff.press("Minta Info", message=alert, chat=pemb.group)
    prompt = await pemb.group.wait_for("balas pesan ini")
    await pemb.staff.say(pemb.group, "Mohon kirim foto tiang lampunya.", reply_to=prompt)
    await citizen.wait_for("memerlukan informasi")
    await citizen.send_photo()
    copied = await pemb.group.wait_for(predicate=lambda m: m.copied_from is not None)
    assert f"Jawaban warga untuk {number}" in copied.caption
    await office.world.settle()
    await pemb.staff.say(pemb.group, "Terima kasih, fotonya jelas.", reply_to=copied)
    await pemb.group.wait_for("terkirim ke warga")
    assert "fotonya jelas" in (await citizen.wait_for("Jawaban untuk")).text


async def test_after_a_move_the_old_unit_hears_where_the_complaint_went(
    office: OfficeEnv,
) -> None:
    """An officer answers an open "Selesai" prompt, or replies to the old alert, after a
    colleague moved the complaint: "not within your authority" sounded like a rights
    problem; they are told it moved, and nothing changes."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    pem = await unit_with_group(office, "PEM", "Seksi Pemerintahan")
    outsider = await unit_with_group(office, "KESOS", "Seksi Kesos")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    await pemb.head.press("Selesai", message=alert, chat=pemb.group)
    late_prompt = await pemb.group.wait_for("catatan penyelesaian")

    await pemb.staff.press("Alihkan", message=alert, chat=pemb.group)
    choose = await pemb.group.wait_for("ke unit mana")
    await pemb.staff.press("Seksi Pemerintahan", message=choose, chat=pemb.group)
    reason = await pemb.group.wait_for("alasan pengalihan")
    await pemb.staff.say(pemb.group, "Urusan administrasi pemerintahan.", reply_to=reason)
    await pemb.group.wait_for("dialihkan ke Seksi Pemerintahan")
    await alert_for(pem.group, number)

    await pemb.head.say(pemb.group, "Lampu sudah diganti petugas.", reply_to=late_prompt)
    refused = await pemb.group.wait_for("sudah dialihkan")
    assert f"{number} sudah dialihkan ke Seksi Pemerintahan" in refused.text
    await pemb.staff.say(pemb.group, "Jawaban setelah pindah.", reply_to=alert)
    assert "Seksi Pemerintahan" in (await pemb.group.wait_for("sudah dialihkan")).text
    await office.world.settle()
    assert not any(
        "Lampu sudah diganti" in m.body or "setelah pindah" in m.body for m in citizen.inbox
    )

    stored = await complaints.by_number(office.db, number)
    bound = outsider.group.bot_messages[0]  # "this group is now the channel of ..."
    forged = await outsider.staff.press_data(cb.Resolve(stored.id).encode(), message=bound)
    assert "bukan wewenang" in forged.text  # another unit learns nothing of the move


async def test_a_second_answer_to_an_answered_prompt_is_told_so(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    await pemb.staff.press("Selesai", message=alert, chat=pemb.group)
    prompt = await pemb.group.wait_for("balas pesan ini")
    await pemb.staff.say(pemb.group, "Lampu sudah diganti dan menyala kembali.", reply_to=prompt)
    await pemb.group.wait_for("warga diminta menilai")

    await pemb.head.say(pemb.group, "Catatan: kabelnya juga diganti.", reply_to=prompt)
    late = await pemb.group.wait_for("sudah dijawab sebelumnya")
    assert number in late.text
    await office.world.settle()
    assert sum("dinyatakan selesai" in m.text for m in citizen.inbox) == 1
