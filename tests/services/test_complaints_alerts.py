"""Keeping the alerts current (bot/complaints/alerts.py over bot/core/notify.py): every
change edits the live copies, and an edit that would only repeat what the message is
about to show is not queued (Telegram refuses it as "message is not modified")."""

from __future__ import annotations

import pytest

from bot.complaints import actions
from bot.complaints.alerts import refresh_alerts
from storage.core import outbox
from tests.services.complaint_steps import RESOLUTION, Case, open_case
from tests.services.office import ServiceOffice


@pytest.fixture
async def case(office: ServiceOffice) -> Case:
    return await open_case(office)


async def _edits(case: Case, after: int) -> list[str]:
    sent = await case.office.sent(case.group, after=after)
    return [s.text for s in sent if s.method == "editMessageText"]


async def _hand_out_the_queued_edit(case: Case) -> None:
    """The dispatcher takes the alert's edit: claimed, its request under way."""
    rows = await outbox.rows_for_chat(case.office.db, case.group)
    (edit,) = [row_id for row_id, method, state in rows if state == "pending"]
    assert [method for row_id, method, _ in rows if row_id == edit] == ["editMessageText"]
    async with case.office.db.transaction() as tx:
        assert await outbox.mark_sending(tx, edit)


async def _refreshed(case: Case) -> None:
    """What any later change does to the alerts, in its transaction."""
    async with case.office.db.transaction() as tx:
        await refresh_alerts(case.office.runtime, tx, await case.now())


async def test_an_alert_edit_repeating_the_one_in_flight_is_not_queued(case: Case) -> None:
    """Terima's edit is on its way to Telegram when another change renders the alert the
    same: a second edit would be refused as "not modified" (sandbox demo, under load)."""
    await case.accepted()
    await _hand_out_the_queued_edit(case)
    after = await case.office.mark()
    await _refreshed(case)
    assert await _edits(case, after) == []


async def test_an_alert_edit_with_new_content_follows_the_one_in_flight(case: Case) -> None:
    await case.accepted()
    await _hand_out_the_queued_edit(case)
    after = await case.office.mark()
    await actions.resolve(case.office.runtime, case.staf, case.complaint.id, RESOLUTION)
    (edit,) = await _edits(case, after)
    assert "Diselesaikan" in edit


async def test_an_edit_after_a_delivered_one_is_queued_even_if_the_same(case: Case) -> None:
    """What was delivered earlier may have been changed since by a direct edit of a
    handler: only an edit still in flight is trusted to show the content."""
    await case.accepted()
    await case.office.delivered()
    after = await case.office.mark()
    await _refreshed(case)
    assert len(await _edits(case, after)) == 1
