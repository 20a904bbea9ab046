"""Supervisor reports end to end: /ringkasan, /kinerja (unit and ranking), refusals."""

from __future__ import annotations

from datetime import datetime

from tests.e2e import report_steps as steps
from tests.e2e.harness import WIB, OfficeEnv

MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=WIB)  # a week with no holiday
OFFICE_START = MONDAY  # read by the office fixture (tests/e2e/conftest.py)


async def two_weeks(office: OfficeEnv) -> dict[str, object]:
    """Last week: two complaints handled on time and rated. This week (from Monday 23
    November 09:00 to Wednesday 12:00): five complaints in five units, in every state."""
    camat = await steps.officer(office, "Camat", "supervisor")
    siti = await steps.citizen(office, "Siti", last_name="Rahma", username="siti_r")
    budi = await steps.citizen(office, "Budi")
    p1 = await steps.file(office, siti, "INFRA", "TRJ")
    p2 = await steps.file(office, budi, "ADMINDUK", "LBD")
    steps.tick(office, hours=1)
    for c in (p1, p2):
        await steps.accept(office, camat, c)
    steps.tick(office, days=1)
    for c in (p1, p2):
        await steps.resolve(office, camat, c)
    await steps.rate(office, siti, p1, 4)
    await steps.rate(office, budi, p2, 3)

    steps.tick(office, days=6, hours=-1)  # Monday 23 November, 09:00
    a = await steps.file(office, siti, "INFRA", "TRJ")
    b = await steps.file(office, budi, "ADMINDUK", "LBD")
    c = await steps.file(office, siti, "SAMPAH", "TRJ")  # routed to TRANTIB
    d = await steps.file(office, budi, "BANSOS", "RGP", confidential=True)
    e = await steps.file(office, siti, "PATEN", None)
    steps.tick(office, hours=1)
    await steps.accept(office, camat, a)
    await steps.accept(office, camat, b)
    steps.tick(office, hours=2)
    await steps.ask(office, camat, e)  # waiting for Siti: acknowledged after 3 h
    steps.tick(office, days=1)  # Tuesday 12:00
    await steps.resolve(office, camat, a)
    await steps.resolve(office, camat, b)
    steps.tick(office, days=1)  # Wednesday 12:00
    await steps.accept(office, camat, d)  # 19 working hours: late
    await steps.rate(office, siti, a, 5)
    await steps.reopen(office, budi, b)
    await office.world.settle()
    return {"camat": camat, "siti": siti, "budi": budi, "week": (a, b, c, d, e)}


async def test_ringkasan_totals_match_the_database_and_come_with_a_chart(
    office: OfficeEnv,
) -> None:
    seeded = await two_weeks(office)
    camat = seeded["camat"].user

    await camat.send("/ringkasan minggu")
    summary = await camat.wait_for("Ringkasan pengaduan")
    text = summary.text

    # Independently: the same figures from the rows, with plain Python.
    start = int(datetime(2026, 11, 23, tzinfo=WIB).timestamp())
    rows = await office.db.fetchall("SELECT * FROM complaints WHERE created_at >= ?", (start,))
    assert len(rows) == 5
    acked = [r for r in rows if r["ack_work_seconds"] is not None]
    resolved = [r for r in rows if r["resolve_work_seconds"] is not None]
    ack_times = [r["ack_work_seconds"] for r in acked]
    resolve_times = [r["resolve_work_seconds"] for r in resolved]
    assert sorted(ack_times) == [3600, 3600, 10800, 19 * 3600]
    assert resolve_times == [11 * 3600, 11 * 3600]

    assert "Pengaduan masuk: 5 (▲ 3)" in text
    on_time = sum(r["ack_on_time"] for r in acked)
    assert f"Ditanggapi tepat waktu: {steps.id_percent(on_time, len(acked))} (▼ 25,0 poin)" in text
    assert "Ditanggapi tepat waktu: 75,0%" in text
    assert "Diselesaikan tepat waktu: 100,0% (= tetap)" in text
    assert (
        f"median {steps.hours_text(steps.nearest_rank(ack_times, 0.5))} (= tetap) · "
        f"persentil 90 {steps.hours_text(steps.nearest_rank(ack_times, 0.9))}"
    ) in text
    assert "median 1,0 (= tetap) · persentil 90 19,0" in text
    assert "median 11,0 (▲ 2,0 jam) · persentil 90 11,0" in text  # last week: 9 h
    assert "Dibuka kembali: 50,0% (▲ 50,0 poin)" in text
    assert "Rata-rata penilaian warga: 5,0/5 (1 penilaian) (▲ 1,5)" in text
    statuses = {r["status"] for r in rows}
    assert statuses == {"ditutup", "dibuka_kembali", "baru", "diterima", "menunggu_warga"}
    assert (
        "Status sekarang: Baru 1 · Diterima 1 · Menunggu jawaban warga 1 · Ditutup 1 · "
        "Dibuka kembali 1"
    ) in text
    assert "Lewat tenggat saat ini: 1" in text  # the SAMPAH one, never acknowledged
    for line in (
        "• Seksi Pembangunan: 1",
        "• Seksi Ketenteraman dan Ketertiban Umum: 1",
        "• Terjun: 2",
        "• Labuhan Deli: 1",
        "• Tidak diketahui: 1",
        "• Kebersihan & Sampah: 1",
    ):
        assert line in text, line
    assert "dibanding minggu 16 November 2026 – 22 November 2026" in text
    assert summary.buttons == [["🔴 Lihat yang lewat tenggat (1)"]]

    chart = await camat.wait_for(predicate=lambda m: m.photo is not None)
    assert "Pengaduan per minggu" in chart.caption
    png = office.world.file_bytes(chart.photo[-1]["file_id"])
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and chart.photo[-1]["width"] >= 800

    await camat.press("🔴 Lihat yang lewat tenggat (1)", message=summary)
    late = await camat.wait_for("Pengaduan lewat tenggat: 1")
    number = seeded["week"][2].number
    assert number in late.text and "tenggat tanggapan lewat 1 hari kerja" in late.text
    assert late.buttons == [[number]]


async def test_kinerja_scorecard_for_a_head_and_ranking_for_a_supervisor(
    office: OfficeEnv,
) -> None:
    camat = await steps.officer(office, "Camat", "supervisor")
    kasi = await steps.officer(office, "Kasi", "kepala", "PEMB")
    staf = await steps.officer(office, "Rudi", "staf", "PEMB")
    await steps.officer(office, "Dewi", "staf", "PEMB")  # registered, never acts
    pel = await steps.officer(office, "Lina", "staf", "PELAYANAN")
    siti = await steps.citizen(office, "Siti")
    roads = [await steps.file(office, siti, "INFRA", kel) for kel in ("TRJ", "LBD", "PYP")]
    permit = await steps.file(office, siti, "PATEN", "RGP")
    steps.tick(office, hours=2)
    await steps.accept(office, staf, roads[0])
    await steps.accept(office, kasi, roads[1])
    await steps.accept(office, pel, permit)
    steps.tick(office, hours=2)
    await steps.resolve(office, pel, permit)  # PELAYANAN: 1 of 1 on time, 4 h
    await steps.resolve(office, staf, roads[0])  # PEMB: on time, 4 h
    steps.tick(office, days=15)  # 1 December: past the 10-working-day deadline of the roads
    await steps.resolve(office, kasi, roads[1])
    await office.world.settle()

    await kasi.user.send("/kinerja 2026-11")  # a head gets their own unit
    card = await kasi.user.wait_for("Kinerja Seksi Pembangunan — November 2026")
    assert "Pengaduan masuk: 3" in card.text
    assert "Diselesaikan tepat waktu: 50,0%" in card.text
    assert "Petugas unit yang memakai bot: 2 dari 3 terdaftar (66,7%)" in card.text
    assert "Lewat tenggat saat ini: 1" in card.text  # roads[2], never acknowledged
    assert "Per unit" not in card.text
    photo = await kasi.user.wait_for(predicate=lambda m: m.photo is not None)
    assert "Pengaduan per minggu" in photo.caption
    await kasi.user.press("🔴 Lihat yang lewat tenggat (1)", message=card)
    own_late = await kasi.user.wait_for("Pengaduan Seksi Pembangunan lewat tenggat: 1")
    assert roads[2].number in own_late.text

    await kasi.user.send("/kinerja PELAYANAN")  # another unit: not for a unit head
    await kasi.user.wait_for("bukan wewenang Anda")
    forged = await kasi.user.press_data("v1:r:late:PELAYANAN", message=card)  # forged
    assert forged.show_alert and "bukan wewenang" in forged.text

    await camat.user.send("/kinerja 2026-11")
    ranking = await camat.user.wait_for("Peringkat unit — November 2026")
    lines = [
        line for line in ranking.text.splitlines() if line[:2] in {f"{i}." for i in range(1, 7)}
    ]
    assert lines[0] == "1. Seksi Pelayanan Umum (PATEN) — skor 100"
    assert lines[1] == "2. Seksi Pembangunan — skor 50"  # 50 % on time, 1 late of 1 open
    assert "1 pengaduan · selesai tepat waktu 100,0% · median selesai 4,0 jam" in ranking.text
    assert "3 pengaduan · selesai tepat waktu 50,0%" in ranking.text
    assert "petugas aktif 2/3" in ranking.text and "petugas aktif 1/1" in ranking.text
    await camat.user.wait_for(predicate=lambda m: m.photo is not None)

    await camat.user.send("/kinerja pemb")
    quiet = await camat.user.wait_for("Desember 2026")
    assert "Belum ada pengaduan yang masuk pada periode ini (November 2026: 3)." in quiet.text
    assert "Pengaduan masuk" not in quiet.text
    await camat.user.send("/kinerja PEMBX")
    unknown = await camat.user.wait_for("“PEMBX” bukan kode unit maupun periode")
    assert "PELAYANAN" in unknown.text and "2026-11" in unknown.text
    await camat.user.send("/kinerja PEMB 2026-13")
    bad = await camat.user.wait_for("tidak dikenali")
    assert "2026-11-01..2026-11-15" in bad.text


async def test_citizens_and_staff_are_refused(office: OfficeEnv) -> None:
    siti = await steps.citizen(office, "Siti")
    await steps.file(office, siti, "INFRA", "TRJ")
    staf = await steps.officer(office, "Rudi", "staf", "PEMB")
    commands = (
        "/ringkasan",
        "/kinerja",
        "/terlambat",
        "/ekspor",
        "/kinerja PEMB",
        "/ringkasan tahun",
    )
    for person in (siti.user, staf.user):
        for command in commands:
            await person.send(command)
            await person.wait_for("bukan wewenang Anda")
    answer = await staf.user.press_data("v1:r:late:-", message=staf.user.last_message)
    assert answer.show_alert and "bukan wewenang" in answer.text
    await office.world.settle()
    for person in (siti.user, staf.user):
        refusals = [m for m in person.inbox if "bukan wewenang" in m.body]
        assert len(refusals) == len(commands)
        assert not any(m.photo or m.document for m in person.inbox)
        assert not any(
            word in m.body
            for m in person.inbox
            for word in ("Ringkasan", "Kinerja", "Peringkat", "lewat tenggat")
        )


async def test_a_bad_period_is_explained_with_examples(office: OfficeEnv) -> None:
    camat = await steps.officer(office, "Camat", "supervisor")
    for command in (
        "/ringkasan kemarin",
        "/ekspor 2026-02-30..2026-03-01",
        "/ringkasan 9999",  # "year 10000 is out of range" crashed it (issue 14)
        "/kinerja 9999-12",
    ):
        await camat.user.send(command)
        explained = await camat.user.wait_for("tidak dikenali")
        assert "2026-11" in explained.text and "minggu" in explained.text


async def test_terlambat_lists_exactly_the_overdue_complaints_at_a_given_time(
    office: OfficeEnv,
) -> None:
    camat = await steps.officer(office, "Camat", "supervisor")
    rudi = await steps.officer(office, "Rudi", "staf", "PEMB")
    siti = await steps.citizen(office, "Siti")
    budi = await steps.citizen(office, "Budi")
    unanswered = await steps.file(office, siti, "ADMINDUK", "LBD")  # ack due Tue 17 09:00
    road = await steps.file(office, siti, "INFRA", "TRJ")  # resolve due Mon 30 09:00
    waiting = await steps.file(office, siti, "BANSOS", "RGP")  # asked: clock stopped
    permit = await steps.file(office, budi, "PATEN", "PYP")  # resolve due Mon 23 09:00
    rubbish = await steps.file(office, budi, "SAMPAH", "LBD")
    steps.tick(office, hours=1)
    await steps.accept(office, rudi, road)
    await steps.ask(office, camat, waiting)
    await steps.accept(office, camat, permit)
    await steps.accept(office, rudi, rubbish)
    await steps.resolve(office, rudi, rubbish)
    steps.tick(office, days=2, hours=1)  # Wednesday 18, 11:00
    brawl = await steps.file(office, budi, "TRANTIB", "TRJ")  # ack due Thu 19 11:00

    await office.at(datetime(2026, 11, 24, 10, 30, tzinfo=WIB))
    now = int(office.clock.now().timestamp())
    rows = await office.db.fetchall("SELECT * FROM complaints")
    expected = {
        r["number"]
        for r in rows
        if r["status"] in ("baru", "diterima", "diproses", "dibuka_kembali")
        and ((r["acknowledged_at"] is None and r["ack_due_at"] < now) or r["resolve_due_at"] < now)
    }
    assert expected == {unanswered.number, brawl.number, permit.number}

    await camat.user.send("/terlambat")
    listed = await camat.user.wait_for("Pengaduan lewat tenggat: 3")
    numbers = [
        line.split(". ")[1].split(" · ")[0]
        for line in listed.text.splitlines()
        if line[:3] in ("1. ", "2. ", "3. ")
    ]
    assert numbers == [unanswered.number, brawl.number, permit.number]  # longest first
    assert road.number not in listed.text and waiting.number not in listed.text
    # Tue 17 09:00 -> Tue 24 10:30: 7 h + Wed, Thu, Fri, Mon (4 x 8 h) + 2.5 h = 5 days 1.5 h
    assert (
        f"{unanswered.number} · Seksi Pemerintahan · PJ: belum ada\n"
        "     tenggat tanggapan lewat 5 hari kerja 2 jam"
    ) in listed.text
    assert f"{permit.number} · Seksi Pelayanan Umum (PATEN) · PJ: Camat" in listed.text
    assert "tenggat penyelesaian lewat 1 hari kerja 2 jam" in listed.text
    assert listed.buttons == [[unanswered.number, brawl.number, permit.number]]
    await camat.user.press(unanswered.number, message=listed)
    await camat.user.wait_for(f"Riwayat lengkap {unanswered.number}")

    await office.at(datetime(2026, 11, 30, 10, 0, tzinfo=WIB))  # the road is now late too
    await camat.user.send("/terlambat")
    later = await camat.user.wait_for("Pengaduan lewat tenggat: 4")
    assert road.number in later.text and waiting.number not in later.text


async def test_a_scorecard_without_complaints_says_so_in_one_line(office: OfficeEnv) -> None:
    """Eight lines of "—" (0 received, no share, no hours, no rating) said nothing a head of
    unit could use: one line says there were no complaints; the rest stays."""
    camat = await steps.officer(office, "Camat", "supervisor")
    await steps.officer(office, "Rudi", "staf", "PEMB")
    await camat.user.send("/kinerja PEMB")
    card = await camat.user.wait_for("Kinerja Seksi Pembangunan — November 2026")
    assert "Belum ada pengaduan yang masuk pada periode ini." in card.text
    for empty in (
        "Pengaduan masuk",
        "tepat waktu",
        "median",
        "Dibuka kembali",
        "Rata-rata penilaian",
        "dibanding",
    ):
        assert empty not in card.text, empty
    assert card.text.count("—") == 1  # only the title's "unit — period"
    assert "Petugas unit yang memakai bot" in card.text  # what there is, stays
    assert "Tidak ada yang lewat tenggat" in card.text
