"""/saran: the suggestions citizens wrote in the SKM survey, for the unit heads and
supervisors who must act on them (the policy's "hak warga memberi masukan dan kritik").

Same scope rules as /ikm (:func:`bot.services.ikm_reports.scope_for`): supervisors read
every service's suggestions, a unit head their unit's. The respondent is never shown:
only the service, the day and the respondent's average score, which tells a complaint
("2,1") from praise ("3,9") at a glance.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.periods import Period
from bot.people.directory import Actor
from bot.survey.ikm import Scope, scope_for
from storage.survey import responses as surveys
from storage.survey.responses import Suggestion

if TYPE_CHECKING:
    from bot.core.runtime import Runtime

PAGE_SIZE = 5  # five suggestions of up to CLIP characters stay under Telegram's 4096
CLIP = 600


@dataclass(frozen=True)
class SuggestionPage:
    scope: Scope
    period: Period
    items: list[Suggestion]
    page: int
    pages: int
    total: int


async def suggestion_page(
    runtime: Runtime, actor: Actor, period: Period, service_code: str | None, page: int
) -> SuggestionPage:
    """Newest first; raises NotAllowed or NotFound for a scope the actor may not read."""
    scope = scope_for(runtime.office, actor, service_code)
    start, end = (int(moment.timestamp()) for moment in period.bounds(runtime.settings.zone))
    service = scope.service.code if scope.service else None
    total = await surveys.count_suggestions(runtime.db, start, end, service, scope.unit_code)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    page = min(max(1, page), pages)
    items = await surveys.suggestions(
        runtime.db, start, end, service, scope.unit_code, (page - 1) * PAGE_SIZE, PAGE_SIZE
    )
    return SuggestionPage(scope, period, items, page, pages, total)


def clipped(text: str) -> str:
    text = text.strip()
    return text if len(text) <= CLIP else text[: CLIP - 1].rstrip() + "…"
