"""`marelan-bot run` itself, as a separate process, against the emulator: long polling
and webhook mode, a clean stop on SIGTERM, and no token in the logs."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
from pathlib import Path

import pytest

from bot.emulator import FakeTelegram

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


async def start_bot(env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=cwd,
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), **env},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )


async def stop(process: asyncio.subprocess.Process) -> tuple[int, str]:
    process.send_signal(signal.SIGTERM)
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=30)
    return process.returncode, stderr.decode()


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_run_serves_and_stops_cleanly(telegram: FakeTelegram, tmp_path: Path,
                                            mode: str) -> None:
    world = telegram.add_bot(username="marelan_cli_bot")
    citizen = world.user("Warga")
    env = {
        "BOT_TOKEN": world.token,
        "TELEGRAM_API_BASE_URL": world.root,
        "DATABASE_PATH": str(tmp_path / "bot.db"),
        "LOG_LEVEL": "DEBUG",
    }
    if mode == "webhook":
        port = free_port()
        env |= {"WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram",
                "WEBHOOK_LISTEN": "127.0.0.1", "WEBHOOK_PORT": str(port),
                "WEBHOOK_SECRET": "rahasia_webhook_123"}
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


async def test_a_second_bot_on_the_same_database_refuses_to_start(telegram: FakeTelegram,
                                                                  tmp_path: Path) -> None:
    world = telegram.add_bot(username="marelan_twice_bot")
    env = {"BOT_TOKEN": world.token, "TELEGRAM_API_BASE_URL": world.root,
           "DATABASE_PATH": str(tmp_path / "bot.db")}
    first = await start_bot(env, tmp_path)
    try:
        citizen = world.user("Warga")
        await citizen.send("/start")
        await citizen.next_message(timeout=30)  # the first one is serving
        second = await start_bot(env, tmp_path)
        _, stderr = await asyncio.wait_for(second.communicate(), timeout=30)
        assert second.returncode == 2
        assert "already running with DATABASE_PATH=" in stderr.decode()
        assert "Traceback" not in stderr.decode()
    finally:
        code, logs = await stop(first)
    assert code == 0, logs
