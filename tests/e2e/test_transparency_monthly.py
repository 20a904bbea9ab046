"""The monthly IKM post with the follow-up a supervisor recorded, and previewing and
holding public posts (1 December 2026 is a Tuesday, the first working day)."""

from __future__ import annotations

from datetime import datetime
from fractions import Fraction

from emulator import FakeChannel, FakeUser
from storage.core import audit
from tests.e2e import report_steps as steps
from tests.e2e.harness import WIB, OfficeEnv
from tests.e2e.report_ikm_steps import (
    MIXED,
    converted_ikm,
    id_decimal,
    minimum_sample,
    mutu,
    nrr,
    prorated,
    submit_survey,
)
from tests.e2e.survey_steps import same

OFFICE_START = datetime(2026, 11, 27, 10, 0, tzinfo=WIB)  # a Friday
KTP_YEARLY = 2400
FOLLOW_UP = "Loket pengaduan dibuka setiap hari kerja dan setiap laporan dijawab dalam 1 hari."


async def bound_channel(office: OfficeEnv) -> FakeChannel:
    channel = office.world.channel(
        "Kinerja Marelan", owner=office.admin, username="kinerja_marelan"
    )
    await office.admin.send("/kanal_publik @kinerja_marelan")
    await office.admin.wait_for("sekarang kanal publik kantor")
    return channel


def posts_with(channel: FakeChannel, title: str) -> list:
    return [p for p in channel.posts if title in p.text]


async def test_monthly_ikm_post_with_the_recorded_follow_up(office: OfficeEnv) -> None:
    camat = await steps.officer(office, "Camat", "supervisor")
    kasi = await steps.officer(office, "Kasi", "kepala", "PELAYANAN")
    channel = await bound_channel(office)
    ktp = [same(4), MIXED, MIXED, same(3), MIXED]
    for n, scores in enumerate(ktp):
        await submit_survey(office, f"WargaKtp{n}", "KTP", scores)
    await submit_survey(
        office,
        "WargaKk",
        "KK",
        same(2),
        suggestion="Petugas KK bernama Joko kurang ramah, HP saya 081234567890",
    )

    await office.at(datetime(2026, 12, 1, 7, 30, tzinfo=WIB))
    await camat.user.wait_for("IKM bulanan — November 2026")
    assert posts_with(channel, "Indeks Kepuasan Masyarakat") == []

    # the supervisor answers the month's results before the public post
    await kasi.user.send(f"/tindak_lanjut KTP {FOLLOW_UP}")
    await kasi.user.wait_for("bukan wewenang")
    await camat.user.send("/tindak_lanjut KTP Hubungi Bu Rina di 0812-3456-7890 untuk keluhan")
    refused = await camat.user.wait_for("Teks tidak disimpan")
    assert "nomor telepon atau nomor identitas" in refused.text
    await camat.user.send(f"/tindak_lanjut XYZ {FOLLOW_UP}")
    await camat.user.wait_for("Layanan XYZ tidak dikenal")
    await camat.user.send("/tindak_lanjut KTP singkat")
    await camat.user.wait_for("harus 10–500 karakter (sekarang 7)")
    await camat.user.send(f"/tindak_lanjut KTP {FOLLOW_UP}")
    saved = await camat.user.wait_for("Tindak lanjut untuk Rekomendasi KTP-el dicatat")
    assert "hasil November 2026, unsur terlemah: Penanganan Pengaduan" in saved.text
    assert [e.subject_id for e in await audit.entries(office.db, "ikm_followup.recorded")] == [
        "KTP"
    ]

    await camat.user.send("/pratinjau_publik bulanan")
    preview = await camat.user.wait_for("Pratinjau posting IKM bulanan")
    assert "Jadwal: Selasa, 1 Desember 2026 pukul 08.30 WIB" in preview.text
    assert "Kanal: https://t.me/kinerja_marelan" in preview.text
    assert f"Tindak lanjut: {FOLLOW_UP}" in preview.text
    assert posts_with(channel, "Indeks Kepuasan Masyarakat") == []  # a preview posts nothing

    await office.at(datetime(2026, 12, 1, 8, 30, tzinfo=WIB))
    post = await channel.wait_for("Indeks Kepuasan Masyarakat (IKM)")
    text = post.text
    converted = converted_ikm(ktp)
    sample = minimum_sample(prorated(KTP_YEARLY, 30))
    assert (
        f"• Rekomendasi KTP-el: {id_decimal(converted)} · mutu {mutu(converted)} · "
        f"5 responden (sampel minimal {sample})"
    ) in text
    weakest = min(nrr(ktp).items(), key=lambda item: item[1])
    assert weakest[0] == "U8"
    assert (
        f"Unsur terlemah: Penanganan Pengaduan, Saran dan Masukan "
        f"(nilai {id_decimal(weakest[1] * 25)})"
    ) in text
    assert f"Tindak lanjut: {FOLLOW_UP} (dicatat 1 Desember 2026)" in text
    assert "• Kartu Keluarga: 1 responden — terlalu sedikit untuk diumumkan" in text
    everyone = converted_ikm([*ktp, same(2)])
    assert f"Seluruh layanan: {id_decimal(everyone)} · mutu {mutu(everyone)}" in text
    assert isinstance(everyone, Fraction)
    for private in ("Joko", "081234567890", "WargaKtp", "WargaKk"):
        assert private not in text

    await office.restart()
    await office.at(datetime(2026, 12, 1, 11, 0, tzinfo=WIB))
    assert len(posts_with(channel, "Indeks Kepuasan Masyarakat")) == 1


async def hold(user: FakeUser, words: str = "") -> str:
    await user.send(f"/tahan_publik {words}".strip())
    return (await user.wait_for(predicate=lambda m: "ditahan" in m.text.lower())).text


async def test_preview_hold_and_release(office: OfficeEnv) -> None:
    camat = await steps.officer(office, "Camat", "supervisor")
    sekcam = await steps.officer(office, "Sekcam", "supervisor")
    staf = await steps.officer(office, "Bagus", "staf", "PEMB")
    channel = await bound_channel(office)
    siti = await steps.citizen(office, "Siti")
    await steps.file(office, siti, "INFRA", "TRJ")

    await staf.user.send("/tahan_publik")
    await staf.user.wait_for("bukan wewenang")
    await camat.user.send("/pratinjau_publik")
    preview = await camat.user.wait_for("Pratinjau posting mingguan")
    assert "(23 November 2026 – 29 November 2026)" in preview.text
    assert "Status: terjadwal" in preview.text and "Pengaduan masuk: 1" in preview.text
    await camat.user.send("/pratinjau_publik besok")
    await camat.user.wait_for("Gunakan: /pratinjau_publik")

    held = await hold(camat.user)
    assert held.startswith("⏸ Ditahan: posting mingguan 23 November 2026 – 29 November 2026")
    assert "Sudah ditahan: posting mingguan" in await hold(sekcam.user, "mingguan")
    await camat.user.send("/pratinjau_publik")
    assert "Status: DITAHAN" in (await camat.user.wait_for("Pratinjau")).text
    # the monthly post is held, then released before its time: it goes out on time
    assert "posting IKM bulanan November 2026" in await hold(camat.user, "bulanan")

    await office.at(datetime(2026, 11, 30, 8, 30, tzinfo=WIB))
    withheld = await sekcam.user.wait_for("Tidak diterbitkan: posting mingguan")
    assert "ditahan oleh Camat" in withheld.text
    await office.world.settle()
    assert channel.posts == []

    await sekcam.user.send("/tahan_publik lepas")
    released = await sekcam.user.wait_for("Dilepas")
    assert (
        "posting mingguan 23 November 2026 – 29 November 2026 — diterbitkan sekarang"
        in released.text
    )
    assert (
        "posting IKM bulanan November 2026 — terbit sesuai jadwal, Selasa, 1 Desember 2026"
        in released.text
    )
    post = await channel.wait_for("23 November 2026 – 29 November 2026")
    assert "Pengaduan masuk: 1" in post.text
    await sekcam.user.send("/tahan_publik lepas")
    await sekcam.user.wait_for("Tidak ada posting publik yang ditahan")

    await office.restart()
    await office.at(datetime(2026, 12, 1, 8, 30, tzinfo=WIB))
    await channel.wait_for("Indeks Kepuasan Masyarakat")
    assert len(posts_with(channel, "Kinerja penanganan pengaduan")) == 1
    actions = [
        e.action
        for e in reversed(await audit.entries(office.db))
        if e.action.startswith("public_post.")
    ]
    assert actions == [
        "public_post.held",
        "public_post.held",
        "public_post.withheld",
        "public_post.published",
        "public_post.released",
        "public_post.published",
    ]
