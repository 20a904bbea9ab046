"""The scheduler with the real clock: a job must run however late it starts."""

from __future__ import annotations

import asyncio
import time
from datetime import timedelta
from typing import Any

from telegram.ext import ApplicationBuilder

from bot.core.clock import SystemClock
from bot.core.scheduling import Scheduler


async def test_a_job_due_during_a_stall_still_runs() -> None:
    """APScheduler drops jobs that start over a second late by default; a deadline check
    or a reminder must not vanish because the machine or the event loop stalled."""
    application = ApplicationBuilder().token("123:TEST").build()
    assert application.job_queue is not None
    await application.job_queue.start()
    try:
        clock = SystemClock()
        scheduler = Scheduler(application.job_queue, clock)
        ran = asyncio.Event()

        async def job(context: Any) -> None:
            ran.set()

        scheduler.at("stalled", clock.now() + timedelta(milliseconds=50), job)
        time.sleep(1.5)  # noqa: ASYNC251 - the event loop stalls past the due time, on purpose
        await asyncio.wait_for(ran.wait(), timeout=10)
        assert scheduler.pending() == {}
    finally:
        await application.job_queue.stop()
