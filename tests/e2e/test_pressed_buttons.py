"""What a pressed button leaves under its question, and what a too-short reply is told:
one mark per choice ("✓ Infrastruktur", "✅ Setuju", never "✓ ✅ Setuju") and the
message to reply to named, not "the message earlier"."""

from __future__ import annotations

from tests.e2e.activity_steps import create_activity, member
from tests.e2e.complaint_steps import alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv


async def test_a_pressed_button_is_recorded_with_one_mark(office: OfficeEnv) -> None:
    citizen = office.user("Ani")
    await citizen.send("/lapor")
    notice = await citizen.wait_for("data pribadi")
    await citizen.press("Setuju", message=notice)
    settled = await citizen.wait_for_edit(notice)
    assert "\n✅ Setuju\n" in settled.text and "✓ ✅" not in settled.text
    assert "Pilih kategori" in settled.text  # the next question, in the same message
    await citizen.press("Infrastruktur", message=settled)
    assert "\n✓ Infrastruktur" in (await citizen.wait_for_edit(settled)).text

    kasi = await member(office, "Kasi", "kepala", "PEM")
    summary = await create_activity(kasi, title="Bimtek SIAK")
    await kasi.press("Simpan", message=summary)
    saved = await kasi.wait_for_edit(summary)
    assert "\n💾 Simpan\n" in saved.text and "✓ 💾" not in saved.text  # the outcome under it


async def test_a_too_short_note_names_the_request_to_reply_to(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    number = await file_complaint(office.user("Ani"))
    alert = await alert_for(pemb.group, number)
    await pemb.staff.press("Selesai", message=alert, chat=pemb.group)
    prompt = await pemb.group.wait_for("balas pesan ini")
    await pemb.staff.say(pemb.group, "Sudah", reply_to=prompt)
    told = await pemb.group.wait_for("Terlalu pendek")
    assert "pesan tadi" not in told.text
    assert f"catatan penyelesaian {number}" in told.text
