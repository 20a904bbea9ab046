from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio

from emulator import FakeTelegram
from tests.database import fresh_database
from tests.e2e.bot_process import ProcessOffice
from tests.e2e.harness import DEFAULT_START, OfficeEnv, start_office


@pytest_asyncio.fixture(scope="module")
async def telegram() -> AsyncIterator[FakeTelegram]:
    """One fake Bot API server per test module; each test gets its own bot world on it."""
    async with FakeTelegram() as server:
        yield server


@pytest_asyncio.fixture
async def office(
    telegram: FakeTelegram, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[OfficeEnv]:
    """The office at the test's ``office_start`` mark, else at ``OFFICE_START`` of the test
    module when it sets one (a datetime in WIB), else at the harness's ordinary Wednesday
    morning."""
    marked = request.node.get_closest_marker("office_start")
    start = (
        marked.args[0]
        if marked is not None
        else getattr(request.module, "OFFICE_START", DEFAULT_START)
    )
    env = await start_office(telegram, await fresh_database(tmp_path), start=start)
    try:
        yield env
    finally:
        await env.bot.stop()


@pytest_asyncio.fixture
async def process_office(telegram: FakeTelegram, tmp_path: Path) -> AsyncIterator[ProcessOffice]:
    """An office served by the real ``marelan-bot run`` process (tests/e2e/bot_process.py),
    not started yet; whatever happens in the test, no process outlives it."""
    office = ProcessOffice(
        telegram.add_bot(username="marelan_process_bot"), tmp_path, await fresh_database(tmp_path)
    )
    try:
        yield office
    finally:
        await office.close()
