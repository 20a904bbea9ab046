"""Reminders: at each offset of ACTIVITY_REMINDERS, to those who accepted or did not answer,
once each, also across restarts and downtime."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from emulator import FakeTelegram
from storage.activities import records as activities
from storage.activities import reminders as activity_reminders
from tests.database import fresh_database
from tests.e2e.activity_steps import count, latest_activity, member, new_activity
from tests.e2e.harness import OfficeEnv, start_office

REMINDER = "⏰ Pengingat"


async def test_reminders_at_each_offset_to_the_right_people(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    ani = await member(office, "Ani", "staf", "PEM")  # will accept
    budi = await member(office, "Budi", "staf", "PEM")  # will decline
    cici = await member(office, "Cici", "staf", "PEM")  # will not answer
    await new_activity(
        kasi,
        title="Pelatihan Pelayanan Prima",  # Sat 5 Dec 09:00
        audience=("Seksi Pemerintahan",),
    )
    await ani.press("Hadir", message=await ani.wait_for("Undangan pelatihan"))
    await budi.press("Tidak bisa", message=await budi.wait_for("Undangan pelatihan"))
    await cici.wait_for("Undangan pelatihan")

    await office.advance(days=6, hours=23)  # Wed 2 Dec 08:00: nothing due yet
    assert count(ani, REMINDER) == 0
    await office.advance(hours=1)  # Wed 2 Dec 09:00: three days before
    for person in (ani, cici):
        reminder = await person.wait_for(REMINDER)
        assert "Pelatihan dimulai dalam 3 hari" in reminder.text
        assert "Pelatihan Pelayanan Prima" in reminder.text
    await office.advance(days=2)  # Fri 4 Dec 09:00: one day before
    for person in (ani, cici):
        assert "dalam 1 hari" in (await person.wait_for(REMINDER)).text
    await office.advance(hours=22)  # Sat 5 Dec 07:00: two hours before
    for person in (ani, cici):
        assert "dalam 2 jam" in (await person.wait_for(REMINDER)).text
    await office.world.settle()

    assert (count(ani, REMINDER), count(budi, REMINDER), count(cici, REMINDER)) == (3, 0, 3)
    assert count(kasi, REMINDER) == 0
    activity = await latest_activity(office)
    rows = await activity_reminders.of_activity(office.db, activity.id)
    reminders = [(r.offset_minutes, r.state) for r in rows if r.kind == "reminder"]
    assert reminders == [(4320, "sent"), (1440, "sent"), (120, "sent")]
    recipients = await office.db.fetchall(
        "SELECT recipients FROM activity_reminders WHERE activity_id = ? AND kind = 'reminder'",
        (activity.id,),
    )
    assert [r["recipients"] for r in recipients] == [2, 2, 2]


async def test_a_restart_between_planning_and_due_time_sends_each_reminder_once(
    office: OfficeEnv,
) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    ani = await member(office, "Ani", "staf", "PEM")
    await new_activity(kasi, title="Bimtek Kearsipan", audience=("Seksi Pemerintahan",))
    await ani.wait_for("Undangan pelatihan")

    await office.restart()  # planned before, due after
    await office.advance(days=7)  # Wed 2 Dec 09:00
    await ani.wait_for(REMINDER)
    await office.restart()  # the job ran; a restart must not send it again
    await office.advance(hours=1)
    assert count(ani, REMINDER) == 1

    # Down while the 1-day reminder falls due: sent at start, once.
    await office.bot.stop()
    office.clock.advance(timedelta(days=2))  # Fri 4 Dec 10:00
    await office.bot.start()
    assert "dalam 23 jam" in (await ani.wait_for(REMINDER)).text
    await office.restart()
    assert count(ani, REMINDER) == 2

    # Down across the start: the 2-hour reminder is recorded as missed, not sent.
    await office.bot.stop()
    office.clock.advance(timedelta(hours=24))  # Sat 5 Dec 10:00, the training has begun
    await office.bot.start()
    await office.world.settle()
    assert count(ani, REMINDER) == 2
    activity = await latest_activity(office)
    rows = await activity_reminders.of_activity(office.db, activity.id)
    assert [(r.offset_minutes, r.state) for r in rows if r.kind == "reminder"] == [
        (4320, "sent"),
        (1440, "sent"),
        (120, "missed"),
    ]
    kinds = [e.kind for e in await activities.events(office.db, activity.id)]
    assert kinds.count("reminder_sent") == 2 and kinds.count("reminder_missed") == 1


async def test_after_downtime_only_the_closest_due_reminder_is_sent(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    ani = await member(office, "Ani", "staf", "PEM")
    await new_activity(kasi, title="Pelatihan Keuangan Desa", audience=("Seksi Pemerintahan",))
    await ani.wait_for("Undangan pelatihan")
    await office.bot.stop()
    office.clock.advance(timedelta(days=9))  # Fri 4 Dec 09:00: 3-day and 1-day both due
    await office.bot.start()
    assert "dalam 1 hari" in (await ani.wait_for(REMINDER)).text
    await office.world.settle()
    assert count(ani, REMINDER) == 1
    activity = await latest_activity(office)
    rows = await activity_reminders.of_activity(office.db, activity.id)
    assert [(r.offset_minutes, r.state) for r in rows if r.kind == "reminder"] == [
        (4320, "missed"),
        (1440, "sent"),
        (120, "pending"),
    ]


async def test_reminder_offsets_follow_the_setting(telegram: FakeTelegram, tmp_path: Path) -> None:
    office = await start_office(
        telegram, await fresh_database(tmp_path, "marelan.db"), activity_reminders="1h,30m"
    )
    try:
        kasi = await member(office, "Kasi", "kepala", "PEM")
        ani = await member(office, "Ani", "staf", "PEM")
        await new_activity(
            kasi,
            title="Apel Pagi Khusus",
            when="besok 08:00",
            duration="1 jam",
            audience=("Seksi Pemerintahan",),
        )
        await ani.wait_for("Undangan pelatihan")
        activity = await latest_activity(office)
        rows = await activity_reminders.of_activity(office.db, activity.id)
        assert [(r.kind, r.offset_minutes) for r in rows] == [
            ("reminder", 60),
            ("reminder", 30),
            ("checklist", 0),
        ]
        await office.advance(hours=22)  # Thu 26 Nov 07:00
        assert "dalam 1 jam" in (await ani.wait_for(REMINDER)).text
        await office.advance(minutes=30)
        assert "dalam 30 menit" in (await ani.wait_for(REMINDER)).text
    finally:
        await office.bot.stop()


async def test_offsets_already_past_are_not_planned(office: OfficeEnv) -> None:
    kasi = await member(office, "Kasi", "kepala", "PEM")
    await new_activity(
        kasi,
        title="Rapat Kerja Besok",
        when="besok 10:00",
        duration="1 jam",
        audience=("Seksi Pemerintahan",),
    )
    activity = await latest_activity(office)
    rows = await activity_reminders.of_activity(office.db, activity.id)
    # Thursday 10:00 is 25 hours away: the 3-day offset is already past, not planned.
    assert [(r.kind, r.offset_minutes) for r in rows] == [
        ("reminder", 1440),
        ("reminder", 120),
        ("checklist", 0),
    ]


async def test_a_reminder_that_cannot_be_handled_is_recorded_as_failed_once(
    office: OfficeEnv,
) -> None:
    """A due row the bot cannot handle (here: an activity of a kind it does not know,
    written past the CHECK by hand) is claimed as missed with a timeline event, so the job
    neither spins on it nor stops the other activities' reminders."""
    kasi = await member(office, "Kasi", "kepala", "PEM")
    ani = await member(office, "Ani", "staf", "PEM")
    await new_activity(kasi, title="Bimtek Arsip Digital", audience=("Seksi Pemerintahan",))
    await ani.wait_for("Undangan pelatihan")
    activity = await latest_activity(office)
    async with office.db.transaction() as tx:
        if tx.dialect.postgresql:  # this test's own database: the CHECK may go
            await tx.execute("ALTER TABLE activities DROP CONSTRAINT activities_kind_check")
        else:
            await tx.execute("PRAGMA ignore_check_constraints = ON")
        await tx.execute("UPDATE activities SET kind = 'lokakarya' WHERE id = ?", (activity.id,))
        if not tx.dialect.postgresql:
            await tx.execute("PRAGMA ignore_check_constraints = OFF")

    await office.advance(days=7)  # Wed 2 Dec 09:00: the 3-day reminder is due
    await office.world.settle()
    assert count(ani, REMINDER) == 0
    rows = await activity_reminders.of_activity(office.db, activity.id)
    assert [(r.offset_minutes, r.state) for r in rows if r.kind == "reminder"] == [
        (4320, "missed"),
        (1440, "pending"),
        (120, "pending"),
    ]
    failed = await office.db.fetchall(
        "SELECT data FROM activity_events WHERE activity_id = ? AND kind = 'reminder_failed'",
        (activity.id,),
    )
    assert [r["data"] for r in failed] == ['{"offset": 4320, "reminder_kind": "reminder"}']
