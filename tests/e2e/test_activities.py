"""Activities end to end: the guided creation, invitations to the right audience, RSVP with
live counts, changes, cancellation, rights."""

from __future__ import annotations

import asyncio
from datetime import datetime

from bot.activities import callbacks as acb
from storage.activities import invitations as activity_invitations
from storage.activities import records as activities
from storage.activities import reminders as activity_reminders
from tests.e2e.activity_steps import (
    card_of,
    count,
    create_activity,
    latest_activity,
    member,
    new_activity,
    save_activity,
)
from tests.e2e.harness import WIB, OfficeEnv


async def test_training_created_through_the_guided_flow(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    budi = await member(office, "Budi", "staf", "PEM")
    rina = await member(office, "Rina", "staf", "PEMB")
    warga = office.user("Warga")
    await warga.send("/start")
    await kasi.send("/bantuan")
    assert "/kegiatan_baru" in (await kasi.wait_for("Perintah")).text

    await kasi.send("/kegiatan_baru")
    await kasi.wait_for("Jenis kegiatan")
    await kasi.press("Pelatihan")
    await kasi.wait_for("Judul kegiatan")
    await kasi.send("Pelatihan <Excel> & SPSS")
    await kasi.wait_for("Kapan mulai")
    await kasi.send("5 Des 09:00")
    asked = await kasi.wait_for("Tercatat")
    assert "Sabtu, 5 Desember 2026 pukul 09.00 WIB" in asked.text
    assert "Berapa lama" in asked.text  # the next question, in the same message
    await kasi.send("dua jam")
    await kasi.wait_for("Durasi tidak terbaca")
    await kasi.send("2 jam 30 menit")
    await kasi.wait_for("Di mana")
    await kasi.send("https://meet.example.org/excel")
    jp_question = await kasi.wait_for("Berapa JP")
    assert "2 jam 30 menit otomatis 3 JP" in jp_question.text
    await kasi.press("Otomatis (3 JP)")
    question = await kasi.wait_for("Siapa yang diundang")
    assert "Publik" not in " ".join(label for row in question.buttons for label in row)
    empty = await kasi.press("Lanjut", message=question)  # nothing chosen yet
    assert empty.show_alert and "minimal satu" in empty.text
    await kasi.press("Seksi Pemerintahan", message=question)
    question = await kasi.wait_for_edit(question)
    assert "✅ Seksi Pemerintahan" in question.buttons[2][0]
    await kasi.press("Lanjut", message=question)
    await kasi.wait_for("Biaya kegiatan")
    await kasi.send("sejuta")
    await kasi.wait_for("Jumlah Rupiah tidak terbaca")
    await kasi.send("1.500.000")
    summary = await kasi.wait_for("Periksa kegiatan")
    for part in (
        "Pelatihan <Excel> & SPSS",
        "Sabtu, 5 Desember 2026 pukul 09.00 WIB",
        "2 jam 30 menit",
        "3 JP",
        "Seksi Pemerintahan",
        "Rp 1.500.000",
    ):
        assert part in summary.text, part
    assert "&lt;Excel&gt; &amp; SPSS" in summary.html
    done = await save_activity(kasi, summary)
    assert "Undangan dikirim ke 1 orang" in done.text

    invitation = await budi.wait_for("Undangan pelatihan")
    assert "Pelatihan <Excel> & SPSS" in invitation.text and "3 JP" in invitation.text
    assert invitation.buttons == [["✅ Hadir", "❌ Tidak bisa"]]
    await office.world.settle()
    assert count(rina, "Undangan pelatihan") == 0 and count(warga, "Undangan pelatihan") == 0
    assert count(kasi, "Undangan pelatihan") == 0  # the organiser is not invited to their own

    activity = await latest_activity(office)
    assert (activity.title, activity.minutes, activity.jp, activity.cost_rupiah) == (
        "Pelatihan <Excel> & SPSS",
        150,
        3,
        1_500_000,
    )
    assert datetime.fromtimestamp(activity.starts_at, WIB) == datetime(
        2026, 12, 5, 9, 0, tzinfo=WIB
    )
    invited = await activity_invitations.of_activity(office.db, activity.id)
    assert [i.person_id for i in invited] == [budi.id]
    rows = await activity_reminders.of_activity(office.db, activity.id)
    assert [(r.kind, r.offset_minutes, r.state) for r in rows] == [
        ("reminder", 4320, "pending"),
        ("reminder", 1440, "pending"),
        ("reminder", 120, "pending"),
        ("checklist", 0, "pending"),
    ]
    assert [e.kind for e in await activities.events(office.db, activity.id)] == ["created"]


async def test_double_save_creates_one_activity(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    budi = await member(office, "Budi", "staf", "PEM")
    await budi.send("/bahasa")
    await budi.press("English", message=await budi.wait_for("Pilih bahasa"))
    await budi.wait_for("English")
    summary = await create_activity(
        kasi, title="Pelatihan Kearsipan", audience=("Seksi Pemerintahan",)
    )
    save = summary.button_data["💾 Simpan"]
    first, second = await asyncio.gather(
        kasi.press_data(save, message=summary), kasi.press_data(save, message=summary)
    )
    await office.world.settle()
    assert await office.db.fetchval("SELECT COUNT(*) FROM activities") == 1
    assert count(kasi, "tersimpan. Undangan dikirim ke 1 orang") == 1
    assert any(a.text and "tidak berlaku" in a.text for a in (first, second))
    invitation = await budi.wait_for("Training invitation")
    assert "Saturday 5 December 2026, 09:00 WIB" in invitation.text
    assert invitation.buttons == [["✅ Attending", "❌ Can't come"]]
    assert count(budi, "Training invitation") == 1


async def test_invalid_dates_are_explained_and_the_draft_survives(office: OfficeEnv) -> None:
    camat = await member(office, "Camat", "supervisor")
    await camat.send("/kegiatan_baru")
    await camat.wait_for("Jenis kegiatan")
    await camat.press("Forum Warga")
    await camat.wait_for("Judul kegiatan")
    await camat.send("Musrenbang")
    await camat.wait_for("Kapan mulai")

    for typed, explanation in (
        ("kapan-kapan", "tidak terbaca"),
        ("31/11 09:00", "tidak ada di kalender"),
        ("5 Dese 09:00", 'Nama bulan "dese" tidak dikenal'),
        ("5/12 25:00", "Jam 25:00 tidak valid"),
        ("2026-11-24 09:00", "sudah lewat (sekarang Rabu, 25 November 2026 pukul 09.00 WIB)"),
    ):
        await camat.send(typed)
        assert explanation in (await camat.next_message()).text, typed

    await office.restart()

    await camat.send("2026-12-05 09:00")
    assert "Berapa lama" in (await camat.wait_for("Sabtu, 5 Desember 2026")).text
    await camat.send("90")
    await camat.wait_for("Di mana")
    await camat.send("Aula Kelurahan Terjun")
    question = await camat.wait_for("Publik = warga")
    await camat.press("Publik", message=question)
    question = await camat.wait_for_edit(question)
    await camat.press("Lanjut", message=question)
    await camat.wait_for("Biaya kegiatan")
    await camat.press("Lewati")
    summary = await camat.wait_for("Periksa kegiatan")
    assert "Musrenbang" in summary.text and "1 jam 30 menit" in summary.text
    assert "tanpa biaya" in summary.text and "JP" not in summary.text


async def test_rsvp_with_live_counts_and_participants(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    budi = await member(office, "Budi", "staf", "PEM")
    sari = await member(office, "Sari", "staf", "PEM")
    await new_activity(kasi, title="Pelatihan Arsip Digital", audience=("Seksi Pemerintahan",))

    card = await card_of(kasi, "Pelatihan Arsip Digital")
    assert "✅ 0 hadir · ❌ 0 tidak bisa · ❔ 2 belum menjawab (dari 2 undangan)" in card.text
    assert [label for row in card.buttons for label in row] == [
        "👥 Peserta",
        "🕒 Ubah waktu",
        "📍 Ubah tempat",
        "🚫 Batalkan",
    ]

    invitation = await budi.wait_for("Undangan pelatihan")
    toast = await budi.press("Hadir", message=invitation)
    assert toast.text == "Tercatat: ✅ Hadir"
    answered = await budi.wait_for_edit(invitation)
    assert "Jawaban Anda: ✅ Hadir" in answered.text and answered.buttons
    card = await kasi.wait_for_edit(card)
    assert "✅ 1 hadir · ❌ 0 tidak bisa · ❔ 1 belum menjawab" in card.text

    await sari.press("Tidak bisa", message=await sari.wait_for("Undangan pelatihan"))
    card = await kasi.wait_for_edit(card)
    assert "✅ 1 hadir · ❌ 1 tidak bisa · ❔ 0 belum menjawab" in card.text

    await budi.press("Tidak bisa", message=answered)  # a change of mind
    card = await kasi.wait_for_edit(card)
    assert "✅ 0 hadir · ❌ 2 tidak bisa" in card.text

    await kasi.press("Peserta", message=card)
    people = await kasi.wait_for("Peserta")
    assert "❌ Budi — Seksi Pemerintahan" in people.text and "❌ Sari" in people.text

    staff_card = await card_of(sari, "Pelatihan Arsip Digital")
    assert staff_card.buttons == [["✅ Hadir", "❌ Tidak bisa"]]  # no organiser buttons
    activity = await latest_activity(office)
    kinds = [e.kind for e in await activities.events(office.db, activity.id)]
    assert kinds == ["created", "rsvp", "rsvp", "rsvp"]


async def test_organiser_buttons_and_rsvp_are_checked_on_the_server(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    budi = await member(office, "Budi", "staf", "PEM")
    rina = await member(office, "Rina", "staf", "PEMB")
    warga = office.user("Warga")
    await warga.send("/kegiatan_baru")
    assert "bukan wewenang" in (await warga.next_message()).text
    await budi.send("/kegiatan_baru")
    assert "bukan wewenang" in (await budi.wait_for("wewenang")).text
    await budi.send("/anggaran")
    await budi.wait_for("bukan wewenang")

    await new_activity(kasi, title="Pelatihan Tertutup", audience=("Seksi Pemerintahan",))
    activity = await latest_activity(office)
    invitation = await budi.wait_for("Undangan pelatihan")
    cancel = await budi.press_data(acb.CancelConfirm(activity.id).encode(), message=invitation)
    assert cancel.show_alert and "bukan wewenang" in cancel.text
    people = await budi.press_data(acb.Participants(activity.id).encode(), message=invitation)
    assert "bukan wewenang" in people.text
    await rina.send("/kegiatan")
    listing = await rina.wait_for("kegiatan mendatang")
    forged = await rina.press_data(acb.Rsvp(activity.id, 1, "i").encode(), message=listing)
    assert "bukan wewenang" in forged.text
    unknown = await budi.press_data(acb.Rsvp(9999, 1, "i").encode(), message=invitation)
    assert "tidak berlaku" in unknown.text
    assert (await activities.get(office.db, activity.id)).status == "terjadwal"
    assert await activity_invitations.get(office.db, activity.id, rina.id) is None


async def test_change_of_time_notifies_everyone_and_moves_reminders(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    budi = await member(office, "Budi", "staf", "PEM")
    sari = await member(office, "Sari", "staf", "PEM")
    await new_activity(kasi, title="Bimtek SIAK", audience=("Seksi Pemerintahan",))
    await sari.press("Tidak bisa", message=await sari.wait_for("Undangan pelatihan"))
    await budi.wait_for("Undangan pelatihan")
    card = await card_of(kasi, "Bimtek SIAK")

    await kasi.press("Ubah waktu", message=card)
    await kasi.wait_for("Waktu baru")
    await kasi.send("besok")
    await kasi.wait_for("tidak terbaca")
    await kasi.send("10 Des 13.00")
    await kasi.wait_for("dipindah ke Kamis, 10 Desember 2026 pukul 13.00 WIB")
    for person in (budi, sari):  # those who declined hear it too
        moved = await person.wait_for("Perubahan waktu")
        assert "Sebelumnya: Sabtu, 5 Desember 2026 pukul 09.00 WIB" in moved.text
        assert "Sekarang: Kamis, 10 Desember 2026 pukul 13.00 WIB" in moved.text
    card = await kasi.wait_for_edit(card)
    assert "Kamis, 10 Desember 2026" in card.text

    activity = await latest_activity(office)
    rows = await activity_reminders.of_activity(office.db, activity.id)
    pending = [
        (r.offset_minutes, datetime.fromtimestamp(r.due_at, WIB).strftime("%d %H:%M"))
        for r in rows
        if r.state == "pending"
    ]
    assert pending == [(4320, "07 13:00"), (1440, "09 13:00"), (120, "10 11:00"), (0, "10 15:00")]
    assert {r.state for r in rows if r.revision == 0} == {"cancelled"}

    await office.advance(days=7)  # Wed 2 Dec 09:00: the old 3-day reminder is gone
    assert count(budi, "⏰ Pengingat") == 0
    await office.advance(days=5, hours=4)  # Mon 7 Dec 13:00
    reminder = await budi.wait_for("⏰ Pengingat")
    assert "dalam 3 hari" in reminder.text and "Kamis, 10 Desember 2026" in reminder.text
    await office.world.settle()
    assert count(sari, "⏰ Pengingat") == 0


async def test_no_new_time_or_place_is_asked_for_once_it_has_begun_or_was_cancelled(
    office: OfficeEnv,
) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    await new_activity(kasi, title="Rapat Koordinasi", audience=("Seksi Pemerintahan",))
    card = await card_of(kasi, "Rapat Koordinasi")
    cancelled = await latest_activity(office)
    await kasi.press("Batalkan", message=card)
    confirm = await kasi.wait_for("akan diberi tahu")
    await kasi.press("Ya, batalkan", message=confirm)
    assert "dibatalkan" in (await kasi.wait_for_edit(confirm)).text
    gone = await kasi.press_data(acb.ChangePlace(cancelled.id).encode(), message=card)
    assert gone.show_alert and "sudah dibatalkan" in gone.text

    await new_activity(kasi, title="Bimtek SIAK", audience=("Seksi Pemerintahan",))
    card = await card_of(kasi, "Bimtek SIAK")
    begun = await latest_activity(office)  # Saturday 5 December, 09.00
    await office.advance(days=10, hours=1)  # Saturday 5 December, 10.00
    late = await kasi.press_data(acb.ChangeTime(begun.id).encode(), message=card)
    assert late.show_alert and "sudah dimulai" in late.text

    await office.world.settle()
    assert count(kasi, "Waktu baru") == 0 and count(kasi, "Tempat atau tautan baru") == 0


async def test_change_of_place_and_cancellation_notify(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    budi = await member(office, "Budi", "staf", "PEM")
    await new_activity(kasi, title="Rapat Koordinasi Pelayanan", audience=("Seksi Pemerintahan",))
    await budi.wait_for("Undangan pelatihan")
    card = await card_of(kasi, "Rapat Koordinasi Pelayanan")

    await kasi.press("Ubah tempat", message=card)
    await kasi.wait_for("Tempat atau tautan baru")
    await kasi.send("Aula Kantor Camat Medan Marelan")
    await kasi.wait_for("sama dengan tempat sekarang")
    await kasi.send("Ruang Rapat Lantai 2")
    await kasi.wait_for("sekarang: Ruang Rapat Lantai 2")
    relocated = await budi.wait_for("Perubahan tempat")
    assert "Sekarang: Ruang Rapat Lantai 2" in relocated.text

    await kasi.press("Batalkan", message=card)
    confirm = await kasi.wait_for("Semua yang diundang akan diberi tahu")
    await kasi.press("Jangan", message=confirm)
    await kasi.wait_for_edit(confirm)
    assert (await latest_activity(office)).status == "terjadwal"
    await kasi.press("Batalkan", message=card)
    confirm = await kasi.wait_for("Semua yang diundang akan diberi tahu")
    await kasi.press("Ya, batalkan", message=confirm)
    done = await kasi.wait_for_edit(confirm)
    assert "dibatalkan" in done.text
    notice = await budi.wait_for("Dibatalkan")
    assert "Rapat Koordinasi Pelayanan" in notice.text

    activity = await latest_activity(office)
    assert activity.status == "dibatalkan"
    states = {r.state for r in await activity_reminders.of_activity(office.db, activity.id)}
    assert states == {"cancelled"}
    await office.advance(days=10)
    assert count(budi, "⏰ Pengingat") == 0 and count(kasi, "Daftar hadir") == 0
    await kasi.send("/kegiatan")
    assert "Belum ada kegiatan" in (await kasi.wait_for("kegiatan")).text
    kinds = [e.kind for e in await activities.events(office.db, activity.id)]
    assert kinds == ["created", "relocated", "cancelled"]
