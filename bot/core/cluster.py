"""Several ``marelan-bot run`` processes on one PostgreSQL database (issue 17).

One process leads: it takes the updates from Telegram (long polling, or the webhook) and
runs the scheduled work (deadline checks, reminders, digests, housekeeping, retention,
the public page) and delivers the outbox. Telegram's limits are the bot's, whichever
process sends: two senders pacing each its own way went past them (429s measured with two
processes, bench/RESULTS.md), and one process already sends as fast as Telegram allows.
Rows are still claimed with ``FOR UPDATE SKIP LOCKED`` (``storage/core/outbox.py``), and
the rows a process had in flight when it died go out again from the next leader.

Leading is holding a PostgreSQL advisory lock on the process's presence connection
(``storage/core/postgres.py``). When the leader dies, even by SIGKILL, the server
releases the lock with its connection, and a standby takes it within
:data:`STANDBY_POLL_SECONDS`: only then does it load the conversations from the
database (PTB's persistence), start taking updates and arm the scheduled jobs from their
rows. Updates the dead leader had fetched but not confirmed are fetched again (every
handler is idempotent for that); a batch it had confirmed (PTB confirms one as it asks
for the next) but not handled is lost with it, as when a single bot is killed.

A standby does not take updates: Telegram gives them to one ``getUpdates`` caller, and
the updates of one chat must be handled in order. A leader that loses its connection to
the database (and so, perhaps, its lock) stops with exit status 1 rather than lead next
to another; systemd starts it again as a standby.

SQLite has one process per file (``bot/core/instance_lock.py``): that process leads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

from telegram.ext import Application

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)

LEADER_LOCK = "leader"
#: How often a standby tries to take the lead (the failover time, at most).
STANDBY_POLL_SECONDS = 2.0
#: How often the leader checks that its lock is still its own.
WATCH_SECONDS = 5.0
LOST = "cluster.lost"  # runtime.memory key: the leader lost its lock and stopped


async def standby(runtime: Runtime, stopping: asyncio.Event) -> bool:
    """Wait to lead. True once this process holds the leader lock (at once when nobody
    else does); False when ``stopping`` was set first."""
    await runtime.open_storage()
    if await runtime.db.try_lock(LEADER_LOCK):
        return True
    log.info("another process leads: this one stands by")
    while not stopping.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), STANDBY_POLL_SECONDS)
        if stopping.is_set():
            break
        try:
            if await runtime.db.try_lock(LEADER_LOCK):
                log.warning("the leading process stopped: this process leads now")
                return True
        except Exception:  # the database is unreachable for a while: keep waiting
            log.exception("could not try to take the lead")
    return False


async def on_start(runtime: Runtime, application: Application) -> None:
    """The leader (PostgreSQL): hold the lock, and stop if it is ever lost."""
    if not runtime.db.dialect.postgresql:
        return
    if not await runtime.db.try_lock(LEADER_LOCK):
        raise RuntimeError("another process leads on this database")
    runtime.tasks.add(asyncio.get_running_loop().create_task(_watch(runtime, application)))


async def _watch(runtime: Runtime, application: Application) -> None:
    """Until the application stops: is the lock still ours?"""
    while True:
        await asyncio.sleep(WATCH_SECONDS)
        if not runtime.db.is_open:
            return
        if not await runtime.db.holding():
            log.error("this process lost its lead on the database: stopping (exit 1)")
            runtime.memory[LOST] = True
            application.stop_running()
            return


def lost_lead(runtime: Runtime) -> bool:
    return bool(runtime.memory.get(LOST))
