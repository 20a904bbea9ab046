"""The SKM survey: who may answer for which service and when, submitting a response, and
the invitation sent when a complaint about a service is closed.

One response per person per service per ``SURVEY_INTERVAL_DAYS`` (PermenPANRB 14/2017
asks for a fair sample, not for one person's repeated votes); the rule is checked when the
service is chosen and again inside the submitting transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from telegram import InlineKeyboardMarkup

from bot.core import notify
from bot.core.clock import from_epoch
from bot.core.errors import NotFound
from bot.core.keyboards import button
from bot.core.office import Service
from bot.people.directory import Actor
from bot.survey.callbacks import SurveyInvite
from bot.survey.rules import PROFILE, SOURCES, SurveyDraft, next_allowed
from domain.survey import Source
from storage.complaints import records as complaints
from storage.core import audit
from storage.core.db import Reader, Tx
from storage.survey import responses as surveys
from storage.survey.responses import NewResponse

if TYPE_CHECKING:
    from bot.core.runtime import Runtime
    from storage.complaints.records import Complaint


class TooSoon(Exception):
    """The person answered for this service less than the interval ago."""

    def __init__(self, last: datetime, next_at: datetime) -> None:
        super().__init__(f"next survey from {next_at}")
        self.last = last
        self.next_at = next_at


class Incomplete(ValueError):
    """The draft lacks a service or an answer (a forged or stale press)."""


@dataclass(frozen=True)
class Submitted:
    response_id: int
    service: Service
    next_at: datetime
    duplicate: bool  # "Kirim" pressed again: the first response stands


def service(runtime: Runtime, code: str | None) -> Service:
    found = runtime.office.service(code) if code else None
    if found is None:
        raise NotFound(code)
    return found


def services(runtime: Runtime) -> list[Service]:
    return list(runtime.office.services)


async def _check_interval(runtime: Runtime, db: Reader, person_id: int, code: str) -> None:
    last = await surveys.last_submitted(db, person_id, code)
    if last is None:
        return
    next_at = next_allowed(from_epoch(last), runtime.settings.survey_interval_days)
    if runtime.clock.now() < next_at:
        raise TooSoon(from_epoch(last), next_at)


async def check_may_answer(runtime: Runtime, actor: Actor, code: str) -> Service:
    """The service, if this person may answer for it now; raises TooSoon otherwise."""
    chosen = service(runtime, code)
    await _check_interval(runtime, runtime.db, actor.telegram_id, chosen.code)
    return chosen


async def complaint_link(runtime: Runtime, actor: Actor, complaint_id: int) -> int | None:
    """The complaint an invitation came from, if it really is this person's (callback data
    can be forged: a response is never linked to somebody else's complaint)."""
    complaint = await complaints.get(runtime.db, complaint_id) if complaint_id > 0 else None
    return complaint.id if complaint and complaint.reporter_id == actor.telegram_id else None


async def submit(runtime: Runtime, actor: Actor, draft: SurveyDraft) -> Submitted:
    """Store the response and its audit entry in one transaction; idempotent per draft."""
    chosen = service(runtime, draft.service)
    if not draft.complete() or draft.source not in SOURCES:
        raise Incomplete(draft.id)
    key = f"{actor.telegram_id}:{draft.id}"
    now = runtime.now()
    interval = runtime.settings.survey_interval_days
    async with runtime.db.transaction() as tx:
        existing = await surveys.id_for_draft(tx, key)
        if existing is not None:
            return Submitted(existing, chosen, next_allowed(runtime.clock.now(), interval), True)
        await _check_interval(runtime, tx, actor.telegram_id, chosen.code)
        profile = {name: draft.profile.get(name) for name in PROFILE}
        response_id = await surveys.add(
            tx,
            NewResponse(
                draft_key=key,
                respondent_id=actor.telegram_id,
                service_code=chosen.code,
                unit_code=chosen.unit,
                submitted_at=now,
                source=Source(draft.source),
                complaint_id=draft.complaint_id,
                answers=dict(draft.answers),
                gender=profile["gender"],
                age_range=profile["age"],
                education=profile["education"],
                occupation=profile["occupation"],
                suggestion=draft.suggestion,
            ),
        )
        await audit.record(
            tx,
            now,
            actor.telegram_id,
            "survey.submitted",
            "survey_response",
            response_id,
            service=chosen.code,
            source=draft.source,
        )
    return Submitted(response_id, chosen, next_allowed(runtime.clock.now(), interval), False)


async def was_sent(runtime: Runtime, actor: Actor, draft_id: str) -> bool:
    return await surveys.id_for_draft(runtime.db, f"{actor.telegram_id}:{draft_id}") is not None


# --- the invitation after a complaint about a service ----------------------------------


def invite_keyboard(
    language: str, service_code: str | None, complaint_id: int
) -> InlineKeyboardMarkup:
    data = SurveyInvite(service_code or "-", complaint_id)
    return InlineKeyboardMarkup([[button(language, "skm.invite_button", data)]])


async def invite_after_complaint(runtime: Runtime, tx: Tx, complaint: Complaint) -> None:
    """``complaint_closed_hooks`` entry: runs in the closing transaction. A complaint whose
    category is about a service (office file ``survey``/``survey_service``) invites its
    reporter to the survey, unless they answered for that service recently."""
    category = runtime.office.category(complaint.category_code)
    if category is None or not category.invites_to_survey:
        return
    code = category.survey_service
    if code is not None:
        try:
            await _check_interval(runtime, tx, complaint.reporter_id, code)
        except TooSoon:
            return
    language = await notify.language_of(
        tx, complaint.reporter_id, runtime.settings.default_language
    )
    target = runtime.office.service(code) if code else None
    key = "skm.invite" if target else "skm.invite_any"
    sent = await notify.tell(
        tx,
        complaint.reporter_id,
        key,
        runtime.now(),
        default_language=language,
        number=complaint.number,
        service=target.label(language) if target else "",
        markup_for=lambda lang: invite_keyboard(lang, code, complaint.id),
    )
    if sent:
        await audit.record(
            tx,
            runtime.now(),
            None,
            "survey.invited",
            "complaint",
            complaint.id,
            service=code or "*",
        )
