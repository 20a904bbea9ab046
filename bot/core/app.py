"""The application factory: the one place where the bot is assembled.

``marelan-bot run``, the end-to-end tests, the benchmarks and the sandbox all build the
bot here, so what is tested is what runs.
"""

from __future__ import annotations

import warnings

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults
from telegram.warnings import PTBUserWarning

import handlers
from bot.activities import audience as activity_audience
from bot.activities import jp_nudge
from bot.activities import reminders as activity_reminders
from bot.complaints import checks as complaint_checks
from bot.complaints import views as complaint_views
from bot.complaints.alerts import (
    alert_orphans_for,
    alert_unit_group,
    follow_membership,
    unit_group_lost,
)
from bot.core import housekeeping
from bot.core.clock import Clock, SystemClock
from bot.core.context import RUNTIME_KEY, BotContext
from bot.core.office import Office, load_office
from bot.core.pacing import ChatPacer, PacedRateLimiter, PaceLimits
from bot.core.persistence import SqlitePersistence
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from bot.core.updates import PerChatUpdateProcessor
from bot.people.group_checks import check_alert_coverage, check_unit_groups
from bot.people.menus import publish_all
from bot.reports import digest
from bot.reports import plugins as report_plugins  # noqa: F401 - registers report sections
from bot.reports import worker as report_worker
from bot.reports.charts import warm_up
from bot.survey.responses import invite_after_complaint
from bot.transparency import channel as public_channel
from bot.transparency import posts as public_posts  # noqa: F401 - registers the public posts
from bot.transparency import site as public_site

# Our conversations mix typed answers and button presses from one person in one chat, so
# they are tracked per chat and user, not per message; PTB warns about that choice.
warnings.filterwarnings("ignore", message="If 'per_message=False'", category=PTBUserWarning)


async def _publish_commands(runtime: Runtime, application: Application) -> None:
    await publish_all(runtime)


async def _warm_up_charts(runtime: Runtime, application: Application) -> None:
    """Import matplotlib once at start (in the report thread), not in the first
    supervisor's wait."""
    await report_worker.run(warm_up)


def build_application(
    settings: Settings,
    *,
    clock: Clock | None = None,
    office: Office | None = None,
    pace_limits: PaceLimits | None = None,
) -> Application:
    token = settings.require_token()
    runtime = Runtime.create(
        settings, office or load_office(settings.office_config), clock or SystemClock()
    )
    if pace_limits is not None:
        runtime.pacer = ChatPacer(pace_limits)
    root = settings.telegram_api_base_url
    application = (
        ApplicationBuilder()
        .token(token)
        .base_url(f"{root}/bot")
        .base_file_url(f"{root}/file/bot")
        .context_types(ContextTypes(context=BotContext))
        .defaults(
            Defaults(
                parse_mode=ParseMode.HTML,
                tzinfo=settings.zone,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            )
        )
        .persistence(SqlitePersistence(runtime.db, runtime.clock, runtime.open_storage))
        .rate_limiter(PacedRateLimiter(runtime.pacer, max_retries=2))
        .concurrent_updates(PerChatUpdateProcessor())
        .post_init(runtime.start)
        .post_stop(runtime.stop)
        .post_shutdown(runtime.close)
        .build()
    )
    application.bot_data[RUNTIME_KEY] = runtime
    runtime.on_start(_publish_commands)
    runtime.on_start(check_unit_groups)
    runtime.on_start(check_alert_coverage)
    runtime.on_start(public_channel.check_on_start)
    runtime.on_start(complaint_checks.on_start)
    runtime.on_start(activity_reminders.on_start)
    runtime.on_start(jp_nudge.on_start)
    runtime.on_start(digest.on_start)
    runtime.on_start(housekeeping.on_start)
    runtime.on_start(public_site.on_start)
    runtime.on_start(_warm_up_charts)
    runtime.group_bound_hooks.append(alert_unit_group)
    runtime.group_lost_hooks.append(unit_group_lost)
    runtime.complaint_closed_hooks.append(invite_after_complaint)
    runtime.membership_hooks.append(activity_audience.follow_membership)
    runtime.membership_hooks.append(follow_membership)
    runtime.return_hooks.append(complaint_views.tell_missed_news)
    runtime.return_hooks.append(alert_orphans_for)
    handlers.register(application)
    return application


def runtime_of(application: Application) -> Runtime:
    return application.bot_data[RUNTIME_KEY]
