"""Staff administration (bot/people/admin.py): one-time invite links, revoking a role,
binding a unit's group and losing it; each change recorded in the audit log, and what
follows from it (alerts, menus, invitations) in the same transaction."""

from __future__ import annotations

import pytest

from bot.core.errors import NotAllowed
from bot.people import admin, directory
from bot.people.roles import Role
from storage.complaints import records
from storage.core import audit
from storage.people import directory as people
from storage.people import groups
from tests.services.office import ServiceOffice


async def _role(office: ServiceOffice, telegram_id: int) -> tuple[str, str | None]:
    person = await people.get(office.db, telegram_id)
    assert person is not None
    return person.role, person.unit_code


async def _group_of(office: ServiceOffice, unit: str) -> int | None:
    chat = await groups.for_unit(office.db, unit)
    return chat.chat_id if chat is not None else None


async def test_an_invite_registers_its_opener_and_tells_the_admin(office: ServiceOffice) -> None:
    budi = await office.person("Budi")
    after = await office.mark()
    token = await office.invite_token("staf", "PEMB")
    membership = await admin.accept_invite(office.runtime, budi, token)

    assert membership == admin.Membership(Role.STAF, "PEMB")
    assert await _role(office, budi.telegram_id) == ("staf", "PEMB")
    (told,) = await office.told(office.admin.telegram_id, "invite.notify_admin", after=after)
    assert "Budi" in told and "Seksi Pembangunan" in told
    menus = await office.sent(budi.telegram_id, after=after)
    assert [s.method for s in menus] == ["setMyCommands"]  # the staff menu follows the role
    (accepted,) = await audit.entries(office.db, "invite.accepted")
    assert accepted.details == {
        "invited_by": office.admin.telegram_id,
        "role": "staf",
        "unit": "PEMB",
    }


@pytest.mark.parametrize("role", ["supervisor", "kepala", "staf"])
async def test_only_an_admin_invites(office: ServiceOffice, role: str) -> None:
    someone = await office.staff("Rina", role, "PEMB" if role != "supervisor" else None)
    async with office.unchanged():
        with pytest.raises(NotAllowed):
            await admin.create_invite(office.runtime, someone, Role.STAF, "PEMB")


async def test_a_link_works_once(office: ServiceOffice) -> None:
    token = await office.invite_token("kepala", "PEMB")
    rina = await office.person("Rina")
    joko = await office.person("Joko")
    assert await admin.accept_invite(office.runtime, rina, token) is not None
    assert await admin.accept_invite(office.runtime, joko, token) is None
    assert await _role(office, joko.telegram_id) == ("citizen", None)
    (rejected,) = await audit.entries(office.db, "invite.rejected")
    assert (rejected.actor_id, rejected.details) == (joko.telegram_id, {"reason": "invalid"})


async def test_a_link_expires_after_72_hours(office: ServiceOffice) -> None:
    token = await office.invite_token("staf", "PEMB")
    budi = await office.person("Budi")
    await office.advance(hours=72)
    assert await admin.accept_invite(office.runtime, budi, token) is None
    assert await _role(office, budi.telegram_id) == ("citizen", None)


async def test_the_creator_cannot_use_their_own_link_which_stays_valid(
    office: ServiceOffice,
) -> None:
    token = await office.invite_token("staf", "PEMB")
    with pytest.raises(admin.OwnInvite):
        await admin.accept_invite(office.runtime, office.admin, token)
    budi = await office.person("Budi")
    assert await admin.accept_invite(office.runtime, budi, token) is not None


async def test_a_link_is_only_as_good_as_its_creators_role(office: ServiceOffice) -> None:
    """An invited admin made a link, then took a staf role: the link no longer registers."""
    andi = await office.staff("Andi", "admin")
    token = await office.invite_token("supervisor", by=andi)
    await office.invite(andi, "staf", "PEM")
    joko = await office.person("Joko")
    assert await admin.accept_invite(office.runtime, joko, token) is None
    assert await _role(office, joko.telegram_id) == ("citizen", None)
    (rejected,) = await audit.entries(office.db, "invite.rejected")
    assert rejected.details == {"reason": "creator_without_right"}


async def test_revoking_makes_a_citizen_again_and_withdraws_their_links(
    office: ServiceOffice,
) -> None:
    andi = await office.staff("Andi", "admin")
    token = await office.invite_token("staf", "PEMB", by=andi)
    after = await office.mark()
    revoked = await admin.revoke(office.runtime, office.admin, andi.telegram_id)

    assert revoked is not None and revoked.role == "admin"
    assert await _role(office, andi.telegram_id) == ("citizen", None)
    assert await office.told(andi.telegram_id, "revoke.notify", after=after)
    (withdrawn,) = await audit.entries(office.db, "invite.withdrawn")
    assert withdrawn.details == {"count": 1}
    budi = await office.person("Budi")
    assert await admin.accept_invite(office.runtime, budi, token) is None
    assert not (await directory.reload(office.runtime, andi)).is_staff


async def test_revoking_needs_the_right_and_a_role_to_revoke(office: ServiceOffice) -> None:
    rina = await office.staff("Rina", "kepala", "PEMB")
    budi = await office.staff("Budi", "staf", "PEMB")
    siti = await office.citizen("Siti")
    async with office.unchanged():
        with pytest.raises(NotAllowed):
            await admin.revoke(office.runtime, rina, budi.telegram_id)
        assert await admin.revoke(office.runtime, office.admin, siti.telegram_id) is None


async def test_binding_a_group_brings_it_the_units_open_complaints(office: ServiceOffice) -> None:
    siti = await office.citizen("Siti")
    complaint = await office.file(siti)  # PEMB has no group yet: the admin got it
    group = await office.bind_group("PEMB", title="Seksi Pembangunan")

    (alert,) = await office.texts(group)
    assert complaint.number in alert
    assert await _group_of(office, "PEMB") == group
    assert set(await records.alert_chats(office.db, complaint.id)) == {
        office.admin.telegram_id,
        group,
    }
    (bound,) = await audit.entries(office.db, "unit_chat.bound")
    assert bound.details == {"chat_id": group, "previous": None}


async def test_binding_another_group_tells_the_old_one(office: ServiceOffice) -> None:
    old = await office.bind_group("PEMB", title="Grup Lama")
    after = await office.mark()
    new = await office.bind_group("PEMB", title="Grup Baru")
    (told,) = await office.told(old, "group.unbound", after=after)
    assert "Grup Baru" in told
    assert await _group_of(office, "PEMB") == new


async def test_only_an_admin_binds_a_group(office: ServiceOffice) -> None:
    rina = await office.staff("Rina", "kepala", "PEMB")
    async with office.unchanged():
        with pytest.raises(NotAllowed):
            await admin.bind_group(office.runtime, rina, "PEMB", -500, "Grup", False)


async def test_a_lost_group_sends_the_units_complaints_to_the_supervisors(
    office: ServiceOffice,
) -> None:
    camat = await office.staff("Camat", "supervisor")
    group = await office.bind_group("PEMB", title="Grup PEMB")
    siti = await office.citizen("Siti")
    complaint = await office.file(siti)
    after = await office.mark()
    await admin.report_unreachable_group(office.runtime, group, "Forbidden: bot was kicked")

    assert await _group_of(office, "PEMB") is None
    (warning,) = await office.told(office.admin.telegram_id, "group.missing_warning", after=after)
    assert "Grup PEMB" in warning
    to_camat = await office.texts(camat.telegram_id, after=after)
    assert [t for t in to_camat if complaint.number in t]
    assert await records.live_alert_chats(office.db, complaint.id) == [camat.telegram_id]


async def test_a_revoked_supervisor_hands_their_alerts_back(office: ServiceOffice) -> None:
    camat = await office.staff("Camat", "supervisor")
    siti = await office.citizen("Siti")
    complaint = await office.file(siti)  # no group: the supervisor holds the alert
    assert await records.live_alert_chats(office.db, complaint.id) == [camat.telegram_id]
    await admin.revoke(office.runtime, office.admin, camat.telegram_id)
    assert await records.live_alert_chats(office.db, complaint.id) == [office.admin.telegram_id]


async def test_the_staff_list_and_the_alert_coverage_are_for_admins(office: ServiceOffice) -> None:
    rina = await office.staff("Rina", "kepala", "PEMB")
    await office.bind_group("PEMB")
    listed = await admin.staff_list(office.runtime, office.admin)
    assert [p.telegram_id for p in listed] == [rina.telegram_id]
    coverage = await admin.alert_coverage(office.runtime, office.admin)
    assert set(coverage.groups) == {"PEMB"}
    with pytest.raises(NotAllowed):
        await admin.staff_list(office.runtime, rina)
    with pytest.raises(NotAllowed):
        await admin.alert_coverage(office.runtime, rina)
