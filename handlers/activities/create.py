"""/kegiatan_baru: the guided creation of a training or citizen forum (private chat).

kind → title → date and time (WIB) → duration → place or link → JP (trainings) →
audience → cost → summary → Simpan (→ confirmation when over budget).

The draft lives in ``user_data`` (persisted), so it survives a restart; wrong input is
explained and asked again without losing what was entered. Supervisors and unit heads
only (``Permission.UNIT_REPORTS``), checked at the start and again when saving.
"""

from __future__ import annotations

import asyncio

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.activities import callbacks as acb
from bot.activities import create
from bot.activities import keyboards as kb
from bot.activities.common import renderer
from bot.activities.create import Draft, OverBudget
from bot.activities.input import (
    InputError,
    clean_place,
    clean_title,
    parse_duration,
    parse_jp,
    parse_rupiah,
)
from bot.activities.rules import Kind, forum_link
from bot.core import formatting
from bot.core.callbacks import BadCallback
from bot.core.catalog import Markup, t
from bot.core.clock import to_epoch
from bot.core.context import BotContext
from bot.people.roles import Permission
from bot.survey.qr import Caption
from bot.survey.qr import png as qr_png
from handlers.activities.replies import explain, read_when, year_assumed
from handlers.core.flows import exclusive
from handlers.core.guards import requires
from handlers.core.replies import answer, ask, choose, conclude, language, note, say
from handlers.core.updates import (
    Callback,
    Handler,
    MissingPart,
    chat_of,
    data_of,
    query_of,
    text_of,
    user_data,
)

(KIND, TITLE, WHEN, DURATION, PLACE, JP, AUDIENCE, COST, SUMMARY) = range(9)
DRAFT = "activity_draft"


def _draft(context: BotContext) -> Draft:
    return Draft.from_dict(user_data(context).get(DRAFT) or {})


def _save(context: BotContext, draft: Draft) -> None:
    user_data(context)[DRAFT] = draft.to_dict()


def _forget(context: BotContext) -> None:
    user_data(context).pop(DRAFT, None)


# --- entry and kind ----------------------------------------------------------------------


@requires(Permission.UNIT_REPORTS)
async def start(update: Update, context: BotContext) -> int:
    _forget(context)
    _save(context, Draft())
    await say(update, context, "actnew.kind", kb.kinds(language(context)))
    return KIND


async def kind_chosen(update: Update, context: BotContext) -> int:
    choice = acb.NewKind.parse(data_of(update)).kind
    if choice not in {k.value for k in Kind}:
        raise BadCallback(choice)
    await answer(update, context)
    choose(update, context, t(language(context), f"act.kind.{choice}"))
    draft = _draft(context)
    draft.choose_kind(choice)
    _save(context, draft)
    return await _next(update, context, ask_title)


# --- text steps --------------------------------------------------------------------------


async def ask_title(update: Update, context: BotContext) -> int:
    await ask(update, context, "actnew.title")
    return TITLE


async def title_given(update: Update, context: BotContext) -> int:
    try:
        title = clean_title(text_of(update))
    except InputError as error:
        await explain(update, context, error)
        return TITLE
    draft = _draft(context)
    draft.title = title
    _save(context, draft)
    return await _next(update, context, ask_when)


async def ask_when(update: Update, context: BotContext) -> int:
    await ask(update, context, "actnew.when")
    return WHEN


async def when_given(update: Update, context: BotContext) -> int:
    runtime = context.runtime
    when = await read_when(update, context)
    if when is None:
        return WHEN
    draft = _draft(context)
    draft.starts_at = to_epoch(when.moment)
    _save(context, draft)
    note(context, "actnew.when_ok", when=renderer(runtime).when(language(context), draft.starts_at))
    year_assumed(context, when)
    return await _next(update, context, ask_duration)


async def ask_duration(update: Update, context: BotContext) -> int:
    await ask(update, context, "actnew.duration")
    return DURATION


async def duration_given(update: Update, context: BotContext) -> int:
    try:
        minutes = parse_duration(text_of(update))
    except InputError as error:
        await explain(update, context, error)
        return DURATION
    draft = _draft(context)
    draft.minutes = minutes
    _save(context, draft)
    return await _next(update, context, ask_place)


async def ask_place(update: Update, context: BotContext) -> int:
    await ask(update, context, "actnew.place")
    return PLACE


async def place_given(update: Update, context: BotContext) -> int:
    try:
        place = clean_place(text_of(update))
    except InputError as error:
        await explain(update, context, error)
        return PLACE
    draft = _draft(context)
    draft.place = place
    _save(context, draft)
    if draft.is_training:
        return await _next(update, context, ask_jp)
    return await _next(update, context, ask_audience)


async def ask_jp(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    await ask(
        update,
        context,
        "actnew.jp",
        kb.jp_auto(language(context), draft.auto_jp),
        jp=draft.auto_jp,
        duration=renderer(context.runtime).duration(language(context), draft.minutes or 0),
    )
    return JP


async def jp_auto(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    await answer(update, context)
    choose(update, context, t(language(context), "actnew.jp_chosen", jp=draft.auto_jp))
    draft.jp = draft.auto_jp
    _save(context, draft)
    return await _next(update, context, ask_audience)


async def jp_given(update: Update, context: BotContext) -> int:
    try:
        value = parse_jp(text_of(update))
    except InputError as error:
        await explain(update, context, error)
        return JP
    draft = _draft(context)
    draft.jp = value
    _save(context, draft)
    return await _next(update, context, ask_audience)


# --- audience ----------------------------------------------------------------------------


def _audience_keyboard(context: BotContext, draft: Draft) -> InlineKeyboardMarkup:
    return kb.audience(
        language(context),
        context.runtime.office,
        kind=draft.kind or "",
        all_staff=draft.all_staff,
        units=draft.units,
        public=draft.public,
    )


async def ask_audience(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    key = "actnew.audience_forum" if draft.kind == Kind.FORUM else "actnew.audience"
    await ask(update, context, key, _audience_keyboard(context, draft))
    return AUDIENCE


async def audience_toggled(update: Update, context: BotContext) -> int:
    choice = acb.AudienceToggle.parse(data_of(update)).choice
    draft = _draft(context)
    known = {u.code for u in context.runtime.office.units}
    try:
        draft.toggle_audience(choice, known)
    except ValueError as exc:
        raise BadCallback(choice) from exc
    _save(context, draft)
    await answer(update, context)
    await query_of(update).edit_message_reply_markup(_audience_keyboard(context, draft))
    return AUDIENCE


async def audience_done(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    if not draft.has_audience():
        await answer(update, context, "actnew.audience_empty", alert=True)
        return AUDIENCE
    lang = language(context)
    await answer(update, context)
    draw = renderer(context.runtime)
    choose(update, context, draw.audience(lang, draft.all_staff, draft.units, draft.public))
    return await _next(update, context, ask_cost)


# --- cost, summary, save -----------------------------------------------------------------


async def ask_cost(update: Update, context: BotContext) -> int:
    await ask(update, context, "actnew.cost", kb.skip_cost(language(context)))
    return COST


async def cost_given(update: Update, context: BotContext) -> int:
    try:
        cost = parse_rupiah(text_of(update))
    except InputError as error:
        await explain(update, context, error)
        return COST
    draft = _draft(context)
    draft.cost = cost
    _save(context, draft)
    return await show_summary(update, context)


async def cost_skipped(update: Update, context: BotContext) -> int:
    await answer(update, context)
    choose(update, context, t(language(context), "actnew.btn.skip"))
    draft = _draft(context)
    draft.cost = 0
    _save(context, draft)
    return await show_summary(update, context)


async def show_summary(update: Update, context: BotContext) -> int:
    draft = _draft(context)
    kind, starts_at, minutes = draft.kind, draft.starts_at, draft.minutes
    if kind is None or starts_at is None or minutes is None:  # the summary comes after them
        raise MissingPart("activity draft without kind, start or duration")
    lang = language(context)
    draw = renderer(context.runtime)
    jp = t(lang, "act.details.jp", jp=draft.jp) if draft.is_training else ""
    cost = formatting.rupiah(lang, draft.cost) if draft.cost else t(lang, "actnew.no_cost")
    await ask(
        update,
        context,
        "actnew.summary",
        kb.summary(lang, draft.id),
        kind=draw.kind(lang, kind),
        title=draft.title,
        when=draw.when(lang, starts_at),
        duration=draw.duration(lang, minutes),
        place=draft.place,
        jp=jp,
        cost=cost,
        audience=draw.audience(lang, draft.all_staff, draft.units, draft.public),
    )
    return SUMMARY


async def save(update: Update, context: BotContext) -> int:
    return await _save_activity(update, context, acb.Save, confirmed=False)


async def save_over_budget(update: Update, context: BotContext) -> int:
    return await _save_activity(update, context, acb.SaveOverBudget, confirmed=True)


async def _save_activity(
    update: Update,
    context: BotContext,
    record: type[acb.Save | acb.SaveOverBudget],
    *,
    confirmed: bool,
) -> int:
    pressed = record.parse(data_of(update))
    draft = _draft(context)
    lang = language(context)
    if pressed.draft != draft.id or not draft.complete():
        await answer(update, context, "actnew.stale", alert=True)
        return SUMMARY
    try:
        saved = await create.save(context.runtime, context.actor, draft, confirmed=confirmed)
    except OverBudget as over:
        await answer(update, context)
        await say(
            update,
            context,
            "actnew.over_budget",
            kb.over_budget(lang, draft.id),
            cost=formatting.rupiah(lang, over.cost),
            year=over.year,
            budget=formatting.rupiah(lang, over.budget.total),
            committed=formatting.rupiah(lang, over.budget.spent),
            over=formatting.rupiah(lang, over.budget.spent + over.cost - over.budget.total),
        )
        return SUMMARY
    except InputError as error:  # the start time passed while the draft waited
        await answer(update, context)
        await explain(update, context, error)
        return WHEN
    await answer(update, context)
    _forget(context)
    key = "actnew.saved_again" if saved.already else "actnew.saved"
    outcome = t(lang, key, title=saved.activity.title, invited=saved.invited)
    public = saved.activity.public and not saved.already
    if public:
        outcome = Markup(f"{outcome}\n\n{_how_citizens_subscribe(context, saved.invited)}")
    await conclude(update, context, t(lang, "actnew.btn.save"), outcome)  # the summary stays
    if public and not saved.invited:
        await _forum_poster(update, context)
    return ConversationHandler.END


def _how_citizens_subscribe(context: BotContext, invited: int) -> Markup:
    """A public forum reaches only the citizens who subscribed: how they do, with a link
    to share in neighbourhood groups."""
    lang = language(context)
    link = forum_link(context.runtime.bot_username)
    nobody = t(lang, "actnew.forum_nobody") if invited == 0 else ""
    return t(lang, "actnew.forum_share", nobody=nobody, link=link)


async def _forum_poster(update: Update, context: BotContext) -> None:
    """When nobody has subscribed yet, the forum's QR code for a notice board (the one
    message the save step adds: a poster to print, not a step's text)."""
    lang = language(context)
    runtime = context.runtime
    link = forum_link(runtime.bot_username)
    caption = Caption(
        title=str(t(lang, "forum.qr_title")),
        office=runtime.office.office.name,
        service=str(t(lang, "forum.qr_subject")),
        hint=str(t(lang, "forum.qr_hint")),
        link=link,
    )
    poster = await asyncio.to_thread(qr_png, link, caption)
    await context.bot.send_photo(
        chat_of(update).id, photo=poster, caption=str(t(lang, "actnew.forum_qr"))
    )


async def discard(update: Update, context: BotContext) -> int:
    lang = language(context)
    await answer(update, context)
    _forget(context)
    await conclude(update, context, t(lang, "actnew.btn.discard"), t(lang, "actnew.discarded"))
    return ConversationHandler.END


async def _next(update: Update, context: BotContext, step: Callback[int]) -> int:
    """Go on to ``step``, or straight to the summary when the draft became complete again
    (after the start time had to be entered anew)."""
    if _draft(context).complete():
        return await show_summary(update, context)
    return await step(update, context)


async def text_please(update: Update, context: BotContext) -> int | None:
    await say(update, context, "actnew.text_please")
    return None


async def buttons_please(update: Update, context: BotContext) -> int | None:
    await say(update, context, "actnew.buttons_please")
    return None


async def still_busy(update: Update, context: BotContext) -> int | None:
    await say(update, context, "actnew.in_progress")
    return None


def conversation() -> ConversationHandler:
    private = filters.ChatType.PRIVATE
    text = private & filters.TEXT & ~filters.COMMAND
    other = private & ~filters.COMMAND & ~filters.TEXT

    def typed(handler: Callback[int]) -> list[Handler]:
        return [MessageHandler(text, handler), MessageHandler(other, text_please)]

    return ConversationHandler(
        entry_points=[CommandHandler("kegiatan_baru", exclusive(DRAFT)(start), private)],
        states={
            KIND: [CallbackQueryHandler(kind_chosen, pattern=acb.NewKind.matches)],
            TITLE: typed(title_given),
            WHEN: typed(when_given),
            DURATION: typed(duration_given),
            PLACE: typed(place_given),
            JP: [CallbackQueryHandler(jp_auto, pattern=acb.JpAuto.matches), *typed(jp_given)],
            AUDIENCE: [
                CallbackQueryHandler(audience_toggled, pattern=acb.AudienceToggle.matches),
                CallbackQueryHandler(audience_done, pattern=acb.AudienceDone.matches),
            ],
            COST: [
                CallbackQueryHandler(cost_skipped, pattern=acb.SkipCost.matches),
                *typed(cost_given),
            ],
            SUMMARY: [
                CallbackQueryHandler(save, pattern=acb.Save.matches),
                CallbackQueryHandler(save_over_budget, pattern=acb.SaveOverBudget.matches),
                CallbackQueryHandler(discard, pattern=acb.Discard.matches),
            ],
        },
        fallbacks=[
            CommandHandler("batal", discard, private),
            CommandHandler("kegiatan_baru", still_busy, private),
            MessageHandler(private & ~filters.COMMAND, buttons_please),
        ],
        name="activity_new",
        persistent=True,
        allow_reentry=False,
    )


def register(application: Application) -> None:
    application.add_handler(conversation())
