"""/hapusdata and the complaints of the person who erases their data: a complaint about an
officer's conduct stays open (anonymous) for the supervisors; the others are withdrawn,
and a withdrawn complaint says so instead of showing the green "done"."""

from __future__ import annotations

from storage.complaints import records as complaints
from tests.e2e import report_steps
from tests.e2e.activity_steps import member
from tests.e2e.complaint_steps import alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv

PUNGLI = "Petugas loket meminta uang Rp 50.000 untuk mempercepat surat pindah saya."


async def test_a_conduct_complaint_stays_open_after_its_reporter_erases_their_data(
    office: OfficeEnv,
) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    camat = await member(office, "Camat", "supervisor")
    rahma = office.user("Rahmawati", last_name="Lubis", username="rahma_lubis")
    street = await file_complaint(rahma)
    street_alert = await alert_for(pemb.group, street)
    pungli = await file_complaint(
        rahma,
        category="Perilaku Petugas/ASN",
        conduct_unit="Seksi Pemerintahan",
        description=PUNGLI,
    )
    conduct_alert = await camat.wait_for(f"Pengaduan {pungli}")
    assert "Rahmawati" in conduct_alert.text

    await rahma.send("/hapusdata")
    explanation = await rahma.wait_for("Menghapus data pribadi Anda")
    assert "1 pengaduan yang masih ditangani ditutup" in explanation.text
    assert "1 pengaduan tentang perilaku petugas tetap ditangani pimpinan" in explanation.text
    await rahma.press("Hapus data saya", message=explanation)
    done = await rahma.wait_for_edit(explanation)
    assert f"ditutup sebagai ditarik: {street}" in done.text
    assert f"tetap ditangani pimpinan tanpa identitas Anda: {pungli}" in done.text

    kept = await complaints.by_number(office.db, pungli)
    assert (kept.status, kept.confidential, kept.withdrawn_at) == ("baru", True, None)
    told = await camat.wait_for(f"{pungli} tetap terbuka")
    assert "menghapus data pribadinya" in told.text
    anonymous = await camat.wait_for_edit(conduct_alert)
    assert "Rahmawati" not in anonymous.text and "Dirahasiakan" in anonymous.text
    assert "Status: Baru" in anonymous.text
    assert "Terima" in str(anonymous.buttons) and "Selesai" in str(anonymous.buttons)

    withdrawn = await complaints.by_number(office.db, street)
    assert withdrawn.status == "ditutup" and withdrawn.withdrawn_at is not None
    shown = await pemb.group.wait_for_edit(street_alert)
    assert "Status: Ditarik pelapor" in shown.text and shown.buttons == []
    assert not shown.text.startswith("✅")
    # An officer still answering on the old alert learns why it does not go through.
    await pemb.staff.say(pemb.group, "Lampunya sudah kami ganti kemarin.", reply_to=street_alert)
    refused = await pemb.group.wait_for("Tindakan ini tidak berlaku")
    assert "Ditarik pelapor" in refused.text and "Ditutup" not in refused.text
    await rahma.send(f"/status {street}")
    card = await rahma.wait_for(f"Pengaduan {street}")
    assert "Status: Ditarik pelapor" in card.text and "Diselesaikan" not in card.text
    await rahma.send("/riwayat")
    history = await rahma.wait_for("Pengaduan Anda")
    assert "Ditarik pelapor" in history.text and "Ditutup" not in history.text

    await camat.press("Terima", message=anonymous)  # the supervisors handle it as before
    assert (await complaints.by_number(office.db, pungli)).status == "diterima"

    await office.admin.send("/ekspor 2026-11")
    book = report_steps.workbook_of(
        office, await office.admin.wait_for(predicate=lambda m: m.document is not None)
    )
    shown = {
        r["service_request_id"]: (r["status"], r["status_detail"])
        for r in report_steps.sheet_rows(book, "Pengaduan")
    }
    assert shown == {street: ("closed", "ditarik"), pungli: ("open", "diterima")}
