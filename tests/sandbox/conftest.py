"""A running sandbox (office, bot, emulator and page) and a real Chromium to look at it."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import pytest_asyncio
from playwright.async_api import Browser

from bot.core.settings import Settings
from sandbox.office import SandboxOffice
from sandbox.scenario import FreePlay
from sandbox.seed import set_up_office
from sandbox.web import SandboxPage
from tests.browser import CHROMIUM, chromium

WIB = ZoneInfo("Asia/Jakarta")
#: Wednesday 25 November 2026, 09:00 WIB, as in the end-to-end tests.
START = datetime(2026, 11, 25, 9, 0, tzinfo=WIB)
CHROMIUM_INSTALLED = CHROMIUM.exists()


async def open_sandbox(database: Path, scenario: FreePlay | None = None) -> SandboxPage:
    """Office set up through the bot's commands, page listening on a free port."""
    scenario = scenario or FreePlay()
    office = SandboxOffice(
        Settings(_env_file=None),
        database,  # type: ignore[call-arg]
        start=START,
        rewind=scenario.rewind,
    )
    await office.start()
    await set_up_office(office)
    await scenario.prepare(office, lambda _line: None)
    page = SandboxPage(office, scenario)
    await page.start(0)
    return page


async def close_sandbox(page: SandboxPage) -> None:
    await page.stop()
    await page.office.stop()


@pytest_asyncio.fixture
async def sandbox(tmp_path: Path) -> AsyncIterator[SandboxPage]:
    page = await open_sandbox(tmp_path / "sandbox.db")
    try:
        yield page
    finally:
        await close_sandbox(page)


@pytest_asyncio.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    """The system Chromium driven by Playwright (skipped where it is not installed, unless
    SANDBOX_BROWSER_REQUIRED is set, as .ci/run does)."""
    if not CHROMIUM_INSTALLED:
        if os.environ.get("SANDBOX_BROWSER_REQUIRED"):
            pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium")
        pytest.skip(f"{CHROMIUM} is not installed (Debian package 'chromium')")
    async with chromium() as browser:
        yield browser
