"""The SKM survey end to end: buttons, deep link, the 30-day limit, restart and expiry,
and the invitation after a complaint about a service."""

from __future__ import annotations

from storage import surveys
from tests.e2e.complaint_steps import alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv
from tests.e2e.survey_steps import KEYS, answer_profile, answer_unsur, complete_survey, finish

SCORES = {"U1": 4, "U2": 3, "U3": 2, "U4": 4, "U5": 3, "U6": 4, "U7": 4, "U8": 1, "U9": 3}


async def test_a_survey_completed_with_buttons(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/survei")
    intro = await citizen.wait_for("Survei Kepuasan Masyarakat")
    labels = [row[0] for row in intro.buttons]
    assert labels == ["Rekomendasi KTP-el", "Kartu Keluarga", "Akta (kelahiran, kematian)",
                      "Surat Pindah", "Surat Keterangan Tidak Mampu", "Surat Keterangan Usaha",
                      "Izin Usaha Mikro", "Legalisasi"]
    await citizen.press("Rekomendasi KTP-el", message=intro)

    first = await citizen.wait_for("Pertanyaan 1/9 · Persyaratan")
    assert [row[0] for row in first.buttons] == [
        "1 · Tidak sesuai", "2 · Kurang sesuai", "3 · Sesuai", "4 · Sangat sesuai"]
    await citizen.press("4 · Sangat sesuai", message=first)
    second = await citizen.wait_for("Pertanyaan 2/9 · Sistem, Mekanisme, dan Prosedur")
    assert [row[0] for row in second.buttons] == [
        "1 · Tidak mudah", "2 · Kurang mudah", "3 · Mudah", "4 · Sangat mudah"]
    assert "✓ 4 · Sangat sesuai" in citizen.world.chats[citizen.id].get(first.message_id).text
    await citizen.send("bagus")  # typing instead of pressing: reminded, nothing lost
    await citizen.wait_for("Mohon jawab dengan tombol")
    await citizen.press("3 · Mudah", message=second)
    for n, key in enumerate(KEYS[2:], start=3):
        question = await citizen.wait_for(f"Pertanyaan {n}/9")
        label = next(b for row in question.buttons for b in row
                     if b.startswith(f"{SCORES[key]} · "))
        await citizen.press(label, message=question)
    await answer_profile(citizen, ["Perempuan", None, "SMA/SMK", None])
    thanks = await finish(citizen, "Antrean loket perlu nomor urut.")
    assert "Rekomendasi KTP-el" in thanks.text and "Jumat, 25 Desember 2026" in thanks.text

    summary = next(m for m in citizen.inbox if "Periksa jawaban Anda" in m.text)
    assert "U8 Penanganan Pengaduan, Saran dan Masukan: 1 · Tidak ada" in summary.text
    assert "Perempuan · SMA/SMK" in summary.text and "nomor urut" in summary.text
    response_id = await office.db.fetchval(
        "SELECT id FROM survey_responses WHERE respondent_id = ?", (citizen.id,))
    assert await surveys.answers_of(office.db, response_id) == SCORES
    row = await office.db.fetchone(
        "SELECT * FROM survey_responses WHERE id = ?", (response_id,))
    assert (row["service_code"], row["unit_code"], row["source"]) == ("KTP", "PELAYANAN",
                                                                     "command")
    assert (row["gender"], row["age_range"], row["education"], row["occupation"]) == (
        "P", None, "SMA", None)


async def test_the_deep_link_opens_the_right_service(office: OfficeEnv) -> None:
    citizen = office.user("Budi")
    await citizen.send("/start skm_KK")
    await citizen.wait_for("Layanan: Kartu Keluarga")
    first = await citizen.wait_for("Pertanyaan 1/9")
    await citizen.press("3 · Sesuai", message=first)
    await answer_unsur_from(citizen, 2)
    await answer_profile(citizen, [None] * 4)
    await finish(citizen, None)
    row = await office.db.fetchone(
        "SELECT service_code, source FROM survey_responses WHERE respondent_id = ?",
        (citizen.id,))
    assert (row["service_code"], row["source"]) == ("KK", "link")

    await citizen.send("/start skm_TIDAKADA")
    unknown = await citizen.wait_for("tidak ditemukan")
    assert "TIDAKADA" in unknown.text and ["Kartu Keluarga"] in unknown.buttons


async def answer_unsur_from(citizen, first: int, score: int = 3) -> None:
    for n in range(first, 10):
        question = await citizen.wait_for(f"Pertanyaan {n}/9")
        label = next(b for row in question.buttons for b in row if b.startswith(f"{score} · "))
        await citizen.press(label, message=question)


async def test_one_response_per_service_per_30_days(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await complete_survey(citizen, "Legalisasi", SCORES)
    await office.advance(days=29, hours=23)
    await citizen.send("/start skm_LEGALISASI")
    refusal = await citizen.wait_for("sudah mengisi survei")
    assert "Rabu, 25 November 2026" in refusal.text
    assert "mulai Jumat, 25 Desember 2026" in refusal.text
    await citizen.send("/start skm_PINDAH")  # another service: allowed
    await citizen.wait_for("Pertanyaan 1/9")
    await citizen.send("/batal")
    await citizen.wait_for("Survei dibatalkan")
    await office.advance(hours=1)
    await complete_survey(citizen, "Legalisasi", SCORES)
    count = await office.db.fetchval(
        "SELECT COUNT(*) FROM survey_responses WHERE respondent_id = ?", (citizen.id,))
    assert count == 2


async def test_unfinished_survey_survives_restart_then_expires(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/start skm_SKU")
    for n, label in ((1, "4 · "), (2, "4 · "), (3, "2 · ")):
        question = await citizen.wait_for(f"Pertanyaan {n}/9")
        await citizen.press(label, message=question)
    fourth = await citizen.wait_for("Pertanyaan 4/9 · Biaya/Tarif")

    await office.restart()
    await citizen.press("4 · Gratis", message=fourth)
    fifth = await citizen.wait_for("Pertanyaan 5/9")

    await office.advance(hours=24, minutes=1)
    await citizen.send("Apakah kantor buka hari Sabtu?")  # not swallowed by a dead survey
    await citizen.wait_for("Untuk pengaduan baru ketik /lapor")
    expired = await citizen.press("3 · Sesuai", message=fifth)
    assert not expired.show_alert
    await citizen.wait_for("lebih dari 24 jam")
    await office.world.settle()
    assert await office.db.fetchval("SELECT COUNT(*) FROM survey_responses") == 0
    await citizen.send("/start skm_SKU")  # a fresh start works
    await citizen.wait_for("Pertanyaan 1/9")


async def test_closing_a_complaint_about_a_service_invites_to_the_survey(
        office: OfficeEnv) -> None:
    paten = await unit_with_group(office, "PELAYANAN", "Loket PATEN")
    citizen = office.user("Siti")
    number = await file_complaint(
        citizen, category="Perizinan & Surat Keterangan (PATEN)", kelurahan="Terjun",
        description="Surat keterangan usaha saya belum selesai setelah dua minggu.")
    alert = await alert_for(paten.group, number)
    await paten.staff.press("Selesai", message=alert, chat=paten.group)
    prompt = await paten.group.wait_for("balas pesan ini")
    await paten.staff.say(paten.group, "Surat sudah dapat diambil di loket.", reply_to=prompt)
    resolved = await citizen.wait_for("dinyatakan selesai")
    await citizen.press("4", message=resolved)
    invitation = await citizen.wait_for("Bersediakah Anda menilai layanan")
    assert number in invitation.text
    await citizen.press("Isi survei", message=invitation)
    intro = await citizen.wait_for("Layanan apa yang Anda terima?")
    await citizen.press("Surat Keterangan Usaha", message=intro)
    await answer_unsur(citizen, SCORES)
    await answer_profile(citizen, [None] * 4)
    await finish(citizen, None)
    row = await office.db.fetchone(
        "SELECT source, complaint_id FROM survey_responses WHERE respondent_id = ?",
        (citizen.id,))
    assert row["source"] == "invite" and row["complaint_id"] is not None


async def test_a_complaint_not_about_a_service_invites_nobody(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    await pemb.staff.press("Selesai", message=alert, chat=pemb.group)
    prompt = await pemb.group.wait_for("balas pesan ini")
    await pemb.staff.say(pemb.group, "Lampu sudah diganti dan menyala.", reply_to=prompt)
    resolved = await citizen.wait_for("dinyatakan selesai")
    await citizen.press("5", message=resolved)
    await citizen.wait_for("Terima kasih atas penilaian")
    await office.world.settle()
    assert not any("Bersediakah" in m.text for m in citizen.inbox)
