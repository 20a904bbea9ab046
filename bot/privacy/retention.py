"""Retention: a closed complaint keeps its personal data ``RETENTION_MONTHS`` (24 by
default) after closing, then a nightly job anonymises it (UU 27/2022: personal data is
kept no longer than its purpose needs; the office's statistics need none of it).

Runs every night at 03:15 WIB, after the housekeeping; a night missed while the bot was
down is caught up the next night (the rule is "closed before", not "closed that day").
Each run anonymises at most :data:`BATCH` complaints per transaction and goes on until
none is due, recording each batch in the audit log (counts, never values). The delivered
messages that stood for those complaints are redacted from the outbox log too.
"""

from __future__ import annotations

import calendar
import logging
from datetime import datetime, time
from typing import TYPE_CHECKING

from bot.complaints.alerts import ALERT, CITIZEN, MESSAGE
from bot.core.clock import to_epoch
from bot.core.scheduling import Nightly
from bot.privacy.rules import ANONYMISED_TEXT
from storage.core import audit
from storage.privacy import personal_data, retention

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

log = logging.getLogger(__name__)
JOB_NAME = "retention"
NIGHTLY_AT = time(3, 15)
BATCH = 200


def months_before(moment: datetime, months: int) -> datetime:
    """The same local day and time ``months`` calendar months earlier (the 31st becomes
    the month's last day)."""
    index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


async def run(runtime: Runtime) -> int:
    """Anonymise every closed complaint past retention; returns how many."""
    local = runtime.clock.now().astimezone(runtime.settings.zone)
    before = to_epoch(months_before(local, runtime.settings.retention_months))
    total = 0
    while True:
        async with runtime.db.transaction() as tx:
            ids = await retention.due(tx, before, BATCH)
            if not ids:
                break
            now = runtime.now()
            await retention.anonymise(tx, ids, ANONYMISED_TEXT, now)
            for kind in (ALERT, CITIZEN, MESSAGE):
                await personal_data.redact_delivered(tx, kind, ids)
            await audit.record(
                tx, now, None, "retention.anonymised", "complaint", None, complaints=len(ids)
            )
        total += len(ids)
    if total:
        log.info("retention: %d closed complaints anonymised", total)
    return total


NIGHTLY = Nightly(JOB_NAME, NIGHTLY_AT, run)
on_start = NIGHTLY.on_start
