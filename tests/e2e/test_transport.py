"""The bot's HTTP client (``bot.core.transport.AiohttpRequest``) against the Bot API
emulator: what PTB's default client does, it does (the rest of the suite runs through it
too, inside the real application)."""

from __future__ import annotations

import io
import socket

import pytest
from telegram import Bot
from telegram.error import NetworkError, RetryAfter, TimedOut

from bot.core.pacing import retry_seconds
from bot.core.transport import AiohttpRequest
from emulator import FakeTelegram


def _bot(telegram: FakeTelegram, token: str, request: AiohttpRequest) -> Bot:
    root = telegram.root
    return Bot(token, base_url=f"{root}/bot", base_file_url=f"{root}/file/bot", request=request)


def _png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "white").save(buffer, format="PNG")
    return buffer.getvalue()


async def test_messages_uploads_and_downloads(telegram: FakeTelegram) -> None:
    world = telegram.add_bot(username="transport_bot")
    reader = world.user("Pembaca")
    await reader.send("/start")
    async with _bot(telegram, world.token, AiohttpRequest()) as bot:
        sent = await bot.send_message(reader.id, "<b>Halo</b> &amp; selamat", parse_mode="HTML")
        assert (await reader.next_message()).text == "Halo & selamat"
        last = reader.last_message
        assert last is not None and sent.message_id == last.message_id
        picture = _png()
        photo = await bot.send_photo(reader.id, picture, caption="Grafik")
        document = await bot.send_document(reader.id, b"a;b\n1;2\n", filename="data.csv")
        assert (await reader.next_message()).caption == "Grafik"
        attached = (await reader.next_message()).document
        assert attached is not None and attached["file_name"] == "data.csv"
        assert document.document is not None
        file = await bot.get_file(document.document.file_id)
        assert bytes(await file.download_as_bytearray()) == b"a;b\n1;2\n"
        assert world.file_bytes(photo.photo[-1].file_id) == picture


async def test_telegram_errors_are_ptbs(telegram: FakeTelegram) -> None:
    world = telegram.add_bot(username="transport_errors_bot")
    reader = world.user("Pembaca")
    await reader.send("/start")
    async with _bot(telegram, world.token, AiohttpRequest()) as bot:
        world.fail_next("sendMessage", status=429, retry_after=7)
        with pytest.raises(RetryAfter) as refused:
            await bot.send_message(reader.id, "Terlalu cepat")
        assert retry_seconds(refused.value) == 7
        world.fail_next("sendMessage", status=0)  # the connection drops without an answer
        with pytest.raises(NetworkError):
            await bot.send_message(reader.id, "Putus")


async def test_a_slow_answer_is_timed_out(telegram: FakeTelegram) -> None:
    world = telegram.add_bot(username="transport_slow_bot")
    reader = world.user("Pembaca")
    await reader.send("/start")
    held = world.hold_answer("sendMessage")
    async with _bot(telegram, world.token, AiohttpRequest(read_timeout=0.2)) as bot:
        with pytest.raises(TimedOut):
            await bot.send_message(reader.id, "Lambat")
        held.release()


async def test_no_server_is_a_network_error() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    request = AiohttpRequest()
    await request.initialize()
    try:
        with pytest.raises(NetworkError):
            await request.post(f"http://127.0.0.1:{port}/bot1:x/getMe")
    finally:
        await request.shutdown()
    with pytest.raises(NetworkError, match="not initialized"):  # closed: nothing goes out
        await request.post(f"http://127.0.0.1:{port}/bot1:x/getMe")


def test_proxies_come_from_the_environment_once_per_host(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    monkeypatch.setenv("NO_PROXY", "localhost,127.0.0.1")
    request = AiohttpRequest()
    assert request._proxy("https://api.telegram.org/bot1:x/getMe") == "http://proxy.example:3128"
    assert request._proxy("http://127.0.0.1:8081/bot1:x/getMe") is None
    monkeypatch.delenv("HTTPS_PROXY")  # read once: the session keeps what it found
    assert request._proxy("https://api.telegram.org/bot1:x/getMe") == "http://proxy.example:3128"
