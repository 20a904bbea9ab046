"""Callback data of the SKM survey (domain ``s``).

Presses inside a survey carry the draft id, so a button left over from an earlier or
cancelled survey is recognised as stale instead of changing the current one.
"""

from __future__ import annotations

from bot.core.callbacks import Callback, callback


@callback("s", "menu")
class SurveyMenu(Callback):
    """Main-menu entry: start a survey with the service picker."""


@callback("s", "inv")
class SurveyInvite(Callback):
    """The invitation after a complaint about a service was closed."""

    service: str  # "-": let the citizen choose
    complaint_id: int


@callback("s", "svc")
class SurveyService(Callback):
    draft: str
    service: str


@callback("s", "ans")
class SurveyAnswer(Callback):
    draft: str
    unsur: str
    score: int


@callback("s", "prof")
class SurveyProfile(Callback):
    draft: str
    field: str
    value: str  # "-": Lewati


@callback("s", "nosug")
class SurveySkipSuggestion(Callback):
    draft: str


@callback("s", "send")
class SurveySend(Callback):
    draft: str


@callback("s", "edit")
class SurveyEdit(Callback):
    draft: str


@callback("s", "eu")
class SurveyEditUnsur(Callback):
    draft: str
    unsur: str


@callback("s", "back")
class SurveyBack(Callback):
    draft: str


@callback("s", "cancel")
class SurveyCancel(Callback):
    draft: str


@callback("s", "sar")
class SuggestionsPage(Callback):
    """A page of /saran. The period travels as its first and (exclusive) last day,
    YYYYMMDD; the server checks the presser's scope again on every page."""

    start: int
    end: int
    service: str  # "-": every service in the presser's scope
    page: int
