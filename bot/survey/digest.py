"""The monthly IKM digest: on the first working day of each month each supervisor gets the
previous month's IKM per service, through the outbox.

A :class:`bot.services.digest.DigestKind` (rows keyed by the month, claimed once, sent at
start when it fell due while the bot was down). Due on the first working day of the month
(``runtime.calendar``: weekends, libur nasional, cuti bersama and the office file's extra
days off are skipped) at the clock time of the weekly digest (``DIGEST_SCHEDULE``, 07:30
by default), so that the office's morning reports arrive together.

A month without respondents still gets its digest: it says so, since the SKM must run at
least once a year (PermenPANRB 14/2017) and a silent month is worth noticing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from bot.complaints.alerts import supervisors
from bot.core import formatting, notify
from bot.core.catalog import LANGUAGES, Markup, join, t
from bot.core.office import Service
from bot.core.periods import Period, parse_weekly_schedule
from bot.reports.digest import DigestKind
from bot.reports.rules import instants, month_before, monthly_due
from bot.survey.ikm import Scope, ikm_for, ikm_per_service, office_population
from bot.survey.ikm_rules import IkmResult
from bot.survey.render import period_label
from storage.core.db import Tx
from storage.core.outbox import PRIORITY_BULK
from storage.survey import responses as surveys

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

NAME = "ikm_monthly"


def next_due(runtime: Runtime, moment: datetime) -> datetime:
    at = parse_weekly_schedule(runtime.settings.digest_schedule).at
    return monthly_due(runtime.calendar, moment, at)


def period_key(runtime: Runtime, due: datetime) -> str:
    return month_before(due, runtime.settings.zone).start.strftime("%Y-%m")


@dataclass(frozen=True)
class ServiceIkm:
    service: Service
    result: IkmResult | None
    minimum_sample: int | None


@dataclass(frozen=True)
class MonthlyIkm:
    period: Period
    services: list[ServiceIkm]  # in the office file's order
    office: IkmResult | None
    suggestions: int  # written in the survey that month (read them with /saran)


async def compute(runtime: Runtime, period: Period) -> MonthlyIkm:
    """The month's IKM per service (two queries) and office-wide."""
    start, end = instants(period, runtime.settings.zone)
    weighting = runtime.office.survey.weight
    found = await ikm_per_service(runtime.db, start, end, weighting=weighting)
    services = []
    for service in runtime.office.services:
        population = office_population(runtime.office, Scope(service, None), period)
        services.append(
            ServiceIkm(
                service, found.get(service.code), population.minimum_sample if population else None
            )
        )
    office = await ikm_for(runtime.db, start, end, weighting=weighting)
    suggestions = await surveys.count_suggestions(runtime.db, start, end)
    return MonthlyIkm(period, services, office, suggestions)


def _grade(language: str, result: IkmResult) -> tuple[str, str, Markup | str]:
    if result.converted is None or result.grade is None:
        return "—", "—", "—"
    return (
        formatting.number(language, float(result.converted), 2),
        result.grade.mutu,
        t(language, f"ikm.kinerja.{result.grade.kinerja}"),
    )


def render(language: str, found: MonthlyIkm) -> Markup:
    period = period_label(language, found.period)
    title = t(language, "ikmdigest.title", period=period)
    if found.office is None:
        return join([title, "", t(language, "ikmdigest.empty", period=period)])
    lines: list[str] = [title, "", t(language, "ikmdigest.intro")]
    missing, short = [], False
    for item in found.services:
        if item.result is None:
            missing.append(item.service.label(language))
            continue
        converted, mutu, _ = _grade(language, item.result)
        below = item.minimum_sample is not None and item.result.respondents < item.minimum_sample
        short = short or below
        lines.append(
            t(
                language,
                "ikmdigest.line",
                service=item.service.label(language),
                converted=converted,
                mutu=mutu,
                respondents=formatting.integer(language, item.result.respondents),
                short=t(language, "ikmdigest.short") if below else "",
            )
        )
    converted, mutu, kinerja = _grade(language, found.office)
    lines += [
        "",
        t(
            language,
            "ikmdigest.total",
            converted=converted,
            mutu=mutu,
            kinerja=kinerja,
            respondents=formatting.integer(language, found.office.respondents),
        ),
    ]
    if missing:
        lines.append(t(language, "ikmdigest.missing", services=", ".join(missing)))
    if short:
        lines.append(t(language, "ikmdigest.short_note"))
    month = found.period.start.strftime("%Y-%m")
    if found.suggestions:
        lines.append(
            t(
                language,
                "ikmdigest.suggestions",
                month=month,
                count=formatting.integer(language, found.suggestions),
            )
        )
    lines.append(t(language, "ikmdigest.footer", month=month))
    return join(lines)


async def prepare(runtime: Runtime, due: datetime) -> dict[str, Markup]:
    found = await compute(runtime, month_before(due, runtime.settings.zone))
    return {language: render(language, found) for language in LANGUAGES}


async def send(runtime: Runtime, tx: Tx, due: datetime, texts: dict[str, Markup]) -> int:
    now = runtime.now()
    recipients = await supervisors(runtime, tx)
    for person in recipients:
        await notify.send_text(
            tx, person.telegram_id, texts[person.language], now, priority=PRIORITY_BULK
        )
    return len(recipients)


MONTHLY_IKM = DigestKind(NAME, next_due, period_key, prepare, send)
