"""An invitation is only as good as its creator's right to give it: a removed admin's
unused links die with the role, a link whose creator no longer manages staff is refused,
and nobody opens their own link (issue 10, breach 3)."""

from __future__ import annotations

from emulator import FakeUser
from storage.core import audit
from storage.people import directory as people
from tests.e2e.harness import OfficeEnv


async def _link(creator: FakeUser, command: str) -> str:
    await creator.send(command)
    reply = await creator.wait_for("start=inv_")
    return reply.text.split("start=")[1].split()[0]


async def test_a_removed_admin_cannot_come_back_through_their_own_link(office: OfficeEnv) -> None:
    deputy, accomplice = office.user("Wakil"), office.user("Kawan")
    await office.invite(deputy, "admin")
    own_admin_link = await _link(deputy, "/undang admin")
    staff_link = await _link(deputy, "/undang staf PEM")

    await deputy.send(f"/start {own_admin_link}")
    assert "tautan undangan Anda sendiri" in (await deputy.wait_for("undangan")).text

    await office.admin.send(f"/cabut {deputy.id}")
    await office.admin.wait_for("telah dicabut")
    await deputy.wait_for("dicabut oleh admin")

    await deputy.send(f"/start {own_admin_link}")
    assert "tidak berlaku" in (await deputy.wait_for("undangan")).text
    await accomplice.send(f"/start {staff_link}")
    assert "tidak berlaku" in (await accomplice.wait_for("undangan")).text

    assert (await people.get(office.db, deputy.id)).role == "citizen"
    assert (await people.get(office.db, accomplice.id)).role == "citizen"
    withdrawn = [e for e in await audit.entries(office.db) if e.action == "invite.withdrawn"]
    assert len(withdrawn) == 1 and withdrawn[0].details["count"] == 2


async def test_a_link_is_refused_once_its_creator_no_longer_manages_staff(
    office: OfficeEnv,
) -> None:
    deputy, newcomer = office.user("Wakil"), office.user("Baru")
    await office.invite(deputy, "admin")
    admin_link = await _link(deputy, "/undang admin")
    # The deputy is moved to an ordinary staff role by a new invitation, not by /cabut:
    # nothing withdrew their links, only the check at redemption stops them.
    await office.invite(deputy, "staf", "PEM")

    await newcomer.send(f"/start {admin_link}")
    assert "tidak berlaku" in (await newcomer.wait_for("undangan")).text
    assert (await people.get(office.db, newcomer.id)).role == "citizen"
    assert (await people.get(office.db, deputy.id)).role == "staf"
