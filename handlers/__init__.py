"""Telegram adapters, grouped by audience. Each module's ``register`` adds its handlers
with the chat-type filter at registration; order matters, fallbacks come last."""

from __future__ import annotations

from telegram.ext import Application

from handlers import activities, transparency
from handlers.complaints import actions as unit_group
from handlers.complaints import followup as citizen_complaints
from handlers.complaints import intake as citizen_intake
from handlers.complaints import views as staff
from handlers.core import common, errors
from handlers.people import admin, blocks
from handlers.privacy import rights as privacy
from handlers.reports import summary as reports
from handlers.survey import ikm
from handlers.survey import responses as survey


def register(application: Application) -> None:
    common.register(application)
    admin.register(application)
    blocks.register(application)
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
