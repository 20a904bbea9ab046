"""Attendance after the end, JP crediting, /jp, /jp_unit, the monthly nudge, /anggaran."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.activities import callbacks as acb
from bot.activities import jp as jp_reports
from storage.activities import jp
from storage.activities import records as activities
from tests.e2e.activity_steps import (
    count,
    create_activity,
    latest_activity,
    member,
    new_activity,
)
from tests.e2e.harness import DEFAULT_START, WIB, OfficeEnv

#: The staff of these tests were registered at the start of the year, so the whole
#: year's pro-rata target applies to them (a newcomer's starts a grace month later).
REGISTERED_IN_JANUARY = pytest.mark.office_start(datetime(2026, 1, 5, 9, 0, tzinfo=WIB))


@REGISTERED_IN_JANUARY
async def test_attendance_credits_jp_and_jp_shows_it(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    ani = await member(office, "Ani", "staf", "PEM")
    budi = await member(office, "Budi", "staf", "PEM")
    cici = await member(office, "Cici", "staf", "PEM")
    await office.at(DEFAULT_START)
    await new_activity(
        kasi,
        title="Pelatihan Excel Dasar",
        when="besok 13:00",
        duration="3 jam",
        audience=("Seksi Pemerintahan",),
    )  # 180 min: 4 JP
    await ani.press("Hadir", message=await ani.wait_for("Undangan pelatihan"))
    await cici.press("Tidak bisa", message=await cici.wait_for("Undangan pelatihan"))
    await budi.wait_for("Undangan pelatihan")

    await office.advance(days=1, hours=6)  # Thu 26 Nov 15:00: still running
    assert count(kasi, "Daftar hadir") == 0
    await office.advance(hours=1)  # 16:00: ended
    checklist = await kasi.wait_for("Daftar hadir")
    assert "Tercentang: 1 dari 3" in checklist.text
    assert checklist.buttons == [["✅ Ani"], ["⬜ Budi"], ["⬜ Cici"], ["💾 Simpan"]]
    early = await ani.press_data(
        acb.AttendSave((await latest_activity(office)).id).encode(), message=ani.inbox[-1]
    )
    assert "bukan wewenang" in early.text  # only the organiser (and supervisors) save

    await kasi.press("Budi", message=checklist)
    checklist = await kasi.wait_for_edit(checklist)
    assert checklist.buttons[1] == ["✅ Budi"] and "Tercentang: 2 dari 3" in checklist.text
    await kasi.press("Simpan", message=checklist)
    saved = await kasi.wait_for_edit(checklist)
    assert "2 dari 3 hadir" in saved.text and "4 JP" in saved.text and not saved.buttons
    credited = await ani.wait_for("JP ditambahkan")
    assert "Total JP Anda tahun 2026: 4 dari target 20 JP" in credited.text
    await budi.wait_for("JP ditambahkan")
    again = await kasi.press_data(
        acb.AttendSave((await latest_activity(office)).id).encode(), message=saved
    )
    assert "sudah disimpan" in again.text

    await ani.send("/jp")
    mine = await ani.wait_for("JP Anda tahun 2026")
    assert "4 dari target 20 JP" in mine.text and "Pelatihan Excel Dasar: 4 JP" in mine.text
    assert "di bawahnya" in mine.text
    await cici.send("/jp")
    assert "Belum ada JP tercatat" in (await cici.wait_for("JP Anda")).text

    activity = await latest_activity(office)
    assert await jp.jp_by_person(office.db, 2026) == {ani.id: 4, budi.id: 4}
    assert await jp_reports.jp_per_person(office.runtime, 2026) == {ani.id: 4, budi.id: 4}
    november = datetime(2026, 11, 1, tzinfo=WIB), datetime(2026, 12, 1, tzinfo=WIB)
    rows = await jp.with_attendance(office.db, *(int(d.timestamp()) for d in november))
    assert [
        (r.title, r.invited, r.accepted, r.declined, r.attended, r.jp_credited) for r in rows
    ] == [("Pelatihan Excel Dasar", 3, 1, 1, 2, 8)]
    kinds = [e.kind for e in await activities.events(office.db, activity.id)]
    assert kinds[-2:] == ["checklist_sent", "attendance"]


@REGISTERED_IN_JANUARY
async def test_jp_unit_lists_who_is_behind(office: OfficeEnv) -> None:
    camat = await member(office, "Camat", "supervisor")
    kasi = await member(office, "Kasi", "kepala", "PEM")
    ani = await member(office, "Ani", "staf", "PEM")
    await member(office, "Budi", "staf", "PEM")
    await member(office, "Rina", "staf", "PEMB")
    await office.at(DEFAULT_START)
    summary = await create_activity(
        camat,
        title="Diklat Kepemimpinan",
        when="besok 08:00",
        duration="15 jam",
        jp="20",
        audience=("Semua staf",),
    )
    assert "20 JP" in summary.text
    await camat.press("Simpan", message=summary)
    await camat.wait_for("tersimpan")
    await office.advance(days=2)
    checklist = await camat.wait_for("Daftar hadir")
    await camat.press("Ani", message=checklist)
    checklist = await camat.wait_for_edit(checklist)
    await camat.press("Simpan", message=checklist)
    await camat.wait_for_edit(checklist)
    await ani.wait_for("JP ditambahkan")

    await kasi.send("/jp_unit")
    listing = await kasi.wait_for("JP tahun 2026 — Seksi Pemerintahan")
    assert "Target pro-rata per Jumat, 27 November 2026: 18,1 JP" in listing.text
    assert "✅ Ani — 20 JP" in listing.text
    assert "⚠️ Budi — 0 JP" in listing.text and "⚠️ Kasi — 0 JP" in listing.text
    assert "Di bawah target pro-rata: 2 dari 3 orang." in listing.text
    assert "Rina" not in listing.text
    await kasi.send("/jp_unit PEMB")
    assert "unit Anda sendiri" in (await kasi.wait_for("JP unit")).text

    await camat.send("/jp_unit")
    everyone = await camat.wait_for("Semua unit")
    assert "Seksi Pembangunan" in everyone.text and "⚠️ Rina — 0 JP" in everyone.text
    assert "Pimpinan dan pegawai tanpa unit" in everyone.text  # the Camat's own JP
    assert "\n—\n" not in everyone.text
    await camat.send("/jp_unit PEMB")
    one = await camat.wait_for("Seksi Pembangunan")
    assert "Rina" in one.text and "Ani" not in one.text
    await camat.send("/jp_unit XYZ")
    assert "Unit XYZ tidak dikenal" in (await camat.wait_for("tidak dikenal")).text
    await ani.send("/jp_unit")
    await ani.wait_for("bukan wewenang")

    compliance = await jp_reports.unit_jp_compliance(office.runtime, "PEM")
    assert (compliance.staff, compliance.on_track) == (3, 1)


@REGISTERED_IN_JANUARY
async def test_monthly_nudge_reaches_staff_behind_once(office: OfficeEnv) -> None:
    camat = await member(office, "Camat", "supervisor")
    ani = await member(office, "Ani", "staf", "PEM")
    budi = await member(office, "Budi", "staf", "PEM")
    await office.at(DEFAULT_START)  # the February nudge fell due while time jumped: missed
    warga = office.user("Warga")
    await warga.send("/start")
    await new_activity(
        camat,
        title="Diklat Teknis",
        when="besok 08:00",
        duration="15 jam",
        jp="20",
        audience=("Semua staf",),
    )
    await new_activity(
        camat,
        title="Pelatihan Layanan Digital",
        when="2026-12-10 09:00",
        duration="4 jam",
        audience=("Semua staf",),
    )
    await office.advance(days=2)
    checklist = await camat.wait_for("Daftar hadir")
    await camat.press("Ani", message=checklist)
    checklist = await camat.wait_for_edit(checklist)
    await camat.press("Simpan", message=checklist)
    await camat.wait_for_edit(checklist)

    await office.advance(days=2, hours=23)  # Mon 30 Nov 08:00
    assert count(budi, "Pengingat bulanan") == 0
    await office.restart()
    await office.advance(days=1, hours=1)  # Tue 1 Dec 09:00: first working day
    nudge = await budi.wait_for("Pengingat bulanan")
    # Registered on 5 January: the target runs from 4 February, 300 days before 1 December.
    assert (
        "JP Anda tahun ini 0" in nudge.text
        and "target pro-rata sampai hari ini 16,4 JP" in nudge.text
    )
    assert "Pelatihan Layanan Digital (5 JP)" in nudge.text
    await camat.wait_for("Pengingat bulanan")  # supervisors are ASN too
    await office.restart()
    await office.advance(hours=2)
    assert count(budi, "Pengingat bulanan") == 1
    assert count(ani, "Pengingat bulanan") == 0 and count(warga, "Pengingat bulanan") == 0
    assert count(warga, "Undangan pelatihan") == 0  # "Semua staf" is staff only
    assert count(budi, "Undangan pelatihan") == 2
    states = await jp.nudge_states(office.db)
    assert states == {"2026-02": "missed", "2026-12": "sent", "2027-01": "pending"}


async def test_budget_totals_and_over_budget_confirmation(office: OfficeEnv) -> None:
    camat = await member(office, "Camat", "supervisor")
    ani = await member(office, "Ani", "staf", "PEM")
    await member(office, "Budi", "staf", "PEM")
    await new_activity(
        camat,
        title="Bimtek Aplikasi",
        when="besok 08:00",
        duration="3 jam",
        audience=("Semua staf",),
        cost="Rp 20.000.000",
    )
    summary = await create_activity(
        camat,
        title="Studi Banding",
        when="2026-12-15 08:00",
        duration="6 jam",
        audience=("Semua staf",),
        cost="6.000.000",
    )
    await camat.press("Simpan", message=summary)
    warning = await camat.wait_for("Melebihi anggaran")
    assert "Rp 25.000.000" in warning.text and "Rp 1.000.000" in warning.text
    assert (await latest_activity(office)).title == "Bimtek Aplikasi"  # not saved yet
    await camat.press("Tetap simpan", message=warning)
    await camat.wait_for("tersimpan")
    assert (await latest_activity(office)).title == "Studi Banding"

    await camat.send("/anggaran")
    report = await camat.wait_for("Anggaran pelatihan 2026")
    assert "Terpakai (kegiatan selesai): Rp 0 (0 kegiatan)" in report.text
    assert "Direncanakan (akan datang): Rp 26.000.000 (2 kegiatan)" in report.text
    assert "Melebihi anggaran: Rp 1.000.000" in report.text

    await office.advance(days=1, hours=4)  # Thu 26 Nov 13:00: the first one ended
    checklist = await camat.wait_for("Daftar hadir")
    await camat.press("Ani", message=checklist)
    checklist = await camat.wait_for_edit(checklist)
    await camat.press("Budi", message=checklist)
    checklist = await camat.wait_for_edit(checklist)
    await camat.press("Simpan", message=checklist)
    await camat.wait_for_edit(checklist)
    await camat.send("/anggaran 2026")
    report = await camat.wait_for("Anggaran pelatihan 2026")
    assert "Terpakai (kegiatan selesai): Rp 20.000.000 (1 kegiatan)" in report.text
    assert "Direncanakan (akan datang): Rp 6.000.000 (1 kegiatan)" in report.text
    assert "JP diberikan: 8 · biaya per JP: Rp 2.500.000" in report.text
    await camat.send("/anggaran tahun")
    await camat.wait_for("/anggaran TAHUN")
    await ani.send("/anggaran")
    await ani.wait_for("bukan wewenang")


async def test_a_nudge_missed_for_a_whole_day_is_not_sent_late(office: OfficeEnv) -> None:
    budi = await member(office, "Budi", "staf", "PEM")
    await office.bot.stop()
    office.clock.advance(timedelta(days=7))  # Wed 2 Dec 09:00: the 1 Dec nudge was missed
    await office.bot.start()
    await office.world.settle()
    assert count(budi, "Pengingat bulanan") == 0
    assert await jp.nudge_states(office.db) == {"2026-12": "missed", "2027-01": "pending"}


async def test_a_newly_registered_officer_is_not_behind_on_day_one(office: OfficeEnv) -> None:
    """The pro-rata target of an officer registered today (25 November) ran from 1 January:
    18 JP "behind" on day one, a nudge a week later. It now runs from a grace month after
    their registration."""
    budi = await member(office, "Budi", "staf", "PEM")
    kasi = await member(office, "Kasi", "kepala", "PEM")
    await budi.send("/jp")
    mine = await budi.wait_for("JP Anda tahun 2026")
    assert "Target pro-rata sampai hari ini: 0,0 JP — Anda sudah sesuai jalur" in mine.text
    await kasi.send("/jp_unit")
    listing = await kasi.wait_for("JP tahun 2026")
    assert "✅ Budi — 0 JP" in listing.text
    assert "Di bawah target pro-rata: 0 dari 2 orang." in listing.text

    await office.at(datetime(2026, 12, 1, 9, 30, tzinfo=WIB))  # the December nudge
    assert count(budi, "Pengingat bulanan") == 0 and count(kasi, "Pengingat bulanan") == 0

    await office.at(datetime(2026, 12, 28, 9, 0, tzinfo=WIB))  # 3 days after the grace
    await budi.send("/jp")
    mine = await budi.wait_for("JP Anda tahun 2026")
    assert "Target pro-rata sampai hari ini: 0,2 JP — Anda masih di bawahnya" in mine.text
