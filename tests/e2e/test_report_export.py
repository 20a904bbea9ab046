"""/ekspor end to end: the workbook read back with openpyxl, privacy, the audit log."""

from __future__ import annotations

from datetime import datetime

from bot.complaints import followup as complaint_reactions
from storage.core import audit
from tests.e2e import report_steps as steps
from tests.e2e.harness import WIB, OfficeEnv

MONDAY = datetime(2026, 11, 16, 9, 0, tzinfo=WIB)
OFFICE_START = MONDAY  # read by the office fixture (tests/e2e/conftest.py)
PUBLIC_SPOT = (3.712345, 98.645678)
SECRET_SPOT = (3.698765, 98.631234)


async def seed(office: OfficeEnv) -> dict:
    camat = await steps.officer(office, "Camat", "supervisor")
    siti = await steps.citizen(office, "Siti", last_name="Rahmawati", username="siti_rhm")
    budi = await steps.citizen(office, "Budiman", last_name="Santoso", username="budiman_s")
    road = await steps.file(office, siti, "INFRA", "TRJ", location=PUBLIC_SPOT)
    secret = await steps.file(
        office,
        budi,
        "PERILAKU",
        None,
        confidential=True,
        description="Petugas loket meminta uang tambahan untuk surat.",
        location=SECRET_SPOT,
    )
    steps.tick(office, hours=1)
    await steps.accept(office, camat, road)
    await steps.accept(office, camat, secret)
    await complaint_reactions.citizen_message(
        office.runtime, siti.actor, road.id, "Hubungi saya di 0812-1111-2222 ya."
    )
    await complaint_reactions.citizen_message(
        office.runtime, budi.actor, secret.id, "Saya Budiman, rumah saya di Gang Mawar 5."
    )
    steps.tick(office, hours=2)
    await steps.resolve(office, camat, road)
    await steps.rate(office, siti, road, 4)
    await complaint_reactions.comment_rating(
        office.runtime, siti.actor, road.id, "Cepat, terima kasih Bu Siti dari RT 3."
    )
    await office.world.settle()
    return {"camat": camat, "road": road, "secret": secret}


def every_cell(book) -> str:
    return " ".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )


async def test_export_reads_back_and_leaves_out_personal_data(office: OfficeEnv) -> None:
    seeded = await seed(office)
    camat = seeded["camat"].user
    road, secret = seeded["road"], seeded["secret"]

    await camat.send("/ekspor 2026-11")
    sent = await camat.wait_for(predicate=lambda m: m.document is not None)
    assert sent.document["file_name"] == "pengaduan_2026-11-01_2026-11-30.xlsx"
    assert "2 pengaduan" in sent.caption and "Data pribadi tidak disertakan" in sent.caption
    book = steps.workbook_of(office, sent)
    assert book.sheetnames == ["Pengaduan", "Linimasa", "Survei", "Kegiatan", "Kamus Data"]

    complaints_sheet = steps.sheet_rows(book, "Pengaduan")
    assert [r["service_request_id"] for r in complaints_sheet] == [road.number, secret.number]
    first = complaints_sheet[0]
    assert first["status"] == "closed" and first["status_detail"] == "ditutup"
    assert first["service_code"] == "INFRA" and first["agency_responsible"] == "Seksi Pembangunan"
    assert first["kelurahan"] == "Terjun" and first["rating"] == 4
    assert first["requested_datetime"] == "2026-11-16T09:00:00+07:00"
    assert (first["lat"], first["long"]) == (3.712, 98.646)  # about 100 m, not the house
    assert first["resolve_on_time"] == "ya" and first["resolve_work_hours"] == 3.0
    assert "reporter_name" not in first and "rating_comment" not in first
    second = complaints_sheet[1]
    assert second["confidential"] == "ya" and second["status"] == "open"
    assert second["description"] == "Petugas loket meminta uang tambahan untuk surat."

    events = steps.sheet_rows(book, "Linimasa")
    stored = await office.db.fetchval("SELECT COUNT(*) FROM complaint_events")
    assert len(events) == stored
    assert {e["actor"] for e in events} <= {"pelapor", "supervisor", "sistem"}
    text = every_cell(book)
    for personal in (
        "Siti",
        "Rahmawati",
        "siti_rhm",
        "Budiman",
        "Santoso",
        "budiman_s",
        "0812-1111-2222",
        "Gang Mawar",
        str(seeded["camat"].user.id),
    ):
        assert personal not in text, personal

    entries = await audit.entries(office.db, "report.exported")
    assert len(entries) == 1 and entries[0].actor_id == camat.id
    assert entries[0].details["personal_data"] is False
    assert entries[0].details["rows"] == {
        "Pengaduan": 2,
        "Linimasa": stored,
        "Survei": 0,
        "Kegiatan": 0,
    }


async def test_admin_export_has_reporters_but_never_a_confidential_one(office: OfficeEnv) -> None:
    seeded = await seed(office)
    road, secret = seeded["road"], seeded["secret"]
    admin = office.admin

    await admin.send("/ekspor 2026-11-01..2026-11-30")
    sent = await admin.wait_for(predicate=lambda m: m.document is not None)
    assert "Berisi data pribadi pelapor" in sent.caption
    book = steps.workbook_of(office, sent)
    rows = {r["service_request_id"]: r for r in steps.sheet_rows(book, "Pengaduan")}
    public = rows[road.number]
    assert public["reporter_name"] == "Siti Rahmawati"
    assert public["reporter_username"] == "siti_rhm"
    assert public["rating_comment"] == "Cepat, terima kasih Bu Siti dari RT 3."
    assert (public["lat"], public["long"]) == PUBLIC_SPOT
    hidden = rows[secret.number]
    assert hidden["reporter_name"] == "(dirahasiakan)" and hidden["reporter_telegram_id"] is None
    assert (hidden["lat"], hidden["long"]) == (3.699, 98.631)
    events = steps.sheet_rows(book, "Linimasa")
    assert any(e["text"] == "Hubungi saya di 0812-1111-2222 ya." for e in events)
    text = every_cell(book)
    for identity in ("Budiman", "Santoso", "budiman_s", "Gang Mawar"):
        assert identity not in text, identity
    entries = await audit.entries(office.db, "report.exported")
    assert entries[0].actor_id == admin.id and entries[0].details["personal_data"] is True

    await admin.send("/ekspor 2025-01")
    await admin.wait_for(
        "Tidak ada pengaduan, respons survei, maupun kegiatan pada periode Januari 2025"
    )


async def test_headers_are_in_indonesian_and_the_dictionary_keeps_the_open311_names(
    office: OfficeEnv,
) -> None:
    """The office reads "Nomor pengaduan", not "service_request_id"; a system that reads
    the file finds each header's field name (Open311 GeoReport v2 where there is one) in
    the "Kamus Data" sheet."""
    seeded = await seed(office)
    camat = seeded["camat"].user
    await camat.send("/ekspor 2026-11")
    book = steps.workbook_of(
        office, await camat.wait_for(predicate=lambda m: m.document is not None)
    )
    header = next(book["Pengaduan"].iter_rows(values_only=True))
    assert header[:6] == (
        "Nomor pengaduan",
        "Terbuka/tertutup",
        "Kode kategori",
        "Kategori",
        "Uraian",
        "Unit penanggung jawab",
    )
    assert "service_request_id" not in header and "Status" in header
    assert next(book["Linimasa"].iter_rows(values_only=True))[:3] == (
        "Nomor pengaduan",
        "Waktu",
        "Kejadian",
    )
    assert "U1 Persyaratan" in next(book["Survei"].iter_rows(values_only=True))

    dictionary = list(book["Kamus Data"].iter_rows(values_only=True))
    assert dictionary[0] == ("Lembar", "Kolom", "Nama field", "Open311", "Keterangan")
    described = {
        (sheet, shown): (field, open311) for sheet, shown, field, open311, _ in dictionary[1:]
    }
    assert described[("Pengaduan", "Nomor pengaduan")] == ("service_request_id", "ya")
    assert described[("Pengaduan", "Lintang")] == ("lat", "ya")
    assert described[("Pengaduan", "Batas tanggapan")] == ("ack_due_datetime", None)
    for title in ("Pengaduan", "Linimasa", "Survei", "Kegiatan"):
        shown = next(book[title].iter_rows(values_only=True))
        assert len(set(shown)) == len(shown), title  # no two columns look alike
        assert all((title, column) in described for column in shown), title
    assert all(about for *_, about in dictionary[1:])
