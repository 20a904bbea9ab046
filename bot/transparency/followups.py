"""The office's follow-up to the IKM (``/tindak_lanjut KODE_LAYANAN teks``, supervisors):
what it does about a service's weakest unsur, published with the monthly IKM and on the
public page. It answers the latest month reported (the month before today), and keeps
that month's weakest unsur with it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.errors import NotFound
from bot.core.office import Service
from bot.core.periods import Period
from bot.people.directory import Actor
from bot.reports.rules import instants, month_before
from bot.reports.summary import require_office
from bot.survey.ikm import ikm_for
from bot.survey.ikm_rules import weakest_unsur
from bot.transparency.rules import FOLLOWUP_MAX, FOLLOWUP_MIN, Personal, personal_markers
from storage.core import audit
from storage.transparency import followups

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


class BadText(ValueError):
    """Too short, too long, or holding personal data (``markers``)."""

    def __init__(self, length: int, markers: list[Personal]) -> None:
        super().__init__(f"length {length}, markers {markers}")
        self.length = length
        self.markers = markers


def check_public_text(text: str, minimum: int, maximum: int) -> str:
    """A text staff write for the public: its length and no personal data."""
    text = " ".join(text.split())
    markers = personal_markers(text)
    if not minimum <= len(text) <= maximum or markers:
        raise BadText(len(text), markers)
    return text


@dataclass(frozen=True)
class Recorded:
    service: Service
    period: Period
    unsur_key: str | None


async def record(runtime: Runtime, actor: Actor, service_code: str, text: str) -> Recorded:
    require_office(actor)
    service = runtime.office.service(service_code.upper())
    if service is None:
        raise NotFound(service_code)
    body = check_public_text(text, FOLLOWUP_MIN, FOLLOWUP_MAX)
    period = month_before(runtime.clock.now(), runtime.settings.zone)
    start, end = instants(period, runtime.settings.zone)
    result = await ikm_for(
        runtime.db, start, end, service.code, weighting=runtime.office.survey.weight
    )
    weakest = weakest_unsur(result, 1) if result is not None else []
    unsur = weakest[0].key if weakest else None
    now = runtime.now()
    async with runtime.db.transaction() as tx:
        await followups.add(
            tx, service.code, f"{period.start:%Y-%m}", unsur, body, actor.telegram_id, now
        )
        await audit.record(
            tx,
            now,
            actor.telegram_id,
            "ikm_followup.recorded",
            "service",
            service.code,
            period=f"{period.start:%Y-%m}",
            unsur=unsur,
        )
    return Recorded(service, period, unsur)
