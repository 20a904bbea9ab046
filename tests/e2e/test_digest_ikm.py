"""The monthly IKM digest: the previous month's IKM per service to each supervisor on the
first working day of the month (1 December 2026 is a Tuesday; 1 January 2027 is a holiday
and 2–3 January a weekend, so 4 January), once, across a restart."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from bot.core.clock import to_epoch
from bot.people.directory import set_language
from emulator import FakeTelegram, FakeUser
from storage.reports import digest as digests
from tests.database import fresh_database
from tests.e2e import report_steps as steps
from tests.e2e.harness import WIB, OfficeEnv, start_office
from tests.e2e.report_ikm_steps import (
    MIXED,
    converted_ikm,
    id_decimal,
    minimum_sample,
    mutu,
    prorated,
    submit_survey,
)
from tests.e2e.survey_steps import same

FRIDAY = datetime(2026, 11, 27, 10, 0, tzinfo=WIB)
OFFICE_START = FRIDAY  # read by the office fixture (tests/e2e/conftest.py)
KTP_YEARLY = 2400  # the office file's population of the KTP-el service


def monthly(user: FakeUser, title: str) -> list:
    return [m for m in user.inbox if title in m.body]


async def test_monthly_ikm_digest_once_on_the_first_working_day(office: OfficeEnv) -> None:
    camat = await steps.officer(office, "Camat", "supervisor")
    sekcam = await steps.officer(office, "Sekcam", "supervisor")
    await set_language(office.runtime, sekcam.actor, "en")
    ktp, kk = [same(4), MIXED], [same(2)]
    for n, scores in enumerate(ktp):
        await submit_survey(office, f"WargaKtp{n}", "KTP", scores)
    await submit_survey(
        office, "WargaKk", "KK", kk[0], suggestion="Tambah petugas loket KK pada hari Senin."
    )

    await office.at(datetime(2026, 12, 1, 7, 29, tzinfo=WIB))
    assert monthly(camat.user, "IKM bulanan") == []
    await office.at(datetime(2026, 12, 1, 7, 30, tzinfo=WIB))
    digest = await camat.user.wait_for("IKM bulanan — November 2026")
    assert minimum_sample(prorated(KTP_YEARLY, 30)) > len(ktp)  # below the sample: ⚠️
    ktp_ikm, kk_ikm, all_ikm = converted_ikm(ktp), converted_ikm(kk), converted_ikm(ktp + kk)
    assert (
        f"• Rekomendasi KTP-el: {id_decimal(ktp_ikm)} · {mutu(ktp_ikm)} · 2 responden ⚠️"
        in digest.text
    )
    assert f"• Kartu Keluarga: {id_decimal(kk_ikm)} · {mutu(kk_ikm)} · 1 responden ⚠️" in digest.text
    assert (
        f"Seluruh layanan: {id_decimal(all_ikm)} · mutu {mutu(all_ikm)} (Kurang baik) · 3 responden"
    ) in digest.text
    assert "Seluruh layanan: 75,93 · mutu C" in digest.text
    assert "Belum ada responden: Akta (kelahiran, kematian), Surat Pindah," in digest.text
    assert "💬 1 saran warga bulan itu: /saran 2026-11" in digest.text
    english = await sekcam.user.wait_for("Monthly IKM — November 2026")
    assert "All services: 75.93 · grade C (Poor) · respondents: 3" in english.text
    assert "Suggestions from citizens that month: 1 (/saran 2026-11)" in english.text

    await office.restart()
    await office.at(datetime(2026, 12, 1, 11, 0, tzinfo=WIB))
    assert len(monthly(camat.user, "IKM bulanan")) == 1
    assert len(monthly(sekcam.user, "Monthly IKM")) == 1
    runs = await digests.runs(office.db, "ikm_monthly")
    assert [(r.period_key, r.state) for r in runs] == [("2026-11", "sent"), ("2026-12", "pending")]
    assert runs[1].due_at == to_epoch(datetime(2027, 1, 4, 7, 30, tzinfo=WIB))


async def test_a_holiday_moves_it_and_downtime_delays_it(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    office = await start_office(
        telegram,
        await fresh_database(tmp_path, "january.db"),
        start=datetime(2026, 12, 28, 10, 0, tzinfo=WIB),
    )
    try:
        camat = await steps.officer(office, "Camat", "supervisor")
        await office.at(datetime(2027, 1, 1, 8, 0, tzinfo=WIB))  # Tahun Baru: a holiday
        await office.at(datetime(2027, 1, 4, 7, 29, tzinfo=WIB))  # after the weekend
        assert monthly(camat.user, "IKM bulanan") == []
        runs = await digests.runs(office.db, "ikm_monthly")
        assert [(r.period_key, r.due_at) for r in runs] == [
            ("2026-12", to_epoch(datetime(2027, 1, 4, 7, 30, tzinfo=WIB)))
        ]

        await office.bot.stop()  # down over Monday 4 January 07:30
        office.clock.set(datetime(2027, 1, 4, 10, 0, tzinfo=WIB))
        await office.bot.start()
        december = await camat.user.wait_for("IKM bulanan — Desember 2026")
        assert "Belum ada responden survei kepuasan pada Desember 2026" in december.text
        await office.restart()
        await office.at(datetime(2027, 1, 4, 12, 0, tzinfo=WIB))
        assert len(monthly(camat.user, "IKM bulanan")) == 1
        assert [(r.period_key, r.state) for r in await digests.runs(office.db, "ikm_monthly")] == [
            ("2026-12", "sent"),
            ("2027-01", "pending"),
        ]
    finally:
        await office.bot.stop()
