"""What staff do to a complaint (bot/complaints/actions.py): each change checks the
presser's right on the server, records its event, tells the reporter in the unit's name,
edits the live alerts and re-plans the deadline checks, in one transaction."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.complaints import actions
from bot.complaints.checks import JOB_NAME
from bot.complaints.rules import InvalidTransition, Status
from bot.core.errors import MovedAway, NotAllowed
from bot.people import directory
from storage.complaints import prompts, records
from tests.services.complaint_steps import RESOLUTION, Case, open_case
from tests.services.office import WIB, ServiceOffice


@pytest.fixture
async def case(office: ServiceOffice) -> Case:
    return await open_case(office)


async def test_accepting_assigns_acknowledges_and_tells_the_reporter_in_the_units_name(
    case: Case,
) -> None:
    office = case.office
    after = await office.mark()
    await office.advance(hours=2)
    accepted = await actions.accept(office.runtime, case.staf, case.complaint.id)

    assert accepted.status == Status.DITERIMA
    assert accepted.assignee_id == case.staf.telegram_id
    assert accepted.acknowledged_at == office.runtime.now()
    assert accepted.ack_on_time == 1
    assert accepted.ack_work_seconds == 2 * 3600
    (told,) = await office.told(case.citizen.telegram_id, "cz.accepted", after=after)
    assert case.complaint.number in told and "Seksi Pembangunan" in told
    assert "Budi" not in told  # signed by the unit, never by the officer
    edits = [s for s in await office.sent(case.group, after=after) if s.method == "editMessageText"]
    assert len(edits) == 1 and "Budi" in edits[0].text  # the alert shows who handles it
    kinds = [e.kind for e in await records.timeline(office.db, case.complaint.id, public_only=True)]
    assert kinds == ["created", "accepted"]


async def test_accepting_moves_the_armed_check_to_the_resolution_deadline(case: Case) -> None:
    await case.accepted()
    # 75 % of 10 working days (60 of 80 working hours) after Wednesday 25 November 09:00.
    assert await case.office.armed(JOB_NAME) == datetime(2026, 12, 4, 13, 0, tzinfo=WIB)


@pytest.mark.parametrize("who", ["outsider", "citizen"])
async def test_only_the_handling_unit_may_accept(case: Case, who: str) -> None:
    async with case.office.unchanged():
        with pytest.raises(NotAllowed):
            await actions.accept(case.office.runtime, getattr(case, who), case.complaint.id)


async def test_a_supervisor_may_act_for_any_unit(case: Case) -> None:
    accepted = await actions.accept(case.office.runtime, case.camat, case.complaint.id)
    assert accepted.assignee_id == case.camat.telegram_id


async def test_a_second_accept_is_an_invalid_transition_and_changes_nothing(case: Case) -> None:
    await case.accepted()
    async with case.office.unchanged():
        with pytest.raises(InvalidTransition):
            await actions.accept(case.office.runtime, case.kepala, case.complaint.id)


async def test_a_public_answer_reaches_the_reporter_escaped_and_moves_to_diproses(
    case: Case,
) -> None:
    office = case.office
    after = await office.mark()
    text = "Sudah dicek <b>petugas</b> & akan diganti besok."
    answered = await actions.reply(office.runtime, case.staf, case.complaint.id, text)

    assert answered.status == Status.DIPROSES
    assert answered.first_response_at == office.runtime.now()
    assert answered.acknowledged_at is not None  # the first answer acknowledges too
    (told,) = await office.told(case.citizen.telegram_id, "cz.reply", after=after)
    assert text in told  # shown as typed: the HTML was escaped, not interpreted
    (event,) = [
        e
        for e in await records.timeline(office.db, case.complaint.id, public_only=True)
        if e.kind == "public_reply"
    ]
    assert event.body == text and event.actor_id == case.staf.telegram_id


async def test_an_internal_note_never_reaches_the_reporter(case: Case) -> None:
    office = case.office
    after = await office.mark()
    await actions.note(office.runtime, case.staf, case.complaint.id, "Cek dulu dengan kelurahan.")

    assert await office.sent(case.citizen.telegram_id, after=after) == []
    assert (await case.now()).status == Status.BARU
    public = await records.timeline(office.db, case.complaint.id, public_only=True)
    every = await records.timeline(office.db, case.complaint.id, public_only=False)
    assert "internal_note" not in [e.kind for e in public]
    assert [e.body for e in every if e.kind == "internal_note"] == ["Cek dulu dengan kelurahan."]


async def test_asking_the_citizen_stops_the_deadline_checks(case: Case) -> None:
    office = case.office
    after = await office.mark()
    asked = await actions.ask_info(
        office.runtime, case.staf, case.complaint.id, "Di depan sekolah yang mana?"
    )

    assert asked.status == Status.MENUNGGU_WARGA
    assert asked.status_before_wait == Status.BARU
    assert asked.paused_at == office.runtime.now()
    (question,) = await office.told(case.citizen.telegram_id, "cz.question", after=after)
    assert "Di depan sekolah yang mana?" in question
    after = await office.mark()
    await office.advance(days=2)  # past the 75 % point and the acknowledgement deadline
    assert await office.texts(case.group, after=after) == []
    assert await office.texts(case.kepala.telegram_id, after=after) == []


async def test_reassigning_moves_the_alert_and_keeps_the_promised_resolution(case: Case) -> None:
    office = case.office
    trantib = await office.bind_group("TRANTIB")
    await office.advance(hours=1)
    after = await office.mark()
    moved = await actions.reassign(
        office.runtime, case.staf, case.complaint.id, "TRANTIB", "Ini urusan ketertiban."
    )

    assert (moved.unit_code, moved.status, moved.assignee_id) == ("TRANTIB", Status.BARU, None)
    assert moved.resolve_due_at == case.complaint.resolve_due_at
    assert office.when(moved.ack_due_at) == datetime(2026, 11, 26, 10, 0, tzinfo=WIB)
    old_group = await office.sent(case.group, after=after)
    assert [s.method for s in old_group] == ["editMessageText"]
    assert old_group[0].buttons == ()  # the old alert loses its buttons
    assert len(await office.texts(trantib, after=after)) == 1
    assert await office.told(case.citizen.telegram_id, "cz.reassigned", after=after)
    with pytest.raises(MovedAway):  # the old unit learns where it went
        await actions.accept(office.runtime, case.staf, case.complaint.id)


async def test_a_complaint_cannot_be_reassigned_to_its_own_unit(case: Case) -> None:
    async with case.office.unchanged():
        with pytest.raises(NotAllowed):
            await actions.reassign(
                case.office.runtime, case.staf, case.complaint.id, "PEMB", "Salah unit rupanya."
            )


async def test_a_resolution_note_that_is_too_short_is_refused(case: Case) -> None:
    await case.accepted()
    async with case.office.unchanged():
        with pytest.raises(actions.TooShort):
            await actions.resolve(case.office.runtime, case.staf, case.complaint.id, "  beres ")


async def test_resolving_asks_the_reporter_for_a_rating_and_plans_the_auto_close(
    case: Case,
) -> None:
    office = case.office
    await case.accepted()
    after = await office.mark()
    resolved = await actions.resolve(office.runtime, case.staf, case.complaint.id, RESOLUTION)

    assert resolved.status == Status.SELESAI
    assert resolved.resolution_note == RESOLUTION
    assert resolved.resolve_on_time == 1
    (message,) = [
        s
        for s in await office.sent(case.citizen.telegram_id, after=after)
        if s.method == "sendMessage"
    ]
    assert RESOLUTION in message.text
    assert len(message.buttons) == 6  # five ratings and "not solved yet"
    # Auto-close 10 working days after Wednesday 25 November 09:00.
    assert await office.armed(JOB_NAME) == datetime(2026, 12, 9, 9, 0, tzinfo=WIB)


async def test_a_brief_reply_is_held_until_someone_decides(case: Case) -> None:
    office = case.office
    after = await office.mark()
    await actions.hold_brief_reply(
        office.runtime, case.staf, case.complaint.id, case.group, 555, None, "ok siap"
    )
    assert await office.sent(case.citizen.telegram_id, after=after) == []
    (question,) = await office.told(case.group, "grp.brief_ask", after=after)
    assert "Budi" in question

    with pytest.raises(NotAllowed):  # another unit's officer cannot send it
        await actions.decide_brief_reply(
            office.runtime, case.outsider, case.complaint.id, case.group, 555, send=True
        )
    await actions.decide_brief_reply(
        office.runtime, case.kepala, case.complaint.id, case.group, 555, send=True
    )
    (told,) = await office.told(case.citizen.telegram_id, "cz.reply", after=after)
    assert "ok siap" in told
    assert await prompts.get(office.db, case.group, 555) is None
    (event,) = [
        e
        for e in await records.timeline(office.db, case.complaint.id, public_only=True)
        if e.kind == "public_reply"
    ]
    assert event.data["written_by"] == case.staf.telegram_id

    with pytest.raises(actions.AlreadyDecided):  # a second press
        await actions.decide_brief_reply(
            office.runtime, case.kepala, case.complaint.id, case.group, 555, send=False
        )


async def test_a_brief_reply_kept_as_a_note_stays_internal(case: Case) -> None:
    office = case.office
    await actions.hold_brief_reply(
        office.runtime, case.staf, case.complaint.id, case.group, 556, None, "👍"
    )
    after = await office.mark()
    await actions.decide_brief_reply(
        office.runtime, case.staf, case.complaint.id, case.group, 556, send=False
    )
    assert await office.sent(case.citizen.telegram_id, after=after) == []
    notes = [
        e.body
        for e in await records.timeline(office.db, case.complaint.id, public_only=False)
        if e.kind == "internal_note"
    ]
    assert notes == ["👍"]


async def test_an_answer_to_a_reporter_who_blocked_the_bot_is_kept_not_queued(
    case: Case,
) -> None:
    office = case.office
    await directory.mark_unreachable(office.runtime, case.citizen.telegram_id, "blocked")
    after = await office.mark()
    await actions.reply(office.runtime, case.staf, case.complaint.id, "Sedang kami kerjakan.")

    assert await actions.reporter_unreachable(office.runtime, await case.now())
    assert await office.sent(case.citizen.telegram_id, after=after) == []
    kinds = [e.kind for e in await records.timeline(office.db, case.complaint.id, public_only=True)]
    assert "public_reply" in kinds  # in the timeline, for /status
