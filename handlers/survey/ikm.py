"""The satisfaction survey's results for supervisors (every service) and unit heads (their
unit's services): /ikm [periode] [KODE_LAYANAN] [populasi=N], the index; /saran [periode]
[KODE_LAYANAN], the citizens' suggestions, paged."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, filters

from bot.core import formatting
from bot.core.callbacks import BadCallback
from bot.core.catalog import Markup, join, t
from bot.core.context import BotContext
from bot.core.errors import NotAllowed, NotFound
from bot.core.keyboards import button
from bot.core.periods import Period, period_between
from bot.people.roles import Permission
from bot.survey import ikm as reports
from bot.survey.callbacks import SuggestionsPage
from bot.survey.ikm import BadArguments, IkmRequest
from bot.survey.render import period_label, plain_date, scope_label
from bot.survey.render import render as render_ikm
from bot.survey.suggestions import SuggestionPage, clipped, suggestion_page
from handlers.core.guards import requires
from handlers.core.replies import answer, language, reply, say
from handlers.core.updates import args_of, data_of


def _codes(context: BotContext) -> str:
    services = reports.services_for(context.runtime.office, context.actor)
    return ", ".join(s.code for s in services) or "—"


async def _request(update: Update, context: BotContext, usage: str) -> IkmRequest | None:
    """The command's arguments, or None after explaining what was wrong."""
    runtime = context.runtime
    try:
        return reports.parse_request(args_of(context), runtime.office, reports.today(runtime))
    except BadArguments as bad:
        key = "ikm.unknown_service" if bad.kind == "service" else usage
        await say(update, context, key, text=bad.text, code=bad.text, codes=_codes(context))
        return None


async def _explain_scope(
    update: Update, context: BotContext, refused: Exception, service_code: str | None
) -> None:
    """A service that does not exist, or is not the unit head's."""
    if isinstance(refused, NotFound):
        await say(update, context, "ikm.unknown_service", code=service_code, codes=_codes(context))
    elif context.actor.unit_code is None:
        await say(update, context, "ikm.no_unit")
    else:
        chosen = context.runtime.office.service(service_code or "")
        own = reports.unit_services(context.runtime.office, context.actor.unit_code)
        await say(
            update,
            context,
            "ikm.not_your_unit" if own else "ikm.unit_without_services",
            service=chosen.label(language(context)) if chosen else service_code,
            codes=_codes(context),
        )


@requires(Permission.UNIT_REPORTS)
async def ikm(update: Update, context: BotContext) -> None:
    request = await _request(update, context, "ikm.usage")
    if request is None:
        return
    runtime = context.runtime
    try:
        found = await reports.report(
            runtime, context.actor, request.period, request.service_code, request.population
        )
    except (NotFound, NotAllowed) as refused:
        await _explain_scope(update, context, refused, request.service_code)
        return
    await reply(update, context, render_ikm(language(context), runtime.office, found))


# --- /saran ----------------------------------------------------------------------------


@requires(Permission.UNIT_REPORTS)
async def saran(update: Update, context: BotContext) -> None:
    request = await _request(update, context, "saran.usage")
    if request is not None:
        await _show_suggestions(update, context, request.period, request.service_code, 1)


@requires(Permission.UNIT_REPORTS)
async def suggestions_page(update: Update, context: BotContext) -> None:
    pressed = SuggestionsPage.parse(data_of(update))
    try:
        period = period_between(_day(pressed.start), _day(pressed.end))
    except ValueError as exc:
        raise BadCallback(data_of(update)) from exc
    await answer(update, context)
    service = None if pressed.service == "-" else pressed.service
    await _show_suggestions(update, context, period, service, pressed.page, edit=True)


async def _show_suggestions(
    update: Update,
    context: BotContext,
    period: Period,
    service_code: str | None,
    page: int,
    edit: bool = False,
) -> None:
    try:
        found = await suggestion_page(context.runtime, context.actor, period, service_code, page)
    except (NotFound, NotAllowed) as refused:
        await _explain_scope(update, context, refused, service_code)
        return
    lang = language(context)
    text = _render_suggestions(context, lang, found)
    markup = _paging(lang, found, service_code)
    if edit and update.callback_query is not None:
        await update.callback_query.edit_message_text(text, reply_markup=markup)
    else:
        await reply(update, context, text, markup)


def _render_suggestions(context: BotContext, lang: str, found: SuggestionPage) -> Markup:
    office = context.runtime.office
    zone = context.runtime.settings.zone
    scope = scope_label(lang, office, found.scope)
    period = period_label(lang, found.period)
    if not found.items:
        return t(lang, "saran.empty", scope=scope, period=period)
    lines = [
        t(
            lang,
            "saran.title",
            scope=scope,
            period=period,
            total=found.total,
            page=found.page,
            pages=found.pages,
        )
    ]
    for item in found.items:
        service = office.service(item.service_code)
        mean = (
            ""
            if item.mean_score is None
            else t(lang, "saran.score", mean=formatting.number(lang, item.mean_score, 1))
        )
        lines.append(
            t(
                lang,
                "saran.item",
                text=clipped(item.text),
                score=mean,
                date=plain_date(lang, _local_day(item.submitted_at, zone)),
                service=service.label(lang) if service else item.service_code,
            )
        )
    return join(lines, "\n\n")


def _paging(
    lang: str, found: SuggestionPage, service_code: str | None
) -> InlineKeyboardMarkup | None:
    def page(number: int) -> SuggestionsPage:
        return SuggestionsPage(
            _number(found.period.start), _number(found.period.end), service_code or "-", number
        )

    buttons = []
    if found.page > 1:
        buttons.append(button(lang, "saran.prev", page(found.page - 1)))
    if found.page < found.pages:
        buttons.append(button(lang, "saran.next", page(found.page + 1)))
    return InlineKeyboardMarkup([buttons]) if buttons else None


def _number(day: date) -> int:
    return int(day.strftime("%Y%m%d"))


def _day(number: int) -> date:
    return date(number // 10000, number // 100 % 100, number % 100)


def _local_day(epoch: int, zone: ZoneInfo) -> date:
    return datetime.fromtimestamp(epoch, zone).date()


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers(
        [
            CommandHandler("ikm", ikm, private),
            CommandHandler("saran", saran, private),
            CallbackQueryHandler(suggestions_page, pattern=SuggestionsPage.matches),
        ]
    )
