"""Scheduled activities (trainings and citizen forums): registration of the handlers and
commands of the feature."""

from __future__ import annotations

from telegram.ext import Application

from bot.commands import Command
from bot.commands import register as register_commands
from bot.roles import Permission
from handlers import (
    activity_corrections,
    activity_jp,
    activity_manage,
    activity_new,
    activity_people,
)

register_commands(
    Command("forum"),
    Command("kegiatan", permission=Permission.STAFF_TOOLS),
    Command("jp", permission=Permission.STAFF_TOOLS),
    Command("kegiatan_baru", permission=Permission.UNIT_REPORTS),
    Command("jp_unit", permission=Permission.UNIT_REPORTS),
    Command("anggaran", permission=Permission.OFFICE_REPORTS),
)


def register(application: Application) -> None:
    activity_new.register(application)
    activity_corrections.register(application)  # "/kegiatan selesai" before "/kegiatan"
    activity_manage.register(application)
    activity_people.register(application)
    activity_jp.register(application)
