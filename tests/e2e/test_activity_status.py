"""An activity's status as people see it: a training that has ended is "selesai" (in the
/kegiatan card, which is updated at the end, and in the export), a cancelled one stays
"dibatalkan", the others are "terjadwal"."""

from __future__ import annotations

from tests.e2e import report_steps
from tests.e2e.activity_steps import card_of, member, new_activity
from tests.e2e.harness import OfficeEnv


async def test_an_ended_training_becomes_selesai_at_its_end(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    budi = await member(office, "Budi", "staf", "PEM")
    await new_activity(
        kasi,
        title="Pelatihan Excel Dasar",
        when="besok 13:00",
        duration="3 jam",
        audience=("Seksi Pemerintahan",),
    )
    await new_activity(
        kasi, title="Pelatihan Arsip", when="2026-11-30 09:00", audience=("Seksi Pemerintahan",)
    )
    await new_activity(
        kasi, title="Rapat Teknis Batal", when="2026-11-27 09:00", audience=("Seksi Pemerintahan",)
    )
    cancelled = await card_of(kasi, "Rapat Teknis Batal")
    await kasi.press("Batalkan", message=cancelled)
    confirm = await kasi.wait_for('Batalkan "Rapat Teknis Batal"')
    await kasi.press("Ya, batalkan", message=confirm)
    assert "dibatalkan" in (await kasi.wait_for_edit(confirm)).text
    card = await card_of(budi, "Pelatihan Excel Dasar")
    assert "Hadir" in str(card.buttons) and "Selesai" not in card.text

    await office.advance(days=1, hours=7)  # Thursday 16:00: the training has just ended
    ended = await budi.wait_for_edit(card)
    assert "✅ Selesai" in ended.text and ended.buttons == []

    await office.admin.send("/ekspor 2026-11")
    book = report_steps.workbook_of(
        office, await office.admin.wait_for(predicate=lambda m: m.document is not None)
    )
    shown = {a["title"]: a["status"] for a in report_steps.sheet_rows(book, "Kegiatan")}
    assert shown == {
        "Pelatihan Excel Dasar": "selesai",
        "Rapat Teknis Batal": "dibatalkan",
        "Pelatihan Arsip": "terjadwal",
    }
