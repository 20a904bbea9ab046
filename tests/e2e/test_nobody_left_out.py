"""Nothing reaches nobody: what a new office meets in its first weeks. Only ADMIN_IDS
admins exist at first, no group is bound, a group removes the bot; a complaint must still
reach a person, and the citizen must never be told a message was passed on when it
reached nobody."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from pathlib import Path

import pytest

from tests.e2e.bot_process import database_env
from tests.e2e.complaint_steps import alert_for, file_complaint, labels, unit_with_group
from tests.e2e.harness import OfficeEnv

MISSING = "tidak dapat menjangkau grup"
ROOT = Path(__file__).resolve().parents[2]


async def test_a_fresh_office_alerts_the_admin_and_the_group_bound_later(
    office: OfficeEnv,
) -> None:
    """Day one: only the ADMIN_IDS admin (never stored with the admin role), no supervisor,
    no group. The complaint's alert reaches the admin with its buttons; when the unit's
    group is bound later, the open complaint arrives there too."""
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await office.admin.wait_for(f"Pengaduan {number}")
    assert "✅ Terima" in labels(alert)
    assert "belum punya grup" in alert.text

    group = office.world.group("Seksi Pembangunan", members=[office.admin])
    await office.bind_group(group, "PEMB")
    in_group = await alert_for(group, number)
    await office.admin.press("Terima", message=in_group, chat=group)
    assert "Status:</b> Diterima" in (await group.wait_for_edit(in_group)).html


async def test_escalations_and_low_ratings_reach_the_admin_when_no_supervisor_exists(
    office: OfficeEnv,
) -> None:
    """What is addressed to "the supervisors" goes to the ADMIN_IDS admin while there is
    none: the breach escalation and a low rating."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    await office.advance(hours=24, minutes=1)  # the acknowledge deadline passes
    escalation = await office.admin.wait_for("Eskalasi")
    assert number in escalation.text

    await pemb.staff.press("Selesai", message=alert, chat=pemb.group)
    prompt = await pemb.group.wait_for("balas pesan ini")
    await pemb.staff.say(pemb.group, "Lampu sudah diganti dan menyala.", reply_to=prompt)
    resolved = await citizen.wait_for("dinyatakan selesai")
    await citizen.press("1", message=resolved)
    low = await office.admin.wait_for("dinilai 1/5")
    assert number in low.text


async def test_a_follow_up_that_reaches_nobody_is_not_called_forwarded(
    office: OfficeEnv,
) -> None:
    """The only admin blocked the bot and nobody else exists: the citizen's message is
    kept, and they are told it has not reached anyone yet. When the admin is back, the
    complaint's alert reaches them, and the next message is passed on."""
    office.admin.block_bot()
    await office.world.settle()
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    confirmation = next(m for m in citizen.inbox if "tercatat" in m.text)

    await citizen.send("Lampunya sekarang berkedip-kedip.", reply_to=confirmation)
    kept = await citizen.wait_for("tersimpan")
    assert number in kept.text and "diteruskan" not in kept.text
    await office.world.settle()
    assert not any("diteruskan" in m.text for m in citizen.inbox)

    office.admin.unblock_bot()
    await office.admin.send("/start")
    alert = await office.admin.wait_for(f"Pengaduan {number}")
    assert "✅ Terima" in labels(alert)
    await citizen.send("Sekarang sudah padam total.", reply_to=confirmation)
    await citizen.wait_for("sudah diteruskan")
    relayed = await office.admin.wait_for("Pesan warga")
    assert "padam total" in relayed.text


async def test_a_group_that_removed_the_bot_falls_back_and_gets_its_complaints_back(
    office: OfficeEnv,
) -> None:
    """The bot was removed from the unit group and missed the notice (it was down): the
    next alert there fails with 403. The unit then falls back as if it had no group (the
    supervisor gets its open complaints, the admin is told once), and binding the group
    again brings the complaint whose alert never arrived, not a second copy of the one
    that did."""
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    camat = office.user("Camat")
    await office.invite(camat, "supervisor")
    citizen = office.user("Siti")
    first = await file_complaint(citizen)
    await alert_for(pemb.group, first)
    await office.world.settle()

    office.world.updates.hold()
    await pemb.group.remove_bot()
    office.world.updates.drop_all()  # the removal notice never reaches the bot
    office.world.updates.release()

    second = await file_complaint(citizen, description="Jalan berlubang di depan sekolah.")
    fallback = await camat.wait_for(f"Pengaduan {second}")
    assert "✅ Terima" in labels(fallback)
    assert any(f"Pengaduan {first}" in m.text for m in camat.inbox)  # its other one too
    warning = await office.admin.wait_for(MISSING)
    assert "/grup_unit PEMB" in warning.text
    refused = [
        c
        for c in office.world.calls("sendMessage")
        if c.params.get("chat_id") == pemb.group.id and c.status == 403
    ]
    assert refused  # the dispatcher met the 403 itself

    await pemb.group.add_bot(office.admin)
    await office.bind_group(pemb.group, "PEMB")
    arrived = await alert_for(pemb.group, second)
    await office.world.settle()
    assert sum(f"Pengaduan {first}" in m.text for m in pemb.group.bot_messages) == 1
    assert sum(MISSING in m.text for m in office.admin.inbox) == 1
    await pemb.staff.press("Terima", message=arrived, chat=pemb.group)
    assert "Status:</b> Diterima" in (await pemb.group.wait_for_edit(arrived)).html


async def test_a_removal_notice_makes_the_unit_fall_back_at_once(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    await alert_for(pemb.group, number)
    await pemb.group.remove_bot()
    await office.admin.wait_for(MISSING)
    fallback = await office.admin.wait_for(f"Pengaduan {number}")  # no supervisor: the admin
    assert "✅ Terima" in labels(fallback)


async def test_pengguna_says_where_the_alerts_of_a_unit_without_a_group_go(
    office: OfficeEnv,
) -> None:
    group = office.world.group("Seksi Pembangunan", members=[office.admin])
    await office.bind_group(group, "PEMB")
    await office.admin.send("/pengguna")
    listing = await office.admin.wait_for("Pengguna terdaftar")
    assert "Seksi Pembangunan · grup Seksi Pembangunan" in listing.text
    assert (
        "Seksi Pemerintahan · ⚠️ belum ada grup (/grup_unit PEM): pengaduannya dikirim ke Admin"
    ) in listing.text
    assert "tidak akan sampai" not in listing.text


async def test_start_names_the_units_whose_alerts_would_reach_nobody(
    office: OfficeEnv,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The only admin blocked the bot and PEMB alone has a group: at the next start the
    log names every other unit, since nobody could be told in a chat."""
    group = office.world.group("Seksi Pembangunan", members=[office.admin])
    await office.bind_group(group, "PEMB")
    office.admin.block_bot()
    await office.world.settle()
    caplog.set_level(logging.WARNING, logger="bot")
    await office.restart()
    [warning] = [r.getMessage() for r in caplog.records if "reach nobody" in r.getMessage()]
    assert "SEKRET, PEM, TRANTIB, KESOS, PELAYANAN." in warning


async def check_config(office: OfficeEnv) -> str:
    """``marelan-bot check-config`` on the office's database, next to the running bot."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "check-config",
        env={
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": str(ROOT),
            **database_env(office.settings.database),
            "ADMIN_IDS": str(office.admin.id),
        },
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode == 0, err.decode()
    return out.decode()


async def test_check_config_reads_the_database_and_names_uncovered_units(
    office: OfficeEnv,
) -> None:
    group = office.world.group("Seksi Pembangunan", members=[office.admin])
    await office.bind_group(group, "PEMB")
    covered = await check_config(office)
    assert (
        "Alerts: 1 of 6 units have a group; those of SEKRET, PEM, TRANTIB, KESOS, "
        "PELAYANAN go to Admin."
    ) in covered

    office.admin.block_bot()
    await office.world.settle()
    uncovered = await check_config(office)
    assert (
        "WARNING: complaint alerts of these units would reach nobody (no bound group, and "
        "no supervisor or admin has started the bot): SEKRET, PEM, TRANTIB, KESOS, "
        "PELAYANAN."
    ) in uncovered


async def test_a_revoked_supervisor_stops_holding_alerts_and_the_admin_takes_over(
    office: OfficeEnv,
) -> None:
    """The only supervisor holds the alert of a unit without a group; their role is
    revoked: they hear nothing more about it, and the admin gets the alert instead."""
    camat = office.user("Camat")
    await office.invite(camat, "supervisor")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    await camat.wait_for(f"Pengaduan {number}")
    assert not any(f"Pengaduan {number}" in m.text for m in office.admin.inbox)

    await office.admin.send(f"/cabut {camat.id}")
    await office.admin.wait_for("telah dicabut")
    alert = await office.admin.wait_for(f"Pengaduan {number}")
    assert "✅ Terima" in labels(alert)
    await office.world.settle()
    heard = len(camat.inbox)
    confirmation = next(m for m in citizen.inbox if "tercatat" in m.text)
    await citizen.send("Lampunya sekarang berkedip-kedip.", reply_to=confirmation)
    await citizen.wait_for("sudah diteruskan")
    assert "berkedip" in (await office.admin.wait_for("Pesan warga")).text
    await office.world.settle()
    assert len(camat.inbox) == heard
