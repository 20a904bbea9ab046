"""Creating an activity (bot/activities/create.py): who may, the budget check, and saving
with its invitations and reminder rows in one transaction; invitations then follow
membership (bot/activities/audience.py) and reminders go out on the fake clock."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.activities import changes, create, reminders
from bot.activities.input import InputError
from bot.activities.rules import Kind
from bot.core.clock import to_epoch
from bot.core.errors import NotAllowed
from bot.people import admin
from storage.activities import invitations, records
from storage.activities import reminders as reminder_rows
from tests.services.activity_steps import MONDAY, draft, saved
from tests.services.office import WIB, ServiceOffice


async def _invited(office: ServiceOffice, activity_id: int) -> set[int]:
    return {i.person_id for i in await invitations.of_activity(office.db, activity_id)}


async def test_a_staf_may_not_organise(office: ServiceOffice) -> None:
    staf = await office.staff("Budi", "staf", "PEMB")
    async with office.unchanged():
        with pytest.raises(NotAllowed):
            await create.save(office.runtime, staf, draft(), confirmed=False)


async def test_saving_invites_the_units_staff_and_plans_its_reminders(
    office: ServiceOffice,
) -> None:
    head = await office.staff("Rina", "kepala", "PEMB")
    budi = await office.staff("Budi", "staf", "PEMB")
    ani = await office.staff("Ani", "staf", "PEMB")
    tono = await office.staff("Tono", "staf", "TRANTIB")
    after = await office.mark()
    activity = await saved(office, head)

    assert (activity.kind, activity.jp, activity.organiser_id) == (
        Kind.PELATIHAN,
        4,
        head.telegram_id,
    )
    assert await records.units_of(office.db, activity.id) == ["PEMB"]
    assert await _invited(office, activity.id) == {budi.telegram_id, ani.telegram_id}
    for person in (budi, ani):
        (invitation,) = await office.sent(person.telegram_id, after=after)
        assert "Pelatihan Pelayanan Prima" in invitation.text
        assert len(invitation.buttons) == 2  # "Hadir" and "Tidak bisa"
    assert await office.sent(tono.telegram_id, after=after) == []
    assert await office.sent(head.telegram_id, after=after) == []
    rows = await reminder_rows.of_activity(office.db, activity.id)
    planned = {(r.kind, r.offset_minutes): office.when(r.due_at) for r in rows}
    assert planned == {
        ("reminder", 3 * 1440): MONDAY - timedelta(days=3),
        ("reminder", 1440): MONDAY - timedelta(days=1),
        ("reminder", 120): MONDAY - timedelta(hours=2),
        ("checklist", 0): MONDAY + timedelta(hours=3),
    }
    (event,) = await records.events(office.db, activity.id)
    assert (event.kind, event.data["invited"]) == ("created", 2)


async def test_all_staff_means_every_asn_but_no_citizen(office: ServiceOffice) -> None:
    camat = await office.staff("Camat", "supervisor")
    budi = await office.staff("Budi", "staf", "PEMB")
    tono = await office.staff("Tono", "staf", "TRANTIB")
    head = await office.staff("Rina", "kepala", "PEMB")
    await office.citizen("Siti")
    activity = await saved(office, camat, all_staff=True)
    assert await _invited(office, activity.id) == {
        budi.telegram_id,
        tono.telegram_id,
        head.telegram_id,
    }


async def test_saving_the_same_draft_twice_keeps_one_activity(office: ServiceOffice) -> None:
    head = await office.staff("Rina", "kepala", "PEMB")
    await office.staff("Budi", "staf", "PEMB")
    finished = draft()
    first = await create.save(office.runtime, head, finished, confirmed=False)
    async with office.unchanged():
        again = await create.save(office.runtime, head, finished, confirmed=False)
        assert again.already and again.activity.id == first.activity.id


async def test_an_activity_in_the_past_is_refused(office: ServiceOffice) -> None:
    head = await office.staff("Rina", "kepala", "PEMB")
    async with office.unchanged():
        with pytest.raises(InputError) as refused:
            await saved(office, head, starts=datetime(2026, 11, 24, 9, 0, tzinfo=WIB))
        assert refused.value.reason == "when.past"


async def test_going_over_the_years_budget_needs_a_confirmation(office: ServiceOffice) -> None:
    """25 million rupiah a year (office file); 20 million are committed already."""
    head = await office.staff("Rina", "kepala", "PEMB")
    await saved(office, head, title="Pelatihan Kepemimpinan", cost=20_000_000)
    async with office.unchanged():
        with pytest.raises(create.OverBudget) as refused:
            await saved(office, head, cost=6_000_000)
        assert (refused.value.year, refused.value.budget.remaining) == (2026, 5_000_000)

    confirmed = await saved(office, head, cost=6_000_000, confirmed=True)
    (event,) = await records.events(office.db, confirmed.id)
    assert event.data["over_budget_confirmed"] is True
    # Next year's budget is untouched.
    await saved(office, head, cost=6_000_000, starts=datetime(2027, 1, 11, 9, 0, tzinfo=WIB))


async def test_a_newcomer_is_invited_late_and_a_revoked_officer_loses_the_invitation(
    office: ServiceOffice,
) -> None:
    head = await office.staff("Rina", "kepala", "PEMB")
    budi = await office.staff("Budi", "staf", "PEMB")
    activity = await saved(office, head)

    newcomer = await office.staff("Ani", "staf", "PEMB")
    assert newcomer.telegram_id in await _invited(office, activity.id)
    # The invitation was queued in the transaction of joining.
    assert len(await office.told(newcomer.telegram_id, "act.invite.pelatihan")) == 1

    after = await office.mark()
    await admin.revoke(office.runtime, office.admin, budi.telegram_id)
    assert budi.telegram_id not in await _invited(office, activity.id)
    assert await office.told(budi.telegram_id, "actcor.withdrawn", after=after)
    kinds = [e.kind for e in await records.events(office.db, activity.id)]
    assert kinds == ["created", "invited_late", "invitation_withdrawn"]


async def test_reminders_go_to_those_who_have_not_declined(office: ServiceOffice) -> None:
    head = await office.staff("Rina", "kepala", "PEMB")
    budi = await office.staff("Budi", "staf", "PEMB")
    ani = await office.staff("Ani", "staf", "PEMB")
    activity = await saved(office, head)
    await changes.rsvp(office.runtime, ani, activity.id, going=False)
    assert await office.armed(reminders.JOB_NAME) == MONDAY - timedelta(days=3)

    after = await office.mark()
    await office.at(MONDAY - timedelta(days=3))
    assert len(await office.texts(budi.telegram_id, after=after)) == 1
    assert await office.texts(ani.telegram_id, after=after) == []
    (state,) = [
        r.state
        for r in await reminder_rows.of_activity(office.db, activity.id)
        if r.offset_minutes == 3 * 1440
    ]
    assert state == "sent"


async def test_a_public_forum_invites_the_subscribed_citizens(office: ServiceOffice) -> None:
    camat = await office.staff("Camat", "supervisor")
    siti = await office.citizen("Siti")
    joko = await office.citizen("Joko")
    assert await changes.toggle_subscription(office.runtime, siti)
    forum = await saved(
        office, camat, kind=Kind.FORUM, title="Musrenbang Kelurahan", units=[], public=True
    )
    assert forum.public
    assert await _invited(office, forum.id) == {siti.telegram_id}
    assert joko.telegram_id not in await _invited(office, forum.id)


async def test_a_training_is_never_public(office: ServiceOffice) -> None:
    camat = await office.staff("Camat", "supervisor")
    siti = await office.citizen("Siti")
    await changes.toggle_subscription(office.runtime, siti)
    training = await saved(office, camat, all_staff=True, public=True)  # a forged draft
    assert not training.public
    assert siti.telegram_id not in await _invited(office, training.id)


async def test_cancelling_tells_everyone_and_drops_the_reminders(office: ServiceOffice) -> None:
    head = await office.staff("Rina", "kepala", "PEMB")
    budi = await office.staff("Budi", "staf", "PEMB")
    activity = await saved(office, head)
    with pytest.raises(NotAllowed):
        await changes.cancel(office.runtime, budi, activity.id)

    after = await office.mark()
    await changes.cancel(office.runtime, head, activity.id)
    assert len(await office.texts(budi.telegram_id, after=after)) == 1
    states = {r.state for r in await reminder_rows.of_activity(office.db, activity.id)}
    assert "pending" not in states
    await office.at(MONDAY + timedelta(hours=4))  # past its end: no reminder, no checklist
    assert len(await office.texts(budi.telegram_id, after=after)) == 1
    assert await office.texts(head.telegram_id, after=after) == []
    assert to_epoch(MONDAY) == (await records.get(office.db, activity.id)).starts_at
