"""/jp (staff), /jp_unit [KODE_UNIT] (unit heads: their unit; supervisors: any or all) and
/anggaran [TAHUN] (supervisors): competency development hours and the training budget."""

from __future__ import annotations

import re
from itertools import groupby

from telegram import Update
from telegram.ext import Application, CommandHandler, filters

from bot.activities import jp as reports
from bot.activities.common import renderer
from bot.activities.jp import UnknownUnit
from bot.activities.rules import is_behind
from bot.core import formatting
from bot.core.catalog import join, t
from bot.core.context import BotContext
from bot.core.errors import NotAllowed
from bot.people.roles import Permission
from handlers.core.guards import requires
from handlers.core.replies import language, reply, say


@requires(Permission.STAFF_TOOLS)
async def jp(update: Update, context: BotContext) -> None:
    lang = language(context)
    mine = await reports.my_jp(context.runtime, context.actor)
    draw = renderer(context.runtime)
    status = "jp.mine_behind" if is_behind(mine.total, mine.prorata) else "jp.mine_on_track"
    lines: list[str] = [  # catalog texts and blank lines
        t(lang, "jp.mine", year=mine.year, total=mine.total, target=mine.target),
        t(lang, status, prorata=formatting.number(lang, mine.prorata, 1)),
        "",
        t(lang, "jp.mine_trainings"),
    ]
    lines += [
        t(lang, "jp.credit_line", title=c.title, when=draw.short_when(lang, c.starts_at), jp=c.jp)
        for c in mine.credits
    ] or [t(lang, "jp.mine_none")]
    if mine.upcoming:
        lines += ["", t(lang, "jp.nudge_upcoming")]
        lines += [
            t(
                lang,
                "jp.training_line",
                title=a.title,
                when=draw.short_when(lang, a.starts_at),
                jp=a.jp,
            )
            for a in mine.upcoming
        ]
    await reply(update, context, join(lines))


@requires(Permission.UNIT_REPORTS)
async def jp_unit(update: Update, context: BotContext) -> None:
    runtime = context.runtime
    lang = language(context)
    requested = context.args[0] if context.args else None
    try:
        found = await reports.unit_jp(runtime, context.actor, requested)
    except UnknownUnit as unknown:
        codes = ", ".join(u.code for u in runtime.office.units)
        await say(update, context, "jp.unit_unknown", code=str(unknown), codes=codes)
        return
    except NotAllowed:
        await say(update, context, "jp.unit_own_only")
        return
    draw = renderer(runtime)
    scope = draw.unit_name(lang, found.unit_code) if found.unit_code else t(lang, "jp.unit_all")
    lines: list[str] = [  # catalog texts and blank lines
        t(
            lang,
            "jp.unit_title",
            scope=scope,
            year=found.year,
            prorata=formatting.number(lang, found.prorata, 1),
            target=found.target,
            date=formatting.day(lang, runtime.clock.now().astimezone(runtime.settings.zone).date()),
        )
    ]
    behind = [s for s in found.staff if found.behind(s)]
    for unit_code, members in groupby(found.staff, key=lambda s: s.unit_code):
        if found.unit_code is None:
            unit = (
                draw.unit_name(lang, unit_code) if unit_code else t(lang, "jp.unit_none")
            )  # the Camat, the Sekcam...
            lines += ["", t(lang, "jp.unit_group", unit=unit)]
        for member in members:
            flag = "⚠️" if found.behind(member) else "✅"
            lines.append(t(lang, "jp.unit_line", flag=flag, name=member.name, jp=member.jp))
    if not found.staff:
        lines.append(t(lang, "jp.unit_empty"))
    lines += ["", t(lang, "jp.unit_behind", behind=len(behind), staff=len(found.staff))]
    if behind:
        lines.append(t(lang, "jp.unit_behind_names", names=", ".join(s.name for s in behind)))
    await reply(update, context, join(lines))


@requires(Permission.OFFICE_REPORTS)
async def anggaran(update: Update, context: BotContext) -> None:
    lang = language(context)
    year = None
    if context.args:
        if not re.fullmatch(r"\d{4}", context.args[0]):
            await say(update, context, "budget.usage")
            return
        year = int(context.args[0])
    view = await reports.budget(context.runtime, context.actor, year)
    draw = renderer(context.runtime)

    def money(value: float) -> str:
        return formatting.rupiah(lang, round(value))

    budget = view.budget
    lines: list[str] = [  # catalog texts and blank lines
        t(lang, "budget.title", year=view.year),
        t(lang, "budget.total", amount=money(budget.total)),
        t(lang, "budget.spent", amount=money(budget.spent), count=len(view.finished)),
        t(lang, "budget.planned", amount=money(budget.planned), count=len(view.upcoming)),
        t(
            lang,
            "budget.over" if budget.over else "budget.remaining",
            amount=money(abs(budget.remaining)),
        ),
        t(
            lang,
            "budget.per_jp",
            jp=view.jp_delivered,
            amount=money(view.cost_per_jp) if view.cost_per_jp is not None else "—",
        ),
    ]
    costly = [a for a in [*view.finished, *view.upcoming] if a.cost_rupiah]
    if costly:
        lines += ["", t(lang, "budget.items")]
        lines += [
            t(
                lang,
                "budget.item",
                kind=draw.kind(lang, a.kind),
                title=a.title,
                when=draw.short_when(lang, a.starts_at),
                amount=money(a.cost_rupiah),
                done=t(lang, "budget.item_done") if a in view.finished else "",
            )
            for a in costly
        ]
    await reply(update, context, join(lines))


def register(application: Application) -> None:
    private = filters.ChatType.PRIVATE
    application.add_handlers(
        [
            CommandHandler("jp", jp, private),
            CommandHandler("jp_unit", jp_unit, private),
            CommandHandler("anggaran", anggaran, private),
        ]
    )
