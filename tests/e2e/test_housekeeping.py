"""Nightly housekeeping: delivered notifications are deleted after the retention period,
and the bot still edits the alerts they were."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from bot.core.housekeeping import NIGHTLY
from storage.core import audit
from tests.e2e.complaint_steps import alert_for, file_complaint, unit_with_group
from tests.e2e.harness import OfficeEnv

WIB = ZoneInfo("Asia/Jakarta")
OUTBOX_ROWS = "SELECT COUNT(*) FROM outbox WHERE state = 'sent' AND sent_at < ?"


async def test_old_notifications_are_pruned_and_old_alerts_still_work(office: OfficeEnv) -> None:
    pemb = await unit_with_group(office, "PEMB", "Seksi Pembangunan")
    citizen = office.user("Siti")
    number = await file_complaint(citizen)
    alert = await alert_for(pemb.group, number)
    filed = office.runtime.now()
    assert await office.db.fetchval(OUTBOX_ROWS, (filed + 60,)) > 0

    await office.advance(days=29)  # nothing is old enough yet
    assert await office.db.fetchval(OUTBOX_ROWS, (filed + 60,)) > 0
    assert await audit.entries(office.db, "housekeeping.pruned") == []

    await office.advance(days=2)  # past 30 days and a night at 03:00
    assert await office.db.fetchval(OUTBOX_ROWS, (filed + 60,)) == 0
    pruned = await audit.entries(office.db, "housekeeping.pruned")
    assert pruned and pruned[0].details["messages"] > 0
    kept = await office.db.fetchval(  # e.g. the escalation at the resolve deadline
        "SELECT COUNT(*) FROM outbox WHERE sent_at >= ?", (office.runtime.now() - 30 * 86400,)
    )
    assert kept > 0

    await pemb.staff.press("Terima", message=alert, chat=pemb.group)
    edited = await pemb.group.wait_for_edit(alert)
    assert "Diterima" in edited.text  # message_refs outlived the outbox row
    await citizen.wait_for("diterima")


def test_the_nightly_run_is_the_next_three_oclock() -> None:
    assert NIGHTLY.next_run(datetime(2026, 11, 25, 9, 0, tzinfo=WIB), WIB) == datetime(
        2026, 11, 26, 3, 0, tzinfo=WIB
    )
    assert NIGHTLY.next_run(datetime(2026, 11, 25, 2, 59, tzinfo=WIB), WIB) == datetime(
        2026, 11, 25, 3, 0, tzinfo=WIB
    )
    assert NIGHTLY.next_run(datetime(2026, 11, 25, 3, 0, tzinfo=WIB), WIB) == datetime(
        2026, 11, 26, 3, 0, tzinfo=WIB
    )
