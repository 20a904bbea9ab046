"""Running the real application inside an existing event loop.

``Application.run_polling`` owns its loop; tests, benchmarks and the sandbox need the bot
to share a loop with the fake Bot API server. :class:`InProcessBot` performs the same
start and stop sequence as ``run_polling`` (initialize, post_init, start polling, start;
then the reverse with post_stop and post_shutdown) on the application built by
:func:`bot.app.build_application`.
"""

from __future__ import annotations

from collections.abc import Callable

from telegram import Update
from telegram.ext import Application

from bot.core.app import build_application, runtime_of
from bot.core.clock import Clock
from bot.core.pacing import PaceLimits
from bot.core.runtime import Runtime
from bot.core.settings import Settings

#: Another application factory than the office bot's (the city bot: bot/city/app.py).
Factory = Callable[[Settings, Clock | None], Application]


class InProcessBot:
    def __init__(
        self,
        settings: Settings,
        clock: Clock | None = None,
        pace_limits: PaceLimits | None = None,
        *,
        factory: Factory | None = None,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.pace_limits = pace_limits
        self.factory = factory
        self.application: Application | None = None

    @property
    def runtime(self) -> Runtime:
        assert self.application is not None, "bot is not running"
        return runtime_of(self.application)

    async def start(self) -> Application:
        if self.factory is not None:
            app = self.factory(self.settings, self.clock)
        else:
            app = build_application(self.settings, clock=self.clock, pace_limits=self.pace_limits)
        self.application = app
        await app.initialize()
        if app.post_init:
            await app.post_init(app)
        assert app.updater is not None
        await app.updater.start_polling(
            poll_interval=0.0, timeout=10, allowed_updates=Update.ALL_TYPES
        )
        await app.start()
        return app

    async def stop(self) -> None:
        """A clean shutdown, as on SIGTERM."""
        app = self.application
        if app is None:
            return
        if app.updater is not None and app.updater.running:
            await app.updater.stop()
        if app.running:
            await app.stop()
            if app.post_stop:
                await app.post_stop(app)
        await app.shutdown()
        if app.post_shutdown:
            await app.post_shutdown(app)
        self.application = None

    async def restart(self) -> Application:
        await self.stop()
        return await self.start()

    async def __aenter__(self) -> InProcessBot:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()
