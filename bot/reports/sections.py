"""Where other features plug into the reports.

The complaint figures are built in; features with their own data add a section to one of
these extension points (in the application factory, see :mod:`bot.core.extensions`), and
it appears wherever it applies:

- :data:`SUMMARY`: ``/ringkasan``, the weekly digest and ``/kinerja`` (office- or
  unit-wide), e.g. the IKM of the period from the satisfaction surveys.
- :data:`SCORECARD`: ``/kinerja <unit>`` only, e.g. the JP compliance of the
  unit's staff or its weakest SKM unsur.
- :data:`RANKING`: ``/kinerja`` without a unit (the ranking of all units): a short
  item per unit (e.g. "JP 2/3"), shown on one extra line under the unit's figures. A
  column returns unit code -> item for the units that have data; units it leaves out show
  nothing, so a figure only some units have does not fill the ranking with dashes.

A section receives the period, the unit (``None`` for the whole office) and the reader's
language, and returns catalog text (or ``None`` to stay silent, e.g. without data).
Sheets of the XLSX export plug in the same way, see :mod:`bot.reports.sheets`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.catalog import Markup
from bot.core.extensions import Point
from bot.core.periods import Period

if TYPE_CHECKING:
    from bot.core.runtime import Runtime


@dataclass(frozen=True)
class SectionContext:
    runtime: Runtime
    period: Period
    unit_code: str | None  # None: the whole office
    language: str


Section = Callable[[SectionContext], Awaitable[Markup | None]]

SUMMARY = Point[Section]("lines of /ringkasan, /kinerja and the weekly digest")
SCORECARD = Point[Section]("lines of one unit's /kinerja")


async def render_sections(sections: Sequence[Section], context: SectionContext) -> list[Markup]:
    rendered = []
    for section in sections:
        text = await section(context)
        if text:
            rendered.append(text)
    return rendered


@dataclass(frozen=True)
class RankingContext:
    runtime: Runtime
    period: Period
    unit_codes: list[str]  # the ranked units, best first
    language: str


RankingColumn = Callable[[RankingContext], Awaitable[dict[str, Markup]]]

RANKING = Point[RankingColumn]("items per unit under the ranking of /kinerja")


async def render_columns(
    columns: Sequence[RankingColumn], context: RankingContext
) -> dict[str, list[Markup]]:
    """Unit code -> its items, in the order the columns were added."""
    items: dict[str, list[Markup]] = {code: [] for code in context.unit_codes}
    for column in columns:
        for code, item in (await column(context)).items():
            if code in items and item:
                items[code].append(item)
    return items
