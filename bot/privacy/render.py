"""How the personal-data texts look: the /datasaya summary, the explanation before an
erasure and the account of what it did. Pure rendering from the catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.core import formatting
from bot.core.catalog import Markup, t
from bot.core.clock import from_epoch
from bot.core.office import Office
from storage.privacy.personal_data import Preview

if TYPE_CHECKING:
    from bot.privacy.copy import Holdings
    from bot.privacy.erasure import Erased


def _when(language: str, epoch: int, zone: ZoneInfo) -> str:
    return formatting.moment(language, from_epoch(epoch), zone)


def summary(language: str, holdings: Holdings, role: str, office: Office, zone: ZoneInfo) -> Markup:
    """What is held, counted, and how to correct or erase it."""
    started = holdings.person.started_at
    subscribed = holdings.subscribed_at
    return t(
        language,
        "pd.summary",
        office=office.office.name,
        profile=_profile(language, holdings, role, office, zone),
        started=_when(language, started, zone) if started else t(language, "pd.unknown"),
        consent=_consent(language, holdings, zone),
        complaints=t(
            language, "pd.complaints", count=holdings.complaints, open=holdings.open_complaints
        ),
        responses=holdings.survey_responses,
        activities=holdings.invitations,
        forum=t(language, "pd.forum_yes", when=_when(language, subscribed, zone))
        if subscribed is not None
        else t(language, "pd.forum_no"),
    )


def _profile(
    language: str, holdings: Holdings, role: str, office: Office, zone: ZoneInfo
) -> Markup:
    person = holdings.person
    spoken = t(language, f"language.name.{person.language}")
    if person.erased_at is not None and person.privacy_accepted_at is None:
        return t(
            language,
            "pd.profile_erased",
            when=_when(language, person.erased_at, zone),
            language=spoken,
        )
    unit = office.unit(person.unit_code) if person.unit_code else None
    return t(
        language,
        "pd.profile",
        name=person.full_name,
        username=t(language, "pd.username", username=person.username) if person.username else "",
        language=spoken,
        role=t(language, f"role.{role}"),
        unit=t(language, "start.unit_suffix", unit=unit.label(language)) if unit else "",
    )


def _consent(language: str, holdings: Holdings, zone: ZoneInfo) -> Markup:
    person = holdings.person
    if person.privacy_accepted_at is not None:
        return t(
            language, "pd.consent_given", when=_when(language, person.privacy_accepted_at, zone)
        )
    if person.erased_at is not None:
        return t(language, "pd.consent_withdrawn", when=_when(language, person.erased_at, zone))
    return t(language, "pd.consent_none")


def caption(language: str, now: int, zone: ZoneInfo) -> Markup:
    return t(language, "pd.caption", when=_when(language, now, zone))


def explanation(language: str, preview: Preview) -> Markup:
    """Exactly what an erasure will do, with this person's numbers."""
    return t(
        language,
        "pd.explain",
        complaints=preview.complaints,
        open=preview.open_complaints,
        conduct=t(language, "pd.explain_conduct", count=preview.conduct_open)
        if preview.conduct_open
        else "",
        responses=preview.survey_responses,
        invitations=preview.pending_invitations,
        forum=t(language, "pd.explain_forum") if preview.subscribed else "",
    )


def erased(language: str, done: Erased) -> Markup:
    """What the erasure did."""
    return t(
        language,
        "pd.erased",
        complaints=done.complaints,
        closed=t(language, "pd.erased_closed", numbers=", ".join(done.closed))
        if done.closed
        else "",
        kept=t(language, "pd.erased_kept", numbers=", ".join(done.kept_open))
        if done.kept_open
        else "",
        responses=done.survey_responses,
        invitations=done.invitations,
        forum=t(language, "pd.erased_forum") if done.subscription else "",
    )
