"""The city-level bot's application factory (``marelan-bot run`` with ``CITY_CONFIG``).

A bot of its own (its own token from @BotFather), for the city's supervisors only
(``ADMIN_IDS`` of its environment). It holds no data: for every report it reads the
offices' data read-only (see :mod:`bot.city.reports`), with each office's own report code
wired as in the office's bot (:func:`bot.core.app.extend`), so the figures match what
each Camat sees. It needs no persistence and no outbox; its one job reads this year's
figures in the background now and then, so that a supervisor's report finds the offices'
past months remembered (:mod:`bot.city.settled`).
"""

from __future__ import annotations

from datetime import timedelta

from telegram import BotCommand
from telegram.ext import AIORateLimiter, Application, ContextTypes

import handlers.city
from bot.city.config import City, CityConfigError, load_city
from bot.city.reports import CITY_KEY, CityReports
from bot.core.app import extend, telegram_builder
from bot.core.catalog import t
from bot.core.clock import Clock, SystemClock
from bot.core.runtime import Runtime
from bot.core.settings import Settings
from bot.core.transport import AiohttpRequest
from storage.core.db import in_schema

COMMANDS = ("ringkasan", "kinerja", "ekspor", "bantuan")
#: How often the past months are read ahead: well within what they are kept (MAX_AGE).
WARM_EVERY = timedelta(minutes=20)


def office_target(settings: Settings, city: City, code: str) -> str:
    """Where an office's data lives: its schema on the city's DATABASE_URL, or its file."""
    office = city.office(code)
    assert office is not None
    entry = office.entry
    if entry.schema_name is not None:
        if settings.database_url is None:
            raise CityConfigError(
                f"Office {code} lives in schema {entry.schema_name}: set DATABASE_URL"
            )
        return in_schema(settings.database_url.get_secret_value(), entry.schema_name)
    assert entry.database_path is not None
    return str(entry.database_path)


def city_reports(settings: Settings, city: City, clock: Clock) -> CityReports:
    runtimes, targets = {}, {}
    for office in city.offices:
        target = office_target(settings, city, office.code)
        # The runtime's own database is never opened: a report swaps in a read-only view.
        runtime = Runtime.create(settings, office.office, clock)
        extend(runtime.extensions)
        runtimes[office.code], targets[office.code] = runtime, target
    return CityReports(city, runtimes, targets, settings.admin_ids, clock)


async def _warm(context: ContextTypes.DEFAULT_TYPE) -> None:
    reports: CityReports = context.bot_data[CITY_KEY]
    await reports.warm()


async def _publish_commands(application: Application) -> None:
    """The command menu, in Indonesian and English."""
    for language in ("id", "en"):
        await application.bot.set_my_commands(
            [BotCommand(c, str(t(language, f"city.cmd.{c}"))) for c in COMMANDS],
            language_code=None if language == "id" else language,
        )


def build_city_application(settings: Settings, clock: Clock | None = None) -> Application:
    assert settings.city_config is not None
    city = load_city(settings.city_config)
    application = (
        telegram_builder(
            settings,
            AiohttpRequest(connection_pool_size=16),
            AiohttpRequest(connection_pool_size=1),
        )
        .rate_limiter(AIORateLimiter(max_retries=2))
        .post_init(_publish_commands)
        .build()
    )
    application.bot_data[CITY_KEY] = city_reports(settings, city, clock or SystemClock())
    handlers.city.register(application)
    if application.job_queue is not None:
        application.job_queue.run_repeating(_warm, interval=WARM_EVERY, first=1, name="warm")
    return application
