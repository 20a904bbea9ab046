"""What officers met when they tried the staff side as they would use it: replies that
went nowhere, reminders that told the wrong time, codes instead of words."""

from __future__ import annotations

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
    await pemb.group.wait_for("mengirim berkas")
    copied = await pemb.group.wait_for(predicate=lambda m: m.copied_from is not None)
    await office.world.settle()
    await pemb.staff.say(pemb.group, "Terima kasih, fotonya jelas.", reply_to=copied)
    await pemb.group.wait_for("terkirim ke warga")
    assert "fotonya jelas" in (await citizen.wait_for("Jawaban untuk")).text
