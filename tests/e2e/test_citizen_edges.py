"""Citizens at the edges: unusual input and habits that once lost or broke something."""

from __future__ import annotations

from storage import complaints
from tests.e2e.complaint_steps import NUMBER, alert_for, unit_with_group
from tests.e2e.harness import OfficeEnv


async def test_descriptions_that_grow_when_escaped_or_counted_by_telegram_arrive_whole(
        office: OfficeEnv) -> None:
    """2000 ``&`` are 10000 characters of HTML and 2000 emoji are 4000 of Telegram's units:
    the summary, the confirmation and the unit's alert still carry every character."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Ani")
    for description in ("Jalan rusak " + "&" * 1988, "🕳" + "😡" * 1999):
        await citizen.send("/lapor")
        first = await citizen.next_message()
        if "data pribadi" in first.text:
            await citizen.press("Setuju")
            first = await citizen.next_message()
        assert "Pilih kategori" in first.text
        await citizen.press("Infrastruktur")
        await citizen.wait_for("Di kelurahan mana")
        await citizen.press("Terjun")
        await citizen.wait_for("Ceritakan masalahnya")
        await citizen.send(description)
        await citizen.wait_for("Lampiran")
        await citizen.press("Lewati")
        await citizen.wait_for("identitas")
        await citizen.press("Tampilkan nama saya")
        await citizen.wait_for("Periksa pengaduan")
        await office.world.settle()
        shown = "".join(m.text for m in citizen.inbox[-2:])
        assert description in shown
        await citizen.press("Kirim")
        number = NUMBER.search((await citizen.wait_for("tercatat")).text).group(0)
        assert (await complaints.by_number(office.db, number)).description == description
        await alert_for(pemb.group, number)
        await office.world.settle()
        assert description in "".join(m.text for m in pemb.group.bot_messages[-2:])
