"""Fixtures for the emulator's own tests: a running fake server and a real PTB ``Bot``."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from telegram import Bot

from emulator import BotWorld, FakeTelegram


@pytest.fixture
async def server() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as running:
        yield running


@pytest.fixture
def world(server: FakeTelegram) -> BotWorld:
    return server.add_bot(username="marelan_test_bot", first_name="Marelan Bot")


def make_bot(world: BotWorld) -> Bot:
    """A python-telegram-bot ``Bot`` pointed at the emulator, as the application will be."""
    return Bot(
        world.token,
        base_url=f"{world.root}/bot",
        base_file_url=f"{world.root}/file/bot",
    )


@pytest.fixture
def bot_for() -> Callable[[BotWorld], Bot]:
    """Make further PTB bots (another process of the same bot, or another bot's token)."""
    return make_bot


@pytest.fixture
async def bot(world: BotWorld) -> AsyncIterator[Bot]:
    async with make_bot(world) as ptb_bot:
        yield ptb_bot
