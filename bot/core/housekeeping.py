"""Nightly housekeeping: delivered notifications are deleted after
``OUTBOX_RETENTION_DAYS``, and the files queued photos uploaded once no row needs them.

Why: the outbox keeps the text of every message sent (complaint descriptions, names,
answers). Those copies served their purpose once delivered; keeping them for years would
hold personal data longer than needed (UU 27/2022) and grow the office's one SQLite file.
What the bot still needs of a sent message (which message stands for which complaint, to
edit an alert) lives in ``message_refs`` and stays. The complaint timeline, the audit log
and the other records are the office's archive and are not touched.

Runs every night at 03:00 WIB (a quiet hour); a night missed while the bot was down is
simply done the next night, since pruning later loses nothing.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import time
from typing import TYPE_CHECKING

from bot.core.scheduling import Nightly
from storage.core import audit, outbox, outbox_files

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)
JOB_NAME = "housekeeping"
NIGHTLY_AT = time(3, 0)
DAY = 24 * 3600


@dataclass(frozen=True)
class Pruned:
    messages: int
    files: int


async def run(runtime: Runtime) -> Pruned:
    """Prune once, in one transaction recorded in the audit log."""
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        pruned = Pruned(
            messages=await outbox.prune_delivered(
                tx, now - runtime.settings.outbox_retention_days * DAY
            ),
            files=await outbox_files.prune_unused(tx, now - DAY),
        )
        if pruned.messages or pruned.files:
            await audit.record(
                tx,
                now,
                None,
                "housekeeping.pruned",
                "outbox",
                None,
                messages=pruned.messages,
                files=pruned.files,
            )
    log.info(
        "housekeeping: %d delivered messages and %d files pruned", pruned.messages, pruned.files
    )
    return pruned


NIGHTLY = Nightly(JOB_NAME, NIGHTLY_AT, run)
on_start = NIGHTLY.on_start
