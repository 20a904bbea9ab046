"""The staff side as a real office met it in its first weeks: a ticket that promised files
it did not send, "👍" sent to the citizen as the unit's answer, three group messages for
one photo, a reopened complaint with a passed deadline and a "Terima" button, and a
ranking that put the worst unit first."""

from __future__ import annotations

from bot.complaints import callbacks as cb
from bot.core import formatting
from bot.core.clock import from_epoch
from storage.complaints import records as complaints
from tests.e2e import report_steps as steps
from tests.e2e.complaint_steps import (
    alert_for,
    file_complaint,
    labels,
    reply_to_prompt,
    unit_with_group,
)
from tests.e2e.harness import WIB, OfficeEnv


async def test_tiket_sends_the_files_and_the_location_below_it(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen, photos=2, location=(3.71, 98.64))
    await alert_for(pemb.group, number)
    await office.world.settle()
    shown_before = len(pemb.group.bot_messages)

    await pemb.staff.say(pemb.group, f"/tiket {number}")
    ticket = await pemb.group.wait_for("Riwayat lengkap")
    assert "Lampiran: 2 berkas, 1 lokasi (di bawah pesan ini)" in ticket.text
    await office.world.settle()
    below = pemb.group.bot_messages[shown_before + 1 :]
    assert [m.kind for m in below] == ["photo", "photo", "location"]
    assert all(m.reply_to_message_id == ticket.message_id for m in below)
    assert [m.caption for m in below[:2]] == [f"{number} · 1/2", f"{number} · 2/2"]

    await pemb.staff.say(
        pemb.group, "Apakah ini tiang yang di depan masjid?", reply_to=below[0]
    )  # like a reply to the alert's photo
    await pemb.group.wait_for("terkirim ke warga")
    assert "depan masjid" in (await citizen.wait_for("Jawaban untuk")).text


async def test_a_brief_reply_is_not_sent_to_the_citizen_without_asking(
    office: OfficeEnv,
) -> None:
    """ "👍" and "ok" meant for colleagues: the bot asks under the reply, with buttons; the
    citizen gets nothing until someone chooses "Kirim ke warga"; "Catatan internal" keeps
    it in the ticket only. A second press and a forged press change nothing."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    kesos = await unit_with_group(office, "KESOS", "Seksi Kesos")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    await office.world.settle()
    received = len(citizen.inbox)

    thumbs = await pemb.staff.say(pemb.group, "👍", reply_to=alert)
    question = await pemb.group.wait_for("belum dikirim")
    assert question.reply_to_message_id == thumbs.message_id
    assert labels(question) == ["✉️ Kirim ke warga", "📝 Catatan internal"]
    await office.world.settle()
    assert len(citizen.inbox) == received  # nothing reached the citizen

    forged = await kesos.staff.press_data(
        question.button_data["✉️ Kirim ke warga"], message=kesos.group.bot_messages[0]
    )
    assert "bukan wewenang" in forged.text  # another unit's officer, forged data
    await pemb.staff.press("📝 Catatan internal", message=question, chat=pemb.group)
    noted = await pemb.group.wait_for_edit(question)
    assert "disimpan sebagai catatan internal" in noted.text and not noted.buttons
    again = await pemb.staff.press_data(
        question.button_data["📝 Catatan internal"], message=question
    )
    assert "sudah dikirim atau disimpan" in again.text
    stored = await complaints.by_number(office.db, number)
    notes = [
        e
        for e in await complaints.timeline(office.db, stored.id, public_only=False)
        if e.kind == "internal_note"
    ]
    assert [(n.body, n.public) for n in notes] == [("👍", False)]

    ok = await pemb.head.say(pemb.group, "siap, segera", reply_to=alert)
    question = await pemb.group.wait_for("belum dikirim")
    assert question.reply_to_message_id == ok.message_id
    await office.restart()  # the held reply survives a restart
    await pemb.head.press("✉️ Kirim ke warga", message=question, chat=pemb.group)
    sent = await pemb.group.wait_for_edit(question)
    assert "dikirim ke warga" in sent.text
    answer = await citizen.wait_for("Jawaban untuk")
    assert "siap, segera" in answer.text and "KasiPEMB" not in answer.text
    assert (await complaints.by_number(office.db, number)).status == "diproses"
    await office.world.settle()
    assert sum("Jawaban untuk" in m.text for m in citizen.inbox) == 1

    await pemb.staff.say(pemb.group, "Petugas kami menuju lokasi siang ini.", reply_to=alert)
    await pemb.group.wait_for("terkirim ke warga")  # a real answer goes out at once
    assert "menuju lokasi" in (await citizen.wait_for("Jawaban untuk")).text


async def test_one_photo_from_the_citizen_is_one_group_message(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    await alert_for(pemb.group, number)
    await office.world.settle()
    confirmation = next(m for m in citizen.inbox if "tercatat" in m.text)
    before = len(pemb.group.bot_messages)

    await citizen.send_photo("Ini fotonya, tiangnya miring.", reply_to=confirmation)
    await citizen.wait_for("sudah diteruskan")
    await office.world.settle()
    new = pemb.group.bot_messages[before:]
    assert len(new) == 1
    [photo] = new
    assert photo.copied_from is not None and photo.kind == "photo"
    assert photo.caption == f"📎 Pesan warga untuk {number}:\n\nIni fotonya, tiangnya miring."
    assert "Siti" not in photo.caption


async def test_a_reopened_alert_shows_the_new_deadline_and_fitting_buttons(
    office: OfficeEnv,
) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)  # Wed 25 Nov 09:00
    alert = await alert_for(pemb.group, number)
    await pemb.staff.press("Terima", message=alert, chat=pemb.group)
    accepted = await pemb.group.wait_for_edit(alert)
    assert "Batas tanggapan" not in accepted.text  # met: only what is still ahead
    await pemb.staff.press("Selesai", message=alert, chat=pemb.group)
    await reply_to_prompt(pemb.staff, pemb.group, "Lampu sudah diganti oleh petugas.")
    resolved = await citizen.wait_for("dinyatakan selesai")

    await office.advance(days=6)  # Tue 1 Dec: the acknowledge deadline is long past
    done = next(m for m in pemb.group.bot_messages if m.message_id == alert.message_id)
    await citizen.press("Belum selesai", message=resolved)
    await citizen.wait_for("dibuka kembali")
    edited = await pemb.group.wait_for_edit(done)
    stored = await complaints.by_number(office.db, number)
    new_due = formatting.moment("id", from_epoch(stored.resolve_due_at), WIB)
    assert stored.resolve_due_at > office.runtime.now()
    assert "Batas tanggapan" not in edited.text
    assert f"Dibuka kembali oleh warga · batas penyelesaian baru: {new_due}" in edited.text
    assert labels(edited) == ["❓ Minta Info", "↪️ Alihkan", "🏁 Selesai"]
    refused = await pemb.staff.press_data(cb.Accept(stored.id).encode(), message=edited)
    assert "Dibuka kembali" in refused.text  # the server agrees with the buttons


async def test_kinerja_ranks_by_the_composite_and_explains_it(office: OfficeEnv) -> None:
    """PEMB resolved fast and on time, but its complaint came back ("belum selesai") and
    was rated 1; PELAYANAN took longer, on time, rated 5. The old order (on-time share,
    then the faster median) put PEMB first. TRANTIB only received a complaint: no score,
    after the units with one, before those without any complaint."""
    camat = await steps.officer(office, "Camat", "supervisor")
    pemb = await steps.officer(office, "Rudi", "staf", "PEMB")
    pel = await steps.officer(office, "Lina", "staf", "PELAYANAN")
    siti = await steps.citizen(office, "Siti")
    road = await steps.file(office, siti, "INFRA", "TRJ")
    permit = await steps.file(office, siti, "PATEN", "RGP")
    await steps.file(office, siti, "TRANTIB", "LBD")
    steps.tick(office, hours=1)
    await steps.resolve(office, pemb, road)
    await steps.reopen(office, siti, road)
    await steps.resolve(office, pemb, road)
    await steps.rate(office, siti, road, 1)
    steps.tick(office, hours=3)
    await steps.resolve(office, pel, permit)
    await steps.rate(office, siti, permit, 5)
    await office.world.settle()

    await camat.user.send("/kinerja")
    ranking = await camat.user.wait_for("Peringkat unit — November 2026")
    heads = [
        line for line in ranking.text.splitlines() if line[:2] in {f"{i}." for i in range(1, 7)}
    ]
    assert heads == [
        "1. Seksi Pelayanan Umum (PATEN) — skor 100",
        "2. Seksi Pembangunan — skor 60",  # 40 on time + 0 reopened + 0 rating + 20 backlog
        "3. Seksi Ketenteraman dan Ketertiban Umum — skor —",
        "4. Sekretariat Kecamatan — skor —",
        "5. Seksi Pemerintahan — skor —",
        "6. Seksi Kesejahteraan Sosial — skor —",
    ]
    assert (
        "Urutan menurut skor 0–100: 40% selesai tepat waktu, 20% tidak dibuka kembali, "
        "20% penilaian warga"
    ) in ranking.text
    assert "20% tanpa tunggakan" in ranking.text


async def test_bantuan_describes_the_changed_staff_side(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    await pemb.staff.send("/bantuan")
    help_text = (await pemb.staff.wait_for("Perintah yang dapat")).text
    assert "/tiket — Riwayat lengkap pengaduan dengan lampirannya (nomor)" in help_text
    assert "kurang dari tiga kata (👍, ok, siap) tidak langsung dikirim" in help_text
    await office.admin.send("/bantuan")
    admin_help = (await office.admin.wait_for("Perintah yang dapat")).text
    assert "/pengguna — Staf per unit, grupnya, dan penerima pengaduan unit tanpa grup" in (
        admin_help
    )
    assert "/kinerja — Kinerja unit / peringkat unit menurut skor gabungan" in admin_help
