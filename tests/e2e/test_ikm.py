"""/ikm after several surveys: the expected converted IKM and mutu (computed here, by hand,
independently of bot.ikm), scope per role, periods and number formats."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from tests.e2e.harness import OfficeEnv
from tests.e2e.survey_steps import KEYS, complete_by_link, same

MIXED = dict(zip(KEYS, [4, 3, 2, 4, 3, 4, 4, 1, 3], strict=True))


def by_hand(responses: list[dict[str, int]]) -> tuple[list[Fraction], str]:
    """NRR per unsur and the converted IKM with two decimals, from the answers."""
    nrr = [Fraction(sum(r[k] for r in responses), len(responses)) for k in KEYS]
    converted = sum(nrr) / 9 * 25
    exact = Decimal(converted.numerator) / Decimal(converted.denominator)
    return nrr, str(exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


async def survey_by_link(office: OfficeEnv, name: str, code: str, scores: dict[str, int]) -> None:
    await complete_by_link(office.user(name), code, scores)


async def test_ikm_after_several_surveys(office: OfficeEnv) -> None:
    camat = office.user("Camat")
    await office.invite(camat, "supervisor")
    ktp = [same(4), MIXED]
    for n, scores in enumerate(ktp):
        await survey_by_link(office, f"Warga{n}", "KTP", scores)
    await survey_by_link(office, "WargaKK", "KK", same(2))

    nrr, converted = by_hand(ktp)
    assert (nrr[0], nrr[7], converted) == (4, Fraction(5, 2), "88.89")  # Σ NRR 32 × 25/9
    await camat.send("/ikm bulan KTP")
    report = await camat.wait_for("Indeks Kepuasan Masyarakat")
    assert "Rekomendasi KTP-el · November 2026" in report.text
    assert "IKM konversi: 88,89" in report.text
    assert "Mutu pelayanan: A (Sangat baik)" in report.text
    assert "U1 Persyaratan: 4,00 · 0,444 · A (Sangat baik)" in report.text
    assert (
        "U8 Penanganan Pengaduan, Saran dan Masukan: 2,50 · 0,278 · D (Tidak baik)" in report.text
    )  # 2,5 × 25 = 62,5
    # One plain sentence for the Camat, the method in a footnote: 2400 × 30/365 = 197.
    assert "\n⚠️ Perlu 130 responden agar hasilnya mewakili; baru 2.\n" in report.text
    assert (
        "Krejcie–Morgan dari 197 pengguna layanan pada periode ini (2.400 per tahun" in report.text
    )
    assert "sampel minimum" not in report.text
    weakest = report.text.split("Prioritas perbaikan")[1]
    assert weakest.index("U8") < weakest.index("U3") < weakest.index("U2")

    _nrr, office_converted = by_hand([*ktp, same(2)])
    assert office_converted == "75.93"  # Σ NRR (36 + 28 + 18)/3 × 25/9 = 75.925…
    await camat.send("/ikm")
    whole = await camat.wait_for("Indeks Kepuasan Masyarakat")
    assert "seluruh layanan · November 2026" in whole.text
    assert "IKM konversi: 75,93" in whole.text
    assert "Mutu pelayanan: C (Kurang baik)" in whole.text
    assert "Perlu 248 responden agar hasilnya mewakili; baru 3." in whole.text  # 699 users


async def test_ikm_scope_periods_and_number_formats(office: OfficeEnv) -> None:
    camat = office.user("Camat")
    await office.invite(camat, "supervisor")
    kasi = office.user("KasiPelayanan")
    await office.invite(kasi, "kepala", "PELAYANAN")
    kasi_pemb = office.user("KasiPemb")
    await office.invite(kasi_pemb, "kepala", "PEMB")
    await survey_by_link(office, "Warga", "KK", MIXED)
    _nrr, converted = by_hand([MIXED])
    assert converted == "77.78"  # Σ NRR 28 × 25/9

    await kasi.send("/ikm")
    own_unit = await kasi.wait_for("Indeks Kepuasan Masyarakat")
    assert "layanan Seksi Pelayanan Umum (PATEN)" in own_unit.text
    assert "IKM konversi: 77,78" in own_unit.text
    await kasi_pemb.send("/ikm KK")
    refused = await kasi_pemb.wait_for("bukan layanan unit Anda")
    assert (
        "tidak memiliki layanan yang disurvei" in refused.text and "Pilihan: —" not in refused.text
    )

    await camat.send("/ikm 2026-10 KK")
    await camat.wait_for("Belum ada responden survei untuk Kartu Keluarga pada Oktober 2026")
    await camat.send("/ikm 2026-13")
    usage = await camat.wait_for("tidak dikenali")
    assert "/ikm 2026-11-01..2026-11-15" in usage.text and "KTP" in usage.text
    await camat.send("/ikm 2026-11-01..2026-11-30 KK populasi=1")
    given = await camat.wait_for("Indeks Kepuasan Masyarakat")
    assert "1 November 2026 – 30 November 2026" in given.text
    assert "\nResponden: 1, cukup agar hasilnya mewakili (perlu 1).\n" in given.text
    assert "Krejcie–Morgan dari 1 pengguna layanan" in given.text
    assert "⚠️" not in given.text

    await camat.send("/bahasa")
    choice = await camat.wait_for("Pilih bahasa")
    await camat.press("English", message=choice)
    await camat.wait_for("Language switched")
    await camat.send("/ikm tahun KK")
    english = await camat.wait_for("Public satisfaction index")
    assert "Family card · the year 2026" in english.text
    assert "Converted IKM: 77.78" in english.text and "Service quality: B (Good)" in english.text


async def test_citizens_and_staff_may_not_see_the_ikm(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/ikm")
    await citizen.wait_for("bukan wewenang Anda")
    staff = office.user("Staf")
    await office.invite(staff, "staf", "PELAYANAN")
    await staff.send("/ikm")
    await staff.wait_for("bukan wewenang Anda")
