"""``marelan-bot sandbox``: start the office on this machine and print the page's address.

The emulator, the bot and the page all run in this one process and listen on 127.0.0.1
only; the bot's token is made up by the emulator, so the command needs no BotFather token
and sends nothing over the network. Ctrl+C (or SIGTERM) stops everything; the database is
thrown away unless ``--db`` names a file to keep.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.core.instance_lock import AlreadyRunning, single_instance
from bot.core.logsetup import configure
from bot.core.settings import Settings
from sandbox.office import SandboxError, SandboxOffice
from sandbox.scenario import FreePlay
from sandbox.seed import set_up_office
from sandbox.web import SandboxPage

EXIT_USAGE = 2
Say = Callable[[str], None]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marelan-bot sandbox",
        description="The whole office on this machine, with no Telegram token: the real bot, "
        "a fake Telegram and a page in your browser to act as citizens and staff.",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=8080,
        help="port of the page on 127.0.0.1 (default 8080; 0 picks a free one)",
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="keep the database in this file (default: a throw-away one)",
    )
    parser.add_argument(
        "--scenario",
        choices=("demo", "latihan"),
        help="demo: a lived-in office and a short story; latihan: exercises the page checks off",
    )
    parser.add_argument(
        "--start",
        metavar="'YYYY-MM-DD HH:MM'",
        help="office clock at start, WIB (default: 09:00 of today's or the next working day)",
    )
    parser.add_argument(
        "--pause",
        type=float,
        default=2.5,
        metavar="SECONDS",
        help="pause between the demo story's steps (default 2.5)",
    )
    parser.add_argument(
        "--verbose", action="store_true", help="log what the bot does (default: errors only)"
    )
    return parser


def scenario_for(name: str | None, pause: float) -> FreePlay:
    if name == "demo":
        from sandbox.demo import Demo

        return Demo(pause=pause)
    if name == "latihan":
        from sandbox.latihan import Latihan

        return Latihan()
    return FreePlay()


@contextlib.contextmanager
def _database(kept: Path | None) -> Iterator[Path]:
    """The kept file (locked against a second sandbox or bot), or a throw-away one."""
    if kept is not None:
        kept.parent.mkdir(parents=True, exist_ok=True)
        with single_instance(kept):
            yield kept
        return
    with tempfile.TemporaryDirectory(prefix="marelan-sandbox-") as folder:
        yield Path(folder) / "sandbox.db"


async def serve(
    base: Settings, args: argparse.Namespace, say: Say = print, stop: asyncio.Event | None = None
) -> None:
    """Run until ``stop`` is set (by default: until SIGINT or SIGTERM)."""
    stop = stop or _stop_on_signals()
    start = _start_moment(args.start, base.zone)
    if args.scenario:  # its people speak, and press the buttons of, the default catalog
        base = base.model_copy(update={"default_language": "id"})
    with _database(args.db) as database:
        scenario = scenario_for(args.scenario, args.pause)
        office = SandboxOffice(
            base, database, start=start, rewind=scenario.rewind, remember=args.db is not None
        )
        page = SandboxPage(office, scenario)
        # Errors only by default: a fresh office has, for a moment, units without a group,
        # and the bot warns about that at start; the page shows what the bot does.
        configure("INFO" if args.verbose else "ERROR")  # tokens are redacted by shape
        await office.start()
        try:
            if office.is_new:
                say("Menyiapkan kantor (undangan dan grup unit lewat perintah bot)…")
                await set_up_office(office, lambda line: say(f"  {line}"))
                await scenario.prepare(office, lambda line: say(f"  {line}"))
            elif args.scenario:
                raise SandboxError(
                    f"{database} is already set up; a scenario needs a new "
                    "database (leave out --db, or give a new file)"
                )
            try:
                address = await page.start(args.port)
            except OSError as exc:
                raise SandboxError(
                    f"Cannot listen on 127.0.0.1:{args.port} ({exc.strerror}); "
                    "try another --port (0 picks a free one)"
                ) from None
            say(f"Sandbox siap / ready: {address}  (Ctrl+C untuk berhenti / to stop)")
            await stop.wait()
        finally:
            await page.stop()
            await office.stop()


def _start_moment(value: str | None, zone: ZoneInfo) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=zone)
    except ValueError:
        raise SandboxError(f"--start {value!r}: expected 'YYYY-MM-DD HH:MM'") from None


def _stop_on_signals() -> asyncio.Event:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(number, stop.set)
    return stop


def main(base: Settings, argv: Sequence[str]) -> int:
    """Entry point of ``marelan-bot sandbox`` (``base``: settings from the environment and
    .env; the token, API root, database, admins and webhook are the sandbox's own)."""
    args = _parser().parse_args(list(argv))
    try:
        asyncio.run(serve(base, args))
    except (SandboxError, AlreadyRunning) as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    return 0
