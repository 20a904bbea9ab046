"""/ikm [periode] [KODE_LAYANAN] [populasi=N]: the satisfaction index for supervisors (every
service) and unit heads (their unit's services)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, CommandHandler, filters

from bot.context import BotContext
from bot.ikm_render import render
from bot.roles import Permission, Role
from bot.services import NotAllowed, NotFound
from bot.services import ikm_reports as reports
from bot.services.ikm_reports import BadArguments
from handlers.guards import requires
from handlers.replies import language, reply, say


def _codes(context: BotContext) -> str:
    actor = context.actor
    office = context.runtime.office
    if actor.role is Role.KEPALA and actor.unit_code:
        return ", ".join(s.code for s in reports.unit_services(office, actor.unit_code)) or "—"
    return ", ".join(s.code for s in office.services) or "—"


@requires(Permission.UNIT_REPORTS)
async def ikm(update: Update, context: BotContext) -> None:
    runtime = context.runtime
    try:
        request = reports.parse_request(context.args or [], runtime.office,
                                        reports.today(runtime))
    except BadArguments as bad:
        key = "ikm.unknown_service" if bad.kind == "service" else "ikm.usage"
        await say(update, context, key, text=bad.text, code=bad.text, codes=_codes(context))
        return
    try:
        found = await reports.report(runtime, context.actor, request.period,
                                     request.service_code, request.population)
    except NotFound:
        await say(update, context, "ikm.unknown_service", code=request.service_code,
                  codes=_codes(context))
        return
    except NotAllowed:
        if context.actor.unit_code is None:
            await say(update, context, "ikm.no_unit")
            return
        chosen = runtime.office.service(request.service_code or "")
        await say(update, context, "ikm.not_your_unit",
                  service=chosen.label(language(context)) if chosen else request.service_code,
                  codes=_codes(context))
        return
    await reply(update, context, render(language(context), runtime.office, found))


def register(application: Application) -> None:
    application.add_handler(CommandHandler("ikm", ikm, filters.ChatType.PRIVATE))
