"""Personal-data rights end to end (UU 27/2022): /datasaya gives a summary and a JSON copy,
/hapusdata erases on confirmation; staff, "Batal", old and forged presses change nothing."""

from __future__ import annotations

import json
from typing import Any

from bot.privacy.callbacks import ConfirmErasure
from emulator import BotMessage, FakeUser
from storage.core import audit, copy
from tests.e2e import report_steps
from tests.e2e.activity_steps import member, new_activity
from tests.e2e.complaint_steps import Unit, alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv
from tests.e2e.survey_steps import complete_survey

SCORES = {"U1": 4, "U2": 3, "U3": 3, "U4": 4, "U5": 3, "U6": 4, "U7": 4, "U8": 2, "U9": 3}
IDENTITY = ("Rahmawati", "Lubis", "rahma_lubis")
INTERNAL_NOTE = "pelapor ini sering mengadu, cek dulu ke lapangan"
PUBLIC_REPLY = "Petugas akan memeriksa lampu jalan besok pagi."


async def rahma_with_history(office: OfficeEnv) -> tuple[FakeUser, Unit, str, BotMessage]:
    """A citizen with an open complaint (a photo, a location, a public answer and an internal
    note), a survey response with profile answers and a suggestion, a forum subscription."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    rahma = office.user("Rahmawati", last_name="Lubis", username="rahma_lubis")
    number = await file_complaint(rahma, photos=1, location=(3.712345, 98.645678))
    alert = await alert_for(pemb.group, number)
    assert "Rahmawati Lubis (@rahma_lubis)" in alert.text
    await office.world.settle()  # the alert, its photo and location are delivered
    await pemb.staff.say(pemb.group, PUBLIC_REPLY, reply_to=alert)
    await rahma.wait_for("Jawaban untuk pengaduan")
    await pemb.staff.say(pemb.group, f"#catatan {INTERNAL_NOTE}", reply_to=alert)
    await pemb.group.wait_for("Catatan internal")
    await complete_survey(
        rahma,
        "Kartu Keluarga",
        SCORES,
        profile=["Perempuan", "30–39 tahun", "SMA/SMK", "Wiraswasta"],
        suggestion="Loket KK perlu kursi tunggu tambahan.",
    )
    await rahma.send("/forum")
    await rahma.press(
        "Beri tahu saya forum berikutnya", message=await rahma.wait_for("Ingin diundang")
    )
    await office.world.settle()
    return rahma, pemb, number, alert


async def database_text(office: OfficeEnv) -> str:
    """Every text value in every table (the whole database, as an auditor would grep it)."""
    values: list[str] = []
    for table in await copy.tables(office.db):
        for row in await office.db.fetchall(f"SELECT * FROM {table}"):
            values += [value for value in row if isinstance(value, str)]
    return "\n".join(values)


async def person_row(office: OfficeEnv, user: FakeUser) -> dict[str, Any]:
    row = await office.db.fetchone("SELECT * FROM people WHERE telegram_id = ?", (user.id,))
    return dict(row)


async def test_datasaya_gives_a_summary_and_a_machine_readable_copy(office: OfficeEnv) -> None:
    rahma, _, number, _ = await rahma_with_history(office)
    camat = await member(office, "Camat", "supervisor")
    await new_activity(
        camat,
        kind="Forum Warga",
        title="Forum Warga Kelurahan Terjun",
        when="3 Des 14:00",
        place="Kantor Lurah Terjun",
        audience=("Publik",),
    )
    await rahma.press("Hadir", message=await rahma.wait_for("Undangan forum warga"))

    await rahma.send("/datasaya")
    summary = await rahma.wait_for("Data pribadi Anda")
    assert "Rahmawati Lubis (@rahma_lubis)" in summary.text
    assert "Pengaduan: 1 (1 masih ditangani)" in summary.text
    assert "Respons survei kepuasan: 1" in summary.text
    assert "Undangan kegiatan: 1" in summary.text
    assert "Langganan forum warga: ya, sejak" in summary.text
    assert "Persetujuan pemberitahuan privasi: diberikan Rabu, 25 November 2026" in summary.text
    assert "ubahlah di pengaturan Telegram" in summary.text and "/hapusdata" in summary.text
    sent = await rahma.wait_for(predicate=lambda m: m.document is not None)
    assert sent.document["file_name"] == f"data-saya-{rahma.id}.json"
    copy = json.loads(office.world.file_bytes(sent.document["file_id"]))

    person = copy["person"]
    assert (person["first_name"], person["last_name"], person["username"]) == IDENTITY
    assert person["telegram_id"] == rahma.id and person["role"] == "citizen"
    assert person["privacy_consent_at"].startswith("2026-11-25T09:")
    assert person["privacy_consent_at"].endswith("+07:00")
    [complaint] = copy["complaints"]
    assert complaint["number"] == number and complaint["status"] == "diproses"
    assert complaint["description"].startswith("Lampu jalan di Jl. Marelan Raya")
    assert complaint["kelurahan"] == "Terjun" and complaint["confidential"] is False
    assert complaint["location"] == {"latitude": 3.712345, "longitude": 98.645678}
    [photo] = complaint["files"]
    assert photo["kind"] == "photo" and photo["file_size"] > 0
    events = [(e["event"], e["by"], e["text"]) for e in complaint["timeline"]]
    assert ("public_reply", "office", PUBLIC_REPLY) in events
    assert events[0][:2] == ("created", "you")
    assert INTERNAL_NOTE not in json.dumps(copy, ensure_ascii=False)
    assert "internal_note" not in {e["event"] for e in complaint["timeline"]}
    [response] = copy["survey_responses"]
    assert response["service"]["code"] == "KK"
    assert {key: a["score"] for key, a in response["answers"].items()} == SCORES
    assert response["profile"]["gender"] == {"code": "P", "label": "Perempuan"}
    assert response["suggestion"] == "Loket KK perlu kursi tunggu tambahan."
    assert copy["forum_subscription"]["subscribed_at"].endswith("+07:00")
    [forum] = copy["activities"]
    assert (forum["kind"], forum["title"], forum["response"]) == (
        "forum",
        "Forum Warga Kelurahan Terjun",
        "yes",
    )
    assert forum["starts_at"] == "2026-12-03T14:00:00+07:00" and forum["attended"] is None

    [entry] = await audit.entries(office.db, "personal_data.copied")
    assert entry.actor_id == rahma.id
    assert entry.details == {"complaints": 1, "survey_responses": 1, "activities": 1}


async def test_erasure_anonymises_closes_and_asks_for_consent_again(office: OfficeEnv) -> None:
    rahma, pemb, number, alert = await rahma_with_history(office)
    camat = await member(office, "Camat", "supervisor")
    await new_activity(
        camat,
        kind="Forum Warga",
        title="Forum Warga Kelurahan Terjun",
        when="3 Des 14:00",
        place="Kantor Lurah Terjun",
        audience=("Publik",),
    )
    await rahma.wait_for("Undangan forum warga")
    await rahma.send("/survei")  # a survey left half-way: its draft must go too
    await rahma.press("Akta (kelahiran, kematian)", message=await rahma.wait_for("Layanan apa"))
    await rahma.wait_for("Pertanyaan 1/9")
    await office.world.settle()
    before = await database_text(office)
    assert all(value in before for value in IDENTITY)  # the scan below can fail

    await rahma.send("/hapusdata")
    explanation = await rahma.wait_for("Menghapus data pribadi Anda")
    assert "1 pengaduan Anda tetap disimpan" in explanation.text
    assert "1 pengaduan yang masih ditangani ditutup" in explanation.text
    assert (
        "1 undangan kegiatan yang belum berlangsung ditarik, dan langganan forum"
        in explanation.text
    )
    assert explanation.buttons == [["🗑 Hapus data saya"], ["Batal"]]
    await rahma.press("Hapus data saya", message=explanation)
    done = await rahma.wait_for_edit(explanation)
    assert "Data pribadi Anda telah dihapus" in done.text and done.buttons == []
    assert f"ditutup sebagai ditarik: {number}" in done.text

    notice = await pemb.group.wait_for(f"{number} ditutup")
    assert "pelapor menarik pengaduan ini" in notice.text
    edited = await pemb.group.wait_for_edit(alert)
    assert "Dirahasiakan" in edited.text and "Rahmawati" not in edited.text
    assert "Status: Ditarik pelapor" in edited.text and edited.buttons == []
    await pemb.staff.send(f"/tiket {number}")
    ticket = await pemb.staff.wait_for(f"{number}")
    assert "pelapor: menarik pengaduan (data pribadi dihapus); ditutup" in ticket.text
    assert "Rahmawati" not in ticket.text
    await office.world.settle()
    row = await person_row(office, rahma)
    assert (row["first_name"], row["last_name"], row["username"]) == ("(dihapus)", None, None)
    assert row["privacy_accepted_at"] is None and row["erased_at"] is not None
    after = await database_text(office)
    for value in IDENTITY:
        assert value not in after, value
    complaint = await office.db.fetchone("SELECT * FROM complaints WHERE number = ?", (number,))
    assert (complaint["status"], complaint["confidential"]) == ("ditutup", 1)
    survey = await office.db.fetchone("SELECT * FROM survey_responses")
    assert [
        survey[c] for c in ("gender", "age_range", "education", "occupation", "suggestion")
    ] == [None] * 5
    assert await office.db.fetchval("SELECT COUNT(*) FROM survey_answers") == 9
    assert await office.db.fetchval("SELECT COUNT(*) FROM forum_subscriptions") == 0
    assert await office.db.fetchval("SELECT COUNT(*) FROM activity_invitations") == 0
    assert (
        await office.db.fetchval(
            "SELECT COUNT(*) FROM conversation_state WHERE key LIKE ?", (f"%{rahma.id}%",)
        )
        == 0
    )
    [entry] = await audit.entries(office.db, "personal_data.erased")
    assert entry.actor_id == rahma.id and entry.details["closed"] == 1
    assert not any(value in json.dumps(entry.details) for value in IDENTITY)

    await office.admin.send("/ekspor 2026-11")
    book = report_steps.workbook_of(
        office, await office.admin.wait_for(predicate=lambda m: m.document is not None)
    )
    [exported] = report_steps.sheet_rows(book, "Pengaduan")
    assert exported["reporter_name"] == "(dirahasiakan)"
    assert exported["reporter_telegram_id"] is None and exported["confidential"] == "ya"

    await rahma.send("/start")  # she comes back: greeted by name, the name not stored again
    await rahma.wait_for("Halo, Rahmawati")
    assert (await person_row(office, rahma))["first_name"] == "(dihapus)"
    await rahma.send("/lapor")
    notice = await rahma.wait_for("data pribadi Anda")
    assert "/datasaya" in notice.text and "/hapusdata" in notice.text
    await rahma.press("Setuju", message=notice)
    await rahma.press("Infrastruktur", message=await rahma.wait_for("Pilih kategori"))
    await rahma.wait_for("Di kelurahan mana")
    assert (await person_row(office, rahma))["first_name"] == "Rahmawati"  # consent anew


async def test_batal_changes_nothing(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    rahma = office.user("Rahmawati", last_name="Lubis", username="rahma_lubis")
    number = await file_complaint(rahma)
    await office.world.settle()
    before = await database_text(office)

    await rahma.send("/hapusdata")
    explanation = await rahma.wait_for("Menghapus data pribadi Anda")
    await rahma.press("Batal", message=explanation)
    kept = await rahma.wait_for_edit(explanation)
    assert "Tidak ada data yang diubah" in kept.text and kept.buttons == []
    await office.world.settle()
    assert await database_text(office) == before
    assert (
        await office.db.fetchval("SELECT status FROM complaints WHERE number = ?", (number,))
        == "baru"
    )
    assert await audit.entries(office.db, "personal_data.erased") == []
    assert all(f"{number} ditutup" not in m.text for m in pemb.group.bot_messages)


async def test_staff_are_refused_politely(office: OfficeEnv) -> None:
    budi = await member(office, "Budi", "staf", "PEM")
    await budi.send("/hapusdata")
    refusal = await budi.wait_for("data kepegawaian")
    assert "admin kecamatan" in refusal.text and "/cabut" in refusal.text
    assert refusal.buttons == []
    await office.admin.send("/hapusdata")
    await office.admin.wait_for("data kepegawaian")

    forged = ConfirmErasure(budi.id, office.runtime.now()).encode()
    answer = await budi.press_data(forged, message=refusal)
    assert answer.show_alert and "bukan wewenang" in answer.text
    await office.world.settle()
    row = await person_row(office, budi)
    assert (row["first_name"], row["role"], row["erased_at"]) == ("Budi", "staf", None)
    assert await audit.entries(office.db, "personal_data.erased") == []


async def test_forged_and_expired_confirmations_change_nothing(office: OfficeEnv) -> None:
    rahma = office.user("Rahmawati", last_name="Lubis", username="rahma_lubis")
    joko = office.user("Joko")
    await file_complaint(rahma)
    await rahma.send("/hapusdata")
    explanation = await rahma.wait_for("Menghapus data pribadi Anda")
    await joko.send("/hapusdata")
    own = await joko.wait_for("Menghapus data pribadi Anda")

    forged = ConfirmErasure(rahma.id, office.runtime.now()).encode()  # Rahma's, pressed by Joko
    answer = await joko.press_data(forged, message=own)
    assert answer.show_alert and "bukan wewenang" in answer.text

    await office.advance(hours=2)
    answer = await rahma.press("Hapus data saya", message=explanation)
    assert answer.show_alert and "kedaluwarsa" in answer.text
    await office.world.settle()
    for user, name in ((rahma, "Rahmawati"), (joko, "Joko")):
        row = await person_row(office, user)
        assert (row["first_name"], row["erased_at"]) == (name, None)
    assert await office.db.fetchval("SELECT confidential FROM complaints") == 0
    assert await audit.entries(office.db, "personal_data.erased") == []
