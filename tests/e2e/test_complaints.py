"""Complaints end to end: citizen → unit group → staff actions → citizen, and back."""

from __future__ import annotations

from storage.complaints import records as complaints
from tests.e2e.complaint_steps import alert_for, file_complaint, reply_to_prompt, unit_with_group
from tests.e2e.harness import OfficeEnv


async def test_whole_path_from_report_to_rating(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti", last_name="Aminah", username="siti_a")

    number = await file_complaint(citizen, photos=2, location=(3.7, 98.64))
    confirmation = citizen.inbox[-1].text
    assert "Diteruskan ke: Seksi Pembangunan" in confirmation
    assert "Ditanggapi paling lambat: Kamis, 26 November 2026 pukul 09.00 WIB" in confirmation
    assert "Diselesaikan paling lambat: Rabu, 9 Desember 2026 pukul 09.00 WIB" in confirmation

    alert = await alert_for(pemb.group, number)
    assert "Siti Aminah (@siti_a)" in alert.text and "Terjun" in alert.text
    assert "Lampu jalan di Jl. Marelan Raya" in alert.text
    assert [label for row in alert.buttons for label in row] == [
        "✅ Terima",
        "❓ Minta Info",
        "↪️ Alihkan",
        "🏁 Selesai",
    ]
    photos = [await pemb.group.next_message() for _ in range(3)]
    assert [m.kind for m in photos] == ["photo", "photo", "location"]
    assert all(m.reply_to_message_id == alert.message_id for m in photos)

    answer = await pemb.staff.press("Terima", message=alert, chat=pemb.group)
    assert "penanggung jawab" in answer.text
    edited = await pemb.group.wait_for_edit(alert)
    assert "Status:</b> Diterima" in edited.html and "StafPEMB" in edited.text
    assert [label for row in edited.buttons for label in row] == [
        "❓ Minta Info",
        "↪️ Alihkan",
        "🏁 Selesai",
    ]
    accepted = await citizen.wait_for("diterima")
    assert "Seksi Pembangunan" in accepted.text

    await pemb.staff.say(pemb.group, "Petugas akan memperbaiki lampu besok pagi.", reply_to=alert)
    await pemb.group.wait_for("terkirim ke warga")
    unit_answer = await citizen.wait_for("Jawaban untuk pengaduan")
    assert "Petugas akan memperbaiki lampu besok pagi." in unit_answer.text
    assert "— Seksi Pembangunan" in unit_answer.text and "StafPEMB" not in unit_answer.text

    await pemb.staff.say(pemb.group, "#catatan tukang listrik sudah dihubungi", reply_to=alert)
    await pemb.group.wait_for("Catatan internal")

    await pemb.staff.press("Selesai", message=alert, chat=pemb.group)
    prompt = await pemb.group.wait_for("balas pesan ini")
    await pemb.staff.say(pemb.group, "Sudah", reply_to=prompt)  # too short: asked again
    await pemb.group.wait_for("Terlalu pendek")
    await pemb.staff.say(pemb.group, "Lampu sudah diganti dan menyala kembali.", reply_to=prompt)
    await pemb.group.wait_for("selesai; warga diminta menilai")
    resolved = await citizen.wait_for("dinyatakan selesai")
    assert "Lampu sudah diganti" in resolved.text
    labels = [label for row in resolved.buttons for label in row]
    assert all(str(n) in labels[n - 1] for n in range(1, 6)) and "🔁 Belum selesai" in labels

    await citizen.press("5", message=resolved)
    await citizen.wait_for("Terima kasih atas penilaian")
    await citizen.send("Cepat sekali, terima kasih!")
    await citizen.wait_for("Komentar Anda tersimpan")
    await office.world.settle()

    stored = await complaints.by_number(office.db, number)
    assert stored.status == "ditutup" and stored.rating == 5
    assert stored.rating_comment == "Cepat sekali, terima kasih!"
    assert "⭐ Penilaian warga: 5/5" in pemb.group.messages[alert_index(pemb.group, alert)].text
    kinds = [e.kind for e in await complaints.timeline(office.db, stored.id, public_only=False)]
    assert kinds == [
        "created",
        "accepted",
        "public_reply",
        "internal_note",
        "resolved",
        "rated",
        "closed",
        "rating_comment",
    ]
    public = await complaints.timeline(office.db, stored.id, public_only=True)
    assert "internal_note" not in [e.kind for e in public]
    assert not any("tukang listrik" in m.body for m in citizen.inbox)

    await citizen.send(f"/status {number}")
    card = await citizen.wait_for(f"Pengaduan {number}")
    assert "Status: Ditutup" in card.text and "tukang listrik" not in card.text


def alert_index(group, alert) -> int:
    return next(i for i, m in enumerate(group.messages) if m.message_id == alert.message_id)


async def test_confidential_reporter_never_reaches_staff(office: OfficeEnv) -> None:
    pem = await unit_with_group(office, "PEM", "Seksi Pemerintahan")
    citizen = office.user("Rahasia", last_name="Warga", username="rahasia_warga")
    number = await file_complaint(
        citizen,
        category="Administrasi Kependudukan",
        kelurahan="Paya Pasir",
        confidential=True,
        photos=1,
        description="Pungutan liar saat mengurus KK di kelurahan.",
    )
    alert = await alert_for(pem.group, number)
    assert "Pelapor: Dirahasiakan" in alert.text
    await pem.staff.press("Minta Info", message=alert, chat=pem.group)
    await reply_to_prompt(pem.staff, pem.group, "Kapan kejadiannya dan di loket mana?")
    await citizen.wait_for("memerlukan informasi")
    await citizen.send("Hari Senin pagi, loket dua.")
    await pem.group.wait_for("Jawaban warga")
    await pem.staff.say(pem.group, f"/tiket {number}")
    await pem.group.wait_for("Riwayat lengkap")
    await office.world.settle()

    secrets = ("Rahasia", "rahasia_warga", str(citizen.id))
    for chat_id in {pem.group.id, pem.staff.id, pem.head.id}:
        for message in office.world.bot_messages(chat_id):
            assert not any(s in (message.html or message.caption or "") for s in secrets), message
    for call in office.world.requests:
        if call.params.get("chat_id") in (pem.group.id, str(pem.group.id)):
            assert not any(s in str(call.params) for s in secrets[:2])


async def test_unauthorised_and_forged_presses_change_nothing(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    other = await unit_with_group(office, "KESOS", "Seksi Kesos")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    await pemb.group.add_member(other.staff)

    refusal = await other.staff.press("Terima", message=alert, chat=pemb.group)
    assert refusal.show_alert and "bukan wewenang Anda" in refusal.text
    intruder = office.user("Penyusup")
    await pemb.group.add_member(intruder)
    refusal = await intruder.press("Selesai", message=alert, chat=pemb.group)
    assert refusal.show_alert and "bukan wewenang Anda" in refusal.text

    stored = await complaints.by_number(office.db, number)
    forged = await citizen.press_data(f"v1:c:acc:{stored.id}", message=citizen.inbox[-1])
    assert forged.show_alert and "bukan wewenang Anda" in forged.text
    forged = await citizen.press_data(f"v1:c:mvto:{stored.id}:KESOS", message=citizen.inbox[-1])
    assert forged.show_alert
    await office.world.settle()
    after = await complaints.by_number(office.db, number)
    assert after.status == "baru" and after.unit_code == "PEMB" and after.assignee_id is None
    assert await complaints.count_events(office.db, stored.id, "accepted") == 0


async def test_reassign_moves_the_complaint(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    trantib = await unit_with_group(office, "TRANTIB", "Seksi Trantib")
    citizen = office.user("Siti")
    number = await file_complaint(
        citizen,
        category="Kebersihan & Sampah",
        kelurahan="Paya Pasir",
        description="Sampah dibuang sembarangan di tepi jalan tiap malam.",
    )
    alert = await alert_for(pemb.group, number)
    await pemb.staff.press("Alihkan", message=alert, chat=pemb.group)
    choice = await pemb.group.wait_for("ke unit mana")
    await pemb.staff.press(
        "Seksi Ketenteraman dan Ketertiban Umum", message=choice, chat=pemb.group
    )
    await reply_to_prompt(pemb.staff, pemb.group, "Pembuangan liar adalah urusan penertiban.")
    await pemb.group.wait_for("dialihkan ke")

    old = await pemb.group.wait_for_edit(alert)
    assert "Dialihkan ke Seksi Ketenteraman" in old.text and not old.buttons
    moved = await alert_for(trantib.group, number)
    assert "Dialihkan dari Seksi Pembangunan: Pembuangan liar" in moved.text
    assert "✅ Terima" in moved.buttons[0]
    told = await citizen.wait_for("dialihkan ke")
    assert "Seksi Ketenteraman dan Ketertiban Umum" in told.text
    stored = await complaints.by_number(office.db, number)
    assert (stored.unit_code, stored.status) == ("TRANTIB", "baru")

    refusal = (
        await pemb.staff.press("Terima", message=moved, chat=trantib.group)
        if (pemb.staff in trantib.group.members)
        else None
    )
    assert refusal is None or refusal.show_alert
    await trantib.staff.press("Terima", message=moved, chat=trantib.group)
    assert (await complaints.by_number(office.db, number)).status == "diterima"


async def test_queue_and_ticket_for_staff(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    first = await file_complaint(citizen, description="Jalan berlubang besar di Jl. Kapten Rahmad.")
    await office.advance(hours=2)
    second = await file_complaint(
        citizen, category="Bantuan Sosial", description="Data penerima bantuan tidak diperbarui."
    )
    alert = await alert_for(pemb.group, first)
    await pemb.staff.say(pemb.group, "#catatan sudah difoto petugas lapangan", reply_to=alert)
    await pemb.group.wait_for("Catatan internal")
    await office.advance(hours=24)  # Thursday 11:00: the first missed its 09:00 deadline

    await pemb.staff.send("/antrian")
    queue = await pemb.staff.wait_for("Antrean")
    assert first in queue.text and second not in queue.text  # KESOS's complaint is not theirs
    assert f"🔴 {first}" in queue.text and "terlambat 2 jam" in queue.text
    await pemb.staff.press(first, message=queue)
    ticket = await pemb.staff.wait_for("Riwayat lengkap")
    assert "catatan internal: sudah difoto petugas lapangan" in ticket.text
    assert "✅ Terima" in ticket.buttons[0]
    await pemb.staff.press("Terima", message=ticket)
    assert (await complaints.by_number(office.db, first)).status == "diterima"

    await citizen.send(f"/tiket {first}")
    assert "bukan wewenang" in (await citizen.wait_for("wewenang")).text
    await pemb.staff.send(f"/tiket {second}")
    assert "tidak ditemukan" in (await pemb.staff.wait_for(second)).text
