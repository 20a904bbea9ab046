"""The browser the page tests use: Debian's Chromium, driven by Playwright for Python.

Playwright never downloads a browser here; `.ci/run` installs the `chromium` package when
/usr/bin/chromium is missing. We run as root, hence --no-sandbox; the other switches keep
Chromium from reaching for the network on its own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from playwright.async_api import Browser, async_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"  # screenshots, git-ignored


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    """A headless system Chromium for the duration of the block."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            await browser.close()
