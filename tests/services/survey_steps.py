"""A survey filled in to the end, as the survey conversation leaves the draft."""

from __future__ import annotations

from bot.survey.rules import PROFILE, UNSUR_KEYS, SurveyDraft


def answered(service: str = "KTP", score: int = 4, **draft: object) -> SurveyDraft:
    """A survey filled in to the end: nine unsur, the profile, the suggestion step."""
    filled = SurveyDraft(service=service, **draft)  # type: ignore[arg-type]
    for key in UNSUR_KEYS:
        filled.answer(key, score)
    for name, codes in PROFILE.items():
        filled.set_profile(name, codes[0])
    filled.suggestion = filled.suggestion or "Antrean di loket PATEN terlalu lama."
    filled.suggestion_done = True
    return filled
