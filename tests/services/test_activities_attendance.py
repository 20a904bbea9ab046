"""Attendance after an activity (bot/activities/attendance.py): the checklist reaches the
organiser when it ends, is saved once, and a training credits its JP to each attendee for
the local year it took place in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from bot.activities import attendance, changes
from bot.activities.rules import Kind
from bot.core.errors import NotAllowed
from bot.people.directory import Actor
from storage.activities import invitations, jp, records
from storage.activities.records import Activity
from tests.services.activity_steps import MONDAY, saved
from tests.services.office import WIB, ServiceOffice

END = MONDAY + timedelta(hours=3)


@dataclass
class Training:
    activity: Activity
    head: Actor
    budi: Actor
    ani: Actor
    tono: Actor


async def _training(office: ServiceOffice, **kwargs: object) -> Training:
    """Rina (kepala PEMB) organises it for PEMB; Budi says he will come, Ani does not
    answer; Tono is of another unit."""
    head = await office.staff("Rina", "kepala", "PEMB")
    budi = await office.staff("Budi", "staf", "PEMB")
    ani = await office.staff("Ani", "staf", "PEMB")
    tono = await office.staff("Tono", "staf", "TRANTIB")
    activity = await saved(office, head, **kwargs)  # type: ignore[arg-type]
    await changes.rsvp(office.runtime, budi, activity.id, going=True)
    return Training(activity, head, budi, ani, tono)


async def test_the_checklist_reaches_the_organiser_when_the_activity_ends(
    office: ServiceOffice,
) -> None:
    training = await _training(office)
    after = await office.mark()
    await office.at(END - timedelta(minutes=1))
    assert await office.told(training.head.telegram_id, "att.title", after=after) == []

    await office.at(END)
    (checklist,) = [
        s
        for s in await office.sent(training.head.telegram_id, after=after)
        if s.method == "sendMessage"
    ]
    assert len(checklist.buttons) == 3  # one toggle per invited person, then "Simpan"
    ticked = {
        i.person_id
        for i in await invitations.of_activity(office.db, training.activity.id)
        if i.checked
    }
    assert ticked == {training.budi.telegram_id}  # those who said they would come
    kinds = [e.kind for e in await records.events(office.db, training.activity.id)]
    assert "checklist_sent" in kinds


async def test_the_checklist_does_not_open_before_the_end(office: ServiceOffice) -> None:
    training = await _training(office)
    await office.at(END - timedelta(minutes=1))
    with pytest.raises(attendance.NotEnded):
        await attendance.view(office.runtime, training.head, training.activity.id)


async def test_saving_credits_the_jp_to_each_attendee_and_tells_them(
    office: ServiceOffice,
) -> None:
    training = await _training(office)
    await office.at(END)
    await attendance.toggle(
        office.runtime, training.head, training.activity.id, training.ani.telegram_id
    )
    after = await office.mark()
    result = await attendance.save(office.runtime, training.head, training.activity.id)

    assert (result.attended, result.invited) == (2, 2)
    for person in (training.budi, training.ani):
        assert await jp.total(office.db, person.telegram_id, 2026) == 4
        (told,) = await office.told(person.telegram_id, "att.credited", after=after)
        assert "Pelatihan Pelayanan Prima" in told
    assert await jp.total(office.db, training.tono.telegram_id, 2026) == 0
    assert await jp.total(office.db, training.head.telegram_id, 2026) == 0
    (event,) = [
        e for e in await records.events(office.db, training.activity.id) if e.kind == "attendance"
    ]
    assert (event.actor_id, event.data) == (
        training.head.telegram_id,
        {"attended": 2, "invited": 2},
    )


async def test_an_absentee_gets_no_jp(office: ServiceOffice) -> None:
    training = await _training(office)
    await office.at(END)
    await attendance.toggle(  # Budi said yes but did not come
        office.runtime, training.head, training.activity.id, training.budi.telegram_id
    )
    result = await attendance.save(office.runtime, training.head, training.activity.id)
    assert result.attended == 0
    assert await jp.total(office.db, training.budi.telegram_id, 2026) == 0


async def test_attendance_is_saved_once(office: ServiceOffice) -> None:
    training = await _training(office)
    await office.at(END)
    await attendance.save(office.runtime, training.head, training.activity.id)
    async with office.unchanged():
        with pytest.raises(attendance.AlreadySaved):
            await attendance.save(office.runtime, training.head, training.activity.id)
        with pytest.raises(attendance.AlreadySaved):
            await attendance.toggle(
                office.runtime, training.head, training.activity.id, training.ani.telegram_id
            )


async def test_only_the_organiser_or_a_supervisor_takes_attendance(office: ServiceOffice) -> None:
    training = await _training(office)
    camat = await office.staff("Camat", "supervisor")
    await office.at(END)
    async with office.unchanged():
        with pytest.raises(NotAllowed):
            await attendance.toggle(
                office.runtime, training.budi, training.activity.id, training.budi.telegram_id
            )
        with pytest.raises(NotAllowed):
            await attendance.save(office.runtime, training.budi, training.activity.id)
    result = await attendance.save(office.runtime, camat, training.activity.id)
    assert result.attended == 1


async def test_someone_not_invited_cannot_be_ticked(office: ServiceOffice) -> None:
    training = await _training(office)
    await office.at(END)
    async with office.unchanged():
        with pytest.raises(NotAllowed):
            await attendance.toggle(
                office.runtime, training.head, training.activity.id, training.tono.telegram_id
            )


async def test_a_forum_credits_no_jp(office: ServiceOffice) -> None:
    training = await _training(office, kind=Kind.FORUM, title="Rapat Koordinasi")
    await office.at(END)
    after = await office.mark()
    result = await attendance.save(office.runtime, training.head, training.activity.id)
    assert result.attended == 1
    assert await jp.total(office.db, training.budi.telegram_id, 2026) == 0
    assert await office.told(training.budi.telegram_id, "att.credited", after=after) == []


async def test_a_cancelled_activity_has_no_checklist(office: ServiceOffice) -> None:
    training = await _training(office)
    await changes.cancel(office.runtime, training.head, training.activity.id)
    await office.at(END)
    with pytest.raises(NotAllowed):
        await attendance.view(office.runtime, training.head, training.activity.id)


async def test_the_jp_count_in_the_local_year_of_the_training(office: ServiceOffice) -> None:
    """A training on New Year's Eve that ends after midnight, its attendance saved in
    January: the JP count for the year it took place in."""
    new_years_eve = datetime(2026, 12, 31, 22, 0, tzinfo=WIB)
    training = await _training(office, starts=new_years_eve, cost=0)
    await office.at(datetime(2027, 1, 4, 9, 0, tzinfo=WIB))
    await attendance.save(office.runtime, training.head, training.activity.id)
    assert await jp.total(office.db, training.budi.telegram_id, 2026) == 4
    assert await jp.total(office.db, training.budi.telegram_id, 2027) == 0
