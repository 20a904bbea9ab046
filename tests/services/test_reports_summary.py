"""Supervisor reports (bot/reports/summary.py): rights for every call, and the figures as
the complaint services left them (SQL aggregates over the rows those services wrote)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.complaints import actions, followup
from bot.core.errors import NotAllowed
from bot.core.periods import month_period
from bot.reports import summary
from tests.services.complaint_steps import RESOLUTION, Case, open_case
from tests.services.office import WIB, ServiceOffice

NOVEMBER = month_period(2026, 11)


@pytest.fixture
async def case(office: ServiceOffice) -> Case:
    return await open_case(office)


async def _late_trantib(case: Case) -> int:
    """A complaint of TRANTIB that nobody accepts: late from Thursday 09:00."""
    late = await case.office.file(case.citizen, "TRANTIB", "Pedagang menutup trotoar di pasar.")
    return late.id


@pytest.mark.parametrize("role", ["staf", "kepala"])
async def test_office_wide_reports_are_for_supervisors_and_admins(case: Case, role: str) -> None:
    office = case.office
    someone = getattr(case, role)
    with pytest.raises(NotAllowed):
        await summary.summary(office.runtime, someone, NOVEMBER)
    with pytest.raises(NotAllowed):
        await summary.unit_ranking(office.runtime, someone, NOVEMBER)
    with pytest.raises(NotAllowed):
        await summary.overdue_list(office.runtime, someone)
    for chief in (case.camat, office.admin):
        assert (await summary.summary(office.runtime, chief, NOVEMBER)).current.tally.received


async def test_a_unit_head_reads_the_scorecard_of_their_own_unit_only(case: Case) -> None:
    office = case.office
    own = await summary.scorecard(office.runtime, case.kepala, NOVEMBER, "PEMB")
    assert own.unit_code == "PEMB" and own.current.tally.received == 1
    with pytest.raises(NotAllowed):
        await summary.scorecard(office.runtime, case.kepala, NOVEMBER, "TRANTIB")
    with pytest.raises(NotAllowed):
        await summary.scorecard(office.runtime, case.staf, NOVEMBER, "PEMB")
    with pytest.raises(summary.UnknownUnit):
        await summary.scorecard(office.runtime, case.camat, NOVEMBER, "XYZ")


async def test_the_summary_counts_what_the_services_did(case: Case) -> None:
    office = case.office
    await office.advance(hours=2)
    await case.accepted()  # 2 working hours: on time
    await actions.resolve(office.runtime, case.staf, case.complaint.id, RESOLUTION)
    await followup.rate(office.runtime, case.citizen, case.complaint.id, 4)
    await _late_trantib(case)
    await office.at(datetime(2026, 11, 27, 9, 0, tzinfo=WIB))

    found = await summary.summary(office.runtime, case.camat, NOVEMBER)
    tally = found.current.tally
    assert (tally.received, tally.ack_known, tally.ack_on_time) == (2, 1, 1)
    assert (tally.resolve_known, tally.resolve_on_time, tally.rated) == (1, 1, 1)
    assert found.current.ack_median == 2 * 3600
    assert found.current.rating == 4
    assert found.by_unit == {"PEMB": 1, "TRANTIB": 1}
    assert found.by_status == {"ditutup": 1, "baru": 1}
    assert found.by_category == {"INFRA": 1, "TRANTIB": 1}
    assert found.overdue == 1
    assert found.previous.tally.received == 0


async def test_the_overdue_list_names_the_late_complaint_and_its_lateness(case: Case) -> None:
    office = case.office
    await case.accepted()
    late_id = await _late_trantib(case)
    await office.at(datetime(2026, 11, 27, 9, 0, tzinfo=WIB))  # one working day late

    found = await summary.overdue_list(office.runtime, case.camat)
    assert found.total == 1
    (item,) = found.shown
    assert (item.id, item.unit_code, item.missed) == (late_id, "TRANTIB", "ack")
    assert summary.lateness(office.runtime, item, found.now) == timedelta(hours=8)
    assert (await summary.overdue_list(office.runtime, case.camat, "PEMB")).total == 0


async def test_waiting_for_the_citizen_is_not_overdue(case: Case) -> None:
    office = case.office
    await actions.ask_info(office.runtime, case.staf, case.complaint.id, "Alamat lengkapnya?")
    await office.advance(days=20)
    assert (await summary.overdue_list(office.runtime, case.camat)).total == 0


async def test_a_conduct_complaint_about_the_viewers_unit_stays_out_of_their_overdue_list(
    case: Case,
) -> None:
    office = case.office
    sekcam = await office.staff("Sekcam", "supervisor", "PEMB")
    await case.accepted()
    conduct = await office.file(
        case.citizen, "PERILAKU", "Petugas seksi membentak warga.", named_unit="PEMB"
    )
    await office.at(datetime(2026, 11, 27, 9, 0, tzinfo=WIB))

    assert [i.number for i in (await summary.overdue_list(office.runtime, case.camat)).shown] == [
        conduct.number
    ]
    withheld = await summary.overdue_list(office.runtime, sekcam)
    assert (withheld.total, withheld.shown) == (0, [])
    assert (await summary.summary(office.runtime, sekcam, NOVEMBER)).overdue == 0


async def test_the_ranking_shows_every_unit_with_its_late_complaints(case: Case) -> None:
    office = case.office
    await case.accepted()
    await _late_trantib(case)
    await office.at(datetime(2026, 11, 27, 9, 0, tzinfo=WIB))

    ranking = await summary.unit_ranking(office.runtime, case.camat, NOVEMBER)
    standings = {s.unit_code: s for s in ranking.standings}
    assert set(standings) == {u.code for u in office.runtime.office.units}
    assert (standings["TRANTIB"].overdue, standings["PEMB"].overdue) == (1, 0)
    assert standings["PEMB"].figures.tally.received == 1


async def test_the_scorecard_shows_who_of_the_unit_uses_the_bot(case: Case) -> None:
    office = case.office
    await case.accepted()  # Budi acted; Rina (kepala) did not
    card = await summary.scorecard(office.runtime, case.kepala, NOVEMBER, "PEMB")
    assert card.adoption is not None
    assert (card.adoption.registered, card.adoption.active) == (2, 1)
