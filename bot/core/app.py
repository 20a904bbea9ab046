"""The application factory: the one place where the bot is assembled.

``marelan-bot run``, the end-to-end tests, the benchmarks and the sandbox all build the
bot here, so what is tested is what runs. :func:`extend` is the one place where the
features are wired into each other (see :mod:`bot.core.extensions`): reading it top to
bottom tells what happens at start, what reacts to which change, and what the reports,
digests and command menus are made of.
"""

from __future__ import annotations

import os
import warnings

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults
from telegram.request import BaseRequest
from telegram.warnings import PTBUserWarning

import handlers
from bot.activities import audience as activity_audience
from bot.activities import export as activity_export
from bot.activities import jp_nudge
from bot.activities import reminders as activity_reminders
from bot.activities import report_sections as activity_sections
from bot.complaints import checks as complaint_checks
from bot.complaints import views as complaint_views
from bot.complaints.alerts import (
    alert_orphans_for,
    alert_unit_group,
    follow_membership,
    unit_group_lost,
)
from bot.core import backups, cluster, commands, housekeeping, keyboards
from bot.core import runtime as hooks
from bot.core.clock import Clock, SystemClock
from bot.core.context import RUNTIME_KEY, BotContext
from bot.core.extensions import Extensions
from bot.core.ledger import ObservedRequest
from bot.core.office import Office, load_office
from bot.core.pacing import ChatPacer, PacedRateLimiter, PaceLimits
from bot.core.persistence import SqlitePersistence
from bot.core.reference import sync_office
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from bot.core.updates import PerChatUpdateProcessor
from bot.people.admin import chat_unreachable
from bot.people.group_checks import check_alert_coverage, check_unit_groups
from bot.people.groups import follow_seen_by_delivery
from bot.people.menus import publish_all
from bot.privacy import retention
from bot.reports import digest, sections, sheets
from bot.survey import digest as survey_digest
from bot.survey import export as survey_export
from bot.survey import report_sections as survey_sections
from bot.survey.responses import invite_after_complaint
from bot.transparency import channel as public_channel
from bot.transparency import posts as public_posts
from bot.transparency import site as public_site
from handlers.activities import COMMANDS as ACTIVITY_COMMANDS
from handlers.activities import invitations as forum_handlers
from handlers.people.blocks import COMMANDS as BLOCK_COMMANDS
from handlers.privacy.rights import COMMANDS as PRIVACY_COMMANDS
from handlers.reports.summary import COMMANDS as REPORT_COMMANDS
from handlers.survey import responses as survey_handlers
from handlers.transparency import channel as channel_handlers
from handlers.transparency import followups as followup_handlers
from handlers.transparency import notes as note_handlers
from handlers.transparency import posts as post_handlers


async def _publish_commands(runtime: Runtime, application: Application) -> None:
    await publish_all(runtime)


def extend(extensions: Extensions) -> None:
    """Wire the features into each other, in the order they act."""
    extensions.add(hooks.STORAGE_OPENED, sync_office)
    extensions.add(
        hooks.START,
        cluster.on_start,
        _publish_commands,
        check_unit_groups,
        check_alert_coverage,
        public_channel.check_on_start,
        complaint_checks.on_start,
        activity_reminders.on_start,
        jp_nudge.on_start,
        digest.on_start,
        housekeeping.on_start,
        backups.on_start,
        retention.on_start,
        public_site.on_start,
    )
    extensions.add(hooks.GROUP_BOUND, alert_unit_group)
    extensions.add(hooks.GROUP_LOST, unit_group_lost)
    extensions.add(hooks.COMPLAINT_CLOSED, invite_after_complaint)
    extensions.add(hooks.MEMBERSHIP, activity_audience.follow_membership, follow_membership)
    extensions.add(hooks.STAFF_STARTED, alert_orphans_for)
    extensions.add(hooks.RETURNED, complaint_views.tell_missed_news, alert_orphans_for)
    extensions.add(hooks.UNREACHABLE, chat_unreachable)
    extensions.add(hooks.MIGRATED, follow_seen_by_delivery)
    # The reports: the complaint figures are built in; the survey and the activities add
    # their lines (the IKM, then the weakest unsur, then JP) and their sheets.
    extensions.add(sections.SUMMARY, survey_sections.ikm_section)
    extensions.add(
        sections.SCORECARD, survey_sections.weakest_section, activity_sections.jp_section
    )
    extensions.add(sections.RANKING, survey_sections.ikm_column, activity_sections.jp_column)
    extensions.add(
        sheets.SHEETS,
        sheets.COMPLAINTS_SHEET,
        sheets.TIMELINE_SHEET,
        survey_export.SHEET,
        activity_export.SHEET,
    )
    extensions.add(
        digest.DIGESTS, digest.WEEKLY, *public_posts.KINDS.values(), survey_digest.MONTHLY_IKM
    )
    extensions.add(
        keyboards.MENU, *keyboards.BASE_MENU, forum_handlers.MENU_ENTRY, survey_handlers.MENU_ENTRY
    )
    extensions.add(
        commands.TABLE,
        *commands.BASE,
        *ACTIVITY_COMMANDS,
        *channel_handlers.COMMANDS,
        *followup_handlers.COMMANDS,
        *note_handlers.COMMANDS,
        *post_handlers.COMMANDS,
        *BLOCK_COMMANDS,
        *PRIVACY_COMMANDS,
        *REPORT_COMMANDS,
    )


def telegram_builder(
    settings: Settings, request: BaseRequest, updates_request: BaseRequest
) -> ApplicationBuilder:
    """PTB's builder as every bot of ours starts: the token, the Bot API's address (the
    emulator's in tests and the sandbox), the two HTTP clients, HTML and the office's time
    zone by default, no link previews."""
    # Opt in to PTB's coming behaviour: durations (e.g. RetryAfter.retry_after, which PTB
    # itself reads when it raises one) are timedelta. Our code handles both; without the
    # opt-in every flood-control answer logs a deprecation warning.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    root = settings.telegram_api_base_url
    return (
        ApplicationBuilder()
        .token(settings.require_token())
        .base_url(f"{root}/bot")
        .base_file_url(f"{root}/file/bot")
        .request(request)
        .get_updates_request(updates_request)
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                tzinfo=settings.zone,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
    )


def build_application(
    settings: Settings,
    *,
    clock: Clock | None = None,
    office: Office | None = None,
    pace_limits: PaceLimits | None = None,
) -> Application:
    settings.require_token()  # before anything is opened
    # Our conversations mix typed answers and button presses from one person in one chat,
    # so they are tracked per chat and user, not per message; PTB warns about that choice.
    warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)
    runtime = Runtime.create(
        settings, office or load_office(settings.office_config), clock or SystemClock()
    )
    if pace_limits is not None:
        runtime.pacer = ChatPacer(pace_limits)
    application = (
        telegram_builder(
            settings,
            ObservedRequest(runtime.ledger, connection_pool_size=256),
            ObservedRequest(runtime.ledger, connection_pool_size=1),
        )
        .context_types(ContextTypes(context=BotContext))
        .persistence(SqlitePersistence(runtime.db, runtime.clock, runtime.open_storage))
        .rate_limiter(PacedRateLimiter(runtime.pacer, max_retries=2))
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(runtime.start)
        .post_stop(runtime.stop)
        .post_shutdown(runtime.close)
        .build()
    )
    application.bot_data[RUNTIME_KEY] = runtime
    extend(runtime.extensions)
    handlers.register(application)
    return application


def runtime_of(application: Application) -> Runtime:
    return application.bot_data[RUNTIME_KEY]
