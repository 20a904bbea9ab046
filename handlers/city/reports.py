"""The city-level bot in a private chat: the city's supervisors ask, the bot answers.

/start and /bantuan explain; /ringkasan gives the city's totals and the kecamatan ranked;
/kinerja the ranking in detail, or with a code one office's own report; /ekspor the
workbook of every office. Anyone else is told politely that this bot is not theirs and
where citizens go instead. Rights are checked in the service for every command.
"""

from __future__ import annotations

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, CommandHandler, ContextTypes, MessageHandler, filters

from bot.city import export as city_export
from bot.city import render
from bot.city.reports import CITY_KEY, CityReports, OfficeUnreadable
from bot.core import formatting
from bot.core.catalog import Markup, join, split_message, t
from bot.core.errors import NotAllowed
from bot.core.periods import Period, PeriodError, parse_period
from bot.reports import worker as report_worker
from bot.reports.render import period_label
from bot.reports.summary import compute_summary
from bot.reports.views import summary_message
from handlers.core.updates import message_of, user_of

Context = ContextTypes.DEFAULT_TYPE


def _city(context: Context) -> CityReports:
    return context.application.bot_data[CITY_KEY]


def _language(update: Update, context: Context) -> str:
    user = update.effective_user
    if user is not None and user.language_code:
        code = user.language_code.split("-")[0].lower()
        if code in ("id", "en"):
            return code
    return _city(context).language


async def _reply(update: Update, text: Markup) -> None:
    message = update.effective_message
    if message is None:
        return
    for part in split_message(text):
        await message.reply_text(part, parse_mode=ParseMode.HTML)


def _viewer(update: Update, context: Context) -> bool:
    user = update.effective_user
    return user is not None and user.id in _city(context).viewers


async def _refuse(update: Update, context: Context) -> None:
    city = _city(context)
    await _reply(update, t(_language(update, context), "city.not_viewer", city=city.city.info.name))


async def _period(
    update: Update, context: Context, text: str | None, command: str
) -> Period | None:
    try:
        return parse_period(text, _city(context).today())
    except PeriodError:
        language = _language(update, context)
        await _reply(update, t(language, "period.bad", text=text or "", command=command))
        return None


async def bantuan(update: Update, context: Context) -> None:
    if not _viewer(update, context):
        await _refuse(update, context)
        return
    city = _city(context)
    await _reply(update, render.help_text(city.city, _language(update, context)))


async def ringkasan(update: Update, context: Context) -> None:
    if not _viewer(update, context):
        await _refuse(update, context)
        return
    period = await _period(update, context, " ".join(context.args or []) or None, "ringkasan")
    if period is None:
        return
    city, language = _city(context), _language(update, context)
    try:
        report = await city.report(user_of(update).id, period)
    except NotAllowed:
        await _refuse(update, context)
        return
    await _reply(update, render.summary(city.city, city.renderer, report, language))


async def kinerja(update: Update, context: Context) -> None:
    if not _viewer(update, context):
        await _refuse(update, context)
        return
    city, language = _city(context), _language(update, context)
    office, words = None, []
    for arg in context.args or []:
        if office is None and city.city.office(arg) is not None:
            office = arg.upper()
        else:
            words.append(arg)
    text = " ".join(words) or None
    if office is None and text is not None and text.isalpha() and text.upper() == text:
        await _reply(
            update,
            t(language, "city.unknown_office", code=text, codes=render.codes(city.city)),
        )
        return
    period = await _period(update, context, text, "kinerja")
    if period is None:
        return
    if office is not None:
        await _office_report(update, context, office, period)
        return
    try:
        report = await city.report(user_of(update).id, period)
    except NotAllowed:
        await _refuse(update, context)
        return
    await _reply(update, render.ranking(city.city, report, language))


async def _office_report(update: Update, context: Context, code: str, period: Period) -> None:
    """One office's own /ringkasan, as its supervisors read it (without the buttons that
    lead to complaint numbers)."""
    city, language = _city(context), _language(update, context)
    try:
        city.require_viewer(user_of(update).id)
        async with city.office_runtime(code) as runtime:
            found = await compute_summary(runtime, period)
            text, _ = await summary_message(runtime, found, language)
    except NotAllowed:
        await _refuse(update, context)
        return
    except OfficeUnreadable:
        office = city.city.office(code)
        name = office.name if office else code
        await _reply(update, t(language, "city.office_unreadable", office=name))
        return
    office = city.city.office(code)
    assert office is not None
    heading = t(language, "city.office_heading", office=office.name, code=code)
    await _reply(update, join([heading, text]))


async def ekspor(update: Update, context: Context) -> None:
    if not _viewer(update, context):
        await _refuse(update, context)
        return
    period = await _period(update, context, " ".join(context.args or []) or None, "ekspor")
    if period is None:
        return
    city, language = _city(context), _language(update, context)
    label = period_label(language, period)
    try:
        made, report = await city_export.export(
            city,
            user_of(update).id,
            period,
            language,
        )
    except NotAllowed:
        await _refuse(update, context)
        return
    except city_export.NothingToExport:
        await _reply(update, t(language, "city.export.empty", period=label))
        return
    except city_export.TooMany as exc:
        await _reply(
            update,
            t(
                language,
                "city.export.too_many",
                period=label,
                count=formatting.integer(language, exc.count),
                max=formatting.integer(language, city_export.MAX_COMPLAINTS),
            ),
        )
        return
    caption = t(
        language,
        "city.export.caption",
        period=label,
        offices=len(report.offices),
        complaints=formatting.integer(language, made.rows.get("Pengaduan", 0)),
    )
    try:
        with made.path.open("rb") as handle:
            await message_of(update).reply_document(
                document=handle, filename=made.file_name, caption=caption
            )
    finally:
        made.discard()
        await report_worker.release()


async def anything_else(update: Update, context: Context) -> None:
    """A text or an unknown command: the help, or the refusal."""
    await bantuan(update, context)


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers(
        [
            CommandHandler(["start", "bantuan", "help"], bantuan, private),
            CommandHandler("ringkasan", ringkasan, private),
            CommandHandler("kinerja", kinerja, private),
            CommandHandler("ekspor", ekspor, private),
            MessageHandler(private & ~filters.UpdateType.EDITED, anything_else),
        ]
    )
