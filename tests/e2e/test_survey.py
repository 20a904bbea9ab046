"""The SKM survey end to end: buttons, deep link, the 30-day limit, restart and expiry,
and the invitation after a complaint about a service."""

from __future__ import annotations

from pathlib import Path

from emulator import FakeTelegram
from storage.survey import responses as surveys
from tests.database import fresh_database
from tests.e2e.complaint_steps import alert_for, file_complaint, reply_to_prompt, unit_with_group
from tests.e2e.harness import OfficeEnv, start_office
from tests.e2e.survey_steps import (
    answer_profile,
    answer_unsur,
    complete_by_link,
    complete_from_first_question,
    complete_survey,
    finish,
    press_on_card,
    same,
)
from tests.test_office import _write

SCORES = {"U1": 4, "U2": 3, "U3": 2, "U4": 4, "U5": 3, "U6": 4, "U7": 4, "U8": 1, "U9": 3}


async def test_a_survey_completed_with_buttons(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/survei")
    intro = await citizen.wait_for("Survei Kepuasan Masyarakat")
    assert "30 hari" in intro.text
    assert [row[0] for row in intro.buttons] == [
        "Rekomendasi KTP-el",
        "Kartu Keluarga",
        "Akta (kelahiran, kematian)",
        "Surat Pindah",
        "Surat Keterangan Tidak Mampu",
        "Surat Keterangan Usaha",
        "Izin Usaha Mikro",
        "Legalisasi",
    ]
    await citizen.press("Rekomendasi KTP-el", message=intro)

    card = await citizen.wait_for("Pertanyaan 1/9 · Persyaratan")
    assert "Layanan: Rekomendasi KTP-el" in card.text
    assert [row[0] for row in card.buttons] == [
        "1 · Tidak sesuai",
        "2 · Kurang sesuai",
        "3 · Sesuai",
        "4 · Sangat sesuai",
    ]
    card = await press_on_card(citizen, card, "4 · Sangat sesuai")
    assert "Pertanyaan 2/9 · Sistem, Mekanisme, dan Prosedur" in card.text
    assert [row[0] for row in card.buttons] == [
        "1 · Tidak mudah",
        "2 · Kurang mudah",
        "3 · Mudah",
        "4 · Sangat mudah",
    ]
    await citizen.send("bagus")  # typing instead of pressing: reminded, nothing lost
    await citizen.wait_for("Mohon jawab dengan tombol")
    card = await press_on_card(citizen, card, "3 · Mudah")
    card = await answer_unsur(citizen, card, SCORES, first=3)
    assert "Jenis kelamin" in card.text
    card = await answer_profile(citizen, card, ["Perempuan", None, "SMA/SMK", None])
    thanks = await finish(citizen, card, "Antrean loket perlu nomor urut.")
    assert "Rekomendasi KTP-el" in thanks.text and "Jumat, 25 Desember 2026" in thanks.text

    summary = next(m for m in citizen.inbox if "Periksa jawaban Anda" in m.text)
    assert "U8 Penanganan Pengaduan, Saran dan Masukan: 1 · Tidak ada" in summary.text
    assert "Perempuan · SMA/SMK" in summary.text and "nomor urut" in summary.text
    row = await office.db.fetchone(
        "SELECT * FROM survey_responses WHERE respondent_id = ?", (citizen.id,)
    )
    answers = await office.db.fetchall(
        "SELECT unsur, score FROM survey_answers WHERE response_id = ?", (row["id"],)
    )
    assert {a["unsur"]: a["score"] for a in answers} == SCORES
    assert (row["service_code"], row["unit_code"], row["source"]) == ("KTP", "PELAYANAN", "command")
    assert (row["gender"], row["age_range"], row["education"], row["occupation"]) == (
        "P",
        None,
        "SMA",
        None,
    )
    assert row["suggestion"] == "Antrean loket perlu nomor urut."


async def test_changing_an_answer_from_the_summary(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/start skm_AKTA")
    card = await citizen.wait_for("Pertanyaan 1/9")
    card = await answer_unsur(citizen, card, same(3))
    card = await answer_profile(citizen, card, [None] * 4)
    summary = await press_on_card(citizen, card, "Lewati")
    choices = await press_on_card(citizen, summary, "Ubah jawaban")
    question = await press_on_card(citizen, choices, "U4 Biaya/Tarif: 3")
    assert "Pertanyaan 4/9 · Biaya/Tarif" in question.text
    summary = await press_on_card(citizen, question, "4 · Gratis")
    assert "U4 Biaya/Tarif: 4 · Gratis" in summary.text
    await citizen.press("Kirim", message=summary)
    await citizen.wait_for("Terima kasih! Survei untuk")
    score = await office.db.fetchval(
        """SELECT a.score FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
           WHERE r.respondent_id = ? AND a.unsur = 'U4'""",
        (citizen.id,),
    )
    assert score == 4
    again = await citizen.press_data(summary.button_data["📨 Kirim"], message=summary)
    assert again.show_alert and "sudah terkirim" in again.text
    assert await office.db.fetchval("SELECT COUNT(*) FROM survey_responses") == 1


async def test_the_deep_link_opens_the_right_service(office: OfficeEnv) -> None:
    citizen = office.user("Budi")
    await citizen.send("/start skm_KK")
    card = await citizen.wait_for("Pertanyaan 1/9")
    assert "Layanan: Kartu Keluarga" in card.text
    card = await answer_unsur(citizen, card, same(3))
    card = await answer_profile(citizen, card, [None] * 4)
    await finish(citizen, card, None)
    row = await office.db.fetchone(
        "SELECT service_code, source FROM survey_responses WHERE respondent_id = ?", (citizen.id,)
    )
    assert (row["service_code"], row["source"]) == ("KK", "link")

    await citizen.send("/start skm_TIDAKADA")
    unknown = await citizen.wait_for("tidak ditemukan")
    assert "TIDAKADA" in unknown.text and ["Kartu Keluarga"] in unknown.buttons


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
    await complete_by_link(citizen, "LEGALISASI", SCORES)
    count = await office.db.fetchval(
        "SELECT COUNT(*) FROM survey_responses WHERE respondent_id = ?", (citizen.id,)
    )
    assert count == 2


async def test_unfinished_survey_survives_restart_then_expires(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/start skm_SKU")
    card = await citizen.wait_for("Pertanyaan 1/9")
    for label in ("4 · ", "4 · ", "2 · "):
        card = await press_on_card(citizen, card, label)
    assert "Pertanyaan 4/9 · Biaya/Tarif" in card.text

    await office.restart()
    card = await press_on_card(citizen, card, "4 · Gratis")
    assert "Pertanyaan 5/9" in card.text

    await office.advance(hours=24, minutes=1)
    await citizen.send("Apakah kantor buka hari Sabtu?")  # not swallowed by a dead survey
    await citizen.wait_for("Untuk pengaduan baru ketik /lapor")
    await citizen.press("3 · Sesuai", message=card)
    await citizen.wait_for("lebih dari 24 jam")
    await office.world.settle()
    assert await office.db.fetchval("SELECT COUNT(*) FROM survey_responses") == 0
    await citizen.send("/start skm_SKU")  # a fresh start works
    await citizen.wait_for("Pertanyaan 1/9")


async def test_closing_a_complaint_about_a_service_invites_to_the_survey(office: OfficeEnv) -> None:
    paten = await unit_with_group(office, "PELAYANAN", "Loket PATEN")
    citizen = office.user("Siti")
    number = await file_complaint(
        citizen,
        category="Perizinan & Surat Keterangan (PATEN)",
        kelurahan="Terjun",
        description="Surat keterangan usaha saya belum selesai setelah dua minggu.",
    )
    alert = await alert_for(paten.group, number)
    await paten.staff.press("Selesai", message=alert, chat=paten.group)
    prompt = await paten.group.wait_for("balas pesan ini")
    await paten.staff.say(paten.group, "Surat sudah dapat diambil di loket.", reply_to=prompt)
    resolved = await citizen.wait_for("dinyatakan selesai")
    await citizen.press("4", message=resolved)
    await office.world.settle()
    invitation = next(m for m in citizen.inbox if "Bersediakah Anda menilai" in m.text)
    assert number in invitation.text
    await citizen.press("Isi survei", message=invitation)
    intro = await citizen.wait_for("Layanan apa yang Anda terima?")
    await citizen.press("Surat Keterangan Usaha", message=intro)
    await complete_from_first_question(citizen, SCORES)
    row = await office.db.fetchone(
        "SELECT source, complaint_id FROM survey_responses WHERE respondent_id = ?", (citizen.id,)
    )
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


async def test_a_reply_about_a_complaint_is_not_taken_as_a_suggestion(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    await pemb.staff.press("Minta Info", message=alert, chat=pemb.group)
    await reply_to_prompt(pemb.staff, pemb.group, "Di depan nomor rumah berapa tepatnya?")
    question = await citizen.wait_for("memerlukan informasi")

    await citizen.send("/start skm_KTP")
    card = await citizen.wait_for("Pertanyaan 1/9")
    card = await answer_unsur(citizen, card, SCORES)
    card = await answer_profile(citizen, card, [None] * 4)
    assert "Ada saran" in card.text
    await citizen.send("Depan rumah nomor 12.", reply_to=question)
    await citizen.wait_for("sudah diteruskan")
    await pemb.group.wait_for("Depan rumah nomor 12.")
    await citizen.send("Tambah kursi di ruang tunggu.")
    summary = await citizen.wait_for("Periksa jawaban Anda")
    assert "Saran: Tambah kursi di ruang tunggu." in summary.text
    assert "nomor 12" not in summary.text


async def test_a_category_tied_to_one_service_opens_it_directly(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    tied = _write(
        tmp_path,
        lambda d: next(c for c in d["categories"] if c["code"] == "ADMINDUK").update(
            survey_service="KK"
        ),
    )
    office = await start_office(
        telegram, await fresh_database(tmp_path, "tied.db"), office_config=tied
    )
    try:
        pem = await unit_with_group(office, "PEM", "Seksi Pemerintahan")
        citizen = office.user("Siti")
        for round_ in range(2):
            number = await file_complaint(
                citizen,
                category="Administrasi Kependudukan",
                kelurahan="Paya Pasir",
                description=f"Kartu keluarga saya salah cetak nama anak ({round_ + 1}).",
            )
            alert = await alert_for(pem.group, number)
            await pem.staff.press("Selesai", message=alert, chat=pem.group)
            await reply_to_prompt(pem.staff, pem.group, "KK sudah dicetak ulang dan diserahkan.")
            resolved = await citizen.wait_for("dinyatakan selesai")
            await citizen.press("5", message=resolved)
            await office.world.settle()
            invitations = [m for m in citizen.inbox if "Bersediakah" in m.text]
            if round_ == 0:
                assert "layanan Kartu Keluarga" in invitations[0].text
                await citizen.press("Isi survei", message=invitations[0])
                await complete_from_first_question(citizen, SCORES)
        # Answered for KK a moment ago: the second closed complaint does not ask again.
        assert len(invitations) == 1
        assert not any("Layanan apa" in m.text for m in citizen.inbox)  # no picker
        row = await office.db.fetchone(
            "SELECT service_code, source FROM survey_responses WHERE respondent_id = ?",
            (citizen.id,),
        )
        assert (row["service_code"], row["source"]) == ("KK", "invite")
    finally:
        await office.bot.stop()


async def test_the_main_menu_opens_the_survey(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/start")
    menu = await citizen.next_message()
    await citizen.press("Survei Kepuasan", message=menu)
    intro = await citizen.wait_for("Layanan apa yang Anda terima?")
    await citizen.send("/batal")
    await citizen.wait_for("Survei dibatalkan")
    stale = await citizen.press("Legalisasi", message=intro)
    assert stale.show_alert and "tidak berlaku" in stale.text


async def test_survei_again_carries_on_where_the_citizen_stopped(office: OfficeEnv) -> None:
    citizen = office.user("Rudi")
    await citizen.send("/survei")
    intro = await citizen.wait_for("Layanan apa yang Anda terima?")
    await citizen.press("Kartu Keluarga", message=intro)
    card = await citizen.wait_for("Pertanyaan 1/9")
    card = await press_on_card(citizen, card, "4 · Sangat sesuai")
    card = await press_on_card(citizen, card, "3 · Mudah")

    await citizen.send("/survei")  # e.g. lost the card in the chat
    card = await citizen.wait_for("masih mengisi survei")
    assert "Kartu Keluarga" in card.text
    assert "Pertanyaan 3/9" in card.text  # the question, in the same message
    card = await answer_unsur(citizen, card, SCORES, first=3)
    card = await answer_profile(citizen, card, [None] * 4)
    await finish(citizen, card, None)
    response_id = await office.db.fetchval("SELECT id FROM survey_responses")
    answers = await surveys.answers_of(office.db, response_id)
    assert (answers["U1"], answers["U2"], len(answers)) == (4, 3, 9)

    await citizen.send("/batal")
    await citizen.send("/survei")  # nothing half answered now: a fresh survey
    await citizen.wait_for("Layanan apa yang Anda terima?")


async def test_every_question_addresses_the_citizen_as_anda(office: OfficeEnv) -> None:
    """The survey said "Saudara" while the rest of the bot says "Anda"."""
    citizen = office.user("Siti")
    await citizen.send("/start skm_AKTA")
    card = await citizen.wait_for("Pertanyaan 1/9")
    for n in range(1, 10):
        assert f"Pertanyaan {n}/9" in card.text
        assert "Anda" in card.text and "Saudara" not in card.text, card.text
        card = await press_on_card(citizen, card, card.buttons[2][0])
