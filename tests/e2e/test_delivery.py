"""The outbox end to end: restarts, flood control, blocked recipients."""

from __future__ import annotations

from typing import Any

import pytest

from bot.core import notify
from storage.core import outbox
from storage.people import directory as people
from tests.database import fresh_database
from tests.e2e.harness import OfficeEnv


async def queue_notice(office: OfficeEnv, *recipients: int, text: str = "Pemberitahuan") -> None:
    """What any state change does: queue a message in the same transaction."""
    async with office.db.transaction() as tx:
        for recipient in recipients:
            await notify.send_text(
                tx, recipient, notify.Markup(f"<b>{text}</b>"), office.runtime.now()
            )


async def test_pending_row_at_shutdown_is_delivered_once_after_restart(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/start")
    await citizen.next_message()
    office.world.fail_next("sendMessage", status=502)
    await queue_notice(office, citizen.id, text="Sekali saja")
    await office.world.settle()
    assert [c.status for c in office.world.calls("sendMessage")][-1] == 502

    await office.bot.stop()  # clean shutdown while the row waits for its retry
    offline = await office.read_database()
    assert (await outbox.rows_for_chat(offline, citizen.id))[-1][2] == "pending"
    await offline.close()
    await office.bot.start()

    notice = await citizen.wait_for("Sekali saja")
    assert notice.entities[0]["type"] == "bold"
    await office.world.settle()
    copies = [m for m in citizen.inbox if "Sekali saja" in m.body]
    assert len(copies) == 1
    assert (await _rows(office, citizen.id))[-1][2] == "sent"


async def _rows(office: OfficeEnv, chat_id: int) -> list[tuple[int, str, str]]:
    return await outbox.rows_for_chat(office.db, chat_id)


async def test_flood_control_is_waited_out(office: OfficeEnv) -> None:
    citizen = office.user("Siti")
    await citizen.send("/start")
    await citizen.next_message()
    office.world.fail_next("sendMessage", status=429, retry_after=1, count=3)
    await queue_notice(office, citizen.id, text="Tetap sampai")
    await citizen.wait_for("Tetap sampai", timeout=15)
    statuses = [c.status for c in office.world.calls("sendMessage")]
    assert statuses.count(429) == 3 and statuses[-1] == 200


async def test_blocked_recipient_is_marked_unreachable_and_others_still_served(
    office: OfficeEnv,
) -> None:
    blocker, reader = office.user("Blok"), office.user("Baca")
    for person in (blocker, reader):
        await person.send("/start")
        await person.next_message()
    blocker.block_bot()
    await queue_notice(office, blocker.id, reader.id, text="Untuk semua")
    await reader.wait_for("Untuk semua")
    await office.world.settle()
    assert not (await people.get(office.db, blocker.id)).reachable
    assert (await people.get(office.db, reader.id)).reachable
    assert (await _rows(office, blocker.id))[-1][2] == "dead"

    # Later notices are not even queued, until the person writes to the bot again.
    async with office.db.transaction() as tx:
        assert not await notify.tell(tx, blocker.id, "language.set", office.runtime.now())
    blocker.unblock_bot()
    await blocker.send("/start")
    await blocker.wait_for("Halo")
    assert (await people.get(office.db, blocker.id)).reachable
    async with office.db.transaction() as tx:
        assert await notify.tell(tx, blocker.id, "language.set", office.runtime.now())
    await blocker.wait_for("Bahasa diganti")


async def test_never_started_user_is_unreachable(office: OfficeEnv) -> None:
    stranger = office.world.user("Asing")
    async with office.db.transaction() as tx:
        await people.upsert_seen(
            tx, stranger.id, "Asing", None, None, "id", office.runtime.now(), started=False
        )
    await queue_notice(office, stranger.id, text="Halo asing")
    await office.world.settle()
    assert not (await people.get(office.db, stranger.id)).reachable
    assert not stranger.inbox


async def test_dispatcher_stays_within_telegram_limits(telegram, tmp_path) -> None:
    """With Telegram's real limits in the emulator (burst 3, then 1 message/s per private
    chat), a burst of notifications to one person arrives complete, in order, without a
    single 429: the dispatcher paces each chat itself."""
    from bot.core.pacing import PaceLimits
    from tests.e2e.harness import start_office

    office = await start_office(
        telegram, await fresh_database(tmp_path, "paced.db"), pace=PaceLimits()
    )
    try:
        office.world.limits.private_burst, office.world.limits.private_rate = 3, 1.0
        citizen = office.user("Siti")
        await citizen.send("/start")
        await citizen.next_message()
        async with office.db.transaction() as tx:
            for i in range(6):
                await notify.send_text(
                    tx, citizen.id, notify.Markup(f"Kabar ke-{i}"), office.runtime.now()
                )
        for i in range(6):
            assert (await citizen.next_message(timeout=15)).text == f"Kabar ke-{i}"
        assert not [c for c in office.world.requests if c.status == 429]
    finally:
        await office.bot.stop()


async def test_interactive_replies_do_not_wait_for_bulk(office: OfficeEnv) -> None:
    """A thousand queued reminders must not hold back the answer to someone who writes."""
    crowd = [office.world.user(f"Warga{i}") for i in range(1000)]
    async with office.db.transaction() as tx:
        for person in crowd:
            await people.upsert_seen(
                tx,
                person.id,
                person.first_name,
                None,
                None,
                "id",
                office.runtime.now(),
                started=True,
            )
        for person in crowd:
            await outbox.enqueue(
                tx,
                person.id,
                "sendMessage",
                {"text": "Pengingat pelatihan"},
                office.runtime.now(),
                priority=outbox.PRIORITY_BULK,
            )
    citizen = office.user("Penanya")
    await citizen.send("/start")
    await citizen.wait_for("Halo, Penanya")
    pending = (await outbox.counts(office.db)).get("pending", 0)
    assert pending > 500  # the answer came while most of the bulk run was still queued


async def test_an_edit_given_new_content_after_it_was_picked_goes_out_with_it(
    office: OfficeEnv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dispatcher picks a queued edit; before it claims the row, a change gives the
    waiting edit newer content (notify.edit_text rewrites what is still queued). What
    goes out must be the row as claimed: sending the content read before left the alert
    showing a state that had passed, and the next edit of the same state was refused as
    "message is not modified" (sandbox demo, under load)."""
    citizen = office.user("Siti")
    await citizen.send("/start")
    await citizen.next_message()
    subject = notify.Ref("test_subject", 1)
    async with office.db.transaction() as tx:
        await notify.send_text(
            tx, citizen.id, notify.Markup("Status: baru"), office.runtime.now(), ref=subject
        )
    shown = await citizen.wait_for("Status: baru")

    picked = outbox.next_batch
    raced = False

    async def picked_then_changed(*args: Any, **kwargs: Any) -> list[outbox.OutboxRow]:
        nonlocal raced
        rows = await picked(*args, **kwargs)
        if not raced and any(row.method == "editMessageText" for row in rows):
            raced = True
            await _edit(office, citizen.id, subject, "Status: menunggu warga")
        return rows

    monkeypatch.setattr(outbox, "next_batch", picked_then_changed)
    await _edit(office, citizen.id, subject, "Status: diterima")
    await office.world.settle()
    assert raced
    assert office.world.chats[citizen.id].messages[shown.message_id].text == (
        "Status: menunggu warga"
    )
    assert all(call.ok for call in office.world.calls("editMessageText"))


async def _edit(office: OfficeEnv, chat_id: int, subject: notify.Ref, text: str) -> None:
    async with office.db.transaction() as tx:
        await notify.edit_text(tx, chat_id, subject, notify.Markup(text), office.runtime.now())
