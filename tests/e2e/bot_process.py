"""`marelan-bot run` as a separate process against the emulator, for what only the real
process shows: its logs, a stop by signal, a kill at a chosen moment.

:class:`ProcessOffice` offers what the complaint steps (``tests/e2e/complaint_steps.py``)
need of an office (``user``, ``invite``, ``bind_group``, ``world``), so the same steps
drive the real process. It runs on the real clock and with the real pacing of Telegram's
limits.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from emulator import BotWorld, FakeGroup, FakeUser
from storage.core.namespace import DEFAULT_SCHEMA, split_schema
from tests.e2e.harness import bind_group, invite

ROOT = Path(__file__).resolve().parents[2]
#: The first answer waits for the process to start (imports, migrations, commands).
STARTUP_TIMEOUT = 30


def database_env(database: Path | str) -> dict[str, str]:
    """The variable that points a bot process at this database."""
    if isinstance(database, Path):
        return {"DATABASE_PATH": str(database)}
    url, schema = split_schema(database)
    return {"DATABASE_URL": url} | ({} if schema == DEFAULT_SCHEMA else {"DATABASE_SCHEMA": schema})


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class BotProcess:
    """One ``python -m bot run``; stdout and stderr go to ``log`` (a file, so that a
    chatty DEBUG log never fills a pipe nobody reads)."""

    process: asyncio.subprocess.Process
    log: Path

    def logs(self) -> str:
        return self.log.read_text(errors="replace")

    async def wait(self) -> int:
        return await asyncio.wait_for(self.process.wait(), timeout=30)

    async def kill(self) -> None:
        """SIGKILL: no shutdown code runs, as with an out-of-memory kill or a power cut."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGKILL)
        await self.wait()

    async def logged(self, text: str, timeout: float) -> float:  # noqa: ASYNC109
        """Wait until the process wrote ``text`` to its log; the moment it was seen
        (``time.monotonic``). The log is a file: read it until the line is there."""
        deadline = time.monotonic() + timeout
        while text not in self.logs():
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} not logged:\n{self.logs()[-3000:]}")
            await asyncio.sleep(0.05)
        return time.monotonic()


async def start_bot(env: dict[str, str], cwd: Path, name: str = "bot") -> BotProcess:
    log = cwd / f"{name}.log"
    with log.open("ab") as sink:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=cwd,
            env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), **env},
            stdout=sink,
            stderr=sink,
        )
    return BotProcess(process, log)


async def stop(bot: BotProcess) -> tuple[int, str]:
    """SIGTERM, the clean stop; returns the exit code and everything the process logged.
    A process that does not stop in time is killed (no test leaves one behind)."""
    bot.process.send_signal(signal.SIGTERM)
    try:
        return await bot.wait(), bot.logs()
    except TimeoutError:
        await bot.kill()
        raise AssertionError(f"the bot did not stop on SIGTERM:\n{bot.logs()}") from None


@dataclass
class ProcessOffice:
    """An office served by real processes started one after another on one database."""

    world: BotWorld
    cwd: Path
    #: An SQLite file, or a PostgreSQL URL (tests/database.py).
    database: Path | str
    env: dict[str, str] = field(default_factory=dict)
    bot: BotProcess | None = None
    admin: FakeUser = field(init=False)

    def __post_init__(self) -> None:
        self.admin = self.world.user("Admin", username="camat_admin")
        self.env = {
            "BOT_TOKEN": self.world.token,
            "TELEGRAM_API_BASE_URL": self.world.root,
            **database_env(self.database),
            "ADMIN_IDS": str(self.admin.id),
            **self.env,
        }

    def user(self, first_name: str, **kwargs: Any) -> FakeUser:
        return self.world.user(first_name, **kwargs)

    async def start(self) -> None:
        """Start the process and wait until it answers."""
        self.bot = await start_bot(self.env, self.cwd)
        await self.admin.send("/start")
        await self.admin.wait_for("Halo", timeout=STARTUP_TIMEOUT)

    async def kill(self) -> None:
        assert self.bot is not None
        await self.bot.kill()

    async def stop(self) -> str:
        """Stop cleanly; returns the logs of every run so far."""
        assert self.bot is not None
        code, logs = await stop(self.bot)
        assert code == 0, logs
        return logs

    async def close(self) -> None:
        """Kill the process if it still runs (a test that failed half-way)."""
        if self.bot is not None and self.bot.process.returncode is None:
            await self.bot.kill()

    async def invite(self, person: FakeUser, role: str, unit: str | None = None) -> None:
        await invite(self.admin, person, role, unit)

    async def bind_group(self, group: FakeGroup, unit: str) -> None:
        await bind_group(self.admin, group, unit)
