"""`marelan-bot run` itself, as a separate process, against the emulator: long polling
and webhook mode, a clean stop on SIGTERM, and no token in the logs."""

from __future__ import annotations

from pathlib import Path

import pytest

from emulator import FakeTelegram
from tests.database import fresh_database
from tests.e2e.bot_process import database_env, free_port, start_bot, stop


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_run_serves_and_stops_cleanly(
    telegram: FakeTelegram, tmp_path: Path, mode: str
) -> None:
    world = telegram.add_bot(username="marelan_cli_bot")
    citizen = world.user("Warga")
    env = {
        "BOT_TOKEN": world.token,
        "TELEGRAM_API_BASE_URL": world.root,
        **database_env(await fresh_database(tmp_path, "bot.db")),
        "LOG_LEVEL": "DEBUG",
    }
    if mode == "webhook":
        port = free_port()
        env |= {
            "WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram",
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(port),
            "WEBHOOK_SECRET": "rahasia_webhook_123",
        }
    process = await start_bot(env, tmp_path)
    try:
        await citizen.send("/start")
        greeting = await citizen.next_message(timeout=30)
        assert "Halo, Warga!" in greeting.text
        if mode == "webhook":
            assert world.calls("setWebhook")[-1].params["secret_token"] == "rahasia_webhook_123"
            assert not [c for c in world.calls("getUpdates") if c.status == 200]
    finally:
        code, logs = await stop(process)
    assert code == 0, logs
    assert world.token not in logs and world.token.split(":")[1] not in logs
    assert "Traceback" not in logs


@pytest.mark.sqlite_only(
    "one bot per SQLite file is an OS lock next to the file; a PostgreSQL database is "
    "shared by design (several processes: issue 17)"
)
async def test_a_second_bot_on_the_same_database_refuses_to_start(
    telegram: FakeTelegram, tmp_path: Path
) -> None:
    world = telegram.add_bot(username="marelan_twice_bot")
    env = {
        "BOT_TOKEN": world.token,
        "TELEGRAM_API_BASE_URL": world.root,
        "DATABASE_PATH": str(tmp_path / "bot.db"),
    }
    first = await start_bot(env, tmp_path)
    try:
        citizen = world.user("Warga")
        await citizen.send("/start")
        await citizen.next_message(timeout=30)  # the first one is serving
        second = await start_bot(env, tmp_path, name="second")
        assert await second.wait() == 2
        assert "already running with DATABASE_PATH=" in second.logs()
        assert "Traceback" not in second.logs()
    finally:
        code, logs = await stop(first)
    assert code == 0, logs
