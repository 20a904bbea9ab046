"""Binding the office's public channel: refused where the bot may not post, bound where it
may, checked at start like the unit groups, and found by citizens with /transparansi."""

from __future__ import annotations

from storage.core import audit
from storage.transparency import channel as channels
from tests.e2e.harness import OfficeEnv


async def test_a_channel_where_the_bot_is_not_admin_is_refused_then_bound(
    office: OfficeEnv,
) -> None:
    admin = office.admin
    info = office.world.channel(
        "Info Kecamatan Medan Marelan", owner=admin, username="info_marelan", bot_admin=False
    )

    await admin.send("/kanal_publik @info_marelan")
    refused = await admin.wait_for("Kanal tidak dihubungkan")
    assert "Bot bukan admin di kanal «Info Kecamatan Medan Marelan»" in refused.text
    assert await channels.get(office.db) is None

    muted = office.world.channel("Kanal Bisu", owner=admin, username="kanal_bisu", can_post=False)
    await admin.send(f"/kanal_publik {muted.id}")
    assert "tidak boleh memposting" in (await admin.wait_for("Kanal tidak dihubungkan")).text
    group = office.world.group("Grup Warga", members=[admin])
    await admin.send(f"/kanal_publik {group.id}")
    await admin.wait_for("bukan kanal")
    await admin.send("/kanal_publik @tidak_ada_kanal_ini")
    await admin.wait_for("tidak ditemukan")
    await admin.send("/kanal_publik")
    assert "Kanal publik sekarang: belum ada" in (await admin.wait_for("Gunakan")).text
    assert await channels.get(office.db) is None

    await info.add_bot(admin)  # Telegram tells the bot who made it an administrator
    hint = await admin.wait_for("Untuk menjadikannya kanal publik")
    assert f"/kanal_publik {info.id}" in hint.text
    await admin.send("/kanal_publik @info_marelan")
    bound = await admin.wait_for("sekarang kanal publik kantor")
    assert "Posting mingguan berikutnya: Senin, 30 November 2026 pukul 08.30 WIB" in bound.text
    stored = await channels.get(office.db)
    assert stored is not None and (stored.chat_id, stored.username) == (info.id, "info_marelan")
    [entry] = await audit.entries(office.db, "public_channel.bound")
    assert (entry.actor_id, entry.subject_id) == (admin.id, str(info.id))
    assert info.posts == []  # binding publishes nothing by itself

    camat = office.user("Camat")
    await office.invite(camat, "supervisor")
    await camat.send("/kanal_publik @kanal_bisu")
    await camat.wait_for("bukan wewenang")
    assert (await channels.get(office.db)).chat_id == info.id

    siti = office.user("Siti")
    await siti.send("/start")
    await siti.wait_for("Halo")
    await siti.send("/transparansi")
    found = await siti.wait_for("Transparansi kinerja")
    assert "Kanal Telegram: https://t.me/info_marelan" in found.text
    await siti.send("/bantuan")
    await siti.wait_for("/transparansi —")


async def test_losing_the_channel_is_reported_now_and_at_start(office: OfficeEnv) -> None:
    admin = office.admin
    info = office.world.channel("Info Marelan", owner=admin, username="info_marelan2")
    await admin.send("/kanal_publik @info_marelan2")
    await admin.wait_for("sekarang kanal publik kantor")

    await info.set_bot_rights(admin, can_post=False)
    warning = await admin.wait_for("tidak dapat memposting di kanal publik «Info Marelan»")
    assert "/kanal_publik" in warning.text
    await office.restart()
    await admin.wait_for("tidak dapat memposting di kanal publik «Info Marelan»")
    await info.set_bot_rights(admin, can_post=True)
    await office.restart()
    await office.world.settle()
    assert len([m for m in admin.inbox if "kanal publik «Info Marelan»" in m.body]) == 2
    entries = await audit.entries(office.db, "public_channel.unreachable")
    assert [e.details["reason"] for e in entries] == ["cannot_post", "cannot_post"]

    await admin.send("/kanal_publik hapus")
    await admin.wait_for("dilepas")
    assert await channels.get(office.db) is None
