"""Group admins who post "anonymously" write as the group: the bot cannot know who they
are, so it says so instead of acting, refusing, or losing their answer silently."""

from __future__ import annotations

from storage.complaints import records as complaints
from storage.people import groups as unit_chats
from tests.e2e.complaint_steps import alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv


async def test_an_anonymous_reply_to_an_alert_is_explained_not_lost(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    pemb.group.promote(pemb.head)
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    before = len(citizen.inbox)

    await pemb.group.send_anonymously(pemb.head, "Besok lampu diganti.", reply_to=alert)
    notice = await pemb.group.wait_for("admin anonim")
    assert "Tetap Anonim" in notice.text
    await office.world.settle()
    assert len(citizen.inbox) == before  # nothing reached the citizen in the unit's name
    complaint = await complaints.by_number(office.db, number)
    assert complaint is not None and complaint.status == "baru"

    await pemb.head.say(pemb.group, "Besok lampu diganti.", reply_to=alert)  # as themselves
    await pemb.group.wait_for("terkirim ke warga")
    assert "Besok lampu diganti." in (await citizen.wait_for("Jawaban untuk pengaduan")).text


async def test_an_anonymous_command_changes_nothing(office: OfficeEnv) -> None:
    group = office.world.group("Seksi Pemerintahan", members=[office.admin])
    group.promote(office.admin)
    await group.send_anonymously(office.admin, "/grup_unit PEM")
    assert "admin anonim" in (await group.next_message()).text
    assert await unit_chats.for_unit(office.db, "PEM") is None
