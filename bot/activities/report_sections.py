"""Competency development (JP) in the supervisor reports.

- ``/kinerja <unit>``: how many of the unit's ASN have at least the pro-rata JP target
  (PP 11/2017 jo. PP 17/2020: 20 JP a year, pro-rated to the share of the year elapsed).
- The ranking of all units: the same as "JP 2/3" for each unit with registered ASN.

Read as of the period's last moment, or now while the period runs
(:func:`bot.report_rules.as_of`), through
:func:`bot.services.jp_reports.unit_jp_compliance`: a past month shows where the staff
stood at its end, not where they stand today. Staff are those registered now.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.activities.jp import unit_jp_compliance
from bot.activities.rules import prorata_target
from bot.core import formatting
from bot.core.catalog import Markup, t
from bot.core.periods import Period
from bot.reports.rules import as_of
from bot.reports.sections import (
    RankingContext,
    SectionContext,
)

if TYPE_CHECKING:
    from datetime import datetime

    from bot.core.runtime import Runtime


def moment_of(runtime: Runtime, period: Period) -> datetime:
    return as_of(period, runtime.clock.now(), runtime.settings.zone)


async def jp_section(context: SectionContext) -> Markup | None:
    """Scorecard section: the unit's JP compliance."""
    if context.unit_code is None:
        return None
    runtime, language = context.runtime, context.language
    moment = moment_of(runtime, context.period)
    found = await unit_jp_compliance(runtime, context.unit_code, at=moment)
    if found.staff == 0:
        return t(language, "rsec.jp_none")
    target = prorata_target(runtime.office.training.jp_target, moment, runtime.settings.zone)
    return t(
        language,
        "rsec.jp",
        on_track=found.on_track,
        staff=found.staff,
        date=formatting.day(language, moment.date()),
        target=formatting.number(language, target, 1),
        yearly=runtime.office.training.jp_target,
        share=formatting.percent(language, found.share),
    )


async def jp_column(context: RankingContext) -> dict[str, Markup]:
    """Ranking column: "JP 2/3" for each unit with registered ASN."""
    moment = moment_of(context.runtime, context.period)
    items = {}
    for code in context.unit_codes:
        found = await unit_jp_compliance(context.runtime, code, at=moment)
        if found.staff:
            items[code] = t(
                context.language, "ranking.jp", on_track=found.on_track, staff=found.staff
            )
    return items
