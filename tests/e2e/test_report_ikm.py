"""The satisfaction survey and JP in the reports: the IKM of the period in /ringkasan and
the weekly digest (and nothing about it without surveys), a unit's JP compliance and
weakest unsur in /kinerja, the extra line of the ranking. Surveys are completed with the
buttons, trainings created and attended through the real flows."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from emulator import FakeTelegram
from tests.database import fresh_database
from tests.e2e import report_steps as steps
from tests.e2e.activity_steps import member, new_activity
from tests.e2e.harness import DEFAULT_START, WIB, OfficeEnv, start_office
from tests.e2e.report_ikm_steps import (
    MIXED,
    converted_ikm,
    id_decimal,
    minimum_sample,
    mutu,
    nrr,
    prorata_jp,
    prorated,
    submit_survey,
)
from tests.e2e.survey_steps import complete_by_link, same
from tests.test_office import _write

OCTOBER = datetime(2026, 10, 28, 9, 0, tzinfo=WIB)  # a Wednesday
OFFICE_START = OCTOBER  # read by the office fixture (tests/e2e/conftest.py)
JANUARY = datetime(2026, 1, 5, 9, 0, tzinfo=WIB)  # when the staff of /kinerja PEM registered
OFFICE_YEARLY_USERS = 8500  # the services' populations in the office file


def ikm_line(responses: list[dict[str, int]]) -> str:
    value = converted_ikm(responses)
    return f"IKM survei kepuasan: {id_decimal(value)}"


async def test_ringkasan_shows_the_ikm_of_the_period_and_its_change(office: OfficeEnv) -> None:
    camat = (await steps.officer(office, "Camat", "supervisor")).user
    await camat.send("/ringkasan")
    empty = await camat.wait_for("Ringkasan pengaduan — Oktober 2026")
    assert "IKM" not in empty.text and "survei" not in empty.text.lower()

    october = [same(2)]
    await complete_by_link(office.user("Warga0"), "KK", october[0])
    await office.advance(days=5)  # Monday 2 November 09:00: the weekly digest went out
    digest = await camat.wait_for("Ringkasan mingguan — minggu 26 Oktober 2026")
    assert f"{ikm_line(october)} · mutu D (Tidak baik)" in digest.text
    assert "dari 1 responden (▲ 1)" in digest.text

    november = [same(4), MIXED]
    await complete_by_link(office.user("Warga1"), "KTP", november[0])
    await complete_by_link(office.user("Warga2"), "KTP", november[1])
    now, before = converted_ikm(november), converted_ikm(october)
    assert (id_decimal(now), id_decimal(before)) == ("88,89", "50,00")
    await camat.send("/ringkasan")
    summary = await camat.wait_for("Ringkasan pengaduan — November 2026")
    minimum = minimum_sample(prorated(OFFICE_YEARLY_USERS, 30))
    assert minimum == 248
    assert (
        f"{ikm_line(november)} (▲ {id_decimal(now - before)}) · mutu {mutu(now)} (Sangat baik)"
    ) in summary.text
    assert f"dari 2 responden (▲ 1) · ⚠️ kurang dari sampel minimum {minimum}" in summary.text
    assert "IKM survei kepuasan: 88,89 (▲ 38,89) · mutu A" in summary.text

    await camat.send("/ringkasan 2026-10")
    past = await camat.wait_for("Ringkasan pengaduan — Oktober 2026")
    assert f"{ikm_line(october)} · mutu D (Tidak baik)" in past.text  # September: no trend
    await camat.send("/ringkasan 2026-09")
    none = await camat.wait_for("Ringkasan pengaduan — September 2026")
    assert "IKM" not in none.text


def with_pem_service(tmp_path: Path) -> Path:
    """The office file with one more service, run by Seksi Pemerintahan."""
    return _write(
        tmp_path,
        lambda d: d["services"].append(
            {
                "code": "DOMISILI",
                "name": "Surat Keterangan Domisili",
                "name_en": "Residence certificate",
                "unit": "PEM",
                "population": 600,
            }
        ),
    )


async def test_kinerja_pem_shows_jp_compliance_and_weakest_unsur(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    office = await start_office(
        telegram,
        await fresh_database(tmp_path, "pem.db"),
        start=JANUARY,
        office_config=with_pem_service(tmp_path),
    )
    try:
        await run_kinerja_pem(office)
    finally:
        await office.bot.stop()


async def run_kinerja_pem(office: OfficeEnv) -> None:
    camat = await member(office, "Camat", "supervisor")
    kasi = await member(office, "Kasi", "kepala", "PEM")
    ani = await member(office, "Ani", "staf", "PEM")
    await member(office, "Budi", "staf", "PEM")
    await member(office, "Rina", "staf", "PEMB")
    await office.at(DEFAULT_START)  # registered in January: the whole year's target applies
    await new_activity(
        kasi,
        title="Diklat Administrasi Kependudukan",
        when="besok 08:00",
        duration="15 jam",
        jp="20",
        audience=("Seksi Pemerintahan",),
    )
    await ani.press("Hadir", message=await ani.wait_for("Undangan pelatihan"))
    await office.advance(days=2)  # Friday 27 November 09:00: the training ended
    checklist = await kasi.wait_for("Daftar hadir")
    await kasi.press("Simpan", message=checklist)  # Ani, who said she would come
    await ani.wait_for("JP ditambahkan")

    answers = [MIXED, same(4)]
    for n, scores in enumerate(answers):
        await submit_survey(office, f"Warga{n}", "DOMISILI", scores)
    values = nrr(answers)
    weakest = min(values, key=lambda k: (values[k], k))
    assert (weakest, id_decimal(values[weakest])) == ("U8", "2,50")

    now = datetime(2026, 11, 27, 9, 0, tzinfo=WIB)
    target = prorata_jp(now)
    assert 0 < target < 20  # Ani's 20 JP are on target, Kasi's and Budi's 0 are not
    await camat.send("/kinerja PEM")
    card = await camat.wait_for("Kinerja Seksi Pemerintahan — November 2026")
    assert (
        f"JP staf per Jumat, 27 November 2026: 1 dari 3 ASN mencapai target pro-rata "
        f"{id_decimal(target, 1)} JP (33,3%; target tahunan 20 JP)"
    ) in card.text
    assert (
        "Unsur SKM terlemah: U8 Penanganan Pengaduan, Saran dan Masukan — NRR 2,50 (mutu D)"
    ) in card.text
    assert f"{ikm_line(answers)} · mutu {mutu(converted_ikm(answers))}" in card.text
    assert "Rina" not in card.text

    await kasi.send("/kinerja")  # a unit head: their own unit, the same lines
    own = await kasi.wait_for("Kinerja Seksi Pemerintahan — November 2026")
    assert "1 dari 3 ASN" in own.text and "Unsur SKM terlemah: U8" in own.text

    await camat.send("/kinerja PEM 2026-10")  # as of 31 October: before the training
    october = await camat.wait_for("Kinerja Seksi Pemerintahan — Oktober 2026")
    end_of_october = datetime(2026, 10, 31, 23, 59, 59, tzinfo=WIB)
    assert (
        f"JP staf per Sabtu, 31 Oktober 2026: 0 dari 3 ASN mencapai target pro-rata "
        f"{id_decimal(prorata_jp(end_of_october), 1)} JP"
    ) in october.text
    assert "IKM" not in october.text and "Unsur SKM" not in october.text

    await camat.send("/kinerja PEMB")  # no service, no survey: only JP
    pemb = await camat.wait_for("Kinerja Seksi Pembangunan")
    assert "0 dari 1 ASN" in pemb.text and "IKM" not in pemb.text

    await camat.send("/kinerja")
    ranking = await camat.wait_for("Peringkat unit — November 2026")
    lines = ranking.text.splitlines()

    def head(unit: str) -> int:  # a unit's line (no score: no complaint resolved or rated)
        return lines.index(next(line for line in lines if line.endswith(f"{unit} — skor —")))

    pem = head("Seksi Pemerintahan")
    assert lines[pem + 2].strip() == (
        f"😊 IKM {id_decimal(converted_ikm(answers))} (A) · 🎓 JP sesuai target 1/3"
    )
    pemb = head("Seksi Pembangunan")
    assert lines[pemb + 2].strip() == "🎓 JP sesuai target 0/1"
    kesos = head("Kesejahteraan Sosial")
    assert "JP" not in lines[kesos + 2] and "IKM" not in lines[kesos + 2]  # nobody there
