"""Erasure on the person's request (bot/privacy/erasure.py, /hapusdata): immediate and
in one transaction; complaints kept but anonymous, those still handled closed as
withdrawn except conduct complaints; survey scores kept without the profile."""

from __future__ import annotations

import pytest

from bot.activities import changes
from bot.activities.rules import Kind
from bot.complaints import actions
from bot.complaints.rules import InvalidTransition, Status
from bot.core.errors import NotAllowed
from bot.privacy import erasure
from bot.privacy.rules import ERASED_NAME
from bot.survey import responses
from storage.activities import invitations as activity_invitations
from storage.complaints import records
from storage.core import audit
from storage.people import directory as people
from storage.privacy import personal_data
from tests.services.activity_steps import saved
from tests.services.complaint_steps import RESOLUTION, open_case
from tests.services.office import ServiceOffice
from tests.services.survey_steps import answered


async def test_staff_erase_nothing_of_their_own(office: ServiceOffice) -> None:
    """A role is employment data: an admin ends it first (/cabut)."""
    budi = await office.staff("Budi", "staf", "PEMB")
    with pytest.raises(erasure.StaffRole):
        await erasure.preview(office.runtime, budi)
    async with office.unchanged():
        with pytest.raises(NotAllowed):
            await erasure.erase(office.runtime, budi, budi.telegram_id, office.runtime.now())


async def test_a_forged_confirmation_for_someone_else_changes_nothing(
    office: ServiceOffice,
) -> None:
    siti = await office.citizen("Siti")
    joko = await office.citizen("Joko")
    await office.file(siti)
    async with office.unchanged():
        with pytest.raises(NotAllowed):
            await erasure.erase(office.runtime, joko, siti.telegram_id, office.runtime.now())


async def test_an_old_confirmation_is_refused(office: ServiceOffice) -> None:
    siti = await office.citizen("Siti")
    asked = office.runtime.now()
    await office.advance(hours=1, seconds=1)
    async with office.unchanged():
        with pytest.raises(erasure.ConfirmationExpired):
            await erasure.erase(office.runtime, siti, siti.telegram_id, asked)


async def test_an_open_complaint_is_closed_as_withdrawn_and_made_anonymous(
    office: ServiceOffice,
) -> None:
    case = await open_case(office)
    await case.accepted()
    preview = await erasure.preview(office.runtime, case.citizen)
    assert (preview.complaints, preview.open_complaints) == (1, 1)
    after = await office.mark()
    erased = await erasure.erase(
        office.runtime, case.citizen, case.citizen.telegram_id, office.runtime.now()
    )

    assert erased.closed == [case.complaint.number] and erased.kept_open == []
    closed = await case.now()
    assert closed.status == Status.DITUTUP
    assert closed.withdrawn_at == office.runtime.now()
    assert closed.confidential
    assert await office.told(case.group, "grp.withdrawn", after=after)
    for text in await office.texts(case.group, after=after):  # the alert edited too
        assert "Siti" not in text
    kinds = [e.kind for e in await records.timeline(office.db, closed.id, public_only=False)]
    assert kinds[-2:] == ["reporter_erased", "withdrawn"]
    # Processing stopped: no survey invitation, no deadline check left.
    assert await office.told(case.citizen.telegram_id, "skm.invite_any", after=after) == []
    await office.advance(days=15)
    assert await office.told(case.camat.telegram_id, "esc.resolve_breach") == []


async def test_the_names_are_replaced_and_the_audit_says_what_was_counted(
    office: ServiceOffice,
) -> None:
    siti = await office.citizen("Siti", username="siti_marelan")
    await office.file(siti)
    await erasure.erase(office.runtime, siti, siti.telegram_id, office.runtime.now())

    person = await people.get(office.db, siti.telegram_id)
    assert person is not None
    assert (person.first_name, person.last_name, person.username) == (ERASED_NAME, None, None)
    assert person.privacy_accepted_at is None
    (entry,) = await audit.entries(office.db, "personal_data.erased")
    assert entry.details["complaints"] == 1 and entry.details["closed"] == 1
    assert "Siti" not in repr(entry.details)


async def test_a_conduct_complaint_stays_open_for_the_supervisors(office: ServiceOffice) -> None:
    sekret = await office.bind_group("SEKRET")
    await office.staff("Camat", "supervisor")
    siti = await office.citizen("Siti")
    complaint = await office.file(
        siti, "PERILAKU", "Petugas meminta uang tambahan di loket.", named_unit="PEM"
    )
    after = await office.mark()
    erased = await erasure.erase(office.runtime, siti, siti.telegram_id, office.runtime.now())

    assert erased.kept_open == [complaint.number] and erased.closed == []
    kept = await records.get(office.db, complaint.id)
    assert kept is not None and kept.status == Status.BARU and kept.confidential
    assert await office.told(sekret, "grp.reporter_erased_conduct", after=after)


async def test_a_closed_complaint_is_kept_only_anonymous(office: ServiceOffice) -> None:
    case = await open_case(office)
    await case.resolved()
    await office.advance(days=15)  # closed by itself
    closed_at = (await case.now()).closed_at
    erased = await erasure.erase(
        office.runtime, case.citizen, case.citizen.telegram_id, office.runtime.now()
    )
    assert erased.closed == [] and erased.complaints == 1
    kept = await case.now()
    assert (kept.status, kept.closed_at, kept.withdrawn_at) == (Status.DITUTUP, closed_at, None)
    assert kept.confidential and kept.resolution_note == RESOLUTION


async def test_survey_scores_stay_the_profile_and_suggestion_go(office: ServiceOffice) -> None:
    siti = await office.citizen("Siti")
    await responses.submit(office.runtime, siti, answered("KTP", 3))
    erased = await erasure.erase(office.runtime, siti, siti.telegram_id, office.runtime.now())

    assert erased.survey_responses == 1
    (kept,) = await personal_data.survey_responses(office.db, siti.telegram_id)
    assert kept.answers["U1"] == 3
    assert (kept.gender, kept.age_range, kept.education, kept.occupation, kept.suggestion) == (
        None,
        None,
        None,
        None,
        None,
    )
    # The link to the respondent stays: one response per interval still holds.
    with pytest.raises(responses.TooSoon):
        await responses.check_may_answer(office.runtime, siti, "KTP")


async def test_forum_invitations_and_the_subscription_are_withdrawn(
    office: ServiceOffice,
) -> None:
    camat = await office.staff("Camat", "supervisor")
    siti = await office.citizen("Siti")
    await changes.toggle_subscription(office.runtime, siti)
    forum = await saved(office, camat, kind=Kind.FORUM, title="Musrenbang", units=[], public=True)
    erased = await erasure.erase(office.runtime, siti, siti.telegram_id, office.runtime.now())

    assert (erased.invitations, erased.subscription) == (1, True)
    assert await personal_data.invitations(office.db, siti.telegram_id) == []
    assert await personal_data.forum_subscribed_at(office.db, siti.telegram_id) is None
    assert siti.telegram_id not in await activity_invitations.everyone_invited(office.db, forum.id)


async def test_a_staff_answer_after_the_erasure_is_refused(office: ServiceOffice) -> None:
    case = await open_case(office)
    await erasure.erase(
        office.runtime, case.citizen, case.citizen.telegram_id, office.runtime.now()
    )
    async with office.unchanged():
        with pytest.raises(InvalidTransition):
            await actions.reply(office.runtime, case.staf, case.complaint.id, "Sudah kami cek.")


async def test_an_alert_still_queued_at_the_erasure_does_not_name_the_reporter(
    office: ServiceOffice,
) -> None:
    case = await open_case(office, delivered=False)  # its alert still waits in the outbox
    alerts = [t for t in await office.texts(case.group) if case.complaint.number in t]
    assert alerts and all("Siti" in text for text in alerts)  # it names her before
    await erasure.erase(
        office.runtime, case.citizen, case.citizen.telegram_id, office.runtime.now()
    )
    queued = await office.texts(case.group)
    assert any(case.complaint.number in text for text in queued)  # the staff still learn
    assert not [text for text in queued if "Siti" in text]  # nothing anywhere names her
