"""Saving what was learnt from Telegram after the fact, until it is saved.

After a request took effect at Telegram (a message was posted), what it taught (its
message id) must reach the database even when the database is busy for a while (locked
by a backup or another process, or the disk full): losing it would leave a row half done
(an outbox row ``sending``, a question without its message). So the save is retried with
backoff instead of given up.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from storage.core.db import Database, Tx

log = logging.getLogger(__name__)
FIRST_DELAY = 0.5
MAX_DELAY = 30.0


async def until_saved(
    db: Database,
    work: Callable[[Tx], Awaitable[object]],
    *,
    what: str,
    giving_up: Callable[[], bool] = lambda: False,
) -> bool:
    """Run ``work`` in a transaction until it commits; False only when ``giving_up()``
    says to stop trying (the process is stopping)."""
    delay = FIRST_DELAY
    while True:
        try:
            async with db.transaction() as tx:
                await work(tx)
            return True
        except Exception as error:
            if giving_up():
                log.error("%s: not saved at stop (%s)", what, error)
                return False
            log.warning("%s: saving failed (%s); retrying in %.1fs", what, error, delay)
            await asyncio.sleep(delay)
            delay = min(MAX_DELAY, delay * 2)
