"""A complaint about an officer's conduct never reaches the unit it is about, at any step:
the alert, the escalation at a deadline, the reopening, a low rating, the overdue lists
and the export (issue 10, breach 4). The Sekretariat is the hard case: conduct complaints
are handled there, so one about the Sekretariat itself must bypass its own people."""

from __future__ import annotations

from emulator import BotMessage, FakeGroup, FakeUser
from tests.e2e import report_steps as steps
from tests.e2e.complaint_steps import file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv


def _seen_by(chat: FakeUser | FakeGroup, number: str) -> list[str]:
    return [m.body for m in chat.world.chats[chat.id].bot_visible() if number in m.body]


async def _resolve(chief: FakeUser, alert: BotMessage, citizen: FakeUser, note: str) -> BotMessage:
    """The supervisor resolves from the alert in their private chat; the citizen's notice."""
    await chief.press("Selesai", message=alert)
    await chief.send(note, reply_to=await chief.wait_for("balas pesan ini"))
    return await citizen.wait_for("dinyatakan selesai")


async def test_a_conduct_complaint_about_the_sekretariat_never_reaches_it(
    office: OfficeEnv,
) -> None:
    sekret = await unit_with_group(office, "SEKRET", "Sekretariat")
    camat, sekcam = office.user("Camat"), office.user("Sekcam")
    await office.invite(camat, "supervisor")
    await office.invite(sekcam, "supervisor", "SEKRET")  # a supervisor of the Sekretariat
    citizen = office.user("Siti")
    number = await file_complaint(
        citizen,
        category="Perilaku Petugas/ASN",
        conduct_unit="Sekretariat Kecamatan",
        description="Petugas sekretariat membentak warga yang meminta surat pengantar.",
    )
    alert = await camat.wait_for(f"Pengaduan {number}")

    await office.advance(days=1, hours=1)  # the acknowledgement deadline passes
    assert "belum diterima" in (await camat.wait_for(number)).text
    for viewer in (sekret.head, sekcam):
        await viewer.send("/kinerja SEKRET")
        scorecard = await viewer.wait_for("Kinerja Sekretariat")
        assert "Tidak ada yang lewat tenggat" in scorecard.text and not scorecard.buttons
    await sekcam.send("/terlambat")
    await sekcam.wait_for("tenggat")
    await sekret.head.send("/antrian")
    await sekret.head.wait_for("Tidak ada pengaduan terbuka")

    await camat.press("Terima", message=alert)
    resolved = await _resolve(camat, alert, citizen, "Petugas telah ditegur dan meminta maaf.")
    await citizen.press("Belum selesai", message=resolved)
    await camat.wait_for("dibuka kembali oleh warga")
    resolved = await _resolve(camat, alert, citizen, "Pelapor menerima permintaan maaf.")
    await citizen.press("1", message=resolved)
    await camat.wait_for("dinilai 1/5")

    await sekcam.send("/ekspor 2026-11")
    sent = await sekcam.wait_for(predicate=lambda m: m.document is not None)
    book = steps.workbook_of(office, sent)
    assert number not in " ".join(
        str(value)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for value in row
        if value is not None
    )

    await office.world.settle()
    for outsider in (sekret.head, sekret.staff, sekcam, sekret.group):
        assert _seen_by(outsider, number) == [], outsider
