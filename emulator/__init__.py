"""A fake Telegram Bot API server and a simulation of the people who use the bot.

The real application (python-telegram-bot with ``base_url=f"{root}/bot"`` and
``base_file_url=f"{root}/file/bot"``) talks to :class:`FakeTelegram` over HTTP exactly as it
would talk to api.telegram.org, while tests drive :class:`FakeUser` and :class:`FakeGroup`
in the same event loop. The emulator is deliberately strict: it rejects what Telegram
rejects, with Telegram's error texts, so the bot's mistakes surface in tests instead of in
production. Typical use::

    async with FakeTelegram() as server:
        world = server.add_bot(username="marelan_test_bot")
        ...  # start the bot against world.root with world.token
        siti = world.user("Siti")
        await siti.send("/start")
        reply = await siti.next_message()
        answer = await siti.press("Bahasa Indonesia")

Request parameters are decoded and checked against ``api_spec.json``, a compact copy of the
Telegram Bot API 10.1 specification taken from the machine-readable ``api.json`` of
PaulSonOfLars/telegram-bot-api-spec (MIT License, Copyright (c) 2020 Paul Larsen; see the
file's ``source`` key), which is scraped from https://core.telegram.org/bots/api. The HTML
parser follows TDLib's ``parse_html`` so its errors match the real server's.
"""

from .channels import FakeChannel
from .errors import ApiError
from .groups import FakeGroup
from .limits import FloodLimits
from .models import ApiCall, BotMessage, CallbackAnswer
from .people import FakeUser
from .server import FakeTelegram
from .world import BotWorld

__all__ = [
    "ApiCall",
    "ApiError",
    "BotMessage",
    "BotWorld",
    "CallbackAnswer",
    "FakeChannel",
    "FakeGroup",
    "FakeTelegram",
    "FakeUser",
    "FloodLimits",
]
