"""Filing a complaint (bot/complaints/intake.py): the case, its route, its deadlines, its
alert and its deadline checks, committed together; the daily limit; idempotent "Kirim"."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.complaints import intake
from bot.complaints.checks import JOB_NAME
from bot.complaints.rules import Status
from storage.complaints import records
from storage.core import audit
from tests.services.office import WIB, ServiceOffice


async def test_a_complaint_is_numbered_routed_and_given_working_day_deadlines(
    office: ServiceOffice,
) -> None:
    citizen = await office.citizen("Siti")
    complaint = await office.file(citizen, "INFRA", kelurahan="PYP")

    assert complaint.number == "MRL-2611-0001"
    assert complaint.status == Status.BARU
    assert complaint.unit_code == "PEMB"  # the category's unit
    assert complaint.reporter_id == citizen.telegram_id
    # Wednesday 09:00: acknowledge within 1 working day, resolve within 10.
    assert office.when(complaint.ack_due_at) == datetime(2026, 11, 26, 9, 0, tzinfo=WIB)
    assert office.when(complaint.resolve_due_at) == datetime(2026, 12, 9, 9, 0, tzinfo=WIB)
    timeline = await records.timeline(office.db, complaint.id, public_only=True)
    assert [(e.kind, e.to_status, e.actor_id) for e in timeline] == [
        ("created", Status.BARU, citizen.telegram_id)
    ]


async def test_the_unit_group_gets_the_alert_with_its_buttons(office: ServiceOffice) -> None:
    group = await office.bind_group("PEMB")
    citizen = await office.citizen("Siti")
    complaint = await office.file(citizen, description="Drainase di Jl. Marelan tersumbat.")

    alerts = [s for s in await office.sent(group) if s.method == "sendMessage"]
    assert len(alerts) == 1
    assert complaint.number in alerts[0].text
    assert "Drainase di Jl. Marelan tersumbat." in alerts[0].text
    assert "Siti" in alerts[0].text
    assert len(alerts[0].buttons) == 4  # accept, ask, reassign, resolve
    assert await records.alert_chats(office.db, complaint.id) == [group]


async def test_the_first_deadline_check_is_armed_at_75_percent_of_the_first_deadline(
    office: ServiceOffice,
) -> None:
    citizen = await office.citizen("Siti")
    await office.file(citizen)
    # 75 % of one working day (8 h) after Wednesday 09:00.
    assert await office.armed(JOB_NAME) == datetime(2026, 11, 25, 15, 0, tzinfo=WIB)


async def test_a_routing_override_sends_the_complaint_to_another_unit(
    office: ServiceOffice,
) -> None:
    """Waste dumped around the Terjun landfill is an enforcement matter (office file)."""
    pemb = await office.bind_group("PEMB")
    trantib = await office.bind_group("TRANTIB")
    citizen = await office.citizen("Siti")
    complaint = await office.file(citizen, "SAMPAH", kelurahan="TRJ")

    assert complaint.unit_code == "TRANTIB"
    assert await office.texts(pemb) == []
    assert len(await office.texts(trantib)) == 1


async def test_a_unit_without_a_group_alerts_the_supervisors_not_the_admins(
    office: ServiceOffice,
) -> None:
    camat = await office.staff("Camat", "supervisor")
    citizen = await office.citizen("Siti")
    after = await office.mark()
    complaint = await office.file(citizen)

    to_camat = await office.texts(camat.telegram_id, after=after)
    assert len(to_camat) == 1 and complaint.number in to_camat[0]
    assert await office.texts(office.admin.telegram_id, after=after) == []


async def test_with_no_supervisor_the_admins_get_the_alert(office: ServiceOffice) -> None:
    citizen = await office.citizen("Siti")
    after = await office.mark()
    complaint = await office.file(citizen)
    to_admin = await office.texts(office.admin.telegram_id, after=after)
    assert len(to_admin) == 1 and complaint.number in to_admin[0]


async def test_a_confidential_reporter_is_not_named_in_the_alert(office: ServiceOffice) -> None:
    group = await office.bind_group("PEMB")
    citizen = await office.citizen("Siti", username="siti_marelan")
    await office.file(citizen, confidential=True)
    (alert,) = await office.texts(group)
    assert "Siti" not in alert and "siti_marelan" not in alert


async def test_photos_and_the_location_follow_the_alert(office: ServiceOffice) -> None:
    group = await office.bind_group("PEMB")
    citizen = await office.citizen("Siti")
    complaint = await office.file(
        citizen,
        attachments=[{"kind": "photo", "file_id": "PHOTO-1", "file_unique_id": "u1"}],
        location=[3.70, 98.64],
    )
    methods = [s.method for s in await office.sent(group)]
    assert methods == ["sendMessage", "sendPhoto", "sendLocation"]
    photo = (await office.sent(group))[1]
    assert photo.text == f"{complaint.number} · 1/1"
    assert len(await records.attachments(office.db, complaint.id)) == 1


async def test_sending_the_same_draft_twice_files_one_complaint(office: ServiceOffice) -> None:
    """Kirim pressed twice, or an update delivered twice by Telegram."""
    citizen = await office.citizen("Siti")
    draft = intake.Draft(category="INFRA", description="Jalan berlubang besar.", confidential=False)
    first = await intake.submit(office.runtime, citizen, draft)
    async with office.unchanged():
        second = await intake.submit(office.runtime, citizen, draft)

        assert first.created and not second.created
        assert second.complaint.id == first.complaint.id


async def test_an_incomplete_draft_is_refused_and_changes_nothing(office: ServiceOffice) -> None:
    citizen = await office.citizen("Siti")
    async with office.unchanged():
        with pytest.raises(ValueError):
            await intake.submit(
                office.runtime, citizen, intake.Draft(category="INFRA", description="Jalan rusak.")
            )


async def test_the_daily_limit_counts_the_local_day(office: ServiceOffice) -> None:
    citizen = await office.citizen("Siti")
    limit = office.runtime.settings.complaints_per_day
    for n in range(limit):
        await office.file(citizen, description=f"Pengaduan nomor {n} tentang jalan.")
    async with office.unchanged():
        with pytest.raises(intake.DailyLimitReached):
            await office.file(citizen, description="Satu lagi tentang lampu jalan.")

    await office.at(datetime(2026, 11, 26, 0, 1, tzinfo=WIB))  # just after midnight WIB
    assert await intake.may_file(office.runtime, citizen)


async def test_numbers_run_per_month(office: ServiceOffice) -> None:
    citizen = await office.citizen("Siti")
    assert (await office.file(citizen)).number == "MRL-2611-0001"
    assert (await office.file(citizen)).number == "MRL-2611-0002"
    await office.at(datetime(2026, 12, 1, 8, 0, tzinfo=WIB))
    assert (await office.file(citizen)).number == "MRL-2612-0001"


async def test_consent_is_asked_once_and_recorded(office: ServiceOffice) -> None:
    person = await office.person("Siti")
    assert await intake.needs_consent(office.runtime, person)
    await intake.give_consent(office.runtime, person)
    assert not await intake.needs_consent(office.runtime, person)
    (entry,) = await audit.entries(office.db, "privacy.accepted")
    assert entry.actor_id == person.telegram_id
