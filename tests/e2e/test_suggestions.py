"""/saran: the suggestions citizens write in the SKM survey reach the people who must act
on them, newest first, paged, without the respondent, within the reader's scope."""

from __future__ import annotations

from emulator import FakeUser
from tests.e2e.harness import OfficeEnv
from tests.e2e.survey_steps import complete_from_first_question, same


async def suggest(
    office: OfficeEnv, name: str, service: str, score: int, suggestion: str
) -> FakeUser:
    citizen = office.user(name, last_name="Warga")
    await citizen.send(f"/start skm_{service}")
    await complete_from_first_question(citizen, same(score), suggestion=suggestion)
    await office.advance(hours=1)  # one after the other: newest first is well defined
    return citizen


async def test_suggestions_newest_first_paged_and_anonymous(office: OfficeEnv) -> None:
    camat = office.user("Camat")
    await office.invite(camat, "supervisor")
    texts = [f"Saran nomor {n}: tambah kursi di ruang tunggu." for n in range(1, 6)]
    for n, text in enumerate(texts, start=1):
        await suggest(office, f"Penyaran{n}", "KTP", 3, text)
    await suggest(office, "Kritikus", "KK", 2, "<b>Antrian</b> & loket terlalu lama")

    await camat.send("/saran")
    first = await camat.wait_for("Saran warga")
    assert "seluruh layanan · November 2026" in first.text
    assert "6 saran · halaman 1/2" in first.text
    body = first.text.split("halaman 1/2", 1)[1]
    assert body.index("<b>Antrian</b> & loket terlalu lama") < body.index("Saran nomor 5")
    assert "Kartu Keluarga · nilai rata-rata 2,0" in first.text
    assert "Saran nomor 1" not in first.text  # the oldest is on page 2
    assert (
        "Penyaran" not in first.text
        and "Kritikus" not in first.text
        and "Warga" not in first.text.replace("Saran warga", "")
    )
    assert [b for row in first.buttons for b in row] == ["Berikutnya ›"]

    await camat.press("Berikutnya ›", message=first)
    second = await camat.wait_for_edit(first)
    assert "halaman 2/2" in second.text and "Saran nomor 1" in second.text
    assert "Saran nomor 5" not in second.text
    assert [b for row in second.buttons for b in row] == ["‹ Sebelumnya"]

    await camat.send("/saran KK")
    only_kk = await camat.wait_for("Saran warga")
    assert "1 saran" in only_kk.text and "Saran nomor" not in only_kk.text

    await camat.send("/saran 2025-01")
    assert "Belum ada saran warga" in (await camat.wait_for("Belum ada")).text


async def test_unit_heads_read_their_units_suggestions_only(office: OfficeEnv) -> None:
    kasi_pel = office.user("KasiPelayanan")
    kasi_pem = office.user("KasiPemerintahan")
    await office.invite(kasi_pel, "kepala", "PELAYANAN")
    await office.invite(kasi_pem, "kepala", "PEM")
    await suggest(office, "Rina", "AKTA", 4, "Petugas akta sangat membantu, terima kasih.")

    await kasi_pel.send("/saran")
    assert "Petugas akta sangat membantu" in (await kasi_pel.wait_for("Saran warga")).text
    await kasi_pem.send("/saran")
    assert (
        "Belum ada saran warga untuk layanan Seksi Pemerintahan"
        in (await kasi_pem.wait_for("Belum ada")).text
    )
    await kasi_pem.send("/saran AKTA")
    assert "bukan layanan unit Anda" in (await kasi_pem.wait_for("bukan layanan")).text


async def test_citizens_staff_and_forged_pages_are_refused(office: OfficeEnv) -> None:
    camat = office.user("Camat")
    await office.invite(camat, "supervisor")
    staf = office.user("Staf")
    await office.invite(staf, "staf", "PELAYANAN")
    citizen = await suggest(office, "Budi", "KTP", 1, "Loket sering tutup sebelum jam 12.")

    for person in (citizen, staf):
        await person.send("/saran")
        assert "bukan wewenang" in (await person.wait_for("bukan wewenang")).text
    await camat.send("/saran")
    page = await camat.wait_for("Saran warga")
    forged = await citizen.press_data(
        "v1:s:sar:20261101:20261201:-:1", message=citizen.last_message
    )
    assert forged.show_alert and "bukan wewenang" in forged.text
    await camat.send("/saran kemarin")
    usage = await camat.wait_for("tidak dikenali")
    assert "/saran 2026-11" in usage.text
    broken = await camat.press_data("v1:s:sar:20261340:20261201:-:1", message=page)
    assert broken.show_alert  # a date that does not exist: a neutral alert, no crash
