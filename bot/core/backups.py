"""The nightly backup: a verified copy of the database, the last ``BACKUP_KEEP`` kept.

Every night at 01:30 WIB (before the other nightly jobs) the live database is copied with
SQLite's online backup API into ``BACKUP_DIR`` (:func:`storage.core.backup.copy_live`,
which verifies the copy with ``PRAGMA integrity_check`` before giving it its name), and
copies beyond the newest ``BACKUP_KEEP`` are deleted. A failure (disk full, a damaged
page) is recorded in the audit log and told to the admins, so that nobody learns on the
day of a restore that the backups stopped a month ago. The copy runs in a thread: the bot
keeps answering meanwhile. A PostgreSQL database is backed up with ``pg_dump`` instead.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING

from bot.core import notify
from bot.core.scheduling import Nightly
from bot.people.admin import admins
from storage.core import audit
from storage.core.backup import copy_live, is_sqlite

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)
JOB_NAME = "nightly-backup"
NIGHTLY_AT = time(1, 30)
PREFIX = "marelan-"
SUFFIX = ".db"


def copies(folder: Path) -> list[Path]:
    """The nightly copies in ``folder``, oldest first (their names sort by time)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{PREFIX}*{SUFFIX}") if p.is_file())


async def run(runtime: Runtime) -> Path | None:
    """Write tonight's copy and prune old ones; a failure is audited and told to the
    admins. Returns the copy written, or None."""
    settings = runtime.settings
    if not is_sqlite(settings.database_path):
        return None
    local = runtime.clock.now().astimezone(settings.zone)
    target = settings.backups / f"{PREFIX}{local:%Y%m%d-%H%M}{SUFFIX}"
    try:
        await asyncio.to_thread(copy_live, Path(settings.database_path), target)
        pruned = await asyncio.to_thread(_prune, settings.backups, settings.backup_keep)
    except Exception as exc:  # disk full, permissions, a damaged page: say so
        log.error("nightly backup to %s failed: %s", target, exc)
        await _failed(runtime, target, exc)
        return None
    async with runtime.db.transaction() as tx:
        await audit.record(
            tx, runtime.now(), None, "backup.written", "backup", target.name, pruned=pruned
        )
    log.info("nightly backup written to %s (%d old copies removed)", target, pruned)
    return target


def _prune(folder: Path, keep: int) -> int:
    old = copies(folder)[:-keep]
    for path in old:
        path.unlink(missing_ok=True)
    return len(old)


async def _failed(runtime: Runtime, target: Path, error: Exception) -> None:
    async with runtime.db.transaction() as tx:
        now = runtime.now()
        await audit.record(tx, now, None, "backup.failed", "backup", target.name, error=str(error))
        await notify.tell_many(
            tx,
            await admins(runtime, tx),
            "backup.failed",
            now,
            default_language=runtime.settings.default_language,
            folder=str(target.parent),
            error=str(error)[:300],
        )


NIGHTLY = Nightly(JOB_NAME, NIGHTLY_AT, run)
on_start = NIGHTLY.on_start
