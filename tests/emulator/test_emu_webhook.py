"""Webhook mode: pushed updates with the secret header, retries, and the polling conflict."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from telegram import Bot
from telegram.error import BadRequest, Conflict

from emulator import BotWorld


class Receiver:
    """A tiny webhook endpoint that records what it gets and can be told to fail."""

    def __init__(self) -> None:
        self.received: list[tuple[str | None, dict[str, Any]]] = []
        self.failures_left = 0
        self.arrived = asyncio.Event()

    async def handle(self, request: web.Request) -> web.Response:
        if self.failures_left:
            self.failures_left -= 1
            return web.Response(status=500)
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        self.received.append((secret, await request.json()))
        self.arrived.set()
        return web.Response(text="ok")


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[Receiver, str]]:
    endpoint = Receiver()
    app = web.Application()
    app.router.add_post("/hook", endpoint.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    yield endpoint, f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    await runner.cleanup()


async def test_updates_are_pushed_with_the_secret(
    bot: Bot, world: BotWorld, receiver: tuple[Receiver, str]
) -> None:
    endpoint, url = receiver
    assert await bot.set_webhook(url, secret_token="s3cret_token-1")
    info = await bot.get_webhook_info()
    assert info.url == url and info.pending_update_count == 0
    with pytest.raises(Conflict, match=r"(?i)can't use getUpdates method while webhook is active"):
        await bot.get_updates()
    siti = world.user("Siti")
    sent = await siti.send("/start")
    await world.settle()
    secret, update = endpoint.received[0]
    assert secret == "s3cret_token-1"
    assert update["message"]["message_id"] == sent.message_id
    assert update["message"]["text"] == "/start"


async def test_failed_deliveries_are_retried(
    bot: Bot, world: BotWorld, receiver: tuple[Receiver, str]
) -> None:
    endpoint, url = receiver
    endpoint.failures_left = 2
    await bot.set_webhook(url)
    await world.user("Siti").send("halo")
    await asyncio.wait_for(endpoint.arrived.wait(), 5)
    info = await bot.get_webhook_info()
    assert info.last_error_message == "Wrong response from the webhook: 500 Internal Server Error"
    assert info.pending_update_count == 0
    assert len(endpoint.received) == 1


async def test_delete_webhook_returns_to_polling(
    bot: Bot, world: BotWorld, receiver: tuple[Receiver, str]
) -> None:
    _endpoint, url = receiver
    await bot.set_webhook("http://127.0.0.1:9/unreachable")
    await world.user("Siti").send("tertunda")
    assert (await bot.get_webhook_info()).pending_update_count == 1
    assert await bot.delete_webhook()
    updates = await bot.get_updates()
    assert [u.message.text for u in updates] == ["tertunda"]
    await bot.set_webhook(url, drop_pending_updates=True)
    assert (await bot.get_webhook_info()).pending_update_count == 0
    with pytest.raises(BadRequest, match=r"(?i)bad webhook"):
        await bot.set_webhook(url, secret_token="not allowed!")
