"""Complaint lifecycle: waiting for the citizen, reopening, deadlines and restarts."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from bot.core.clock import from_epoch
from storage.complaints import records as complaints
from tests.e2e.complaint_steps import alert_for, file_complaint, reply_to_prompt, unit_with_group
from tests.e2e.harness import WIB, OfficeEnv


async def test_ask_info_round_trip_stops_the_clock(office: OfficeEnv) -> None:
    pem = await unit_with_group(office, "PEM", "Seksi Pemerintahan")
    citizen = office.user("Siti")
    number = await file_complaint(
        citizen,
        category="Administrasi Kependudukan",
        description="KTP-el saya belum jadi setelah tiga bulan.",
    )
    before = await complaints.by_number(office.db, number)
    alert = await alert_for(pem.group, number)

    await pem.staff.press("Minta Info", message=alert, chat=pem.group)
    await reply_to_prompt(pem.staff, pem.group, "Mohon kirim nomor resi pengambilan KTP.")
    await pem.group.wait_for("tenggat")
    question = await citizen.wait_for("memerlukan informasi tambahan")
    assert "nomor resi" in question.text
    waiting = await complaints.by_number(office.db, number)
    assert waiting.status == "menunggu_warga"
    paused_alert = await pem.group.wait_for_edit(alert)
    assert "Tenggat berhenti" in paused_alert.text

    await office.advance(days=2)  # Friday 27 Nov 09:00: two working days pass unanswered
    await citizen.send("Resi nomor 12345, diambil di kantor camat.", reply_to=question)
    await citizen.wait_for("sudah diteruskan")
    relayed = await pem.group.wait_for("Jawaban warga")
    assert "Resi nomor 12345" in relayed.text and relayed.reply_to_message_id == alert.message_id

    resumed = await complaints.by_number(office.db, number)
    assert resumed.status == "diproses"
    shift = timedelta(days=2).total_seconds()
    assert resumed.resolve_due_at - before.resolve_due_at == shift  # Wed->Fri, no weekend
    assert resumed.paused_work_seconds == 2 * 8 * 3600
    events = [e.kind for e in await complaints.timeline(office.db, resumed.id, public_only=True)]
    assert events == ["created", "info_requested", "citizen_answer"]


async def test_not_solved_reopens_and_alerts_supervisors(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    camat = office.user("Camat")
    await office.invite(camat, "supervisor")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    await pemb.staff.press("Selesai", message=alert, chat=pemb.group)
    await reply_to_prompt(pemb.staff, pemb.group, "Lampu sudah diganti oleh petugas.")
    resolved = await citizen.wait_for("dinyatakan selesai")

    await office.advance(days=1)
    await citizen.press("Belum selesai", message=resolved)
    await citizen.wait_for("dibuka kembali")
    await camat.wait_for("dibuka kembali oleh warga")
    await pemb.group.wait_for("dibuka kembali")
    reopened = await complaints.by_number(office.db, number)
    assert reopened.status == "dibuka_kembali" and reopened.reopen_count == 1
    assert reopened.cycle == 1
    edited = await pemb.group.wait_for_edit(alert)
    assert "Dibuka kembali" in edited.text and "✅ Terima" not in edited.buttons[0]


async def test_reopen_refused_after_closing(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    await pemb.staff.press("Selesai", message=alert, chat=pemb.group)
    await reply_to_prompt(pemb.staff, pemb.group, "Lampu sudah diganti oleh petugas.")
    resolved = await citizen.wait_for("dinyatakan selesai")

    await office.advance(days=15)  # more than 10 working days: closed automatically
    closed = await citizen.wait_for("ditutup karena tidak ada tanggapan")
    assert "10 hari kerja" in closed.text
    assert (await complaints.by_number(office.db, number)).status == "ditutup"
    await citizen.press("Belum selesai", message=resolved)
    await citizen.wait_for("sudah lewat")
    assert (await complaints.by_number(office.db, number)).status == "ditutup"


async def test_draft_survives_a_restart(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    await citizen.send("/lapor")
    await citizen.next_message()
    await citizen.press("Setuju")
    await citizen.wait_for("Pilih kategori")
    await citizen.press("Infrastruktur")
    await citizen.wait_for("kelurahan")
    await citizen.press("Rengas Pulau")
    await citizen.wait_for("Ceritakan")
    await citizen.send("Saluran drainase tersumbat, air menggenang di depan sekolah.")
    await citizen.wait_for("Lampiran")

    await office.restart()

    await citizen.send_photo()
    await citizen.wait_for("Tersimpan: 1 lampiran")
    await citizen.press("Selesai")
    await citizen.wait_for("identitas")
    await citizen.press("Tampilkan nama saya")
    summary = await citizen.wait_for("Periksa pengaduan")
    assert "Rengas Pulau" in summary.text and "drainase tersumbat" in summary.text
    await citizen.press("Kirim")
    number = (await citizen.wait_for("tercatat")).text.split("Nomor: ")[1].split()[0]
    alert = await alert_for(pemb.group, number)
    assert "Rengas Pulau" in alert.text


async def test_double_send_creates_one_complaint(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/lapor")
    await citizen.next_message()
    await citizen.press("Setuju")
    await citizen.wait_for("Pilih kategori")
    await citizen.press("Lainnya")
    await citizen.wait_for("kelurahan")
    await citizen.press("Tidak tahu")
    await citizen.wait_for("Ceritakan")
    await citizen.send("Mohon jam pelayanan kantor camat diperpanjang sampai sore.")
    await citizen.wait_for("Lampiran")
    await citizen.press("Lewati")
    await citizen.wait_for("identitas")
    await citizen.press("Rahasiakan identitas")
    summary = await citizen.wait_for("Periksa pengaduan")
    send = summary.button_data["📨 Kirim"]
    first, second = await asyncio.gather(
        citizen.press_data(send, message=summary), citizen.press_data(send, message=summary)
    )
    await office.world.settle()
    assert await complaints.count_of_reporter(office.db, citizen.id) == 1
    confirmations = [m for m in citizen.inbox if "tercatat" in m.body]
    assert len(confirmations) == 1
    assert any(a.text and "sudah terkirim" in a.text for a in (first, second))


async def test_escalation_fires_once_across_a_restart(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    camat = office.user("Camat")
    await office.invite(camat, "supervisor")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)  # Wed 09:00; acknowledge by Thu 09:00
    await alert_for(pemb.group, number)

    await office.advance(hours=24, minutes=1)  # 75% reminder and the breach are both due
    reminder = await pemb.group.wait_for("Pengingat")
    assert number in reminder.text and "belum diterima" in reminder.text
    escalation = await camat.wait_for("Eskalasi")
    assert number in escalation.text and "batas tanggapan" in escalation.text
    await pemb.head.wait_for("Eskalasi")

    await office.restart()
    await office.advance(minutes=5)
    await office.world.settle()
    assert sum("Eskalasi" in m.body and "batas tanggapan" in m.body for m in camat.inbox) == 1
    assert sum("Pengingat" in m.body for m in pemb.group.bot_messages) == 1
    stored = await complaints.by_number(office.db, number)
    assert await complaints.fired_checks(office.db, stored.id) == [
        ("ack_warn", 0),
        ("ack_breach", 0),
    ]


async def test_checks_due_while_down_fire_at_start(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    await alert_for(pemb.group, number)
    await office.bot.stop()
    office.clock.advance(hours=20)  # Thursday 05:00: the 75% point (Wed 15:00) passed
    await office.bot.start()
    reminder = await pemb.group.wait_for("Pengingat")
    assert number in reminder.text


async def test_unbound_unit_goes_to_supervisors_then_to_the_new_group(office: OfficeEnv) -> None:
    camat = office.user("Camat")
    await office.invite(camat, "supervisor")
    citizen = office.user("Siti")
    number = await file_complaint(
        citizen,
        category="Bantuan Sosial",
        description="Bantuan sembako belum diterima keluarga kami.",
    )
    copy = await camat.wait_for(f"Pengaduan {number}")
    assert "belum punya grup Telegram" in copy.text and "/grup_unit KESOS" in copy.text

    staff = office.user("StafKesos")
    await office.invite(staff, "staf", "KESOS")
    group = office.world.group("Seksi Kesos", members=[office.admin, staff])
    await office.bind_group(group, "KESOS")
    alert = await alert_for(group, number)
    await staff.press("Terima", message=alert, chat=group)
    await citizen.wait_for("diterima")


async def test_conduct_complaint_skips_the_named_unit(office: OfficeEnv) -> None:
    sekret = await unit_with_group(office, "SEKRET", "Sekretariat")
    pelayanan = await unit_with_group(office, "PELAYANAN", "PATEN")
    camat = office.user("Camat")
    await office.invite(camat, "supervisor")
    citizen = office.user("Siti")
    number = await file_complaint(
        citizen,
        category="Perilaku Petugas/ASN",
        conduct_unit="Seksi Pelayanan Umum (PATEN)",
        description="Petugas loket PATEN meminta uang tambahan untuk surat keterangan.",
    )
    alert = await alert_for(sekret.group, number)
    assert "perilaku petugas unit Seksi Pelayanan Umum" in alert.text
    await camat.wait_for(f"Pengaduan {number}")
    await office.world.settle()
    assert not any(number in m.body for m in pelayanan.group.bot_messages)
    await pelayanan.staff.send(f"/status {number}")
    assert "tidak ditemukan" in (await pelayanan.staff.wait_for(number)).text
    stored = await complaints.by_number(office.db, number)
    own_chat = pelayanan.staff.inbox[-1]
    refusal = await pelayanan.staff.press_data(f"v1:c:acc:{stored.id}", message=own_chat)
    assert refusal.show_alert and "bukan wewenang" in refusal.text
    assert (await complaints.by_number(office.db, number)).status == "baru"


async def test_status_is_private_and_history_pages(office: OfficeEnv) -> None:
    citizen, neighbour = office.user("Siti"), office.user("Tetangga")
    numbers = [
        await file_complaint(citizen, description=f"Jalan berlubang nomor {i} di gang.")
        for i in range(5)
    ]
    await neighbour.send(f"/status {numbers[0]}")
    refused = await neighbour.wait_for(numbers[0])
    await neighbour.send("/status MRL-2611-9999")
    unknown = await neighbour.wait_for("MRL-2611-9999")
    assert refused.text.replace(numbers[0], "X") == unknown.text.replace("MRL-2611-9999", "X")

    await citizen.send("/riwayat")
    page = await citizen.wait_for("Pengaduan Anda")
    assert "halaman 1 dari 1" in page.text and page.text.index(numbers[4]) < page.text.index(
        numbers[0]
    )
    await citizen.press(numbers[2], message=page)
    card = await citizen.wait_for(f"Pengaduan {numbers[2]}")
    assert "Status: Baru" in card.text


async def test_daily_limit_and_input_validation(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/lapor")
    await citizen.next_message()
    await citizen.press("Setuju")
    await citizen.wait_for("Pilih kategori")
    await citizen.press("Lainnya")
    await citizen.wait_for("kelurahan")
    await citizen.press("Terjun")
    await citizen.wait_for("Ceritakan")
    await citizen.send("pendek")
    assert "terlalu pendek (6 karakter)" in (await citizen.next_message()).text.lower()
    await citizen.send("x" * 2001)
    assert "terlalu panjang (2001 karakter" in (await citizen.next_message()).text.lower()
    await citizen.send_sticker()
    assert "berupa teks" in (await citizen.next_message()).text
    await citizen.send("Uraian yang cukup panjang <b>&</b> berisi tanda khusus.")
    await citizen.wait_for("Lampiran")
    await citizen.send_sticker()
    assert "tidak dapat dilampirkan" in (await citizen.next_message()).text
    await citizen.send_document(file_name="foto.docx", mime_type="application/msword")
    assert "PDF" in (await citizen.next_message()).text
    await citizen.press("Lewati")
    await citizen.wait_for("identitas")
    await citizen.press("Tampilkan nama saya")
    summary = await citizen.wait_for("Periksa pengaduan")
    assert "<b>&</b> berisi" in summary.text  # escaped, shown literally
    await citizen.press("Kirim")
    await citizen.wait_for("tercatat")

    for i in range(4):
        await file_complaint(citizen, description=f"Pengaduan nomor {i} tentang jalan rusak.")
    await citizen.send("/lapor")
    assert "batas harian" in (await citizen.wait_for("pengaduan hari ini")).text
    await office.advance(days=1)
    await citizen.send("/lapor")
    assert "Pilih kategori" in (await citizen.next_message()).text


async def test_forum_group_gets_a_topic_per_complaint(office: OfficeEnv) -> None:
    staff = office.user("StafPEMB")
    await office.invite(staff, "staf", "PEMB")
    forum = office.world.group("Forum PEMB", forum=True, members=[office.admin, staff])
    await office.bind_group(forum, "PEMB")
    citizen = office.user("Siti")
    number = await file_complaint(citizen, photos=1)
    alert = await alert_for(forum, number)
    assert alert.message_thread_id is not None
    assert number in forum.topics[alert.message_thread_id]
    photo = await forum.next_message()
    assert photo.kind == "photo" and photo.message_thread_id == alert.message_thread_id
    await staff.press("Terima", message=alert, chat=forum)
    await staff.say(
        forum, "Akan dicek hari ini.", reply_to=alert, message_thread_id=alert.message_thread_id
    )
    await citizen.wait_for("Akan dicek hari ini.")
    confirmation = await forum.wait_for("terkirim ke warga")
    assert confirmation.message_thread_id == alert.message_thread_id


def test_helpers_use_wib() -> None:
    assert from_epoch(0).tzinfo is not None and WIB.key == "Asia/Jakarta"
    assert datetime(2026, 11, 25, tzinfo=WIB).weekday() == 2


async def test_change_a_field_from_the_summary(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/lapor")
    await citizen.next_message()
    await citizen.press("Setuju")
    await citizen.wait_for("Pilih kategori")
    await citizen.press("Ketertiban Umum")
    await citizen.wait_for("kelurahan")
    await citizen.press("Terjun")
    await citizen.wait_for("Ceritakan")
    await citizen.send("Balap liar setiap malam minggu di jalan lingkungan.")
    await citizen.wait_for("Lampiran")
    await citizen.press("Lewati")
    await citizen.wait_for("identitas")
    await citizen.press("Tampilkan nama saya")
    await citizen.wait_for("Periksa pengaduan")
    await citizen.press("Ubah")
    await citizen.wait_for("Bagian mana")
    await citizen.press("Kelurahan")
    await citizen.wait_for("Di kelurahan mana")
    await citizen.press("Labuhan Deli")
    summary = await citizen.wait_for("Periksa pengaduan")
    assert "Kelurahan: Labuhan Deli" in summary.text and "Balap liar" in summary.text
    await citizen.press("Ubah", message=summary)
    await citizen.wait_for("Bagian mana")
    await citizen.press("Uraian")
    await citizen.wait_for("Ceritakan")
    await citizen.send("Balap liar setiap malam Minggu di Jl. Young Panah Hijau.")
    summary = await citizen.wait_for("Periksa pengaduan")
    assert "Young Panah Hijau" in summary.text and "Labuhan Deli" in summary.text
    await citizen.press("Batal", message=summary)
    await citizen.wait_for("dibatalkan")
    assert await complaints.count_of_reporter(office.db, citizen.id) == 0


async def test_complaints_about_a_service_mention_the_30_day_window(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await file_complaint(
        citizen,
        category="Perizinan & Surat Keterangan (PATEN)",
        description="Surat keterangan usaha saya belum selesai dua minggu.",
    )
    about_service = next(m for m in citizen.inbox if "Ceritakan masalahnya" in m.text)
    assert "paling lambat 30 hari setelah layanan diterima (UU 25/2009)" in about_service.text
    await file_complaint(citizen)  # Infrastruktur: not about a service
    road = [m for m in citizen.inbox if "Ceritakan masalahnya" in m.text][-1]
    assert "30 hari" not in road.text
