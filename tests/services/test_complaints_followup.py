"""What the reporter does after filing (bot/complaints/followup.py): rate the resolution,
comment on it, say it is not solved yet, write to the unit. Only the reporter may."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.complaints import checks, followup
from bot.complaints.rules import InvalidTransition, Status
from bot.core.errors import NotAllowed
from storage.complaints import records
from tests.services.complaint_steps import Case, open_case
from tests.services.office import WIB, ServiceOffice


@pytest.fixture
async def case(office: ServiceOffice) -> Case:
    return await open_case(office)


async def _kinds(case: Case) -> list[str]:
    return [
        e.kind for e in await records.timeline(case.office.db, case.complaint.id, public_only=False)
    ]


async def test_rating_a_resolved_complaint_closes_it_and_tells_the_unit(case: Case) -> None:
    office = case.office
    await case.resolved()
    after = await office.mark()
    rated = await followup.rate(office.runtime, case.citizen, case.complaint.id, 5)

    assert (rated.status, rated.rating, rated.rated_at) == (
        Status.DITUTUP,
        5,
        office.runtime.now(),
    )
    assert await office.told(case.group, "grp.rated", after=after)
    assert await office.told(case.camat.telegram_id, "sup.low_rating", after=after) == []
    assert (await _kinds(case))[-2:] == ["rated", "closed"]


async def test_a_low_rating_alerts_the_head_and_the_supervisors(case: Case) -> None:
    office = case.office
    await case.resolved()
    after = await office.mark()
    await followup.rate(office.runtime, case.citizen, case.complaint.id, 2)
    for chief in (case.kepala, case.camat):
        (told,) = await office.told(chief.telegram_id, "sup.low_rating", after=after)
        assert case.complaint.number in told and "2/5" in told
    assert await office.told(case.staf.telegram_id, "sup.low_rating", after=after) == []


@pytest.mark.parametrize("who", ["staf", "camat"])
async def test_only_the_reporter_rates(case: Case, who: str) -> None:
    await case.resolved()
    async with case.office.unchanged():
        with pytest.raises(NotAllowed):
            await followup.rate(case.office.runtime, getattr(case, who), case.complaint.id, 5)


@pytest.mark.parametrize("rating", [0, 6])
async def test_a_forged_rating_is_refused(case: Case, rating: int) -> None:
    await case.resolved()
    async with case.office.unchanged():
        with pytest.raises(NotAllowed):
            await followup.rate(case.office.runtime, case.citizen, case.complaint.id, rating)


async def test_an_open_complaint_cannot_be_rated(case: Case) -> None:
    await case.accepted()
    async with case.office.unchanged():
        with pytest.raises(InvalidTransition):
            await followup.rate(case.office.runtime, case.citizen, case.complaint.id, 4)


async def test_a_rating_may_be_changed_for_24_hours(case: Case) -> None:
    office = case.office
    await case.resolved()
    first = await followup.rate(office.runtime, case.citizen, case.complaint.id, 3)
    await office.advance(hours=23)
    changed = await followup.rate(office.runtime, case.citizen, case.complaint.id, 4)
    assert changed.rating == 4
    assert changed.rated_at == first.rated_at  # the first rating's time stays

    await office.advance(hours=2)
    async with office.unchanged():
        with pytest.raises(followup.RatingLocked):
            await followup.rate(office.runtime, case.citizen, case.complaint.id, 1)


async def test_a_comment_needs_a_rating_and_goes_to_the_unit(case: Case) -> None:
    office = case.office
    await case.resolved()
    with pytest.raises(NotAllowed):
        await followup.comment_rating(office.runtime, case.citizen, case.complaint.id, "Cepat!")
    await followup.rate(office.runtime, case.citizen, case.complaint.id, 5)
    after = await office.mark()
    commented = await followup.comment_rating(
        office.runtime, case.citizen, case.complaint.id, "  Cepat dan ramah, terima kasih.  "
    )
    assert commented.rating_comment == "Cepat dan ramah, terima kasih."
    (told,) = await office.told(case.group, "grp.rated", after=after)
    assert "Cepat dan ramah, terima kasih." in told


async def test_not_solved_yet_reopens_with_a_fresh_deadline_and_a_new_cycle(case: Case) -> None:
    office = case.office
    resolved = await case.resolved()
    await office.advance(days=1)  # Thursday 09:00
    after = await office.mark()
    reopened = await followup.reopen(office.runtime, case.citizen, case.complaint.id)

    assert reopened.status == Status.DIBUKA_KEMBALI
    assert (reopened.reopen_count, reopened.cycle) == (1, resolved.cycle + 1)
    assert reopened.resolved_at is None
    assert office.when(reopened.resolve_due_at) == datetime(2026, 12, 10, 9, 0, tzinfo=WIB)
    assert await office.told(case.group, "grp.reopened", after=after)
    assert await office.told(case.camat.telegram_id, "sup.reopened", after=after)
    # The auto-close of the first round is gone; the checks of the new round are planned.
    assert await office.armed(checks.JOB_NAME) == datetime(2026, 12, 7, 13, 0, tzinfo=WIB)
    await office.at(datetime(2026, 12, 9, 9, 0, tzinfo=WIB))  # the old auto-close moment
    assert (await case.now()).status == Status.DIBUKA_KEMBALI
    assert ("autoclose", resolved.cycle) not in await records.fired_checks(office.db, resolved.id)


async def test_not_solved_yet_after_the_window_is_refused(case: Case) -> None:
    """The complaint closed itself 10 working days after the answer: too late to reopen."""
    office = case.office
    await case.resolved()
    await office.at(datetime(2026, 12, 9, 9, 0, tzinfo=WIB) + timedelta(minutes=1))
    async with office.unchanged():
        with pytest.raises(followup.ReopenWindowClosed):
            await followup.reopen(office.runtime, case.citizen, case.complaint.id)


async def test_not_solved_yet_after_rating_is_refused_as_closed_by_the_rating(case: Case) -> None:
    office = case.office
    await case.resolved()
    await followup.rate(office.runtime, case.citizen, case.complaint.id, 4)
    with pytest.raises(followup.ClosedByRating):
        await followup.reopen(office.runtime, case.citizen, case.complaint.id)


async def test_only_the_reporter_reopens(case: Case) -> None:
    await case.resolved()
    async with case.office.unchanged():
        with pytest.raises(NotAllowed):
            await followup.reopen(case.office.runtime, case.kepala, case.complaint.id)


async def test_a_message_from_the_reporter_is_relayed_to_the_unit(case: Case) -> None:
    office = case.office
    after = await office.mark()
    relayed = await followup.citizen_message(
        office.runtime, case.citizen, case.complaint.id, "Lampunya <kedip> & mati lagi."
    )
    assert not relayed.answered_question and relayed.delivered
    (told,) = await office.told(case.group, "grp.citizen_message", after=after)
    assert "Lampunya <kedip> & mati lagi." in told
    assert (await case.now()).status == Status.BARU
    assert "citizen_message" in await _kinds(case)


async def test_a_file_from_the_reporter_is_copied_without_its_sender(case: Case) -> None:
    office = case.office
    after = await office.mark()
    await followup.citizen_message(
        office.runtime, case.citizen, case.complaint.id, None, file=(case.citizen.telegram_id, 77)
    )
    (copy,) = await office.sent(case.group, after=after)
    assert copy.method == "copyMessage"  # a copy shows no "forwarded from"
    assert case.complaint.number in copy.text and "Siti" not in copy.text


async def test_nothing_is_relayed_about_a_closed_complaint(case: Case) -> None:
    office = case.office
    await case.resolved()
    await followup.rate(office.runtime, case.citizen, case.complaint.id, 5)
    async with office.unchanged():
        with pytest.raises(followup.ComplaintClosed):
            await followup.citizen_message(
                office.runtime, case.citizen, case.complaint.id, "Terima kasih banyak."
            )


async def test_nobody_else_writes_in_the_reporters_name(case: Case) -> None:
    async with case.office.unchanged():
        with pytest.raises(NotAllowed):
            await followup.citizen_message(
                case.office.runtime, case.outsider, case.complaint.id, "Saya juga melihatnya."
            )
