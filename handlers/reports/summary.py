"""Supervisor and unit-head reports in the private chat: /ringkasan, /kinerja, /terlambat,
/ekspor and the "show overdue" button."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, filters

from bot.core.catalog import t
from bot.core.commands import Command
from bot.core.context import BotContext
from bot.core.formatting import integer
from bot.core.periods import Period, PeriodError, parse_period
from bot.people.roles import Permission
from bot.reports import export as export_service
from bot.reports import summary as reports
from bot.reports import worker as report_worker
from bot.reports.callbacks import ALL_UNITS, ShowOverdue
from bot.reports.render import period_label
from bot.reports.summary import Chart, UnknownUnit
from bot.reports.views import chart_caption, chart_png, ranking_message, renderer, summary_message
from handlers.core.guards import requires
from handlers.core.replies import answer, language, reply, say
from handlers.core.updates import args_of, chat_of, data_of

#: This feature's commands (the application factory adds them to the command table).
COMMANDS = (
    Command("ringkasan", permission=Permission.OFFICE_REPORTS),
    Command("kinerja", permission=Permission.UNIT_REPORTS),
    Command("terlambat", permission=Permission.OFFICE_REPORTS),
    Command("ekspor", permission=Permission.OFFICE_REPORTS),
)


async def _period(
    update: Update, context: BotContext, text: str | None, command: str
) -> Period | None:
    """The period typed, or None after explaining the accepted forms with examples."""
    try:
        return parse_period(text, reports.today(context.runtime))
    except PeriodError:
        await say(update, context, "period.bad", text=text or "", command=command)
        return None


async def _send_chart(update: Update, context: BotContext, chart: Chart, period: Period) -> None:
    lang = language(context)
    png = await chart_png(context.runtime, chart, lang, period)
    await context.bot.send_photo(
        chat_of(update).id,
        photo=png,
        caption=str(chart_caption(lang, period)),
        parse_mode=ParseMode.HTML,
    )


@requires(Permission.OFFICE_REPORTS)
async def ringkasan(update: Update, context: BotContext) -> None:
    period = await _period(update, context, " ".join(args_of(context)) or None, "ringkasan")
    if period is None:
        return
    found = await reports.summary(context.runtime, context.actor, period)
    text, keyboard = await summary_message(context.runtime, found, language(context))
    await reply(update, context, text, keyboard)
    await _send_chart(update, context, found.chart, period)


def _kinerja_arguments(context: BotContext) -> tuple[str | None, str | None]:
    """(unit code, period text) from the arguments, in any order."""
    codes = {u.code for u in context.runtime.office.units}
    unit, period = None, []
    for arg in args_of(context):
        if arg.upper() in codes and unit is None:
            unit = arg.upper()
        else:
            period.append(arg)
    return unit, " ".join(period) or None


@requires(Permission.UNIT_REPORTS)
async def kinerja(update: Update, context: BotContext) -> None:
    runtime, actor = context.runtime, context.actor
    unit, period_text = _kinerja_arguments(context)
    try:
        period = parse_period(period_text, reports.today(runtime))
    except PeriodError:
        if unit is None and period_text is not None and period_text.isalpha():
            codes = ", ".join(u.code for u in runtime.office.units)  # a mistyped unit code?
            await say(update, context, "kinerja.unknown_word", text=period_text, codes=codes)
        else:
            await say(update, context, "period.bad", text=period_text, command="kinerja")
        return
    if unit is None and not actor.can(Permission.OFFICE_REPORTS):
        unit = actor.unit_code
        if unit is None:
            await say(update, context, "kinerja.no_unit")
            return
    lang = language(context)
    if unit is None:
        ranked = await reports.unit_ranking(runtime, actor, period)
        await reply(update, context, await ranking_message(runtime, ranked, lang))
        await _send_chart(update, context, ranked.chart, period)
        return
    try:
        found = await reports.scorecard(runtime, actor, period, unit)
    except UnknownUnit:
        await _unknown_unit(update, context, unit)
        return
    text, keyboard = await summary_message(runtime, found, lang)
    await reply(update, context, text, keyboard)
    await _send_chart(update, context, found.chart, period)


async def _unknown_unit(update: Update, context: BotContext, code: str) -> None:
    codes = ", ".join(u.code for u in context.runtime.office.units)
    await say(update, context, "kinerja.unknown_unit", code=code, codes=codes)


async def _show_overdue(update: Update, context: BotContext, unit: str | None) -> None:
    runtime = context.runtime
    found = await reports.overdue_list(runtime, context.actor, unit)
    text, keyboard = renderer(runtime).overdue(
        language(context), found, lambda i: reports.lateness(runtime, found.shown[i], found.now)
    )
    await reply(update, context, text, keyboard)


@requires(Permission.OFFICE_REPORTS)
async def terlambat(update: Update, context: BotContext) -> None:
    await _show_overdue(update, context, None)


@requires(Permission.UNIT_REPORTS)
async def overdue_pressed(update: Update, context: BotContext) -> None:
    pressed = ShowOverdue.parse(data_of(update))
    unit = None if pressed.unit == ALL_UNITS else pressed.unit
    try:
        await _show_overdue(update, context, unit)
    except UnknownUnit:
        await answer(update, context, "error.button_unknown", alert=True)
        return
    await answer(update, context)


@requires(Permission.OFFICE_REPORTS)
async def ekspor(update: Update, context: BotContext) -> None:
    period = await _period(update, context, " ".join(args_of(context)) or None, "ekspor")
    if period is None:
        return
    lang = language(context)
    try:
        made = await export_service.export(context.runtime, context.actor, period)
    except export_service.NothingToExport:
        await say(update, context, "export.empty", period=period_label(lang, period))
        return
    except export_service.TooMany as exc:
        await say(
            update,
            context,
            "export.too_many",
            period=period_label(lang, period),
            count=integer(lang, exc.count),
            max=integer(lang, export_service.MAX_COMPLAINTS),
        )
        return
    caption = t(
        lang,
        "export.caption",
        period=period_label(lang, period),
        complaints=integer(lang, made.rows.get("Pengaduan", 0)),
        events=integer(lang, made.rows.get("Linimasa", 0)),
        responses=integer(lang, made.rows.get("Survei", 0)),
        activities=integer(lang, made.rows.get("Kegiatan", 0)),
    )
    privacy = t(lang, "export.privacy_included" if made.personal_data else "export.privacy_hidden")
    try:
        with made.path.open("rb") as handle:
            await context.bot.send_document(
                chat_of(update).id,
                document=handle,
                filename=made.file_name,
                caption=f"{caption}\n{privacy}",
                parse_mode=ParseMode.HTML,
            )
    finally:
        made.discard()
        await report_worker.release()  # the upload held the whole file in memory


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers(
        [
            CommandHandler("ringkasan", ringkasan, private),
            CommandHandler("kinerja", kinerja, private),
            CommandHandler("terlambat", terlambat, private),
            CommandHandler("ekspor", ekspor, private),
            CallbackQueryHandler(overdue_pressed, pattern=ShowOverdue.matches),
        ]
    )
