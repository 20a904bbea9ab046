"""Telegram adapters, grouped by audience. Each module's ``register`` adds its handlers
with the chat-type filter at registration; order matters, fallbacks come last."""

from __future__ import annotations

from telegram.ext import Application

from handlers import (
    activities,
    admin,
    citizen_complaints,
    citizen_intake,
    common,
    errors,
    ikm,
    privacy,
    reports,
    staff,
    survey,
    transparency,
    unit_group,
)


def register(application: Application) -> None:
    common.register(application)
    admin.register(application)
    citizen_intake.register(application)
    citizen_complaints.register(application)
    unit_group.register(application)
    staff.register(application)
    activities.register(application)
    survey.register(application)
    ikm.register(application)
    reports.register(application)
    privacy.register(application)
    transparency.register(application)
    common.register_fallbacks(application)
    citizen_complaints.register_fallbacks(application)
    application.add_error_handler(errors.on_error)
