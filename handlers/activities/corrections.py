"""/kegiatan selesai (organisers and supervisors): activities finished within the
correction window, each with "Presensi", which reopens its attendance checklist (the
first one if never saved; otherwise the saved attendance, to correct with "Simpan
koreksi"). Every press is authorised on the server (the services raise NotAllowed)."""

from __future__ import annotations

import functools
import re
from typing import TypeVar

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, filters

from bot.activities import attendance, corrections
from bot.activities import callbacks as acb
from bot.activities import keyboards as kb
from bot.activities.attendance import AlreadySaved, NotEnded
from bot.activities.common import renderer
from bot.activities.corrections import CorrectionClosed
from bot.core.context import BotContext
from bot.people.roles import Permission
from handlers.activities.replies import press_guard, replace
from handlers.core.guards import requires
from handlers.core.replies import answer, language, reply, say
from handlers.core.updates import Callback, data_of

R = TypeVar("R")

#: "/kegiatan selesai" (also "done"); plain /kegiatan lists upcoming activities.
FINISHED = re.compile(r"^/kegiatan(@\w+)?\s+(selesai|done)\s*$", re.IGNORECASE)


@requires(Permission.STAFF_TOOLS)
async def finished(update: Update, context: BotContext) -> None:
    runtime = context.runtime
    found = await corrections.finished_for(runtime, context.actor)
    days = runtime.office.training.attendance_correction_days
    if not found:
        await say(update, context, "actcor.finished_empty", days=days)
        return
    lang = language(context)
    await say(update, context, "actcor.finished_title", count=len(found), days=days)
    draw = renderer(runtime)
    for item in found:
        loaded = item.loaded
        await reply(
            update,
            context,
            draw.finished(
                lang, loaded.activity, loaded.units, loaded.organiser, item.counts, item.deadline
            ),
            kb.attendance_open(lang, loaded.activity.id),
        )


def correction_guard(handler: Callback[R]) -> Callback[R | None]:
    """Presses after the correction window (or on attendance never saved) get a polite
    alert; the checklist message is left as it is."""

    @functools.wraps(handler)
    async def guarded(update: Update, context: BotContext) -> R | None:
        try:
            return await handler(update, context)
        except CorrectionClosed as closed:
            deadline = (
                renderer(context.runtime).short_when(language(context), closed.deadline)
                if closed.deadline is not None
                else ""
            )
            await answer(
                update, context, f"actcor.closed.{closed.reason}", alert=True, deadline=deadline
            )
        except AlreadySaved:
            await answer(update, context, "att.already_saved", alert=True)
        except NotEnded:
            await answer(update, context, "att.not_ended", alert=True)
        return None

    return guarded


@press_guard
@requires(Permission.STAFF_TOOLS)
@correction_guard
async def open_checklist(update: Update, context: BotContext) -> None:
    pressed = acb.AttendOpen.parse(data_of(update))
    runtime = context.runtime
    reopened = await corrections.reopen(runtime, context.actor, pressed.activity_id)
    await answer(update, context)
    lang = language(context)
    if reopened.correcting:
        text, markup = corrections.correction_message(runtime, lang, reopened.checklist, 0)
    else:
        text, markup = attendance.checklist_message(runtime, lang, reopened.checklist, 0)
    await reply(update, context, text, markup)


@press_guard
@requires(Permission.STAFF_TOOLS)
@correction_guard
async def fix_toggle(update: Update, context: BotContext) -> None:
    pressed = acb.FixToggle.parse(data_of(update))
    checklist = await corrections.toggle(
        context.runtime, context.actor, pressed.activity_id, pressed.person_id
    )
    await answer(update, context)
    await replace(
        update,
        context,
        *corrections.correction_message(
            context.runtime, language(context), checklist, pressed.page
        ),
    )


@press_guard
@requires(Permission.STAFF_TOOLS)
@correction_guard
async def fix_page(update: Update, context: BotContext) -> None:
    pressed = acb.FixPage.parse(data_of(update))
    checklist = await corrections.view(context.runtime, context.actor, pressed.activity_id)
    await answer(update, context)
    await replace(
        update,
        context,
        *corrections.correction_message(
            context.runtime, language(context), checklist, pressed.page
        ),
    )


@press_guard
@requires(Permission.STAFF_TOOLS)
@correction_guard
async def fix_save(update: Update, context: BotContext) -> None:
    pressed = acb.FixSave.parse(data_of(update))
    done = await corrections.save(context.runtime, context.actor, pressed.activity_id)
    await answer(update, context)
    await replace(
        update,
        context,
        renderer(context.runtime).correction_saved(
            language(context),
            done.loaded.activity,
            done.added,
            done.removed,
            done.attended,
            done.invited,
        ),
        None,
    )


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers(
        [
            CommandHandler("kegiatan", finished, private & filters.Regex(FINISHED)),
            CallbackQueryHandler(open_checklist, pattern=acb.AttendOpen.matches),
            CallbackQueryHandler(fix_toggle, pattern=acb.FixToggle.matches),
            CallbackQueryHandler(fix_page, pattern=acb.FixPage.matches),
            CallbackQueryHandler(fix_save, pattern=acb.FixSave.matches),
        ]
    )
