"""A unit group upgraded to a supergroup: Telegram gives it a new id, and the bot follows.

Three places may learn of the upgrade first, in any order: the service messages in the old
and the new chat (``handlers/admin.py``), the dispatcher when Telegram refuses a send to
the old id with ``ChatMigrated``, and the start check. Each calls :func:`follow`; the
first moves everything, the others find nothing left to move.

What follows the new id: the unit binding, the alert copies a complaint change must edit
(``complaint_alerts``) and the notifications still queued for the old id. What does not:
message ids. The supergroup numbers its messages from 1 again, so references to messages
of the old group (``message_refs``) stay with the old id, where nothing looks for them,
and its ForceReply prompts are dropped: a reply to a new message that happens to have the
same id must never be taken for an answer. An alert edit that finds no message in the new
group posts the alert anew (``repost_if_gone`` in :mod:`bot.notify`).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.core import notify
from bot.core.catalog import t
from storage.complaints import prompts
from storage.complaints import records as complaints
from storage.core import audit, outbox
from storage.core.db import Tx
from storage.people import groups as unit_chats

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)


async def follow(
    runtime: Runtime,
    tx: Tx,
    old_chat_id: int,
    new_chat_id: int,
    *,
    via: str,
    is_forum: bool | None = None,
    actor_id: int | None = None,
) -> list[str]:
    """Move what belongs to ``old_chat_id`` to ``new_chat_id`` in the caller's transaction.
    ``is_forum`` is known only from the supergroup's own service message. Returns the units
    whose binding moved now (empty when it was already done)."""
    units = await unit_chats.migrate_chat(tx, old_chat_id, new_chat_id)
    alerts = await complaints.move_alert_chat(tx, old_chat_id, new_chat_id)
    queued = await outbox.move_chat(tx, old_chat_id, new_chat_id)
    dropped = await prompts.drop_chat(tx, old_chat_id)
    forum = [] if is_forum is None else await unit_chats.set_forum(tx, new_chat_id, is_forum)
    if not (units or alerts or queued or dropped or forum):
        return []
    now = runtime.now()
    await audit.record(
        tx,
        now,
        actor_id,
        "unit_chat.migrated",
        "chat",
        old_chat_id,
        new_chat_id=new_chat_id,
        via=via,
        units=units,
        alerts=alerts,
        queued=queued,
        prompts=dropped,
        forum=is_forum,
    )
    log.info(
        "chat %s became %s (%s): units %s, %d alerts, %d queued, %d prompts dropped",
        old_chat_id,
        new_chat_id,
        via,
        units,
        alerts,
        queued,
        dropped,
    )
    await _tell_group(runtime, tx, new_chat_id, units, now)
    return units


async def follow_seen_by_delivery(
    runtime: Runtime, tx: Tx, old_chat_id: int, new_chat_id: int
) -> None:
    """The dispatcher learnt the new id from Telegram's answer (400 with
    ``migrate_to_chat_id``) before any update told the bot."""
    await follow(runtime, tx, old_chat_id, new_chat_id, via="delivery")


async def follow_upgrade(
    runtime: Runtime,
    old_chat_id: int,
    new_chat_id: int,
    *,
    via: str,
    is_forum: bool | None = None,
    actor_id: int | None = None,
) -> list[str]:
    """:func:`follow` in a transaction of its own."""
    async with runtime.db.transaction() as tx:
        return await follow(
            runtime, tx, old_chat_id, new_chat_id, via=via, is_forum=is_forum, actor_id=actor_id
        )


async def _tell_group(runtime: Runtime, tx: Tx, chat_id: int, units: list[str], now: int) -> None:
    """The staff see at once that the bot followed, and why old alerts stay as they are."""
    language = runtime.settings.default_language
    for code in units:
        unit = runtime.office.unit(code)
        await notify.send_text(
            tx,
            chat_id,
            t(language, "group.upgraded", unit=unit.label(language) if unit else code),
            now,
        )
