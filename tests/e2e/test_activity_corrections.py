"""Activities after the fact: correcting saved attendance (and the JP it credits) within
the correction window, and invitations that follow people joining or leaving the staff."""

from __future__ import annotations

from bot.activities import callbacks as acb
from emulator import BotMessage, FakeUser
from storage.activities import invitations as activity_invitations
from storage.activities import jp
from storage.activities import records as activities
from tests.e2e.activity_steps import count, latest_activity, member, new_activity
from tests.e2e.harness import OfficeEnv

REMINDER = "⏰ Pengingat"


def received(user: FakeUser, text: str) -> list[BotMessage]:
    """The bot's messages to ``user`` containing ``text`` (read or not)."""
    return [message for message in user.inbox if text in message.body]


async def saved_training(
    office: OfficeEnv,
    organiser: FakeUser,
    ticked: list[FakeUser],
    title: str = "Pelatihan Excel Dasar",
) -> BotMessage:
    """A 4 JP training tomorrow 13:00-16:00 for Seksi Pemerintahan; after the end the
    organiser ticks ``ticked`` (nobody answered, so nobody is pre-ticked) and saves."""
    await new_activity(
        organiser,
        title=title,
        when="besok 13:00",
        duration="3 jam",
        audience=("Seksi Pemerintahan",),
    )
    await office.advance(days=1, hours=7)  # Thu 26 Nov 16:00: ended
    checklist = await organiser.wait_for("Daftar hadir")
    for person in ticked:
        await organiser.press(person.first_name, message=checklist)
        checklist = await organiser.wait_for_edit(checklist)
    await organiser.press("Simpan", message=checklist)
    return await organiser.wait_for_edit(checklist)


async def finished_card(user: FakeUser, title: str) -> BotMessage:
    await user.send("/kegiatan selesai")
    await user.wait_for("Kegiatan yang sudah selesai")
    return await user.wait_for(title)


async def reopen(user: FakeUser, card: BotMessage) -> BotMessage:
    await user.press("Presensi", message=card)
    return await user.wait_for("Koreksi daftar hadir")


async def test_a_correction_moves_jp_and_tells_each_person(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    ani = await member(office, "Ani", "staf", "PEM")
    budi = await member(office, "Budi", "staf", "PEM")
    cici = await member(office, "Cici", "staf", "PEM")
    saved = await saved_training(office, kasi, [ani])
    assert "1 dari 3 hadir" in saved.text
    await ani.wait_for("JP ditambahkan")
    await office.advance(days=2)  # Sat 28 Nov: Budi's paper signature turns up, Ani was not there

    await kasi.send("/kegiatan")
    assert "/kegiatan selesai" in (await kasi.wait_for("Belum ada kegiatan")).text
    card = await finished_card(kasi, "Pelatihan Excel Dasar")
    assert "Kehadiran tersimpan: 1 dari 3 hadir" in card.text
    assert "Dapat dikoreksi sampai 26-12-2026 16.00" in card.text
    assert card.buttons == [["📋 Presensi"]]
    checklist = await reopen(kasi, card)
    assert checklist.buttons == [["✅ Ani"], ["⬜ Budi"], ["⬜ Cici"], ["💾 Simpan koreksi"]]
    assert "Tercentang: 1 dari 3" in checklist.text

    await kasi.press("Cici", message=checklist)  # a slip, abandoned: reopening shows the saved
    await kasi.wait_for_edit(checklist)
    checklist = await reopen(kasi, card)
    assert checklist.buttons[2] == ["⬜ Cici"]
    await kasi.press("Budi", message=checklist)
    checklist = await kasi.wait_for_edit(checklist)
    await kasi.press("Ani", message=checklist)
    checklist = await kasi.wait_for_edit(checklist)
    assert checklist.buttons[:2] == [["⬜ Ani"], ["✅ Budi"]]
    await kasi.press("Simpan koreksi", message=checklist)
    done = await kasi.wait_for_edit(checklist)
    assert "sekarang 1 dari 3 hadir" in done.text and not done.buttons
    assert "Ditambahkan: Budi (+4 JP)" in done.text and "Dihapus: Ani (−4 JP)" in done.text

    added = await budi.wait_for("JP Anda diperbarui")
    assert "+4 JP" in added.text and "Total JP Anda tahun 2026: 4 dari target 20 JP" in added.text
    removed = await ani.wait_for("JP Anda diperbarui")
    assert "tercatat tidak hadir: −4 JP" in removed.text
    assert "Total JP Anda tahun 2026: 0 dari target 20 JP" in removed.text
    assert "hubungi penyelenggara (Kasi)" in removed.text
    await budi.send("/jp")
    mine = await budi.wait_for("JP Anda tahun 2026")
    assert "4 dari target 20 JP" in mine.text and "Pelatihan Excel Dasar: 4 JP" in mine.text
    await ani.send("/jp")
    assert "Belum ada JP tercatat" in (await ani.wait_for("JP Anda tahun 2026")).text

    checklist = await reopen(kasi, card)  # the current saved state, and a save with no change
    assert checklist.buttons[:3] == [["⬜ Ani"], ["✅ Budi"], ["⬜ Cici"]]
    await kasi.press("Simpan koreksi", message=checklist)
    assert "Tidak ada perubahan" in (await kasi.wait_for_edit(checklist)).text
    await office.world.settle()
    assert count(ani, "JP Anda diperbarui") == 1 and count(budi, "JP Anda diperbarui") == 1
    assert count(cici, "JP Anda diperbarui") == 0

    activity = await latest_activity(office)
    assert await jp.jp_by_person(office.db, 2026) == {budi.id: 4}
    events = [(e.kind, e.actor_id, e.data) for e in await activities.events(office.db, activity.id)]
    assert events[-2:] == [
        ("attendance_added", kasi.id, {"person": budi.id}),
        ("attendance_removed", kasi.id, {"person": ani.id}),
    ]
    attended = {
        i.name: i.attended for i in await activity_invitations.of_activity(office.db, activity.id)
    }
    assert attended == {"Ani": False, "Budi": True, "Cici": False}


async def test_only_the_organiser_and_supervisors_may_correct(office: OfficeEnv) -> None:
    camat = await member(office, "Camat", "supervisor")
    kasi = await member(office, "Kasi", "kepala", "PEM")
    lain = await member(office, "Lain", "kepala", "PEMB")
    ani = await member(office, "Ani", "staf", "PEM")
    budi = await member(office, "Budi", "staf", "PEM")
    await saved_training(office, kasi, [ani])
    activity = await latest_activity(office)
    message = await ani.wait_for("JP ditambahkan")

    for forged in (
        acb.AttendOpen(activity.id),
        acb.FixToggle(activity.id, budi.id, 0),
        acb.FixToggle(activity.id, ani.id, 0),
        acb.FixPage(activity.id, 0),
        acb.FixSave(activity.id),
    ):
        refused = await ani.press_data(forged.encode(), message=message)
        assert refused.show_alert and "bukan wewenang" in refused.text, forged
    await lain.send("/kegiatan selesai")
    assert "Tidak ada kegiatan Anda yang selesai" in (await lain.wait_for("selesai")).text
    forged = await lain.press_data(acb.FixSave(activity.id).encode(), message=lain.inbox[-1])
    assert "bukan wewenang" in forged.text
    unknown = await kasi.press_data(acb.AttendOpen(9999).encode(), message=kasi.inbox[-1])
    assert "tidak berlaku" in unknown.text
    stranger = await kasi.press_data(
        acb.FixToggle(activity.id, lain.id, 0).encode(), message=kasi.inbox[-1]
    )
    assert "bukan wewenang" in stranger.text  # not invited: nothing to tick
    assert await jp.jp_by_person(office.db, 2026) == {ani.id: 4}
    invitations = await activity_invitations.of_activity(office.db, activity.id)
    assert [(i.name, i.checked, i.attended) for i in invitations] == [
        ("Ani", True, True),
        ("Budi", False, False),
    ]
    assert [e.kind for e in await activities.events(office.db, activity.id)][-1] == "attendance"

    checklist = await reopen(camat, await finished_card(camat, "Pelatihan Excel Dasar"))
    await camat.press("Budi", message=checklist)
    checklist = await camat.wait_for_edit(checklist)
    await camat.press("Simpan koreksi", message=checklist)
    assert "Ditambahkan: Budi (+4 JP)" in (await camat.wait_for_edit(checklist)).text
    told = await kasi.wait_for("mengoreksi daftar hadir")
    assert 'Camat mengoreksi daftar hadir "Pelatihan Excel Dasar"' in told.text
    assert "Ditambahkan: Budi" in told.text and "Dihapus: —" in told.text
    await budi.wait_for("JP Anda diperbarui")
    assert await jp.jp_by_person(office.db, 2026) == {ani.id: 4, budi.id: 4}


async def test_a_correction_after_the_window_is_refused_politely(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    ani = await member(office, "Ani", "staf", "PEM")
    await member(office, "Budi", "staf", "PEM")
    await saved_training(office, kasi, [ani])
    card = await finished_card(kasi, "Pelatihan Excel Dasar")
    checklist = await reopen(kasi, card)
    await kasi.press("Ani", message=checklist)
    checklist = await kasi.wait_for_edit(checklist)

    await office.advance(days=29, hours=23, minutes=59)  # Sat 26 Dec 15:59: still open
    still = await finished_card(kasi, "Pelatihan Excel Dasar")
    assert still.buttons == [["📋 Presensi"]]
    await office.advance(minutes=2)  # 16:01: thirty days after the end have passed
    late = await kasi.press("Simpan koreksi", message=checklist)
    assert (
        late.show_alert
        and "Masa koreksi daftar hadir ini berakhir pada 26-12-2026 16.00" in late.text
    )
    late = await kasi.press("Presensi", message=card)
    assert late.show_alert and "tidak dapat diubah lagi" in late.text
    await kasi.send("/kegiatan selesai")
    assert (
        "Tidak ada kegiatan Anda yang selesai dalam 30 hari terakhir"
        in (await kasi.wait_for("30 hari")).text
    )
    activity = await latest_activity(office)
    assert await jp.jp_by_person(office.db, 2026) == {ani.id: 4}
    assert (await activity_invitations.get(office.db, activity.id, ani.id)).attended is True
    await office.world.settle()
    assert count(ani, "JP Anda diperbarui") == 0


async def test_staff_who_join_later_are_invited_and_reminded(office: OfficeEnv) -> None:
    camat = await member(office, "Camat", "supervisor")
    kasi = await member(office, "Kasi", "kepala", "PEM")
    await member(office, "Ani", "staf", "PEM")
    await new_activity(
        kasi,
        title="Pelatihan Pelayanan Prima",  # Sat 5 Dec 09:00
        audience=("Seksi Pemerintahan",),
    )
    await new_activity(
        camat, title="Diklat Semua Staf", when="2026-12-10 09:00", audience=("Semua staf",)
    )
    await new_activity(camat, title="Bimtek Pembangunan", audience=("Seksi Pembangunan",))
    await new_activity(
        kasi,
        title="Rapat Teknis Besok",
        when="besok 08:00",
        duration="2 jam",
        audience=("Seksi Pemerintahan",),
    )
    await kasi.send("/kegiatan")
    await kasi.wait_for("Kegiatan mendatang")
    prima = await kasi.wait_for("Pelatihan Pelayanan Prima")
    assert "dari 1 undangan" in prima.text
    await office.advance(days=1, hours=0)  # Thu 26 Nov 09:00: the Rapat Teknis is running

    dewi = await member(office, "Dewi", "staf", "PEM")
    await office.world.settle()
    invitations = received(dewi, "Undangan pelatihan")
    titles = sorted(
        title
        for title in (
            "Pelatihan Pelayanan Prima",
            "Diklat Semua Staf",
            "Bimtek Pembangunan",
            "Rapat Teknis Besok",
        )
        if any(title in m.text for m in invitations)
    )
    assert titles == ["Diklat Semua Staf", "Pelatihan Pelayanan Prima"]
    assert all(m.buttons == [["✅ Hadir", "❌ Tidak bisa"]] for m in invitations)
    prima = await kasi.wait_for_edit(prima)  # the organiser's card counts the newcomer
    assert "dari 2 undangan" in prima.text
    invitation = next(m for m in invitations if "Pelatihan Pelayanan Prima" in m.text)
    assert (await dewi.press("Hadir", message=invitation)).text == "Tercatat: ✅ Hadir"

    await office.advance(days=6)  # Wed 2 Dec 09:00: three days before the Prima training
    reminder = await dewi.wait_for(REMINDER)
    assert "Pelatihan Pelayanan Prima" in reminder.text and "dalam 3 hari" in reminder.text
    prima_id = await office.db.fetchval(
        "SELECT id FROM activities WHERE title = 'Pelatihan Pelayanan Prima'"
    )
    late = [e for e in await activities.events(office.db, prima_id) if e.kind == "invited_late"]
    assert [(e.actor_id, e.data["person"], e.data["unit"]) for e in late] == [
        (None, dewi.id, "PEM")
    ]
    sent = await office.db.fetchall(
        "SELECT recipients FROM activity_reminders WHERE activity_id = ? AND state = 'sent'",
        (prima_id,),
    )
    assert [r["recipients"] for r in sent] == [2]  # Ani, who was invited at the start, and Dewi


async def test_revoked_staff_lose_their_invitations_and_reminders(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    ani = await member(office, "Ani", "staf", "PEM")
    budi = await member(office, "Budi", "staf", "PEM")
    await new_activity(
        kasi,
        title="Pelatihan Pelayanan Prima",  # Sat 5 Dec 09:00
        audience=("Seksi Pemerintahan",),
    )
    invitation = await ani.wait_for("Undangan pelatihan")
    await ani.press("Hadir", message=invitation)
    await budi.wait_for("Undangan pelatihan")

    await office.admin.send(f"/cabut {ani.id}")
    await office.admin.wait_for("telah dicabut")
    await ani.wait_for("dicabut oleh admin")
    withdrawn = await ani.wait_for("undangan berikut ditarik")
    assert "Pelatihan: Pelatihan Pelayanan Prima — 05-12-2026 09.00" in withdrawn.text
    forged = await ani.press("Hadir", message=invitation)  # the old buttons do nothing now
    assert "bukan wewenang" in forged.text

    for step in ({"days": 7}, {"days": 2}, {"hours": 22}):  # 3 days, 1 day, 2 hours before
        await office.advance(**step)
        await budi.wait_for(REMINDER)
    await office.world.settle()
    assert count(ani, REMINDER) == 0 and count(budi, REMINDER) == 3
    activity = await latest_activity(office)
    assert await activity_invitations.get(office.db, activity.id, ani.id) is None
    events = [
        e
        for e in await activities.events(office.db, activity.id)
        if e.kind == "invitation_withdrawn"
    ]
    assert [(e.data["person"], e.data["response"]) for e in events] == [(ani.id, "yes")]


async def test_moving_to_another_unit_moves_the_invitations(office: OfficeEnv) -> None:
    camat = await member(office, "Camat", "supervisor")
    budi = await member(office, "Budi", "staf", "PEM")
    await new_activity(camat, title="Bimtek Pemerintahan", audience=("Seksi Pemerintahan",))
    await new_activity(camat, title="Bimtek Pembangunan", audience=("Seksi Pembangunan",))
    await new_activity(camat, title="Diklat Semua Staf", audience=("Semua staf",))
    await budi.wait_for("Bimtek Pemerintahan")

    await office.invite(budi, "staf", "PEMB")  # a new link for his new unit
    await office.world.settle()
    withdrawn = received(budi, "undangan berikut ditarik")
    assert len(withdrawn) == 1 and "Bimtek Pemerintahan" in withdrawn[0].text
    assert "Diklat" not in withdrawn[0].text
    assert len(received(budi, "Bimtek Pembangunan")) == 1
    assert count(budi, "Diklat Semua Staf") == 1  # still invited, not twice
    invited = await office.db.fetchall(
        "SELECT a.title FROM activity_invitations i JOIN activities a ON a.id = i.activity_id "
        "WHERE i.person_id = ? ORDER BY a.title",
        (budi.id,),
    )
    assert [r["title"] for r in invited] == ["Bimtek Pembangunan", "Diklat Semua Staf"]


async def test_an_unsaved_checklist_can_be_found_again(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    ani = await member(office, "Ani", "staf", "PEM")
    await new_activity(
        kasi,
        title="Pelatihan Excel Dasar",
        when="besok 13:00",
        duration="3 jam",
        audience=("Seksi Pemerintahan",),
    )
    await office.advance(days=1, hours=7)
    first = await kasi.wait_for("Daftar hadir")  # lost among other chats
    await office.advance(days=3)

    card = await finished_card(kasi, "Pelatihan Excel Dasar")
    assert "Daftar hadir belum disimpan" in card.text
    await kasi.press("Presensi", message=card)
    checklist = await kasi.wait_for("Daftar hadir")
    assert checklist.buttons == [["⬜ Ani"], ["💾 Simpan"]]
    await kasi.press("Ani", message=checklist)
    checklist = await kasi.wait_for_edit(checklist)
    await kasi.press("Simpan", message=checklist)
    assert "1 dari 1 hadir" in (await kasi.wait_for_edit(checklist)).text
    await ani.wait_for("JP ditambahkan")
    again = await kasi.press("Simpan", message=first)  # the first checklist is closed now
    assert again.show_alert and "/kegiatan selesai" in again.text
    card = await finished_card(kasi, "Pelatihan Excel Dasar")
    assert "Kehadiran tersimpan: 1 dari 1 hadir" in card.text
