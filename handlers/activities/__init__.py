"""Scheduled activities (trainings and citizen forums): registration of the handlers and
commands of the feature."""

from __future__ import annotations

from telegram.ext import Application

from bot.core.commands import Command
from bot.people.roles import Permission
from handlers.activities import corrections as activity_corrections
from handlers.activities import create as activity_new
from handlers.activities import invitations as activity_people
from handlers.activities import jp as activity_jp
from handlers.activities import views as activity_manage

#: This feature's commands (the application factory adds them to the command table).
COMMANDS = (
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
