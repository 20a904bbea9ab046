from collections.abc import AsyncIterator
from pathlib import Path

import pytest_asyncio

from bot.emulator import FakeTelegram
from tests.e2e.harness import OfficeEnv, start_office


@pytest_asyncio.fixture(scope="module")
async def telegram() -> AsyncIterator[FakeTelegram]:
    """One fake Bot API server per test module; each test gets its own bot world on it."""
    async with FakeTelegram() as server:
        yield server


@pytest_asyncio.fixture
async def office(telegram: FakeTelegram, tmp_path: Path) -> AsyncIterator[OfficeEnv]:
    env = await start_office(telegram, tmp_path / "marelan.db")
    try:
        yield env
    finally:
        await env.bot.stop()
