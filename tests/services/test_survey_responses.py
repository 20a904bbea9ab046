"""The SKM survey (bot/survey/responses.py): one response per person per service per
interval, checked again inside the submitting transaction; idempotent "Kirim"; the
invitation when a complaint about a service closes."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from bot.complaints import actions, followup
from bot.core.errors import NotAllowed, NotFound
from bot.core.periods import month_period
from bot.survey import ikm, responses
from bot.survey.rules import UNSUR_KEYS
from storage.core import audit
from storage.privacy import personal_data
from tests.services.complaint_steps import RESOLUTION
from tests.services.office import WIB, ServiceOffice
from tests.services.survey_steps import answered


async def test_a_response_is_stored_with_its_answers_profile_and_audit_entry(
    office: ServiceOffice,
) -> None:
    citizen = await office.citizen("Siti")
    submitted = await responses.submit(office.runtime, citizen, answered("KTP", 3))

    assert not submitted.duplicate
    assert submitted.service.code == "KTP"
    assert submitted.next_at == office.clock.now() + timedelta(days=30)
    (stored,) = await personal_data.survey_responses(office.db, citizen.telegram_id)
    assert (stored.service_code, stored.unit_code) == ("KTP", "PELAYANAN")
    assert stored.answers == dict.fromkeys(UNSUR_KEYS, 3)
    assert (stored.gender, stored.suggestion) == ("L", "Antrean di loket PATEN terlalu lama.")
    (entry,) = await audit.entries(office.db, "survey.submitted")
    assert (entry.actor_id, entry.details["service"]) == (citizen.telegram_id, "KTP")


async def test_sending_the_same_survey_twice_keeps_the_first(office: ServiceOffice) -> None:
    citizen = await office.citizen("Siti")
    draft = answered()
    first = await responses.submit(office.runtime, citizen, draft)
    async with office.unchanged():
        again = await responses.submit(office.runtime, citizen, draft)
        assert again.duplicate and again.response_id == first.response_id


async def test_one_response_per_service_per_interval(office: ServiceOffice) -> None:
    citizen = await office.citizen("Siti")
    await responses.submit(office.runtime, citizen, answered("KTP"))
    await office.advance(days=29)

    with pytest.raises(responses.TooSoon):  # when the service is chosen
        await responses.check_may_answer(office.runtime, citizen, "KTP")
    async with office.unchanged():
        with pytest.raises(responses.TooSoon):  # and again when the draft is sent
            await responses.submit(office.runtime, citizen, answered("KTP"))

    await responses.submit(office.runtime, citizen, answered("KK"))  # another service
    await office.advance(days=1)
    assert (await responses.check_may_answer(office.runtime, citizen, "KTP")).code == "KTP"


async def test_an_incomplete_or_unknown_survey_is_refused(office: ServiceOffice) -> None:
    citizen = await office.citizen("Siti")
    unfinished = answered()
    unfinished.suggestion_done = False
    async with office.unchanged():
        with pytest.raises(responses.Incomplete):
            await responses.submit(office.runtime, citizen, unfinished)
        with pytest.raises(NotFound):
            await responses.submit(office.runtime, citizen, answered("PASPOR"))
        with pytest.raises(responses.Incomplete):
            await responses.submit(office.runtime, citizen, answered(source="forged"))


async def test_a_response_is_never_linked_to_someone_elses_complaint(
    office: ServiceOffice,
) -> None:
    siti = await office.citizen("Siti")
    joko = await office.citizen("Joko")
    complaint = await office.file(siti, "ADMINDUK")
    assert await responses.complaint_link(office.runtime, siti, complaint.id) == complaint.id
    assert await responses.complaint_link(office.runtime, joko, complaint.id) is None
    assert await responses.complaint_link(office.runtime, joko, 0) is None


async def test_closing_a_complaint_about_a_service_invites_its_reporter(
    office: ServiceOffice,
) -> None:
    staf = await office.staff("Budi", "staf", "PEM")
    citizen = await office.citizen("Siti")
    complaint = await office.file(citizen, "ADMINDUK", "KTP-el saya belum jadi sejak Juli.")
    await actions.accept(office.runtime, staf, complaint.id)
    await actions.resolve(office.runtime, staf, complaint.id, RESOLUTION)
    after = await office.mark()
    await followup.rate(office.runtime, citizen, complaint.id, 4)  # rating closes it

    (invitation,) = [
        s
        for s in await office.sent(citizen.telegram_id, after=after)
        if office.says("skm.invite_any", number=complaint.number, service="") == s.text
    ]
    assert len(invitation.buttons) == 1
    (entry,) = await audit.entries(office.db, "survey.invited")
    assert entry.subject_id == str(complaint.id)


async def test_closing_a_complaint_about_something_else_invites_nobody(
    office: ServiceOffice,
) -> None:
    staf = await office.staff("Budi", "staf", "PEMB")
    citizen = await office.citizen("Siti")
    complaint = await office.file(citizen, "INFRA")
    await actions.accept(office.runtime, staf, complaint.id)
    await actions.resolve(office.runtime, staf, complaint.id, RESOLUTION)
    await followup.rate(office.runtime, citizen, complaint.id, 4)
    assert await office.told(citizen.telegram_id, "skm.invite_any") == []
    assert await audit.entries(office.db, "survey.invited") == []


async def test_responses_feed_the_ikm_a_unit_head_may_read_for_their_unit_only(
    office: ServiceOffice,
) -> None:
    for name, score in (("Siti", 4), ("Joko", 3)):
        citizen = await office.citizen(name)
        await responses.submit(office.runtime, citizen, answered("KTP", score))
    head = await office.staff("Rina", "kepala", "PELAYANAN")
    other_head = await office.staff("Wati", "kepala", "PEMB")
    november = month_period(2026, 11)

    found = await ikm.report(office.runtime, head, november, "KTP")
    assert found.result is not None and found.result.respondents == 2
    with pytest.raises(NotAllowed):
        await ikm.report(office.runtime, other_head, november, "KTP")
    staf = await office.staff("Budi", "staf", "PELAYANAN")
    with pytest.raises(NotAllowed):
        await ikm.report(office.runtime, staf, november, None)
    december = await ikm.report(office.runtime, head, month_period(2026, 12), "KTP")
    assert december.result is None


async def test_the_interval_counts_from_the_submission_not_the_calendar_month(
    office: ServiceOffice,
) -> None:
    citizen = await office.citizen("Siti")
    await responses.submit(office.runtime, citizen, answered("KTP"))
    await office.at(datetime(2026, 12, 1, 9, 0, tzinfo=WIB))  # a new month, six days later
    with pytest.raises(responses.TooSoon) as refused:
        await responses.check_may_answer(office.runtime, citizen, "KTP")
    assert refused.value.next_at == datetime(2026, 12, 25, 9, 0, tzinfo=WIB)
