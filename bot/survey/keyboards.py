"""Buttons and small texts of the survey conversation, labelled in the reader's language."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.core import formatting
from bot.core.catalog import Markup, join, t
from bot.core.context import BotContext
from bot.core.keyboards import button, rows
from bot.core.office import Service
from bot.survey import callbacks as scb
from bot.survey.rules import PROFILE, SCORES, SKIPPED, UNSUR_KEYS, SurveyDraft


def day(context: BotContext, moment: datetime) -> str:
    lang = context.actor.language if context.has_actor else "id"
    local = moment.astimezone(context.runtime.settings.zone).date()
    return formatting.day(lang, local)


def services(language: str, draft_id: str, choices: list[Service]) -> InlineKeyboardMarkup:
    return rows(
        [
            InlineKeyboardButton(
                s.label(language), callback_data=scb.SurveyService(draft_id, s.code).encode()
            )
            for s in choices
        ]
    )


def score_label(language: str, key: str, score: int) -> str:
    return str(
        t(language, "skm.answer_button", score=score, label=t(language, f"skm.{key}.{score}"))
    )


def scores(language: str, draft_id: str, key: str) -> InlineKeyboardMarkup:
    """One button per score, 1 to 4, each with its official label: "4 · Sangat mudah"."""
    return rows(
        [
            InlineKeyboardButton(
                score_label(language, key, score),
                callback_data=scb.SurveyAnswer(draft_id, key, score).encode(),
            )
            for score in SCORES
        ]
    )


def profile_label(language: str, field: str, value: str) -> str:
    if value == SKIPPED:
        return str(t(language, "skm.skip"))
    return str(t(language, f"skm.{field}.{value}"))


def profile(language: str, draft_id: str, field: str) -> InlineKeyboardMarkup:
    choices = [
        InlineKeyboardButton(
            profile_label(language, field, value),
            callback_data=scb.SurveyProfile(draft_id, field, value).encode(),
        )
        for value in PROFILE[field]
    ]
    markup = rows(choices, per_row=2)
    skip = button(language, "skm.skip", scb.SurveyProfile(draft_id, field, SKIPPED))
    return InlineKeyboardMarkup([*markup.inline_keyboard, [skip]])


def skip_suggestion(language: str, draft_id: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[button(language, "skm.skip", scb.SurveySkipSuggestion(draft_id))]]
    )


def summary(language: str, draft_id: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [button(language, "skm.send", scb.SurveySend(draft_id))],
            [
                button(language, "skm.edit", scb.SurveyEdit(draft_id)),
                button(language, "skm.cancel", scb.SurveyCancel(draft_id)),
            ],
        ]
    )


def answer_lines(language: str, draft: SurveyDraft) -> Markup:
    return join(
        t(
            language,
            "skm.summary_line",
            key=key,
            name=t(language, f"skm.{key}.name"),
            score=draft.answers[key],
            label=t(language, f"skm.{key}.{draft.answers[key]}"),
        )
        for key in UNSUR_KEYS
        if key in draft.answers
    )


def profile_summary(language: str, draft: SurveyDraft) -> str:
    given = [
        profile_label(language, name, value)
        for name, value in draft.profile.items()
        if value is not None
    ]
    return " · ".join(given) if given else str(t(language, "skm.none"))


def edit_choices(language: str, draft: SurveyDraft) -> InlineKeyboardMarkup:
    buttons = [
        InlineKeyboardButton(
            f"{key} {t(language, f'skm.{key}.name')}: {draft.answers[key]}",
            callback_data=scb.SurveyEditUnsur(draft.id, key).encode(),
        )
        for key in UNSUR_KEYS
        if key in draft.answers
    ]
    back = button(language, "skm.back", scb.SurveyBack(draft.id))
    return InlineKeyboardMarkup([*rows(buttons).inline_keyboard, [back]])
