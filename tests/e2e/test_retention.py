"""Retention (issue 14): a closed complaint's personal data is anonymised by the nightly
job once RETENTION_MONTHS (24) have passed since it closed; the figures stay."""

from __future__ import annotations

from datetime import datetime

from storage.complaints import records as complaints
from tests.e2e.complaint_steps import unit_with_group
from tests.e2e.harness import WIB, OfficeEnv
from tests.e2e.test_ratings import resolved_complaint


async def test_closed_complaints_are_anonymised_after_the_retention_period(
    office: OfficeEnv,
) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number, _, resolved = await resolved_complaint(office, pemb, citizen)
    await citizen.press("5", message=resolved)  # rated: closed
    await citizen.wait_for("Terima kasih atas penilaian")
    await citizen.send("Terima kasih, lampunya terang sekali sekarang.")
    await citizen.wait_for("Komentar Anda tersimpan")
    closed = await complaints.by_number(office.db, number)
    assert closed is not None and closed.status == "ditutup"

    await office.at(datetime(2028, 11, 20, 9, 0, tzinfo=WIB))  # 23 months, 26 days later
    kept = await complaints.by_number(office.db, number)
    assert kept is not None and kept.reporter_id == citizen.id and kept.anonymised_at is None

    await office.at(datetime(2028, 11, 27, 9, 0, tzinfo=WIB))  # the 24 months are over
    gone = await complaints.by_number(office.db, number)
    assert gone is not None and gone.anonymised_at is not None
    assert gone.reporter_id == 0 and gone.confidential == 1
    assert "Lampu" not in gone.description and gone.latitude is None
    assert gone.rating == 5 and gone.rating_comment is None  # the figure stays, not the words
    assert (gone.category_code, gone.unit_code) == (closed.category_code, closed.unit_code)
    bodies = await office.db.fetchall(
        "SELECT body FROM complaint_events WHERE complaint_id = ? AND body IS NOT NULL",
        (gone.id,),
    )
    assert bodies == []
    await citizen.send("/riwayat")
    assert number not in (await citizen.next_message()).text
    audited = await office.db.fetchval(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'retention.anonymised'"
    )
    assert audited == 1
