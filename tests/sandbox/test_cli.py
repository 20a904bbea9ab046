"""``marelan-bot sandbox`` as a newcomer runs it: a separate process that prints its
address, ignores a real token and webhook in the environment, stops cleanly on SIGTERM
and, with ``--db``, meets the same people again at the next start."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import aiohttp

READY = "ready: "
#: A deployment's settings left in the environment must not leak into the sandbox.
DEPLOYMENT = {
    "BOT_TOKEN": "123456789:AAE-not-a-real-token-but-shaped-like-one",
    "TELEGRAM_API_BASE_URL": "http://127.0.0.1:9",
    "WEBHOOK_URL": "https://bot.example.org/telegram",
    "ADMIN_IDS": "42",
}


async def start(folder: Path, *options: str) -> tuple[asyncio.subprocess.Process, str, str]:
    """Start the sandbox; returns the process, its address and what it printed before."""
    env = {**os.environ, **DEPLOYMENT}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "sandbox",
        "--port",
        "0",
        "--start",
        "2026-11-25 09:00",
        *options,
        cwd=folder,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    assert process.stdout is not None
    printed = ""
    async with asyncio.timeout(120):
        while READY not in printed:
            line = (await process.stdout.readline()).decode()
            if not line:
                raise AssertionError(f"the sandbox stopped before it was ready:\n{printed}")
            printed += line
    address = printed.split(READY)[1].split()[0]
    return process, address, printed


async def stop(process: asyncio.subprocess.Process) -> int:
    process.send_signal(signal.SIGTERM)
    async with asyncio.timeout(30):
        return await process.wait()


async def state_of(address: str) -> dict:
    async with aiohttp.ClientSession() as http, http.get(f"{address}/api/state") as response:
        return await response.json()


async def test_the_sandbox_runs_alone_and_keeps_its_people_with_db(tmp_path: Path) -> None:
    database = tmp_path / "latihan.db"
    process, address, printed = await start(tmp_path, "--db", str(database))
    try:
        assert address.startswith("http://127.0.0.1:")
        assert "Menyiapkan kantor" in printed
        async with aiohttp.ClientSession() as http, http.get(address) as page:
            assert page.status == 200 and "app.js" in await page.text()
        first = await state_of(address)
    finally:
        assert await stop(process) == 0
    assert database.is_file()

    process, address, printed = await start(tmp_path, "--db", str(database))
    try:
        assert "Menyiapkan kantor" not in printed  # nobody is invited twice
        again = await state_of(address)
    finally:
        assert await stop(process) == 0
    people = {(p["id"], p["role"], p["unit"]) for p in first["people"]}
    assert {(p["id"], p["role"], p["unit"]) for p in again["people"]} == people
    assert again["clock"]["iso"] == first["clock"]["iso"]

    refused = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "sandbox",
        "--port",
        "0",
        "--db",
        str(database),
        "--scenario",
        "latihan",
        cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _out, error = await refused.communicate()
    assert refused.returncode == 2 and b"already set up" in error


async def test_a_database_the_sandbox_did_not_make_is_left_alone(tmp_path: Path) -> None:
    foreign = tmp_path / "marelan.db"
    foreign.write_bytes(b"")
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "sandbox",
        "--port",
        "0",
        "--db",
        str(foreign),
        cwd=tmp_path,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    _out, error = await process.communicate()
    assert process.returncode == 2 and b"not made by the sandbox" in error
    assert foreign.read_bytes() == b""
