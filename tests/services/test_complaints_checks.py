"""Deadline checks (bot/complaints/checks.py) on the fake clock: the 75 % reminder, the
escalation at the deadline, the automatic close, working days with holidays and cuti
bersama. Checks are rows; the job that fires them is armed by the real scheduler and runs
when the test moves the clock."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.complaints import actions, checks, followup
from bot.complaints.rules import Status
from storage.complaints import records
from tests.services.complaint_steps import Case, open_case
from tests.services.office import WIB, ServiceOffice

WEDNESDAY = datetime(2026, 11, 25, 9, 0, tzinfo=WIB)


@pytest.fixture
async def case(office: ServiceOffice) -> Case:
    return await open_case(office)


async def _event_checks(case: Case, kind: str) -> list[str]:
    timeline = await records.timeline(case.office.db, case.complaint.id, public_only=False)
    return [e.data["check"] for e in timeline if e.kind == kind]


async def test_the_group_is_reminded_at_75_percent_of_the_acknowledgement_span(
    case: Case,
) -> None:
    office = case.office
    await office.at(WEDNESDAY.replace(hour=14, minute=59))
    assert await office.told(case.group, "grp.reminder.ack_warn") == []

    await office.advance(minutes=1)
    draw = office.draw()
    expected = office.says(
        "grp.reminder.ack_warn",
        number=case.complaint.number,
        due=draw.when("id", case.complaint.ack_due_at),
        left=draw.duration("id", timedelta(hours=2)),  # 15:00-16:00, then Thursday 08:00-09:00
    )
    assert await office.told(case.group, "grp.reminder.ack_warn") == [expected]
    assert await _event_checks(case, "reminder") == ["ack_warn"]


async def test_a_missed_acknowledgement_goes_to_the_head_and_the_supervisors(case: Case) -> None:
    office = case.office
    after = await office.mark()
    await office.at(WEDNESDAY + timedelta(days=1, minutes=-1))
    assert await office.told(case.kepala.telegram_id, "esc.ack_breach", after=after) == []

    await office.advance(minutes=1)  # Thursday 09:00: one working day
    for chief in (case.kepala, case.camat):
        (told,) = await office.told(chief.telegram_id, "esc.ack_breach", after=after)
        assert case.complaint.number in told
    assert await office.texts(case.staf.telegram_id, after=after) == []
    assert await office.texts(case.outsider.telegram_id, after=after) == []
    assert await _event_checks(case, "escalated") == ["ack_breach"]


async def test_accepting_in_time_cancels_the_acknowledgement_checks(case: Case) -> None:
    office = case.office
    await office.advance(hours=1)
    await case.accepted()
    after = await office.mark()
    await office.advance(days=1, hours=1)  # past the 75 % point and the deadline
    assert await office.told(case.group, "grp.reminder.ack_warn", after=after) == []
    assert await office.told(case.camat.telegram_id, "esc.ack_breach", after=after) == []
    assert await _event_checks(case, "reminder") == []


async def test_a_check_fires_once_even_if_its_job_runs_again(case: Case) -> None:
    office = case.office
    await office.at(WEDNESDAY + timedelta(days=1))  # reminder and escalation both due
    async with office.unchanged():
        assert await checks.run_due(office.runtime) == 0  # a second run, or after a restart
    cycle = case.complaint.cycle
    assert await records.fired_checks(office.db, case.complaint.id) == [
        ("ack_warn", cycle),
        ("ack_breach", cycle),
    ]


async def test_a_reminder_that_fired_late_says_the_deadline_has_passed(case: Case) -> None:
    """The bot was down at the 75 % point: the reminder comes at start, without a "time
    left" that no longer exists, together with the escalation."""
    office = case.office
    await office.at(WEDNESDAY + timedelta(days=1, hours=1))
    expected = office.says(
        "grp.reminder.ack_warn_late",
        number=case.complaint.number,
        due=office.draw().when("id", case.complaint.ack_due_at),
    )
    assert await office.told(case.group, "grp.reminder.ack_warn") == [expected]
    assert await office.told(case.camat.telegram_id, "esc.ack_breach")


async def test_the_resolution_deadline_is_reminded_and_escalated(case: Case) -> None:
    office = case.office
    await case.accepted()
    after = await office.mark()
    # 60 of the 80 working hours: Friday 4 December 13:00.
    await office.at(datetime(2026, 12, 4, 12, 59, tzinfo=WIB))
    assert await office.told(case.group, "grp.reminder.resolve_warn", after=after) == []
    await office.advance(minutes=1)
    assert len(await office.told(case.group, "grp.reminder.resolve_warn", after=after)) == 1

    await office.at(datetime(2026, 12, 9, 9, 0, tzinfo=WIB))
    assert await office.told(case.kepala.telegram_id, "esc.resolve_breach", after=after)
    assert await _event_checks(case, "escalated") == ["resolve_breach"]


@pytest.mark.office_start(datetime(2026, 12, 23, 9, 0, tzinfo=WIB))
async def test_christmas_and_its_cuti_bersama_are_not_working_days(case: Case) -> None:
    """Filed Wednesday 23 December 2026: the 24th (cuti bersama), the 25th (Christmas) and
    the weekend do not count, so one working day ends on Monday the 28th."""
    office = case.office
    assert office.when(case.complaint.ack_due_at) == datetime(2026, 12, 28, 9, 0, tzinfo=WIB)
    await office.at(datetime(2026, 12, 24, 9, 0, tzinfo=WIB))
    assert await office.told(case.camat.telegram_id, "esc.ack_breach") == []
    await office.at(datetime(2026, 12, 28, 9, 0, tzinfo=WIB))
    assert len(await office.told(case.camat.telegram_id, "esc.ack_breach")) == 1


async def test_a_resolved_complaint_closes_itself_after_ten_working_days(case: Case) -> None:
    office = case.office
    await office.advance(hours=1)
    await case.resolved()  # Wednesday 25 November 10:00
    await office.at(datetime(2026, 12, 9, 9, 59, tzinfo=WIB))
    assert (await case.now()).status == Status.SELESAI

    after = await office.mark()
    await office.advance(minutes=1)
    closed = await case.now()
    assert closed.status == Status.DITUTUP
    assert closed.closed_at == office.runtime.now()
    assert closed.rating is None
    assert await office.told(case.citizen.telegram_id, "cz.closed_auto", after=after)
    (event,) = [
        e
        for e in await records.timeline(office.db, case.complaint.id, public_only=True)
        if e.kind == "closed"
    ]
    assert (event.actor_id, event.from_status, event.to_status) == (
        None,
        Status.SELESAI,
        Status.DITUTUP,
    )


async def test_while_waiting_for_the_citizen_the_clock_stops(case: Case) -> None:
    """Asked at Wednesday 10:00, answered Friday 10:00: the 16 working hours of waiting
    are added to the resolution deadline, and the checks follow the new deadline."""
    office = case.office
    await office.advance(hours=1)
    await actions.ask_info(office.runtime, case.staf, case.complaint.id, "Lampu yang mana?")
    await office.at(datetime(2026, 11, 27, 10, 0, tzinfo=WIB))
    relayed = await followup.citizen_message(
        office.runtime, case.citizen, case.complaint.id, "Yang di depan SD Negeri 1."
    )

    assert relayed.answered_question and relayed.delivered
    answered = relayed.complaint
    assert answered.status == Status.DIPROSES
    assert answered.paused_work_seconds == 16 * 3600
    assert office.when(answered.resolve_due_at) == datetime(2026, 12, 11, 9, 0, tzinfo=WIB)
    # The reminder comes when a quarter of the span (20 working hours) is left.
    assert await office.armed(checks.JOB_NAME) == datetime(2026, 12, 8, 13, 0, tzinfo=WIB)
