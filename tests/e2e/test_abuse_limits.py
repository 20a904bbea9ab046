"""Abuse limits (issue 14): a person writing more than 20 messages a minute gets one polite
notice and is not answered for 10 minutes; an admin blocks and unblocks people (audited),
and a blocked person hears it once and nothing else."""

from __future__ import annotations

from storage.core import audit
from tests.e2e.harness import OfficeEnv


async def test_more_than_twenty_messages_a_minute_earn_one_notice_and_ten_quiet_minutes(
    office: OfficeEnv,
) -> None:
    office.settings.flood_messages_per_minute = 20  # the default (the harness lifts it)
    citizen = office.user("Cepat")
    for _ in range(20):
        await citizen.send("/bantuan")
    await office.world.settle()
    assert len(citizen.inbox) == 20  # every one answered
    await citizen.send("/bantuan")
    notice = await citizen.wait_for("terlalu cepat")
    assert "10 menit" in notice.text
    for _ in range(5):
        await citizen.send("/bantuan")
    await office.world.settle()
    assert len(citizen.inbox) == 21  # the notice, once, and then silence

    other = office.user("Sabar")
    await other.send("/bantuan")
    await other.next_message()  # nobody else is affected

    await office.advance(minutes=11)
    await citizen.send("/bantuan")
    assert "terlalu cepat" not in (await citizen.next_message()).text


async def test_an_admin_blocks_and_unblocks_a_person(office: OfficeEnv) -> None:
    spammer = office.user("Spam")
    await spammer.send("/start")
    await spammer.next_message()
    await office.admin.send(f"/blokir {spammer.id} kirim iklan berulang")
    assert "diblokir" in (await office.admin.next_message()).text

    await spammer.send("/lapor")
    notice = await spammer.wait_for("diblokir oleh admin")
    assert "Kantor Camat" in notice.text
    await spammer.send("/start")
    await spammer.send("halo?")
    await office.world.settle()
    assert spammer.inbox[-1].message_id == notice.message_id  # one notice, nothing else

    await office.admin.send("/diblokir")
    listed = await office.admin.next_message()
    assert str(spammer.id) in listed.text and "kirim iklan berulang" in listed.text

    await office.admin.send(f"/buka_blokir {spammer.id}")
    await office.admin.wait_for("dibuka")
    await spammer.send("/start")
    await spammer.wait_for("Halo")

    actions = [entry.action for entry in await audit.entries(office.db)]
    assert "person.blocked" in actions and "person.unblocked" in actions
    blocked = next(e for e in await audit.entries(office.db) if e.action == "person.blocked")
    assert blocked.actor_id == office.admin.id and blocked.subject_id == str(spammer.id)
    assert blocked.details["reason"] == "kirim iklan berulang"


async def test_only_admins_block_and_staff_cannot_be_blocked(office: OfficeEnv) -> None:
    citizen = office.user("Warga")
    staff = office.user("Staf")
    await office.invite(staff, "staf", "PEMB")
    await citizen.send(f"/blokir {staff.id}")
    assert "bukan wewenang" in (await citizen.next_message()).text
    await office.admin.send(f"/blokir {staff.id}")
    assert "cabut perannya dulu" in (await office.admin.next_message()).text
    await office.admin.send(f"/blokir {office.admin.id}")
    assert "diri sendiri" in (await office.admin.next_message()).text
    await office.admin.send("/blokir")
    assert "Cara pakai" in (await office.admin.next_message()).text
    await staff.send("/antrian")
    assert "diblokir" not in (await staff.next_message()).text


async def test_bantuan_lists_the_block_commands_for_admins_only(office: OfficeEnv) -> None:
    await office.admin.send("/bantuan")
    help_text = (await office.admin.next_message()).text
    assert "/blokir" in help_text and "/buka_blokir" in help_text and "/diblokir" in help_text
    citizen = office.user("Warga")
    await citizen.send("/bantuan")
    assert "/blokir" not in (await citizen.next_message()).text
