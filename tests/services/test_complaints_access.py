"""Who sees and who acts on a complaint (bot/complaints/rules.py, applied by every
service): above all, a complaint about an officer's conduct never reaches the unit it is
about, whichever step would tell them (alert, views, escalation, reassignment)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.complaints import actions, views
from bot.core.errors import NotAllowed, NotFound
from bot.people.directory import Actor
from storage.complaints.records import Complaint
from tests.services.office import ServiceOffice

ABOUT_AN_OFFICER = "Petugas meminta uang untuk mempercepat surat keterangan."


@dataclass
class Conduct:
    complaint: Complaint
    citizen: Actor
    pemb_group: int
    sekret_group: int
    pemb_kepala: Actor
    sekret_staf: Actor
    sekret_kepala: Actor
    camat: Actor


async def _conduct(office: ServiceOffice, about: str) -> Conduct:
    pemb_group = await office.bind_group("PEMB")
    sekret_group = await office.bind_group("SEKRET")
    pemb_kepala = await office.staff("Rina", "kepala", "PEMB")
    sekret_staf = await office.staff("Dedi", "staf", "SEKRET")
    sekret_kepala = await office.staff("Wati", "kepala", "SEKRET")
    camat = await office.staff("Camat", "supervisor")
    citizen = await office.citizen("Siti")
    complaint = await office.file(citizen, "PERILAKU", ABOUT_AN_OFFICER, named_unit=about)
    return Conduct(
        complaint,
        citizen,
        pemb_group,
        sekret_group,
        pemb_kepala,
        sekret_staf,
        sekret_kepala,
        camat,
    )


async def test_a_conduct_complaint_goes_to_the_secretariat_and_the_supervisors_only(
    office: ServiceOffice,
) -> None:
    case = await _conduct(office, about="PEMB")
    assert (case.complaint.unit_code, case.complaint.named_unit_code) == ("SEKRET", "PEMB")
    assert await office.sent(case.pemb_group) == []
    assert len(await office.texts(case.sekret_group)) == 1
    to_camat = await office.texts(case.camat.telegram_id)
    assert [text for text in to_camat if case.complaint.number in text]
    assert not [t for t in await office.texts(case.pemb_kepala.telegram_id) if "MRL-" in t]


async def test_officers_of_the_unit_it_is_about_can_neither_see_nor_act(
    office: ServiceOffice,
) -> None:
    case = await _conduct(office, about="PEMB")
    async with office.unchanged():
        with pytest.raises(NotFound):
            await views.status(office.runtime, case.pemb_kepala, case.complaint.number)
        with pytest.raises(NotFound):
            await views.ticket(office.runtime, case.pemb_kepala, case.complaint.number)
        with pytest.raises(NotAllowed):
            await actions.accept(office.runtime, case.pemb_kepala, case.complaint.id)
    accepted = await actions.accept(office.runtime, case.sekret_staf, case.complaint.id)
    assert accepted.assignee_id == case.sekret_staf.telegram_id


async def test_a_supervisor_from_that_unit_is_left_out_too(office: ServiceOffice) -> None:
    supervisor = await office.staff("Sekcam", "supervisor", "PEMB")
    case = await _conduct(office, about="PEMB")
    assert not [t for t in await office.texts(supervisor.telegram_id) if "MRL-" in t]
    with pytest.raises(NotAllowed):
        await actions.accept(office.runtime, supervisor, case.complaint.id)
    queue = await views.queue(office.runtime, supervisor)
    assert case.complaint.number not in [c.number for c in queue.complaints]


async def test_about_the_secretariat_itself_only_the_supervisors_hear_of_it(
    office: ServiceOffice,
) -> None:
    case = await _conduct(office, about="SEKRET")
    assert case.complaint.unit_code == "SEKRET"
    assert await office.sent(case.sekret_group) == []
    with pytest.raises(NotAllowed):
        await actions.accept(office.runtime, case.sekret_kepala, case.complaint.id)
    await office.advance(days=1)  # the acknowledgement deadline passes
    assert await office.told(case.camat.telegram_id, "esc.ack_breach")
    assert await office.told(case.sekret_kepala.telegram_id, "esc.ack_breach") == []
    assert await office.sent(case.sekret_group) == []  # nor its reminder


async def test_it_cannot_be_handed_to_the_unit_it_is_about(office: ServiceOffice) -> None:
    case = await _conduct(office, about="PEMB")
    assert "PEMB" not in actions.reassign_choices(office.runtime, case.complaint)
    async with office.unchanged():
        with pytest.raises(NotAllowed):
            await actions.reassign(
                office.runtime, case.sekret_staf, case.complaint.id, "PEMB", "Biar unitnya urus."
            )


async def test_the_units_queue_and_group_leave_it_out(office: ServiceOffice) -> None:
    case = await _conduct(office, about="PEMB")
    ordinary = await office.file(case.citizen, "INFRA")
    queue = await views.queue(office.runtime, case.pemb_kepala)
    assert [c.number for c in queue.complaints] == [ordinary.number]
    with pytest.raises(views.NotHere):  # not even in the secretariat's group by a PEMB head
        await views.ticket(
            office.runtime, case.pemb_kepala, case.complaint.number, case.sekret_group
        )


async def test_another_citizen_learns_nothing_not_even_that_it_exists(
    office: ServiceOffice,
) -> None:
    case = await _conduct(office, about="PEMB")
    neighbour = await office.citizen("Joko")
    with pytest.raises(NotFound):
        await views.status(office.runtime, neighbour, case.complaint.number)
    with pytest.raises(NotFound):
        await views.status(office.runtime, neighbour, "MRL-2611-0999")
    own = await views.status(office.runtime, case.citizen, case.complaint.number.lower())
    assert own.complaint.id == case.complaint.id  # the reporter, typing it loosely
