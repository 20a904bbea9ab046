"""Start dates as organisers type them: a date without a year that has just passed is a
mistake to point out, not next year's date; a long-past one is next year's, and the bot
says which year it took."""

from __future__ import annotations

from datetime import datetime

from tests.e2e.activity_steps import card_of, latest_activity, member, new_activity
from tests.e2e.harness import WIB, OfficeEnv

#: Thursday 10 December 2026, 08:00 WIB.
DECEMBER_10 = datetime(2026, 12, 10, 8, 0, tzinfo=WIB)


async def test_a_past_date_is_refused_and_a_long_past_one_is_taken_as_next_year(
    office: OfficeEnv,
) -> None:
    camat = await member(office, "Kasi", "kepala", "PEM")  # supervisors also get digests
    await office.at(DECEMBER_10)
    await camat.send("/kegiatan_baru")
    await camat.wait_for("Jenis kegiatan")
    await camat.press("Pelatihan")
    await camat.wait_for("Judul kegiatan")
    await camat.send("Pelatihan Arsip Digital")
    await camat.wait_for("Kapan mulai")

    await camat.send("9 Des 09:00")  # yesterday: was read as 9 December 2027
    refused = await camat.wait_for("sudah lewat")
    assert "Rabu, 9 Desember 2026 pukul 09.00 WIB sudah lewat" in refused.text
    assert "sekarang Kamis, 10 Desember 2026 pukul 08.00 WIB" in refused.text
    await camat.send("10 Des 07:30")  # today, before now
    assert (
        "Kamis, 10 Desember 2026 pukul 07.30 WIB sudah lewat"
        in (await camat.wait_for("sudah lewat")).text
    )

    await camat.send("5 Jan 09:00")
    taken = await camat.wait_for("Tercatat")
    assert "Selasa, 5 Januari 2027" in taken.text
    assert "kami ambil tahun 2027" in taken.text  # one message: the date read, the
    assert "Berapa lama" in taken.text  # assumption made and the next question


async def test_changing_the_time_follows_the_same_rule(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    await new_activity(
        kasi, title="Bimtek SIAK", when="2026-12-20 09:00", audience=("Seksi Pemerintahan",)
    )
    await office.at(DECEMBER_10)
    card = await card_of(kasi, "Bimtek SIAK")
    await kasi.press("Ubah waktu", message=card)
    await kasi.wait_for("Waktu baru")
    await kasi.send("9 Des 13.00")
    await kasi.wait_for("Rabu, 9 Desember 2026 pukul 13.00 WIB sudah lewat")
    await kasi.send("7 Jan 13.00")
    moved = await kasi.wait_for("dipindah ke Kamis, 7 Januari 2027 pukul 13.00 WIB")
    assert "kami ambil tahun 2027" in moved.text  # the assumption, in the same message
    activity = await latest_activity(office)
    assert datetime.fromtimestamp(activity.starts_at, WIB) == datetime(
        2027, 1, 7, 13, 0, tzinfo=WIB
    )
